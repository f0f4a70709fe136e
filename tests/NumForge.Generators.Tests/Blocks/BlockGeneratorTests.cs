using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using NumForge.Generators.Pipeline;
using NumForge.Generators.Tests.Infrastructure;

namespace NumForge.Generators.Tests.Blocks
{
    /// <summary>
    /// The block family: one diagnostic per impossible spec (at the attribute, with its message), a golden file, caching,
    /// and generated blocks compiled, run and compared with QuantizedMatrix where the rules coincide.
    /// </summary>
    public class BlockGeneratorTests
    {
        private static void Verify(string markup, params string[] messages) => MarkedDiagnostics.Verify(markup, messages);

        [Theory]
        [InlineData("typeof(int)", "'int'")]
        [InlineData("typeof(Posit8)", "'Posit8'")]
        [InlineData("typeof(System.Half)", "'Half'")]
        public void NF0040_element_that_is_not_an_integer_or_float_format(string element, string shown) => Verify(
            $"[{{|NF0040:BlockFormat({element}, 32)|}}] public partial struct B {{ }}",
            $"{shown} is not a NumForge integer or float format; a block element is a type declared with [IntFormat] or [FloatFormat] of at most 8 bits (e.g. typeof(Int4), typeof(UInt4), typeof(Float4E2M1FN)), or a 16-value codebook.");

        [Fact]
        public void NF0040_null_element() => Verify(
            "[{|NF0040:BlockFormat((System.Type)null!, 32)|}] public partial struct B { }",
            "The element format is null; give a NumForge integer or float format of at most 8 bits, e.g. typeof(Int4) or typeof(Float4E2M1FN), or a 16-value codebook.");

        [Fact]
        public void NF0041_element_wider_than_8_bits() => Verify(
            "[{|NF0041:BlockFormat(typeof(BFloat16), 32)|}] public partial struct B { }",
            "The element BFloat16 has 16 bits; a block element has at most 8 (an FP8, FP6 or FP4 format such as Float4E2M1FN).");

        [Theory]
        [InlineData(0)]
        [InlineData(4)]
        [InlineData(48)]
        [InlineData(2048)]
        [InlineData(-32)]
        public void NF0042_block_size(int size) => Verify(
            $"[{{|NF0042:BlockFormat(typeof(Int4), {size})|}}] public partial struct B {{ }}",
            $"The block size {size} is not a power of two from 8 to 1024; use, for example, 32 (OCP MX), 64 or 128 (W4G128).");

        [Theory]
        [InlineData("typeof(Int4)", "Int4")]
        [InlineData("typeof(double)", "double")]
        [InlineData("typeof(Float4E2M1FN)", "Float4E2M1FN")]
        [InlineData("typeof(Posit16)", "Posit16")]
        public void NF0043_scale_type(string scale, string shown) => Verify(
            $"[{{|NF0043:BlockFormat(typeof(Int4), 32, ScaleType = {scale})|}}] public partial struct B {{ }}",
            $"The scale type '{shown}' is not supported; use float, Half, or a NumForge float format of at most 32 bits that has a NaN (a block of NaN or infinity stores it), e.g. BFloat16, Float8E4M3FN or Float8E8M0FNU.");

        [Fact]
        public void NF0044_zero_point_needs_an_unsigned_integer() => Verify(
            """
            [{|NF0044:BlockFormat(typeof(Int4), 32, ScaleRule = BlockScaleRule.MinMax)|}] public partial struct A { }
            [{|NF0044:BlockFormat(typeof(Float4E2M1FN), 32, ScaleRule = BlockScaleRule.MinMax)|}] public partial struct B { }
            """,
            "MinMax stores a zero point, which needs an unsigned integer element (e.g. UInt4), not Int4; use ScaleRule = BlockScaleRule.AbsMax for it.",
            "MinMax stores a zero point, which needs an unsigned integer element (e.g. UInt4), not Float4E2M1FN; use ScaleRule = BlockScaleRule.AbsMax for it.");

