using System;
using System.Globalization;
using System.Linq;
using Xunit;

namespace NumForge.Explorer.Tests
{
    public class QuantCommandTests
    {
        private static string[] Rows(RunResult result) => result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2).ToArray();

        [Fact]
        public void PrintsARowPerDistributionAndScheme()
        {
            RunResult result = ExplorerRunner.Run("quant", "--rows", "32", "--columns", "256");

            Assert.Equal(0, result.ExitCode);
            string[] rows = Rows(result);
            QuantScheme[] schemes = [.. QuantScheme.Common, .. QuantScheme.GgmlTypes];
            Assert.Equal(3 * schemes.Length, rows.Length);
            foreach (string distribution in new[] { "gaussian", "laplace", "heavy" })
            {
                foreach (QuantScheme scheme in schemes)
                {
                    Assert.Single(rows, r => r.StartsWith(distribution + " ", StringComparison.Ordinal) && r.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1] == scheme.ToString());
                }
            }

            // The progress line went to stderr.
            Assert.Contains("[1/", result.Stderr, StringComparison.Ordinal);
        }

        [Fact]
        public void ShowsBitsAndSqnrFromMeasure()
        {
            RunResult result = ExplorerRunner.Run("quant", "--rows", "16", "--columns", "256", "-d", "gaussian", "-s", "W4G128,NF4", "--no-progress");

            Assert.Equal(0, result.ExitCode);
            Assert.Equal("", result.Stderr);
            string[] w4 = Rows(result).Single(r => r.Contains("W4G128", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal("4.156", w4[2]);
            double sqnr = double.Parse(w4[3], CultureInfo.InvariantCulture);
            float[] weights = Commands.QuantCommand.Synthetic("gaussian", 16 * 256, 1);
            double expected = QuantizedMatrix.Quantize(weights, 16, 256, QuantScheme.W4G128).Measure(weights).SqnrDb;
            Assert.Equal(Math.Round(expected, 2), sqnr);
            Assert.Equal("4.500", Rows(result).Single(r => r.Contains("NF4", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[2]);
        }

        [Fact]
        public void MinimizeErrorAddsTheGain()
        {
            RunResult result = ExplorerRunner.Run("quant", "--rows", "16", "--columns", "256", "-d", "laplace", "-s", "W2G128", "-s", "MXFP4", "--minimize-error", "--no-progress", "-f", "markdown");

            Assert.Equal(0, result.ExitCode);
            string[] lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Contains("gain dB", lines[0], StringComparison.Ordinal);
            string[] w2 = lines.Single(l => l.Contains("W2G128", StringComparison.Ordinal)).Split('|', StringSplitOptions.TrimEntries);
            Assert.True(double.Parse(w2[^2], CultureInfo.InvariantCulture) > 0);
            Assert.EndsWith("| - |", lines.Single(l => l.Contains("MXFP4", StringComparison.Ordinal)).Replace(" ", "", StringComparison.Ordinal).Replace("|-|-|", "| - |", StringComparison.Ordinal), StringComparison.Ordinal);
        }

        [Fact]
        public void GgmlTypesShowTheirBlocksBitsAndSqnr()
        {
            RunResult result = ExplorerRunner.Run("quant", "--rows", "8", "--columns", "512", "-d", "laplace", "-s", "Q4_K,Q8_0", "--no-progress");

            Assert.Equal(0, result.ExitCode);
            float[] weights = Commands.QuantCommand.Synthetic("laplace", 8 * 512, 1);
            foreach ((string name, string bits) in new[] { ("Q4_K", "4.500"), ("Q8_0", "8.500") })
            {
                string[] cells = Rows(result).Single(r => r.Contains(name, StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
                Assert.Equal(bits, cells[2]);
                double expected = QuantizedMatrix.Quantize(weights, 8, 512, QuantScheme.Parse(name)).Measure(weights).SqnrDb;
                Assert.Equal(Math.Round(expected, 2), double.Parse(cells[3], CultureInfo.InvariantCulture));
            }
        }

        [Theory]
        [InlineData("W5G128", "not a quantization scheme")]
        [InlineData("Q7_K", "not a quantization scheme")]
        public void BadSchemesAreReported(string scheme, string message)
        {
            RunResult result = ExplorerRunner.Run("quant", "-s", scheme);

            Assert.Equal(1, result.ExitCode);
            Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        }

        [Fact]
        public void ColumnsThatDoNotFitTheGroupAreReported()
        {
            RunResult result = ExplorerRunner.Run("quant", "--columns", "100", "-s", "W4G128");

            Assert.Equal(1, result.ExitCode);
            Assert.Contains("not a multiple of W4G128's group size 128", result.Stderr, StringComparison.Ordinal);
        }
    }
}
