using System;
using System.Globalization;
using Xunit;

namespace NumForge.Tests.Core
{
    /// <summary>The shared text surface (Core.FormatText): null, failure and UTF-8 behaviour for each family.</summary>
    public class FormatTextTests
    {
        [Fact]
        public void NullStringsThrowOrFailByName()
        {
            Assert.Equal("s", Assert.Throws<ArgumentNullException>(() => Float8E4M3FN.Parse((string)null!)).ParamName);
            Assert.Equal("s", Assert.Throws<ArgumentNullException>(() => Posit16.Parse((string)null!, CultureInfo.InvariantCulture)).ParamName);
            Assert.False(Float8E4M3FN.TryParse((string?)null, out var f));
            Assert.Equal(0, f.ToBits());
            Assert.False(Posit16.TryParse((string?)null, CultureInfo.InvariantCulture, out var p));
            Assert.Equal(0, p.ToBits());
        }

        [Fact]
        public void FailedPositParsesLeaveTheDefault()
        {
            Assert.False(Posit16.TryParse("1.5x", CultureInfo.InvariantCulture, out var p));
            Assert.Equal(0, p.ToBits());
            Assert.False(Posit16.TryParse("zz"u8, NumberStyles.Float, CultureInfo.InvariantCulture, out p));
            Assert.Equal(0, p.ToBits());
            var error = Assert.Throws<FormatException>(() => Posit16.Parse("zz"u8, CultureInfo.InvariantCulture));
            Assert.Equal("The UTF-8 text is not a valid Posit16 value.", error.Message);
        }

        [Fact]
        public void EveryOverloadAgrees()
        {
            var inv = CultureInfo.InvariantCulture;
            foreach (string text in new[] { "0", "1.5", "-448", "0.001953125", "1e9", "NaN" })
            {
                byte expected = Float8E4M3FN.Parse(text, inv).ToBits();
                Assert.Equal(expected, Float8E4M3FN.Parse(text.AsSpan(), inv).ToBits());
                Assert.Equal(expected, Float8E4M3FN.Parse(System.Text.Encoding.UTF8.GetBytes(text), inv).ToBits());
                Assert.True(Float8E4M3FN.TryParse(text, NumberStyles.Float, inv, out var viaString));
                Assert.Equal(expected, viaString.ToBits());
                Assert.True(Float8E4M3FN.TryParse(System.Text.Encoding.UTF8.GetBytes(text), NumberStyles.Float, inv, out var viaUtf8));
                Assert.Equal(expected, viaUtf8.ToBits());
                Assert.Equal(Float8E4M3FN.Parse(text, inv).ToString(inv), Float8E4M3FN.FromBits(expected).ToString(inv));
            }
        }
    }
}
