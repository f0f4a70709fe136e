using System;
using System.Runtime.InteropServices;
using NumForge.Blocks.Ggml;

namespace NumForge
{
    /// <summary>
    /// ggml's Q4_0 block (18 bytes): an fp16 scale d and 32 4-bit codes q, value (q - 8) * d. Byte 2 + j holds element j in
    /// its low nibble and element j + 16 in its high nibble. Byte for byte with ggml's <c>quantize_row_q4_0_ref</c>.
    /// </summary>
    [StructLayout(LayoutKind.Sequential, Pack = 1)]
    public struct BlockQ4_0 : IBlockFormat<BlockQ4_0>
    {
        internal ushort D;
        internal Bytes16 Qs;

        /// <summary>Gets the block's scale.</summary>
        public readonly Half Scale => BitConverter.UInt16BitsToHalf(D);

        /// <inheritdoc/>
        public static int BlockSize => 32;

        /// <inheritdoc/>
        public static void Quantize(ReadOnlySpan<float> source, Span<BlockQ4_0> destination)
        {
            GgmlMath.CheckLengths(source.Length, destination.Length, 32, nameof(source));
            GgmlLegacyKernels.QuantizeQ4_0(source, destination);
        }

        /// <inheritdoc/>
        public static void Dequantize(ReadOnlySpan<BlockQ4_0> source, Span<float> destination)
        {
            GgmlMath.CheckLengths(destination.Length, source.Length, 32, nameof(destination));
            GgmlLegacyKernels.DequantizeQ4_0(source, destination);
        }

        /// <summary>quantize_row_q4_0_ref, plainly: d = max / -8 from the signed value of the largest magnitude (the first wins).</summary>
        internal static void QuantizeReference(ReadOnlySpan<float> x, Span<BlockQ4_0> y)
        {
            for (int i = 0; i < y.Length; i++)
            {
                ReadOnlySpan<float> xb = x.Slice(i * 32, 32);
                float amax = 0, max = 0;
                for (int j = 0; j < 32; j++)
                {
                    if (amax < MathF.Abs(xb[j]))
                    {
                        amax = MathF.Abs(xb[j]);
                        max = xb[j];
                    }
                }

                float d = max / -8;
                float id = d != 0 ? 1.0f / d : 0.0f;
                y[i].D = GgmlMath.ToHalfBits(d);
                for (int j = 0; j < 16; j++)
                {
                    int xi0 = Math.Min(15, (int)(sbyte)GgmlMath.Truncate((xb[j] * id) + 8.5f));
                    int xi1 = Math.Min(15, (int)(sbyte)GgmlMath.Truncate((xb[j + 16] * id) + 8.5f));
                    y[i].Qs[j] = (byte)((byte)xi0 | ((byte)xi1 << 4));
                }
            }
        }

        /// <summary>dequantize_row_q4_0, plainly.</summary>
        internal static void DequantizeReference(ReadOnlySpan<BlockQ4_0> x, Span<float> y)
        {
            for (int i = 0; i < x.Length; i++)
            {
                float d = GgmlMath.FromHalfBits(x[i].D);
                for (int j = 0; j < 16; j++)
                {
                    y[(i * 32) + j] = ((x[i].Qs[j] & 0x0F) - 8) * d;
                    y[(i * 32) + j + 16] = ((x[i].Qs[j] >> 4) - 8) * d;
                }
            }
        }
    }
}
