using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace NumForge.Analyzers.Tests.BuildTiming
{
    /// <summary>
    /// Builds the control analyzer of the build-time measurement: an analyzer that does no analysis (one syntax-tree
    /// callback per file, no semantic model, no operations) and reports, in every generated file of the planted
    /// project, the diagnostics the NumForge analyzers report there: same lines, columns, severities and messages.
    /// Building the planted project with it instead of the NumForge analyzers prices the reporting alone.
    /// </summary>
    internal static class PlantedReporter
    {
        /// <summary>The generated-code setting of the control analyzer: the NumForge analyzers' own, so the driver treats both alike.</summary>
        private const string GeneratedCodeFlags = nameof(GeneratedCodeAnalysisFlags.ReportDiagnostics);

        /// <summary>The sites of the diagnostics the NumForge analyzers report in one planted file (all files share the shape).</summary>
        public static async Task<IReadOnlyList<Diagnostic>> PlantedSitesAsync()
        {
            var trees = StandInProject.Trees(StandInProject.Generated("Generated", 1, LargeProjectTests.GenerateFile));
            var compilation = StandInProject.Compile("PlantedSites", trees);
            ImmutableArray<Diagnostic> diagnostics = await compilation
                .WithAnalyzers(ImmutableArray.Create(Verify.AllAnalyzers()))
                .GetAnalyzerDiagnosticsAsync();
            return diagnostics.Where(d => d.Location.SourceTree == trees[1]).OrderBy(d => d.Location.SourceSpan.Start).ToList();
        }

        /// <summary>Compiles the reporter for <paramref name="sites"/> into <paramref name="path"/>.</summary>
        public static void Write(string path, IReadOnlyList<Diagnostic> sites)
        {
            var table = new StringBuilder();
            foreach (Diagnostic site in sites)
            {
                LinePosition start = site.Location.GetLineSpan().StartLinePosition;
                table.Append(CultureInfo.InvariantCulture, $"            ({start.Line}, {start.Character}, {site.Location.SourceSpan.Length}, DiagnosticSeverity.{site.Severity}, ")
                    .Append(SymbolDisplay.FormatLiteral(site.GetMessage(CultureInfo.InvariantCulture), quote: true))
                    .AppendLine("),");
            }

            string source = $$"""
                using System;
                using System.Collections.Immutable;
                using Microsoft.CodeAnalysis;
                using Microsoft.CodeAnalysis.Diagnostics;
                using Microsoft.CodeAnalysis.Text;

                [DiagnosticAnalyzer(LanguageNames.CSharp)]
                public sealed class PlantedReporter : DiagnosticAnalyzer
                {
                    private static readonly DiagnosticDescriptor Warning = new DiagnosticDescriptor("PLANT01", "Planted", "{0}", "Timing", DiagnosticSeverity.Warning, true);
                    private static readonly DiagnosticDescriptor Info = new DiagnosticDescriptor("PLANT02", "Planted", "{0}", "Timing", DiagnosticSeverity.Info, true);
                    private static readonly (int Line, int Column, int Length, DiagnosticSeverity Severity, string Message)[] Sites =
                    {
                {{table}}    };

                    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Warning, Info);

                    public override void Initialize(AnalysisContext context)
                    {
                        context.EnableConcurrentExecution();
                        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.{{GeneratedCodeFlags}});
                        context.RegisterSyntaxTreeAction(c =>
                        {
                            if (!System.IO.Path.GetFileName(c.Tree.FilePath).StartsWith("Generated", StringComparison.Ordinal))
                            {
                                return;
                            }

                            SourceText text = c.Tree.GetText(c.CancellationToken);
                            foreach (var site in Sites)
                            {
                                TextLine line = text.Lines[site.Line];
                                int start = line.Start + site.Column;
                                var span = new TextSpan(start, Math.Max(0, Math.Min(site.Length, line.End - start)));
                                c.ReportDiagnostic(Diagnostic.Create(site.Severity == DiagnosticSeverity.Warning ? Warning : Info, Location.Create(c.Tree, span), site.Message));
                            }
                        });
                    }
                }
                """;

            var references = Net100.References.All.Cast<MetadataReference>()
                .Append(MetadataReference.CreateFromFile(typeof(DiagnosticAnalyzer).Assembly.Location));
            var compilation = CSharpCompilation.Create(
                "NumForge.Timing.PlantedReporter",
                new[] { CSharpSyntaxTree.ParseText(source, path: "PlantedReporter.cs") },
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release));
            using var output = File.Create(path);
            var emitted = compilation.Emit(output);
            if (!emitted.Success)
            {
                throw new InvalidOperationException("the planted reporter does not compile:" + Environment.NewLine + string.Join(Environment.NewLine, emitted.Diagnostics));
            }
        }
    }
}
