using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using NumForge.Explorer.Rendering;

namespace NumForge.Explorer.Commands
{
    /// <summary>
    /// <c>numforge quant</c>: quantizes synthetic weight matrices (Gaussian, Laplace, heavy-tailed Student-t) with every
    /// scheme and prints bits per weight, SQNR, max error, quantize throughput and MatVec time as a table, with a progress
    /// line on stderr while it runs.
    /// </summary>
    internal static class QuantCommand
    {
        private static readonly string[] s_distributions = ["gaussian", "laplace", "heavy"];

        public static Command Create()
        {
            var rows = new Option<int>("--rows") { Description = "Output channels of the test matrix.", DefaultValueFactory = _ => 1024 };
            var columns = new Option<int>("--columns") { Description = "Input channels (a multiple of 128 fits every scheme).", DefaultValueFactory = _ => 1024 };
            var distribution = new Option<string>("--distribution", "-d")
            {
                Description = "Weight distribution: gaussian, laplace, heavy (Student-t, 3 degrees of freedom) or all.",
                DefaultValueFactory = _ => "all",
            };
            distribution.AcceptOnlyFromAmong([.. s_distributions, "all"]);
            var schemes = new Option<string[]>("--scheme", "-s")
            {
                Description = "Schemes to run (repeat or comma-separate), e.g. W4G128,NF4. Default: every scheme NumForge quantizes, the ggml block types (Q4_0 ... Q6_K) included.",
                AllowMultipleArgumentsPerToken = true,
            };
            var minimize = new Option<bool>("--minimize-error") { Description = "Also run the error-minimizing search for W{N}G{M} schemes and show its SQNR gain over round to nearest." };
            var format = new Option<string>("--format", "-f") { Description = "Output style: table or markdown.", DefaultValueFactory = _ => ListCommand.Table };
            format.AcceptOnlyFromAmong(ListCommand.Table, ListCommand.Markdown);
            var seed = new Option<int>("--seed") { Description = "Random seed of the synthetic weights.", DefaultValueFactory = _ => 1 };
            var noProgress = new Option<bool>("--no-progress") { Description = "Do not print the progress line on stderr." };

            var command = new Command("quant", "Quantize synthetic weight matrices with every scheme: bits per weight, SQNR, max error, quantize and MatVec speed.")
            {
                rows, columns, distribution, schemes, minimize, format, seed, noProgress,
            };
            command.SetAction(parseResult =>
            {
                var settings = new Settings(
                    parseResult.GetValue(rows),
                    parseResult.GetValue(columns),
                    parseResult.GetValue(distribution) is "all" or null ? s_distributions : [parseResult.GetValue(distribution)!],
                    ParseSchemes(parseResult.GetValue(schemes)),
                    parseResult.GetValue(minimize),
                    parseResult.GetValue(seed));
                TextWriter? progress = parseResult.GetValue(noProgress) ? null : parseResult.InvocationConfiguration.Error;
                Run(settings, parseResult.InvocationConfiguration.Output, progress, parseResult.GetValue(format) == ListCommand.Markdown);
                return 0;
            });
            return command;
        }

        internal sealed record Settings(int Rows, int Columns, string[] Distributions, QuantScheme[] Schemes, bool MinimizeError, int Seed);

