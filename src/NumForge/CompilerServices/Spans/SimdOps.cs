// The lane operations the span kernels are written against, once, for every vector width. ISimdVector<TSelf, T> is
// not public in .NET 10, so this is a small equivalent: each struct forwards to Vector128/256/512 and the JIT inlines
// it, so a kernel instantiated with Vector256x32 is the same code as one written against Vector256<uint> by hand.
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NumForge.CompilerServices.Spans
{
    /// <summary>Integer and floating-point operations on the lanes of one vector type (lanes read as float or double for the F* members).</summary>
    internal interface ISimd<TV>
        where TV : struct
    {
        static abstract bool IsHardwareAccelerated { get; }

        static abstract int Count { get; }

        static abstract int LaneBits { get; }

        static abstract TV Create(ulong value);

        static abstract TV Indices(int start);

        static abstract TV Load(ref byte source);

        static abstract void Store(TV value, ref byte destination);

        static abstract TV Add(TV a, TV b);

        static abstract TV Subtract(TV a, TV b);

        static abstract TV Multiply(TV a, TV b);

        static abstract TV And(TV a, TV b);

        static abstract TV Or(TV a, TV b);

        static abstract TV Xor(TV a, TV b);

        /// <summary>a &amp; ~b.</summary>
        static abstract TV AndNot(TV a, TV b);

        static abstract TV ShiftRight(TV a, int count);

        static abstract TV ShiftLeft(TV a, int count);

        static abstract TV Equal(TV a, TV b);

        /// <summary>Signed comparison (callers keep both sides below 2^(lane bits - 1)).</summary>
        static abstract TV GreaterThan(TV a, TV b);

        /// <summary>Signed minimum (callers keep both sides below 2^(lane bits - 1)).</summary>
        static abstract TV Min(TV a, TV b);

        static abstract TV Select(TV mask, TV a, TV b);

        static abstract bool Any(TV mask);

        static abstract TV FAdd(TV a, TV b);

        static abstract TV FSubtract(TV a, TV b);

        static abstract TV FMultiply(TV a, TV b);

        static abstract TV FFloor(TV a);

        static abstract TV FGreaterThan(TV a, TV b);

        static abstract TV FEqual(TV a, TV b);

        /// <summary>Signed integer lanes to float (or double) lanes.</summary>
        static abstract TV IntToF(TV a);

        /// <summary>Float (or double) lanes to signed integer lanes, truncating (callers pass whole numbers in range).</summary>
        static abstract TV FToInt(TV a);
    }

    /// <summary>32-bit lanes: loads that widen byte/ushort codes and stores that narrow to them.</summary>
    internal interface ISimd32<TV> : ISimd<TV>
        where TV : struct
    {
        /// <summary>
        /// Narrows four vectors of byte codes (every lane below 2^8) into one vector and stores it; <paramref name="streaming"/>
        /// stores non-temporally to pinned, vector-aligned memory.
        /// </summary>
        static abstract void StoreNarrow8(TV a, TV b, TV c, TV d, ref byte destination, bool streaming = false);

        /// <summary>Narrows two vectors of ushort codes (every lane below 2^16) into one vector and stores it (see <see cref="StoreNarrow8"/>).</summary>
        static abstract void StoreNarrow16(TV a, TV b, ref byte destination, bool streaming = false);

        /// <summary>
        /// Narrows two vectors of byte codes into half a vector and stores it (for kernels too large to keep four
        /// vectors in registers); <paramref name="streaming"/> as in <see cref="StoreNarrow8"/>, to memory aligned to the half vector.
        /// </summary>
        static abstract void StoreNarrow8Half(TV a, TV b, ref byte destination, bool streaming = false);

        /// <summary>
        /// Narrows four vectors of 4-bit codes and packs them two per byte, low nibble first, into half a vector;
        /// <paramref name="streaming"/> as in <see cref="StoreNarrow8Half"/>.
        /// </summary>
        static abstract void StorePackedNibbles(TV a, TV b, TV c, TV d, ref byte destination, bool streaming = false);

        /// <summary>Stores one vector; <paramref name="streaming"/> as in <see cref="StoreNarrow8"/>.</summary>
        static abstract void Store(TV value, ref byte destination, bool streaming);

        /// <summary>Loads byte codes widened to four vectors; <paramref name="signed"/> sign-extends them (bit 7 fills bits 8-31).</summary>
        static abstract void LoadWiden8(ref byte source, out TV a, out TV b, out TV c, out TV d, bool signed = false);

        /// <summary>
        /// Loads 4-bit codes packed two per byte (low nibble first; half a vector of bytes) widened to four vectors,
        /// in element order.
        /// </summary>
        static abstract void LoadWidenNibbles(ref byte source, out TV a, out TV b, out TV c, out TV d);

        /// <summary>Loads ushort codes widened to two vectors; <paramref name="signed"/> sign-extends them (bit 15 fills bits 16-31).</summary>
        static abstract void LoadWiden16(ref byte source, out TV a, out TV b, bool signed = false);
    }

    /// <summary>64-bit lanes, paired with the 32-bit vector of the same width.</summary>
    internal interface ISimd64<TV, TV32> : ISimd<TV>
        where TV : struct
        where TV32 : struct
    {
        static abstract TV32 NarrowTo32(TV a, TV b);

        static abstract void WidenSingleToDouble(TV32 singles, out TV low, out TV high);
    }

    /// <summary>Vector128 of 32-bit lanes.</summary>
    internal readonly unsafe struct Vector128x32 : ISimd32<Vector128<uint>>
    {
        public static bool IsHardwareAccelerated => Vector128.IsHardwareAccelerated;

        public static int Count => Vector128<uint>.Count;

        public static int LaneBits => 32;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<uint> Create(ulong value) => Vector128.Create((uint)value);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<uint> Indices(int start) => Vector128<uint>.Indices + Vector128.Create((uint)start);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<uint> Load(ref byte source) => Vector128.LoadUnsafe(ref Unsafe.As<byte, uint>(ref source));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Store(Vector128<uint> value, ref byte destination) => value.StoreUnsafe(ref Unsafe.As<byte, uint>(ref destination));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<uint> Add(Vector128<uint> a, Vector128<uint> b) => a + b;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<uint> Subtract(Vector128<uint> a, Vector128<uint> b) => a - b;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<uint> Multiply(Vector128<uint> a, Vector128<uint> b) => a * b;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<uint> And(Vector128<uint> a, Vector128<uint> b) => a & b;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<uint> Or(Vector128<uint> a, Vector128<uint> b) => a | b;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<uint> Xor(Vector128<uint> a, Vector128<uint> b) => a ^ b;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<uint> AndNot(Vector128<uint> a, Vector128<uint> b) => Vector128.AndNot(a, b);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<uint> ShiftRight(Vector128<uint> a, int count) => Vector128.ShiftRightLogical(a, count);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<uint> ShiftLeft(Vector128<uint> a, int count) => Vector128.ShiftLeft(a, count);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<uint> Equal(Vector128<uint> a, Vector128<uint> b) => Vector128.Equals(a, b);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<uint> GreaterThan(Vector128<uint> a, Vector128<uint> b) => Vector128.GreaterThan(a.AsInt32(), b.AsInt32()).AsUInt32();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<uint> Min(Vector128<uint> a, Vector128<uint> b) => Vector128.Min(a.AsInt32(), b.AsInt32()).AsUInt32();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<uint> Select(Vector128<uint> mask, Vector128<uint> a, Vector128<uint> b) => Vector128.ConditionalSelect(mask, a, b);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool Any(Vector128<uint> mask) => mask != Vector128<uint>.Zero;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<uint> FAdd(Vector128<uint> a, Vector128<uint> b) => (a.AsSingle() + b.AsSingle()).AsUInt32();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<uint> FSubtract(Vector128<uint> a, Vector128<uint> b) => (a.AsSingle() - b.AsSingle()).AsUInt32();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<uint> FMultiply(Vector128<uint> a, Vector128<uint> b) => (a.AsSingle() * b.AsSingle()).AsUInt32();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<uint> FFloor(Vector128<uint> a) => Vector128.Floor(a.AsSingle()).AsUInt32();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<uint> FGreaterThan(Vector128<uint> a, Vector128<uint> b) => Vector128.GreaterThan(a.AsSingle(), b.AsSingle()).AsUInt32();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<uint> FEqual(Vector128<uint> a, Vector128<uint> b) => Vector128.Equals(a.AsSingle(), b.AsSingle()).AsUInt32();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<uint> IntToF(Vector128<uint> a) => Vector128.ConvertToSingle(a.AsInt32()).AsUInt32();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<uint> FToInt(Vector128<uint> a) => Vector128.ConvertToInt32Native(a.AsSingle()).AsUInt32();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void StoreNarrow8(Vector128<uint> a, Vector128<uint> b, Vector128<uint> c, Vector128<uint> d, ref byte destination, bool streaming = false)
            => Store(Vector128.Narrow(Vector128.Narrow(a, b), Vector128.Narrow(c, d)), ref destination, streaming);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void StoreNarrow8Half(Vector128<uint> a, Vector128<uint> b, ref byte destination, bool streaming = false)
        {
            // Eight bytes: too small for a vector store, so an ordinary 64-bit store whether streaming or not.
            Vector128<ushort> words = Vector128.Narrow(a, b);
            Unsafe.WriteUnaligned(ref destination, Vector128.Narrow(words, words).AsUInt64().ToScalar());
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void StorePackedNibbles(Vector128<uint> a, Vector128<uint> b, Vector128<uint> c, Vector128<uint> d, ref byte destination, bool streaming = false)
        {
            // Each ushort holds two codes (low byte first): fold the high one into the low byte's top nibble.
            Vector128<ushort> pairs = Vector128.Narrow(Vector128.Narrow(a, b), Vector128.Narrow(c, d)).AsUInt16();
            pairs = (pairs & Vector128.Create((ushort)0x000F)) | (Vector128.ShiftRightLogical(pairs, 4) & Vector128.Create((ushort)0x00F0));
            Unsafe.WriteUnaligned(ref destination, Vector128.Narrow(pairs, pairs).AsUInt64().ToScalar());
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void StoreNarrow16(Vector128<uint> a, Vector128<uint> b, ref byte destination, bool streaming = false)
            => Store(Vector128.Narrow(a, b).AsByte(), ref destination, streaming);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Store(Vector128<uint> value, ref byte destination, bool streaming) => Store(value.AsByte(), ref destination, streaming);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Store(Vector128<byte> value, ref byte destination, bool streaming)
        {
            if (streaming)
            {
                // Only for pinned memory aligned to the vector (BlockLoop): non-temporal stores skip the cache.
                value.StoreAlignedNonTemporal((byte*)Unsafe.AsPointer(ref destination));
            }
            else
            {
                value.StoreUnsafe(ref destination);
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void LoadWidenNibbles(ref byte source, out Vector128<uint> a, out Vector128<uint> b, out Vector128<uint> c, out Vector128<uint> d)
        {
            // Each byte widened to a ushort, its high nibble moved to the ushort's high byte: the bytes are then the
            // codes in element order.
            Vector128<ushort> pairs = Vector128.WidenLower(Vector128.CreateScalarUnsafe(Unsafe.ReadUnaligned<ulong>(ref source)).AsByte());
            pairs = (pairs & Vector128.Create((ushort)0x000F)) | (Vector128.ShiftLeft(pairs, 4) & Vector128.Create((ushort)0x0F00));
            (Vector128<ushort> low, Vector128<ushort> high) = Vector128.Widen(pairs.AsByte());
            (a, b) = Vector128.Widen(low);
            (c, d) = Vector128.Widen(high);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void LoadWiden8(ref byte source, out Vector128<uint> a, out Vector128<uint> b, out Vector128<uint> c, out Vector128<uint> d, bool signed = false)
        {
            if (Sse41.IsSupported)
            {
                // One widening load per vector (pmovsxbd xmm, m32), as Vector256x32 does.
                a = Widen8(ref source, signed);
                b = Widen8(ref Unsafe.Add(ref source, 4), signed);
                c = Widen8(ref Unsafe.Add(ref source, 8), signed);
                d = Widen8(ref Unsafe.Add(ref source, 12), signed);
            }
            else if (signed)
            {
                (Vector128<short> low, Vector128<short> high) = Vector128.Widen(Vector128.LoadUnsafe(ref Unsafe.As<byte, sbyte>(ref source)));
                (Vector128<int> a32, Vector128<int> b32) = Vector128.Widen(low);
                (Vector128<int> c32, Vector128<int> d32) = Vector128.Widen(high);
                (a, b, c, d) = (a32.AsUInt32(), b32.AsUInt32(), c32.AsUInt32(), d32.AsUInt32());
            }
            else
            {
                (Vector128<ushort> low, Vector128<ushort> high) = Vector128.Widen(Vector128.LoadUnsafe(ref source));
                (a, b) = Vector128.Widen(low);
                (c, d) = Vector128.Widen(high);
            }
        }

        /// <summary>Four bytes widened to 32-bit lanes in one instruction whose load reads exactly those bytes.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector128<uint> Widen8(ref byte source, bool signed)
        {
            Vector128<byte> four = Vector128.CreateScalarUnsafe(Unsafe.ReadUnaligned<uint>(ref source)).AsByte();
            return signed ? Sse41.ConvertToVector128Int32(four.AsSByte()).AsUInt32() : Sse41.ConvertToVector128Int32(four).AsUInt32();
        }

        /// <summary>Four 16-bit codes widened to 32-bit lanes in one instruction whose load reads exactly those bytes.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector128<uint> Widen16(ref byte source, bool signed)
        {
            Vector128<ushort> four = Vector128.CreateScalarUnsafe(Unsafe.ReadUnaligned<ulong>(ref source)).AsUInt16();
            return signed ? Sse41.ConvertToVector128Int32(four.AsInt16()).AsUInt32() : Sse41.ConvertToVector128Int32(four).AsUInt32();
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void LoadWiden16(ref byte source, out Vector128<uint> a, out Vector128<uint> b, bool signed = false)
        {
            if (Sse41.IsSupported)
            {
                a = Widen16(ref source, signed);
                b = Widen16(ref Unsafe.Add(ref source, 8), signed);
            }
            else if (signed)
            {
                (Vector128<int> a32, Vector128<int> b32) = Vector128.Widen(Vector128.LoadUnsafe(ref Unsafe.As<byte, short>(ref source)));
                (a, b) = (a32.AsUInt32(), b32.AsUInt32());
            }
            else
            {
                (a, b) = Vector128.Widen(Vector128.LoadUnsafe(ref Unsafe.As<byte, ushort>(ref source)));
            }
        }
    }

    /// <summary>Vector256 of 32-bit lanes.</summary>
    internal readonly unsafe struct Vector256x32 : ISimd32<Vector256<uint>>
    {
        public static bool IsHardwareAccelerated => Vector256.IsHardwareAccelerated;

        public static int Count => Vector256<uint>.Count;

        public static int LaneBits => 32;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<uint> Create(ulong value) => Vector256.Create((uint)value);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<uint> Indices(int start) => Vector256<uint>.Indices + Vector256.Create((uint)start);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<uint> Load(ref byte source) => Vector256.LoadUnsafe(ref Unsafe.As<byte, uint>(ref source));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Store(Vector256<uint> value, ref byte destination) => value.StoreUnsafe(ref Unsafe.As<byte, uint>(ref destination));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<uint> Add(Vector256<uint> a, Vector256<uint> b) => a + b;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<uint> Subtract(Vector256<uint> a, Vector256<uint> b) => a - b;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<uint> Multiply(Vector256<uint> a, Vector256<uint> b) => a * b;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<uint> And(Vector256<uint> a, Vector256<uint> b) => a & b;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<uint> Or(Vector256<uint> a, Vector256<uint> b) => a | b;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<uint> Xor(Vector256<uint> a, Vector256<uint> b) => a ^ b;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<uint> AndNot(Vector256<uint> a, Vector256<uint> b) => Vector256.AndNot(a, b);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<uint> ShiftRight(Vector256<uint> a, int count) => Vector256.ShiftRightLogical(a, count);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<uint> ShiftLeft(Vector256<uint> a, int count) => Vector256.ShiftLeft(a, count);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<uint> Equal(Vector256<uint> a, Vector256<uint> b) => Vector256.Equals(a, b);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<uint> GreaterThan(Vector256<uint> a, Vector256<uint> b) => Vector256.GreaterThan(a.AsInt32(), b.AsInt32()).AsUInt32();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<uint> Min(Vector256<uint> a, Vector256<uint> b) => Vector256.Min(a.AsInt32(), b.AsInt32()).AsUInt32();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<uint> Select(Vector256<uint> mask, Vector256<uint> a, Vector256<uint> b) => Vector256.ConditionalSelect(mask, a, b);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool Any(Vector256<uint> mask) => mask != Vector256<uint>.Zero;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<uint> FAdd(Vector256<uint> a, Vector256<uint> b) => (a.AsSingle() + b.AsSingle()).AsUInt32();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<uint> FSubtract(Vector256<uint> a, Vector256<uint> b) => (a.AsSingle() - b.AsSingle()).AsUInt32();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<uint> FMultiply(Vector256<uint> a, Vector256<uint> b) => (a.AsSingle() * b.AsSingle()).AsUInt32();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<uint> FFloor(Vector256<uint> a) => Vector256.Floor(a.AsSingle()).AsUInt32();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<uint> FGreaterThan(Vector256<uint> a, Vector256<uint> b) => Vector256.GreaterThan(a.AsSingle(), b.AsSingle()).AsUInt32();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<uint> FEqual(Vector256<uint> a, Vector256<uint> b) => Vector256.Equals(a.AsSingle(), b.AsSingle()).AsUInt32();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<uint> IntToF(Vector256<uint> a) => Vector256.ConvertToSingle(a.AsInt32()).AsUInt32();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<uint> FToInt(Vector256<uint> a) => Vector256.ConvertToInt32Native(a.AsSingle()).AsUInt32();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void StoreNarrow8(Vector256<uint> a, Vector256<uint> b, Vector256<uint> c, Vector256<uint> d, ref byte destination, bool streaming = false)
        {
            if (Avx2.IsSupported)
            {
                // Lanes hold codes below 2^8, so saturating packs give the truncating narrow without its masks
                // (packs work within 128-bit halves: one cross-lane permute puts the dwords back in order).
                Vector256<byte> packed = Avx2.PackUnsignedSaturate(Avx2.PackSignedSaturate(a.AsInt32(), b.AsInt32()), Avx2.PackSignedSaturate(c.AsInt32(), d.AsInt32()));
                Store(Avx2.PermuteVar8x32(packed.AsInt32(), Vector256.Create(0, 4, 1, 5, 2, 6, 3, 7)).AsByte(), ref destination, streaming);
                return;
            }

            Store(Vector256.Narrow(Vector256.Narrow(a, b), Vector256.Narrow(c, d)), ref destination, streaming);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void StoreNarrow8Half(Vector256<uint> a, Vector256<uint> b, ref byte destination, bool streaming = false)
        {
            Vector256<ushort> words = Vector256.Narrow(a, b);
            Vector128<byte> bytes = Vector128.Narrow(words.GetLower(), words.GetUpper());
            if (streaming)
            {
                bytes.StoreAlignedNonTemporal((byte*)Unsafe.AsPointer(ref destination));
            }
            else
            {
                bytes.StoreUnsafe(ref destination);
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void StorePackedNibbles(Vector256<uint> a, Vector256<uint> b, Vector256<uint> c, Vector256<uint> d, ref byte destination, bool streaming = false)
        {
            // Each ushort holds two codes (low byte first): fold the high one into the low byte's top nibble.
            Vector256<ushort> pairs = Vector256.Narrow(Vector256.Narrow(a, b), Vector256.Narrow(c, d)).AsUInt16();
            pairs = (pairs & Vector256.Create((ushort)0x000F)) | (Vector256.ShiftRightLogical(pairs, 4) & Vector256.Create((ushort)0x00F0));
            Vector128<byte> bytes = Vector128.Narrow(pairs.GetLower(), pairs.GetUpper());
            if (streaming)
            {
                bytes.StoreAlignedNonTemporal((byte*)Unsafe.AsPointer(ref destination));
            }
            else
            {
                bytes.StoreUnsafe(ref destination);
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void StoreNarrow16(Vector256<uint> a, Vector256<uint> b, ref byte destination, bool streaming = false)
        {
            if (Avx2.IsSupported)
            {
                // Lanes hold codes below 2^16: an unsigned-saturating pack is the truncating narrow without its masks.
                Vector256<ushort> packed = Avx2.PackUnsignedSaturate(a.AsInt32(), b.AsInt32());
                Store(Avx2.Permute4x64(packed.AsUInt64(), 0b11_01_10_00).AsByte(), ref destination, streaming);
                return;
            }

            Store(Vector256.Narrow(a, b).AsByte(), ref destination, streaming);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Store(Vector256<uint> value, ref byte destination, bool streaming) => Store(value.AsByte(), ref destination, streaming);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Store(Vector256<byte> value, ref byte destination, bool streaming)
        {
            if (streaming)
            {
                // Only for pinned memory aligned to the vector (BlockLoop): non-temporal stores skip the cache.
                value.StoreAlignedNonTemporal((byte*)Unsafe.AsPointer(ref destination));
            }
            else
            {
                value.StoreUnsafe(ref destination);
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void LoadWidenNibbles(ref byte source, out Vector256<uint> a, out Vector256<uint> b, out Vector256<uint> c, out Vector256<uint> d)
        {
            if (Avx2.IsSupported)
            {
                // Four bytes broadcast to every lane, lane i shifted right by 4i (one vpsrlvd): no shuffle at all.
                a = Nibbles(ref source);
                b = Nibbles(ref Unsafe.Add(ref source, 4));
                c = Nibbles(ref Unsafe.Add(ref source, 8));
                d = Nibbles(ref Unsafe.Add(ref source, 12));
                return;
            }

            // Each byte widened to a ushort, its high nibble moved to the ushort's high byte: the bytes are then the
            // codes in element order.
            Vector256<ushort> pairs = Vector256.WidenLower(Vector128.LoadUnsafe(ref source).ToVector256Unsafe());
            pairs = (pairs & Vector256.Create((ushort)0x000F)) | (Vector256.ShiftLeft(pairs, 4) & Vector256.Create((ushort)0x0F00));
            (Vector256<ushort> low, Vector256<ushort> high) = Vector256.Widen(pairs.AsByte());
            (a, b) = Vector256.Widen(low);
            (c, d) = Vector256.Widen(high);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void LoadWiden8(ref byte source, out Vector256<uint> a, out Vector256<uint> b, out Vector256<uint> c, out Vector256<uint> d, bool signed = false)
        {
            if (Avx2.IsSupported)
            {
                // One widening load per vector (vpmovsxbd/vpmovzxbd ymm, m64): the Widen chain of one 32-byte load costs
                // nine shuffles on the one shuffle port, and keeps four wide registers live before the first decode.
                a = Widen8(ref source, signed);
                b = Widen8(ref Unsafe.Add(ref source, 8), signed);
                c = Widen8(ref Unsafe.Add(ref source, 16), signed);
                d = Widen8(ref Unsafe.Add(ref source, 24), signed);
            }
            else if (signed)
            {
                (Vector256<short> low, Vector256<short> high) = Vector256.Widen(Vector256.LoadUnsafe(ref Unsafe.As<byte, sbyte>(ref source)));
                (Vector256<int> a32, Vector256<int> b32) = Vector256.Widen(low);
                (Vector256<int> c32, Vector256<int> d32) = Vector256.Widen(high);
                (a, b, c, d) = (a32.AsUInt32(), b32.AsUInt32(), c32.AsUInt32(), d32.AsUInt32());
            }
            else
            {
                (Vector256<ushort> low, Vector256<ushort> high) = Vector256.Widen(Vector256.LoadUnsafe(ref source));
                (a, b) = Vector256.Widen(low);
                (c, d) = Vector256.Widen(high);
            }
        }

        /// <summary>The eight 4-bit codes of four bytes (low nibble first), one per 32-bit lane.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector256<uint> Nibbles(ref byte source)
            => Avx2.ShiftRightLogicalVariable(Vector256.Create(Unsafe.ReadUnaligned<uint>(ref source)), Vector256.Create(0U, 4, 8, 12, 16, 20, 24, 28))
                & Vector256.Create(0xFU);

        /// <summary>Eight bytes widened to 32-bit lanes in one instruction whose load reads exactly those bytes.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector256<uint> Widen8(ref byte source, bool signed)
        {
            Vector128<byte> eight = Vector128.CreateScalarUnsafe(Unsafe.ReadUnaligned<ulong>(ref source)).AsByte();
            return signed ? Avx2.ConvertToVector256Int32(eight.AsSByte()).AsUInt32() : Avx2.ConvertToVector256Int32(eight).AsUInt32();
        }

        /// <summary>Eight 16-bit codes widened to 32-bit lanes in one instruction (vpmovsxwd/vpmovzxwd ymm, m128).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector256<uint> Widen16(ref byte source, bool signed)
        {
            Vector128<ushort> eight = Vector128.LoadUnsafe(ref Unsafe.As<byte, ushort>(ref source));
            return signed ? Avx2.ConvertToVector256Int32(eight.AsInt16()).AsUInt32() : Avx2.ConvertToVector256Int32(eight).AsUInt32();
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void LoadWiden16(ref byte source, out Vector256<uint> a, out Vector256<uint> b, bool signed = false)
        {
            if (Avx2.IsSupported)
            {
                a = Widen16(ref source, signed);
                b = Widen16(ref Unsafe.Add(ref source, 16), signed);
            }
            else if (signed)
            {
                (Vector256<int> a32, Vector256<int> b32) = Vector256.Widen(Vector256.LoadUnsafe(ref Unsafe.As<byte, short>(ref source)));
                (a, b) = (a32.AsUInt32(), b32.AsUInt32());
            }
            else
            {
                (a, b) = Vector256.Widen(Vector256.LoadUnsafe(ref Unsafe.As<byte, ushort>(ref source)));
            }
        }
    }

    /// <summary>Vector512 of 32-bit lanes.</summary>
    internal readonly unsafe struct Vector512x32 : ISimd32<Vector512<uint>>
    {
        public static bool IsHardwareAccelerated => Vector512.IsHardwareAccelerated;

        public static int Count => Vector512<uint>.Count;

        public static int LaneBits => 32;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<uint> Create(ulong value) => Vector512.Create((uint)value);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<uint> Indices(int start) => Vector512<uint>.Indices + Vector512.Create((uint)start);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<uint> Load(ref byte source) => Vector512.LoadUnsafe(ref Unsafe.As<byte, uint>(ref source));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Store(Vector512<uint> value, ref byte destination) => value.StoreUnsafe(ref Unsafe.As<byte, uint>(ref destination));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<uint> Add(Vector512<uint> a, Vector512<uint> b) => a + b;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<uint> Subtract(Vector512<uint> a, Vector512<uint> b) => a - b;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<uint> Multiply(Vector512<uint> a, Vector512<uint> b) => a * b;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<uint> And(Vector512<uint> a, Vector512<uint> b) => a & b;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<uint> Or(Vector512<uint> a, Vector512<uint> b) => a | b;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<uint> Xor(Vector512<uint> a, Vector512<uint> b) => a ^ b;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<uint> AndNot(Vector512<uint> a, Vector512<uint> b) => Vector512.AndNot(a, b);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<uint> ShiftRight(Vector512<uint> a, int count) => Vector512.ShiftRightLogical(a, count);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<uint> ShiftLeft(Vector512<uint> a, int count) => Vector512.ShiftLeft(a, count);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<uint> Equal(Vector512<uint> a, Vector512<uint> b) => Vector512.Equals(a, b);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<uint> GreaterThan(Vector512<uint> a, Vector512<uint> b) => Vector512.GreaterThan(a.AsInt32(), b.AsInt32()).AsUInt32();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<uint> Min(Vector512<uint> a, Vector512<uint> b) => Vector512.Min(a.AsInt32(), b.AsInt32()).AsUInt32();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<uint> Select(Vector512<uint> mask, Vector512<uint> a, Vector512<uint> b) => Vector512.ConditionalSelect(mask, a, b);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool Any(Vector512<uint> mask) => mask != Vector512<uint>.Zero;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<uint> FAdd(Vector512<uint> a, Vector512<uint> b) => (a.AsSingle() + b.AsSingle()).AsUInt32();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<uint> FSubtract(Vector512<uint> a, Vector512<uint> b) => (a.AsSingle() - b.AsSingle()).AsUInt32();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<uint> FMultiply(Vector512<uint> a, Vector512<uint> b) => (a.AsSingle() * b.AsSingle()).AsUInt32();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<uint> FFloor(Vector512<uint> a) => Vector512.Floor(a.AsSingle()).AsUInt32();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<uint> FGreaterThan(Vector512<uint> a, Vector512<uint> b) => Vector512.GreaterThan(a.AsSingle(), b.AsSingle()).AsUInt32();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<uint> FEqual(Vector512<uint> a, Vector512<uint> b) => Vector512.Equals(a.AsSingle(), b.AsSingle()).AsUInt32();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<uint> IntToF(Vector512<uint> a) => Vector512.ConvertToSingle(a.AsInt32()).AsUInt32();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<uint> FToInt(Vector512<uint> a) => Vector512.ConvertToInt32Native(a.AsSingle()).AsUInt32();

        /// <summary>The low bytes of four vectors, in order, stored as one vector (see <see cref="LowBytes"/>).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void StoreNarrow8(Vector512<uint> a, Vector512<uint> b, Vector512<uint> c, Vector512<uint> d, ref byte destination, bool streaming = false)
            => Store(LowBytes(a, b, c, d), ref destination, streaming);

        /// <summary>
        /// The low bytes of four vectors, in order. AVX-512 shuffles run on one port, so the count of shuffles is the
        /// cost: with VBMI two two-table byte permutes and one insert (three); with BW the lanes masked to their low
        /// byte (so the saturating packs truncate, as a narrow does), three packs within 128-bit lanes and one dword
        /// permute back into order (four); else four truncating narrows, two more and three inserts (about fifteen).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector512<byte> LowBytes(Vector512<uint> a, Vector512<uint> b, Vector512<uint> c, Vector512<uint> d)
        {
            if (Avx512Vbmi.IsSupported)
            {
                // Byte j of the first 32 is byte 4j of the two tables (the low byte of dword j of a, then of b), written
                // as 16 dwords: a constant in JIT and AOT code alike (a static readonly field is one only under the JIT;
                // Native AOT cannot compute a vector while compiling, so it loaded it per block behind a class check).
                Vector512<byte> indices = Vector512.Create(
                    0x0C08_0400U, 0x1C18_1410, 0x2C28_2420, 0x3C38_3430, 0x4C48_4440, 0x5C58_5450, 0x6C68_6460, 0x7C78_7470,
                    0, 0, 0, 0, 0, 0, 0, 0).AsByte();
                Vector512<byte> ab = Avx512Vbmi.PermuteVar64x8x2(a.AsByte(), indices, b.AsByte());
                Vector512<byte> cd = Avx512Vbmi.PermuteVar64x8x2(c.AsByte(), indices, d.AsByte());
                return ab.GetLower().ToVector512Unsafe().WithUpper(cd.GetLower());
            }

            if (Avx512BW.IsSupported)
            {
                Vector512<uint> mask = Vector512.Create(0xFFU);
                Vector512<short> ab = Avx512BW.PackSignedSaturate((a & mask).AsInt32(), (b & mask).AsInt32());
                Vector512<short> cd = Avx512BW.PackSignedSaturate((c & mask).AsInt32(), (d & mask).AsInt32());
                Vector512<byte> packed = Avx512BW.PackUnsignedSaturate(ab, cd);

                // Per 128-bit lane the packs give four bytes of each of a, b, c, d: gather the dwords a0..a3 b0..b3 c0..c3 d0..d3.
                return Avx512F.PermuteVar16x32(packed.AsInt32(), Vector512.Create(0, 4, 8, 12, 1, 5, 9, 13, 2, 6, 10, 14, 3, 7, 11, 15)).AsByte();
            }

            return Vector512.Narrow(Vector512.Narrow(a, b), Vector512.Narrow(c, d));
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void StoreNarrow8Half(Vector512<uint> a, Vector512<uint> b, ref byte destination, bool streaming = false)
        {
            Vector512<ushort> words = Vector512.Narrow(a, b);
            Vector256<byte> bytes = Vector256.Narrow(words.GetLower(), words.GetUpper());
            if (streaming)
            {
                bytes.StoreAlignedNonTemporal((byte*)Unsafe.AsPointer(ref destination));
            }
            else
            {
                bytes.StoreUnsafe(ref destination);
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void StorePackedNibbles(Vector512<uint> a, Vector512<uint> b, Vector512<uint> c, Vector512<uint> d, ref byte destination, bool streaming = false)
        {
            // The codes in order, one per byte; each ushort then folds its high byte's code into its low byte's top nibble.
            Vector512<ushort> pairs = LowBytes(a, b, c, d).AsUInt16();
            pairs = (pairs & Vector512.Create((ushort)0x000F)) | (Vector512.ShiftRightLogical(pairs, 4) & Vector512.Create((ushort)0x00F0));
            Vector256<byte> bytes = Avx512BW.IsSupported ? Avx512BW.ConvertToVector256Byte(pairs) : Vector256.Narrow(pairs.GetLower(), pairs.GetUpper());
            if (streaming)
            {
                bytes.StoreAlignedNonTemporal((byte*)Unsafe.AsPointer(ref destination));
            }
            else
            {
                bytes.StoreUnsafe(ref destination);
            }
        }

        /// <summary>
        /// The low words of two vectors, in order. With BW the lanes masked to their low word (so the saturating pack
        /// truncates), one pack within 128-bit lanes and one qword permute into order: two shuffles where two
        /// truncating narrows and an insert take five. (A two-table word permute, vpermt2w, is three shuffle
        /// operations: BFloat16's float encode went from about 37 to 67 µs per MiB with it.)
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void StoreNarrow16(Vector512<uint> a, Vector512<uint> b, ref byte destination, bool streaming = false)
        {
            if (Avx512BW.IsSupported)
            {
                // Lanes hold codes below 2^16 (the contract): an unsigned-saturating pack is the truncating narrow
                // without its masks, as on AVX2.
                Vector512<ushort> packed = Avx512BW.PackUnsignedSaturate(a.AsInt32(), b.AsInt32());
                Store(Avx512F.PermuteVar8x64(packed.AsInt64(), Vector512.Create(0L, 2, 4, 6, 1, 3, 5, 7)).AsByte(), ref destination, streaming);
                return;
            }

            Store(Vector512.Narrow(a, b).AsByte(), ref destination, streaming);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Store(Vector512<uint> value, ref byte destination, bool streaming) => Store(value.AsByte(), ref destination, streaming);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Store(Vector512<byte> value, ref byte destination, bool streaming)
        {
            if (streaming)
            {
                // Only for pinned memory aligned to the vector (BlockLoop): non-temporal stores skip the cache.
                value.StoreAlignedNonTemporal((byte*)Unsafe.AsPointer(ref destination));
            }
            else
            {
                value.StoreUnsafe(ref destination);
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void LoadWidenNibbles(ref byte source, out Vector512<uint> a, out Vector512<uint> b, out Vector512<uint> c, out Vector512<uint> d)
        {
            if (Avx512F.IsSupported)
            {
                // Eight bytes, their two dwords spread over the lanes (one vpermd), lane i shifted right by 4(i mod 8).
                a = Nibbles(ref source);
                b = Nibbles(ref Unsafe.Add(ref source, 8));
                c = Nibbles(ref Unsafe.Add(ref source, 16));
                d = Nibbles(ref Unsafe.Add(ref source, 24));
                return;
            }

            // Each byte widened to a ushort, its high nibble moved to the ushort's high byte: the bytes are then the
            // codes in element order.
            Vector512<ushort> pairs = Vector512.WidenLower(Vector256.LoadUnsafe(ref source).ToVector512Unsafe());
            pairs = (pairs & Vector512.Create((ushort)0x000F)) | (Vector512.ShiftLeft(pairs, 4) & Vector512.Create((ushort)0x0F00));
            (Vector512<ushort> low, Vector512<ushort> high) = Vector512.Widen(pairs.AsByte());
            (a, b) = Vector512.Widen(low);
            (c, d) = Vector512.Widen(high);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void LoadWiden8(ref byte source, out Vector512<uint> a, out Vector512<uint> b, out Vector512<uint> c, out Vector512<uint> d, bool signed = false)
        {
            if (Avx512F.IsSupported)
            {
                // One widening load per vector (vpmovsxbd/vpmovzxbd zmm, m128), as Vector256x32 does.
                a = Widen8(ref source, signed);
                b = Widen8(ref Unsafe.Add(ref source, 16), signed);
                c = Widen8(ref Unsafe.Add(ref source, 32), signed);
                d = Widen8(ref Unsafe.Add(ref source, 48), signed);
            }
            else if (signed)
            {
                (Vector512<short> low, Vector512<short> high) = Vector512.Widen(Vector512.LoadUnsafe(ref Unsafe.As<byte, sbyte>(ref source)));
                (Vector512<int> a32, Vector512<int> b32) = Vector512.Widen(low);
                (Vector512<int> c32, Vector512<int> d32) = Vector512.Widen(high);
                (a, b, c, d) = (a32.AsUInt32(), b32.AsUInt32(), c32.AsUInt32(), d32.AsUInt32());
            }
            else
            {
                (Vector512<ushort> low, Vector512<ushort> high) = Vector512.Widen(Vector512.LoadUnsafe(ref source));
                (a, b) = Vector512.Widen(low);
                (c, d) = Vector512.Widen(high);
            }
        }

        /// <summary>The sixteen 4-bit codes of eight bytes (low nibble first), one per 32-bit lane.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector512<uint> Nibbles(ref byte source)
        {
            Vector512<uint> eight = Vector128.CreateScalarUnsafe(Unsafe.ReadUnaligned<ulong>(ref source)).AsUInt32().ToVector256Unsafe().ToVector512Unsafe();
            Vector512<uint> spread = Avx512F.PermuteVar16x32(eight, Vector512.Create(0U, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1));
            return Avx512F.ShiftRightLogicalVariable(spread, Vector512.Create(0U, 4, 8, 12, 16, 20, 24, 28, 0, 4, 8, 12, 16, 20, 24, 28)) & Vector512.Create(0xFU);
        }

        /// <summary>Sixteen bytes widened to 32-bit lanes in one instruction (vpmovsxbd/vpmovzxbd zmm, m128).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector512<uint> Widen8(ref byte source, bool signed)
        {
            Vector128<byte> sixteen = Vector128.LoadUnsafe(ref source);
            return signed ? Avx512F.ConvertToVector512Int32(sixteen.AsSByte()).AsUInt32() : Avx512F.ConvertToVector512Int32(sixteen).AsUInt32();
        }

        /// <summary>Sixteen 16-bit codes widened to 32-bit lanes in one instruction (vpmovsxwd/vpmovzxwd zmm, m256).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector512<uint> Widen16(ref byte source, bool signed)
        {
            Vector256<ushort> sixteen = Vector256.LoadUnsafe(ref Unsafe.As<byte, ushort>(ref source));
            return signed ? Avx512F.ConvertToVector512Int32(sixteen.AsInt16()).AsUInt32() : Avx512F.ConvertToVector512Int32(sixteen).AsUInt32();
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void LoadWiden16(ref byte source, out Vector512<uint> a, out Vector512<uint> b, bool signed = false)
        {
            if (Avx512F.IsSupported)
            {
                a = Widen16(ref source, signed);
                b = Widen16(ref Unsafe.Add(ref source, 32), signed);
            }
            else if (signed)
            {
                (Vector512<int> a32, Vector512<int> b32) = Vector512.Widen(Vector512.LoadUnsafe(ref Unsafe.As<byte, short>(ref source)));
                (a, b) = (a32.AsUInt32(), b32.AsUInt32());
            }
            else
            {
                (a, b) = Vector512.Widen(Vector512.LoadUnsafe(ref Unsafe.As<byte, ushort>(ref source)));
            }
        }
    }

    /// <summary>Vector128 of 64-bit lanes (double sources and targets).</summary>
    internal readonly struct Vector128x64 : ISimd64<Vector128<ulong>, Vector128<uint>>
    {
        public static bool IsHardwareAccelerated => Vector128.IsHardwareAccelerated;

        public static int Count => Vector128<ulong>.Count;

        public static int LaneBits => 64;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<ulong> Create(ulong value) => Vector128.Create(value);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<ulong> Indices(int start) => Vector128<ulong>.Indices + Vector128.Create((ulong)start);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<ulong> Load(ref byte source) => Vector128.LoadUnsafe(ref Unsafe.As<byte, ulong>(ref source));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Store(Vector128<ulong> value, ref byte destination) => value.StoreUnsafe(ref Unsafe.As<byte, ulong>(ref destination));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<ulong> Add(Vector128<ulong> a, Vector128<ulong> b) => a + b;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<ulong> Subtract(Vector128<ulong> a, Vector128<ulong> b) => a - b;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<ulong> Multiply(Vector128<ulong> a, Vector128<ulong> b) => a * b;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<ulong> And(Vector128<ulong> a, Vector128<ulong> b) => a & b;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<ulong> Or(Vector128<ulong> a, Vector128<ulong> b) => a | b;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<ulong> Xor(Vector128<ulong> a, Vector128<ulong> b) => a ^ b;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<ulong> AndNot(Vector128<ulong> a, Vector128<ulong> b) => Vector128.AndNot(a, b);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<ulong> ShiftRight(Vector128<ulong> a, int count) => Vector128.ShiftRightLogical(a, count);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<ulong> ShiftLeft(Vector128<ulong> a, int count) => Vector128.ShiftLeft(a, count);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<ulong> Equal(Vector128<ulong> a, Vector128<ulong> b) => Vector128.Equals(a, b);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<ulong> GreaterThan(Vector128<ulong> a, Vector128<ulong> b) => Vector128.GreaterThan(a.AsInt64(), b.AsInt64()).AsUInt64();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<ulong> Min(Vector128<ulong> a, Vector128<ulong> b) => Vector128.Min(a.AsInt64(), b.AsInt64()).AsUInt64();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<ulong> Select(Vector128<ulong> mask, Vector128<ulong> a, Vector128<ulong> b) => Vector128.ConditionalSelect(mask, a, b);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool Any(Vector128<ulong> mask) => mask != Vector128<ulong>.Zero;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<ulong> FAdd(Vector128<ulong> a, Vector128<ulong> b) => (a.AsDouble() + b.AsDouble()).AsUInt64();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<ulong> FSubtract(Vector128<ulong> a, Vector128<ulong> b) => (a.AsDouble() - b.AsDouble()).AsUInt64();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<ulong> FMultiply(Vector128<ulong> a, Vector128<ulong> b) => (a.AsDouble() * b.AsDouble()).AsUInt64();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<ulong> FFloor(Vector128<ulong> a) => Vector128.Floor(a.AsDouble()).AsUInt64();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<ulong> FGreaterThan(Vector128<ulong> a, Vector128<ulong> b) => Vector128.GreaterThan(a.AsDouble(), b.AsDouble()).AsUInt64();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<ulong> FEqual(Vector128<ulong> a, Vector128<ulong> b) => Vector128.Equals(a.AsDouble(), b.AsDouble()).AsUInt64();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<ulong> IntToF(Vector128<ulong> a) => Vector128.ConvertToDouble(a.AsInt64()).AsUInt64();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<ulong> FToInt(Vector128<ulong> a) => Vector128.ConvertToInt64Native(a.AsDouble()).AsUInt64();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<uint> NarrowTo32(Vector128<ulong> a, Vector128<ulong> b) => Vector128.Narrow(a, b);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void WidenSingleToDouble(Vector128<uint> singles, out Vector128<ulong> low, out Vector128<ulong> high)
        {
            (Vector128<double> l, Vector128<double> h) = Vector128.Widen(singles.AsSingle());
            low = l.AsUInt64();
            high = h.AsUInt64();
        }
    }

    /// <summary>Vector256 of 64-bit lanes (double sources and targets).</summary>
    internal readonly struct Vector256x64 : ISimd64<Vector256<ulong>, Vector256<uint>>
    {
        public static bool IsHardwareAccelerated => Vector256.IsHardwareAccelerated;

        public static int Count => Vector256<ulong>.Count;

        public static int LaneBits => 64;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<ulong> Create(ulong value) => Vector256.Create(value);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<ulong> Indices(int start) => Vector256<ulong>.Indices + Vector256.Create((ulong)start);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<ulong> Load(ref byte source) => Vector256.LoadUnsafe(ref Unsafe.As<byte, ulong>(ref source));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Store(Vector256<ulong> value, ref byte destination) => value.StoreUnsafe(ref Unsafe.As<byte, ulong>(ref destination));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<ulong> Add(Vector256<ulong> a, Vector256<ulong> b) => a + b;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<ulong> Subtract(Vector256<ulong> a, Vector256<ulong> b) => a - b;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<ulong> Multiply(Vector256<ulong> a, Vector256<ulong> b) => a * b;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<ulong> And(Vector256<ulong> a, Vector256<ulong> b) => a & b;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<ulong> Or(Vector256<ulong> a, Vector256<ulong> b) => a | b;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<ulong> Xor(Vector256<ulong> a, Vector256<ulong> b) => a ^ b;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<ulong> AndNot(Vector256<ulong> a, Vector256<ulong> b) => Vector256.AndNot(a, b);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<ulong> ShiftRight(Vector256<ulong> a, int count) => Vector256.ShiftRightLogical(a, count);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<ulong> ShiftLeft(Vector256<ulong> a, int count) => Vector256.ShiftLeft(a, count);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<ulong> Equal(Vector256<ulong> a, Vector256<ulong> b) => Vector256.Equals(a, b);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<ulong> GreaterThan(Vector256<ulong> a, Vector256<ulong> b) => Vector256.GreaterThan(a.AsInt64(), b.AsInt64()).AsUInt64();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<ulong> Min(Vector256<ulong> a, Vector256<ulong> b) => Vector256.Min(a.AsInt64(), b.AsInt64()).AsUInt64();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<ulong> Select(Vector256<ulong> mask, Vector256<ulong> a, Vector256<ulong> b) => Vector256.ConditionalSelect(mask, a, b);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool Any(Vector256<ulong> mask) => mask != Vector256<ulong>.Zero;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<ulong> FAdd(Vector256<ulong> a, Vector256<ulong> b) => (a.AsDouble() + b.AsDouble()).AsUInt64();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<ulong> FSubtract(Vector256<ulong> a, Vector256<ulong> b) => (a.AsDouble() - b.AsDouble()).AsUInt64();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<ulong> FMultiply(Vector256<ulong> a, Vector256<ulong> b) => (a.AsDouble() * b.AsDouble()).AsUInt64();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<ulong> FFloor(Vector256<ulong> a) => Vector256.Floor(a.AsDouble()).AsUInt64();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<ulong> FGreaterThan(Vector256<ulong> a, Vector256<ulong> b) => Vector256.GreaterThan(a.AsDouble(), b.AsDouble()).AsUInt64();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<ulong> FEqual(Vector256<ulong> a, Vector256<ulong> b) => Vector256.Equals(a.AsDouble(), b.AsDouble()).AsUInt64();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<ulong> IntToF(Vector256<ulong> a) => Vector256.ConvertToDouble(a.AsInt64()).AsUInt64();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<ulong> FToInt(Vector256<ulong> a) => Vector256.ConvertToInt64Native(a.AsDouble()).AsUInt64();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<uint> NarrowTo32(Vector256<ulong> a, Vector256<ulong> b) => Vector256.Narrow(a, b);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void WidenSingleToDouble(Vector256<uint> singles, out Vector256<ulong> low, out Vector256<ulong> high)
        {
            (Vector256<double> l, Vector256<double> h) = Vector256.Widen(singles.AsSingle());
            low = l.AsUInt64();
            high = h.AsUInt64();
        }
    }

    /// <summary>Vector512 of 64-bit lanes (double sources and targets).</summary>
    internal readonly struct Vector512x64 : ISimd64<Vector512<ulong>, Vector512<uint>>
    {
        public static bool IsHardwareAccelerated => Vector512.IsHardwareAccelerated;

        public static int Count => Vector512<ulong>.Count;

        public static int LaneBits => 64;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<ulong> Create(ulong value) => Vector512.Create(value);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<ulong> Indices(int start) => Vector512<ulong>.Indices + Vector512.Create((ulong)start);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<ulong> Load(ref byte source) => Vector512.LoadUnsafe(ref Unsafe.As<byte, ulong>(ref source));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Store(Vector512<ulong> value, ref byte destination) => value.StoreUnsafe(ref Unsafe.As<byte, ulong>(ref destination));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<ulong> Add(Vector512<ulong> a, Vector512<ulong> b) => a + b;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<ulong> Subtract(Vector512<ulong> a, Vector512<ulong> b) => a - b;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<ulong> Multiply(Vector512<ulong> a, Vector512<ulong> b) => a * b;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<ulong> And(Vector512<ulong> a, Vector512<ulong> b) => a & b;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<ulong> Or(Vector512<ulong> a, Vector512<ulong> b) => a | b;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<ulong> Xor(Vector512<ulong> a, Vector512<ulong> b) => a ^ b;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<ulong> AndNot(Vector512<ulong> a, Vector512<ulong> b) => Vector512.AndNot(a, b);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<ulong> ShiftRight(Vector512<ulong> a, int count) => Vector512.ShiftRightLogical(a, count);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<ulong> ShiftLeft(Vector512<ulong> a, int count) => Vector512.ShiftLeft(a, count);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<ulong> Equal(Vector512<ulong> a, Vector512<ulong> b) => Vector512.Equals(a, b);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<ulong> GreaterThan(Vector512<ulong> a, Vector512<ulong> b) => Vector512.GreaterThan(a.AsInt64(), b.AsInt64()).AsUInt64();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<ulong> Min(Vector512<ulong> a, Vector512<ulong> b) => Vector512.Min(a.AsInt64(), b.AsInt64()).AsUInt64();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<ulong> Select(Vector512<ulong> mask, Vector512<ulong> a, Vector512<ulong> b) => Vector512.ConditionalSelect(mask, a, b);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool Any(Vector512<ulong> mask) => mask != Vector512<ulong>.Zero;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<ulong> FAdd(Vector512<ulong> a, Vector512<ulong> b) => (a.AsDouble() + b.AsDouble()).AsUInt64();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<ulong> FSubtract(Vector512<ulong> a, Vector512<ulong> b) => (a.AsDouble() - b.AsDouble()).AsUInt64();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<ulong> FMultiply(Vector512<ulong> a, Vector512<ulong> b) => (a.AsDouble() * b.AsDouble()).AsUInt64();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<ulong> FFloor(Vector512<ulong> a) => Vector512.Floor(a.AsDouble()).AsUInt64();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<ulong> FGreaterThan(Vector512<ulong> a, Vector512<ulong> b) => Vector512.GreaterThan(a.AsDouble(), b.AsDouble()).AsUInt64();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<ulong> FEqual(Vector512<ulong> a, Vector512<ulong> b) => Vector512.Equals(a.AsDouble(), b.AsDouble()).AsUInt64();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<ulong> IntToF(Vector512<ulong> a) => Vector512.ConvertToDouble(a.AsInt64()).AsUInt64();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<ulong> FToInt(Vector512<ulong> a) => Vector512.ConvertToInt64Native(a.AsDouble()).AsUInt64();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<uint> NarrowTo32(Vector512<ulong> a, Vector512<ulong> b) => Vector512.Narrow(a, b);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void WidenSingleToDouble(Vector512<uint> singles, out Vector512<ulong> low, out Vector512<ulong> high)
        {
            (Vector512<double> l, Vector512<double> h) = Vector512.Widen(singles.AsSingle());
            low = l.AsUInt64();
            high = h.AsUInt64();
        }
    }
}
