using System;
using System.Linq;
using Xunit;

namespace NumForge.Explorer.Tests
{
    public class EncodeCommandTests
    {
        [Fact]
        public void RoundsBeforeTheOverflowCheck()
        {
            // ml_dtypes: 464 is the tie between 448 and 480 (which would overflow); ties to even gives 448.
            RunResult result = ExplorerRunner.Run("encode", "Float8E4M3FN", "464");

            Assert.Equal(0, result.ExitCode);
            Assert.Equal("0x7E", result.Field("code"));
            Assert.Equal("0 | 1111 | 110   (sign | exponent | mantissa)", result.Field("binary"));
            Assert.Equal("448", result.Field("value"));
            Assert.Equal("-16 (relative -3.4482759E-02)", result.Field("error"));
        }

        [Fact]
        public void OverflowGivesNaNWithoutSaturation()
        {
            RunResult result = ExplorerRunner.Run("encode", "Float8E4M3FN", "465");

            Assert.Equal(0, result.ExitCode);
            Assert.Equal("0x7F", result.Field("code"));
            Assert.Equal("NaN", result.Field("value"));
            Assert.Contains("overflow", result.Field("note"), StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("--saturate")]
        [InlineData("-s")]
        public void SaturateGivesMax(string flag)
        {
            RunResult result = ExplorerRunner.Run("encode", "Float8E4M3FN", "465", flag);

            Assert.Equal(0, result.ExitCode);
            Assert.Equal("0x7E", result.Field("code"));
            Assert.Equal("448", result.Field("value"));
            Assert.Contains("saturated", result.Field("note"), StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("Float8E4M3FN", "448", "0x7E")]
        [InlineData("Float8E4M3FN", "-3.5", "0xC6")]
        [InlineData("Float8E4M3FN", "0.001953125", "0x01")]
        [InlineData("BFloat16", "1", "0x3F80")]
        [InlineData("Float4E2M1FN", "-6", "0xF")]
        [InlineData("e8m0", "0.25", "0x7D")]
        public void RepresentableValueIsExact(string name, string value, string code)
        {
            RunResult result = ExplorerRunner.Run("encode", name, value);

            Assert.Equal(0, result.ExitCode);
            Assert.Equal(code, result.Field("code"));
            Assert.Equal("exact", result.Field("error"));
        }

        [Fact]
        public void InexactValueShowsAbsoluteAndRelativeError()
        {
            RunResult result = ExplorerRunner.Run("encode", "Float8E4M3FN", "3.3");

            Assert.Equal("0x45", result.Field("code"));
            Assert.StartsWith("3.25", result.Field("value"), StringComparison.Ordinal);
            Assert.Equal("-0.05 (relative -1.5151515E-02)", result.Field("error"));
        }

        [Theory]
        [InlineData("ToEven", "0x45")]
        [InlineData("toeven", "0x45")]
        [InlineData("AwayFromZero", "0x45")]
        [InlineData("ToZero", "0x45")]
        [InlineData("ToNegativeInfinity", "0x45")]
        [InlineData("ToPositiveInfinity", "0x46")]
        [InlineData("topositiveinfinity", "0x46")]
        public void RoundingModes(string mode, string code)
        {
            RunResult result = ExplorerRunner.Run("encode", "Float8E4M3FN", "3.3", "--rounding", mode);

            Assert.Equal(0, result.ExitCode);
            Assert.Equal(code, result.Field("code"));
        }

        [Theory]
        [InlineData("ToZero", "-3.3", "0xC5")]
        [InlineData("ToNegativeInfinity", "-3.3", "0xC6")]
        [InlineData("ToZero", "0.1", "0x1C")]
        [InlineData("ToPositiveInfinity", "0.1", "0x1D")]
        public void DirectedRoundingOfValuesThatAreNotDoubles(string mode, string value, string code)
        {
            RunResult result = ExplorerRunner.Run("encode", "e4m3fn", value, "-r", mode);

            Assert.Equal(code, result.Field("code"));
        }

        [Theory]
        // Just above the 464 tie: rounds up past 448, so NaN; a double parse would land on 464 and give 448.
        [InlineData("Float8E4M3FN", "464.00000000000000000001", "0x7F")]
        [InlineData("Float8E4M3FN", "463.99999999999999999999", "0x7E")]
        // Just above the tie 1 + 2^-8 between BFloat16's 1 and 1 + 2^-7: rounds up, where the double 1.00390625 ties to even (down).
        [InlineData("BFloat16", "1.00390625000000000001", "0x3F81")]
        [InlineData("BFloat16", "1.00390625", "0x3F80")]
        public void RoundsTheExactDecimalOnce(string name, string value, string code)
        {
            RunResult result = ExplorerRunner.Run("encode", name, value);

            Assert.Equal(code, result.Field("code"));
        }

        [Theory]
        [InlineData("e5m2", "inf", "0x7C", "inf")]
        [InlineData("e5m2", "-inf", "0xFC", "-inf")]
        [InlineData("e5m2", "Infinity", "0x7C", "inf")]
        [InlineData("e4m3fn", "nan", "0x7F", "NaN")]
        [InlineData("e4m3fn", "NaN", "0x7F", "NaN")]
        [InlineData("e4m3fn", "inf", "0x7F", "NaN")]
        [InlineData("e2m1", "inf", "0x7", "6")]
        [InlineData("e4m3fnuz", "nan", "0x80", "NaN")]
        public void AcceptsNaNAndInfinities(string name, string value, string code, string decoded)
        {
            RunResult result = ExplorerRunner.Run("encode", name, value);

            Assert.Equal(0, result.ExitCode);
            Assert.Equal(code, result.Field("code"));
            Assert.Equal(decoded, result.Field("value"));
        }

        [Theory]
        [InlineData("1e-3")]
        [InlineData("1E-3")]
        [InlineData("0.001")]
        [InlineData(".001")]
        [InlineData("+1e-3")]
        public void AcceptsInvariantDecimals(string value)
        {
            RunResult result = ExplorerRunner.Run("encode", "BFloat16", value);

            Assert.Equal(0, result.ExitCode);
            Assert.Equal("0x3A83", result.Field("code"));
        }

        [Fact]
        public void NegativeUnderflowInFnuzGivesPositiveZero()
        {
            RunResult result = ExplorerRunner.Run("encode", "Float8E4M3FNUZ", "-1e-9");

            Assert.Equal("0x00", result.Field("code"));
            Assert.Contains("underflow", result.Field("note"), StringComparison.Ordinal);
        }

        [Fact]
        public void ValuesBeyondDoubleRangeStillRound()
        {
            Assert.Equal("0x7F", ExplorerRunner.Run("encode", "e4m3fn", "1e400").Field("code"));
            Assert.Equal("0x7E", ExplorerRunner.Run("encode", "e4m3fn", "1e400", "--saturate").Field("code"));
            Assert.Equal("0x00", ExplorerRunner.Run("encode", "e4m3fn", "1e-400").Field("code"));
            Assert.Equal("0x80", ExplorerRunner.Run("encode", "e4m3fn", "-1e-999999999999").Field("code"));
        }

        [Theory]
        [MemberData(nameof(CatalogNames))]
        public void EveryFormatEncodesItsMaxExactlyToTheCodeShowLists(string name)
        {
            FormatInfo format = FormatCatalog.Find(name)!;
            // The exact decimal value: large maxima are integers; "R" would give a shortest string that is not exact.
            string max = format.MaxValue >= 1e15
                ? new System.Numerics.BigInteger(format.MaxValue).ToString(System.Globalization.CultureInfo.InvariantCulture)
                : format.MaxValue.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            RunResult show = ExplorerRunner.Run("show", name);
            RunResult encode = ExplorerRunner.Run("encode", name, max);

            Assert.Equal(0, encode.ExitCode);
            Assert.Equal("exact", encode.Field("error"));
            Assert.Equal(show.Field(format.Kind == FormatKind.Posit ? "+maxpos" : "+max").Split(' ')[0], encode.Field("code"));
        }

        [Fact]
        public void ShortestRoundTripTextOfAWideValueIsNotExact()
        {
            // 3.3895313892515355E+38 names BFloat16's max but is not its exact value, and the error says so.
            RunResult result = ExplorerRunner.Run("encode", "BFloat16", "3.3895313892515355E+38");

            Assert.Equal("0x7F7F", result.Field("code"));
            Assert.Matches(@"^-2\.4\d*E\+21 \(relative -7\.1\d*E-18\)$", result.Field("error"));
        }

        public static TheoryData<string> CatalogNames() => new(FormatCatalog.All.Select(f => f.Name));
    }
}
