using System;
using System.Runtime.Intrinsics;
using System.Runtime.InteropServices;
using NumForge.Blocks.Ggml;

namespace NumForge
{
    /// <summary>
    /// ggml's Q4_K super-block (144 bytes, 256 elements): fp16 d and dmin, 12 bytes of eight 6-bit scales and mins, 128
    /// bytes of 4-bit codes (each 64 elements: 32 low nibbles then 32 high nibbles); value d * sc * q - dmin * m per
    /// 32-element sub-block. Byte for byte with <c>quantize_row_q4_K_ref</c> (make_qkx2_quants per sub-block, the eight
    /// sub-blocks side by side in vector lanes).
    /// </summary>
    [StructLayout(LayoutKind.Sequential, Pack = 1)]
    public struct BlockQ4_K : IBlockFormat<BlockQ4_K>
    {
        internal ushort D;
        internal ushort DMin;
        internal Bytes12 Scales;
        internal Bytes128 Qs;

        /// <summary>Gets the super-block scale of the sub-block scales.</summary>
        public readonly Half Scale => BitConverter.UInt16BitsToHalf(D);

        /// <summary>Gets the super-block scale of the sub-block minimums.</summary>
        public readonly Half MinimumScale => BitConverter.UInt16BitsToHalf(DMin);

        /// <inheritdoc/>
        public static int BlockSize => 256;

        /// <inheritdoc/>
        public static void Quantize(ReadOnlySpan<float> source, Span<BlockQ4_K> destination)
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

