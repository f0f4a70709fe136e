using System;
using System.Collections.Generic;
using System.Linq;
using NumForge.Blocks.Quant.Kernels;
using NumForge.CompilerServices.Blocks;
using Xunit;

namespace NumForge.Tests.BlockFormats
{
    /// <summary>
    /// The fused row dot of declared blocks (<c>BlockCodec.Dot</c>, what <c>QuantizedMatrix&lt;TBlock&gt;.MatVec</c> runs) at
    /// every vector width the machine has (512, 256, scalar) against the exact (double) sum of the dequantized products,
    /// on the random and adversarial blocks of <see cref="Inputs"/>, rows of 1, 2, 3 and 16 blocks, and three kinds of x:
    /// within <c>gamma_n * sum |w x| + n * 2^-149</c> (float32 accumulation in any order, plus underflow of subnormal
    /// products), NaN where a block is NaN, and exactly equal where every product and partial sum is an exact float.
    /// </summary>
    public class BlockDotTests
    {
        private static int[] Widths => new[] { 512, 256, 0 }.Where(w => w <= VectorWidth.Available).ToArray();

        [Fact]
        public void W4G128() => Check<DeclaredW4G128, DeclaredW4G128.Traits, IntElement<UInt4.Traits>, HalfScale>(DeclaredBlockTests.W4G128);

        [Fact]
        public void W4G32_symmetric() => Check<DeclaredW4G32Sym, DeclaredW4G32Sym.Traits, IntElement<Int4.Traits>, HalfScale>(DeclaredBlockTests.W4G32Sym);

        [Fact]
        public void Mxfp4() => Check<DeclaredMxfp4, DeclaredMxfp4.Traits, FloatElement<Float4E2M1FN.Traits>, FloatScale<Float8E8M0FNU.Traits>>(DeclaredBlockTests.Mxfp4);

        [Fact]
        public void Mxfp8_gathers_from_the_value_table() => Check<DeclaredMxfp8E4M3, DeclaredMxfp8E4M3.Traits, FloatElement<Float8E4M3FN.Traits>, FloatScale<Float8E8M0FNU.Traits>>(DeclaredBlockTests.Mxfp8);

        [Fact]
        public void Mxfp6_six_bit_codes() => Check<DeclaredMxfp6E3M2, DeclaredMxfp6E3M2.Traits, FloatElement<Float6E3M2FN.Traits>, FloatScale<Float8E8M0FNU.Traits>>(DeclaredBlockTests.Mxfp6);

        [Fact]
        public void Nf4_high_nibble_first() => Check<DeclaredNf4, DeclaredNf4.Traits, CodebookElement<DeclaredNf4.Traits>, SingleScale>(DeclaredBlockTests.Nf4);

        [Fact]
        public void Fp4_with_E4M3_scale_in_blocks_of_16() => Check<DeclaredFp4E4M3, DeclaredFp4E4M3.Traits, FloatElement<Float4E2M1FN.Traits>, FloatScale<Float8E4M3FN.Traits>>(DeclaredBlockTests.Fp4E4M3);

        [Fact]
        public void UInt3_with_BFloat16_scale() => Check<DeclaredU3BF16, DeclaredU3BF16.Traits, IntElement<UInt3.Traits>, FloatScale<BFloat16.Traits>>(DeclaredBlockTests.U3BF16);

        [Fact]
        public void Int2_with_float_scale() => Check<DeclaredInt2, DeclaredInt2.Traits, IntElement<Int2.Traits>, SingleScale>(DeclaredBlockTests.Int2);

        [Fact]
        public void E5M2_in_blocks_of_8() => Check<DeclaredE5M2Half, DeclaredE5M2Half.Traits, FloatElement<Float8E5M2.Traits>, HalfScale>(DeclaredBlockTests.E5M2Half);

        [Fact]
        public void MxInt8_fixed_point() => Check<DeclaredMxInt8, DeclaredMxInt8.Traits, FixedPointElement<TestInt8.Traits>, FloatScale<Float8E8M0FNU.Traits>>(DeclaredBlockTests.MxInt8);

        [Fact]
        public void Five_bit_fixed_point_sign_extended() => Check<DeclaredMxInt5, DeclaredMxInt5.Traits, FixedPointElement<TestInt5.Traits>, HalfScale>(DeclaredBlockTests.MxInt5);

