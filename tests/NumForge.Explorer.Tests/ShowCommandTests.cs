using System;
using System.Linq;
using Xunit;

namespace NumForge.Explorer.Tests
{
    public class ShowCommandTests
    {
        [Fact]
        public void Float8E4M3FNLayoutHasFieldsAndBitPositions()
        {
            RunResult result = ExplorerRunner.Run("show", "Float8E4M3FN");

            Assert.Equal(0, result.ExitCode);
            Assert.Equal("", result.Stderr);
            string[] lines = result.Stdout.Split('\n').Select(l => l.Trim()).ToArray();
            int layout = Array.FindIndex(lines, l => l.StartsWith("layout", StringComparison.Ordinal));
            Assert.Equal("S EEEE MMM", lines[layout + 1]);
            Assert.Equal("7 6..3 2..0", lines[layout + 2]);
        }

        [Fact]
        public void Float8E4M3FNPropertiesAndCodes()
        {
            RunResult result = ExplorerRunner.Run("show", "Float8E4M3FN");

            Assert.Equal("e4m3fn, float8_e4m3fn", result.Field("aliases"));
            Assert.Equal("4", result.Field("exponent bits"));
            Assert.Equal("3", result.Field("mantissa bits"));
            Assert.Equal("7", result.Field("bias"));
            Assert.Equal("FiniteNaN", result.Field("specials"));
            Assert.Equal("no", result.Field("has infinity"));
            Assert.Equal("yes", result.Field("has NaN"));
            Assert.Equal("448", result.Field("max"));
            Assert.Equal("0.015625 (2^-6)", result.Field("min normal"));
            Assert.Equal("0.001953125 (2^-9)", result.Field("smallest positive").Split('\n')[0]);
            Assert.Equal("0x7E  448", result.Field("+max"));
            Assert.Equal("0xFE  -448", result.Field("-max"));
            Assert.StartsWith("0x7F and 0xFF", result.Field("NaN"), StringComparison.Ordinal);
            Assert.StartsWith("none", result.Field("+inf"), StringComparison.Ordinal);
        }

        [Fact]
        public void IeeeFormatShowsInfinityCodes()
        {
            RunResult result = ExplorerRunner.Run("show", "e5m2");

            Assert.Equal(0, result.ExitCode);
            Assert.Equal("yes", result.Field("has infinity"));
            Assert.Equal("0x7C", result.Field("+inf"));
            Assert.Equal("0xFC", result.Field("-inf"));
            Assert.StartsWith("0x7E", result.Field("NaN"), StringComparison.Ordinal);
        }

        [Fact]
        public void UnsignedFormatHasNoSignField()
        {
            RunResult result = ExplorerRunner.Run("show", "Float8E8M0FNU");

            Assert.Equal(0, result.ExitCode);
            string[] lines = result.Stdout.Split('\n').Select(l => l.Trim()).ToArray();
            int layout = Array.FindIndex(lines, l => l.StartsWith("layout", StringComparison.Ordinal));
            Assert.Equal("EEEEEEEE", lines[layout + 1]);
            Assert.Equal("7..0", lines[layout + 2]);
            Assert.Equal("no", result.Field("signed"));
            Assert.DoesNotContain("-max", result.Stdout, StringComparison.Ordinal);
        }

        [Fact]
        public void NarrowFormatShowsItsContainer()
        {
            RunResult result = ExplorerRunner.Run("show", "Float6E2M3FN");

            string[] lines = result.Stdout.Split('\n').Select(l => l.Trim()).ToArray();
            int layout = Array.FindIndex(lines, l => l.StartsWith("layout", StringComparison.Ordinal));
            Assert.Contains("byte", lines[layout], StringComparison.Ordinal);
            Assert.Equal("xx   S EE   MMM", lines[layout + 1]);
            Assert.Equal("7..6 5 4..3 2..0", lines[layout + 2]);
            Assert.Contains("unused", lines[layout + 3], StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("bf16", "BFloat16")]
        [InlineData("FLOAT8_E4M3FN", "Float8E4M3FN")]
        [InlineData("float8e5m2", "Float8E5M2")]
        [InlineData(" tf32 ", "TensorFloat32")]
        public void ResolvesAliasesIgnoringCase(string typed, string name)
        {
            RunResult result = ExplorerRunner.Run("show", typed);

            Assert.Equal(0, result.ExitCode);
            Assert.StartsWith(name + ":", result.Stdout, StringComparison.Ordinal);
        }

        [Theory]
        [MemberData(nameof(CatalogNames))]
        public void EveryCatalogFormatCanBeShown(string name)
        {
            RunResult result = ExplorerRunner.Run("show", name);

            Assert.Equal(0, result.ExitCode);
            Assert.Equal("", result.Stderr);
            Assert.StartsWith(name + ":", result.Stdout, StringComparison.Ordinal);
        }

        public static TheoryData<string> CatalogNames() => new(FormatCatalog.All.Select(f => f.Name));
    }
}
