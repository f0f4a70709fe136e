using System;
using System.Runtime.InteropServices;
using NumForge.Blocks.Ggml;

namespace NumForge
{
    /// <summary>
    /// ggml's Q5_0 block (22 bytes): fp16 scale d, a little-endian uint32 qh whose bit j is the fifth bit of element j,
    /// 16 bytes of low nibbles (element j low, j + 16 high); value (q - 16) * d. Byte for byte with
    /// <c>quantize_row_q5_0_ref</c>.
    /// </summary>
    [StructLayout(LayoutKind.Sequential, Pack = 1)]
    public struct BlockQ5_0 : IBlockFormat<BlockQ5_0>
    {
        internal ushort D;
        internal Bytes4 Qh;
        internal Bytes16 Qs;

        /// <summary>Gets the block's scale.</summary>
        public readonly Half Scale => BitConverter.UInt16BitsToHalf(D);

        /// <inheritdoc/>
        public static int BlockSize => 32;

        /// <inheritdoc/>
        public static void Quantize(ReadOnlySpan<float> source, Span<BlockQ5_0> destination)
        {
            GgmlMath.CheckLengths(source.Length, destination.Length, 32, nameof(source));
            GgmlLegacyKernels.QuantizeQ5_0(source, destination);
        }

        /// <inheritdoc/>
        public static void Dequantize(ReadOnlySpan<BlockQ5_0> source, Span<float> destination)
        {
            GgmlMath.CheckLengths(destination.Length, source.Length, 32, nameof(destination));
            GgmlLegacyKernels.DequantizeQ5_0(source, destination);
        }

        internal readonly uint HighBits => MemoryMarshal.Read<uint>(Qh);

        /// <summary>quantize_row_q5_0_ref, plainly.</summary>
        internal static void QuantizeReference(ReadOnlySpan<float> x, Span<BlockQ5_0> y)
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

                float d = max / -16;
                float id = d != 0 ? 1.0f / d : 0.0f;
                y[i].D = GgmlMath.ToHalfBits(d);
                uint qh = 0;
                for (int j = 0; j < 16; j++)
                {
                    byte xi0 = (byte)Math.Min(31, (int)(sbyte)GgmlMath.Truncate((xb[j] * id) + 16.5f));
                    byte xi1 = (byte)Math.Min(31, (int)(sbyte)GgmlMath.Truncate((xb[j + 16] * id) + 16.5f));
                    y[i].Qs[j] = (byte)((xi0 & 0x0F) | ((xi1 & 0x0F) << 4));
                    qh |= ((xi0 & 0x10u) >> 4) << j;
                    qh |= ((xi1 & 0x10u) >> 4) << (j + 16);
                }

                MemoryMarshal.Write(y[i].Qh, qh);
            }
        }

        /// <summary>dequantize_row_q5_0, plainly.</summary>
        internal static void DequantizeReference(ReadOnlySpan<BlockQ5_0> x, Span<float> y)
        {
            for (int i = 0; i < x.Length; i++)
            {
                float d = GgmlMath.FromHalfBits(x[i].D);
                uint qh = x[i].HighBits;
                for (int j = 0; j < 16; j++)
                {
                    int xh0 = (int)((qh >> j) << 4) & 0x10;
                    int xh1 = (int)(qh >> (j + 12)) & 0x10;
                    y[(i * 32) + j] = (((x[i].Qs[j] & 0x0F) | xh0) - 16) * d;
                    y[(i * 32) + j + 16] = (((x[i].Qs[j] >> 4) | xh1) - 16) * d;
                }
            }
        }
    }
}