        [Fact]
        public void UInt8_with_zero_point() => Check<DeclaredW8G64, DeclaredW8G64.Traits, IntElement<TestUInt8.Traits>, HalfScale>(DeclaredBlockTests.W8G64);

        [Fact]
        public void Int8_with_BFloat16_scale() => Check<DeclaredInt8BF16, DeclaredInt8BF16.Traits, IntElement<TestInt8.Traits>, FloatScale<BFloat16.Traits>>(DeclaredBlockTests.Int8BF16);

        [Fact]
        public void Int7_in_blocks_of_8() => Check<DeclaredInt7, DeclaredInt7.Traits, IntElement<TestInt7.Traits>, HalfScale>(DeclaredBlockTests.Int7);

        [Fact]
        public void UInt6_with_zero_point() => Check<DeclaredU6, DeclaredU6.Traits, IntElement<TestUInt6.Traits>, SingleScale>(DeclaredBlockTests.U6);

        [Fact]
        public void UInt1_with_zero_point() => Check<DeclaredU1, DeclaredU1.Traits, IntElement<UInt1.Traits>, HalfScale>(DeclaredBlockTests.U1);

        [Fact]
        public void Exact_products_give_the_exact_sum_at_every_width()
        {
            var random = new Random(11);
            const int Columns = 4096;
            float[] x = Enumerable.Range(0, Columns).Select(_ => (float)random.Next(-8, 9)).ToArray();

            // W4G128: integers 0..15 with 0 and 15 in every block give scale 1, zero point 0, codes = values.
            float[] ints = Enumerable.Range(0, Columns).Select(i => (float)(i % 128 == 0 ? 0 : i % 128 == 1 ? 15 : random.Next(0, 16))).ToArray();
            ExactAtEveryWidth<DeclaredW4G128, DeclaredW4G128.Traits, IntElement<UInt4.Traits>, HalfScale>(ints, x);

            // MXINT8: k / 64 with 127 / 64 in every block give scale 2^0 and codes k.
            float[] sixtyFourths = Enumerable.Range(0, Columns).Select(i => (i % 32 == 0 ? 127 : random.Next(-127, 128)) / 64f).ToArray();
            ExactAtEveryWidth<DeclaredMxInt8, DeclaredMxInt8.Traits, FixedPointElement<TestInt8.Traits>, FloatScale<Float8E8M0FNU.Traits>>(sixtyFourths, x);

            // MXFP4: E2M1 values with 6 in every block give scale 2^0.
            float[] grid = { 0, 0.5f, 1, 1.5f, 2, 3, 4, 6, -0.5f, -1, -1.5f, -2, -3, -4, -6 };
            float[] fp4 = Enumerable.Range(0, Columns).Select(i => i % 32 == 0 ? 6f : grid[random.Next(grid.Length)]).ToArray();
            ExactAtEveryWidth<DeclaredMxfp4, DeclaredMxfp4.Traits, FloatElement<Float4E2M1FN.Traits>, FloatScale<Float8E8M0FNU.Traits>>(fp4, x);

            // NF4 (high nibble first): the codebook itself with scale 1.
            float[] nf4 = Enumerable.Range(0, Columns).Select(i => i % 64 == 0 ? 1f : DeclaredBlockTests.Nf4Codebook[random.Next(16)]).ToArray();
            float[] wholeX = Enumerable.Range(0, Columns).Select(_ => (float)random.Next(-2, 3)).ToArray();
            ExactAtEveryWidth<DeclaredNf4, DeclaredNf4.Traits, CodebookElement<DeclaredNf4.Traits>, SingleScale>(nf4, wholeX, exactOnlyIfRepresentable: true);
        }

        [Fact]
        public void A_mismatched_x_throws_ArgumentException()
        {
            var blocks = new DeclaredMxfp4[2];
            Assert.Throws<ArgumentException>(() => BlockCodec<DeclaredMxfp4.Traits, FloatElement<Float4E2M1FN.Traits>, FloatScale<Float8E8M0FNU.Traits>>.Dot<DeclaredMxfp4>(blocks, new float[63]));
            Assert.Throws<ArgumentException>(() => ((IBlockRowDot<DeclaredMxfp4>)default(DeclaredMxfp4)).Dot(blocks, new float[65]));
            Assert.Equal(0f, ((IBlockRowDot<DeclaredMxfp4>)default(DeclaredMxfp4)).Dot(ReadOnlySpan<DeclaredMxfp4>.Empty, ReadOnlySpan<float>.Empty));
        }

