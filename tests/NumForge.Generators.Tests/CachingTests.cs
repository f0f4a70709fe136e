using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NumForge.Generators.Pipeline;
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

            var reasons = second.TrackedSteps[TrackingNames.Models].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
            Assert.Contains(IncrementalStepRunReason.Modified, reasons);
        }

        [Fact]
        public void EveryFamilyIsCachedAfterAnUnrelatedEdit()
        {
            const string mixed = """
                using NumForge;

                namespace App
                {
                    [FloatFormat(4, 3, Specials = SpecialValues.FiniteNaN)]
                    public readonly partial struct F8 { }

                    [PositFormat(16)]
                    public readonly partial struct P16 { }

                    [PositFormat(1)]
                    public readonly partial struct BrokenPosit { }

                    [FloatFormat(4, 3)] [PositFormat(8)]
                    public partial struct Both { }

                    [IntFormat(4)]
                    public readonly partial struct I4 { }

                    [IntFormat(6, Signed = false)]
                    internal partial struct U6 { }

                    [IntFormat(9)]
                    public readonly partial struct BrokenInt { }
                }
                """;
            var compilation = GeneratorHarness.CreateCompilation(GeneratorHarness.Parse(mixed, "Formats.cs"), GeneratorHarness.Parse(Other, "Other.cs"));
            var edited = compilation.AddSyntaxTrees(GeneratorHarness.Parse("namespace App { public class Added { } }", "Added.cs"));
            var (first, _) = IncrementalCaching.AssertSecondRunCached(compilation, edited);
            Assert.Equal(4, first.GeneratedSources.Length);
            Assert.Equal(new[] { "NF0003", "NF0020", "NF0030" }, first.Diagnostics.Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal));
        }

        [Fact]
        public void TheTrackingNamesAreFoundByReflection()
        {
            Assert.Equal(
                new[] { TrackingNames.Read, TrackingNames.Diagnostics, TrackingNames.Valid, TrackingNames.Models },
                IncrementalCaching.TrackingNameConstants());
        }

        private static void AssertSecondRunCached(Compilation compilation, Compilation edited)
        {
            var (first, _) = IncrementalCaching.AssertSecondRunCached(compilation, edited);
            Assert.Equal(2, first.GeneratedSources.Length);
        }

        [Fact]
        public void ThePlainDataCheckCatchesASymbol()
        {
            var compilation = CSharpCompilation.Create("x");
            Assert.ThrowsAny<Exception>(() => IncrementalCaching.AssertPlainData(new { Inner = new object[] { compilation.GlobalNamespace } }, "probe"));
        }
    }
}
