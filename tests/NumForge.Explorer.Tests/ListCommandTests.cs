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
            string[] lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);

            // A header, a rule and one row per catalog format, however many the catalog has.
            Assert.Equal(FormatCatalog.All.Count + 2, lines.Length);
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

        [Theory]
        [InlineData("Posit16", "16", "2", "72057594037927936", "1.3877788E-17")]
        [InlineData("Posit8E0", "8", "0", "64", "0.015625")]
        [InlineData("Posit16E1", "16", "1", "268435456", "3.7252903E-09")]
        [InlineData("Posit8", "8", "2", "16777216", "5.9604645E-08")]
        [InlineData("Posit32", "32", "2", "1.329228E+36", "7.5231638E-37")]
        public void PositsShowEsMaxposAndMinpos(string name, string bits, string es, string maxpos, string minpos)
        {
            string[] cells = Row(ExplorerRunner.Run("list").Stdout, name);

            // name, bits, E (= es), M and bias (none for posits), specials, max, min normal, smallest positive.
            Assert.Equal([name, bits, es, "-", "-", "NaR", maxpos, minpos, minpos], cells);
        }

        [Fact]
        public void FloatsComeBeforePosits()
        {
            string[] names = ExplorerRunner.Run("list").Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Skip(2)
                .Select(l => l.Split(' ')[0])
                .ToArray();
            FormatKind[] kinds = names.Select(n => FormatCatalog.Find(n)!.Kind).ToArray();

            Assert.Equal(FormatCatalog.All.Select(f => f.Name).Order(), names.Order());
            Assert.Equal(kinds.OrderBy(k => k == FormatKind.Float ? 0 : 1), kinds);
            Assert.Contains(FormatKind.Posit, kinds);
        }

        [Fact]
        public void MarkdownTableListsPosits()
        {
            string[] lines = ExplorerRunner.Run("list", "--format", "markdown").Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);

            Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\| `Posit16` +\| +16 \| +2 \| +- \| +- \| NaR +\| +72057594037927936 \|"));
            Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\| `Posit8E0` +\| +8 \| +0 \| +- \| +- \| NaR +\| +64 \|"));
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
