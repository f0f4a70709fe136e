// Hand-written traits for the FloatText tests: constants typed in from the format definitions, checked against
// FloatLayout.TryCreate by FloatTextTests.TraitsMatchFloatLayout. Self-contained so the text tests need neither the
// generated catalog nor other test support files.
using NumForge.CompilerServices;

namespace NumForge.Tests.Text
{
#pragma warning disable SA1649, SA1402, CS1591

    /// <summary>E4M3FN (OCP FP8): FiniteNaN, max 448.</summary>
    public readonly struct TextE4M3FN : IFloatTraits
    {
        public static int ExponentBits => 4;
        public static int MantissaBits => 3;
        public static int Bias => 7;
        public static bool Signed => true;
        public static bool Subnormals => true;
        public static SpecialValues Specials => SpecialValues.FiniteNaN;
        public static OverflowBehavior Overflow => OverflowBehavior.NaN;
        public static ulong SignMask => 0x80UL;
        public static ulong MagnitudeMask => 0x7FUL;
        public static ulong MaxFiniteMagnitude => 0x7EUL;
        public static ulong NaNCode => 0x7FUL;
        public static ulong PositiveInfinityCode => 0x7FUL;
        public static ulong NegativeInfinityCode => 0xFFUL;
        public static int MinNormalExponent => -6;
        public static int MaxExponent => 8;
    }

    /// <summary>E4M3FNUZ: one NaN at 0x80, no -0, max 240.</summary>
    public readonly struct TextE4M3FNUZ : IFloatTraits
    {
        public static int ExponentBits => 4;
        public static int MantissaBits => 3;
        public static int Bias => 8;
        public static bool Signed => true;
        public static bool Subnormals => true;
        public static SpecialValues Specials => SpecialValues.FiniteNaNUnsignedZero;
        public static OverflowBehavior Overflow => OverflowBehavior.NaN;
        public static ulong SignMask => 0x80UL;
        public static ulong MagnitudeMask => 0x7FUL;
        public static ulong MaxFiniteMagnitude => 0x7FUL;
        public static ulong NaNCode => 0x80UL;
        public static ulong PositiveInfinityCode => 0x80UL;
        public static ulong NegativeInfinityCode => 0x80UL;
        public static int MinNormalExponent => -7;
        public static int MaxExponent => 7;
    }

    /// <summary>E5M2 (OCP FP8): IEEE-style, max 57344.</summary>
    public readonly struct TextE5M2 : IFloatTraits
    {
        public static int ExponentBits => 5;
        public static int MantissaBits => 2;
        public static int Bias => 15;
        public static bool Signed => true;
        public static bool Subnormals => true;
        public static SpecialValues Specials => SpecialValues.Ieee;
        public static OverflowBehavior Overflow => OverflowBehavior.Infinity;
        public static ulong SignMask => 0x80UL;
        public static ulong MagnitudeMask => 0x7FUL;
        public static ulong MaxFiniteMagnitude => 0x7BUL;
        public static ulong NaNCode => 0x7EUL;
        public static ulong PositiveInfinityCode => 0x7CUL;
        public static ulong NegativeInfinityCode => 0xFCUL;
        public static int MinNormalExponent => -14;
        public static int MaxExponent => 15;
    }

    /// <summary>E3M4: IEEE-style, max 15.5.</summary>
    public readonly struct TextE3M4 : IFloatTraits
    {
        public static int ExponentBits => 3;
        public static int MantissaBits => 4;
        public static int Bias => 3;
        public static bool Signed => true;
        public static bool Subnormals => true;
        public static SpecialValues Specials => SpecialValues.Ieee;
        public static OverflowBehavior Overflow => OverflowBehavior.Infinity;
        public static ulong SignMask => 0x80UL;
        public static ulong MagnitudeMask => 0x7FUL;
        public static ulong MaxFiniteMagnitude => 0x6FUL;
        public static ulong NaNCode => 0x78UL;
        public static ulong PositiveInfinityCode => 0x70UL;
        public static ulong NegativeInfinityCode => 0xF0UL;
        public static int MinNormalExponent => -2;
        public static int MaxExponent => 3;
    }

    /// <summary>E2M3 (FP6): all finite, max 7.5.</summary>
    public readonly struct TextE2M3 : IFloatTraits
    {
        public static int ExponentBits => 2;
        public static int MantissaBits => 3;
        public static int Bias => 1;
        public static bool Signed => true;
        public static bool Subnormals => true;
        public static SpecialValues Specials => SpecialValues.Finite;
        public static OverflowBehavior Overflow => OverflowBehavior.Saturate;
        public static ulong SignMask => 0x20UL;
        public static ulong MagnitudeMask => 0x1FUL;
        public static ulong MaxFiniteMagnitude => 0x1FUL;
        public static ulong NaNCode => 0x20UL;
        public static ulong PositiveInfinityCode => 0x1FUL;
        public static ulong NegativeInfinityCode => 0x3FUL;
        public static int MinNormalExponent => 0;
        public static int MaxExponent => 2;
    }

