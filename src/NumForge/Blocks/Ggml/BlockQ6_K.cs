using System;
using System.Runtime.Intrinsics;
using System.Runtime.InteropServices;
using NumForge.Blocks.Ggml;

namespace NumForge
{
    /// <summary>
    /// ggml's Q6_K super-block (210 bytes, 256 elements): 128 bytes of low nibbles, 64 bytes of high 2-bit pairs, 16
    /// int8 sub-block scales, fp16 d; value d * sc * (q - 32) per 16-element sub-block. Byte for byte with
    /// <c>quantize_row_q6_K_ref</c> (make_qx_quants per sub-block).
    /// </summary>
    [StructLayout(LayoutKind.Sequential, Pack = 1)]
    public struct BlockQ6_K : IBlockFormat<BlockQ6_K>
    {
        internal Bytes128 Ql;
        internal Bytes64 Qh;
        internal Bytes16 Scales;
        internal ushort D;

        /// <summary>Gets the super-block scale.</summary>
        public readonly Half Scale => BitConverter.UInt16BitsToHalf(D);

        /// <inheritdoc/>
        public static int BlockSize => 256;

        /// <inheritdoc/>
        public static void Quantize(ReadOnlySpan<float> source, Span<BlockQ6_K> destination)
        {
            GgmlMath.CheckLengths(source.Length, destination.Length, 256, nameof(source));
            Span<sbyte> levels = stackalloc sbyte[256];
            Span<float> scales = stackalloc float[16];
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

                // The sixteen sub-block searches eight at a time, one per lane, bit for bit the scalar ones.
                SearchSubBlocks(x, levels, scales);
                Finish(x, scales, levels, ref destination[i]);
            }
        }

        /// <inheritdoc/>
        public static void Dequantize(ReadOnlySpan<BlockQ6_K> source, Span<float> destination)
        {
            GgmlMath.CheckLengths(destination.Length, source.Length, 256, nameof(destination));
            GgmlKQuantKernels.DequantizeQ6_K(source, destination);
        }

        /// <summary>make_qx_quants of the sixteen 16-element sub-blocks, eight at a time transposed into vector lanes.</summary>
        private static unsafe void SearchSubBlocks(ReadOnlySpan<float> x, Span<sbyte> levels, Span<float> scales)
        {
            float* xt = stackalloc float[128];
            Vector256<int>* lt = stackalloc Vector256<int>[16];
            for (int half = 0; half < 2; ++half)
            {
                for (int j = 0; j < 8; ++j)
                {
                    for (int l = 0; l < 16; ++l)
                    {
                        xt[(8 * l) + j] = x[(128 * half) + (16 * j) + l];
                    }
                }

                GgmlScaleSearchLanes.MakeQxQuants(32, 16, xt, lt).CopyTo(scales.Slice(8 * half, 8));
                int* li = (int*)lt;
                for (int j = 0; j < 8; ++j)
                {
                    for (int l = 0; l < 16; ++l)
                    {
                        levels[(128 * half) + (16 * j) + l] = (sbyte)li[(8 * l) + j];
                    }
                }
            }
        }

        /// <summary>quantize_row_q6_K_ref, plainly: the scalar make_qx_quants per sub-block.</summary>
        internal static void QuantizeReference(ReadOnlySpan<float> source, Span<BlockQ6_K> y)
        {
            Span<sbyte> levels = stackalloc sbyte[256];
            Span<float> scales = stackalloc float[16];
            for (int i = 0; i < y.Length; i++)
            {
                ReadOnlySpan<float> x = source.Slice(i * 256, 256);
                for (int ib = 0; ib < 16; ++ib)
                {
                    scales[ib] = GgmlScaleSearch.MakeQxQuants(32, x.Slice(16 * ib, 16), levels.Slice(16 * ib, 16));
                }

                Finish(x, scales, levels, ref y[i]);
            }
        }

