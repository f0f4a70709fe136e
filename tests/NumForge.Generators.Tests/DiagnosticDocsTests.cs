using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using NumForge.Generators.Diagnostics;
using NumForge.Generators.Tests.Infrastructure;

namespace NumForge.Generators.Tests
{
    /// <summary>Every generator diagnostic has a help page whose wrong example reports it and whose right example does not.</summary>
    public class DiagnosticDocsTests
    {
        // The pages' examples may use [PositFormat]; declare it for the test if the runtime does not have it yet.
        private const string PositStub = """

            namespace NumForge
            {
                [System.AttributeUsage(System.AttributeTargets.Struct)]
                internal sealed class PositFormatAttribute : System.Attribute { public PositFormatAttribute(int bits) { } }
            }
            """;

        public static TheoryData<string> Ids => new(DiagnosticDescriptors.All.Select(d => d.Id));

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
            if (id == "NF0099")
            {
                return; // an internal error has no source that reliably causes it
            }

            var (wrong, right) = Examples(id);
            var wrongOutcome = GeneratorHarness.Run(wrong + PositStub);
            Assert.Contains(wrongOutcome.GeneratorDiagnostics, d => d.Id == id);

            var rightOutcome = GeneratorHarness.Run(right + PositStub);
            Assert.Empty(rightOutcome.GeneratorDiagnostics);
            Assert.NotEmpty(rightOutcome.Sources);
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