    /// <summary>E2M1 (FP4): all finite, max 6.</summary>
    public readonly struct TextE2M1 : IFloatTraits
    {
        public static int ExponentBits => 2;
        public static int MantissaBits => 1;
        public static int Bias => 1;
        public static bool Signed => true;
        public static bool Subnormals => true;
        public static SpecialValues Specials => SpecialValues.Finite;
        public static OverflowBehavior Overflow => OverflowBehavior.Saturate;
        public static ulong SignMask => 0x8UL;
        public static ulong MagnitudeMask => 0x7UL;
        public static ulong MaxFiniteMagnitude => 0x7UL;
        public static ulong NaNCode => 0x8UL;
        public static ulong PositiveInfinityCode => 0x7UL;
        public static ulong NegativeInfinityCode => 0xFUL;
        public static int MinNormalExponent => 0;
        public static int MaxExponent => 2;
    }

    /// <summary>E8M0FNU: unsigned, no subnormals, NaN 0xFF, powers of two 2^-127..2^127.</summary>
    public readonly struct TextE8M0 : IFloatTraits
    {
        public static int ExponentBits => 8;
        public static int MantissaBits => 0;
        public static int Bias => 127;
        public static bool Signed => false;
        public static bool Subnormals => false;
        public static SpecialValues Specials => SpecialValues.FiniteNaN;
        public static OverflowBehavior Overflow => OverflowBehavior.NaN;
        public static ulong SignMask => 0x0UL;
        public static ulong MagnitudeMask => 0xFFUL;
        public static ulong MaxFiniteMagnitude => 0xFEUL;
        public static ulong NaNCode => 0xFFUL;
        public static ulong PositiveInfinityCode => 0xFFUL;
        public static ulong NegativeInfinityCode => 0xFFUL;
        public static int MinNormalExponent => -127;
        public static int MaxExponent => 127;
    }

    /// <summary>IEEE binary16, as System.Half.</summary>
    public readonly struct TextBinary16 : IFloatTraits
    {
        public static int ExponentBits => 5;
        public static int MantissaBits => 10;
        public static int Bias => 15;
        public static bool Signed => true;
        public static bool Subnormals => true;
        public static SpecialValues Specials => SpecialValues.Ieee;
        public static OverflowBehavior Overflow => OverflowBehavior.Infinity;
        public static ulong SignMask => 0x8000UL;
        public static ulong MagnitudeMask => 0x7FFFUL;
        public static ulong MaxFiniteMagnitude => 0x7BFFUL;
        public static ulong NaNCode => 0x7E00UL;
        public static ulong PositiveInfinityCode => 0x7C00UL;
        public static ulong NegativeInfinityCode => 0xFC00UL;
        public static int MinNormalExponent => -14;
        public static int MaxExponent => 15;
    }

    /// <summary>BFloat16.</summary>
    public readonly struct TextBFloat16 : IFloatTraits
    {
        public static int ExponentBits => 8;
        public static int MantissaBits => 7;
        public static int Bias => 127;
        public static bool Signed => true;
        public static bool Subnormals => true;
        public static SpecialValues Specials => SpecialValues.Ieee;
        public static OverflowBehavior Overflow => OverflowBehavior.Infinity;
        public static ulong SignMask => 0x8000UL;
        public static ulong MagnitudeMask => 0x7FFFUL;
        public static ulong MaxFiniteMagnitude => 0x7F7FUL;
        public static ulong NaNCode => 0x7FC0UL;
        public static ulong PositiveInfinityCode => 0x7F80UL;
        public static ulong NegativeInfinityCode => 0xFF80UL;
        public static int MinNormalExponent => -126;
        public static int MaxExponent => 127;
    }

    /// <summary>IEEE binary32, as float.</summary>
    public readonly struct TextBinary32 : IFloatTraits
    {
        public static int ExponentBits => 8;
        public static int MantissaBits => 23;
        public static int Bias => 127;
        public static bool Signed => true;
        public static bool Subnormals => true;
        public static SpecialValues Specials => SpecialValues.Ieee;
        public static OverflowBehavior Overflow => OverflowBehavior.Infinity;
        public static ulong SignMask => 0x80000000UL;
        public static ulong MagnitudeMask => 0x7FFFFFFFUL;
        public static ulong MaxFiniteMagnitude => 0x7F7FFFFFUL;
        public static ulong NaNCode => 0x7FC00000UL;
        public static ulong PositiveInfinityCode => 0x7F800000UL;
        public static ulong NegativeInfinityCode => 0xFF800000UL;
        public static int MinNormalExponent => -126;
        public static int MaxExponent => 127;
    }

    /// <summary>IEEE binary64, as double.</summary>
    public readonly struct TextBinary64 : IFloatTraits
    {
        public static int ExponentBits => 11;
        public static int MantissaBits => 52;
        public static int Bias => 1023;
        public static bool Signed => true;
        public static bool Subnormals => true;
        public static SpecialValues Specials => SpecialValues.Ieee;
        public static OverflowBehavior Overflow => OverflowBehavior.Infinity;
        public static ulong SignMask => 0x8000000000000000UL;
        public static ulong MagnitudeMask => 0x7FFFFFFFFFFFFFFFUL;
        public static ulong MaxFiniteMagnitude => 0x7FEFFFFFFFFFFFFFUL;
        public static ulong NaNCode => 0x7FF8000000000000UL;
        public static ulong PositiveInfinityCode => 0x7FF0000000000000UL;
        public static ulong NegativeInfinityCode => 0xFFF0000000000000UL;
        public static int MinNormalExponent => -1022;
        public static int MaxExponent => 1023;
    }

#pragma warning restore SA1649, SA1402, CS1591
}
