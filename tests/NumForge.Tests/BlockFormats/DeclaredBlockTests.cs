using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Xunit;

namespace NumForge.Tests.BlockFormats
{
    /// <summary>
    /// The [BlockFormat] types of <c>DeclaredBlocks.cs</c> (generated here, running over BlockCodec) against the plain
    /// reference of <see cref="BlockReference"/> on random and adversarial blocks, byte for byte and value for value.
    /// </summary>
    public class DeclaredBlockTests
    {
        internal static readonly float[] Nf4Codebook =
        {
            -1.0f, -0.6961928009986877f, -0.5250730514526367f, -0.39491748809814453f,
            -0.28444138169288635f, -0.18477343022823334f, -0.09105003625154495f, 0.0f,
            0.07958029955625534f, 0.16093020141124725f, 0.24611230850219727f, 0.33791524171829224f,
            0.44070982933044434f, 0.5626170039176941f, 0.7229568362236023f, 1.0f,
        };

        private static readonly ScaleRef HalfRef = ScaleRef.FromCodes(16, c => (double)BitConverter.UInt16BitsToHalf((ushort)c), 0x7E00);
        private static readonly ScaleRef E8M0Ref = ScaleRef.FromCodes(8, c => (double)(float)Float8E8M0FNU.FromBits((byte)c), 0xFF);
        private static readonly ScaleRef E4M3Ref = ScaleRef.FromCodes(8, c => (double)(float)Float8E4M3FN.FromBits((byte)c), 0x7F);
        private static readonly ScaleRef BF16Ref = ScaleRef.FromCodes(16, c => (double)(float)BFloat16.FromBits((ushort)c), BFloat16.NaN.ToBits());

        private static readonly ElementRef Fp4 = ElementRef.Float(4, c => (float)Float4E2M1FN.FromBits(c));

        internal static BlockSpecRef W4G128 => new(128, BlockScaleRule.MinMax, ElementRef.Int(4, false), HalfRef);

        internal static BlockSpecRef W4G32Sym => new(32, BlockScaleRule.AbsMax, ElementRef.Int(4, true), HalfRef);

        internal static BlockSpecRef Mxfp4 => new(32, BlockScaleRule.PowerOfTwo, Fp4, E8M0Ref);

        internal static BlockSpecRef Mxfp8 => new(32, BlockScaleRule.PowerOfTwo, ElementRef.Float(8, c => (float)Float8E4M3FN.FromBits(c)), E8M0Ref);

        internal static BlockSpecRef Mxfp6 => new(32, BlockScaleRule.PowerOfTwo, ElementRef.Float(6, c => (float)Float6E3M2FN.FromBits(c)), E8M0Ref);

        internal static BlockSpecRef Nf4 => new(64, BlockScaleRule.AbsMax, ElementRef.Codebook(Nf4Codebook), ScaleRef.Single, HighNibbleFirst: true);

        internal static BlockSpecRef Fp4E4M3 => new(16, BlockScaleRule.AbsMax, Fp4, E4M3Ref);

        internal static BlockSpecRef U3BF16 => new(64, BlockScaleRule.MinMax, ElementRef.Int(3, false), BF16Ref);

        internal static BlockSpecRef Int2 => new(16, BlockScaleRule.AbsMax, ElementRef.Int(2, true), ScaleRef.Single);

        internal static BlockSpecRef E5M2Half => new(8, BlockScaleRule.PowerOfTwo, ElementRef.Float(8, c => (float)Float8E5M2.FromBits(c)), HalfRef);

        internal static BlockSpecRef MxInt8 => new(32, BlockScaleRule.PowerOfTwo, ElementRef.Fixed(8), E8M0Ref);

        internal static BlockSpecRef MxInt5 => new(64, BlockScaleRule.PowerOfTwo, ElementRef.Fixed(5), HalfRef);

        internal static BlockSpecRef W8G64 => new(64, BlockScaleRule.MinMax, ElementRef.Int(8, false), HalfRef);

        internal static BlockSpecRef Int8BF16 => new(16, BlockScaleRule.AbsMax, ElementRef.Int(8, true), BF16Ref);

