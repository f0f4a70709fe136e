using System;
using System.Linq;
using NumForge.Explorer.Rendering;
using Xunit;

namespace NumForge.Explorer.Tests
{
    public class PositCommandTests
    {
        [Fact]
        public void EncodesOneInPosit16()
        {
            RunResult result = ExplorerRunner.Run("encode", "Posit16", "1");

            Assert.Equal(0, result.ExitCode);
            Assert.Equal("", result.Stderr);
            Assert.Equal("0x4000", result.Field("code"));
            Assert.Equal("0 | 10 | 00 | 00000000000   (sign | regime | exponent | fraction)", result.Field("binary"));
            Assert.Equal("1", result.Field("value"));
            Assert.Equal("exact", result.Field("error"));
        }

        [Fact]
        public void LargeValueSaturatesAtMaxpos()
        {
            RunResult result = ExplorerRunner.Run("encode", "Posit8E0", "1e9");

            Assert.Equal(0, result.ExitCode);
            Assert.Equal("0x7F", result.Field("code"));
            Assert.Equal("0 | 1111111   (sign | regime)", result.Field("binary"));
            Assert.Equal("64", result.Field("value"));
            Assert.Contains("maxpos", result.Field("note"), StringComparison.Ordinal);
        }

        [Fact]
        public void TinyValueGivesMinposNotZero()
        {
            RunResult result = ExplorerRunner.Run("encode", "Posit8", "1e-400");

            Assert.Equal(0, result.ExitCode);
            Assert.Equal("0x01", result.Field("code"));
            Assert.Contains("minpos", result.Field("note"), StringComparison.Ordinal);

            RunResult negative = ExplorerRunner.Run("encode", "Posit8", "--", "-1e-30");
            Assert.Equal("0xFF", negative.Field("code"));
        }

