using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using NumForge.Generators.Families.Block;
using NumForge.Generators.Pipeline;
using NumForge.Generators.Tests.Infrastructure;

namespace NumForge.Generators.Tests.Blocks
{
    /// <summary>
    /// <c>[BlockFormat(..., PerTensorScale = true)]</c>: NF0047 where a per-tensor scale cannot refine the block scales (at
    /// the attribute, with its message), the NVFP4 block's golden file (from the whole generator and from a hand-built
    /// model), caching, and the generated block compiled, run and compared with <c>QuantScheme.NVFP4</c>.
    /// </summary>
    public class TensorScaleGeneratorTests
    {
        private const string RuleMessage = "PerTensorScale divides AbsMax block scales by one float32 scale per tensor (NVIDIA NVFP4), but {0}; use ScaleRule = BlockScaleRule.AbsMax, or remove PerTensorScale.";

        private const string RangeMessage = "A per-tensor scale extends the range of a narrow block scale, but a {0} scale already spans float32's range (the tensor scale amax / ({1} * {2}) would not be a float32 number); use a narrow scale type such as Float8E4M3FN (NVFP4) or Half, or remove PerTensorScale.";

        private static void Verify(string markup, params string[] messages) => MarkedDiagnostics.Verify(markup, messages);

        [Fact]
        public void NF0047_a_tensor_scale_needs_AbsMax() => Verify(
            """
            [{|NF0047:BlockFormat(typeof(UInt4), 128, ScaleRule = BlockScaleRule.MinMax, PerTensorScale = true)|}] public partial struct A { }
            [{|NF0047:BlockFormat(typeof(Float4E2M1FN), 32, ScaleRule = BlockScaleRule.PowerOfTwo, PerTensorScale = true)|}] public partial struct B { }
            """,
            string.Format(RuleMessage, "MinMax stores a zero point in the block's own units"),
            string.Format(RuleMessage, "PowerOfTwo scales are powers of two by definition (OCP MX)"));

        [Fact]
        public void NF0047_a_tensor_scale_needs_a_narrow_block_scale() => Verify(
            """
            [{|NF0047:BlockFormat(typeof(Float4E2M1FN), 16, ScaleType = typeof(float), PerTensorScale = true)|}] public partial struct A { }
            [{|NF0047:BlockFormat(typeof(Int4), 32, ScaleType = typeof(BFloat16), PerTensorScale = true)|}] public partial struct B { }
            [{|NF0047:BlockFormat(typeof(Int4), 32, ScaleType = typeof(Float8E8M0FNU), PerTensorScale = true)|}] public partial struct C { }
            """,
            string.Format(RangeMessage, "float", "6", "3.4028235E+38"),
            string.Format(RangeMessage, "BFloat16", "7", "3.3895314E+38"),
            string.Format(RangeMessage, "Float8E8M0FNU", "7", "1.7014118E+38"));

        [Fact]
        public void NF0047_comes_with_the_other_problems_of_the_spec() => Verify(
            "[{|NF0042:{|NF0047:BlockFormat(typeof(Float4E2M1FN), 12, ScaleType = typeof(float), PerTensorScale = true)|}|}] public partial struct B { }",
            "The block size 12 is not a power of two from 8 to 1024; use, for example, 32 (OCP MX), 64 or 128 (W4G128).",
            string.Format(RangeMessage, "float", "6", "3.4028235E+38"));

        [Theory]
        [InlineData("typeof(Float4E2M1FN), 16, ScaleType = typeof(Float8E4M3FN)")]
        [InlineData("typeof(Int4), 32, ScaleType = typeof(Float8E4M3FN)")]
        [InlineData("typeof(Float8E4M3FN), 32")]
        [InlineData("new[] { -8f, -7, -6, -5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5, 6, 7 }, 64, ScaleType = typeof(Float8E5M2)")]
        public void Narrow_AbsMax_block_scales_take_a_tensor_scale(string arguments)
        {
            var outcome = GeneratorHarness.Run($"using NumForge;\n/// <summary>B.</summary>\n[BlockFormat({arguments}, PerTensorScale = true)] public partial struct B {{ }}");
            Assert.Empty(outcome.GeneratorDiagnostics);
            Assert.Empty(outcome.CompilationProblems);
            string text = Assert.Single(outcome.Sources).SourceText.ToString();
            Assert.Contains("global::NumForge.CompilerServices.Blocks.ITensorScaledBlock<global::B>", text, StringComparison.Ordinal);
            Assert.Contains("public static bool PerTensorScale => true;", text, StringComparison.Ordinal);
            Assert.DoesNotContain(" if (", text, StringComparison.Ordinal);
        }

        [Fact]
        public void A_block_without_a_tensor_scale_gets_none_of_its_members()
        {
            var outcome = GeneratorHarness.Run("using NumForge;\n/// <summary>B.</summary>\n[BlockFormat(typeof(Float4E2M1FN), 16, ScaleType = typeof(Float8E4M3FN), PerTensorScale = false)] public partial struct B { }");
            Assert.Empty(outcome.GeneratorDiagnostics);
            string text = Assert.Single(outcome.Sources).SourceText.ToString();
            Assert.DoesNotContain("TensorScale", text, StringComparison.Ordinal);
        }

        private const string Nvfp4Golden = """
            using NumForge;

            namespace Golden
            {
                /// <summary>NVFP4 as a declared block.</summary>
                [BlockFormat(typeof(Float4E2M1FN), 16, ScaleType = typeof(Float8E4M3FN), PerTensorScale = true)]
                public partial struct Nvfp4Block { }
            }
            """;

