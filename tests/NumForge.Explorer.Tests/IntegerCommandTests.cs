using System;
using Xunit;

namespace NumForge.Explorer.Tests
{
    /// <summary>list, show, encode and decode on the catalog's integer formats.</summary>
    public class IntegerCommandTests
    {
        [Fact]
        public void List_has_every_catalog_integer_after_the_floats_and_posits()
        {
            RunResult result = ExplorerRunner.Run("list");

            Assert.Equal(0, result.ExitCode);
            string[] lines = result.Stdout.Split('\n');
            int posit = Array.FindIndex(lines, l => l.TrimStart().StartsWith("Posit8E0 ", StringComparison.Ordinal));
            foreach (string name in new[] { "Int4", "UInt4", "Int3", "UInt3", "Int2", "UInt2", "Int1", "UInt1" })
            {
                int row = Array.FindIndex(lines, l => l.TrimStart().StartsWith(name + " ", StringComparison.Ordinal));
                Assert.True(row > posit, $"{name} missing or before the posits:\n{result.Stdout}");
            }

            string int4 = Array.Find(lines, l => l.TrimStart().StartsWith("Int4 ", StringComparison.Ordinal))!;
            Assert.Contains("integer, two's complement", int4, StringComparison.Ordinal);
            Assert.Contains(" 7 ", int4, StringComparison.Ordinal);
        }

        [Fact]
        public void Show_gives_range_codes_and_packing()
        {
            RunResult result = ExplorerRunner.Run("show", "int4");

            Assert.Equal(0, result.ExitCode);
            Assert.Equal("", result.Stderr);
            Assert.StartsWith("Int4: signed 4-bit integer, -8 to 7", result.Stdout, StringComparison.Ordinal);
            Assert.Equal("Integer", result.Field("kind"));
            Assert.Equal("-8  (0x8)", result.Field("min"));
            Assert.Equal("7  (0x7)", result.Field("max"));
            Assert.Equal("0xF", result.Field("-1"));
            Assert.Equal("2 values per byte, element 0 in the lowest bits of byte 0", result.Field("packed"));

            RunResult unsigned = ExplorerRunner.Run("show", "UInt3");
            Assert.Equal("no", unsigned.Field("signed"));
            Assert.Equal("0  (0x0)", unsigned.Field("min"));
            Assert.Equal("8 values per 3 bytes, element 0 in the lowest bits of byte 0", unsigned.Field("packed"));
        }

        [Theory]
        [InlineData("Int4", "2.5", "ToEven", "0x2", "2")]
        [InlineData("Int4", "2.5", "AwayFromZero", "0x3", "3")]
        [InlineData("Int4", "-2.5", "ToEven", "0xE", "-2")]
        [InlineData("Int4", "-7.2", "ToNegativeInfinity", "0x8", "-8")]
        [InlineData("Int4", "100", "ToEven", "0x7", "7")]
        [InlineData("UInt2", "-1", "ToEven", "0x0", "0")]
        [InlineData("UInt4", "nan", "ToEven", "0x0", "0")]
        public void Encode_rounds_in_the_mode_and_saturates(string name, string value, string rounding, string code, string decoded)
        {
            RunResult result = ExplorerRunner.Run("encode", name, "--rounding", rounding, "--", value);

            Assert.True(result.ExitCode == 0, result.Stderr);
            Assert.Equal(code, result.Field("code"));
            Assert.Equal(decoded, result.Field("value"));
        }

        [Fact]
        public void Encode_says_when_it_saturates_and_what_the_error_is()
        {
            RunResult result = ExplorerRunner.Run("encode", "Int4", "100");
            Assert.StartsWith("saturated", result.Field("note"), StringComparison.Ordinal);
            Assert.Equal("-93", result.Field("error"));

            RunResult exact = ExplorerRunner.Run("encode", "Int4", "0.1");
            Assert.StartsWith("-0.1", exact.Field("error"), StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("Int4", "0xB", "-5 (two's complement: 11 - 2^4)")]
        [InlineData("Int4", "0x7", "7")]
        [InlineData("UInt4", "0xB", "11")]
        [InlineData("Int1", "0x1", "-1 (two's complement: 1 - 2^1)")]
        public void Decode_gives_the_value(string name, string code, string value)
        {
            RunResult result = ExplorerRunner.Run("decode", name, code);

            Assert.Equal(0, result.ExitCode);
            Assert.Equal(value, result.Field("value"));
        }
    }
}