                ref BlockQ4_K b = ref destination[i];
                b.Scales = default;
                SearchScalesInLanes(x, 15, -1f, 0.1f, 20, levels, ref b.Scales, out b.D, out b.DMin);
                PackLevels(levels, ref b);
            }
        }

        /// <inheritdoc/>
        public static void Dequantize(ReadOnlySpan<BlockQ4_K> source, Span<float> destination)
        {
            GgmlMath.CheckLengths(destination.Length, source.Length, 256, nameof(destination));
            GgmlKQuantKernels.DequantizeQ4_K(source, destination);
        }

        /// <summary>
        /// quantize_row_q4_K_ref's scale search (and, with 31 levels, quantize_row_q5_K_ref's), plainly: the scalar
        /// make_qkx2_quants per 32-element sub-block, then <see cref="PackScales"/>.
        /// </summary>
        internal static void SearchScales(ReadOnlySpan<float> x, int nmax, float rmin, float rdelta, int nstep, Span<byte> levels, ref Bytes12 packed, out ushort dBits, out ushort dMinBits)
        {
            Span<byte> scratch = stackalloc byte[32];
            Span<float> weights = stackalloc float[32];
            Span<float> mins = stackalloc float[8];
            Span<float> scales = stackalloc float[8];
            for (int j = 0; j < 8; ++j)
            {
                float sumX2 = 0;
                for (int l = 0; l < 32; ++l)
                {
                    sumX2 += x[(32 * j) + l] * x[(32 * j) + l];
                }

                float avX = MathF.Sqrt(sumX2 / 32);
                for (int l = 0; l < 32; ++l)
                {
                    weights[l] = avX + MathF.Abs(x[(32 * j) + l]);
                }

                scales[j] = GgmlScaleSearch.MakeQkx2Quants(nmax, x.Slice(32 * j, 32), weights, levels.Slice(32 * j, 32), out mins[j], scratch, rmin, rdelta, nstep, false);
            }

            PackScales(x, nmax, scales, mins, levels, ref packed, out dBits, out dMinBits);
        }

        /// <summary>
        /// <see cref="SearchScales"/> with the eight sub-block searches side by side, one per vector lane, bit for bit
        /// the scalar ones (finite inputs only).
        /// </summary>
        internal static void SearchScalesInLanes(ReadOnlySpan<float> x, int nmax, float rmin, float rdelta, int nstep, Span<byte> levels, ref Bytes12 packed, out ushort dBits, out ushort dMinBits)
        {
            Span<float> mins = stackalloc float[8];
            Span<float> scales = stackalloc float[8];
            SearchSubBlocks(x, nmax, rmin, rdelta, nstep, levels, scales, mins);
            PackScales(x, nmax, scales, mins, levels, ref packed, out dBits, out dMinBits);
        }

        /// <summary>
        /// The rest of the shared scale search, plainly: the 6-bit scales and mins against their maxima, then the levels
        /// recomputed from the stored scales.
        /// </summary>
        private static void PackScales(ReadOnlySpan<float> x, int nmax, ReadOnlySpan<float> scales, ReadOnlySpan<float> mins, Span<byte> levels, ref Bytes12 packed, out ushort dBits, out ushort dMinBits)
        {
            float maxScale = 0, maxMin = 0;
            for (int j = 0; j < 8; ++j)
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

            float invScale = maxScale > 0 ? 63f / maxScale : 0f;
            float invMin = maxMin > 0 ? 63f / maxMin : 0f;
            for (int j = 0; j < 8; ++j)
            {
                byte ls = (byte)GgmlMath.NearestInt(invScale * scales[j]);
                byte lm = (byte)GgmlMath.NearestInt(invMin * mins[j]);
                KQuantScales.Set(j, ref packed, Math.Min((byte)63, ls), Math.Min((byte)63, lm));
            }

            dBits = GgmlMath.ToHalfBits(maxScale / 63f);
            dMinBits = GgmlMath.ToHalfBits(maxMin / 63f);
            for (int j = 0; j < 8; ++j)
            {
                KQuantScales.Get(j, packed, out int sc, out int m);
                float d = GgmlMath.FromHalfBits(dBits) * sc;
                if (d == 0)
                {
                    continue;
                }

                float dm = GgmlMath.FromHalfBits(dMinBits) * m;
                for (int ii = 0; ii < 32; ++ii)
                {
                    int l = GgmlMath.NearestInt((x[(32 * j) + ii] + dm) / d);
                    levels[(32 * j) + ii] = (byte)Math.Max(0, Math.Min(nmax, l));
                }
            }
        }

        /// <summary>The weights and make_qkx2_quants of the eight 32-element sub-blocks, transposed into vector lanes.</summary>
        private static unsafe void SearchSubBlocks(ReadOnlySpan<float> x, int nmax, float rmin, float rdelta, int nstep, Span<byte> levels, Span<float> scales, Span<float> mins)
        {
            float* xt = stackalloc float[256];
            float* wt = stackalloc float[256];
            Vector256<int>* lt = stackalloc Vector256<int>[32];
            for (int j = 0; j < 8; ++j)
            {
                for (int l = 0; l < 32; ++l)
                {
                    xt[(8 * l) + j] = x[(32 * j) + l];
                }
            }

            Vector256<float> sumX2 = Vector256<float>.Zero;
            for (int l = 0; l < 32; ++l)
            {
                Vector256<float> v = Vector256.Load(xt + (8 * l));
                sumX2 += v * v;
            }

            Vector256<float> avX = Vector256.Sqrt(sumX2 / Vector256.Create(32f));
            for (int l = 0; l < 32; ++l)
            {
                (avX + Vector256.Abs(Vector256.Load(xt + (8 * l)))).Store(wt + (8 * l));
            }

            Vector256<float> s = GgmlScaleSearchLanes.MakeQkx2Quants<SquaredError>(nmax, 32, xt, wt, lt, out Vector256<float> m, rmin, rdelta, nstep);
            s.CopyTo(scales);
            m.CopyTo(mins);
            int* li = (int*)lt;
            for (int j = 0; j < 8; ++j)
            {
                for (int l = 0; l < 32; ++l)
                {
                    levels[(32 * j) + l] = (byte)li[(8 * l) + j];
                }
            }
        }

        /// <summary>quantize_row_q4_K_ref, plainly: the scalar make_qkx2_quants per sub-block.</summary>
        internal static void QuantizeReference(ReadOnlySpan<float> source, Span<BlockQ4_K> y)
        {
            Span<byte> levels = stackalloc byte[256];
            for (int i = 0; i < y.Length; i++)
            {
                ref BlockQ4_K b = ref y[i];
                b.Scales = default;
                SearchScales(source.Slice(i * 256, 256), 15, -1f, 0.1f, 20, levels, ref b.Scales, out b.D, out b.DMin);
                PackLevels(levels, ref b);
            }
        }

        /// <summary>The 4-bit codes: each 64 elements as 32 low nibbles then 32 high nibbles.</summary>
        private static void PackLevels(ReadOnlySpan<byte> levels, ref BlockQ4_K b)
        {
            for (int j = 0, q = 0; j < 256; j += 64, q += 32)
            {
                for (int l = 0; l < 32; ++l)
                {
                    b.Qs[q + l] = (byte)(levels[j + l] | (levels[j + l + 32] << 4));
                }
            }
        }

        /// <summary>dequantize_row_q4_K, plainly.</summary>
        internal static void DequantizeReference(ReadOnlySpan<BlockQ4_K> x, Span<float> destination)
        {
            int o = 0;
            for (int i = 0; i < x.Length; i++)
            {
                float d = GgmlMath.FromHalfBits(x[i].D);
                float min = GgmlMath.FromHalfBits(x[i].DMin);
                for (int j = 0, q = 0, s = 0; j < 256; j += 64, q += 32, s += 2)
                {
                    KQuantScales.Get(s, x[i].Scales, out int sc, out int m);
                    float d1 = d * sc, m1 = min * m;
                    KQuantScales.Get(s + 1, x[i].Scales, out sc, out m);
                    float d2 = d * sc, m2 = min * m;
                    for (int l = 0; l < 32; ++l)
                    {
                        destination[o++] = (d1 * (x[i].Qs[q + l] & 0xF)) - m1;
                    }

                    for (int l = 0; l < 32; ++l)
                    {
                        destination[o++] = (d2 * (x[i].Qs[q + l] >> 4)) - m2;
                    }
                }
            }
        }
    }
}
