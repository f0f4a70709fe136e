// The lane operations of kernels that work on 16-bit codes in 16-bit lanes (no widening to 32 bits), once per vector
// width, as SimdOps.cs does for 32- and 64-bit lanes: each struct forwards to Vector128/256/512 and the JIT inlines it.
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NumForge.CompilerServices.Spans
{
    /// <summary>Integer operations on the 16-bit lanes of one vector type.</summary>
    internal interface ISimd16<TV>
        where TV : struct
    {
        static abstract bool IsHardwareAccelerated { get; }

        /// <summary>Gets the lanes per vector.</summary>
        static abstract int Count { get; }

        static abstract TV Create(ushort value);

        static abstract TV Load(ref byte source);

        /// <summary>Stores one vector; <paramref name="streaming"/> stores non-temporally to pinned, vector-aligned memory.</summary>
        static abstract void Store(TV value, ref byte destination, bool streaming);

        static abstract TV Add(TV a, TV b);

        static abstract TV Subtract(TV a, TV b);

        static abstract TV And(TV a, TV b);

        static abstract TV Or(TV a, TV b);

        /// <summary>a &amp; ~b.</summary>
        static abstract TV AndNot(TV a, TV b);

        static abstract TV ShiftRightLogical(TV a, int count);

        static abstract TV ShiftRightArithmetic(TV a, int count);

        static abstract TV Equal(TV a, TV b);

        /// <summary>Signed comparison.</summary>
        static abstract TV GreaterThan(TV a, TV b);

        static abstract TV Select(TV mask, TV a, TV b);

        /// <summary>
        /// Per lane, the low 16 bits of the bits of <c>(float)lane</c> shifted right by 13 (lanes below 2^15): the
        /// exponent and top ten mantissa bits of the lane's value as a float, by one int-to-float conversion of the
        /// even and one of the odd lanes in 32-bit lanes.
        /// </summary>
        static abstract TV SingleFields(TV a);
    }

    /// <summary>Vector128 of 16-bit lanes.</summary>
    internal readonly struct Vector128x16 : ISimd16<Vector128<ushort>>
    {
        public static bool IsHardwareAccelerated => Vector128.IsHardwareAccelerated;

        public static int Count => Vector128<ushort>.Count;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<ushort> Create(ushort value) => Vector128.Create(value);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<ushort> Load(ref byte source) => Vector128.LoadUnsafe(ref Unsafe.As<byte, ushort>(ref source));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Store(Vector128<ushort> value, ref byte destination, bool streaming) => Vector128x32.Store(value.AsUInt32(), ref destination, streaming);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<ushort> Add(Vector128<ushort> a, Vector128<ushort> b) => a + b;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<ushort> Subtract(Vector128<ushort> a, Vector128<ushort> b) => a - b;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<ushort> And(Vector128<ushort> a, Vector128<ushort> b) => a & b;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<ushort> Or(Vector128<ushort> a, Vector128<ushort> b) => a | b;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<ushort> AndNot(Vector128<ushort> a, Vector128<ushort> b) => Vector128.AndNot(a, b);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<ushort> ShiftRightLogical(Vector128<ushort> a, int count) => Vector128.ShiftRightLogical(a, count);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<ushort> ShiftRightArithmetic(Vector128<ushort> a, int count) => Vector128.ShiftRightArithmetic(a.AsInt16(), count).AsUInt16();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<ushort> Equal(Vector128<ushort> a, Vector128<ushort> b) => Vector128.Equals(a, b);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<ushort> GreaterThan(Vector128<ushort> a, Vector128<ushort> b) => Vector128.GreaterThan(a.AsInt16(), b.AsInt16()).AsUInt16();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<ushort> Select(Vector128<ushort> mask, Vector128<ushort> a, Vector128<ushort> b) => Vector128.ConditionalSelect(mask, a, b);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<ushort> SingleFields(Vector128<ushort> a)
        {
            Vector128<uint> pairs = a.AsUInt32();
            Vector128<uint> even = Vector128.ConvertToSingle((pairs & Vector128.Create(0xFFFFu)).AsInt32()).AsUInt32() >> 13;
            Vector128<uint> odd = Vector128.ConvertToSingle((pairs >> 16).AsInt32()).AsUInt32() << 3;
            return Vector128.ConditionalSelect(Vector128.Create(0xFFFFu), even, odd).AsUInt16();
        }
    }

    /// <summary>Vector256 of 16-bit lanes.</summary>
    internal readonly struct Vector256x16 : ISimd16<Vector256<ushort>>
    {
        public static bool IsHardwareAccelerated => Vector256.IsHardwareAccelerated;

        public static int Count => Vector256<ushort>.Count;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<ushort> Create(ushort value) => Vector256.Create(value);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<ushort> Load(ref byte source) => Vector256.LoadUnsafe(ref Unsafe.As<byte, ushort>(ref source));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Store(Vector256<ushort> value, ref byte destination, bool streaming) => Vector256x32.Store(value.AsUInt32(), ref destination, streaming);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<ushort> Add(Vector256<ushort> a, Vector256<ushort> b) => a + b;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<ushort> Subtract(Vector256<ushort> a, Vector256<ushort> b) => a - b;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<ushort> And(Vector256<ushort> a, Vector256<ushort> b) => a & b;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<ushort> Or(Vector256<ushort> a, Vector256<ushort> b) => a | b;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<ushort> AndNot(Vector256<ushort> a, Vector256<ushort> b) => Vector256.AndNot(a, b);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<ushort> ShiftRightLogical(Vector256<ushort> a, int count) => Vector256.ShiftRightLogical(a, count);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<ushort> ShiftRightArithmetic(Vector256<ushort> a, int count) => Vector256.ShiftRightArithmetic(a.AsInt16(), count).AsUInt16();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<ushort> Equal(Vector256<ushort> a, Vector256<ushort> b) => Vector256.Equals(a, b);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<ushort> GreaterThan(Vector256<ushort> a, Vector256<ushort> b) => Vector256.GreaterThan(a.AsInt16(), b.AsInt16()).AsUInt16();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<ushort> Select(Vector256<ushort> mask, Vector256<ushort> a, Vector256<ushort> b) => Vector256.ConditionalSelect(mask, a, b);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<ushort> SingleFields(Vector256<ushort> a)
        {
            Vector256<uint> pairs = a.AsUInt32();
            Vector256<uint> even = Vector256.ConvertToSingle((pairs & Vector256.Create(0xFFFFu)).AsInt32()).AsUInt32() >> 13;
            Vector256<uint> odd = Vector256.ConvertToSingle((pairs >> 16).AsInt32()).AsUInt32() << 3;
            return Vector256.ConditionalSelect(Vector256.Create(0xFFFFu), even, odd).AsUInt16();
        }
    }

    /// <summary>Vector512 of 16-bit lanes.</summary>
    internal readonly struct Vector512x16 : ISimd16<Vector512<ushort>>
    {
        public static bool IsHardwareAccelerated => Vector512.IsHardwareAccelerated;

        public static int Count => Vector512<ushort>.Count;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<ushort> Create(ushort value) => Vector512.Create(value);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<ushort> Load(ref byte source) => Vector512.LoadUnsafe(ref Unsafe.As<byte, ushort>(ref source));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Store(Vector512<ushort> value, ref byte destination, bool streaming) => Vector512x32.Store(value.AsUInt32(), ref destination, streaming);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<ushort> Add(Vector512<ushort> a, Vector512<ushort> b) => a + b;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<ushort> Subtract(Vector512<ushort> a, Vector512<ushort> b) => a - b;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<ushort> And(Vector512<ushort> a, Vector512<ushort> b) => a & b;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<ushort> Or(Vector512<ushort> a, Vector512<ushort> b) => a | b;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<ushort> AndNot(Vector512<ushort> a, Vector512<ushort> b) => Vector512.AndNot(a, b);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<ushort> ShiftRightLogical(Vector512<ushort> a, int count) => Vector512.ShiftRightLogical(a, count);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<ushort> ShiftRightArithmetic(Vector512<ushort> a, int count) => Vector512.ShiftRightArithmetic(a.AsInt16(), count).AsUInt16();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<ushort> Equal(Vector512<ushort> a, Vector512<ushort> b) => Vector512.Equals(a, b);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<ushort> GreaterThan(Vector512<ushort> a, Vector512<ushort> b) => Vector512.GreaterThan(a.AsInt16(), b.AsInt16()).AsUInt16();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<ushort> Select(Vector512<ushort> mask, Vector512<ushort> a, Vector512<ushort> b) => Vector512.ConditionalSelect(mask, a, b);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<ushort> SingleFields(Vector512<ushort> a)
        {
            Vector512<uint> pairs = a.AsUInt32();
            Vector512<uint> even = Vector512.ConvertToSingle((pairs & Vector512.Create(0xFFFFu)).AsInt32()).AsUInt32() >> 13;
            Vector512<uint> odd = Vector512.ConvertToSingle((pairs >> 16).AsInt32()).AsUInt32() << 3;
            return Vector512.ConditionalSelect(Vector512.Create(0xFFFFu), even, odd).AsUInt16();
        }
    }
}