        [Fact]
        public void NF0044_power_of_two_needs_a_float_or_a_signed_fixed_point_element() => Verify(
            """
            [{|NF0044:BlockFormat(typeof(UInt4), 32, ScaleRule = BlockScaleRule.PowerOfTwo)|}] public partial struct A { }
            [{|NF0044:BlockFormat(typeof(Int1), 32, ScaleRule = BlockScaleRule.PowerOfTwo)|}] public partial struct B { }
            [{|NF0044:BlockFormat(new[] { 0f, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15 }, 32, ScaleRule = BlockScaleRule.PowerOfTwo)|}] public partial struct C { }
            """,
            "PowerOfTwo (OCP MX) reads an integer element as two's complement fixed point with N - 2 fraction bits (MXINT8: Int8 / 64), which needs a signed element of 2 to 8 bits, not UInt4; use Int8 (or another signed integer), or ScaleRule = BlockScaleRule.MinMax for a zero point.",
            "PowerOfTwo (OCP MX) reads an integer element as two's complement fixed point with N - 2 fraction bits (MXINT8: Int8 / 64), which needs a signed element of 2 to 8 bits, not Int1; use Int8 (or another signed integer), or ScaleRule = BlockScaleRule.MinMax for a zero point.",
            "PowerOfTwo (OCP MX) scales float elements, or signed integers read as fixed point (MXINT8), by 2^(floor(log2(amax)) - emax), and a codebook has no emax; use ScaleRule = BlockScaleRule.AbsMax for it.");

        [Fact]
        public void A_signed_integer_with_PowerOfTwo_is_fixed_point()
        {
            var outcome = GeneratorHarness.Run("using NumForge;\n/// <summary>B.</summary>\n[BlockFormat(typeof(Int4), 32, ScaleRule = BlockScaleRule.PowerOfTwo)] public partial struct B { }");
            Assert.Empty(outcome.GeneratorDiagnostics);
            Assert.Empty(outcome.CompilationProblems);
            string text = Assert.Single(outcome.Sources).SourceText.ToString();
            Assert.Contains("BlockCodec<Traits, global::NumForge.CompilerServices.Blocks.FixedPointElement<global::NumForge.Int4.Traits>, global::NumForge.CompilerServices.Blocks.FloatScale<global::NumForge.Float8E8M0FNU.Traits>>", text, StringComparison.Ordinal);
            Assert.Contains("codes of Int4 (fixed point, 2 fraction bits)", text, StringComparison.Ordinal);
        }

        [Fact]
        public void NF0044_absmax_needs_a_signed_element_of_two_bits() => Verify(
            """
            [{|NF0044:BlockFormat(typeof(UInt4), 32)|}] public partial struct A { }
            [{|NF0044:BlockFormat(typeof(Int1), 32)|}] public partial struct B { }
            [{|NF0044:BlockFormat(typeof(Int4), 32, ScaleRule = (BlockScaleRule)7)|}] public partial struct C { }
            """,
            "AbsMax is symmetric around zero, but UInt4 is unsigned; use a signed element (e.g. Int4), or ScaleRule = BlockScaleRule.MinMax for a zero point.",
            "AbsMax needs a signed element of at least 2 bits; Int1 holds only -1 and 0.",
            "ScaleRule = 7 is not a BlockScaleRule; use AbsMax, MinMax or PowerOfTwo.");

        [Fact]
        public void NF0045_codebook() => Verify(
            """
            [{|NF0045:BlockFormat(new[] { 0f, 1f }, 32)|}] public partial struct A { }
            [{|NF0045:BlockFormat(new[] { 0f, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 15, 14 }, 32)|}] public partial struct B { }
            [{|NF0045:BlockFormat(new[] { 0f, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, float.NaN }, 32)|}] public partial struct C { }
            """,
            "The codebook holds 2 values; a codebook block needs exactly 16 finite values in strictly increasing order (4-bit codes index them), such as NF4's.",
            "The codebook is not in strictly increasing order; a codebook block needs exactly 16 finite values in strictly increasing order (4-bit codes index them), such as NF4's.",
            "The codebook holds a NaN or an infinity; a codebook block needs exactly 16 finite values in strictly increasing order (4-bit codes index them), such as NF4's.");

        [Fact]
        public void NF0046_high_nibble_first_needs_four_bits() => Verify(
            "[{|NF0046:BlockFormat(typeof(Float8E4M3FN), 32, ScaleRule = BlockScaleRule.PowerOfTwo, HighNibbleFirst = true)|}] public partial struct B { }",
            "HighNibbleFirst orders the two nibbles of a byte, but Float8E4M3FN has 8 bits; remove HighNibbleFirst, or use a 4-bit element.");

