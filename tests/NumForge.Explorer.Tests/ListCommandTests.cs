using System;
using System.Linq;
using Xunit;

namespace NumForge.Explorer.Tests
{
    public class ListCommandTests
    {
        [Fact]
        public void ListsEveryCatalogFormat()
        {
            RunResult result = ExplorerRunner.Run("list");

            Assert.Equal(0, result.ExitCode);
            Assert.Equal("", result.Stderr);
            string[] lines = result.Stdout.Split('\n');
            Assert.Equal(13, FormatCatalog.All.Count);
            foreach (FormatInfo format in FormatCatalog.All)
            {
                Assert.Single(lines, l => l.StartsWith(format.Name + " ", StringComparison.Ordinal));
            }
        }

        [Theory]
        [InlineData("Float8E4M3FN", "448")]
        [InlineData("Float8E5M2", "57344")]
        [InlineData("Float8E4M3", "240")]
        [InlineData("Float8E3M4", "15.5")]
        [InlineData("Float8E4M3FNUZ", "240")]
        [InlineData("Float8E5M2FNUZ", "57344")]
        [InlineData("Float8E4M3B11FNUZ", "30")]
        [InlineData("Float6E2M3FN", "7.5")]
        [InlineData("Float6E3M2FN", "28")]
        [InlineData("Float4E2M1FN", "6")]
        [InlineData("BFloat16", "3.3895314E+38")]
        [InlineData("Float8E8M0FNU", "1.7014118E+38")]
        public void ShowsTheLargestFiniteValue(string name, string max)
        {
            string[] cells = Row(ExplorerRunner.Run("list").Stdout, name);

            // The last three columns are max, min normal and smallest positive.
            Assert.Equal(max, cells[^3]);
        }

        [Theory]
        [InlineData("Float8E4M3FN", "8", "4", "3", "7", "0.015625", "0.001953125")]
        [InlineData("Float4E2M1FN", "4", "2", "1", "1", "1", "0.5")]
        [InlineData("Float8E5M2", "8", "5", "2", "15", "6.1035156E-05", "1.5258789E-05")]
        public void ShowsWidthsBiasAndSmallValues(string name, string bits, string e, string m, string bias, string minNormal, string smallest)
        {
            string[] cells = Row(ExplorerRunner.Run("list").Stdout, name);

            Assert.Equal([name, bits, e, m, bias], cells[..5]);
            Assert.Equal(minNormal, cells[^2]);
            Assert.Equal(smallest, cells[^1]);
        }

        [Fact]
        public void ColumnsAreAligned()
        {
            string[] lines = ExplorerRunner.Run("list").Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);

            // Right-aligned numeric columns end at the same place on every row as the header's last column.
            Assert.All(lines, line => Assert.Equal(lines[0].Length, line.Length));
        }

        [Fact]
        public void MarkdownTableHasAHeaderRuleAndOneRowPerFormat()
        {
            RunResult result = ExplorerRunner.Run("list", "--format", "markdown");

            Assert.Equal(0, result.ExitCode);
            string[] lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.StartsWith("| name", lines[0], StringComparison.Ordinal);
            Assert.Matches(@"^\| -+ \| -+: \|", lines[1]);
            Assert.Equal(FormatCatalog.All.Count + 2, lines.Length);
            Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\| `Float8E4M3FN` +\| +8 \|.*\| +448 \|"));
            Assert.All(lines, l => Assert.EndsWith("|", l, StringComparison.Ordinal));
        }

        [Fact]
        public void UnknownOutputStyleIsAnError()
        {
            RunResult result = ExplorerRunner.Run("list", "--format", "html");

            Assert.Equal(1, result.ExitCode);
            Assert.Contains("html", result.Stderr, StringComparison.Ordinal);
        }

        private static string[] Row(string table, string name)
        {
            string line = table.Split('\n').Single(l => l.StartsWith(name + " ", StringComparison.Ordinal));
            return line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        }
    }
}
