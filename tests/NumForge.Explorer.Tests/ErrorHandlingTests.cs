using System;
using Xunit;

namespace NumForge.Explorer.Tests
{
    public class ErrorHandlingTests
    {
        [Theory]
        [InlineData("show", "Float8E4M3F")]
        [InlineData("encode", "Float8E4M3F", "1")]
        [InlineData("decode", "Float8E4M3F", "0x7e")]
        public void UnknownFormatExitsWithOneAndSuggestsCloseNames(params string[] args)
        {
            RunResult result = ExplorerRunner.Run(args);

            Assert.Equal(1, result.ExitCode);
            Assert.Equal("", result.Stdout);
            Assert.StartsWith("numforge: Unknown format 'Float8E4M3F'.", result.Stderr, StringComparison.Ordinal);
            Assert.Matches(@"Did you mean [^?]*\bFloat8E4M3FN\b[^?]*\?", result.Stderr);
            Assert.Contains("Available formats: BFloat16,", result.Stderr, StringComparison.Ordinal);
            AssertNoStackTrace(result);
        }

        [Fact]
        public void UnknownFormatWithNothingCloseListsWhatExists()
        {
            RunResult result = ExplorerRunner.Run("show", "quux99");

            Assert.Equal(1, result.ExitCode);
            Assert.DoesNotContain("Did you mean", result.Stderr, StringComparison.Ordinal);
            foreach (FormatInfo format in FormatCatalog.All)
            {
                Assert.Contains(format.Name, result.Stderr, StringComparison.Ordinal);
            }
        }

        [Theory]
        [InlineData("abc")]
        [InlineData("1,5")]
        [InlineData("1.2.3")]
        [InlineData("--1")]
        [InlineData("1e")]
        [InlineData(".")]
        [InlineData("0x7e")]
        public void BadNumberExitsWithOne(string value)
        {
            RunResult result = ExplorerRunner.Run("encode", "Float8E4M3FN", "--", value);

            Assert.Equal(1, result.ExitCode);
            Assert.Equal("", result.Stdout);
            Assert.Contains($"'{value}' is not a number", result.Stderr, StringComparison.Ordinal);
            AssertNoStackTrace(result);
        }

        [Fact]
        public void BadRoundingModeExitsWithOne()
        {
            RunResult result = ExplorerRunner.Run("encode", "Float8E4M3FN", "1", "--rounding", "Up");

            Assert.Equal(1, result.ExitCode);
            Assert.Contains("'Up' is not a rounding mode", result.Stderr, StringComparison.Ordinal);
            AssertNoStackTrace(result);
        }

        [Theory]
        [InlineData]
        [InlineData("show")]
        [InlineData("encode", "Float8E4M3FN")]
        [InlineData("frobnicate")]
        public void CommandLineErrorsExitWithOne(params string[] args)
        {
            RunResult result = ExplorerRunner.Run(args);

            Assert.Equal(1, result.ExitCode);
            Assert.NotEqual("", result.Stderr);
            AssertNoStackTrace(result);
        }

        [Fact]
        public void HelpExitsWithZero()
        {
            RunResult result = ExplorerRunner.Run("--help");

            Assert.Equal(0, result.ExitCode);
            Assert.Contains("numforge", result.Stdout, StringComparison.Ordinal);
            foreach (string command in new[] { "list", "show", "encode", "decode" })
            {
                Assert.Contains(command, result.Stdout, StringComparison.Ordinal);
            }
        }

        [Fact]
        public void NegativeValuesNeedNoSeparator()
        {
            RunResult result = ExplorerRunner.Run("encode", "Float8E4M3FN", "-3.5");

            Assert.Equal(0, result.ExitCode);
            Assert.Equal("0xC6", result.Field("code"));
        }

        private static void AssertNoStackTrace(RunResult result)
        {
            Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", result.Stderr, StringComparison.Ordinal);
        }
    }
}
