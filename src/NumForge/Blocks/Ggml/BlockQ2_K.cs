using System;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using NumForge.Blocks.Ggml;

namespace NumForge
{
    /// <summary>
    /// ggml's Q2_K super-block (84 bytes, 256 elements): 16 bytes of 4-bit sub-block scales (low nibble) and mins (high
    /// nibble), 64 bytes of 2-bit codes, fp16 d and dmin; value d * sc * q - dmin * m per 16-element sub-block. Byte
    /// for byte with <c>quantize_row_q2_K_ref</c> (make_qkx2_quants per sub-block, eight sub-blocks at a time in vector
    /// lanes).
    /// </summary>
    [StructLayout(LayoutKind.Sequential, Pack = 1)]
    public struct BlockQ2_K : IBlockFormat<BlockQ2_K>
    {
        internal Bytes16 Scales;
        internal Bytes64 Qs;
        internal ushort D;
        internal ushort DMin;

        /// <summary>Gets the super-block scale of the sub-block scales.</summary>
        public readonly Half Scale => BitConverter.UInt16BitsToHalf(D);

        /// <summary>Gets the super-block scale of the sub-block minimums.</summary>
        public readonly Half MinimumScale => BitConverter.UInt16BitsToHalf(DMin);

        /// <inheritdoc/>
        public static int BlockSize => 256;

        /// <inheritdoc/>
        public static void Quantize(ReadOnlySpan<float> source, Span<BlockQ2_K> destination)
        {
            GgmlMath.CheckLengths(source.Length, destination.Length, 256, nameof(source));
            Span<byte> levels = stackalloc byte[256];
            Span<float> mins = stackalloc float[16];
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

                SearchSubBlocks(x, levels, scales, mins);
                Finish(x, scales, mins, levels, ref destination[i]);
            }
        }

        /// <inheritdoc/>
        public static void Dequantize(ReadOnlySpan<BlockQ2_K> source, Span<float> destination)
        {
            GgmlMath.CheckLengths(destination.Length, source.Length, 256, nameof(destination));
            GgmlKQuantKernels.DequantizeQ2_K(source, destination);
        }

