// Bitwise lane operations that ISimd<TV> does not have: three vectors combined by one AVX-512 ternary-logic instruction
// (the JIT folds an AND into an OR by itself only some of the time: in one loop body three of four vectors kept vpandd +
// vpord), and the sign spread over its lane by one arithmetic shift (where a compare with zero is, on AVX-512, a compare
// into a mask register and a move back to a vector). Each picks the instruction of its width by a type test the JIT
// folds away.
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NumForge.CompilerServices.Spans
{
    /// <summary>Three-input bitwise operations (<c>vpternlogd</c>/<c>vpternlogq</c> with AVX-512, VL for 128 and 256 bits, else two lane operations) and the sign fill.</summary>
    internal static class BitwiseLanes
    {
        /// <summary>The ternary-logic table of a | (b &amp; c) (a is 0xF0, b 0xCC, c 0xAA).</summary>
        private const byte OrAndTable = 0xF0 | (0xCC & 0xAA);

        /// <summary>a | (b &amp; c).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static TV OrAnd<TOps, TV>(TV a, TV b, TV c)
            where TOps : struct, ISimd<TV>
            where TV : struct
        {
            if (typeof(TV) == typeof(Vector512<uint>) && Avx512F.IsSupported)
            {
                return Unsafe.BitCast<Vector512<uint>, TV>(Avx512F.TernaryLogic(
                    Unsafe.BitCast<TV, Vector512<uint>>(a), Unsafe.BitCast<TV, Vector512<uint>>(b), Unsafe.BitCast<TV, Vector512<uint>>(c), OrAndTable));
            }

            if (typeof(TV) == typeof(Vector512<ulong>) && Avx512F.IsSupported)
            {
                return Unsafe.BitCast<Vector512<ulong>, TV>(Avx512F.TernaryLogic(
                    Unsafe.BitCast<TV, Vector512<ulong>>(a), Unsafe.BitCast<TV, Vector512<ulong>>(b), Unsafe.BitCast<TV, Vector512<ulong>>(c), OrAndTable));
            }

            if (typeof(TV) == typeof(Vector256<uint>) && Avx512F.VL.IsSupported)
            {
                return Unsafe.BitCast<Vector256<uint>, TV>(Avx512F.VL.TernaryLogic(
                    Unsafe.BitCast<TV, Vector256<uint>>(a), Unsafe.BitCast<TV, Vector256<uint>>(b), Unsafe.BitCast<TV, Vector256<uint>>(c), OrAndTable));
            }

            if (typeof(TV) == typeof(Vector256<ulong>) && Avx512F.VL.IsSupported)
            {
                return Unsafe.BitCast<Vector256<ulong>, TV>(Avx512F.VL.TernaryLogic(
                    Unsafe.BitCast<TV, Vector256<ulong>>(a), Unsafe.BitCast<TV, Vector256<ulong>>(b), Unsafe.BitCast<TV, Vector256<ulong>>(c), OrAndTable));
            }

            if (typeof(TV) == typeof(Vector128<uint>) && Avx512F.VL.IsSupported)
            {
                return Unsafe.BitCast<Vector128<uint>, TV>(Avx512F.VL.TernaryLogic(
                    Unsafe.BitCast<TV, Vector128<uint>>(a), Unsafe.BitCast<TV, Vector128<uint>>(b), Unsafe.BitCast<TV, Vector128<uint>>(c), OrAndTable));
            }

            if (typeof(TV) == typeof(Vector128<ulong>) && Avx512F.VL.IsSupported)
            {
                return Unsafe.BitCast<Vector128<ulong>, TV>(Avx512F.VL.TernaryLogic(
                    Unsafe.BitCast<TV, Vector128<ulong>>(a), Unsafe.BitCast<TV, Vector128<ulong>>(b), Unsafe.BitCast<TV, Vector128<ulong>>(c), OrAndTable));
            }

            return TOps.Or(a, TOps.And(b, c));
        }

        /// <summary>
        /// Each lane's sign bit copied into all of its bits: -1 (all ones) for a lane whose top bit is set, else 0, as
        /// <c>GreaterThan(0, value)</c> gives, in one arithmetic shift. 64-bit lanes without AVX-512 keep the compare
        /// (AVX2 has no 64-bit arithmetic shift; its <c>vpcmpgtq</c> is one instruction).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static TV SignFill<TOps, TV>(TV value)
            where TOps : struct, ISimd<TV>
            where TV : struct
        {
            if (typeof(TV) == typeof(Vector512<uint>))
            {
                return Unsafe.BitCast<Vector512<uint>, TV>(Vector512.ShiftRightArithmetic(Unsafe.BitCast<TV, Vector512<uint>>(value).AsInt32(), 31).AsUInt32());
            }

            if (typeof(TV) == typeof(Vector256<uint>))
            {
                return Unsafe.BitCast<Vector256<uint>, TV>(Vector256.ShiftRightArithmetic(Unsafe.BitCast<TV, Vector256<uint>>(value).AsInt32(), 31).AsUInt32());
            }

            if (typeof(TV) == typeof(Vector128<uint>))
            {
                return Unsafe.BitCast<Vector128<uint>, TV>(Vector128.ShiftRightArithmetic(Unsafe.BitCast<TV, Vector128<uint>>(value).AsInt32(), 31).AsUInt32());
            }

            if (typeof(TV) == typeof(Vector512<ulong>) && Avx512F.IsSupported)
            {
                return Unsafe.BitCast<Vector512<ulong>, TV>(Vector512.ShiftRightArithmetic(Unsafe.BitCast<TV, Vector512<ulong>>(value).AsInt64(), 63).AsUInt64());
            }

            if (typeof(TV) == typeof(Vector256<ulong>) && Avx512F.VL.IsSupported)
            {
                return Unsafe.BitCast<Vector256<ulong>, TV>(Vector256.ShiftRightArithmetic(Unsafe.BitCast<TV, Vector256<ulong>>(value).AsInt64(), 63).AsUInt64());
            }

            if (typeof(TV) == typeof(Vector128<ulong>) && Avx512F.VL.IsSupported)
            {
                return Unsafe.BitCast<Vector128<ulong>, TV>(Vector128.ShiftRightArithmetic(Unsafe.BitCast<TV, Vector128<ulong>>(value).AsInt64(), 63).AsUInt64());
            }

            return TOps.GreaterThan(default, value);
        }
    }
}
