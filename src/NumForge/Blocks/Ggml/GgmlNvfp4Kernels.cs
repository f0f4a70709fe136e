using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NumForge.Blocks.Ggml
{
    /// <summary>
    /// Vectorized quantizer and dequantizer of <see cref="BlockNVFP4"/>: the float32 operations of
    /// <see cref="BlockNVFP4.QuantizeReference"/>/<see cref="BlockNVFP4.DequantizeReference"/> in the same order, eight
    /// elements per lane group (half a 16-element sub-block), so the bytes and values are the same; the plain twins run
    /// where Vector256 is not accelerated.
    /// </summary>
    internal static class GgmlNvfp4Kernels
    {
        private static bool Vectorized => Vector256.IsHardwareAccelerated;

        public static void Quantize(ReadOnlySpan<float> x, Span<BlockNVFP4> y)
        {
            if (!Vectorized)
            {
                BlockNVFP4.QuantizeReference(x, y);
                return;
            }

            ReadOnlySpan<sbyte> values = GgmlMath.MxFp4Values;
            for (int i = 0; i < y.Length; i++)
            {
                ReadOnlySpan<float> xb = x.Slice(i * 64, 64);
                ref float at = ref Unsafe.AsRef(in xb[0]);

                // Element 16s + j in vector 2s (j < 8) or 2s + 1 (j >= 8): each vector holds one nibble half of a sub-block.
                Vector256<float> v0 = Vector256.LoadUnsafe(ref at, 0), v1 = Vector256.LoadUnsafe(ref at, 8);
                Vector256<float> v2 = Vector256.LoadUnsafe(ref at, 16), v3 = Vector256.LoadUnsafe(ref at, 24);
                Vector256<float> v4 = Vector256.LoadUnsafe(ref at, 32), v5 = Vector256.LoadUnsafe(ref at, 40);
                Vector256<float> v6 = Vector256.LoadUnsafe(ref at, 48), v7 = Vector256.LoadUnsafe(ref at, 56);
                float d0 = Scale(xb[..16], ref y[i], 0), d1 = Scale(xb.Slice(16, 16), ref y[i], 1);
                float d2 = Scale(xb.Slice(32, 16), ref y[i], 2), d3 = Scale(xb.Slice(48, 16), ref y[i], 3);

                // best_index_mxfp4: candidates in order, a strictly smaller error wins (code 0's error is |0 - x| = |x|).
                Vector256<float> e0 = Vector256.Abs(v0), e1 = Vector256.Abs(v1), e2 = Vector256.Abs(v2), e3 = Vector256.Abs(v3);
                Vector256<float> e4 = Vector256.Abs(v4), e5 = Vector256.Abs(v5), e6 = Vector256.Abs(v6), e7 = Vector256.Abs(v7);
                Vector256<int> b0 = Vector256<int>.Zero, b1 = b0, b2 = b0, b3 = b0, b4 = b0, b5 = b0, b6 = b0, b7 = b0;
                for (int k = 1; k < 16; k++)
                {
                    Vector256<int> kv = Vector256.Create(k);
                    Vector256<float> c0 = Vector256.Create(values[k] * d0), c1 = Vector256.Create(values[k] * d1);
                    Vector256<float> c2 = Vector256.Create(values[k] * d2), c3 = Vector256.Create(values[k] * d3);
                    Pick(ref e0, ref b0, Vector256.Abs(c0 - v0), kv);
                    Pick(ref e1, ref b1, Vector256.Abs(c0 - v1), kv);
                    Pick(ref e2, ref b2, Vector256.Abs(c1 - v2), kv);
                    Pick(ref e3, ref b3, Vector256.Abs(c1 - v3), kv);
                    Pick(ref e4, ref b4, Vector256.Abs(c2 - v4), kv);
                    Pick(ref e5, ref b5, Vector256.Abs(c2 - v5), kv);
                    Pick(ref e6, ref b6, Vector256.Abs(c3 - v6), kv);
                    Pick(ref e7, ref b7, Vector256.Abs(c3 - v7), kv);
                }

                // qs[8s + j] = idx(16s + j) | idx(16s + 8 + j) << 4, narrowed in element order.
                Vector256<short> s01 = Vector256.Narrow(b0 | Vector256.ShiftLeft(b1, 4), b2 | Vector256.ShiftLeft(b3, 4));
                Vector256<short> s23 = Vector256.Narrow(b4 | Vector256.ShiftLeft(b5, 4), b6 | Vector256.ShiftLeft(b7, 4));
                Vector256.Narrow(s01.AsUInt16(), s23.AsUInt16()).StoreUnsafe(ref y[i].Qs[0]);
            }
        }

        public static void Dequantize(ReadOnlySpan<BlockNVFP4> x, Span<float> y)
        {
            if (!Vectorized)
            {
                BlockNVFP4.DequantizeReference(x, y);
                return;
            }

            Vector128<byte> table = Vector128.Create(GgmlMath.MxFp4Values).AsByte();
            Vector128<byte> low = Vector128.Create((byte)0x0F);
            for (int i = 0; i < x.Length; i++)
            {
                ref float yb = ref y[i * 64];
                for (int half = 0; half < 2; half++)
                {
                    // Bytes of sub-blocks 2h and 2h + 1: low nibbles are elements j, high nibbles elements j + 8.
                    Vector128<byte> q = Vector128.LoadUnsafe(ref Unsafe.AsRef(in x[i].Qs[half * 16]));
                    Vector128<sbyte> lo = RowKernel.Lookup(table, q & low).AsSByte();
                    Vector128<sbyte> hi = RowKernel.Lookup(table, Vector128.ShiftRightLogical(q.AsUInt16(), 4).AsByte() & low).AsSByte();
                    (Vector256<int> l0, Vector256<int> l1) = Vector256.Widen(Vector256.WidenLower(lo.ToVector256()));
                    (Vector256<int> h0, Vector256<int> h1) = Vector256.Widen(Vector256.WidenLower(hi.ToVector256()));
                    Vector256<float> da = Vector256.Create(GgmlMath.Ue4m3Half(x[i].D[2 * half]));
                    Vector256<float> db = Vector256.Create(GgmlMath.Ue4m3Half(x[i].D[(2 * half) + 1]));
                    int offset = half * 32;
                    (Vector256.ConvertToSingle(l0) * da).StoreUnsafe(ref yb, (nuint)offset);
                    (Vector256.ConvertToSingle(h0) * da).StoreUnsafe(ref yb, (nuint)(offset + 8));
                    (Vector256.ConvertToSingle(l1) * db).StoreUnsafe(ref yb, (nuint)(offset + 16));
                    (Vector256.ConvertToSingle(h1) * db).StoreUnsafe(ref yb, (nuint)(offset + 24));
                }
            }
        }

        // The sub-block's UE4M3 byte from its amax (scalar: NaN never becomes the maximum), stored; returns half its value.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static float Scale(ReadOnlySpan<float> xs, ref BlockNVFP4 block, int s)
        {
            float amax = 0;
            for (int j = 0; j < 16; j++)
            {
                if (amax < MathF.Abs(xs[j]))
                {
                    amax = MathF.Abs(xs[j]);
                }
            }

            byte ue = GgmlMath.ToUe4m3(amax / 6.0f);
            block.D[s] = ue;
            return GgmlMath.Ue4m3Half(ue);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Pick(ref Vector256<float> best, ref Vector256<int> index, Vector256<float> error, Vector256<int> k)
        {
            Vector256<float> better = Vector256.LessThan(error, best);
            best = Vector256.ConditionalSelect(better, error, best);
            index = Vector256.ConditionalSelect(better.AsInt32(), k, index);
        }
    }
}
