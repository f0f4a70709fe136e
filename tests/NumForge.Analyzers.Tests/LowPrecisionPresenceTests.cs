using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Threading.Tasks;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;
using Xunit;

namespace NumForge.Analyzers.Tests
{
    /// <summary>
    /// The per-compilation gate: a compilation that cannot hold low-precision values gets no operation callbacks at
    /// all; any sign of Half, NumForge, a format attribute, a configured type list or a NumForge-based reference
    /// opens it.
    /// </summary>
    public class LowPrecisionPresenceTests
    {
        private const string FloatOnly = """
            namespace Plain
            {
                public static class Kernels
                {
                    public static float Sum(float[] x)
                    {
                        float s = 0f;
                        for (int i = 0; i < x.Length; i++) s += x[i];
                        return s;
                    }
                }
            }
            """;

        [Fact]
        public async Task ACompilationWithoutLowPrecisionTypesGetsNoOperationCallbacks()
        {
            var compilation = Compile(FloatOnly);
            Assert.False(LowPrecisionPresence.IsPossible(compilation, Options.Empty));
            foreach (DiagnosticAnalyzer analyzer in Verify.AllAnalyzers())
            {
                var telemetry = await TelemetryAsync(compilation, analyzer);
                Assert.Equal(1, telemetry.CompilationStartActionsCount);
                Assert.Equal(0, telemetry.OperationActionsCount);
            }
        }

        [Fact]
        public async Task ACompilationNamingHalfIsAnalyzed()
        {
            var compilation = Compile(FloatOnly.Replace("float[] x", "System.Half[] x"));
            Assert.True(LowPrecisionPresence.IsPossible(compilation, Options.Empty));
            foreach (DiagnosticAnalyzer analyzer in Verify.AllAnalyzers())
            {
                Assert.True((await TelemetryAsync(compilation, analyzer)).OperationActionsCount > 0, analyzer.GetType().Name);
            }
        }

        [Theory]
        [InlineData("Half")]
        [InlineData("NumForge")]
        [InlineData("FloatFormat")]
        [InlineData("PositFormat")]
        [InlineData("IntFormat")]
        public void EachMarkerWordOpensTheCompilation(string word)
        {
            // In a second file and only in a comment: the scan is textual and compilation-wide.
            var compilation = Compile(FloatOnly, "// uses " + word + " elsewhere\nnamespace Other { }");
            Assert.True(LowPrecisionPresence.IsPossible(compilation, Options.Empty));
        }

        [Fact]
        public void ATypeListInTheOptionsOpensTheCompilation()
        {
            var compilation = Compile(FloatOnly);
            Assert.True(LowPrecisionPresence.IsPossible(compilation, new Options(global: true)));
            Assert.True(LowPrecisionPresence.IsPossible(Compile(FloatOnly), new Options(global: false)));
        }

        [Fact]
        public void AReferenceToNumForgeOrToALibraryBuiltOnItOpensTheCompilation()
        {
            MetadataReference numForge = Emit(CSharpCompilation.Create("NumForge", new[] { CSharpSyntaxTree.ParseText("namespace Lib { public struct Box { } }") }, Net100.References.All, Library));
            Assert.True(LowPrecisionPresence.IsPossible(Compile(FloatOnly).AddReferences(numForge), Options.Empty));

            var formats = CSharpCompilation.Create("Formats", new[] { CSharpSyntaxTree.ParseText("namespace Formats { public struct Fp8 { public Lib.Box Bits; } }") }, Net100.References.All, Library).AddReferences(numForge);
            Assert.True(LowPrecisionPresence.IsPossible(Compile(FloatOnly).AddReferences(Emit(formats)), Options.Empty));

            // Another project in the same solution (an IDE workspace hands it over as a compilation): not looked into, so analyzed.
            var sibling = CSharpCompilation.Create("Sibling", new[] { CSharpSyntaxTree.ParseText("namespace Sibling { }") }, Net100.References.All, Library);
            Assert.True(LowPrecisionPresence.IsPossible(Compile(FloatOnly).AddReferences(sibling.ToMetadataReference()), Options.Empty));

            var unrelated = CSharpCompilation.Create("Unrelated", new[] { CSharpSyntaxTree.ParseText("namespace Unrelated { }") }, Net100.References.All, Library);
            Assert.False(LowPrecisionPresence.IsPossible(Compile(FloatOnly).AddReferences(Emit(unrelated)), Options.Empty));
        }

        private static readonly CSharpCompilationOptions Library = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary);

        private static CSharpCompilation Compile(params string[] sources)
        {
            var trees = new List<SyntaxTree>();
            for (int i = 0; i < sources.Length; i++)
            {
                trees.Add(CSharpSyntaxTree.ParseText(sources[i], path: $"File{i}.cs"));
            }

            return CSharpCompilation.Create("Test", trees, Net100.References.All, Library);
        }

        private static MetadataReference Emit(Compilation compilation)
        {
            using var stream = new MemoryStream();
            Assert.True(compilation.Emit(stream).Success);
            return MetadataReference.CreateFromImage(stream.ToArray());
        }

        private static async Task<AnalyzerTelemetryInfo> TelemetryAsync(Compilation compilation, DiagnosticAnalyzer analyzer)
        {
            var withAnalyzers = compilation.WithAnalyzers(
                ImmutableArray.Create(analyzer),
                new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: false));
            await withAnalyzers.GetAnalyzerDiagnosticsAsync();
            return await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, default);
        }

        /// <summary>Options with <c>numforge.low_precision_types</c> set globally or for every tree, or nothing set.</summary>
        private sealed class Options : AnalyzerConfigOptionsProvider
        {
            public static readonly Options Empty = new Options(null);
            private readonly bool? _global;

            public Options(bool? global)
            {
                _global = global;
            }

            public override AnalyzerConfigOptions GlobalOptions => new Values(_global == true);

            public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Values(_global == false);

            public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Values(false);

            private sealed class Values : AnalyzerConfigOptions
            {
                private readonly bool _set;

                public Values(bool set)
                {
                    _set = set;
                }

                public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value)
                {
                    value = _set && key == NumForgeOptions.LowPrecisionTypesKey ? "T:My.Fp8" : null;
                    return value is not null;
                }
            }
        }
    }
}
