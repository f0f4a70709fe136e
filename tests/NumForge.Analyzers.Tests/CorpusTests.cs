using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;
using Xunit.Abstractions;

namespace NumForge.Analyzers.Tests
{
    /// <summary>
    /// Runs every NumForge analyzer over the review corpus (tests/NumForge.Analyzers.Tests/Corpus: matrix kernels,
    /// statistics, image filters, physics steps, signal processing, inference; several thousand lines) and checks that
    /// no analyzer throws (AD0001) and that the findings are exactly the reviewed ones listed, each with its
    /// justification, in docs/diagnostics/corpus-review.md.
    /// </summary>
    public class CorpusTests
    {
        private static readonly Regex Row = new Regex(@"^\|\s*(?<file>[A-Za-z]+\.cs)\s*\|\s*(?<line>\d+)\s*\|\s*(?<id>NF\d{4})\s*\|", RegexOptions.Compiled);

        private readonly ITestOutputHelper _output;

        public CorpusTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public async Task FindingsAreExactlyTheReviewedOnes()
        {
            string root = RepositoryRoot();
            string corpus = Path.Combine(root, "tests", "NumForge.Analyzers.Tests", "Corpus");
            string[] files = Directory.GetFiles(corpus, "*.cs").OrderBy(f => f, StringComparer.Ordinal).ToArray();
            Assert.True(files.Length >= 6, "corpus files missing under " + corpus);

            var sources = files.Select(f => (Path.GetFileName(f), File.ReadAllText(f))).ToArray();
            int lines = StandInProject.Lines(sources);
            var trees = StandInProject.Trees(sources);
            Assert.True(lines >= 2500, $"the corpus has only {lines} lines");
            var compilation = StandInProject.Compile("Corpus", trees, true, Net100.References.SystemRuntimeIntrinsics, Net100.References.SystemRuntimeNumerics);
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors.Take(20)));

            var exceptions = new List<string>();
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                (exception, analyzer, diagnostic) => { lock (exceptions) { exceptions.Add(exception.ToString()); } },
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false);
            var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create(Verify.AllAnalyzers()), options).GetAnalyzerDiagnosticsAsync(CancellationToken.None);

            Assert.Empty(exceptions);
            Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");

            var actual = diagnostics
                .Where(d => d.Location.SourceTree?.FilePath != "StandIns.cs")
                .Select(d => (File: d.Location.SourceTree!.FilePath, Line: d.Location.GetLineSpan().StartLinePosition.Line + 1, d.Id, Text: d.GetMessage()))
                .OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Id, StringComparer.Ordinal)
                .ToList();
            var reviewed = ReadReviewTable(Path.Combine(root, "docs", "diagnostics", "corpus-review.md"));

            var actualKeys = actual.Select(d => $"{d.File}:{d.Line}:{d.Id}").ToList();
            var missing = reviewed.Except(actualKeys).ToList();
            var unreviewed = actual.Where(d => !reviewed.Contains($"{d.File}:{d.Line}:{d.Id}")).ToList();
            _output.WriteLine($"{lines:N0} corpus lines in {files.Length} files, {actual.Count} findings");
            foreach (var group in actual.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                _output.WriteLine($"{group.Key}: {group.Count()}");
            }

            Assert.True(
                missing.Count == 0 && unreviewed.Count == 0 && actualKeys.Count == reviewed.Count,
                "Findings differ from docs/diagnostics/corpus-review.md." + Environment.NewLine
                + "Reviewed but not reported: " + string.Join(", ", missing) + Environment.NewLine
                + "Reported but not reviewed:" + Environment.NewLine
                + string.Join(Environment.NewLine, unreviewed.Select(d => $"| {d.File} | {d.Line} | {d.Id} | {d.Text} |")));
        }

        /// <summary>The rows "| File.cs | line | NFxxxx | ..." of the review table, as "File.cs:line:NFxxxx" (a finding may appear once per row).</summary>
        private static List<string> ReadReviewTable(string path)
        {
            Assert.True(File.Exists(path), "missing " + path);
            var rows = new List<string>();
            foreach (string line in File.ReadLines(path))
            {
                Match match = Row.Match(line);
                if (match.Success)
                {
                    rows.Add($"{match.Groups["file"].Value}:{match.Groups["line"].Value}:{match.Groups["id"].Value}");
                }
            }

            return rows;
        }

        /// <summary>The directory holding Toolkit.sln, found by walking up from the test assembly.</summary>
        private static string RepositoryRoot()
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Toolkit.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException("Toolkit.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