        internal static BlockSpecRef Int7 => new(8, BlockScaleRule.AbsMax, ElementRef.Int(7, true), HalfRef);

        internal static BlockSpecRef U6 => new(32, BlockScaleRule.MinMax, ElementRef.Int(6, false), ScaleRef.Single);

        internal static BlockSpecRef U1 => new(128, BlockScaleRule.MinMax, ElementRef.Int(1, false), HalfRef);

        [Fact]
        public void Sizes_are_scale_plus_zero_plus_packed_codes()
        {
            Assert.Equal(2 + 1 + 64, Unsafe.SizeOf<DeclaredW4G128>());
            Assert.Equal(2 + 16, Unsafe.SizeOf<DeclaredW4G32Sym>());
            Assert.Equal(1 + 16, Unsafe.SizeOf<DeclaredMxfp4>());
            Assert.Equal(1 + 32, Unsafe.SizeOf<DeclaredMxfp8E4M3>());
            Assert.Equal(1 + 24, Unsafe.SizeOf<DeclaredMxfp6E3M2>());
            Assert.Equal(4 + 32, Unsafe.SizeOf<DeclaredNf4>());
            Assert.Equal(1 + 8, Unsafe.SizeOf<DeclaredFp4E4M3>());
            Assert.Equal(2 + 1 + 24, Unsafe.SizeOf<DeclaredU3BF16>());
            Assert.Equal(4 + 4, Unsafe.SizeOf<DeclaredInt2>());
            Assert.Equal(2 + 8, Unsafe.SizeOf<DeclaredE5M2Half>());
            Assert.Equal(1 + 32, Unsafe.SizeOf<DeclaredMxInt8>());
            Assert.Equal(2 + 40, Unsafe.SizeOf<DeclaredMxInt5>());
            Assert.Equal(2 + 1 + 64, Unsafe.SizeOf<DeclaredW8G64>());
            Assert.Equal(2 + 16, Unsafe.SizeOf<DeclaredInt8BF16>());
            Assert.Equal(2 + 7, Unsafe.SizeOf<DeclaredInt7>());
            Assert.Equal(4 + 1 + 24, Unsafe.SizeOf<DeclaredU6>());
            Assert.Equal(2 + 1 + 16, Unsafe.SizeOf<DeclaredU1>());
            Assert.Equal(67, DeclaredW4G128.SizeInBytes);
            Assert.Equal(128, DeclaredW4G128.BlockSize);
        }

        [Fact]
        public void W4G128_matches_the_reference() => Check<DeclaredW4G128>(W4G128);

        [Fact]
        public void W4G32_symmetric_matches_the_reference() => Check<DeclaredW4G32Sym>(W4G32Sym);

        [Fact]
        public void Mxfp4_matches_the_reference() => Check<DeclaredMxfp4>(Mxfp4);

        [Fact]
        public void Mxfp8_matches_the_reference() => Check<DeclaredMxfp8E4M3>(Mxfp8);

        [Fact]
        public void Mxfp6_matches_the_reference() => Check<DeclaredMxfp6E3M2>(Mxfp6);

        [Fact]
        public void Nf4_codebook_matches_the_reference() => Check<DeclaredNf4>(Nf4);

        [Fact]
        public void Fp4_with_E4M3_absmax_scale_matches_the_reference() => Check<DeclaredFp4E4M3>(Fp4E4M3);

        [Fact]
        public void UInt3_with_BFloat16_scale_matches_the_reference() => Check<DeclaredU3BF16>(U3BF16);

        [Fact]
        public void Int2_with_float_scale_matches_the_reference() => Check<DeclaredInt2>(Int2);

        [Fact]
        public void E5M2_with_Half_power_of_two_scale_matches_the_reference() => Check<DeclaredE5M2Half>(E5M2Half);

        [Fact]
        public void MxInt8_fixed_point_matches_the_reference() => Check<DeclaredMxInt8>(MxInt8);

        [Fact]
        public void Five_bit_fixed_point_with_Half_power_of_two_scale_matches_the_reference() => Check<DeclaredMxInt5>(MxInt5);

