using System;
using System.Runtime.InteropServices;
using NumForge.Blocks.Ggml;

namespace NumForge
{
    /// <summary>
    /// ggml's Q5_1 block (24 bytes): fp16 scale d, fp16 minimum m, uint32 qh (bit j = fifth bit of element j), 16 bytes
    /// of low nibbles; value q * d + m. Byte for byte with <c>quantize_row_q5_1_ref</c>.
    /// </summary>
    [StructLayout(LayoutKind.Sequential, Pack = 1)]
    public struct BlockQ5_1 : IBlockFormat<BlockQ5_1>
    {
        internal ushort D;
        internal ushort M;
        internal Bytes4 Qh;
        internal Bytes16 Qs;

        /// <summary>Gets the block's scale.</summary>
        public readonly Half Scale => BitConverter.UInt16BitsToHalf(D);

        /// <summary>Gets the block's minimum (the value of code 0).</summary>
        public readonly Half Minimum => BitConverter.UInt16BitsToHalf(M);

        /// <inheritdoc/>
        public static int BlockSize => 32;

        /// <inheritdoc/>
        public static void Quantize(ReadOnlySpan<float> source, Span<BlockQ5_1> destination)
        {
            GgmlMath.CheckLengths(source.Length, destination.Length, 32, nameof(source));
            GgmlLegacyKernels.QuantizeQ5_1(source, destination);
        }

        /// <inheritdoc/>
        public static void Dequantize(ReadOnlySpan<BlockQ5_1> source, Span<float> destination)
        {
            GgmlMath.CheckLengths(destination.Length, source.Length, 32, nameof(destination));
            GgmlLegacyKernels.DequantizeQ5_1(source, destination);
        }

        internal readonly uint HighBits => MemoryMarshal.Read<uint>(Qh);

        /// <summary>quantize_row_q5_1_ref, plainly (note: no MIN(31, ...) clamp in ggml here).</summary>
        internal static void QuantizeReference(ReadOnlySpan<float> x, Span<BlockQ5_1> y)
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

                float d = (max - min) / 31;
                float id = d != 0 ? 1.0f / d : 0.0f;
                y[i].D = GgmlMath.ToHalfBits(d);
                y[i].M = GgmlMath.ToHalfBits(min);
                uint qh = 0;
                for (int j = 0; j < 16; j++)
                {
                    byte xi0 = (byte)GgmlMath.Truncate(((xb[j] - min) * id) + 0.5f);
                    byte xi1 = (byte)GgmlMath.Truncate(((xb[j + 16] - min) * id) + 0.5f);
                    y[i].Qs[j] = (byte)((xi0 & 0x0F) | ((xi1 & 0x0F) << 4));
                    qh |= ((xi0 & 0x10u) >> 4) << j;
                    qh |= ((xi1 & 0x10u) >> 4) << (j + 16);
                }

                MemoryMarshal.Write(y[i].Qh, qh);
            }
        }

        /// <summary>dequantize_row_q5_1, plainly.</summary>
        internal static void DequantizeReference(ReadOnlySpan<BlockQ5_1> x, Span<float> y)
        {
            for (int i = 0; i < x.Length; i++)
            {
                float d = GgmlMath.FromHalfBits(x[i].D);
                float m = GgmlMath.FromHalfBits(x[i].M);
                uint qh = x[i].HighBits;
                for (int j = 0; j < 16; j++)
                {
                    int xh0 = (int)((qh >> j) << 4) & 0x10;
                    int xh1 = (int)(qh >> (j + 12)) & 0x10;
                    y[(i * 32) + j] = (((x[i].Qs[j] & 0x0F) | xh0) * d) + m;
                    y[(i * 32) + j + 16] = (((x[i].Qs[j] >> 4) | xh1) * d) + m;
                }
            }
        }
    }
}
