using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NumForge.Generators.Pipeline;
using NumForge.Generators.Tests.Infrastructure;

namespace NumForge.Generators.Tests
{
    /// <summary>The posit tests' names for the shared <see cref="GeneratorHarness"/> (kept so posit tests written against them still build).</summary>
    internal static class PositHarness
    {
        public static GeneratorDriver CreateDriver() => GeneratorHarness.CreateDriver();

        public static GeneratorOutcome Run(params string[] sources) => GeneratorHarness.Run(sources);

        public static GeneratorOutcome CompileClean(params string[] sources) => GeneratorHarness.CompileClean(sources);
    }

    /// <summary>The [PositFormat] generator: spec diagnostics, generated code that compiles and runs, caching, golden output.</summary>
    public class PositGeneratorTests
    {
        private const string Posit16Source = """
            using NumForge;

            namespace Golden
            {
                /// <summary>The Posit Standard 2022's posit16.</summary>
                [PositFormat(16)]
                public readonly partial struct Posit16 { }
            }
            """;

        // ---------------------------------------------------------------- diagnostics

        [Theory]
        [InlineData("PositFormat(1)", "NF0020")]
        [InlineData("PositFormat(0, exponentBits: 2)", "NF0020")]
        [InlineData("PositFormat(65)", "NF0020")]
        [InlineData("PositFormat(16, exponentBits: 5)", "NF0021")]
        [InlineData("PositFormat(8, exponentBits: -1)", "NF0021")]
        public void BadSpecIsReportedAtTheAttribute(string attribute, string id)
        {
            string source = $$"""
                using NumForge;

                namespace App
                {
                    [{{attribute}}]
                    public readonly partial struct P { }
                }
                """;
            var outcome = PositHarness.Run(source);
            var diagnostic = Assert.Single(outcome.GeneratorDiagnostics);
            Assert.Equal(id, diagnostic.Id);
            Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
            Assert.Equal(attribute, source.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
            Assert.Equal(4, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
            Assert.Equal($"https://github.com/numforge/numforge/blob/main/docs/diagnostics/{id}.md", diagnostic.Descriptor.HelpLinkUri);
            Assert.Empty(outcome.Sources);
        }

        [Fact]
        public void BothWidthsOutOfRangeGiveTwoDiagnostics()
        {
            var outcome = PositHarness.Run("namespace App { [NumForge.PositFormat(99, exponentBits: 9)] public partial struct P { } }");
            Assert.Equal(new[] { "NF0020", "NF0021" }, outcome.GeneratorDiagnostics.Select(d => d.Id).OrderBy(i => i));
            Assert.Contains("99", outcome.GeneratorDiagnostics.Single(d => d.Id == "NF0020").GetMessage(), StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("public partial class P { }", "NF0001")]
        [InlineData("public struct P { }", "NF0001")]
        [InlineData("public partial struct P<T> { }", "NF0002")]
        [InlineData("public partial struct P { private ulong Code => 0; }", "NF0004")]
        [InlineData("public partial struct P { public struct Traits { } }", "NF0004")]
        public void TargetProblemsAreReported(string declaration, string id)
        {
            var outcome = PositHarness.Run($"namespace App {{ [NumForge.PositFormat(16)] {declaration} }}");
            Assert.Contains(outcome.GeneratorDiagnostics, d => d.Id == id);
            Assert.Empty(outcome.Sources);
        }

        [Fact]
        public void BothFormatAttributesAreReportedOnceByTheTwoGenerators()
        {
            var compilation = GeneratorHarness.CreateCompilation("namespace App { [NumForge.PositFormat(16)] [NumForge.FloatFormat(4, 3)] public partial struct P { } }");
            var driver = CSharpGeneratorDriver.Create(new NumForgeGenerator()).RunGenerators(compilation);
            var result = driver.GetRunResult();
            Assert.Equal(new[] { "NF0003" }, result.Diagnostics.Select(d => d.Id));
            Assert.Empty(result.GeneratedTrees);
        }

        [Fact]
        public void AUserQuireReplacesTheGeneratedOne()
        {
            // Quire is not reserved: the generated part refers to it nowhere else, so the user's member stands in for it.
            const string source = """
                namespace App
                {
                    /// <summary>A posit with its own accumulator.</summary>
                    [NumForge.PositFormat(16)]
                    public readonly partial struct P
                    {
                        /// <summary>The user's quire.</summary>
                        public sealed class Quire { }
                    }
                }
                """;
            var outcome = PositHarness.CompileClean(source);
            string generated = Assert.Single(outcome.Sources).SourceText.ToString();
            Assert.DoesNotContain("class Quire", generated);
            Assert.DoesNotContain("struct Quire", generated);
        }

        // ---------------------------------------------------------------- compile and run

        [Fact]
        public void ManyWidthsCompileWithoutWarnings()
        {
            var specs = new (int N, int Es)[] { (2, 0), (3, 2), (5, 4), (6, 1), (8, 0), (8, 2), (12, 3), (16, 1), (16, 2), (20, 0), (32, 2), (33, 1), (48, 3), (64, 2), (64, 4) };
            string source = "namespace App\n{\n" + string.Join("\n", specs.Select(s =>
                $"    /// <summary>posit {s.N} {s.Es}.</summary>\n    [NumForge.PositFormat({s.N}, exponentBits: {s.Es})]\n    public readonly partial struct P{s.N}E{s.Es} {{ }}\n")) + "}\n";
            var outcome = PositHarness.CompileClean(source);
            Assert.Equal(specs.Length, outcome.Sources.Count);
        }

        [Fact]
        public void GeneratedPositRunsAgainstTheRuntime()
        {
            const string source = """
                using System;
                using NumForge;

                namespace App
                {
                    /// <summary>SoftPosit's posit16.</summary>
                    [PositFormat(16, exponentBits: 1)]
                    public readonly partial struct P16 { }

                    /// <summary>A mutable (non-readonly) struct nested in a class, with a member of the user's own.</summary>
                    public static partial class Outer
                    {
                        /// <summary>posit8 es 0.</summary>
                        [PositFormat(8, exponentBits: 0)]
                        internal partial struct P8
                        {
                            /// <summary>The user's own ToString wins.</summary>
                            /// <returns>Text.</returns>
                            public override string ToString() => "mine";
                        }

                        /// <summary>Text of a P8.</summary>
                        /// <param name="x">A value.</param>
                        /// <returns>Its text.</returns>
                        public static string Describe(double x) => ((P8)x).ToString() + "/" + ((P8)x).ToString(null, null);
                    }

                    /// <summary>Calls the generated surface the way user code does.</summary>
                    public static class Use
                    {
                        /// <summary>Runs the checks.</summary>
                        /// <returns>A report.</returns>
                        public static string Run()
                        {
                            P16 one = P16.One;
                            P16 three = (P16)3.0;
                            if ((double)(one + three) != 4.0) return "add";
                            if ((double)(three / (P16)4) != 0.75) return "div";
                            if (!(P16.NaR == P16.NaR) || !(P16.NaR < P16.MinValue) || P16.NaR > P16.Zero) return "nar order";
                            if (!double.IsNaN((double)P16.NaR)) return "nar to double";
                            if ((int)P16.NaR != 0 || (int)(P16)(-2.75) != -2 || (int)P16.MaxValue != 268435456) return "int casts";
                            if (((P16)2.5).ToInt32(MidpointRounding.ToEven) != 2 || ((P16)3.5).ToInt32(MidpointRounding.ToEven) != 4) return "rounding";
                            if ((byte)(P16)1000.0 != 255 || (sbyte)(P16)(-1000.0) != -128) return "saturate";
                            if ((double)P16.Sqrt((P16)9.0) != 3.0) return "sqrt";
                            if (P16.Parse("0.1").ToString() != "0.1" || P16.NaR.ToString() != "NaR") return "text";
                            if (!P16.TryParse("NaR", null, out P16 nar) || !P16.IsNaR(nar)) return "parse NaR";
                            var quire = new P16.Quire();
                            quire.AddProduct((P16)3.0, (P16)4.0);
                            quire.Subtract(P16.One);
                            if ((double)quire.ToPosit() != 11.0) return "quire";
                            P16[] a = { (P16)1.0, (P16)2.0, (P16)3.0 };
                            P16[] b = { (P16)4.0, (P16)5.0, (P16)6.0 };
                            if ((double)P16.DotProduct(a, b) != 32.0) return "dot";
                            if (P16.Info.Kind != FormatKind.Posit || P16.Info.Bits != 16 || P16.Info.ExponentBits != 1 || P16.Info.MaxValue != 268435456.0) return "info";
                            if (Outer.Describe(1.5) != "mine/1.5") return "user member";
                            return "ok";
                        }

                        /// <summary>Generic math through INumber.</summary>
                        /// <typeparam name="T">A number type.</typeparam>
                        /// <param name="values">Values.</param>
                        /// <returns>Their sum.</returns>
                        public static T Sum<T>(T[] values) where T : System.Numerics.INumber<T>
                        {
                            T sum = T.Zero;
                            foreach (T v in values) sum += v;
                            return sum;
                        }
                    }
                }
                """;
            var outcome = PositHarness.CompileClean(source);
            using var loaded = new LoadedAssembly(outcome.EmitImage());
            var use = loaded.Type("App.Use");
            Assert.Equal("ok", use.GetMethod("Run")!.Invoke(null, null));
        }

        // ---------------------------------------------------------------- caching

        [Fact]
        public void AnUnrelatedEditRegeneratesNothing()
        {
            const string formats = """
                namespace App
                {
                    [NumForge.PositFormat(16)]
                    public readonly partial struct P16 { }

                    [NumForge.PositFormat(1)]
                    public readonly partial struct Broken { }

                    public static class Helpers
                    {
                        public static int Twice(int x) => x * 2;
                    }
                }
                """;
            var tree = GeneratorHarness.Parse(formats, "Formats.cs");
            var compilation = GeneratorHarness.CreateCompilation(tree, GeneratorHarness.Parse("namespace App { public static class Other { public static int One() => 1; } }", "Other.cs"));
            var edited = compilation.ReplaceSyntaxTree(tree, GeneratorHarness.Parse(formats.Replace("x * 2;", "x + x;", StringComparison.Ordinal), "Formats.cs"))
                .AddSyntaxTrees(GeneratorHarness.Parse("namespace App { public class Added { } }", "Added.cs"));

            var (first, _) = IncrementalCaching.AssertSecondRunCached(compilation, edited);
            Assert.Single(first.GeneratedSources);
            Assert.Single(first.Diagnostics);
        }

        [Fact]
        public void ChangingTheSpecRegeneratesIt()
        {
            var tree = GeneratorHarness.Parse(Posit16Source, "Formats.cs");
            var compilation = GeneratorHarness.CreateCompilation(tree);
            var edited = compilation.ReplaceSyntaxTree(tree, GeneratorHarness.Parse(Posit16Source.Replace("PositFormat(16)", "PositFormat(16, exponentBits: 1)", StringComparison.Ordinal), "Formats.cs"));
            var driver = PositHarness.CreateDriver().RunGenerators(compilation);
            var second = driver.RunGenerators(edited).GetRunResult().Results.Single();
            var reasons = second.TrackedSteps[TrackingNames.Models].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
            Assert.Contains(IncrementalStepRunReason.Modified, reasons);
        }

        // ---------------------------------------------------------------- golden and determinism

        [Fact]
        public void Posit16MatchesGoldenFile()
        {
            var outcome = PositHarness.Run(Posit16Source);
            Assert.Empty(outcome.GeneratorDiagnostics);
            var generated = Assert.Single(outcome.Sources);
            Assert.Equal("Golden.Posit16.g.cs", generated.HintName);
            string actual = generated.SourceText.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
            Assert.StartsWith("// <auto-generated/>\n#nullable enable\n", actual, StringComparison.Ordinal);
            Assert.Equal(actual, PositHarness.Run(Posit16Source).Sources.Single().SourceText.ToString());

            string goldenPath = Path.Combine(ThisDirectory(), "Golden", "Posit16.g.cs.txt");
            if (Environment.GetEnvironmentVariable("NUMFORGE_UPDATE_GOLDEN") == "1")
            {
                File.WriteAllText(goldenPath, actual);
                return;
            }

            string path = File.Exists(goldenPath) ? goldenPath : Path.Combine(AppContext.BaseDirectory, "Golden", "Posit16.g.cs.txt");
            Assert.True(File.Exists(path), "Golden/Posit16.g.cs.txt is missing; run the tests with NUMFORGE_UPDATE_GOLDEN=1 to create it.");
            string expected = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
            Assert.True(expected == actual, "Generated source for Posit16 differs from Golden/Posit16.g.cs.txt (run with NUMFORGE_UPDATE_GOLDEN=1 to accept it).");
        }

        private static string ThisDirectory([CallerFilePath] string thisFile = "") => Path.GetDirectoryName(thisFile)!;
    }
}