        [Fact]
        public void UInt8_MinMax_matches_the_reference() => Check<DeclaredW8G64>(W8G64);

        [Fact]
        public void Int8_with_BFloat16_scale_matches_the_reference() => Check<DeclaredInt8BF16>(Int8BF16);

        [Fact]
        public void Int7_in_blocks_of_8_matches_the_reference() => Check<DeclaredInt7>(Int7);

        [Fact]
        public void UInt6_MinMax_with_float_scale_matches_the_reference() => Check<DeclaredU6>(U6);

        [Fact]
        public void UInt1_MinMax_matches_the_reference() => Check<DeclaredU1>(U1);

        [Fact]
        public void MxInt8_saturates_at_127_and_reads_codes_as_sixty_fourths()
        {
            // amax 1.999 gives the scale 2^0; 1.999 * 64 = 127.9 rounds to 128 and saturates at 127 (not -128's twin).
            float[] values = new float[32];
            values[0] = 1.999f;
            values[1] = -1.999f;
            values[2] = 0.5f + (1f / 128);  // 32.5 sixty-fourths: a tie, to the even 32
            values[3] = 1f / 128 * 3;       // 1.5 sixty-fourths: a tie, to the even 2
            var block = new DeclaredMxInt8[1];
            DeclaredMxInt8.Quantize(values, block);
            Assert.Equal(1f, block[0].Scale);
            Assert.Equal(127, block[0].GetCode(0));
            Assert.Equal(0x81, block[0].GetCode(1));
            Assert.Equal(32, block[0].GetCode(2));
            Assert.Equal(2, block[0].GetCode(3));
            var decoded = new float[32];
            DeclaredMxInt8.Dequantize(block, decoded);
            Assert.Equal(127f / 64, decoded[0]);
            Assert.Equal(-127f / 64, decoded[1]);
            Assert.Equal(0.5f, decoded[2]);
            Assert.Equal(2f / 64, decoded[3]);
        }

        [Fact]
        public void Lengths_that_do_not_match_throw_ArgumentException()
        {
            var blocks = new DeclaredMxfp4[2];
            Assert.Throws<ArgumentException>(() => DeclaredMxfp4.Quantize(new float[63], blocks));
            Assert.Throws<ArgumentException>(() => DeclaredMxfp4.Quantize(new float[65], blocks));
            Assert.Throws<ArgumentException>(() => DeclaredMxfp4.Dequantize(blocks, new float[63]));
            Assert.Throws<ArgumentOutOfRangeException>(() => blocks[0].GetCode(32));
            Assert.Throws<ArgumentOutOfRangeException>(() => blocks[0].GetCode(-1));
        }

        [Fact]
        public void Accessors_read_the_stored_scale_zero_point_and_codes()
        {
            float[] values = Inputs.Random(128, new Random(5), 1f).ToArray();
            var blocks = new DeclaredW4G128[1];
            DeclaredW4G128.Quantize(values, blocks);
            byte[] expected = BlockReference.Quantize(W4G128, values);
            Assert.Equal((float)BitConverter.ToHalf(expected, 0), blocks[0].Scale);
            Assert.Equal(expected[2], blocks[0].ZeroPoint);
            for (int i = 0; i < 128; i++)
            {
                Assert.Equal(BlockReference.GetCode(W4G128, expected, i), blocks[0].GetCode(i));
            }
        }