        [Fact]
        public void Several_problems_are_all_reported() => Verify(
            "[{|NF0042:{|NF0043:BlockFormat(typeof(Int4), 3, ScaleType = typeof(long))|}|}] public partial struct B { }",
            "The block size 3 is not a power of two from 8 to 1024; use, for example, 32 (OCP MX), 64 or 128 (W4G128).",
            "The scale type 'long' is not supported; use float, Half, or a NumForge float format of at most 32 bits that has a NaN (a block of NaN or infinity stores it), e.g. BFloat16, Float8E4M3FN or Float8E8M0FNU.");

        [Fact]
        public void NF0001_and_NF0004_come_from_the_shared_pipeline() => Verify(
            """
            [{|NF0001:BlockFormat(typeof(Int4), 32)|}] public partial class C { }
            [{|NF0004:BlockFormat(typeof(Int4), 32)|}] public partial struct S { private readonly int _bytes; }
            """,
            "[BlockFormat] is on 'C', which is a class; a format must be a partial struct. Write 'public readonly partial struct C' instead.",
            "'S' declares a member named '_bytes', which the generated [BlockFormat] part needs for itself; rename it.");

        private const string W4Block = """
            using NumForge;

            namespace Golden
            {
                /// <summary>W4G128 as a declared block.</summary>
                [BlockFormat(typeof(UInt4), 128, ScaleRule = BlockScaleRule.MinMax)]
                public partial struct W4G128Block { }
            }
            """;

        [Fact]
        public void Generated_W4G128_block_matches_its_golden_file()
            => GoldenTests.AssertGeneratesGolden(W4Block, "Golden.W4G128Block.g.cs", "W4G128Block.g.cs.txt");

        [Fact]
        public void A_second_run_after_an_unrelated_edit_is_cached()
        {
            var first = IncrementalCaching.AssertCachedAfterUnrelatedEdit(Program, "[NumForge.BlockFormat(typeof(NumForge.Int4), 3)] public partial struct Broken { }");
            Assert.Equal(7, first.GeneratedSources.Length);
            Assert.Equal("NF0042", Assert.Single(first.Diagnostics).Id);
        }