        [Fact]
        public void Generated_NVFP4_block_matches_its_golden_file()
            => GoldenTests.AssertGeneratesGolden(Nvfp4Golden, "Golden.Nvfp4Block.g.cs", "Nvfp4Block.g.cs.txt");

        [Fact]
        public void The_NVFP4_model_gives_the_golden_text()
        {
            var target = new TargetType("Golden", "Nvfp4Block", "public", false, EquatableArray<string>.Empty, EquatableArray<string>.Empty, EquatableArray<string>.Empty);
            const string Blocks = "global::NumForge.CompilerServices.Blocks.";
            var model = new BlockFormatModel(
                target, 16, BlockScaleRule.AbsMax, false, Blocks + "FloatElement<global::NumForge.Float4E2M1FN.Traits>", "Float4E2M1FN", 4,
                Blocks + "FloatScale<global::NumForge.Float8E4M3FN.Traits>", "Float8E4M3FN", 1, EquatableArray<string>.Empty, PerTensorScale: true, ElementMax: 6f, ScaleMax: 448f);
            GoldenTests.AssertMatchesGolden("Nvfp4Block.g.cs.txt", BlockFamily.Instance.Emit(model));
        }

        [Fact]
        public void A_second_run_after_an_unrelated_edit_is_cached()
        {
            var first = IncrementalCaching.AssertCachedAfterUnrelatedEdit(Program, "[NumForge.BlockFormat(typeof(NumForge.Int4), 32, ScaleType = typeof(float), PerTensorScale = true)] public partial struct Broken { }");
            Assert.Equal(2, first.GeneratedSources.Length);
            Assert.Equal("NF0047", Assert.Single(first.Diagnostics).Id);
        }

        /// <summary>NVFP4 declared by a user, beside QuantScheme.NVFP4: each line says whether the two agree.</summary>
        private const string Program = """
            using System;
            using System.Linq;
            using System.Runtime.InteropServices;
            using NumForge;

            namespace Probe
            {
                /// <summary>NVFP4: 16 E2M1 codes under an E4M3 scale relative to a float32 tensor scale.</summary>
                [BlockFormat(typeof(Float4E2M1FN), 16, ScaleType = typeof(Float8E4M3FN), PerTensorScale = true)]
                public partial struct Nv { }

                /// <summary>Int4 under a Half scale and a tensor scale, read-only.</summary>
                [BlockFormat(typeof(Int4), 32, PerTensorScale = true)]
                public readonly partial struct Int4Tensor { }

                /// <summary>Runs the blocks.</summary>
                public static class Runner
                {
                    /// <summary>Results, one per line.</summary>
                    public static string Run()
                    {
                        var random = new Random(3);
                        float[] w = Enumerable.Range(0, 8 * 256).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
                        var scheme = QuantizedMatrix.Quantize(w, 8, 256, QuantScheme.NVFP4);
                        var declared = QuantizedMatrix<Nv>.Quantize(w, 8, 256);
                        var lines = new System.Collections.Generic.List<string>();
                        lines.Add(declared.TensorScale == scheme.TensorScale && Nv.ComputeTensorScale(w) == scheme.TensorScale ? "tensor scale equal" : "tensor scale differs");

                        byte[] bytes = MemoryMarshal.AsBytes(declared.Blocks).ToArray();
                        bool same = true;
                        for (int b = 0; b < declared.Blocks.Length; b++)
                        {
                            int r = b / 16, g = b % 16;
                            same &= bytes[b * 9] == scheme.ScaleBytes[b];
                            same &= bytes.AsSpan((b * 9) + 1, 8).SequenceEqual(scheme.Codes.Slice((r * scheme.RowBytes) + (g * 8), 8));
                        }

                        lines.Add(same ? "bytes equal" : "bytes differ");
                        float[] a = new float[w.Length], d = new float[w.Length];
                        scheme.Dequantize(a);
                        declared.Dequantize(d);
                        lines.Add(a.SequenceEqual(d) ? "values equal" : "values differ");

                        float[] x = Enumerable.Range(0, 256).Select(i => (float)Math.Sin(i)).ToArray();
                        float[] y = new float[8], z = new float[8];
                        declared.MatVec(x, y, MatVecActivation.Float, 1);
                        scheme.MatVec(x, z);
                        lines.Add(y.Zip(z).All(p => Math.Abs(p.First - p.Second) <= 1e-4 * (1 + Math.Abs(p.Second))) ? "MatVec close" : "MatVec far");

                        var int4 = QuantizedMatrix<Int4Tensor>.Quantize(w, 8, 256);
                        float[] e = new float[w.Length];
                        int4.Dequantize(e);
                        lines.Add(int4.TensorScale == (float)(w.Max(Math.Abs) / (7.0 * 65504.0)) && e.Zip(w).All(p => Math.Abs(p.First - p.Second) < 0.05) ? "Int4 close" : "Int4 far");
                        lines.Add(Marshal.SizeOf<Nv>() + "," + Nv.SizeInBytes + "," + Marshal.SizeOf<Int4Tensor>());
                        return string.Join("\n", lines);
                    }
                }
            }
            """;

        [Fact]
        public void Generated_two_level_blocks_compile_without_warnings_and_equal_NVFP4()
        {
            var outcome = GeneratorHarness.Run(Program);
            Assert.Empty(outcome.GeneratorDiagnostics);
            Assert.Equal(2, outcome.Sources.Count);
            Assert.Empty(outcome.CompilationProblems);
            GeneratorHarness.AssertHouseStyle(outcome.Sources);
            string run = outcome.RunProbe();
            Assert.Equal(string.Join("\n", "tensor scale equal", "bytes equal", "values equal", "MatVec close", "Int4 close", "9,9,18"), run);
        }
    }
}
