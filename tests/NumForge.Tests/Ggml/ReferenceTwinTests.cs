using System;
using System.Linq;
using System.Runtime.InteropServices;
using Xunit;

namespace NumForge.Tests.Ggml
{
    /// <summary>
    /// Each block type's optimized quantizer and dequantizer against its plain reference twin (ggml-quants.c style),
    /// element for element, on random and adversarial rows. (Both are also checked against ggml itself.)
    /// </summary>
    public class ReferenceTwinTests
    {
        [Fact]
        public void Q4_0() => Twin<BlockQ4_0>(BlockQ4_0.QuantizeReference, BlockQ4_0.DequantizeReference);

        [Fact]
        public void Q4_1() => Twin<BlockQ4_1>(BlockQ4_1.QuantizeReference, BlockQ4_1.DequantizeReference);

        [Fact]
        public void Q5_0() => Twin<BlockQ5_0>(BlockQ5_0.QuantizeReference, BlockQ5_0.DequantizeReference);

        [Fact]
        public void Q5_1() => Twin<BlockQ5_1>(BlockQ5_1.QuantizeReference, BlockQ5_1.DequantizeReference);

        [Fact]
        public void Q8_0() => Twin<BlockQ8_0>(BlockQ8_0.QuantizeReference, BlockQ8_0.DequantizeReference);

        [Fact]
        public void MXFP4() => Twin<BlockMXFP4>(BlockMXFP4.QuantizeReference, BlockMXFP4.DequantizeReference);

        [Fact]
        public void Q2_K() => Twin<BlockQ2_K>(BlockQ2_K.QuantizeReference, BlockQ2_K.DequantizeReference);

        [Fact]
        public void Q3_K() => Twin<BlockQ3_K>(BlockQ3_K.QuantizeReference, BlockQ3_K.DequantizeReference);

        [Fact]
        public void Q4_K() => Twin<BlockQ4_K>(BlockQ4_K.QuantizeReference, BlockQ4_K.DequantizeReference);

        [Fact]
        public void Q5_K() => Twin<BlockQ5_K>(BlockQ5_K.QuantizeReference, BlockQ5_K.DequantizeReference);

        [Fact]
        public void Q6_K() => Twin<BlockQ6_K>(BlockQ6_K.QuantizeReference, BlockQ6_K.DequantizeReference);

        [Fact]
        public void Fp16_to_fp32_is_exact_on_all_65536_values()
        {
            for (int h = 0; h <= ushort.MaxValue; h++)
            {
                float expected = (float)BitConverter.UInt16BitsToHalf((ushort)h);
                float actual = NumForge.Blocks.Ggml.GgmlMath.FromHalfBits((ushort)h);
                uint bits = BitConverter.SingleToUInt32Bits(actual);
                if (float.IsNaN(expected))
                {
                    // ggml keeps a NaN's sign and payload: sign | 0x7f800000 | mantissa << 13.
                    Assert.Equal((uint)((h & 0x8000) << 16) | 0x7f800000u | (uint)((h & 0x3ff) << 13), bits);
                }
                else
                {
                    Assert.True(BitConverter.SingleToUInt32Bits(expected) == bits, $"fp16 {h:x4}: expected {expected}, actual {actual}");
                }
            }
        }

        private delegate void Quantizer<TBlock>(ReadOnlySpan<float> x, Span<TBlock> y);

        private delegate void Dequantizer<TBlock>(ReadOnlySpan<TBlock> x, Span<float> y);

        private static void Twin<TBlock>(Quantizer<TBlock> quantize, Dequantizer<TBlock> dequantize)
            where TBlock : unmanaged, IBlockFormat<TBlock>
        {
            int blocks = TBlock.BlockSize == 32 ? 3000 : 300;
            float[] x = GgmlInputs.Make(77, blocks, TBlock.BlockSize, GgmlInputs.Kinds.Concat(GgmlInputs.NonFiniteKinds).ToArray());
            var reference = new TBlock[blocks];
            quantize(x, reference);
            byte[] referenceBytes = MemoryMarshal.AsBytes(reference.AsSpan()).ToArray();
            BlockCheck.SameBytes(referenceBytes, BlockCheck.QuantizeBytes<TBlock>(x), BlockCheck.SizeOf<TBlock>(), x, TBlock.BlockSize, typeof(TBlock).Name + " optimized vs reference quantizer");

            byte[] noise = new byte[blocks * BlockCheck.SizeOf<TBlock>()];
            new Random(8).NextBytes(noise);
            foreach (byte[] bytes in new[] { referenceBytes, noise })
            {
                float[] expected = new float[blocks * TBlock.BlockSize];
                dequantize(MemoryMarshal.Cast<byte, TBlock>(bytes), expected);
                BlockCheck.SameFloats(expected, BlockCheck.Dequantize<TBlock>(bytes), typeof(TBlock).Name + " optimized vs reference dequantizer");
            }
        }
    }
}
