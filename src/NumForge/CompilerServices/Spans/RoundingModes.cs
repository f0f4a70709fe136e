using System;
using System.Runtime.CompilerServices;

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
        /// </summary>
        static abstract TV CorrectSubnormal<TOps, TV>(TV code, TV rounded, TV magic, TV magnitude, TV negative, ulong halfUnitBits, ulong scaleBits, ulong scaleMoreBits)
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
        public static TV CorrectSubnormal<TOps, TV>(TV code, TV rounded, TV magic, TV magnitude, TV negative, ulong halfUnitBits, ulong scaleBits, ulong scaleMoreBits)
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

        /// <summary>One unit up where the adder broke a tie downward (to an even code).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static TV CorrectSubnormal<TOps, TV>(TV code, TV rounded, TV magic, TV magnitude, TV negative, ulong halfUnitBits, ulong scaleBits, ulong scaleMoreBits)
            where TOps : struct, ISimd<TV>
            where TV : struct
            => TOps.Subtract(code, TOps.FEqual(TOps.FSubtract(magnitude, TOps.FSubtract(rounded, magic)), TOps.Create(halfUnitBits)));
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
        public static TV CorrectSubnormal<TOps, TV>(TV code, TV rounded, TV magic, TV magnitude, TV negative, ulong halfUnitBits, ulong scaleBits, ulong scaleMoreBits)
            where TOps : struct, ISimd<TV>
            where TV : struct
            => TOps.FToInt(TowardNegativeInfinity.Scaled<TOps, TV>(magnitude, scaleBits, scaleMoreBits));
    }

    /// <summary>Toward negative infinity: negative lanes away from zero, positive lanes toward it.</summary>
    internal readonly struct TowardNegativeInfinity : IRoundingMode
    {
        public static MidpointRounding Mode => MidpointRounding.ToNegativeInfinity;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static TV AddLaneIncrement<TOps, TV>(TV sum, TV magnitude, TV negative, int dropped, ulong unitLessOne)
            where TOps : struct, ISimd<TV>
            where TV : struct
            => TOps.Add(sum, TOps.And(negative, TOps.Create(unitLessOne)));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static TV CorrectSubnormal<TOps, TV>(TV code, TV rounded, TV magic, TV magnitude, TV negative, ulong halfUnitBits, ulong scaleBits, ulong scaleMoreBits)
            where TOps : struct, ISimd<TV>
            where TV : struct
            => Directed<TOps, TV>(magnitude, negative, scaleBits, scaleMoreBits, awayIfNegative: true);

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

    /// <summary>Toward positive infinity: positive lanes away from zero, negative lanes toward it.</summary>
    internal readonly struct TowardPositiveInfinity : IRoundingMode
    {
        public static MidpointRounding Mode => MidpointRounding.ToPositiveInfinity;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static TV AddLaneIncrement<TOps, TV>(TV sum, TV magnitude, TV negative, int dropped, ulong unitLessOne)
            where TOps : struct, ISimd<TV>
            where TV : struct
            => TOps.Add(sum, TOps.AndNot(TOps.Create(unitLessOne), negative));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static TV CorrectSubnormal<TOps, TV>(TV code, TV rounded, TV magic, TV magnitude, TV negative, ulong halfUnitBits, ulong scaleBits, ulong scaleMoreBits)
            where TOps : struct, ISimd<TV>
            where TV : struct
            => TowardNegativeInfinity.Directed<TOps, TV>(magnitude, negative, scaleBits, scaleMoreBits, awayIfNegative: false);
    }
}