        /// <summary>
        /// make_qkx2_quants (nmax 3, weights |x|, use_mad) of the sixteen 16-element sub-blocks, eight at a time
        /// transposed into vector lanes: bit for bit the scalar searches of <see cref="QuantizeReference"/>.
        /// </summary>
        private static unsafe void SearchSubBlocks(ReadOnlySpan<float> x, Span<byte> levels, Span<float> scales, Span<float> mins)
        {
            float* xt = stackalloc float[128];
            float* wt = stackalloc float[128];
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

                for (int l = 0; l < 16; ++l)
                {
                    Vector256.Abs(Vector256.Load(xt + (8 * l))).Store(wt + (8 * l));
                }

                Vector256<float> s = GgmlScaleSearchLanes.MakeQkx2Quants<AbsoluteError>(3, 16, xt, wt, lt, out Vector256<float> m, -0.5f, 0.1f, 15);
                s.CopyTo(scales.Slice(8 * half, 8));
                m.CopyTo(mins.Slice(8 * half, 8));
                int* li = (int*)lt;
                for (int j = 0; j < 8; ++j)
                {
                    for (int l = 0; l < 16; ++l)
                    {
                        levels[(128 * half) + (16 * j) + l] = (byte)li[(8 * l) + j];
                    }
                }
            }
        }

        /// <summary>quantize_row_q2_K_ref, plainly: the scalar make_qkx2_quants per sub-block.</summary>
        internal static void QuantizeReference(ReadOnlySpan<float> source, Span<BlockQ2_K> y)
        {
            Span<byte> levels = stackalloc byte[256];
            Span<byte> scratch = stackalloc byte[16];
            Span<float> weights = stackalloc float[16];
            Span<float> mins = stackalloc float[16];
            Span<float> scales = stackalloc float[16];
            for (int i = 0; i < y.Length; i++)
            {
                ReadOnlySpan<float> x = source.Slice(i * 256, 256);
                for (int j = 0; j < 16; ++j)
                {
                    for (int l = 0; l < 16; ++l)
                    {
                        weights[l] = MathF.Abs(x[(16 * j) + l]);
                    }

                    scales[j] = GgmlScaleSearch.MakeQkx2Quants(3, x.Slice(16 * j, 16), weights, levels.Slice(16 * j, 16), out mins[j], scratch, -0.5f, 0.1f, 15, true);
                }

                Finish(x, scales, mins, levels, ref y[i]);
            }
        }

        /// <summary>
        /// quantize_row_q2_K_ref after the sub-block searches, plainly: the 4-bit scales and mins against their maxima,
        /// the levels recomputed from the stored scales, the 2-bit packing.
        /// </summary>
        private static void Finish(ReadOnlySpan<float> x, ReadOnlySpan<float> scales, ReadOnlySpan<float> mins, Span<byte> levels, ref BlockQ2_K b)
        {
            const float Q4Scale = 15f;
            float maxScale = 0, maxMin = 0;
            for (int j = 0; j < 16; ++j)
            {
                if (scales[j] > maxScale)
                {
                    maxScale = scales[j];
                }

                if (mins[j] > maxMin)
                {
                    maxMin = mins[j];
                }
            }

            if (maxScale > 0)
            {
                float iscale = Q4Scale / maxScale;
                for (int j = 0; j < 16; ++j)
                {
                    b.Scales[j] = (byte)GgmlMath.NearestInt(iscale * scales[j]);
                }

                b.D = GgmlMath.ToHalfBits(maxScale / Q4Scale);
            }
            else
            {
                for (int j = 0; j < 16; ++j)
                {
                    b.Scales[j] = 0;
                }

                b.D = GgmlMath.ToHalfBits(0f);
            }

            if (maxMin > 0)
            {
                float iscale = Q4Scale / maxMin;
                for (int j = 0; j < 16; ++j)
                {
                    int l = GgmlMath.NearestInt(iscale * mins[j]);
                    b.Scales[j] |= (byte)(l << 4);
                }

                b.DMin = GgmlMath.ToHalfBits(maxMin / Q4Scale);
            }
            else
            {
                b.DMin = GgmlMath.ToHalfBits(0f);
            }

            for (int j = 0; j < 16; ++j)
            {
                float d = GgmlMath.FromHalfBits(b.D) * (b.Scales[j] & 0xF);
                if (d == 0)
                {
                    continue;
                }

                float dm = GgmlMath.FromHalfBits(b.DMin) * (b.Scales[j] >> 4);
                for (int ii = 0; ii < 16; ++ii)
                {
                    int l = GgmlMath.NearestInt((x[(16 * j) + ii] + dm) / d);
                    levels[(16 * j) + ii] = (byte)Math.Max(0, Math.Min(3, l));
                }
            }

            for (int j = 0; j < 256; j += 128)
            {
                for (int l = 0; l < 32; ++l)
                {
                    b.Qs[(j / 4) + l] = (byte)(levels[j + l] | (levels[j + l + 32] << 2) | (levels[j + l + 64] << 4) | (levels[j + l + 96] << 6));
                }
            }
        }

        /// <summary>dequantize_row_q2_K, plainly.</summary>
        internal static void DequantizeReference(ReadOnlySpan<BlockQ2_K> x, Span<float> destination)
        {
            int o = 0;
            for (int i = 0; i < x.Length; i++)
            {
                float d = GgmlMath.FromHalfBits(x[i].D);
                float min = GgmlMath.FromHalfBits(x[i].DMin);
                int q = 0, scale = 0;
                for (int n = 0; n < 256; n += 128)
                {
                    int shift = 0;
                    for (int j = 0; j < 4; ++j)
                    {
                        for (int half = 0; half < 2; half++)
                        {
                            byte sc = x[i].Scales[scale++];
                            float dl = d * (sc & 0xF), ml = min * (sc >> 4);
                            for (int l = 0; l < 16; ++l)
                            {
                                destination[o++] = (dl * ((x[i].Qs[q + l + (16 * half)] >> shift) & 3)) - ml;
                            }
                        }

                        shift += 2;
                    }

                    q += 32;
                }
            }
        }
    }
}
