using Xunit;

namespace NumForge.Explorer.Tests
{
    public class DecodeCommandTests
    {
        [Theory]
        [InlineData("0x7e")]
        [InlineData("0x7E")]
        [InlineData("0b0111_1110")]
        [InlineData("126")]
        public void SplitsACodeIntoFields(string code)
        {
            RunResult result = ExplorerRunner.Run("decode", "Float8E4M3FN", code);

            Assert.Equal(0, result.ExitCode);
            Assert.Equal("0 | 1111 | 110   (sign | exponent | mantissa)", result.Field("binary"));
            Assert.Equal("0 (+)", result.Field("sign"));
            Assert.Equal("1111 = 15, scale 2^(15 - 7) = 2^8", result.Field("exponent"));
            Assert.Equal("110 = 6, significand 1.75", result.Field("mantissa"));
            Assert.Equal("normal", result.Field("class"));
            Assert.Equal("448 = 1.75 * 2^8", result.Field("value"));
        }

        [Theory]
        [InlineData("Float8E4M3FN", "0x01", "subnormal", "0.001953125 = 0.125 * 2^-6")]
        [InlineData("Float8E4M3FN", "0xFF", "NaN", "NaN")]
        [InlineData("Float8E4M3FN", "0x80", "-0", "-0")]
        [InlineData("Float8E4M3FNUZ", "0x80", "NaN", "NaN")]
        [InlineData("Float8E5M2", "0xFC", "-infinity", "-inf")]
        [InlineData("Float8E8M0FNU", "0x00", "normal", "5.877471754111438E-39 = 1 * 2^-127")]
        [InlineData("BFloat16", "0x3F80", "normal", "1 = 1 * 2^0")]
        [InlineData("Float4E2M1FN", "0xF", "normal", "-6 = -1.5 * 2^2")]
        public void ClassifiesAndDecodes(string name, string code, string kind, string value)
        {
            RunResult result = ExplorerRunner.Run("decode", name, code);

            Assert.Equal(0, result.ExitCode);
            Assert.Equal(kind, result.Field("class"));
            Assert.Equal(value, result.Field("value"));
        }

        [Theory]
        [InlineData("Float8E4M3FN", "0x100")]
        [InlineData("Float4E2M1FN", "0x10")]
        [InlineData("Float6E2M3FN", "0b1000000")]
        public void CodeWiderThanTheFormatIsAnError(string name, string code)
        {
            RunResult result = ExplorerRunner.Run("decode", name, code);

            Assert.Equal(1, result.ExitCode);
            Assert.Equal("", result.Stdout);
            Assert.Contains("does not fit", result.Stderr, System.StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("0xZZ")]
        [InlineData("seven")]
        [InlineData("-1")]
        [InlineData("0b012")]
        public void BadCodeIsAnError(string code)
        {
            RunResult result = ExplorerRunner.Run("decode", "Float8E4M3FN", code);

            Assert.Equal(1, result.ExitCode);
            Assert.Contains("is not a code", result.Stderr, System.StringComparison.Ordinal);
        }
    }
}
