extern alias runtime;

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NumForge.Generators.Pipeline;

namespace NumForge.Generators.Tests.Infrastructure
{
    /// <summary>Builds test compilations against .NET 10 reference assemblies plus the NumForge runtime, and runs the generator.</summary>
    internal static class GeneratorHarness
    {
        public static readonly CSharpParseOptions ParseOptions = new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Diagnose);

        public static readonly ImmutableArray<MetadataReference> References = Basic.Reference.Assemblies.Net100.References.All
            .Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(runtime::NumForge.FloatFormatAttribute).Assembly.Location))
            .ToImmutableArray();

        public static readonly CSharpCompilationOptions CompilationOptions = new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                generalDiagnosticOption: ReportDiagnostic.Error,
                warningLevel: 9999,
                deterministic: true)
            .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>
            {
                // Reference assemblies of a newer runtime than the test host's compiler knows are fine.
                ["CS1701"] = ReportDiagnostic.Suppress,
                ["CS1702"] = ReportDiagnostic.Suppress,
            });

        public static SyntaxTree Parse(string source, string path = "Test.cs") =>
            CSharpSyntaxTree.ParseText(source, ParseOptions, path);

        public static CSharpCompilation CreateCompilation(params SyntaxTree[] trees) =>
            CSharpCompilation.Create("NumForgeGeneratorTest" + Guid.NewGuid().ToString("N"), trees, References, CompilationOptions);

        public static CSharpCompilation CreateCompilation(params string[] sources) =>
            CreateCompilation(sources.Select((s, i) => Parse(s, i == 0 ? "Test.cs" : $"Test{i}.cs")).ToArray());

        public static GeneratorDriver CreateDriver() => CSharpGeneratorDriver.Create(
            new[] { new NumForgeGenerator().AsSourceGenerator() },
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

        /// <summary>Runs the generator once on <paramref name="sources"/>.</summary>
        public static GeneratorOutcome Run(params string[] sources)
        {
            var compilation = CreateCompilation(sources);
            var driver = CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var driverDiagnostics);
            var result = driver.GetRunResult();
            Assert.Empty(driverDiagnostics.Where(d => d.Id.StartsWith("CS", StringComparison.Ordinal)));
            Assert.Null(result.Results.Single().Exception);
            return new GeneratorOutcome(compilation, (CSharpCompilation)output, result.Results.Single(), driver);
        }
    }

    /// <summary>What one generator run gave.</summary>
    internal sealed record GeneratorOutcome(CSharpCompilation Input, CSharpCompilation Output, GeneratorRunResult Result, GeneratorDriver Driver)
    {
        /// <summary>Diagnostics the generator reported.</summary>
        public ImmutableArray<Diagnostic> GeneratorDiagnostics => Result.Diagnostics;

        /// <summary>Generated files, by hint name.</summary>
        public IReadOnlyList<GeneratedSourceResult> Sources => Result.GeneratedSources;

        /// <summary>Compiler diagnostics of the compilation with the generated code, warnings and errors only.</summary>
        public IReadOnlyList<Diagnostic> CompilationProblems => Output.GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .ToList();

        /// <summary>Emits the compilation with the generated code to an assembly image.</summary>
        public byte[] EmitImage()
        {
            using var stream = new MemoryStream();
            var emit = Output.Emit(stream);
            Assert.True(emit.Success, string.Join(Environment.NewLine, emit.Diagnostics));
            return stream.ToArray();
        }
    }
}
