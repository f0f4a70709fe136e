using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;
using Xunit.Abstractions;

namespace NumForge.Analyzers.Tests.Timing
{
    /// <summary>
    /// Where each NumForge analyzer spends its time on the 100,000-line project, measured as thread CPU time inside
    /// its callbacks (robust to a loaded machine) and grouped by callback, with ReportDiagnostic apart and a
    /// do-nothing operation analyzer measured the same way as the floor. Printed, never asserted
    /// (docs/diagnostics/performance.md).
    /// </summary>
    public class CallbackCostTests
    {
        private readonly ITestOutputHelper _output;

        public CallbackCostTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        [Trait("Category", "Exhaustive")]
        public async Task CallbackCpuTimeOnTheLargeProject()
        {
            // NUMFORGE_TIMING_PROJECT=realistic profiles the realistic variant (BuildTiming/RealisticProject) instead of the planted one.
            bool realistic = Environment.GetEnvironmentVariable("NUMFORGE_TIMING_PROJECT") == "realistic";
            Func<int, string> generate = realistic ? BuildTiming.RealisticProject.GenerateFile : LargeProjectTests.GenerateFile;
            _output.WriteLine(realistic ? "the realistic project" : "the planted project");
            var trees = StandInProject.Trees(StandInProject.Generated("Generated", 1000, generate));
            int rounds = int.TryParse(Environment.GetEnvironmentVariable("NUMFORGE_TIMING_ROUNDS"), out int configured) && configured > 0 ? configured : 4;
            var totals = new Dictionary<string, List<double>>();
            for (int round = 0; round < rounds; round++)
            {
                // A fresh compilation each round, so symbol caches start cold as in a build; the first round also pays the JIT.
                var compilation = StandInProject.Compile("LargeProject", trees, concurrentBuild: false);
                CallbackProfiler[] profilers = Verify.AllAnalyzers().Append(new LargeProjectTests.EmptyOperationAnalyzer()).Select(a => new CallbackProfiler(a)).ToArray();
                var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: false);
                ImmutableArray<Diagnostic> diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(profilers), options).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
                Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001" && Fail(d));
                _output.WriteLine($"round {round + 1}{(round == 0 ? " (cold: includes the JIT)" : string.Empty)}: {diagnostics.Length} diagnostics");
                foreach (CallbackProfiler profiler in profilers)
                {
                    string name = profiler.SupportedDiagnostics[0].Id == "TEST0001" ? "EmptyOperationAnalyzer" : Name(profiler);
                    double all = profiler.Groups.Values.Sum(g => g[0]) / 1e9;
                    double report = profiler.ReportNanoseconds / 1e9;
                    string groups = string.Join(", ", profiler.Groups.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Value[0] / 1e9:F3} s/{g.Value[1]}"));
                    _output.WriteLine($"  {name}: {all:F3} s in callbacks, of which ReportDiagnostic {report:F3} s ({profiler.Reports} reported); {groups}");
                    if (round > 0)
                    {
                        Record(totals, name + " own work", all - report);
                        Record(totals, name + " with reporting", all);
                    }
                }
            }

            foreach (var pair in totals)
            {
                pair.Value.Sort();
                _output.WriteLine($"warm rounds, {pair.Key}: median {pair.Value[pair.Value.Count / 2]:F3} s, min {pair.Value[0]:F3} s");
            }

            static void Record(Dictionary<string, List<double>> totals, string key, double value)
            {
                if (!totals.TryGetValue(key, out var list))
                {
                    totals[key] = list = new List<double>();
                }

                list.Add(value);
            }
        }

        private bool Fail(Diagnostic diagnostic)
        {
            _output.WriteLine(diagnostic.ToString());
            return true;
        }

        private static string Name(CallbackProfiler profiler) => profiler.SupportedDiagnostics[0].Id switch
        {
            "NF1001" => nameof(MixedPrecisionAnalyzer),
            "NF1005" => nameof(UnrepresentableComparisonAnalyzer),
            "NF1006" => nameof(LoopArithmeticAnalyzer),
            string id => id,
        };
    }
}
