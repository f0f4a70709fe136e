using System;
using System.Runtime.InteropServices;
using NumForge.Blocks.Ggml;

namespace NumForge
{
    /// <summary>
    /// ggml's Q8_0 block (34 bytes): fp16 scale d = amax / 127 and 32 int8 codes q = roundf(x / d) (half away from zero);
    /// value q * d. Byte for byte with <c>quantize_row_q8_0_ref</c>.
    /// </summary>
    [StructLayout(LayoutKind.Sequential, Pack = 1)]
    public struct BlockQ8_0 : IBlockFormat<BlockQ8_0>
    {
        internal ushort D;
        internal Bytes32 Qs;

        /// <summary>Gets the block's scale.</summary>
        public readonly Half Scale => BitConverter.UInt16BitsToHalf(D);

        /// <inheritdoc/>
        public static int BlockSize => 32;

        /// <inheritdoc/>
        public static void Quantize(ReadOnlySpan<float> source, Span<BlockQ8_0> destination)
        {
            GgmlMath.CheckLengths(source.Length, destination.Length, 32, nameof(source));
            GgmlLegacyKernels.QuantizeQ8_0(source, destination);
        }

        /// <inheritdoc/>
        public static void Dequantize(ReadOnlySpan<BlockQ8_0> source, Span<float> destination)
        {
            GgmlMath.CheckLengths(destination.Length, source.Length, 32, nameof(destination));
            GgmlLegacyKernels.DequantizeQ8_0(source, destination);
        }

        /// <summary>quantize_row_q8_0_ref, plainly.</summary>
        internal static void QuantizeReference(ReadOnlySpan<float> x, Span<BlockQ8_0> y)
        {
            for (int i = 0; i < y.Length; i++)
            {
                ReadOnlySpan<float> xb = x.Slice(i * 32, 32);
                float amax = 0;
                for (int j = 0; j < 32; j++)
                {
                    // ggml's MAX(a, b) is ((a) > (b) ? (a) : (b)), kept as is (a NaN element replaces the running maximum).
                    float v = MathF.Abs(xb[j]);
                    amax = amax > v ? amax : v;
                }

                float d = amax / 127;
                float id = d != 0 ? 1.0f / d : 0.0f;
                y[i].D = GgmlMath.ToHalfBits(d);
                for (int j = 0; j < 32; j++)
                {
                    y[i].Qs[j] = (byte)GgmlMath.Truncate(GgmlMath.RoundAway(xb[j] * id));
                }
            }
        }

        /// <summary>dequantize_row_q8_0, plainly.</summary>
        internal static void DequantizeReference(ReadOnlySpan<BlockQ8_0> x, Span<float> y)
        {
            for (int i = 0; i < x.Length; i++)
            {
                float d = GgmlMath.FromHalfBits(x[i].D);
                for (int j = 0; j < 32; j++)
                {
                    y[(i * 32) + j] = (sbyte)x[i].Qs[j] * d;
                }
            }
        }
    }
}