        private static QuantScheme[] ParseSchemes(string[]? texts)
        {
            if (texts is null || texts.Length == 0)
            {
                return [.. QuantScheme.Common, .. QuantScheme.GgmlTypes];
            }

            var result = new List<QuantScheme>();
            foreach (string text in texts.SelectMany(t => t.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
            {
                if (!QuantScheme.TryParse(text, out QuantScheme scheme))
                {
                    throw new ExplorerException($"'{text}' is not a quantization scheme. Valid: {QuantScheme.ValidNames}.");
                }

                result.Add(scheme);
            }

            return [.. result];
        }

        internal static void Run(Settings settings, TextWriter output, TextWriter? progress, bool markdown)
        {
            if (settings.Rows <= 0 || settings.Columns <= 0)
            {
                throw new ExplorerException($"--rows and --columns must be positive (got {settings.Rows} x {settings.Columns}).");
            }

            foreach (QuantScheme scheme in settings.Schemes)
            {
                int group = scheme.GroupSize == -1 ? settings.Columns : scheme.GroupSize;
                if (settings.Columns % group != 0)
                {
                    throw new ExplorerException($"--columns {settings.Columns} is not a multiple of {scheme}'s group size {group}.");
                }
            }

            var columns = new List<Column>
            {
                new("distribution"),
                new("scheme"),
                new("bits/weight", Align.Right),
                new("SQNR dB", Align.Right),
                new("max error", Align.Right),
                new("quantize GB/s", Align.Right),
                new("MatVec ms", Align.Right),
                new("MatVec 1T ms", Align.Right),
            };
            if (settings.MinimizeError)
            {
                columns.Add(new Column("min-error SQNR dB", Align.Right));
                columns.Add(new Column("gain dB", Align.Right));
            }

            var table = new TableWriter([.. columns]);
            int total = settings.Distributions.Length * settings.Schemes.Length;
            int done = 0;
            float[] x = Synthetic("gaussian", settings.Columns, settings.Seed + 1000);
            float[] y = new float[settings.Rows];
            foreach (string distribution in settings.Distributions)
            {
                float[] weights = Synthetic(distribution, settings.Rows * settings.Columns, settings.Seed);
                foreach (QuantScheme scheme in settings.Schemes)
                {
                    done++;
                    progress?.Write(string.Create(CultureInfo.InvariantCulture, $"\r[{done}/{total}] {distribution} {scheme}...").PadRight(49));
                    long start = Stopwatch.GetTimestamp();
                    QuantizedMatrix matrix = QuantizedMatrix.Quantize(weights, settings.Rows, settings.Columns, scheme);
                    double quantizeSeconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
                    QuantError error = matrix.Measure(weights);
                    double parallel = BestMilliseconds(() => matrix.MatVec(x, y));
                    double single = BestMilliseconds(() => matrix.MatVec(x, y, new MatVecOptions { SingleThreaded = true }));
                    var cells = new List<string>
                    {
                        distribution,
                        scheme.ToString(),
                        Number(error.BitsPerWeight, "F3"),
                        Number(error.SqnrDb, "F2"),
                        Number(error.MaxAbsError, "G3"),
                        Number(weights.Length * 4.0 / 1e9 / Math.Max(quantizeSeconds, 1e-9), "F2"),
                        Number(parallel, "F3"),
                        Number(single, "F3"),
                    };
                    if (settings.MinimizeError)
                    {
                        if (scheme.Kind == QuantSchemeKind.WeightOnly)
                        {
                            QuantizedMatrix searched = QuantizedMatrix.Quantize(weights, settings.Rows, settings.Columns, scheme, new QuantizeOptions { MinimizeError = true });
                            double sqnr = searched.Measure(weights).SqnrDb;
                            cells.Add(Number(sqnr, "F2"));
                            cells.Add(Number(sqnr - error.SqnrDb, "F2"));
                        }
                        else
                        {
                            cells.Add("-");
                            cells.Add("-");
                        }
                    }

                    table.AddRow([.. cells]);
                }
            }

            progress?.Write("\r".PadRight(49) + "\r");
            if (markdown)
            {
                table.WriteMarkdown(output);
            }
            else
            {
                table.WriteText(output);
            }
        }

        private static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

        /// <summary>The fastest of several runs (at least 3, and at least 50 ms in all), in milliseconds.</summary>
        private static double BestMilliseconds(Action action)
        {
            action();
            double best = double.MaxValue;
            long begin = Stopwatch.GetTimestamp();
            for (int run = 0; run < 3 || (run < 200 && Stopwatch.GetElapsedTime(begin).TotalMilliseconds < 50); run++)
            {
                long start = Stopwatch.GetTimestamp();
                action();
                best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }

            return best;
        }

        /// <summary>Synthetic weights with standard deviation 0.02 (typical of trained linear layers).</summary>
        internal static float[] Synthetic(string distribution, int count, int seed)
        {
            var random = new Random(seed);
            var values = new float[count];
            for (int i = 0; i < count; i++)
            {
                double v = distribution switch
                {
                    // Laplace with variance 1: b = 1/sqrt(2).
                    "laplace" => -Math.Sign(random.NextDouble() - 0.5) * Math.Log(1 - (2 * Math.Abs(random.NextDouble() - 0.5))) / Math.Sqrt(2),
                    // Student-t with 3 degrees of freedom, scaled to variance 1 (its variance is 3).
                    "heavy" => Normal(random) / Math.Sqrt((Square(Normal(random)) + Square(Normal(random)) + Square(Normal(random))) / 3) / Math.Sqrt(3),
                    _ => Normal(random),
                };
                values[i] = (float)(0.02 * v);
            }

            return values;
        }

        private static double Square(double v) => v * v;

        private static double Normal(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
    }
}
