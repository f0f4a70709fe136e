using System;

namespace NumForge.Blocks.Ggml
{
    /// <summary>Dequantizers of the K-quant super-blocks.</summary>
    internal static class GgmlKQuantKernels
    {
        public static void DequantizeQ2_K(ReadOnlySpan<BlockQ2_K> x, Span<float> y) => BlockQ2_K.DequantizeReference(x, y);

        public static void DequantizeQ3_K(ReadOnlySpan<BlockQ3_K> x, Span<float> y) => BlockQ3_K.DequantizeReference(x, y);

        public static void DequantizeQ4_K(ReadOnlySpan<BlockQ4_K> x, Span<float> y) => BlockQ4_K.DequantizeReference(x, y);

        public static void DequantizeQ5_K(ReadOnlySpan<BlockQ5_K> x, Span<float> y) => BlockQ5_K.DequantizeReference(x, y);

        public static void DequantizeQ6_K(ReadOnlySpan<BlockQ6_K> x, Span<float> y) => BlockQ6_K.DequantizeReference(x, y);
    }
}
