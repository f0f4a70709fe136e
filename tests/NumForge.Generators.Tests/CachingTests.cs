using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NumForge.Generators.Reading;
using NumForge.Generators.Tests.Infrastructure;

namespace NumForge.Generators.Tests
{
    /// <summary>
    /// Incremental caching: after an edit that does not touch a format, every tracked step is Cached or Unchanged, and
    /// nothing in the pipeline holds a symbol, syntax node, location or compilation.
    /// </summary>
    public class CachingTests
    {
        private const string Formats = """
            using NumForge;

            namespace App
            {
                [FloatFormat(4, 3, Specials = SpecialValues.FiniteNaN)]
                public readonly partial struct Float8E4M3FN { }

                public partial class Outer
                {
                    [FloatFormat(0, 3)]
                    public partial struct Broken { }

                    [FloatFormat(2, 1, Specials = SpecialValues.Finite)]
                    internal partial struct Fp4 { }
                }

                public static class Helpers
                {
                    public static int Twice(int x) => x * 2;
                }
            }
            """;

        private const string Other = """
            namespace App
            {
                public static class Unrelated
                {
                    public static int One() => 1;
                }
            }
            """;

        [Fact]
        public void AddingAnUnrelatedFileRegeneratesNothing()
        {
            var compilation = GeneratorHarness.CreateCompilation(GeneratorHarness.Parse(Formats, "Formats.cs"), GeneratorHarness.Parse(Other, "Other.cs"));
            var edited = compilation.AddSyntaxTrees(GeneratorHarness.Parse("namespace App { public class Added { public int Value { get; set; } } }", "Added.cs"));
            AssertSecondRunCached(compilation, edited);
        }

        [Fact]
        public void EditingAnUnrelatedMethodInAnotherFileRegeneratesNothing()
        {
            var other = GeneratorHarness.Parse(Other, "Other.cs");
            var compilation = GeneratorHarness.CreateCompilation(GeneratorHarness.Parse(Formats, "Formats.cs"), other);
            var edited = compilation.ReplaceSyntaxTree(other, GeneratorHarness.Parse(Other.Replace("=> 1;", "=> 1 + 1;", StringComparison.Ordinal), "Other.cs"));
            AssertSecondRunCached(compilation, edited);
        }

        [Fact]
        public void EditingAnUnrelatedMethodInTheSameFileRegeneratesNothing()
        {
            var formats = GeneratorHarness.Parse(Formats, "Formats.cs");
            var compilation = GeneratorHarness.CreateCompilation(formats, GeneratorHarness.Parse(Other, "Other.cs"));
            var edited = compilation.ReplaceSyntaxTree(formats, GeneratorHarness.Parse(Formats.Replace("x * 2;", "x + x;", StringComparison.Ordinal), "Formats.cs"));
            AssertSecondRunCached(compilation, edited);
        }

        [Fact]
        public void ChangingASpecRegeneratesThatFormat()
        {
            var formats = GeneratorHarness.Parse(Formats, "Formats.cs");
            var compilation = GeneratorHarness.CreateCompilation(formats);
            var edited = compilation.ReplaceSyntaxTree(formats, GeneratorHarness.Parse(Formats.Replace("FloatFormat(4, 3,", "FloatFormat(5, 2,", StringComparison.Ordinal), "Formats.cs"));

            var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
            var second = driver.RunGenerators(edited).GetRunResult().Results.Single();

            var reasons = second.TrackedSteps[TrackingNames.FloatFormatModels].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
            Assert.Contains(IncrementalStepRunReason.Modified, reasons);
        }

        private static void AssertSecondRunCached(Compilation compilation, Compilation edited)
        {
            var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
            var first = driver.GetRunResult().Results.Single();
            driver = driver.RunGenerators(edited);
            var second = driver.GetRunResult().Results.Single();

            Assert.Null(first.Exception);
            Assert.Null(second.Exception);
            Assert.Equal(2, first.GeneratedSources.Length);
            Assert.Equal(
                first.GeneratedSources.Select(s => s.SourceText.ToString()),
                second.GeneratedSources.Select(s => s.SourceText.ToString()));
            Assert.Equal(first.Diagnostics.Select(d => d.ToString()), second.Diagnostics.Select(d => d.ToString()));

            foreach (string name in TrackingNames.All)
            {
                Assert.True(first.TrackedSteps.ContainsKey(name), $"step {name} was not tracked");
                var firstSteps = first.TrackedSteps[name];
                Assert.NotEmpty(firstSteps);
                foreach (var step in firstSteps)
                {
                    foreach (var (value, _) in step.Outputs)
                    {
                        AssertPlainData(value, name);
                    }
                }

                foreach (var step in second.TrackedSteps[name])
                {
                    foreach (var (_, reason) in step.Outputs)
                    {
                        Assert.True(
                            reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                            $"step {name} output was {reason}");
                    }
                }
            }

            // The outputs (AddSource / ReportDiagnostic) were not run again either.
            Assert.All(
                second.TrackedOutputSteps.SelectMany(o => o.Value).SelectMany(s => s.Outputs),
                o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        }

        private static readonly Type[] Banned = { typeof(ISymbol), typeof(SyntaxNode), typeof(Location), typeof(Compilation), typeof(SemanticModel), typeof(SyntaxTree) };

        /// <summary>Walks an output value's fields (as NetEscapades.EnumGenerators' tests do) and fails on any Roslyn object.</summary>
        private static void AssertPlainData(object? value, string step)
        {
            var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
            Walk(value, step);

            void Walk(object? node, string path)
            {
                if (node is null)
                {
                    return;
                }

                var type = node.GetType();
                Assert.False(Banned.Any(b => b.IsAssignableFrom(type)), $"{path} holds a {type.FullName}");
                if (type.IsPrimitive || type.IsEnum || node is string || !seen.Add(node))
                {
                    return;
                }

                if (node is IEnumerable sequence && type.IsArray)
                {
                    int i = 0;
                    foreach (object? item in sequence)
                    {
                        Walk(item, $"{path}[{i++}]");
                    }

                    return;
                }

                for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
                {
                    foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                    {
                        Walk(field.GetValue(node), path + "." + field.Name);
                    }
                }
            }
        }

        [Fact]
        public void ThePlainDataCheckCatchesASymbol()
        {
            var compilation = CSharpCompilation.Create("x");
            Assert.ThrowsAny<Exception>(() => AssertPlainData(new { Inner = new object[] { compilation.GlobalNamespace } }, "probe"));
        }
    }
}
