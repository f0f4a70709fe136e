using System;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NumForge.CompilerServices.Spans
{
    /// <summary>
    /// A <see cref="MidpointRounding"/> mode as a type argument: the lane encoders are instantiated per mode, so no
    /// lane pays a branch on it, and each mode's lane operations live in its own small methods (the encoder's IL then
    /// holds one mode's code, which keeps four encodes of a block within the JIT's inlining budget).
    /// </summary>
    internal interface IRoundingMode
    {
        static abstract MidpointRounding Mode { get; }

        /// <summary>
        /// Adds the part of a normal result's rounding increment that differs per lane (the lowest kept bit for ties
        /// to even, a unit less one in the lanes of one sign for the directed modes) to <paramref name="sum"/>, the
        /// magnitude bits plus the constant part.
        /// </summary>
        static abstract TV AddLaneIncrement<TOps, TV>(TV sum, TV magnitude, TV negative, int dropped, ulong unitLessOne)
            where TOps : struct, ISimd<TV>
            where TV : struct;

        /// <summary>
        /// Turns the nearest-even subnormal code (<paramref name="code"/>, from the sum <paramref name="rounded"/> of
        /// the magnitude and <paramref name="magic"/>) into this mode's: for ties away, the rounded value (exact)
        /// against the magnitude says whether the adder rounded down from a tie; the directed modes instead truncate
        /// the magnitude in units of the smallest subnormal (scaled by 2^(M - EMin), <paramref name="scaleBits"/> times
        /// <paramref name="scaleMoreBits"/> when that is beyond one source power of two, else 0: exact) with the
        /// truncating float-to-integer conversion, and add one where it was inexact in the lanes rounded away from zero.
        /// Where the CPU rounds per instruction (<see cref="EmbeddedRounding"/>), the directed modes instead add
        /// <paramref name="magic"/> (with the lane's sign, <paramref name="x"/> being the signed source bits) in their
        /// own rounding direction: the same two or three lane operations as ties to even.
        /// </summary>
        static abstract TV CorrectSubnormal<TOps, TV>(TV code, TV rounded, TV magic, TV x, TV magnitude, TV negative, ulong halfUnitBits, ulong scaleBits, ulong scaleMoreBits)
            where TOps : struct, ISimd<TV>
            where TV : struct;
    }

    /// <summary>To nearest, ties to even (the default).</summary>
    internal readonly struct TiesToEven : IRoundingMode
    {
        public static MidpointRounding Mode => MidpointRounding.ToEven;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static TV AddLaneIncrement<TOps, TV>(TV sum, TV magnitude, TV negative, int dropped, ulong unitLessOne)
            where TOps : struct, ISimd<TV>
            where TV : struct
            => TOps.Add(sum, TOps.And(TOps.ShiftRight(magnitude, dropped), TOps.Create(1)));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static TV CorrectSubnormal<TOps, TV>(TV code, TV rounded, TV magic, TV x, TV magnitude, TV negative, ulong halfUnitBits, ulong scaleBits, ulong scaleMoreBits)
            where TOps : struct, ISimd<TV>
            where TV : struct
            => code;
    }

    /// <summary>To nearest, ties away from zero (<see cref="MidpointRounding.AwayFromZero"/>).</summary>
    internal readonly struct TiesAwayFromZero : IRoundingMode
    {
        public static MidpointRounding Mode => MidpointRounding.AwayFromZero;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static TV AddLaneIncrement<TOps, TV>(TV sum, TV magnitude, TV negative, int dropped, ulong unitLessOne)
            where TOps : struct, ISimd<TV>
            where TV : struct
            => sum;

        /// <summary>
        /// One unit up where the adder broke a tie downward (to an even code). Where the CPU rounds per instruction,
        /// instead the magnitude plus half a unit, truncated onto the smallest subnormal's grid (two additions toward
        /// zero: truncating onto the source's grid, then onto that coarser one, is truncating once): ties away, in
        /// three lane operations instead of four, none of which turns a source subnormal into a microcode assist.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static TV CorrectSubnormal<TOps, TV>(TV code, TV rounded, TV magic, TV x, TV magnitude, TV negative, ulong halfUnitBits, ulong scaleBits, ulong scaleMoreBits)
            where TOps : struct, ISimd<TV>
            where TV : struct
            => EmbeddedRounding.Available<TV>()
                ? TOps.Subtract(EmbeddedRounding.Add(EmbeddedRounding.Add(magnitude, TOps.Create(halfUnitBits), FloatRoundingMode.ToZero), magic, FloatRoundingMode.ToZero), magic)
                : TOps.Subtract(code, TOps.FEqual(TOps.FSubtract(magnitude, TOps.FSubtract(rounded, magic)), TOps.Create(halfUnitBits)));
    }

    /// <summary>Toward zero (truncation).</summary>
    internal readonly struct TowardZero : IRoundingMode
    {
        public static MidpointRounding Mode => MidpointRounding.ToZero;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static TV AddLaneIncrement<TOps, TV>(TV sum, TV magnitude, TV negative, int dropped, ulong unitLessOne)
            where TOps : struct, ISimd<TV>
            where TV : struct
            => sum;

        /// <summary>The truncated magnitude in units of the smallest subnormal.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static TV CorrectSubnormal<TOps, TV>(TV code, TV rounded, TV magic, TV x, TV magnitude, TV negative, ulong halfUnitBits, ulong scaleBits, ulong scaleMoreBits)
            where TOps : struct, ISimd<TV>
            where TV : struct
            => EmbeddedRounding.Available<TV>()
                ? TOps.Subtract(EmbeddedRounding.Add(magnitude, magic, FloatRoundingMode.ToZero), magic)
                : TOps.FToInt(TowardNegativeInfinity.Scaled<TOps, TV>(magnitude, scaleBits, scaleMoreBits));
    }

    /// <summary>Toward negative infinity: negative lanes away from zero, positive lanes toward it.</summary>
    internal readonly struct TowardNegativeInfinity : IRoundingMode
    {
        public static MidpointRounding Mode => MidpointRounding.ToNegativeInfinity;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static TV AddLaneIncrement<TOps, TV>(TV sum, TV magnitude, TV negative, int dropped, ulong unitLessOne)
            where TOps : struct, ISimd<TV>
            where TV : struct
            => TOps.Select(negative, TOps.Add(sum, TOps.Create(unitLessOne)), sum); // a select, not an AND: one masked add on AVX-512

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static TV CorrectSubnormal<TOps, TV>(TV code, TV rounded, TV magic, TV x, TV magnitude, TV negative, ulong halfUnitBits, ulong scaleBits, ulong scaleMoreBits)
            where TOps : struct, ISimd<TV>
            where TV : struct
            => EmbeddedRounding.Available<TV>()
                ? EmbeddedRounding.Signed<TOps, TV>(x, magic, FloatRoundingMode.ToNegativeInfinity)
                : Directed<TOps, TV>(magnitude, negative, scaleBits, scaleMoreBits, awayIfNegative: true);

        /// <summary>The magnitude in units of the smallest subnormal (exact: a scale by powers of two, up).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static TV Scaled<TOps, TV>(TV magnitude, ulong scaleBits, ulong scaleMoreBits)
            where TOps : struct, ISimd<TV>
            where TV : struct
        {
            TV scaled = TOps.FMultiply(magnitude, TOps.Create(scaleBits));
            return scaleMoreBits != 0 ? TOps.FMultiply(scaled, TOps.Create(scaleMoreBits)) : scaled;
        }

        /// <summary>
        /// The directed subnormal code: the truncated scaled magnitude, one unit more where it was inexact in the lanes
        /// rounded away from zero (the negative ones, or with <paramref name="awayIfNegative"/> clear the others).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static TV Directed<TOps, TV>(TV magnitude, TV negative, ulong scaleBits, ulong scaleMoreBits, bool awayIfNegative)
            where TOps : struct, ISimd<TV>
            where TV : struct
        {
            TV scaled = Scaled<TOps, TV>(magnitude, scaleBits, scaleMoreBits);
            TV truncated = TOps.FToInt(scaled);
            TV inexact = TOps.FGreaterThan(scaled, TOps.IntToF(truncated));
            return TOps.Subtract(truncated, awayIfNegative ? TOps.And(inexact, negative) : TOps.AndNot(inexact, negative));
        }
    }

    /// <summary>
    /// Toward positive infinity: positive lanes away from zero, negative lanes toward it. The unit less one is in the
    /// encoder's constant (<c>RoundingConstant</c>) and taken back in the negative lanes: the same lane operations as
    /// <see cref="TowardNegativeInfinity"/> (adding it in the lanes that are not negative cost a complement per vector).
    /// </summary>
    internal readonly struct TowardPositiveInfinity : IRoundingMode
    {
        public static MidpointRounding Mode => MidpointRounding.ToPositiveInfinity;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static TV AddLaneIncrement<TOps, TV>(TV sum, TV magnitude, TV negative, int dropped, ulong unitLessOne)
            where TOps : struct, ISimd<TV>
            where TV : struct
            => TOps.Select(negative, TOps.Subtract(sum, TOps.Create(unitLessOne)), sum); // one masked subtract on AVX-512

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static TV CorrectSubnormal<TOps, TV>(TV code, TV rounded, TV magic, TV x, TV magnitude, TV negative, ulong halfUnitBits, ulong scaleBits, ulong scaleMoreBits)
            where TOps : struct, ISimd<TV>
            where TV : struct
            => EmbeddedRounding.Available<TV>()
                ? EmbeddedRounding.Signed<TOps, TV>(x, magic, FloatRoundingMode.ToPositiveInfinity)
                : TowardNegativeInfinity.Directed<TOps, TV>(magnitude, negative, scaleBits, scaleMoreBits, awayIfNegative: false);
    }
}

