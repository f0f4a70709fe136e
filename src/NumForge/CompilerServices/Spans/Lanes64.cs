// Operations on 64-bit lanes that ISimd<TV> does not have: 32-bit codes widened into them and narrowed out of them,
// a shift whose count differs per lane, and the fused multiply-add of double lanes. Each picks the instruction of its
// width by a type test the JIT folds away (the pattern of PositLaneArithmetic's NarrowToSingle).
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NumForge.CompilerServices.Spans
{
    /// <summary>Per-lane shifts, 32-bit loads and stores, and FMA for the 64-bit lanes of <see cref="Vector128x64"/>, <see cref="Vector256x64"/> and <see cref="Vector512x64"/>.</summary>
    internal static class Lanes64
    {
        /// <summary>Loads one vector's count of uints, each zero-extended into a 64-bit lane.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static TV LoadWiden32<TV>(ref byte source)
            where TV : struct
        {
            if (typeof(TV) == typeof(Vector512<ulong>))
            {
                Vector256<uint> codes = Vector256.LoadUnsafe(ref Unsafe.As<byte, uint>(ref source));
                return Unsafe.BitCast<Vector512<ulong>, TV>(Avx512F.IsSupported ? Avx512F.ConvertToVector512UInt64(codes) : Vector512.WidenLower(codes.ToVector512Unsafe()));
            }

            if (typeof(TV) == typeof(Vector256<ulong>))
            {
                Vector128<uint> codes = Vector128.LoadUnsafe(ref Unsafe.As<byte, uint>(ref source));
                return Unsafe.BitCast<Vector256<ulong>, TV>(Avx2.IsSupported ? Avx2.ConvertToVector256Int64(codes).AsUInt64() : Vector256.WidenLower(codes.ToVector256Unsafe()));
            }

            Vector128<uint> pair = Vector128.CreateScalarUnsafe(Unsafe.ReadUnaligned<ulong>(ref source)).AsUInt32();
            return Unsafe.BitCast<Vector128<ulong>, TV>(Vector128.WidenLower(pair));
        }

        /// <summary>Stores the low 32 bits of every lane as one vector's count of uints.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void StoreNarrow32<TV>(TV value, ref byte destination)
            where TV : struct
        {
            if (typeof(TV) == typeof(Vector512<ulong>))
            {
                Vector512<ulong> wide = Unsafe.BitCast<TV, Vector512<ulong>>(value);
                Vector256<uint> narrow = Avx512F.IsSupported ? Avx512F.ConvertToVector256UInt32(wide) : Vector512.Narrow(wide, wide).GetLower();
                narrow.StoreUnsafe(ref Unsafe.As<byte, uint>(ref destination));
                return;
            }

            if (typeof(TV) == typeof(Vector256<ulong>))
            {
                Vector256<ulong> wide = Unsafe.BitCast<TV, Vector256<ulong>>(value);
                Vector128<uint> narrow = Avx512F.VL.IsSupported ? Avx512F.VL.ConvertToVector128UInt32(wide) : Vector256.Narrow(wide, wide).GetLower();
                narrow.StoreUnsafe(ref Unsafe.As<byte, uint>(ref destination));
                return;
            }

            Vector128<ulong> lanes = Unsafe.BitCast<TV, Vector128<ulong>>(value);
            Unsafe.WriteUnaligned(ref destination, Vector128.Narrow(lanes, lanes).AsUInt64().ToScalar());
        }

        /// <summary>
        /// value &lt;&lt; count per lane (counts 0 to 62): AVX2's and AVX-512's variable shifts, elsewhere a multiplication by
        /// 2^count built from a double's exponent field.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static TV ShiftLeft<TOps, TV>(TV value, TV count)
            where TOps : struct, ISimd<TV>
            where TV : struct
        {
            if (typeof(TV) == typeof(Vector512<ulong>) && Avx512F.IsSupported)
            {
                return Unsafe.BitCast<Vector512<ulong>, TV>(Avx512F.ShiftLeftLogicalVariable(Unsafe.BitCast<TV, Vector512<ulong>>(value), Unsafe.BitCast<TV, Vector512<ulong>>(count)));
            }

            if (typeof(TV) == typeof(Vector256<ulong>) && Avx2.IsSupported)
            {
                return Unsafe.BitCast<Vector256<ulong>, TV>(Avx2.ShiftLeftLogicalVariable(Unsafe.BitCast<TV, Vector256<ulong>>(value), Unsafe.BitCast<TV, Vector256<ulong>>(count)));
            }

            if (typeof(TV) == typeof(Vector128<ulong>) && Avx2.IsSupported)
            {
                return Unsafe.BitCast<Vector128<ulong>, TV>(Avx2.ShiftLeftLogicalVariable(Unsafe.BitCast<TV, Vector128<ulong>>(value), Unsafe.BitCast<TV, Vector128<ulong>>(count)));
            }

            return ShiftLeftByMultiply<TOps, TV>(value, count);
        }

        /// <summary>The portable <see cref="ShiftLeft"/>: value × 2^count, the power read back from the double 2^count.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static TV ShiftLeftByMultiply<TOps, TV>(TV value, TV count)
            where TOps : struct, ISimd<TV>
            where TV : struct
            => TOps.Multiply(value, TOps.FToInt(TOps.ShiftLeft(TOps.Add(count, TOps.Create(1023)), 52)));

        /// <summary>a × b + c in double lanes with one rounding.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static TV FusedMultiplyAdd<TV>(TV a, TV b, TV c)
            where TV : struct
        {
            if (typeof(TV) == typeof(Vector512<ulong>))
            {
                return Unsafe.BitCast<Vector512<double>, TV>(Vector512.FusedMultiplyAdd(
                    Unsafe.BitCast<TV, Vector512<double>>(a), Unsafe.BitCast<TV, Vector512<double>>(b), Unsafe.BitCast<TV, Vector512<double>>(c)));
            }

            if (typeof(TV) == typeof(Vector256<ulong>))
            {
                return Unsafe.BitCast<Vector256<double>, TV>(Vector256.FusedMultiplyAdd(
                    Unsafe.BitCast<TV, Vector256<double>>(a), Unsafe.BitCast<TV, Vector256<double>>(b), Unsafe.BitCast<TV, Vector256<double>>(c)));
            }

            return Unsafe.BitCast<Vector128<double>, TV>(Vector128.FusedMultiplyAdd(
                Unsafe.BitCast<TV, Vector128<double>>(a), Unsafe.BitCast<TV, Vector128<double>>(b), Unsafe.BitCast<TV, Vector128<double>>(c)));
        }
    }
}
