using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NumForge.CompilerServices.Blocks;
using Xunit;

namespace NumForge.Tests.BlockFormats
{
    /// <summary>
    /// BlockCodec driven directly with hand-written traits (no generator), on combinations no declared block uses:
    /// 2-bit unsigned MinMax with a Half scale in blocks of 8, FP6 E2M3 AbsMax with a BFloat16 scale, and a block type
    /// of the wrong size, against <see cref="BlockReference"/>.
    /// </summary>
    public class BlockCodecTests
    {
        private readonly struct U2MinMax8 : IBlockTraits
        {
            public static int BlockSize => 8;

            public static BlockScaleRule ScaleRule => BlockScaleRule.MinMax;

            public static bool HighNibbleFirst => false;
        }

        private readonly struct E2M3AbsMax64 : IBlockTraits
        {
            public static int BlockSize => 64;

            public static BlockScaleRule ScaleRule => BlockScaleRule.AbsMax;

            public static bool HighNibbleFirst => false;
        }

        [InlineArray(5)]
        private struct Bytes5
        {
            private byte _e;
        }

        [InlineArray(50)]
        private struct Bytes50
        {
            private byte _e;
        }

        private static readonly ScaleRef HalfRef = ScaleRef.FromCodes(16, c => (double)BitConverter.UInt16BitsToHalf((ushort)c), 0x7E00);
        private static readonly ScaleRef BF16Ref = ScaleRef.FromCodes(16, c => (double)(float)BFloat16.FromBits((ushort)c), BFloat16.NaN.ToBits());

        [Fact]
        public void UInt2_MinMax_with_Half_scale_in_blocks_of_8()
        {
            var spec = new BlockSpecRef(8, BlockScaleRule.MinMax, ElementRef.Int(2, false), HalfRef);
            Run<U2MinMax8, IntElement<UInt2.Traits>, HalfScale, Bytes5>(spec);
        }

        [Fact]
        public void Fp6_E2M3_AbsMax_with_BFloat16_scale()
        {
            var spec = new BlockSpecRef(64, BlockScaleRule.AbsMax, ElementRef.Float(6, c => (float)Float6E2M3FN.FromBits(c)), BF16Ref);
            Run<E2M3AbsMax64, FloatElement<Float6E2M3FN.Traits>, FloatScale<BFloat16.Traits>, Bytes50>(spec);
        }

        [Fact]
        public void A_block_type_of_the_wrong_size_is_refused()
        {
            var blocks = new Bytes50[1];
            Assert.Throws<InvalidOperationException>(() => BlockCodec<U2MinMax8, IntElement<UInt2.Traits>, HalfScale>.Quantize<Bytes50>(new float[8], blocks));
        }

        [Fact]
        public void Scale_adapters_round_to_nearest_even_and_saturate()
        {
            Span<byte> b = stackalloc byte[4];
            Assert.Equal(65504f, HalfScale.Store(1e6f, b));
            Assert.Equal(448f, FloatScale<Float8E4M3FN.Traits>.Store(1e6f, b));
            Assert.Equal(0x7E, b[0]);
            Assert.Equal(MathF.ScaleB(1, 127), FloatScale<Float8E8M0FNU.Traits>.Store(MathF.ScaleB(1, 127), b));
            Assert.Equal(0xFE, b[0]);
            Assert.Equal(-127, FloatScale<Float8E8M0FNU.Traits>.MinPowerExponent);
            Assert.Equal(127, FloatScale<Float8E8M0FNU.Traits>.MaxPowerExponent);
            Assert.Equal(-24, HalfScale.MinPowerExponent);
            Assert.Equal(15, HalfScale.MaxPowerExponent);
            Assert.Equal(-149, SingleScale.MinPowerExponent);
            Assert.Equal(1.5f, SingleScale.Store(1.5f, b));
            Assert.Equal(1.5f, SingleScale.Load(b));
        }

        private static void Run<TTraits, TElement, TScale, TBlock>(BlockSpecRef spec)
            where TTraits : struct, IBlockTraits
            where TElement : struct, IBlockElement
            where TScale : struct, IBlockScale
            where TBlock : unmanaged
        {
            Assert.Equal(spec.BlockBytes, BlockCodec<TTraits, TElement, TScale>.BlockBytes);
            Assert.Equal(spec.BlockBytes, Unsafe.SizeOf<TBlock>());
            foreach (var (name, values) in Inputs.For(spec))
            {
                var blocks = new TBlock[values.Length / spec.BlockSize];
                BlockCodec<TTraits, TElement, TScale>.Quantize<TBlock>(values, blocks);
                byte[] expected = BlockReference.Quantize(spec, values);
                Assert.True(expected.AsSpan().SequenceEqual(MemoryMarshal.AsBytes(blocks.AsSpan())), name);
                var decoded = new float[values.Length];
                BlockCodec<TTraits, TElement, TScale>.Dequantize<TBlock>(blocks, decoded);
                float[] reference = BlockReference.Dequantize(spec, expected);
                for (int i = 0; i < values.Length; i++)
                {
                    Assert.True(reference[i].Equals(decoded[i]), $"{name}, value {i}: {reference[i]:R} vs {decoded[i]:R}");
                }
            }
        }
    }
}
