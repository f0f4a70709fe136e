using System;
using NumForge.CompilerServices.Spans;

namespace NumForge.CompilerServices.Integers
{
    /// <summary>
    /// One <see cref="MidpointRounding"/> mode as a type, so a vector kernel folds it: given lane masks of the
    /// magnitude's fraction d (after the floor) and the sign, which lanes round the magnitude up by one.
    /// </summary>
    internal interface IIntRounding
    {
        /// <summary>The lanes whose magnitude rounds up: d &gt; 1/2, d == 1/2, d &gt; 0, floor odd, value negative.</summary>
        static abstract TV Up<TOps, TV>(TV aboveHalf, TV half, TV fraction, TV odd, TV negative)
            where TOps : struct, ISimd<TV>
            where TV : struct;
    }

    /// <summary>To nearest, ties to even.</summary>
    internal readonly struct RoundToEven : IIntRounding
    {
        public static TV Up<TOps, TV>(TV aboveHalf, TV half, TV fraction, TV odd, TV negative)
            where TOps : struct, ISimd<TV>
            where TV : struct
            => TOps.Or(aboveHalf, TOps.And(half, odd));
    }

    /// <summary>To nearest, ties away from zero.</summary>
    internal readonly struct RoundAwayFromZero : IIntRounding
    {
        public static TV Up<TOps, TV>(TV aboveHalf, TV half, TV fraction, TV odd, TV negative)
            where TOps : struct, ISimd<TV>
            where TV : struct
            => TOps.Or(aboveHalf, half);
    }

    /// <summary>Toward zero (truncation): the magnitude never rounds up.</summary>
    internal readonly struct RoundToZero : IIntRounding
    {
        public static TV Up<TOps, TV>(TV aboveHalf, TV half, TV fraction, TV odd, TV negative)
            where TOps : struct, ISimd<TV>
            where TV : struct
            => TOps.Create(0);
    }

    /// <summary>Toward +infinity: positive magnitudes with a fraction round up.</summary>
    internal readonly struct RoundToPositiveInfinity : IIntRounding
    {
        public static TV Up<TOps, TV>(TV aboveHalf, TV half, TV fraction, TV odd, TV negative)
            where TOps : struct, ISimd<TV>
            where TV : struct
            => TOps.AndNot(fraction, negative);
    }

    /// <summary>Toward -infinity: negative magnitudes with a fraction round up.</summary>
    internal readonly struct RoundToNegativeInfinity : IIntRounding
    {
        public static TV Up<TOps, TV>(TV aboveHalf, TV half, TV fraction, TV odd, TV negative)
            where TOps : struct, ISimd<TV>
            where TV : struct
            => TOps.And(fraction, negative);
    }
}
