using System;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using NumForge.Blocks.Ggml;

namespace NumForge
{
    /// <summary>
    /// ggml's Q5_K super-block (176 bytes, 256 elements): fp16 d and dmin, 12 bytes of 6-bit scales and mins, 32 bytes
    /// of fifth bits, 128 bytes of low nibbles; value d * sc * q - dmin * m per 32-element sub-block. Byte for byte with
    /// <c>quantize_row_q5_K_ref</c> (Q4_K's scale search with 31 levels, the sub-blocks side by side in vector lanes).
    /// </summary>
    [StructLayout(LayoutKind.Sequential, Pack = 1)]
    public struct BlockQ5_K : IBlockFormat<BlockQ5_K>
    {
        internal ushort D;
        internal ushort DMin;
        internal Bytes12 Scales;
        internal Bytes32 Qh;
        internal Bytes128 Qs;

        /// <summary>Gets the super-block scale of the sub-block scales.</summary>
        public readonly Half Scale => BitConverter.UInt16BitsToHalf(D);

        /// <summary>Gets the super-block scale of the sub-block minimums.</summary>
        public readonly Half MinimumScale => BitConverter.UInt16BitsToHalf(DMin);

        /// <inheritdoc/>
        public static int BlockSize => 256;

        /// <inheritdoc/>
        public static void Quantize(ReadOnlySpan<float> source, Span<BlockQ5_K> destination)
        {
            GgmlMath.CheckLengths(source.Length, destination.Length, 256, nameof(source));
            Span<byte> levels = stackalloc byte[256];
            bool lanes = Vector256.IsHardwareAccelerated;
            for (int i = 0; i < destination.Length; i++)
            {
                ReadOnlySpan<float> x = source.Slice(i * 256, 256);
                if (!lanes || !GgmlScaleSearchLanes.AllFinite(x))
                {
                    // NaN and infinity take the scalar comparisons the lanes need not mirror.
                    QuantizeReference(x, destination.Slice(i, 1));
                    continue;
                }

                ref BlockQ5_K b = ref destination[i];
                b.Scales = default;
                BlockQ4_K.SearchScalesInLanes(x, 31, -0.5f, 0.1f, 15, levels, ref b.Scales, out b.D, out b.DMin);
                PackLevels(levels, ref b);
            }
        }

        /// <inheritdoc/>
        public static void Dequantize(ReadOnlySpan<BlockQ5_K> source, Span<float> destination)
        {
            GgmlMath.CheckLengths(destination.Length, source.Length, 256, nameof(destination));
            GgmlKQuantKernels.DequantizeQ5_K(source, destination);
        }

        /// <summary>quantize_row_q5_K_ref, plainly: the scalar make_qkx2_quants per sub-block.</summary>
        internal static void QuantizeReference(ReadOnlySpan<float> source, Span<BlockQ5_K> y)
        {
            Span<byte> levels = stackalloc byte[256];
            for (int i = 0; i < y.Length; i++)
            {
                ref BlockQ5_K b = ref y[i];
                b.Scales = default;
                BlockQ4_K.SearchScales(source.Slice(i * 256, 256), 31, -0.5f, 0.1f, 15, levels, ref b.Scales, out b.D, out b.DMin);
                PackLevels(levels, ref b);
            }
        }

        /// <summary>The 5-bit codes: low nibbles as Q4_K's, the fifth bits in Qh.</summary>
        private static void PackLevels(ReadOnlySpan<byte> levels, ref BlockQ5_K b)
        {
            b.Qh = default;
            byte m1 = 1, m2 = 2;
            for (int n = 0, ql = 0; n < 256; n += 64, ql += 32)
            {
                for (int j = 0; j < 32; ++j)
                {
                    int l1 = levels[n + j];
                    if (l1 > 15)
                    {
                        l1 -= 16;
                        b.Qh[j] |= m1;
                    }

                    int l2 = levels[n + j + 32];
                    if (l2 > 15)
                    {
                        l2 -= 16;
                        b.Qh[j] |= m2;
                    }

                    b.Qs[ql + j] = (byte)(l1 | (l2 << 4));
                }

                m1 <<= 2;
                m2 <<= 2;
            }
        }

        /// <summary>dequantize_row_q5_K, plainly.</summary>
        internal static void DequantizeReference(ReadOnlySpan<BlockQ5_K> x, Span<float> destination)
        {
            int o = 0;
            for (int i = 0; i < x.Length; i++)
            {
                float d = GgmlMath.FromHalfBits(x[i].D);
                float min = GgmlMath.FromHalfBits(x[i].DMin);
                int u1 = 1, u2 = 2;
                for (int j = 0, q = 0, s = 0; j < 256; j += 64, q += 32, s += 2)
                {
                    KQuantScales.Get(s, x[i].Scales, out int sc, out int m);
                    float d1 = d * sc, m1 = min * m;
                    KQuantScales.Get(s + 1, x[i].Scales, out sc, out m);
                    float d2 = d * sc, m2 = min * m;
                    for (int l = 0; l < 32; ++l)
                    {
                        destination[o++] = (d1 * ((x[i].Qs[q + l] & 0xF) + ((x[i].Qh[l] & u1) != 0 ? 16 : 0))) - m1;
                    }

                    for (int l = 0; l < 32; ++l)
                    {
                        destination[o++] = (d2 * ((x[i].Qs[q + l] >> 4) + ((x[i].Qh[l] & u2) != 0 ? 16 : 0))) - m2;
                    }

                    u1 <<= 2;
                    u2 <<= 2;
                }
            }
        }
    }
}