        /// <summary>
        /// quantize_row_q6_K_ref after the sub-block searches, plainly: the int8 scales against the scale of largest
        /// magnitude, the levels recomputed from the stored scales, the 4+2-bit packing.
        /// </summary>
        private static void Finish(ReadOnlySpan<float> x, ReadOnlySpan<float> scales, Span<sbyte> levels, ref BlockQ6_K b)
        {
            float maxScale = 0, maxAbsScale = 0;
            for (int ib = 0; ib < 16; ++ib)
            {
                float absScale = MathF.Abs(scales[ib]);
                if (absScale > maxAbsScale)
                {
                    maxAbsScale = absScale;
                    maxScale = scales[ib];
                }
            }

            if (maxAbsScale < GgmlScaleSearch.GroupMaxEps)
            {
                b = default;
                b.D = GgmlMath.ToHalfBits(0f);
                return;
            }

            float iscale = -128f / maxScale;
            b.D = GgmlMath.ToHalfBits(1 / iscale);
            for (int ib = 0; ib < 16; ++ib)
            {
                b.Scales[ib] = (byte)Math.Min(127, GgmlMath.NearestInt(iscale * scales[ib]));
            }

            for (int j = 0; j < 16; ++j)
            {
                float d = GgmlMath.FromHalfBits(b.D) * (sbyte)b.Scales[j];
                if (d == 0)
                {
                    continue;
                }

                for (int ii = 0; ii < 16; ++ii)
                {
                    int l = GgmlMath.NearestInt(x[(16 * j) + ii] / d);
                    levels[(16 * j) + ii] = (sbyte)(Math.Max(-32, Math.Min(31, l)) + 32);
                }
            }

            for (int j = 0, ql = 0, qh = 0; j < 256; j += 128, ql += 64, qh += 32)
            {
                for (int l = 0; l < 32; ++l)
                {
                    int q1 = levels[j + l] & 0xF;
                    int q2 = levels[j + l + 32] & 0xF;
                    int q3 = levels[j + l + 64] & 0xF;
                    int q4 = levels[j + l + 96] & 0xF;
                    b.Ql[ql + l] = (byte)(q1 | (q3 << 4));
                    b.Ql[ql + l + 32] = (byte)(q2 | (q4 << 4));
                    b.Qh[qh + l] = (byte)((levels[j + l] >> 4) | ((levels[j + l + 32] >> 4) << 2) | ((levels[j + l + 64] >> 4) << 4) | ((levels[j + l + 96] >> 4) << 6));
                }
            }
        }

        /// <summary>dequantize_row_q6_K, plainly.</summary>
        internal static void DequantizeReference(ReadOnlySpan<BlockQ6_K> x, Span<float> destination)
        {
            for (int i = 0; i < x.Length; i++)
            {
                float d = GgmlMath.FromHalfBits(x[i].D);
                Span<float> y = destination.Slice(i * 256, 256);
                for (int n = 0, ql = 0, qh = 0, sc = 0; n < 256; n += 128, ql += 64, qh += 32, sc += 8)
                {
                    for (int l = 0; l < 32; ++l)
                    {
                        int s = l / 16;
                        int h = x[i].Qh[qh + l];
                        int q1 = (sbyte)((x[i].Ql[ql + l] & 0xF) | (((h >> 0) & 3) << 4)) - 32;
                        int q2 = (sbyte)((x[i].Ql[ql + l + 32] & 0xF) | (((h >> 2) & 3) << 4)) - 32;
                        int q3 = (sbyte)((x[i].Ql[ql + l] >> 4) | (((h >> 4) & 3) << 4)) - 32;
                        int q4 = (sbyte)((x[i].Ql[ql + l + 32] >> 4) | (((h >> 6) & 3) << 4)) - 32;
                        y[n + l] = d * (sbyte)x[i].Scales[sc + s] * q1;
                        y[n + l + 32] = d * (sbyte)x[i].Scales[sc + s + 2] * q2;
                        y[n + l + 64] = d * (sbyte)x[i].Scales[sc + s + 4] * q3;
                        y[n + l + 96] = d * (sbyte)x[i].Scales[sc + s + 6] * q4;
                    }
                }
            }
        }
    }
}