        private static void Check<TBlock, TTraits, TElement, TScale>(BlockSpecRef spec)
            where TBlock : unmanaged, IBlockFormat<TBlock>, IBlockRowDot<TBlock>
            where TTraits : struct, IBlockTraits
            where TElement : struct, IBlockElement
            where TScale : struct, IBlockScale
        {
            var random = new Random(77);
            foreach (var (name, values) in Inputs.For(spec))
            {
                var all = new TBlock[values.Length / spec.BlockSize];
                TBlock.Quantize(values, all);
                foreach (int count in new[] { 1, 2, 3, all.Length }.Distinct().Where(c => c <= all.Length))
                {
                    TBlock[] blocks = all[..count];
                    float[] w = new float[count * spec.BlockSize];
                    TBlock.Dequantize(blocks, w);
                    foreach (var (xName, x) in Vectors(w.Length, random))
                    {
                        (double exact, double magnitude) = Exact(w, x);
                        double bound = Bound(w.Length, magnitude);
                        foreach (int width in Widths)
                        {
                            float y = BlockCodec<TTraits, TElement, TScale>.Dot<TBlock>(blocks, x, width);
                            string where = $"{name}, {count} blocks, x {xName}, width {width}";
                            if (double.IsNaN(exact))
                            {
                                Assert.True(float.IsNaN(y), $"{where}: expected NaN, got {y:R}");
                            }
                            else
                            {
                                Assert.True(Math.Abs(y - exact) <= bound, $"{where}: {y:R} vs exact {exact:R}, bound {bound:R}");
                            }
                        }

                        float viaInterface = default(TBlock).Dot(blocks, x);
                        float atAvailable = BlockCodec<TTraits, TElement, TScale>.Dot<TBlock>(blocks, x, VectorWidth.Available);
                        Assert.True(viaInterface.Equals(atAvailable), $"{name}: the generated forwarder gives {viaInterface:R}, the codec {atAvailable:R}");
                    }
                }
            }
        }

        private static void ExactAtEveryWidth<TBlock, TTraits, TElement, TScale>(float[] values, float[] x, bool exactOnlyIfRepresentable = false)
            where TBlock : unmanaged, IBlockFormat<TBlock>
            where TTraits : struct, IBlockTraits
            where TElement : struct, IBlockElement
            where TScale : struct, IBlockScale
        {
            var blocks = new TBlock[values.Length / TBlock.BlockSize];
            TBlock.Quantize(values, blocks);
            float[] w = new float[values.Length];
            TBlock.Dequantize(blocks, w);
            Assert.Equal(values, w); // the values were chosen to survive quantization exactly
            (double exact, double magnitude) = Exact(w, x);
            foreach (int width in Widths)
            {
                float y = BlockCodec<TTraits, TElement, TScale>.Dot<TBlock>(blocks, x, width);
                if (exactOnlyIfRepresentable)
                {
                    // NF4's values are not dyadic: only the bound holds.
                    Assert.True(Math.Abs(y - exact) <= Bound(w.Length, magnitude), $"width {width}: {y:R} vs {exact:R}");
                }
                else
                {
                    Assert.Equal(exact, (double)y);
                }
            }
        }

        private static IEnumerable<(string Name, float[] X)> Vectors(int n, Random random)
        {
            yield return ("gaussian", Inputs.Random(n, random, 1f).ToArray());
            yield return ("mixed magnitudes", Enumerable.Range(0, n).Select(_ => (float)((random.Next(2) * 2 - 1) * Math.Pow(10, (random.NextDouble() * 6) - 3))).ToArray());
            yield return ("ones", Enumerable.Repeat(1f, n).ToArray());
        }

        private static (double Exact, double Magnitude) Exact(float[] w, float[] x)
        {
            double exact = 0, magnitude = 0;
            for (int i = 0; i < w.Length; i++)
            {
                double p = (double)w[i] * x[i]; // exact: a product of two floats fits a double
                exact += p;
                magnitude += Math.Abs(p);
            }

            return (exact, magnitude);
        }

        /// <summary>gamma_n * sum |w x| (u = 2^-24) plus n times the smallest subnormal for products that underflow.</summary>
        private static double Bound(int n, double magnitude)
        {
            double u = Math.ScaleB(1.0, -24);
            return (n * u / (1 - (n * u)) * magnitude * 1.0001) + (n * Math.ScaleB(1.0, -149));
        }
    }
}