        /// <summary>Quantizes every input set, compares bytes with the reference, then dequantized values bit for bit.</summary>
        internal static void Check<TBlock>(BlockSpecRef spec)
            where TBlock : unmanaged, IBlockFormat<TBlock>
        {
            Assert.Equal(spec.BlockSize, TBlock.BlockSize);
            Assert.Equal(spec.BlockBytes, Unsafe.SizeOf<TBlock>());
            foreach (var (name, values) in Inputs.For(spec))
            {
                var blocks = new TBlock[values.Length / spec.BlockSize];
                TBlock.Quantize(values, blocks);
                byte[] actual = MemoryMarshal.AsBytes(blocks.AsSpan()).ToArray();
                byte[] expected = BlockReference.Quantize(spec, values);
                for (int b = 0; b < blocks.Length; b++)
                {
                    var e = expected.AsSpan(b * spec.BlockBytes, spec.BlockBytes).ToArray();
                    var a = actual.AsSpan(b * spec.BlockBytes, spec.BlockBytes).ToArray();
                    Assert.True(e.SequenceEqual(a), $"{name}, block {b}: expected {Convert.ToHexString(e)}, got {Convert.ToHexString(a)}");
                }

                var decoded = new float[values.Length];
                TBlock.Dequantize(blocks, decoded);
                float[] reference = BlockReference.Dequantize(spec, expected);
                for (int i = 0; i < values.Length; i++)
                {
                    Assert.True(
                        BitConverter.SingleToInt32Bits(reference[i]) == BitConverter.SingleToInt32Bits(decoded[i]) || (float.IsNaN(reference[i]) && float.IsNaN(decoded[i])),
                        $"{name}, value {i}: expected {reference[i]:R}, got {decoded[i]:R}");
                }
            }
        }
    }

    /// <summary>Random and adversarial inputs, a whole number of blocks each.</summary>
    internal static class Inputs
    {
        public static IEnumerable<float> Random(int count, Random random, float scale)
        {
            for (int i = 0; i < count; i++)
            {
                // Gaussian by Box-Muller
                double u = 1.0 - random.NextDouble(), v = random.NextDouble();
                yield return (float)(Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v) * scale);
            }
        }

        public static IEnumerable<(string Name, float[] Values)> For(BlockSpecRef spec)
        {
            int n = spec.BlockSize;
            var random = new Random(1234 + n);
            foreach (float scale in new[] { 1f, 0.01f, 300f, 1e-30f })
            {
                yield return ($"gaussian x{scale}", Random(n * 16, random, scale).ToArray());
            }

            yield return ("uniform", Enumerable.Range(0, n * 16).Select(_ => (float)((random.NextDouble() * 20) - 5)).ToArray());
            yield return ("all zero", new float[n]);
            yield return ("negative zeros", Enumerable.Repeat(-0f, n).ToArray());
            yield return ("constant", Enumerable.Repeat(0.75f, n).ToArray());
            yield return ("negative constant", Enumerable.Repeat(-3f, n).ToArray());
            yield return ("NaN", Block(n, random, 3, float.NaN));
            yield return ("infinity", Block(n, random, 0, float.PositiveInfinity));
            yield return ("negative infinity", Block(n, random, n - 1, float.NegativeInfinity));
            yield return ("single outlier", Block(n, new Random(7), n / 2, 1e4f, tiny: true));
            yield return ("denormals", Enumerable.Range(0, n).Select(i => (i % 3 - 1) * 1e-40f * (i + 1)).ToArray());
            yield return ("amax a power of two", Block(n, random, 1, 4f));
            yield return ("amax just below a power of two", Block(n, random, 1, MathF.BitDecrement(4f)));
            yield return ("amax just above a power of two", Block(n, random, 1, MathF.BitIncrement(4f)));
            yield return ("saturating element", Block(n, random, 2, 7.9f));

            // Ties: halves and quarters on a grid of unit steps, with amax chosen so common scales are exact.
            foreach (float amax in new[] { 6f, 7f, 15f, 1f, 448f })
            {
                var ties = new float[n];
                for (int i = 0; i < n; i++)
                {
                    ties[i] = ((i % 29) - 14) * 0.25f * (amax / 7f);
                }

                ties[0] = amax;
                yield return ($"ties around {amax}", ties);
                var unsigned = ties.Select(Math.Abs).ToArray();
                unsigned[1] = 0;
                yield return ($"non-negative ties around {amax}", unsigned);
            }
        }

        private static float[] Block(int n, Random random, int at, float special, bool tiny = false)
        {
            float[] values = Random(n, random, tiny ? 1e-3f : 1f).ToArray();
            values[at] = special;
            return values;
        }
    }
}
