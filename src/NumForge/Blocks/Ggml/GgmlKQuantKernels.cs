using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NumForge.Blocks.Ggml
{
    /// <summary>
    /// Vectorized dequantizers of the K-quant super-blocks: per 16 elements the codes are unpacked with Vector128
    /// byte operations and each value computed as (q * scale) - offset in float32, the scale and offset per sub-block
    /// computed exactly as ggml's dequantize_row_* does. Without Vector256 hardware the plain references run.
    /// </summary>
    internal static class GgmlKQuantKernels
    {
        // Byte shifts as one 16-bit shift plus a mask (exactly a per-byte shift; Vector128<byte> shifts are emulated slowly).
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector128<byte> Srl(Vector128<byte> v, int n) => Vector128.ShiftRightLogical(v.AsUInt16(), n).AsByte() & Vector128.Create((byte)(0xFF >> n));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector128<byte> Sll(Vector128<byte> v, int n) => Vector128.ShiftLeft(v.AsUInt16(), n).AsByte() & Vector128.Create((byte)(0xFF << n));

        private static bool Vectorized => Vector256.IsHardwareAccelerated;

        public static void DequantizeQ2_K(ReadOnlySpan<BlockQ2_K> x, Span<float> y)
        {
            if (!Vectorized)
            {
                BlockQ2_K.DequantizeReference(x, y);
                return;
            }

            Vector128<byte> three = Vector128.Create((byte)3);
            for (int i = 0; i < x.Length; i++)
            {
                ref readonly BlockQ2_K b = ref x[i];
                float d = GgmlMath.FromHalfBits(b.D), min = GgmlMath.FromHalfBits(b.DMin);
                ref float o = ref MemoryMarshal.GetReference(y.Slice(i * 256, 256));
                int scale = 0, at = 0;
                for (int n = 0; n < 2; n++)
                {
                    Vector128<byte> qa = Load(in b.Qs[32 * n]);
                    Vector128<byte> qb = Load(in b.Qs[(32 * n) + 16]);
                    for (int shift = 0; shift < 8; shift += 2)
                    {
                        byte sc = b.Scales[scale++];
                        StoreAffine((Srl(qa, shift) & three).AsSByte(), d * (sc & 0xF), min * (sc >> 4), ref o, at);
                        sc = b.Scales[scale++];
                        StoreAffine((Srl(qb, shift) & three).AsSByte(), d * (sc & 0xF), min * (sc >> 4), ref o, at + 16);
                        at += 32;
                    }
                }
            }
        }

        public static void DequantizeQ3_K(ReadOnlySpan<BlockQ3_K> x, Span<float> y)
        {
            if (!Vectorized)
            {
                BlockQ3_K.DequantizeReference(x, y);
                return;
            }

            Vector128<byte> three = Vector128.Create((byte)3);
            for (int i = 0; i < x.Length; i++)
            {
                ref readonly BlockQ3_K b = ref x[i];
                float dAll = GgmlMath.FromHalfBits(b.D);
                ref float o = ref MemoryMarshal.GetReference(y.Slice(i * 256, 256));
                Vector128<byte> ha = Load(in b.HMask[0]), hb = Load(in b.HMask[16]);
                int scale = 0, at = 0, m = 1;
                for (int n = 0; n < 2; n++)
                {
                    Vector128<byte> qa = Load(in b.Qs[32 * n]);
                    Vector128<byte> qb = Load(in b.Qs[(32 * n) + 16]);
                    for (int shift = 0; shift < 8; shift += 2, m <<= 1)
                    {
                        Vector128<byte> bit = Vector128.Create((byte)m);
                        StoreAffine(Codes3(qa, ha, shift, bit, three), dAll * (b.SubScale(scale++) - 32), 0, ref o, at);
                        StoreAffine(Codes3(qb, hb, shift, bit, three), dAll * (b.SubScale(scale++) - 32), 0, ref o, at + 16);
                        at += 32;
                    }
                }
            }
        }

        public static void DequantizeQ4_K(ReadOnlySpan<BlockQ4_K> x, Span<float> y)
        {
            if (!Vectorized)
            {
                BlockQ4_K.DequantizeReference(x, y);
                return;
            }

            Vector128<byte> low = Vector128.Create((byte)0x0F);
            for (int i = 0; i < x.Length; i++)
            {
                ref readonly BlockQ4_K b = ref x[i];
                float d = GgmlMath.FromHalfBits(b.D), min = GgmlMath.FromHalfBits(b.DMin);
                ref float o = ref MemoryMarshal.GetReference(y.Slice(i * 256, 256));
                for (int j = 0; j < 4; j++)
                {
                    KQuantScales.Get(2 * j, b.Scales, out int sc, out int m);
                    float d1 = d * sc, m1 = min * m;
                    KQuantScales.Get((2 * j) + 1, b.Scales, out sc, out m);
                    float d2 = d * sc, m2 = min * m;
                    Vector128<byte> qa = Load(in b.Qs[32 * j]), qb = Load(in b.Qs[(32 * j) + 16]);
                    StoreAffine((qa & low).AsSByte(), d1, m1, ref o, 64 * j);
                    StoreAffine((qb & low).AsSByte(), d1, m1, ref o, (64 * j) + 16);
                    StoreAffine(Srl(qa, 4).AsSByte(), d2, m2, ref o, (64 * j) + 32);
                    StoreAffine(Srl(qb, 4).AsSByte(), d2, m2, ref o, (64 * j) + 48);
                }
            }
        }

        public static void DequantizeQ5_K(ReadOnlySpan<BlockQ5_K> x, Span<float> y)
        {
            if (!Vectorized)
            {
                BlockQ5_K.DequantizeReference(x, y);
                return;
            }

            Vector128<byte> low = Vector128.Create((byte)0x0F);
            Vector128<byte> sixteen = Vector128.Create((byte)16);
            for (int i = 0; i < x.Length; i++)
            {
                ref readonly BlockQ5_K b = ref x[i];
                float d = GgmlMath.FromHalfBits(b.D), min = GgmlMath.FromHalfBits(b.DMin);
                ref float o = ref MemoryMarshal.GetReference(y.Slice(i * 256, 256));
                Vector128<byte> ha = Load(in b.Qh[0]), hb = Load(in b.Qh[16]);
                for (int j = 0; j < 4; j++)
                {
                    KQuantScales.Get(2 * j, b.Scales, out int sc, out int m);
                    float d1 = d * sc, m1 = min * m;
                    KQuantScales.Get((2 * j) + 1, b.Scales, out sc, out m);
                    float d2 = d * sc, m2 = min * m;
                    Vector128<byte> u1 = Vector128.Create((byte)(1 << (2 * j))), u2 = Vector128.Create((byte)(2 << (2 * j)));
                    Vector128<byte> qa = Load(in b.Qs[32 * j]), qb = Load(in b.Qs[(32 * j) + 16]);
                    StoreAffine(((qa & low) | High(ha, u1, sixteen)).AsSByte(), d1, m1, ref o, 64 * j);
                    StoreAffine(((qb & low) | High(hb, u1, sixteen)).AsSByte(), d1, m1, ref o, (64 * j) + 16);
                    StoreAffine((Srl(qa, 4) | High(ha, u2, sixteen)).AsSByte(), d2, m2, ref o, (64 * j) + 32);
                    StoreAffine((Srl(qb, 4) | High(hb, u2, sixteen)).AsSByte(), d2, m2, ref o, (64 * j) + 48);
                }
            }
        }

        public static void DequantizeQ6_K(ReadOnlySpan<BlockQ6_K> x, Span<float> y)
        {
            if (!Vectorized)
            {
                BlockQ6_K.DequantizeReference(x, y);
                return;
            }

            Vector128<byte> low = Vector128.Create((byte)0x0F);
            Vector128<byte> three = Vector128.Create((byte)3);
            Vector128<sbyte> offset = Vector128.Create((sbyte)32);
            for (int i = 0; i < x.Length; i++)
            {
                ref readonly BlockQ6_K b = ref x[i];
                float d = GgmlMath.FromHalfBits(b.D);
                ref float o = ref MemoryMarshal.GetReference(y.Slice(i * 256, 256));
                for (int n = 0; n < 2; n++)
                {
                    for (int half = 0; half < 2; half++)
                    {
                        // 16 of the 32 lanes l of this 128-element group: l = 16 * half + 0..15.
                        int l = 16 * half;
                        Vector128<byte> ql0 = Load(in b.Ql[(64 * n) + l]);
                        Vector128<byte> ql1 = Load(in b.Ql[(64 * n) + l + 32]);
                        Vector128<byte> qh = Load(in b.Qh[(32 * n) + l]);
                        int sc = (8 * n) + half;
                        int at = (128 * n) + l;
                        StoreAffine(((ql0 & low) | Sll(qh & three, 4)).AsSByte() - offset, d * (sbyte)b.Scales[sc], 0, ref o, at);
                        StoreAffine(((ql1 & low) | Sll(Srl(qh, 2) & three, 4)).AsSByte() - offset, d * (sbyte)b.Scales[sc + 2], 0, ref o, at + 32);
                        StoreAffine((Srl(ql0, 4) | Sll(Srl(qh, 4) & three, 4)).AsSByte() - offset, d * (sbyte)b.Scales[sc + 4], 0, ref o, at + 64);
                        StoreAffine((Srl(ql1, 4) | Sll(Srl(qh, 6), 4)).AsSByte() - offset, d * (sbyte)b.Scales[sc + 6], 0, ref o, at + 96);
                    }
                }
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector128<byte> Load(ref readonly byte source) => Vector128.LoadUnsafe(in source);

        // Q3_K's signed code: low 2 bits, minus 4 where the high-mask bit is clear.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector128<sbyte> Codes3(Vector128<byte> q, Vector128<byte> hmask, int shift, Vector128<byte> bit, Vector128<byte> three)
        {
            Vector128<sbyte> lowBits = (Srl(q, shift) & three).AsSByte();
            Vector128<sbyte> four = Vector128.Equals(hmask & bit, Vector128<byte>.Zero).AsSByte() & Vector128.Create((sbyte)4);
            return lowBits - four;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector128<byte> High(Vector128<byte> qh, Vector128<byte> bit, Vector128<byte> sixteen)
            => ~Vector128.Equals(qh & bit, Vector128<byte>.Zero) & sixteen;

        // y[at..at+15] = (q * scale) - offset, q the 16 signed codes.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void StoreAffine(Vector128<sbyte> codes, float scale, float offset, ref float o, int at)
        {
            (Vector256<int> a, Vector256<int> b) = Vector256.Widen(Vector256.WidenLower(codes.ToVector256()));
            Vector256<float> s = Vector256.Create(scale), m = Vector256.Create(offset);
            ((Vector256.ConvertToSingle(a) * s) - m).StoreUnsafe(ref o, (nuint)at);
            ((Vector256.ConvertToSingle(b) * s) - m).StoreUnsafe(ref o, (nuint)(at + 8));
        }
    }
}
