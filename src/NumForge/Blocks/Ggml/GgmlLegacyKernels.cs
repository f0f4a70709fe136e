using System;

namespace NumForge.Blocks.Ggml
{
    /// <summary>Quantizers and dequantizers of the 32-element blocks.</summary>
    internal static class GgmlLegacyKernels
    {
        public static void QuantizeQ4_0(ReadOnlySpan<float> x, Span<BlockQ4_0> y) => BlockQ4_0.QuantizeReference(x, y);

        public static void DequantizeQ4_0(ReadOnlySpan<BlockQ4_0> x, Span<float> y) => BlockQ4_0.DequantizeReference(x, y);

        public static void QuantizeQ4_1(ReadOnlySpan<float> x, Span<BlockQ4_1> y) => BlockQ4_1.QuantizeReference(x, y);

        public static void DequantizeQ4_1(ReadOnlySpan<BlockQ4_1> x, Span<float> y) => BlockQ4_1.DequantizeReference(x, y);

        public static void QuantizeQ5_0(ReadOnlySpan<float> x, Span<BlockQ5_0> y) => BlockQ5_0.QuantizeReference(x, y);

        public static void DequantizeQ5_0(ReadOnlySpan<BlockQ5_0> x, Span<float> y) => BlockQ5_0.DequantizeReference(x, y);

        public static void QuantizeQ5_1(ReadOnlySpan<float> x, Span<BlockQ5_1> y) => BlockQ5_1.QuantizeReference(x, y);

        public static void DequantizeQ5_1(ReadOnlySpan<BlockQ5_1> x, Span<float> y) => BlockQ5_1.DequantizeReference(x, y);

        public static void QuantizeQ8_0(ReadOnlySpan<float> x, Span<BlockQ8_0> y) => BlockQ8_0.QuantizeReference(x, y);

        public static void DequantizeQ8_0(ReadOnlySpan<BlockQ8_0> x, Span<float> y) => BlockQ8_0.DequantizeReference(x, y);

        public static void QuantizeMxFp4(ReadOnlySpan<float> x, Span<BlockMXFP4> y) => BlockMXFP4.QuantizeReference(x, y);

        public static void DequantizeMxFp4(ReadOnlySpan<BlockMXFP4> x, Span<float> y) => BlockMXFP4.DequantizeReference(x, y);
    }
}
