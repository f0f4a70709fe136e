using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using NumForge.Generators.Pipeline;
using NumForge.Generators.Families.Integer;

namespace NumForge.Generators.Tests.Integers
{
    /// <summary>Every integer diagnostic has a help page whose wrong example reports it and whose right example does not, and a release-tracking row.</summary>
    public class IntDiagnosticDocsTests
    {
        public static TheoryData<string> Ids => new(IntFamily.Instance.Descriptors.Select(d => d.Id));

        private static string Root([CallerFilePath] string thisFile = "") =>
            Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", ".."));

        [Theory]
        [MemberData(nameof(Ids))]
        public void Help_page_examples_report_the_id_only_when_wrong(string id)
        {
            var descriptor = IntFamily.Instance.Descriptors.Single(d => d.Id == id);
            Assert.Equal(DiagnosticDescriptors.HelpLinkBase + id + ".md", descriptor.HelpLinkUri);
            string text = File.ReadAllText(Path.Combine(Root(), "docs", "diagnostics", id + ".md"));
            Assert.StartsWith($"# {id}: {descriptor.Title}", text, System.StringComparison.Ordinal);
            var wrong = Regex.Match(text, "## Wrong\\s+```csharp\\n(.*?)```", RegexOptions.Singleline);
            var right = Regex.Match(text, "## Right\\s+```csharp\\n(.*?)```", RegexOptions.Singleline);
            Assert.True(wrong.Success && right.Success, id);

            var (_, wrongResult) = IntGeneratorTests.Run(wrong.Groups[1].Value);
            Assert.Contains(wrongResult.Diagnostics, d => d.Id == id);
            var (_, rightResult) = IntGeneratorTests.Run(right.Groups[1].Value);
            Assert.Empty(rightResult.Diagnostics);
            Assert.NotEmpty(rightResult.GeneratedSources);

            string releases = File.ReadAllText(Path.Combine(Root(), "generators", "NumForge.Generators", "AnalyzerReleases.Unshipped.md"));
            Assert.Contains($"{id} | {descriptor.Category} | Error | {descriptor.Title}", releases, System.StringComparison.Ordinal);
        }
    }
}
