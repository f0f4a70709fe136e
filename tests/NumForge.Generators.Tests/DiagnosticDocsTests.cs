using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using NumForge.Generators.Pipeline;
using NumForge.Generators.Tests.Infrastructure;

namespace NumForge.Generators.Tests
{
    /// <summary>Every generator diagnostic has a help page whose wrong example reports it and whose right example does not.</summary>
    public class DiagnosticDocsTests
    {
        public static TheoryData<string> Ids => new(DiagnosticDescriptors.All.Select(d => d.Id).Distinct());

        private static string DocsDirectory([CallerFilePath] string thisFile = "") =>
            Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", "docs", "diagnostics"));

        private static (string Wrong, string Right) Examples(string id)
        {
            string path = Path.Combine(DocsDirectory(), id + ".md");
            Assert.True(File.Exists(path), $"missing help page {path}");
            string text = File.ReadAllText(path);
            Assert.StartsWith($"# {id}: ", text, System.StringComparison.Ordinal);
            var wrong = Regex.Match(text, "## Wrong\\s+```csharp\\n(.*?)```", RegexOptions.Singleline);
            var right = Regex.Match(text, "## Right\\s+```csharp\\n(.*?)```", RegexOptions.Singleline);
            Assert.True(wrong.Success, $"{id}.md has no '## Wrong' C# example");
            Assert.True(right.Success, $"{id}.md has no '## Right' C# example");
            return (wrong.Groups[1].Value, right.Groups[1].Value);
        }

        [Theory]
        [MemberData(nameof(Ids))]
        public void DescriptorHasAHelpPageWithWrongAndRightExamples(string id)
        {
            var descriptor = DiagnosticDescriptors.Find(id)!;
            Assert.Equal($"https://github.com/numforge/numforge/blob/main/docs/diagnostics/{id}.md", descriptor.HelpLinkUri);
            Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Error, descriptor.DefaultSeverity);
            Assert.StartsWith("NumForge.", descriptor.Category, System.StringComparison.Ordinal);
            Examples(id);
        }

        [Theory]
        [MemberData(nameof(Ids))]
        public void WrongExampleReportsTheIdAndRightExampleReportsNothing(string id)
        {
            if (id is "NF0099" or "NF0022")
            {
                // NF0099 is an internal error with no source that reliably causes it; NF0022 guards a posit range
                // property that every (bits, exponentBits) inside NF0020/NF0021's limits has.
                return;
            }

            var (wrong, right) = Examples(id);
            var (wrongDiagnostics, _) = RunGenerator(wrong);
            Assert.Contains(wrongDiagnostics, d => d.Id == id);

            var (rightDiagnostics, rightSources) = RunGenerator(right);
            Assert.Empty(rightDiagnostics);
            Assert.True(rightSources > 0, $"the right example of {id} generated nothing");
        }

        /// <summary>Runs the generator (every family): a page's example may use any attribute.</summary>
        private static (System.Collections.Immutable.ImmutableArray<Microsoft.CodeAnalysis.Diagnostic> Diagnostics, int Sources) RunGenerator(string source)
        {
            var compilation = GeneratorHarness.CreateCompilation(source);
            var driver = Microsoft.CodeAnalysis.CSharp.CSharpGeneratorDriver.Create(new NumForgeGenerator())
                .WithUpdatedParseOptions(GeneratorHarness.ParseOptions);
            var result = driver.RunGenerators(compilation).GetRunResult();
            Assert.All(result.Results, r => Assert.Null(r.Exception));
            return (result.Diagnostics, result.Results.Sum(r => r.GeneratedSources.Length));
        }

        [Fact]
        public void ReleaseTrackingListsEveryDescriptor()
        {
            string path = Path.Combine(DocsDirectory(), "..", "..", "generators", "NumForge.Generators", "AnalyzerReleases.Unshipped.md");
            string text = File.ReadAllText(path);
            foreach (var descriptor in DiagnosticDescriptors.All)
            {
                Assert.Contains($"{descriptor.Id} | {descriptor.Category} | Error | {descriptor.Title}", text, System.StringComparison.Ordinal);
            }
        }
    }
}