        /// <summary>
        /// Declared blocks (a W4 block, an MX block, a block over the user's own FP4 element and a codebook block),
        /// compiled and run: each line says whether the block agrees with QuantizedMatrix or the expected values.
        /// </summary>
        private const string Program = """
            using System;
            using System.Linq;
            using System.Runtime.InteropServices;
            using NumForge;

            namespace Probe
            {
                /// <summary>W4G128.</summary>
                [BlockFormat(typeof(UInt4), 128, ScaleRule = BlockScaleRule.MinMax)]
                public partial struct W4 { }

                /// <summary>MXFP4.</summary>
                [BlockFormat(typeof(Float4E2M1FN), 32, ScaleRule = BlockScaleRule.PowerOfTwo)]
                public readonly partial struct Mx { }

                /// <summary>The user's own FP4 (E2M1), declared here.</summary>
                [FloatFormat(2, 1, Specials = SpecialValues.Finite)]
                public readonly partial struct MyFp4 { }

                /// <summary>MXFP4 over the user's FP4.</summary>
                [BlockFormat(typeof(MyFp4), 32, ScaleRule = BlockScaleRule.PowerOfTwo, ScaleType = typeof(Float8E8M0FNU))]
                internal partial struct MyMx { }

                /// <summary>An 8-bit signed integer.</summary>
                [IntFormat(8)]
                public readonly partial struct MyInt8 { }

                /// <summary>MXINT8 over it.</summary>
                [BlockFormat(typeof(MyInt8), 32, ScaleRule = BlockScaleRule.PowerOfTwo)]
                public partial struct MxInt8 { }

                /// <summary>A uniform 4-bit codebook with a float scale.</summary>
                [BlockFormat(new[] { -8f, -7, -6, -5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5, 6, 7 }, 16, ScaleType = typeof(float))]
                public partial struct Book { }

                /// <summary>Runs the blocks.</summary>
                public static class Runner
                {
                    /// <summary>Results, one per line.</summary>
                    public static string Run()
                    {
                        var random = new Random(3);
                        float[] w = Enumerable.Range(0, 4 * 256).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
                        var lines = new System.Collections.Generic.List<string>();

                        var w4 = QuantizedMatrix.Quantize(w, 4, 256, QuantScheme.Parse("W4G128"));
                        var w4Blocks = QuantizedMatrix<W4>.Quantize(w, 4, 256);
                        lines.Add(Same(w4, w4Blocks) ? "W4G128 equal" : "W4G128 differs");
                        lines.Add(w4Blocks.Blocks[0].ZeroPoint == w4.ZeroPoints[0] && w4Blocks.Blocks[0].Scale == w4.Scales[0] ? "W4G128 planes equal" : "W4G128 planes differ");

                        var mx = QuantizedMatrix.Quantize(w, 4, 256, QuantScheme.Parse("MXFP4"));
                        var mxBlocks = QuantizedMatrix<Mx>.Quantize(w, 4, 256);
                        lines.Add(Same(mx, mxBlocks) ? "MXFP4 equal" : "MXFP4 differs");
                        byte[] mxBytes = MemoryMarshal.AsBytes(mxBlocks.Blocks).ToArray();
                        var myBlocks = QuantizedMatrix<MyMx>.Quantize(w, 4, 256);
                        lines.Add(mxBytes.SequenceEqual(MemoryMarshal.AsBytes(myBlocks.Blocks).ToArray()) ? "MyMx bytes equal" : "MyMx bytes differ");

                        var mxInt8 = QuantizedMatrix.Quantize(w, 4, 256, QuantScheme.Parse("MXINT8"));
                        lines.Add(Same(mxInt8, QuantizedMatrix<MxInt8>.Quantize(w, 4, 256)) ? "MXINT8 equal" : "MXINT8 differs");

                        // MatVec over a declared block (the fused row dot) beside the dequantized matrix's double dot.
                        float[] x = Enumerable.Range(0, 256).Select(i => (float)Math.Sin(i)).ToArray();
                        float[] y = new float[4];
                        w4Blocks.MatVec(x, y, MatVecActivation.Float, 1);
                        float[] dq = new float[w.Length];
                        w4Blocks.Dequantize(dq);
                        bool close = true;
                        for (int r = 0; r < 4; r++)
                        {
                            double exact = 0, magnitude = 0;
                            for (int c = 0; c < 256; c++)
                            {
                                exact += (double)dq[(r * 256) + c] * x[c];
                                magnitude += Math.Abs((double)dq[(r * 256) + c] * x[c]);
                            }

                            close &= Math.Abs(y[r] - exact) <= 256 * Math.ScaleB(1.0, -23) * magnitude;
                        }

                        lines.Add(close ? "W4 MatVec close" : "W4 MatVec far");

                        var book = new Book[1];
                        Book.Quantize(new[] { 8f, -8f, 1.5f, 2.5f, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -0.5f }, book);
                        var values = new float[16];
                        Book.Dequantize(book, values);
                        lines.Add(string.Join(",", values.Take(4).Concat(values.Skip(15))));
                        lines.Add(Marshal.SizeOf<W4>() + "," + Marshal.SizeOf<Mx>() + "," + Marshal.SizeOf<Book>() + "," + W4.SizeInBytes);
                        return string.Join("\n", lines);
                    }

                    private static bool Same<TBlock>(QuantizedMatrix reference, QuantizedMatrix<TBlock> blocks)
                        where TBlock : unmanaged, IBlockFormat<TBlock>
                    {
                        var a = new float[reference.Rows * reference.Columns];
                        var b = new float[a.Length];
                        reference.Dequantize(a);
                        blocks.Dequantize(b);
                        return a.SequenceEqual(b);
                    }
                }
            }
            """;

        [Fact]
        public void Generated_blocks_compile_without_warnings_and_run()
        {
            var outcome = GeneratorHarness.Run(Program);
            Assert.Empty(outcome.GeneratorDiagnostics);
            Assert.Equal(7, outcome.Sources.Count);
            Assert.Empty(outcome.CompilationProblems);
            GeneratorHarness.AssertHouseStyle(outcome.Sources.Where(s => s.HintName is not ("Probe.MyFp4.g.cs" or "Probe.MyInt8.g.cs")));
            string run = outcome.RunProbe();
            Assert.Equal(
                string.Join("\n", "W4G128 equal", "W4G128 planes equal", "MXFP4 equal", "MyMx bytes equal", "MXINT8 equal", "W4 MatVec close", "7,-8,1,2,-1", "67,17,12,67"),
                run);
        }
    }
}
