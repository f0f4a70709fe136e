using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NumForge.Blocks.Ggml
{
    /// <summary>
    /// Vectorized quantizers and dequantizers of the 32-element blocks, the same float32 operations in the same order
    /// as the plain reference beside each block type (and so as ggml): a block is four Vector256 of floats, the scale
    /// search is a vector max plus a first-index mask, the codes are computed eight at a time with x86's truncating
    /// conversion emulated exactly. Without Vector256 hardware the references run.
    /// </summary>
    internal static class GgmlLegacyKernels
    {
        // Byte shifts as one 16-bit shift plus a mask (exactly a per-byte shift; Vector128<byte> shifts are emulated slowly).
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector128<byte> Srl(Vector128<byte> v, int n) => Vector128.ShiftRightLogical(v.AsUInt16(), n).AsByte() & Vector128.Create((byte)(0xFF >> n));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector128<byte> Sll(Vector128<byte> v, int n) => Vector128.ShiftLeft(v.AsUInt16(), n).AsByte() & Vector128.Create((byte)(0xFF << n));

        private static bool Vectorized => Vector256.IsHardwareAccelerated;

        public static void QuantizeQ4_0(ReadOnlySpan<float> x, Span<BlockQ4_0> y)
        {
            if (!Vectorized)
            {
                BlockQ4_0.QuantizeReference(x, y);
                return;
            }

            for (int i = 0; i < y.Length; i++)
            {
                Block v = Block.Load(x, i);
                float d = v.SignedMax() / -8;
                float id = d != 0 ? 1.0f / d : 0.0f;
                y[i].D = GgmlMath.ToHalfBits(d);
                Vector256<float> idv = Vector256.Create(id), half = Vector256.Create(8.5f);
                Vector256<int> fifteen = Vector256.Create(15);
                Vector256<int> q0 = Vector256.Min(fifteen, Int8Of((v.V0 * idv) + half));
                Vector256<int> q1 = Vector256.Min(fifteen, Int8Of((v.V1 * idv) + half));
                Vector256<int> q2 = Vector256.Min(fifteen, Int8Of((v.V2 * idv) + half));
                Vector256<int> q3 = Vector256.Min(fifteen, Int8Of((v.V3 * idv) + half));
                PackNibbles(q0, q1, q2, q3).StoreUnsafe(ref y[i].Qs[0]);
            }
        }

        public static void QuantizeQ4_1(ReadOnlySpan<float> x, Span<BlockQ4_1> y)
        {
            if (!Vectorized)
            {
                BlockQ4_1.QuantizeReference(x, y);
                return;
            }

            for (int i = 0; i < y.Length; i++)
            {
                Block v = Block.Load(x, i);
                (float min, float max) = v.MinMax();
                float d = (max - min) / 15;
                float id = d != 0 ? 1.0f / d : 0.0f;
                y[i].D = GgmlMath.ToHalfBits(d);
                y[i].M = GgmlMath.ToHalfBits(min);
                Vector256<float> idv = Vector256.Create(id), minv = Vector256.Create(min), half = Vector256.Create(0.5f);
                Vector256<int> fifteen = Vector256.Create(15);
                Vector256<int> q0 = Vector256.Min(fifteen, Int8Of(((v.V0 - minv) * idv) + half));
                Vector256<int> q1 = Vector256.Min(fifteen, Int8Of(((v.V1 - minv) * idv) + half));
                Vector256<int> q2 = Vector256.Min(fifteen, Int8Of(((v.V2 - minv) * idv) + half));
                Vector256<int> q3 = Vector256.Min(fifteen, Int8Of(((v.V3 - minv) * idv) + half));
                PackNibbles(q0, q1, q2, q3).StoreUnsafe(ref y[i].Qs[0]);
            }
        }

        public static void QuantizeQ5_0(ReadOnlySpan<float> x, Span<BlockQ5_0> y)
        {
            if (!Vectorized)
            {
                BlockQ5_0.QuantizeReference(x, y);
                return;
            }

            for (int i = 0; i < y.Length; i++)
            {
                Block v = Block.Load(x, i);
                float d = v.SignedMax() / -16;
                float id = d != 0 ? 1.0f / d : 0.0f;
                y[i].D = GgmlMath.ToHalfBits(d);
                Vector256<float> idv = Vector256.Create(id), half = Vector256.Create(16.5f);
                Vector256<int> top = Vector256.Create(31);
                Vector256<int> q0 = Vector256.Min(top, Int8Of((v.V0 * idv) + half));
                Vector256<int> q1 = Vector256.Min(top, Int8Of((v.V1 * idv) + half));
                Vector256<int> q2 = Vector256.Min(top, Int8Of((v.V2 * idv) + half));
                Vector256<int> q3 = Vector256.Min(top, Int8Of((v.V3 * idv) + half));
                StoreFiveBits(q0, q1, q2, q3, ref y[i].Qs[0], ref y[i].Qh[0]);
            }
        }

        public static void QuantizeQ5_1(ReadOnlySpan<float> x, Span<BlockQ5_1> y)
        {
            if (!Vectorized)
            {
                BlockQ5_1.QuantizeReference(x, y);
                return;
            }

            for (int i = 0; i < y.Length; i++)
            {
                Block v = Block.Load(x, i);
                (float min, float max) = v.MinMax();
                float d = (max - min) / 31;
                float id = d != 0 ? 1.0f / d : 0.0f;
                y[i].D = GgmlMath.ToHalfBits(d);
                y[i].M = GgmlMath.ToHalfBits(min);
                Vector256<float> idv = Vector256.Create(id), minv = Vector256.Create(min), half = Vector256.Create(0.5f);
                Vector256<int> q0 = Truncate(((v.V0 - minv) * idv) + half);
                Vector256<int> q1 = Truncate(((v.V1 - minv) * idv) + half);
                Vector256<int> q2 = Truncate(((v.V2 - minv) * idv) + half);
                Vector256<int> q3 = Truncate(((v.V3 - minv) * idv) + half);
                StoreFiveBits(q0, q1, q2, q3, ref y[i].Qs[0], ref y[i].Qh[0]);
            }
        }

        public static void QuantizeQ8_0(ReadOnlySpan<float> x, Span<BlockQ8_0> y)
        {
            if (!Vectorized)
            {
                BlockQ8_0.QuantizeReference(x, y);
                return;
            }

            for (int i = 0; i < y.Length; i++)
            {
                Block v = Block.Load(x, i);
                if (v.HasNaN())
                {
                    // ggml's MAX macro lets a NaN reset the running maximum: keep its exact order on such blocks.
                    BlockQ8_0.QuantizeReference(x.Slice(i * 32, 32), y.Slice(i, 1));
                    continue;
                }

                float d = v.AbsMax() / 127;
                float id = d != 0 ? 1.0f / d : 0.0f;
                y[i].D = GgmlMath.ToHalfBits(d);
                Vector256<float> idv = Vector256.Create(id);
                Vector256<int> q0 = Truncate(RoundAway(v.V0 * idv));
                Vector256<int> q1 = Truncate(RoundAway(v.V1 * idv));
                Vector256<int> q2 = Truncate(RoundAway(v.V2 * idv));
                Vector256<int> q3 = Truncate(RoundAway(v.V3 * idv));
                Vector256<byte> bytes = Vector256.Create(Bytes(q0, q1), Bytes(q2, q3));
                bytes.StoreUnsafe(ref y[i].Qs[0]);
            }
        }

        public static void QuantizeMxFp4(ReadOnlySpan<float> x, Span<BlockMXFP4> y)
        {
            if (!Vectorized)
            {
                BlockMXFP4.QuantizeReference(x, y);
                return;
            }

            ReadOnlySpan<sbyte> values = GgmlMath.MxFp4Values;
            for (int i = 0; i < y.Length; i++)
            {
                Block v = Block.Load(x, i);
                byte e = BlockMXFP4.ExponentOf(v.AbsMax());
                float d = GgmlMath.E8M0Half(e);
                y[i].E = e;

                // best_index_mxfp4 for 32 elements at once: candidates in order, a strictly smaller error wins.
                Vector256<float> e0 = Vector256.Abs(-v.V0), e1 = Vector256.Abs(-v.V1), e2 = Vector256.Abs(-v.V2), e3 = Vector256.Abs(-v.V3);
                Vector256<int> b0 = Vector256<int>.Zero, b1 = b0, b2 = b0, b3 = b0;
                for (int k = 1; k < 16; k++)
                {
                    Vector256<float> c = Vector256.Create(values[k] * d);
                    Vector256<int> kv = Vector256.Create(k);
                    Pick(ref e0, ref b0, Vector256.Abs(c - v.V0), kv);
                    Pick(ref e1, ref b1, Vector256.Abs(c - v.V1), kv);
                    Pick(ref e2, ref b2, Vector256.Abs(c - v.V2), kv);
                    Pick(ref e3, ref b3, Vector256.Abs(c - v.V3), kv);
                }

                PackNibbles(b0, b1, b2, b3).StoreUnsafe(ref y[i].Qs[0]);
            }
        }

        public static void DequantizeQ4_0(ReadOnlySpan<BlockQ4_0> x, Span<float> y)
        {
            if (!Vectorized)
            {
                BlockQ4_0.DequantizeReference(x, y);
                return;
            }

            Vector256<int> eight = Vector256.Create(8);
            for (int i = 0; i < x.Length; i++)
            {
                Vector128<byte> q = Vector128.LoadUnsafe(ref Unsafe.AsRef(in x[i].Qs[0]));
                Vector256<float> d = Vector256.Create(GgmlMath.FromHalfBits(x[i].D));
                (Vector256<int> l0, Vector256<int> l1, Vector256<int> h0, Vector256<int> h1) = Nibbles(q);
                Store(y, i, Vector256.ConvertToSingle(l0 - eight) * d, Vector256.ConvertToSingle(l1 - eight) * d, Vector256.ConvertToSingle(h0 - eight) * d, Vector256.ConvertToSingle(h1 - eight) * d);
            }
        }

        public static void DequantizeQ4_1(ReadOnlySpan<BlockQ4_1> x, Span<float> y)
        {
            if (!Vectorized)
            {
                BlockQ4_1.DequantizeReference(x, y);
                return;
            }

            for (int i = 0; i < x.Length; i++)
            {
                Vector128<byte> q = Vector128.LoadUnsafe(ref Unsafe.AsRef(in x[i].Qs[0]));
                Vector256<float> d = Vector256.Create(GgmlMath.FromHalfBits(x[i].D));
                Vector256<float> m = Vector256.Create(GgmlMath.FromHalfBits(x[i].M));
                (Vector256<int> l0, Vector256<int> l1, Vector256<int> h0, Vector256<int> h1) = Nibbles(q);
                Store(y, i, (Vector256.ConvertToSingle(l0) * d) + m, (Vector256.ConvertToSingle(l1) * d) + m, (Vector256.ConvertToSingle(h0) * d) + m, (Vector256.ConvertToSingle(h1) * d) + m);
            }
        }

        public static void DequantizeQ5_0(ReadOnlySpan<BlockQ5_0> x, Span<float> y)
        {
            if (!Vectorized)
            {
                BlockQ5_0.DequantizeReference(x, y);
                return;
            }

            Vector256<int> sixteen = Vector256.Create(16);
            for (int i = 0; i < x.Length; i++)
            {
                Vector128<byte> q = Vector128.LoadUnsafe(ref Unsafe.AsRef(in x[i].Qs[0]));
                Vector256<float> d = Vector256.Create(GgmlMath.FromHalfBits(x[i].D));
                (Vector256<int> l0, Vector256<int> l1, Vector256<int> h0, Vector256<int> h1) = Nibbles(q);
                (Vector256<int> b0, Vector256<int> b1, Vector256<int> b2, Vector256<int> b3) = FifthBits(x[i].HighBits);
                Store(y, i, Vector256.ConvertToSingle((l0 | b0) - sixteen) * d, Vector256.ConvertToSingle((l1 | b1) - sixteen) * d, Vector256.ConvertToSingle((h0 | b2) - sixteen) * d, Vector256.ConvertToSingle((h1 | b3) - sixteen) * d);
            }
        }

        public static void DequantizeQ5_1(ReadOnlySpan<BlockQ5_1> x, Span<float> y)
        {
            if (!Vectorized)
            {
                BlockQ5_1.DequantizeReference(x, y);
                return;
            }

            for (int i = 0; i < x.Length; i++)
            {
                Vector128<byte> q = Vector128.LoadUnsafe(ref Unsafe.AsRef(in x[i].Qs[0]));
                Vector256<float> d = Vector256.Create(GgmlMath.FromHalfBits(x[i].D));
                Vector256<float> m = Vector256.Create(GgmlMath.FromHalfBits(x[i].M));
                (Vector256<int> l0, Vector256<int> l1, Vector256<int> h0, Vector256<int> h1) = Nibbles(q);
                (Vector256<int> b0, Vector256<int> b1, Vector256<int> b2, Vector256<int> b3) = FifthBits(x[i].HighBits);
                Store(y, i, (Vector256.ConvertToSingle(l0 | b0) * d) + m, (Vector256.ConvertToSingle(l1 | b1) * d) + m, (Vector256.ConvertToSingle(h0 | b2) * d) + m, (Vector256.ConvertToSingle(h1 | b3) * d) + m);
            }
        }

        public static void DequantizeQ8_0(ReadOnlySpan<BlockQ8_0> x, Span<float> y)
        {
            if (!Vectorized)
            {
                BlockQ8_0.DequantizeReference(x, y);
                return;
            }

            for (int i = 0; i < x.Length; i++)
            {
                Vector256<sbyte> q = Vector256.LoadUnsafe(ref Unsafe.As<byte, sbyte>(ref Unsafe.AsRef(in x[i].Qs[0])));
                Vector256<float> d = Vector256.Create(GgmlMath.FromHalfBits(x[i].D));
                (Vector256<short> lo, Vector256<short> hi) = Vector256.Widen(q);
                (Vector256<int> a, Vector256<int> b) = Vector256.Widen(lo);
                (Vector256<int> c, Vector256<int> e) = Vector256.Widen(hi);
                Store(y, i, Vector256.ConvertToSingle(a) * d, Vector256.ConvertToSingle(b) * d, Vector256.ConvertToSingle(c) * d, Vector256.ConvertToSingle(e) * d);
            }
        }

        public static void DequantizeMxFp4(ReadOnlySpan<BlockMXFP4> x, Span<float> y)
        {
            if (!Vectorized)
            {
                BlockMXFP4.DequantizeReference(x, y);
                return;
            }

            Vector128<byte> table = Vector128.Create(GgmlMath.MxFp4Values).AsByte();
            Vector128<byte> low = Vector128.Create((byte)0x0F);
            for (int i = 0; i < x.Length; i++)
            {
                Vector128<byte> q = Vector128.LoadUnsafe(ref Unsafe.AsRef(in x[i].Qs[0]));
                Vector256<float> d = Vector256.Create(GgmlMath.E8M0Half(x[i].E));
                Vector128<sbyte> lo = RowKernel.Lookup(table, q & low).AsSByte();
                Vector128<sbyte> hi = RowKernel.Lookup(table, Srl(q, 4) & low).AsSByte();
                (Vector256<int> l0, Vector256<int> l1) = Vector256.Widen(Vector256.WidenLower(lo.ToVector256()));
                (Vector256<int> h0, Vector256<int> h1) = Vector256.Widen(Vector256.WidenLower(hi.ToVector256()));
                Store(y, i, Vector256.ConvertToSingle(l0) * d, Vector256.ConvertToSingle(l1) * d, Vector256.ConvertToSingle(h0) * d, Vector256.ConvertToSingle(h1) * d);
            }
        }

        // x86's cvttss2si on each lane: truncation, NaN and out-of-range give int.MinValue.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector256<int> Truncate(Vector256<float> v)
        {
            Vector256<int> inRange = (Vector256.GreaterThanOrEqual(v, Vector256.Create(-2147483648f)) & Vector256.LessThan(v, Vector256.Create(2147483648f))).AsInt32();
            return Vector256.ConditionalSelect(inRange, Vector256.ConvertToInt32(v), Vector256.Create(int.MinValue));
        }

        // (int8_t)(float): truncate, keep the low byte, sign-extend.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector256<int> Int8Of(Vector256<float> v) => Vector256.ShiftRightArithmetic(Vector256.ShiftLeft(Truncate(v), 24), 24);

        // roundf: half away from zero (truncate |x| + 0.5 is wrong near 0.5 - ulp, so round to even and fix the exact halves).
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector256<float> RoundAway(Vector256<float> v)
        {
            Vector256<float> t = Vector256.Truncate(v);
            Vector256<float> frac = Vector256.Abs(v - t);
            Vector256<float> up = Vector256.GreaterThanOrEqual(frac, Vector256.Create(0.5f));
            Vector256<float> step = Vector256.ConditionalSelect(Vector256.LessThan(v, Vector256<float>.Zero), Vector256.Create(-1f), Vector256.Create(1f));
            return Vector256.ConditionalSelect(up, t + step, t);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Pick(ref Vector256<float> best, ref Vector256<int> index, Vector256<float> error, Vector256<int> k)
        {
            Vector256<float> better = Vector256.LessThan(error, best);
            best = Vector256.ConditionalSelect(better, error, best);
            index = Vector256.ConditionalSelect(better.AsInt32(), k, index);
        }

        // The low bytes of 16 ints, in order.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector128<byte> Bytes(Vector256<int> a, Vector256<int> b)
        {
            Vector256<short> s = Vector256.Narrow(a & Vector256.Create(0xFF), b & Vector256.Create(0xFF));
            return Vector128.Narrow(s.GetLower().AsUInt16(), s.GetUpper().AsUInt16());
        }

        // ggml's qs[j] = (uint8)q[j] | (uint8)(q[j + 16] << 4).
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector128<byte> PackNibbles(Vector256<int> q0, Vector256<int> q1, Vector256<int> q2, Vector256<int> q3)
            => Bytes(q0, q1) | Sll(Bytes(q2, q3), 4);

        // Q5: low nibbles as Q4, fifth bits into the uint32 qh (bit j = element j).
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void StoreFiveBits(Vector256<int> q0, Vector256<int> q1, Vector256<int> q2, Vector256<int> q3, ref byte qs, ref byte qh)
        {
            Vector256<int> low = Vector256.Create(0x0F);
            Vector128<byte> packed = Bytes(q0 & low, q1 & low) | Sll(Bytes(q2 & low, q3 & low), 4);
            packed.StoreUnsafe(ref qs);
            Vector256<int> bit = Vector256.Create(0x10);
            uint h = Vector256.ExtractMostSignificantBits(Vector256.ShiftLeft(q0 & bit, 27))
                | (Vector256.ExtractMostSignificantBits(Vector256.ShiftLeft(q1 & bit, 27)) << 8)
                | (Vector256.ExtractMostSignificantBits(Vector256.ShiftLeft(q2 & bit, 27)) << 16)
                | (Vector256.ExtractMostSignificantBits(Vector256.ShiftLeft(q3 & bit, 27)) << 24);
            Unsafe.WriteUnaligned(ref qh, h);
        }

        // Low nibbles (elements 0-15) and high nibbles (16-31) of 16 bytes, as ints.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static (Vector256<int>, Vector256<int>, Vector256<int>, Vector256<int>) Nibbles(Vector128<byte> q)
        {
            Vector128<byte> lo = q & Vector128.Create((byte)0x0F);
            Vector128<byte> hi = Srl(q, 4);
            (Vector256<int> l0, Vector256<int> l1) = Vector256.Widen(Vector256.WidenLower(lo.ToVector256()).AsInt16());
            (Vector256<int> h0, Vector256<int> h1) = Vector256.Widen(Vector256.WidenLower(hi.ToVector256()).AsInt16());
            return (l0, l1, h0, h1);
        }

        // Bit j of qh as 0x10 in lane j.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static (Vector256<int>, Vector256<int>, Vector256<int>, Vector256<int>) FifthBits(uint qh)
        {
            return (Bit16(qh), Bit16(qh >> 8), Bit16(qh >> 16), Bit16(qh >> 24));
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector256<int> Bit16(uint bits)
        {
            Vector256<int> set = Vector256.Create((int)bits & 0xFF) & Vector256.Create(1, 2, 4, 8, 16, 32, 64, 128);
            return ~Vector256.Equals(set, Vector256<int>.Zero) & Vector256.Create(0x10);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Store(Span<float> y, int block, Vector256<float> a, Vector256<float> b, Vector256<float> c, Vector256<float> d)
        {
            ref float o = ref MemoryMarshal.GetReference(y.Slice(block * 32, 32));
            a.StoreUnsafe(ref o);
            b.StoreUnsafe(ref o, 8);
            c.StoreUnsafe(ref o, 16);
            d.StoreUnsafe(ref o, 24);
        }

        /// <summary>One 32-element block as four vectors, with ggml's reductions over it.</summary>
        private readonly struct Block
        {
            public readonly Vector256<float> V0, V1, V2, V3;

            private Block(Vector256<float> v0, Vector256<float> v1, Vector256<float> v2, Vector256<float> v3)
            {
                V0 = v0;
                V1 = v1;
                V2 = v2;
                V3 = v3;
            }

            public static Block Load(ReadOnlySpan<float> x, int block)
            {
                ref float s = ref MemoryMarshal.GetReference(x.Slice(block * 32, 32));
                return new Block(Vector256.LoadUnsafe(ref s), Vector256.LoadUnsafe(ref s, 8), Vector256.LoadUnsafe(ref s, 16), Vector256.LoadUnsafe(ref s, 24));
            }

            public bool HasNaN()
                => !(Vector256.EqualsAll(V0, V0) && Vector256.EqualsAll(V1, V1) && Vector256.EqualsAll(V2, V2) && Vector256.EqualsAll(V3, V3));

            // max |x| over the non-NaN elements (ggml's 'if (amax < fabsf(v))' never takes a NaN).
            public float AbsMax()
            {
                // Every lane is +0 or more and none is NaN, so the native (one instruction) maximum is exact.
                return Reduce(Vector256.MaxNative(Vector256.MaxNative(Clean(V0), Clean(V1)), Vector256.MaxNative(Clean(V2), Clean(V3))), max: true);
            }

            // The signed value of the first element of largest magnitude, or +0 (q4_0/q5_0's 'max').
            public float SignedMax()
            {
                float amax = AbsMax();
                if (amax == 0)
                {
                    return 0;
                }

                Vector256<float> a = Vector256.Create(amax);
                ulong mask = Vector256.ExtractMostSignificantBits(Vector256.Equals(Vector256.Abs(V0), a))
                    | ((ulong)Vector256.ExtractMostSignificantBits(Vector256.Equals(Vector256.Abs(V1), a)) << 8)
                    | ((ulong)Vector256.ExtractMostSignificantBits(Vector256.Equals(Vector256.Abs(V2), a)) << 16)
                    | ((ulong)Vector256.ExtractMostSignificantBits(Vector256.Equals(Vector256.Abs(V3), a)) << 24);
                int j = System.Numerics.BitOperations.TrailingZeroCount(mask);
                return (j >> 3) switch { 0 => V0[j & 7], 1 => V1[j & 7], 2 => V2[j & 7], _ => V3[j & 7] };
            }

            // min and max as ggml's 'if (v < min) min = v; if (v > max) max = v;' from +-FLT_MAX (NaN never taken).
            public (float Min, float Max) MinMax()
            {
                Vector256<float> big = Vector256.Create(float.MaxValue);
                // No NaN is left, and a zero extreme (whose sign the order decides) is redone below, so the native
                // (one instruction) minimum and maximum give ggml's extremes in any order.
                Vector256<float> lo = Vector256.MinNative(Vector256.MinNative(Or(V0, big), Or(V1, big)), Vector256.MinNative(Or(V2, big), Or(V3, big)));
                Vector256<float> hi = Vector256.MaxNative(Vector256.MaxNative(Or(V0, -big), Or(V1, -big)), Vector256.MaxNative(Or(V2, -big), Or(V3, -big)));
                float min = Reduce(lo, max: false), max = Reduce(hi, max: true);

                if (min == 0 || max == 0)
                {
                    // The sign of a zero extreme is the first zero's in element order (ggml keeps the first of equal values).
                    (min, max) = (float.MaxValue, -float.MaxValue);
                    for (int i = 0; i < 32; i++)
                    {
                        float v = (i >> 3) switch { 0 => V0[i & 7], 1 => V1[i & 7], 2 => V2[i & 7], _ => V3[i & 7] };
                        min = v < min ? v : min;
                        max = v > max ? v : max;
                    }
                }

                return (min, max);
            }

            // The maximum (or minimum) of the eight lanes, none NaN, by halving.
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            private static float Reduce(Vector256<float> v, bool max)
            {
                Vector128<float> m = max ? Vector128.MaxNative(v.GetLower(), v.GetUpper()) : Vector128.MinNative(v.GetLower(), v.GetUpper());
                Vector128<float> swapped = Vector128.Shuffle(m, Vector128.Create(2, 3, 0, 1));
                m = max ? Vector128.MaxNative(m, swapped) : Vector128.MinNative(m, swapped);
                swapped = Vector128.Shuffle(m, Vector128.Create(1, 0, 3, 2));
                m = max ? Vector128.MaxNative(m, swapped) : Vector128.MinNative(m, swapped);
                return m.ToScalar();
            }

            private static Vector256<float> Clean(Vector256<float> v)
            {
                Vector256<float> a = Vector256.Abs(v);
                return Vector256.ConditionalSelect(Vector256.Equals(a, a), a, Vector256<float>.Zero);
            }

            private static Vector256<float> Or(Vector256<float> v, Vector256<float> fallback)
                => Vector256.ConditionalSelect(Vector256.Equals(v, v), v, fallback);
        }
    }
}
