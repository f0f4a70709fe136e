using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;
using Xunit.Abstractions;

namespace NumForge.Analyzers.Tests
{
    /// <summary>Runs the analyzer over a generated 100,000-line project: no analyzer exception (AD0001), the planted diagnostics found.</summary>
    public class LargeProjectTests
    {
        private const int Files = 1000;
        private readonly ITestOutputHelper _output;

        public LargeProjectTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public async Task HundredThousandLinesWithoutAnalyzerExceptions()
        {
            var files = StandInProject.Generated("Generated", Files, GenerateFile);
            int lines = StandInProject.Lines(files);
            var trees = StandInProject.Trees(files);
            var compilation = StandInProject.Compile("LargeProject", trees);

            var compileWatch = Stopwatch.StartNew();
            var compileErrors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            compileWatch.Stop();
            Assert.True(compileErrors.Count == 0, string.Join(Environment.NewLine, compileErrors.Take(10)));

            var exceptions = new List<string>();
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                (exception, analyzer, diagnostic) => { lock (exceptions) { exceptions.Add(exception.ToString()); } },
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: true);
            var withAnalyzers = compilation.WithAnalyzers(ImmutableArray.Create(Verify.AllAnalyzers()), options);

            var stopwatch = Stopwatch.StartNew();
            ImmutableArray<Diagnostic> diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            stopwatch.Stop();
            var execution = TimeSpan.Zero;
            foreach (DiagnosticAnalyzer analyzer in withAnalyzers.Analyzers)
            {
                var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None);
                execution += telemetry.ExecutionTime;
                _output.WriteLine($"{analyzer.GetType().Name}: {telemetry.ExecutionTime.TotalSeconds:F2} s");
            }

            _output.WriteLine($"{lines:N0} lines in {Files:N0} files: analyzer diagnostics in {stopwatch.Elapsed.TotalSeconds:F1} s wall clock, analyzer execution time {execution.TotalSeconds:F2} s (binding the whole compilation alone: {compileWatch.Elapsed.TotalSeconds:F1} s)");
            foreach (var group in diagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key))
            {
                _output.WriteLine($"{group.Key}: {group.Count()}");
            }

            Assert.True(lines >= 100_000, $"only {lines} lines generated");
            Assert.Empty(exceptions);
            Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
            Assert.Equal(3 * Files, diagnostics.Count(d => d.Id == "NF1001"));
            Assert.Equal(Files, diagnostics.Count(d => d.Id == "NF1002"));
            Assert.Equal(Files, diagnostics.Count(d => d.Id == "NF1003"));
            Assert.Equal(Files, diagnostics.Count(d => d.Id == "NF1004"));
            Assert.Equal(Files, diagnostics.Count(d => d.Id == "NF1005"));
            Assert.Equal(5 * Files, diagnostics.Count(d => d.Id == "NF1006"));
        }

        /// <summary>
        /// The analyzers' share of compiling the 100,000-line project, in process and on one thread so the figures
        /// compare: the time to bind and emit the compilation, then the time each analyzer adds on its own (best of
        /// three runs each). Printed, never asserted (docs/diagnostics/performance.md).
        /// </summary>
        [Fact]
        [Trait("Category", "Exhaustive")]
        public async Task AnalyzerShareOfCompileTime()
        {
            var trees = StandInProject.Trees(StandInProject.Generated("Generated", Files, GenerateFile));
            CSharpCompilation Fresh() => StandInProject.Compile("LargeProject", trees, concurrentBuild: false);

            double compile = double.MaxValue;
            for (int run = 0; run < 3; run++)
            {
                var watch = Stopwatch.StartNew();
                var emitted = Fresh().Emit(new System.IO.MemoryStream());
                watch.Stop();
                Assert.True(emitted.Success);
                compile = Math.Min(compile, watch.Elapsed.TotalSeconds);
            }

            _output.WriteLine($"bind + emit, one thread: {compile:F2} s (best of 3)");

            // What any operation analyzer pays before doing anything (the driver binds again and builds the operation
            // trees) is measured by an analyzer that does nothing, interleaved with the real ones so that a changing
            // machine load hits both alike; each figure is the best of three.
            DiagnosticAnalyzer[] analyzers = Verify.AllAnalyzers();
            double baseline = double.MaxValue;
            var best = new double[analyzers.Length];
            Array.Fill(best, double.MaxValue);
            for (int run = 0; run < 3; run++)
            {
                baseline = Math.Min(baseline, await TimeAnalyzerAsync(new EmptyOperationAnalyzer()));
                for (int a = 0; a < analyzers.Length; a++)
                {
                    best[a] = Math.Min(best[a], await TimeAnalyzerAsync(analyzers[a]));
                }
            }

            _output.WriteLine($"an operation analyzer that does nothing: {baseline:F2} s (the driver's own cost, shared by every operation analyzer)");
            double total = 0;
            for (int a = 0; a < analyzers.Length; a++)
            {
                total += best[a] - baseline;
                _output.WriteLine($"{analyzers[a].GetType().Name}: {best[a]:F2} s, {best[a] - baseline:F2} s above the empty analyzer");
            }

            _output.WriteLine($"all NumForge analyzers above the empty analyzer: {total:F2} s = {100 * total / compile:F1}% of bind + emit");

            async Task<double> TimeAnalyzerAsync(DiagnosticAnalyzer analyzer)
            {
                var withAnalyzer = Fresh().WithAnalyzers(ImmutableArray.Create(analyzer), new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: false));
                var watch = Stopwatch.StartNew();
                await withAnalyzer.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
                watch.Stop();
                return watch.Elapsed.TotalSeconds;
            }
        }

