using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using NumForge.Analyzers.CodeFixes;

namespace NumForge.Analyzers.Tests
{
    /// <summary>Runs the analyzer (and code fixes) over test sources compiled against .NET 10 reference assemblies from Basic.Reference.Assemblies: nothing is downloaded.</summary>
    internal static class Verify
    {
        /// <summary>An empty set: the references come from Basic.Reference.Assemblies instead of a NuGet download.</summary>
        private static readonly ReferenceAssemblies NoDownload = new ReferenceAssemblies("net10.0");

        /// <summary>Checks the diagnostics marked in <paramref name="source"/> (plus <paramref name="expected"/>), with the NumForge stand-ins added.</summary>
        public static Task AnalyzerAsync(string source, params DiagnosticResult[] expected) => AnalyzerAsync(source, editorConfig: null, expected);

        /// <summary>As <see cref="AnalyzerAsync(string, DiagnosticResult[])"/> with an <c>.editorconfig</c> for the test file.</summary>
        public static Task AnalyzerAsync(string source, string? editorConfig, params DiagnosticResult[] expected) => AnalyzerAsync(source, editorConfig, includeNF1006: false, expected);

        /// <summary>As <see cref="AnalyzerAsync(string, DiagnosticResult[])"/> with the NF1006 suggestion checked too (other tests leave it out: it marks every low-precision loop).</summary>
        public static Task AnalyzerWithNF1006Async(string source, params DiagnosticResult[] expected) => AnalyzerAsync(source, null, includeNF1006: true, expected);

        private static Task AnalyzerAsync(string source, string? editorConfig, bool includeNF1006, DiagnosticResult[] expected)
        {
            var test = new AnalyzerTest { TestCode = source };
            if (!includeNF1006)
            {
                test.DisabledDiagnostics.Add(DiagnosticIds.LowPrecisionLoopArithmetic);
            }

            Configure(test.TestState, editorConfig);
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync(CancellationToken.None);
        }

        /// <summary>Applies the code fix and compares with <paramref name="fixedSource"/>.</summary>
        public static Task CodeFixAsync(string source, string fixedSource, int? iterations = null, int? fixAllIterations = null)
        {
            var test = new CodeFixTest { TestCode = source, FixedCode = fixedSource };
            test.DisabledDiagnostics.Add(DiagnosticIds.LowPrecisionLoopArithmetic);
            Configure(test.TestState, null);
            Configure(test.FixedState, null);
            if (iterations is int n)
            {
                test.NumberOfIncrementalIterations = n;
                test.NumberOfFixAllIterations = fixAllIterations ?? n;
            }

            return test.RunAsync(CancellationToken.None);
        }

        /// <summary>Checks that no code fix is offered for the marked diagnostics.</summary>
        public static Task NoCodeFixAsync(string source)
        {
            var test = new CodeFixTest { TestCode = source, FixedCode = source };
            test.DisabledDiagnostics.Add(DiagnosticIds.LowPrecisionLoopArithmetic);
            Configure(test.TestState, null);
            Configure(test.FixedState, null);
            return test.RunAsync(CancellationToken.None);
        }

        private static void Configure(SolutionState state, string? editorConfig)
        {
            state.Sources.Add(("NumForgeStandIns.cs", StandIns.Source));
            if (editorConfig is not null)
            {
                state.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\n" + editorConfig));
            }
        }

        private static void UseOfflineReferences(ProjectState state)
        {
            // The few assemblies the test sources use: far faster than all 160 reference assemblies.
            state.AdditionalReferences.AddRange(new MetadataReference[]
            {
                Net100.References.SystemRuntime,
                Net100.References.SystemCollections,
                Net100.References.SystemLinq,
                Net100.References.SystemRuntimeIntrinsics,
                Net100.References.SystemMemory,
                Net100.References.SystemConsole,
            });
        }

        /// <summary>Every NumForge analyzer, as the package ships them.</summary>
        public static DiagnosticAnalyzer[] AllAnalyzers() => new DiagnosticAnalyzer[]
        {
            new MixedPrecisionAnalyzer(),
            new UnrepresentableComparisonAnalyzer(),
            new LoopArithmeticAnalyzer(),
        };

        private sealed class AnalyzerTest : CSharpAnalyzerTest<MixedPrecisionAnalyzer, DefaultVerifier>
        {
            public AnalyzerTest()
            {
                ReferenceAssemblies = NoDownload;
                UseOfflineReferences(TestState);
            }

            protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => AllAnalyzers();
        }

        /// <summary>Every NumForge code fix provider (the type argument is a placeholder; <see cref="GetCodeFixProviders"/> supplies them).</summary>
        private sealed class CodeFixTest : CSharpCodeFixTest<MixedPrecisionAnalyzer, EmptyCodeFixProvider, DefaultVerifier>
        {
            public CodeFixTest()
            {
                ReferenceAssemblies = NoDownload;
                UseOfflineReferences(TestState);
            }

            protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => AllAnalyzers();

            protected override IEnumerable<CodeFixProvider> GetCodeFixProviders() =>
                new CodeFixProvider[] { new AccumulateInFloatCodeFixProvider(), new AccumulateStorageInFloatCodeFixProvider(), new ComputeInFloatCodeFixProvider() };
        }
    }
}
