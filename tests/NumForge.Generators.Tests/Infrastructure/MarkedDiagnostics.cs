using System;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using NumForge.Generators.Pipeline;

namespace NumForge.Generators.Tests.Infrastructure
{
    /// <summary>The one check of generator diagnostics against markup that marks where each must be reported.</summary>
    internal static class MarkedDiagnostics
    {
        /// <summary>
        /// Runs the generator on <paramref name="markup"/> (after <c>using NumForge;</c>) and checks that it reports exactly
        /// the marked diagnostics, in source order, as errors with the given messages and help links, and generates nothing.
        /// </summary>
        public static void Verify(string markup, params string[] messages)
        {
            var (source, marked) = Markup.Parse("using NumForge;\n" + markup);
            var expected = marked.OrderBy(e => e.Span.Start).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
            var outcome = GeneratorHarness.Run(source);
            var actual = outcome.GeneratorDiagnostics
                .OrderBy(d => d.Location.SourceSpan.Start)
                .ThenBy(d => d.Id, StringComparer.Ordinal)
                .ToList();

            Assert.True(
                expected.Count == actual.Count,
                $"Expected {expected.Count} diagnostics, got {actual.Count}:{Environment.NewLine}{string.Join(Environment.NewLine, actual)}");
            Assert.Equal(expected.Count, messages.Length);
            for (int i = 0; i < expected.Count; i++)
            {
                Assert.Equal(expected[i].Id, actual[i].Id);
                Assert.Equal(expected[i].Span, actual[i].Location.SourceSpan);
                Assert.Equal("Test.cs", actual[i].Location.GetLineSpan().Path);
                Assert.Equal(messages[i], actual[i].GetMessage(CultureInfo.InvariantCulture));
                Assert.Equal(DiagnosticSeverity.Error, actual[i].Severity);
                Assert.Equal(DiagnosticDescriptors.HelpLinkBase + actual[i].Id + ".md", actual[i].Descriptor.HelpLinkUri);
            }

            // Nothing is generated for a type with an error.
            Assert.Empty(outcome.Sources);
        }
    }
}