        [Theory]
        [InlineData("nan")]
        [InlineData("inf")]
        [InlineData("-inf")]
        public void NaNAndInfinityGiveNaR(string value)
        {
            RunResult result = ExplorerRunner.Run("encode", "Posit8", "--", value);

            Assert.Equal(0, result.ExitCode);
            Assert.Equal("0x80", result.Field("code"));
            Assert.StartsWith("NaR", result.Field("value"), StringComparison.Ordinal);
            Assert.Contains("NaR", result.Field("note"), StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("ToZero")]
        [InlineData("AwayFromZero")]
        [InlineData("ToPositiveInfinity")]
        public void OtherRoundingsAreAnError(string rounding)
        {
            RunResult result = ExplorerRunner.Run("encode", "Posit16", "3.3", "--rounding", rounding);

            Assert.Equal(1, result.ExitCode);
            Assert.Equal("", result.Stdout);
            Assert.Contains("ToEven", result.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("internal error", result.Stderr, StringComparison.Ordinal);
        }

        [Fact]
        public void ToEvenIsAccepted()
        {
            RunResult result = ExplorerRunner.Run("encode", "Posit16", "3.3", "--rounding", "toeven");

            Assert.Equal(0, result.ExitCode);
            Assert.Equal("0x4D33", result.Field("code"));
            Assert.Equal("3.2998046875 (shortest: 3.3)", result.Field("value"));
        }

        [Fact]
        public void SaturateIsAcceptedAndExplained()
        {
            RunResult result = ExplorerRunner.Run("encode", "Posit16", "3.3", "--saturate");

            Assert.Equal(0, result.ExitCode);
            Assert.Equal("0x4D33", result.Field("code"));
            Assert.Contains("always saturate", result.Field("note"), StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("Posit8", "0.1")]
        [InlineData("Posit16", "3.3")]
        [InlineData("Posit16E1", "-123.456")]
        [InlineData("Posit32", "0.1")]
        [InlineData("Posit32", "1e-30")]
        public void DecimalInputsRoundLikeTheLibrary(string name, string value)
        {
            // For inputs far from a decision point the once-rounded exact decimal and the double agree.
            FormatInfo format = FormatCatalog.Find(name)!;
            ulong expected = format.Encode(double.Parse(value, System.Globalization.CultureInfo.InvariantCulture));
            RunResult result = ExplorerRunner.Run("encode", name, value);

            Assert.Equal(FormatText.Hex(expected, format.Bits), result.Field("code"));
        }

        [Theory]
        [InlineData("0.1", "0x24CCCCCCCCCCCCCD")]
        [InlineData("3.14159265358979323846264338327950288", "0x4C90FDAA22168C23")]
        public void Posit64RoundsTheExactDecimalOnce(string value, string code)
        {
            // posit64 near 1 has 59 fraction bits, more than a double's 52: rounding through a double would lose them.
            RunResult result = ExplorerRunner.Run("encode", "Posit64", value);

            Assert.Equal(code, result.Field("code"));
            Assert.Matches(@"^-?\d\.\d+E-\d+ \(relative", result.Field("error"));
        }

        [Fact]
        public void DecimalBetweenDoublesRoundsAtTheDecisionPoint()
        {
            // Posit8E0 around 1: neighbours 1 and 1.03125, decision point 1.015625 (a double). An input a hair above it
            // that is not a double rounds up, a hair below rounds down.
            Assert.Equal("0x41", ExplorerRunner.Run("encode", "Posit8E0", "1.01562500000000000000000001").Field("code"));
            Assert.Equal("0x40", ExplorerRunner.Run("encode", "Posit8E0", "1.01562499999999999999999999").Field("code"));
        }

        [Fact]
        public void DecodesMaxposOfPosit16E1()
        {
            RunResult result = ExplorerRunner.Run("decode", "Posit16E1", "0x7FFF");

            Assert.Equal(0, result.ExitCode);
            Assert.Equal("0 | 111111111111111   (sign | regime)", result.Field("binary"));
            Assert.StartsWith("111111111111111: run of 15 ones", result.Field("regime"), StringComparison.Ordinal);
            Assert.EndsWith("k = 14", result.Field("regime"), StringComparison.Ordinal);
            Assert.Equal("+maxpos", result.Field("class"));
            Assert.StartsWith("268435456 = ", result.Field("value"), StringComparison.Ordinal);
            Assert.EndsWith("= 1 * 2^28", result.Field("value"), StringComparison.Ordinal);
        }

        [Fact]
        public void DecodesNaR()
        {
            RunResult result = ExplorerRunner.Run("decode", "Posit16", "0x8000");

            Assert.Equal(0, result.ExitCode);
            Assert.Equal("NaR", result.Field("value"));
            Assert.StartsWith("NaR", result.Field("class"), StringComparison.Ordinal);
        }

        [Fact]
        public void DecodesANegativeCodeOnItsRawBits()
        {
            RunResult result = ExplorerRunner.Run("decode", "Posit16", "0xC123");

            Assert.Equal("1 | 10 | 00 | 00100100011   (sign | regime | exponent | fraction)", result.Field("binary"));
            Assert.StartsWith("-0.928955078125 = ", result.Field("value"), StringComparison.Ordinal);
        }

        [Fact]
        public void CodeWiderThanThePositIsAnError()
        {
            RunResult result = ExplorerRunner.Run("decode", "Posit8", "0x100");

            Assert.Equal(1, result.ExitCode);
            Assert.Contains("does not fit", result.Stderr, StringComparison.Ordinal);
        }

        [Fact]
        public void ShowPosit16ExplainsTheLayout()
        {
            RunResult result = ExplorerRunner.Run("show", "Posit16");

            Assert.Equal(0, result.ExitCode);
            Assert.Equal("", result.Stderr);
            Assert.StartsWith("2", result.Field("es"), StringComparison.Ordinal);
            Assert.Equal("72057594037927936 (2^56)", result.Field("maxpos"));
            Assert.StartsWith("1.3877787807814457E-17 (2^-56)", result.Field("minpos"), StringComparison.Ordinal);
            Assert.Equal("0.00048828125 (2^-11)", result.Field("machine epsilon"));
            Assert.StartsWith("256 bits", result.Field("quire"), StringComparison.Ordinal);
            Assert.StartsWith("yes (0x8000)", result.Field("has NaR"), StringComparison.Ordinal);

            string[] lines = result.Stdout.Split('\n').Select(l => l.Trim()).ToArray();
            int layout = Array.FindIndex(lines, l => l.StartsWith("layout", StringComparison.Ordinal));
            Assert.Equal("S  RR     EE     FFFFFFFFFFF", lines[layout + 1]);
            Assert.Equal("15 14..13 12..11 10..0", lines[layout + 2]);
            Assert.StartsWith("regime", result.Field("R"), StringComparison.Ordinal);
            Assert.Contains("0x4000 = 0 | 10 | 00 | 00000000000", result.Stdout, StringComparison.Ordinal);

            Assert.Equal("0x7FFF  72057594037927936", result.Field("+maxpos"));
            Assert.Equal("0x8001  -72057594037927936", result.Field("-maxpos"));
            Assert.Equal("0x0001  1.3877787807814457E-17", result.Field("+minpos"));
            Assert.StartsWith("0x8000", result.Field("NaR"), StringComparison.Ordinal);
        }

        [Fact]
        public void ShowPositWithoutExponentBits()
        {
            RunResult result = ExplorerRunner.Run("show", "p8e0");

            Assert.Equal(0, result.ExitCode);
            string[] lines = result.Stdout.Split('\n').Select(l => l.Trim()).ToArray();
            int layout = Array.FindIndex(lines, l => l.StartsWith("layout", StringComparison.Ordinal));
            Assert.Equal("S RR   FFFFF", lines[layout + 1]);
            Assert.Equal("0x7F  64", result.Field("+maxpos"));
        }

        [Theory]
        [InlineData("Posit8")]
        [InlineData("Posit8E0")]
        [InlineData("Posit16")]
        [InlineData("Posit16E1")]
        public void FieldsGiveTheValueOfEveryCode(string name)
        {
            // The closed formula on the raw fields, ((1 - 3s) + f) * 2^((1 - 2s)(2^es*k + e + s)), matches Decode.
            FormatInfo format = FormatCatalog.Find(name)!;
            ulong nar = 1UL << (format.Bits - 1);
            for (ulong code = 0; code < 1UL << format.Bits; code++)
            {
                if (code == nar)
                {
                    continue;
                }

                PositFields fields = PositFields.Of(format, code);
                Assert.Equal(format.Decode(code), fields.Value.ToDouble());
                Assert.Equal(format.Bits, fields.Grouped.Count(c => c is '0' or '1'));
            }
        }
    }
}