namespace NumForge.CompilerServices.Spans
{
    /// <summary>
    /// AVX-512's per-instruction rounding (EVEX embedded rounding) for 512-bit lanes: an addition rounded toward zero
    /// or toward an infinity, whatever the MXCSR says. Narrower vectors have no such encoding, so the callers keep a
    /// portable path; <see cref="Available{TV}"/> is a constant for the JIT.
    /// </summary>
    internal static class EmbeddedRounding
    {
        /// <summary>Whether <typeparamref name="TV"/> is a 512-bit vector of 32- or 64-bit lanes and the CPU has AVX-512F.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool Available<TV>()
            where TV : struct
            => For<TV>.Available;

        /// <summary>The float (32-bit lanes) or double (64-bit lanes) sum of two bit patterns, rounded in <paramref name="mode"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static TV Add<TV>(TV a, TV b, [ConstantExpected(Min = FloatRoundingMode.ToEven, Max = FloatRoundingMode.ToZero)] FloatRoundingMode mode)
            where TV : struct
        {
            if (typeof(TV) == typeof(Vector512<uint>))
            {
                Vector512<float> sum = Avx512F.Add(Unsafe.BitCast<TV, Vector512<uint>>(a).AsSingle(), Unsafe.BitCast<TV, Vector512<uint>>(b).AsSingle(), mode);
                return Unsafe.BitCast<Vector512<uint>, TV>(sum.AsUInt32());
            }

            if (typeof(TV) == typeof(Vector512<ulong>))
            {
                Vector512<double> sum = Avx512F.Add(Unsafe.BitCast<TV, Vector512<ulong>>(a).AsDouble(), Unsafe.BitCast<TV, Vector512<ulong>>(b).AsDouble(), mode);
                return Unsafe.BitCast<Vector512<ulong>, TV>(sum.AsUInt64());
            }

            throw new PlatformNotSupportedException();
        }

        /// <summary>The answer of <see cref="Available{TV}"/> as a static readonly field: Tier-1 code reads it as a constant, at no inlining cost.</summary>
        private static class For<TV>
            where TV : struct
        {
            public static readonly bool Available = Avx512F.IsSupported && (typeof(TV) == typeof(Vector512<uint>) || typeof(TV) == typeof(Vector512<ulong>));
        }

        /// <summary>
        /// The subnormal code of a directed mode toward an infinity: <paramref name="magic"/> given the lane's sign and
        /// added to the signed value in that direction, which rounds the magnitude up in the lanes of that sign and
        /// truncates it in the others. Both operands have the same sign and the sum's magnitude is at least the
        /// magic's, so the integer difference of the two patterns is the code.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static TV Signed<TOps, TV>(TV x, TV magic, [ConstantExpected(Min = FloatRoundingMode.ToEven, Max = FloatRoundingMode.ToZero)] FloatRoundingMode mode)
            where TOps : struct, ISimd<TV>
            where TV : struct
        {
            TV signedMagic = TOps.Or(TOps.And(x, TOps.Create(1UL << (TOps.LaneBits - 1))), magic);
            return TOps.Subtract(Add(x, signedMagic, mode), signedMagic);
        }
    }
}