#pragma warning disable RS1001, RS1036, RS1038, RS1041, RS2008 // a timing baseline passed to the driver directly, never shipped
        /// <summary>Registers for every operation NumForge looks at and does nothing: the baseline of the timing.</summary>
        internal sealed class EmptyOperationAnalyzer : DiagnosticAnalyzer
        {
            private static readonly DiagnosticDescriptor Never = new DiagnosticDescriptor("TEST0001", "never", "never", "Test", DiagnosticSeverity.Warning, true);

            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Never);

            public override void Initialize(AnalysisContext context)
            {
                context.EnableConcurrentExecution();
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
                context.RegisterOperationAction(_ => { }, OperationKind.Invocation, OperationKind.Conversion, OperationKind.Binary, OperationKind.SimpleAssignment, OperationKind.CompoundAssignment, OperationKind.Increment, OperationKind.Decrement, OperationKind.Loop);
            }
        }
#pragma warning restore RS1001, RS1036, RS1038, RS1041, RS2008

        /// <summary>
        /// One file of 100 lines: twelve methods of varied loops, with NF1001 x3, NF1002, NF1003, NF1004 and NF1005
        /// planted, and five loops that compute in low precision (NF1006).
        /// </summary>
        internal static string GenerateFile(int n)
        {
            var text = new StringBuilder();
            text.Append($$"""
                using System;
                using System.Collections.Generic;
                using System.Linq;
                using NumForge;

                namespace Generated{{n % 17}}
                {
                    internal sealed class Kernels{{n}}
                    {
                        private Half _bias = (Half)0.5f;
                        private float _scale = {{n}}f;

                        public Half SumHalf(Half[] x)
                        {
                            Half sum = default;
                            for (int i = 0; i < x.Length; i++)
                            {
                                sum += x[i];
                            }
                            return sum;
                        }

                        public float SumInFloat(Half[] x, Half[] y)
                        {
                            float sum = 0f;
                            for (int i = 0; i < x.Length; i++)
                            {
                                sum += (float)x[i] * (float)y[i] * _scale;
                            }
                            return sum;
                        }

                        public void Map(Half[] a, Half[] b, Half[] c)
                        {
                            int i = 0;
                            while (i < a.Length)
                            {
                                c[i] = a[i] + b[i] + _bias;
                                i++;
                            }
                        }

                        public Half Max(IEnumerable<Half> values)
                        {
                            Half max = Half.NegativeInfinity;
                            foreach (Half v in values)
                            {
                                if (v > max) max = v;
                            }
                            return max;
                        }

                        public BFloat16 Dot(BFloat16[] x, BFloat16[] y)
                        {
                            BFloat16 acc = BFloat16.Zero;
                            int k = 0;
                            do
                            {
                                acc = acc + x[k] * y[k];
                                k++;
                            } while (k < x.Length);
                            return acc;
                        }

                        public Half Total(Half[] x) => x.Aggregate((a, b) => a + b);

                        public float Denominator(Half[] x)
                        {
                            float s = 0f;
                            foreach (Half v in x) s += (float)Half.Exp(v);
                            return s;
                        }

                        public Half Smooth(float[] input)
                        {
                            Half state = default;
                            for (int t = 0; t < input.Length; t++)
                            {
                                state = (Half)((float)state * 0.9f + input[t]);
                            }
                            return state;
                        }

                        public void Scale(Half[,] m, Half s)
                        {
                            for (int r = 0; r < m.GetLength(0); r++)
                            {
                                for (int c = 0; c < m.GetLength(1); c++)
                                {
                                    m[r, c] = m[r, c] * s;
                                }
                            }
                        }

                        public Float8E4M3FN Constant() => (Float8E4M3FN){{500 + n}}f;

                        public bool IsTenth(Half h) => (float)h == 0.1f;

                        public int Count(int[] x, Func<int, int> f)
                        {
                            int n = 0;
                            for (int i = 0; i < x.Length; i++) n += f(x[i]);
                            return n + x.Where(v => v > {{n}}).Sum();
                        }
                    }
                }

                """);
            return text.ToString();
        }
    }
}
