using System;
using System.Runtime.InteropServices;
using NumForge.Blocks.Ggml;

namespace NumForge
{
    /// <summary>
    /// ggml's Q4_1 block (20 bytes): fp16 scale d, fp16 minimum m, 32 4-bit codes q (element j low nibble, j + 16 high),
    /// value q * d + m. Byte for byte with ggml's <c>quantize_row_q4_1_ref</c>.
    /// </summary>
    [StructLayout(LayoutKind.Sequential, Pack = 1)]
    public struct BlockQ4_1 : IBlockFormat<BlockQ4_1>
    {
        internal ushort D;
        internal ushort M;
        internal Bytes16 Qs;

        /// <summary>Gets the block's scale.</summary>
        public readonly Half Scale => BitConverter.UInt16BitsToHalf(D);

        /// <summary>Gets the block's minimum (the value of code 0).</summary>
        public readonly Half Minimum => BitConverter.UInt16BitsToHalf(M);

        /// <inheritdoc/>
        public static int BlockSize => 32;

        /// <inheritdoc/>
        public static void Quantize(ReadOnlySpan<float> source, Span<BlockQ4_1> destination)
        {
            GgmlMath.CheckLengths(source.Length, destination.Length, 32, nameof(source));
            GgmlLegacyKernels.QuantizeQ4_1(source, destination);
        }

        /// <inheritdoc/>
        public static void Dequantize(ReadOnlySpan<BlockQ4_1> source, Span<float> destination)
        {
            GgmlMath.CheckLengths(destination.Length, source.Length, 32, nameof(destination));
            GgmlLegacyKernels.DequantizeQ4_1(source, destination);
        }

        /// <summary>quantize_row_q4_1_ref, plainly.</summary>
        internal static void QuantizeReference(ReadOnlySpan<float> x, Span<BlockQ4_1> y)
        {
            for (int i = 0; i < y.Length; i++)
            {
                ReadOnlySpan<float> xb = x.Slice(i * 32, 32);
                float min = float.MaxValue, max = -float.MaxValue;
                for (int j = 0; j < 32; j++)
                {
                    if (xb[j] < min)
                    {
                        min = xb[j];
                    }

                    if (xb[j] > max)
                    {
                        max = xb[j];
                    }
                }

                float d = (max - min) / 15;
                float id = d != 0 ? 1.0f / d : 0.0f;
                y[i].D = GgmlMath.ToHalfBits(d);
                y[i].M = GgmlMath.ToHalfBits(min);
                for (int j = 0; j < 16; j++)
                {
                    int xi0 = Math.Min(15, (int)(sbyte)GgmlMath.Truncate(((xb[j] - min) * id) + 0.5f));
                    int xi1 = Math.Min(15, (int)(sbyte)GgmlMath.Truncate(((xb[j + 16] - min) * id) + 0.5f));
                    y[i].Qs[j] = (byte)((byte)xi0 | ((byte)xi1 << 4));
                }
            }
        }

        /// <summary>dequantize_row_q4_1, plainly.</summary>
        internal static void DequantizeReference(ReadOnlySpan<BlockQ4_1> x, Span<float> y)
        {
            for (int i = 0; i < x.Length; i++)
            {
                float d = GgmlMath.FromHalfBits(x[i].D);
                float m = GgmlMath.FromHalfBits(x[i].M);
                for (int j = 0; j < 16; j++)
                {
                    y[(i * 32) + j] = ((x[i].Qs[j] & 0x0F) * d) + m;
                    y[(i * 32) + j + 16] = ((x[i].Qs[j] >> 4) * d) + m;
                }
            }
        }
    }
}
