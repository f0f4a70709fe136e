using System;

namespace NumForge.CompilerServices.Spans
{
    /// <summary>
    /// A <see cref="MidpointRounding"/> mode as a type argument: the lane encoders are instantiated per mode, so the
    /// JIT folds the mode's tests away and no lane pays a branch on it.
    /// </summary>
    internal interface IRoundingMode
    {
        static abstract MidpointRounding Mode { get; }
    }

    /// <summary>To nearest, ties to even (the default).</summary>
    internal readonly struct TiesToEven : IRoundingMode
    {
        public static MidpointRounding Mode => MidpointRounding.ToEven;
    }

    /// <summary>To nearest, ties away from zero (<see cref="MidpointRounding.AwayFromZero"/>).</summary>
    internal readonly struct TiesAwayFromZero : IRoundingMode
    {
        public static MidpointRounding Mode => MidpointRounding.AwayFromZero;
    }

    /// <summary>Toward zero (truncation).</summary>
    internal readonly struct TowardZero : IRoundingMode
    {
        public static MidpointRounding Mode => MidpointRounding.ToZero;
    }

    /// <summary>Toward negative infinity.</summary>
    internal readonly struct TowardNegativeInfinity : IRoundingMode
    {
        public static MidpointRounding Mode => MidpointRounding.ToNegativeInfinity;
    }

    /// <summary>Toward positive infinity.</summary>
    internal readonly struct TowardPositiveInfinity : IRoundingMode
    {
        public static MidpointRounding Mode => MidpointRounding.ToPositiveInfinity;
    }
}
