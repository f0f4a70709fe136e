namespace NumForge.CompilerServices.Spans
{
    /// <summary>IEEE binary16 (System.Half) as traits, so Half sources and targets reuse the format kernels.</summary>
    internal readonly struct Binary16Traits : IFloatTraits
    {
        public static int ExponentBits => 5;

        public static int MantissaBits => 10;

        public static int Bias => 15;

        public static bool Signed => true;

        public static bool Subnormals => true;

        public static SpecialValues Specials => SpecialValues.Ieee;

        public static OverflowBehavior Overflow => OverflowBehavior.Infinity;

        public static ulong SignMask => 0x8000;

        public static ulong MagnitudeMask => 0x7FFF;

        public static ulong MaxFiniteMagnitude => 0x7BFF;

        public static ulong NaNCode => 0x7E00;

        public static ulong PositiveInfinityCode => 0x7C00;

        public static ulong NegativeInfinityCode => 0xFC00;

        public static int MinNormalExponent => -14;

        public static int MaxExponent => 15;
    }

    /// <summary>How a span encode gets its random bits: none (a rounding mode), a seed, or a caller's span.</summary>
    internal interface IRandomSource
    {
        static abstract int Kind { get; }
    }

    /// <summary>Deterministic rounding in a <see cref="System.MidpointRounding"/> mode.</summary>
    internal readonly struct NoRandom : IRandomSource
    {
        public static int Kind => 0;
    }

    /// <summary>Stochastic rounding with bits hashed from (seed, index).</summary>
    internal readonly struct SeededRandom : IRandomSource
    {
        public static int Kind => 1;
    }

    /// <summary>Stochastic rounding with the caller's random bits.</summary>
    internal readonly struct SpanRandom : IRandomSource
    {
        public static int Kind => 2;
    }
}
