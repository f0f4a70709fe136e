using System;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using NumForge.Blocks.Ggml;

namespace NumForge
{
    /// <summary>
    /// ggml's Q3_K super-block (110 bytes, 256 elements): 32 bytes of high-bit masks, 64 bytes of 2-bit low codes, 12
    /// bytes of 6-bit signed sub-block scales, fp16 d; value d * (sc - 32) * (q - 4) per 16-element sub-block. Byte for
    /// byte with <c>quantize_row_q3_K_ref</c> (make_q3_quants per sub-block, eight sub-blocks at a time in vector lanes).
    /// </summary>
    [StructLayout(LayoutKind.Sequential, Pack = 1)]
    public struct BlockQ3_K : IBlockFormat<BlockQ3_K>
    {
        internal Bytes32 HMask;
        internal Bytes64 Qs;
        internal Bytes12 Scales;
        internal ushort D;

        /// <summary>Gets the super-block scale.</summary>
        public readonly Half Scale => BitConverter.UInt16BitsToHalf(D);

        /// <inheritdoc/>
        public static int BlockSize => 256;

        /// <inheritdoc/>
        public static void Quantize(ReadOnlySpan<float> source, Span<BlockQ3_K> destination)
        {
            GgmlMath.CheckLengths(source.Length, destination.Length, 256, nameof(source));
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

                QuantizeInLanes(x, ref destination[i]);
            }
        }

        /// <inheritdoc/>
        public static void Dequantize(ReadOnlySpan<BlockQ3_K> source, Span<float> destination)
        {
            GgmlMath.CheckLengths(destination.Length, source.Length, 256, nameof(destination));
            GgmlKQuantKernels.DequantizeQ3_K(source, destination);
        }

        /// <summary>The 6-bit scale of sub-block j (0..63, before the -32).</summary>
        internal readonly int SubScale(int j)
        {
            int sc = j < 8 ? Scales[j] & 0xF : Scales[j - 8] >> 4;
            return sc | (((Scales[8 + (j % 4)] >> (2 * (j / 4))) & 3) << 4);
        }

        /// <summary>
        /// quantize_row_q3_K_ref for one finite super-block with vectors, bit for bit <see cref="QuantizeReference"/>:
        /// the sixteen make_q3_quants searches side by side in vector lanes, then the levels recomputed from the stored
        /// scales eight at a time (an exact division and ggml's nearest_int per lane), then the packing in byte vectors.
        /// </summary>
        private static unsafe void QuantizeInLanes(ReadOnlySpan<float> x, ref BlockQ3_K b)
        {
            // Sub-block j's element l at lane j % 8 of group j / 8: [128 * (j / 8) + 8 * l + j % 8].
            float* xt = stackalloc float[256];
            Vector256<int>* lt = stackalloc Vector256<int>[32];
            int* levels = stackalloc int[256];
            float* scales = stackalloc float[16];
            for (int j = 0; j < 16; ++j)
            {
                for (int l = 0; l < 16; ++l)
                {
                    xt[(128 * (j >> 3)) + (8 * l) + (j & 7)] = x[(16 * j) + l];
                }
            }

            GgmlScaleSearchLanes.MakeQ3Quants(4, 16, xt, lt, out Vector256<float> s0, out Vector256<float> s1);
            s0.Store(scales);
            s1.Store(scales + 8);
            int* li = (int*)lt;
            for (int j = 0; j < 16; ++j)
            {
                for (int l = 0; l < 16; ++l)
                {
                    levels[(16 * j) + l] = li[(128 * (j >> 3)) + (8 * l) + (j & 7)];
                }
            }

            PackScales(new ReadOnlySpan<float>(scales, 16), ref b);
            float dAll = GgmlMath.FromHalfBits(b.D);
            ref float xr = ref MemoryMarshal.GetReference(x);
            Vector256<int> four = Vector256.Create(4);
            for (int j = 0; j < 16; ++j)
            {
                float d = dAll * (sbyte)(b.SubScale(j) - 32);
                if (d == 0)
                {
                    continue;
                }

                Vector256<float> dv = Vector256.Create(d);
                for (int h = 0; h < 16; h += 8)
                {
                    Vector256<float> xv = Vector256.LoadUnsafe(ref xr, (nuint)((16 * j) + h));
                    (GgmlScaleSearchLanes.Clamp(4, GgmlScaleSearchLanes.NearestInt(xv / dv)) + four).Store(levels + (16 * j) + h);
                }
            }

            // Per 32 levels (0..7): the high bit into the mask's bit g, the low two bits kept; four groups per 32 bytes of qs.
            Vector256<byte> mask = Vector256<byte>.Zero, three = Vector256.Create((byte)3);
            Vector256<byte> q = Vector256<byte>.Zero;
            for (int g = 0; g < 8; ++g)
            {
                int* at = levels + (32 * g);
                Vector256<short> lo = Vector256.Narrow(Vector256.Load(at), Vector256.Load(at + 8));
                Vector256<short> hi = Vector256.Narrow(Vector256.Load(at + 16), Vector256.Load(at + 24));
                Vector256<byte> v = Vector256.Narrow(lo, hi).AsByte();
                mask |= Vector256.GreaterThan(v, three) & Vector256.Create((byte)(1 << g));

                // Levels below 4 shifted by at most 6 stay inside their byte, so a 16-bit shift is exact.
                q |= Vector256.ShiftLeft((v & three).AsUInt16(), 2 * (g & 3)).AsByte();
                if ((g & 3) == 3)
                {
                    q.StoreUnsafe(ref b.Qs[32 * (g >> 2)]);
                    q = Vector256<byte>.Zero;
                }
            }

            mask.StoreUnsafe(ref b.HMask[0]);
        }

        /// <summary>quantize_row_q3_K_ref, plainly: the scalar make_q3_quants per sub-block.</summary>
        internal static void QuantizeReference(ReadOnlySpan<float> source, Span<BlockQ3_K> y)
        {
            Span<sbyte> levels = stackalloc sbyte[256];
            Span<float> scales = stackalloc float[16];
            for (int i = 0; i < y.Length; i++)
            {
                ReadOnlySpan<float> x = source.Slice(i * 256, 256);
                for (int j = 0; j < 16; ++j)
                {
                    scales[j] = GgmlScaleSearch.MakeQ3Quants(4, x.Slice(16 * j, 16), levels.Slice(16 * j, 16));
                }

                Finish(x, scales, levels, ref y[i]);
            }
        }

        /// <summary>
        /// quantize_row_q3_K_ref after the sub-block searches, plainly: the 6-bit signed scales against the scale of
        /// largest magnitude, the levels recomputed from the stored scales, the high-bit mask and 2-bit packing.
        /// </summary>
        private static void Finish(ReadOnlySpan<float> x, ReadOnlySpan<float> scales, Span<sbyte> levels, ref BlockQ3_K b)
        {
            PackScales(scales, ref b);
            for (int j = 0; j < 16; ++j)
            {
                sbyte sc = (sbyte)(b.SubScale(j) - 32);
                float d = GgmlMath.FromHalfBits(b.D) * sc;
                if (d == 0)
                {
                    continue;
                }

                for (int ii = 0; ii < 16; ++ii)
                {
                    int l = GgmlMath.NearestInt(x[(16 * j) + ii] / d);
                    levels[(16 * j) + ii] = (sbyte)(Math.Max(-4, Math.Min(3, l)) + 4);
                }
            }

            ((Span<byte>)b.HMask).Clear();
            int m = 0;
            byte hm = 1;
            for (int j = 0; j < 256; ++j)
            {
                if (levels[j] > 3)
                {
                    b.HMask[m] |= hm;
                    levels[j] -= 4;
                }

                if (++m == 32)
                {
                    m = 0;
                    hm <<= 1;
                }
            }

            for (int j = 0; j < 256; j += 128)
            {
                for (int l = 0; l < 32; ++l)
                {
                    b.Qs[(j / 4) + l] = (byte)((byte)levels[j + l] | ((byte)levels[j + l + 32] << 2) | ((byte)levels[j + l + 64] << 4) | ((byte)levels[j + l + 96] << 6));
                }
            }
        }

        /// <summary>The 6-bit signed sub-block scales against the scale of largest magnitude, and d, plainly.</summary>
        private static void PackScales(ReadOnlySpan<float> scales, ref BlockQ3_K b)
        {
            float maxScale = 0, amax = 0;
            for (int j = 0; j < 16; ++j)
            {
                float scale = MathF.Abs(scales[j]);
                if (scale > amax)
                {
                    amax = scale;
                    maxScale = scales[j];
                }
            }

            ((Span<byte>)b.Scales).Clear();
            if (maxScale != 0)
            {
                float iscale = -32f / maxScale;
                for (int j = 0; j < 16; ++j)
                {
                    sbyte l = (sbyte)GgmlMath.NearestInt(iscale * scales[j]);
                    l = (sbyte)(Math.Max(-32, Math.Min(31, (int)l)) + 32);
                    if (j < 8)
                    {
                        b.Scales[j] = (byte)(l & 0xF);
                    }
                    else
                    {
                        b.Scales[j - 8] |= (byte)((l & 0xF) << 4);
                    }

                    l >>= 4;
                    b.Scales[(j % 4) + 8] |= (byte)(l << (2 * (j / 4)));
                }

                b.D = GgmlMath.ToHalfBits(1 / iscale);
            }
            else
            {
                b.D = GgmlMath.ToHalfBits(0f);
            }
        }

        /// <summary>dequantize_row_q3_K, plainly.</summary>
        internal static void DequantizeReference(ReadOnlySpan<BlockQ3_K> x, Span<float> destination)
        {
            int o = 0;
            for (int i = 0; i < x.Length; i++)
            {
                float dAll = GgmlMath.FromHalfBits(x[i].D);
                int q = 0, scale = 0;
                int m = 1;
                for (int n = 0; n < 256; n += 128)
                {
                    int shift = 0;
                    for (int j = 0; j < 4; ++j)
                    {
                        for (int half = 0; half < 2; half++)
                        {
                            float dl = dAll * (x[i].SubScale(scale++) - 32);
                            for (int l = 0; l < 16; ++l)
                            {
                                int k = l + (16 * half);
                                int low = (x[i].Qs[q + k] >> shift) & 3;
                                destination[o++] = dl * (low - ((x[i].HMask[k] & m) != 0 ? 0 : 4));
                            }
                        }

                        shift += 2;
                        m <<= 1;
                    }

                    q += 32;
                }
            }
        }
    }
}
