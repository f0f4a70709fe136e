// Hand-written traits: the constants are typed in from the format definitions (DESIGN.md section 3),
// not computed, and TraitsTests checks each against FloatLayout.TryCreate for its spec.
using NumForge.CompilerServices;

namespace NumForge.Tests.Support
{
#pragma warning disable SA1649

    /// <summary>Hand-written traits of BFloat16.</summary>
    public readonly struct HandBFloat16 : IFloatTraits
    {
        public static int ExponentBits => 8;
        public static int MantissaBits => 7;
        public static int Bias => 127;
        public static bool Signed => true;
        public static bool Subnormals => true;
        public static SpecialValues Specials => SpecialValues.Ieee;
        public static OverflowBehavior Overflow => OverflowBehavior.Infinity;
        public static ulong SignMask => 0x8000UL;
        public static ulong MagnitudeMask => 0x7fffUL;
        public static ulong MaxFiniteMagnitude => 0x7f7fUL;
        public static ulong NaNCode => 0x7fc0UL;
        public static ulong PositiveInfinityCode => 0x7f80UL;
        public static ulong NegativeInfinityCode => 0xff80UL;
        public static int MinNormalExponent => -126;
        public static int MaxExponent => 127;
    }

    /// <summary>Hand-written traits of TensorFloat32.</summary>
    public readonly struct HandTensorFloat32 : IFloatTraits
    {
        public static int ExponentBits => 8;
        public static int MantissaBits => 10;
        public static int Bias => 127;
        public static bool Signed => true;
        public static bool Subnormals => true;
        public static SpecialValues Specials => SpecialValues.Ieee;
        public static OverflowBehavior Overflow => OverflowBehavior.Infinity;
        public static ulong SignMask => 0x40000UL;
        public static ulong MagnitudeMask => 0x3ffffUL;
        public static ulong MaxFiniteMagnitude => 0x3fbffUL;
        public static ulong NaNCode => 0x3fe00UL;
        public static ulong PositiveInfinityCode => 0x3fc00UL;
        public static ulong NegativeInfinityCode => 0x7fc00UL;
        public static int MinNormalExponent => -126;
        public static int MaxExponent => 127;
    }

    /// <summary>Hand-written traits of Float8E5M2.</summary>
    public readonly struct HandFloat8E5M2 : IFloatTraits
    {
        public static int ExponentBits => 5;
        public static int MantissaBits => 2;
        public static int Bias => 15;
        public static bool Signed => true;
        public static bool Subnormals => true;
        public static SpecialValues Specials => SpecialValues.Ieee;
        public static OverflowBehavior Overflow => OverflowBehavior.Infinity;
        public static ulong SignMask => 0x80UL;
        public static ulong MagnitudeMask => 0x7fUL;
        public static ulong MaxFiniteMagnitude => 0x7bUL;
        public static ulong NaNCode => 0x7eUL;
        public static ulong PositiveInfinityCode => 0x7cUL;
        public static ulong NegativeInfinityCode => 0xfcUL;
        public static int MinNormalExponent => -14;
        public static int MaxExponent => 15;
    }

    /// <summary>Hand-written traits of Float8E4M3.</summary>
    public readonly struct HandFloat8E4M3 : IFloatTraits
    {
        public static int ExponentBits => 4;
        public static int MantissaBits => 3;
        public static int Bias => 7;
        public static bool Signed => true;
        public static bool Subnormals => true;
        public static SpecialValues Specials => SpecialValues.Ieee;
        public static OverflowBehavior Overflow => OverflowBehavior.Infinity;
        public static ulong SignMask => 0x80UL;
        public static ulong MagnitudeMask => 0x7fUL;
        public static ulong MaxFiniteMagnitude => 0x77UL;
        public static ulong NaNCode => 0x7cUL;
        public static ulong PositiveInfinityCode => 0x78UL;
        public static ulong NegativeInfinityCode => 0xf8UL;
        public static int MinNormalExponent => -6;
        public static int MaxExponent => 7;
    }

    /// <summary>Hand-written traits of Float8E3M4.</summary>
    public readonly struct HandFloat8E3M4 : IFloatTraits
    {
        public static int ExponentBits => 3;
        public static int MantissaBits => 4;
        public static int Bias => 3;
        public static bool Signed => true;
        public static bool Subnormals => true;
        public static SpecialValues Specials => SpecialValues.Ieee;
        public static OverflowBehavior Overflow => OverflowBehavior.Infinity;
        public static ulong SignMask => 0x80UL;
        public static ulong MagnitudeMask => 0x7fUL;
        public static ulong MaxFiniteMagnitude => 0x6fUL;
        public static ulong NaNCode => 0x78UL;
        public static ulong PositiveInfinityCode => 0x70UL;
        public static ulong NegativeInfinityCode => 0xf0UL;
        public static int MinNormalExponent => -2;
        public static int MaxExponent => 3;
    }

    /// <summary>Hand-written traits of Float8E4M3FN.</summary>
    public readonly struct HandFloat8E4M3FN : IFloatTraits
    {
        public static int ExponentBits => 4;
        public static int MantissaBits => 3;
        public static int Bias => 7;
        public static bool Signed => true;
        public static bool Subnormals => true;
        public static SpecialValues Specials => SpecialValues.FiniteNaN;
        public static OverflowBehavior Overflow => OverflowBehavior.NaN;
        public static ulong SignMask => 0x80UL;
        public static ulong MagnitudeMask => 0x7fUL;
        public static ulong MaxFiniteMagnitude => 0x7eUL;
        public static ulong NaNCode => 0x7fUL;
        public static ulong PositiveInfinityCode => 0x7fUL;
        public static ulong NegativeInfinityCode => 0xffUL;
        public static int MinNormalExponent => -6;
        public static int MaxExponent => 8;
    }

    /// <summary>Hand-written traits of Float8E4M3FNUZ.</summary>
    public readonly struct HandFloat8E4M3FNUZ : IFloatTraits
    {
        public static int ExponentBits => 4;
        public static int MantissaBits => 3;
        public static int Bias => 8;
        public static bool Signed => true;
        public static bool Subnormals => true;
        public static SpecialValues Specials => SpecialValues.FiniteNaNUnsignedZero;
        public static OverflowBehavior Overflow => OverflowBehavior.NaN;
        public static ulong SignMask => 0x80UL;
        public static ulong MagnitudeMask => 0x7fUL;
        public static ulong MaxFiniteMagnitude => 0x7fUL;
        public static ulong NaNCode => 0x80UL;
        public static ulong PositiveInfinityCode => 0x80UL;
        public static ulong NegativeInfinityCode => 0x80UL;
        public static int MinNormalExponent => -7;
        public static int MaxExponent => 7;
    }

    /// <summary>Hand-written traits of Float8E5M2FNUZ.</summary>
    public readonly struct HandFloat8E5M2FNUZ : IFloatTraits
    {
        public static int ExponentBits => 5;
        public static int MantissaBits => 2;
        public static int Bias => 16;
        public static bool Signed => true;
        public static bool Subnormals => true;
        public static SpecialValues Specials => SpecialValues.FiniteNaNUnsignedZero;
        public static OverflowBehavior Overflow => OverflowBehavior.NaN;
        public static ulong SignMask => 0x80UL;
        public static ulong MagnitudeMask => 0x7fUL;
        public static ulong MaxFiniteMagnitude => 0x7fUL;
        public static ulong NaNCode => 0x80UL;
        public static ulong PositiveInfinityCode => 0x80UL;
        public static ulong NegativeInfinityCode => 0x80UL;
        public static int MinNormalExponent => -15;
        public static int MaxExponent => 15;
    }

    /// <summary>Hand-written traits of Float8E4M3B11FNUZ.</summary>
    public readonly struct HandFloat8E4M3B11FNUZ : IFloatTraits
    {
        public static int ExponentBits => 4;
        public static int MantissaBits => 3;
        public static int Bias => 11;
        public static bool Signed => true;
        public static bool Subnormals => true;
        public static SpecialValues Specials => SpecialValues.FiniteNaNUnsignedZero;
        public static OverflowBehavior Overflow => OverflowBehavior.NaN;
        public static ulong SignMask => 0x80UL;
        public static ulong MagnitudeMask => 0x7fUL;
        public static ulong MaxFiniteMagnitude => 0x7fUL;
        public static ulong NaNCode => 0x80UL;
        public static ulong PositiveInfinityCode => 0x80UL;
        public static ulong NegativeInfinityCode => 0x80UL;
        public static int MinNormalExponent => -10;
        public static int MaxExponent => 4;
    }

    /// <summary>Hand-written traits of Float8E8M0FNU.</summary>
    public readonly struct HandFloat8E8M0FNU : IFloatTraits
    {
        public static int ExponentBits => 8;
        public static int MantissaBits => 0;
        public static int Bias => 127;
        public static bool Signed => false;
        public static bool Subnormals => false;
        public static SpecialValues Specials => SpecialValues.FiniteNaN;
        public static OverflowBehavior Overflow => OverflowBehavior.NaN;
        public static ulong SignMask => 0x0UL;
        public static ulong MagnitudeMask => 0xffUL;
        public static ulong MaxFiniteMagnitude => 0xfeUL;
        public static ulong NaNCode => 0xffUL;
        public static ulong PositiveInfinityCode => 0xffUL;
        public static ulong NegativeInfinityCode => 0xffUL;
        public static int MinNormalExponent => -127;
        public static int MaxExponent => 127;
    }

    /// <summary>Hand-written traits of Float6E2M3FN.</summary>
    public readonly struct HandFloat6E2M3FN : IFloatTraits
    {
        public static int ExponentBits => 2;
        public static int MantissaBits => 3;
        public static int Bias => 1;
        public static bool Signed => true;
        public static bool Subnormals => true;
        public static SpecialValues Specials => SpecialValues.Finite;
        public static OverflowBehavior Overflow => OverflowBehavior.Saturate;
        public static ulong SignMask => 0x20UL;
        public static ulong MagnitudeMask => 0x1fUL;
        public static ulong MaxFiniteMagnitude => 0x1fUL;
        public static ulong NaNCode => 0x20UL;
        public static ulong PositiveInfinityCode => 0x1fUL;
        public static ulong NegativeInfinityCode => 0x3fUL;
        public static int MinNormalExponent => 0;
        public static int MaxExponent => 2;
    }

    /// <summary>Hand-written traits of Float6E3M2FN.</summary>
    public readonly struct HandFloat6E3M2FN : IFloatTraits
    {
        public static int ExponentBits => 3;
        public static int MantissaBits => 2;
        public static int Bias => 3;
        public static bool Signed => true;
        public static bool Subnormals => true;
        public static SpecialValues Specials => SpecialValues.Finite;
        public static OverflowBehavior Overflow => OverflowBehavior.Saturate;
        public static ulong SignMask => 0x20UL;
        public static ulong MagnitudeMask => 0x1fUL;
        public static ulong MaxFiniteMagnitude => 0x1fUL;
        public static ulong NaNCode => 0x20UL;
        public static ulong PositiveInfinityCode => 0x1fUL;
        public static ulong NegativeInfinityCode => 0x3fUL;
        public static int MinNormalExponent => -2;
        public static int MaxExponent => 4;
    }

    /// <summary>Hand-written traits of Float4E2M1FN.</summary>
    public readonly struct HandFloat4E2M1FN : IFloatTraits
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
        public static ulong NegativeInfinityCode => 0xfUL;
        public static int MinNormalExponent => 0;
        public static int MaxExponent => 2;
    }

    /// <summary>Hand-written traits of Binary16.</summary>
    public readonly struct HandBinary16 : IFloatTraits
    {
        public static int ExponentBits => 5;
        public static int MantissaBits => 10;
        public static int Bias => 15;
        public static bool Signed => true;
        public static bool Subnormals => true;
        public static SpecialValues Specials => SpecialValues.Ieee;
        public static OverflowBehavior Overflow => OverflowBehavior.Infinity;
        public static ulong SignMask => 0x8000UL;
        public static ulong MagnitudeMask => 0x7fffUL;
        public static ulong MaxFiniteMagnitude => 0x7bffUL;
        public static ulong NaNCode => 0x7e00UL;
        public static ulong PositiveInfinityCode => 0x7c00UL;
        public static ulong NegativeInfinityCode => 0xfc00UL;
        public static int MinNormalExponent => -14;
        public static int MaxExponent => 15;
    }

    /// <summary>Hand-written traits of Binary32.</summary>
    public readonly struct HandBinary32 : IFloatTraits
    {
        public static int ExponentBits => 8;
        public static int MantissaBits => 23;
        public static int Bias => 127;
        public static bool Signed => true;
        public static bool Subnormals => true;
        public static SpecialValues Specials => SpecialValues.Ieee;
        public static OverflowBehavior Overflow => OverflowBehavior.Infinity;
        public static ulong SignMask => 0x80000000UL;
        public static ulong MagnitudeMask => 0x7fffffffUL;
        public static ulong MaxFiniteMagnitude => 0x7f7fffffUL;
        public static ulong NaNCode => 0x7fc00000UL;
        public static ulong PositiveInfinityCode => 0x7f800000UL;
        public static ulong NegativeInfinityCode => 0xff800000UL;
        public static int MinNormalExponent => -126;
        public static int MaxExponent => 127;
    }

    /// <summary>Hand-written traits of Binary64.</summary>
    public readonly struct HandBinary64 : IFloatTraits
    {
        public static int ExponentBits => 11;
        public static int MantissaBits => 52;
        public static int Bias => 1023;
        public static bool Signed => true;
        public static bool Subnormals => true;
        public static SpecialValues Specials => SpecialValues.Ieee;
        public static OverflowBehavior Overflow => OverflowBehavior.Infinity;
        public static ulong SignMask => 0x8000000000000000UL;
        public static ulong MagnitudeMask => 0x7fffffffffffffffUL;
        public static ulong MaxFiniteMagnitude => 0x7fefffffffffffffUL;
        public static ulong NaNCode => 0x7ff8000000000000UL;
        public static ulong PositiveInfinityCode => 0x7ff0000000000000UL;
        public static ulong NegativeInfinityCode => 0xfff0000000000000UL;
        public static int MinNormalExponent => -1022;
        public static int MaxExponent => 1023;
    }

    /// <summary>Hand-written traits of E5M2Saturating.</summary>
    public readonly struct HandE5M2Saturating : IFloatTraits
    {
        public static int ExponentBits => 5;
        public static int MantissaBits => 2;
        public static int Bias => 15;
        public static bool Signed => true;
        public static bool Subnormals => true;
        public static SpecialValues Specials => SpecialValues.Ieee;
        public static OverflowBehavior Overflow => OverflowBehavior.Saturate;
        public static ulong SignMask => 0x80UL;
        public static ulong MagnitudeMask => 0x7fUL;
        public static ulong MaxFiniteMagnitude => 0x7bUL;
        public static ulong NaNCode => 0x7eUL;
        public static ulong PositiveInfinityCode => 0x7cUL;
        public static ulong NegativeInfinityCode => 0xfcUL;
        public static int MinNormalExponent => -14;
        public static int MaxExponent => 15;
    }

    /// <summary>Hand-written traits of E4M3OverflowNaN.</summary>
    public readonly struct HandE4M3OverflowNaN : IFloatTraits
    {
        public static int ExponentBits => 4;
        public static int MantissaBits => 3;
        public static int Bias => 7;
        public static bool Signed => true;
        public static bool Subnormals => true;
        public static SpecialValues Specials => SpecialValues.Ieee;
        public static OverflowBehavior Overflow => OverflowBehavior.NaN;
        public static ulong SignMask => 0x80UL;
        public static ulong MagnitudeMask => 0x7fUL;
        public static ulong MaxFiniteMagnitude => 0x77UL;
        public static ulong NaNCode => 0x7cUL;
        public static ulong PositiveInfinityCode => 0x78UL;
        public static ulong NegativeInfinityCode => 0xf8UL;
        public static int MinNormalExponent => -6;
        public static int MaxExponent => 7;
    }

    /// <summary>Hand-written traits of E4M3FNSaturating.</summary>
    public readonly struct HandE4M3FNSaturating : IFloatTraits
    {
        public static int ExponentBits => 4;
        public static int MantissaBits => 3;
        public static int Bias => 7;
        public static bool Signed => true;
        public static bool Subnormals => true;
        public static SpecialValues Specials => SpecialValues.FiniteNaN;
        public static OverflowBehavior Overflow => OverflowBehavior.Saturate;
        public static ulong SignMask => 0x80UL;
        public static ulong MagnitudeMask => 0x7fUL;
        public static ulong MaxFiniteMagnitude => 0x7eUL;
        public static ulong NaNCode => 0x7fUL;
        public static ulong PositiveInfinityCode => 0x7fUL;
        public static ulong NegativeInfinityCode => 0xffUL;
        public static int MinNormalExponent => -6;
        public static int MaxExponent => 8;
    }

    /// <summary>Hand-written traits of E3M3Bias1.</summary>
    public readonly struct HandE3M3Bias1 : IFloatTraits
    {
        public static int ExponentBits => 3;
        public static int MantissaBits => 3;
        public static int Bias => 1;
        public static bool Signed => true;
        public static bool Subnormals => true;
        public static SpecialValues Specials => SpecialValues.Ieee;
        public static OverflowBehavior Overflow => OverflowBehavior.Infinity;
        public static ulong SignMask => 0x40UL;
        public static ulong MagnitudeMask => 0x3fUL;
        public static ulong MaxFiniteMagnitude => 0x37UL;
        public static ulong NaNCode => 0x3cUL;
        public static ulong PositiveInfinityCode => 0x38UL;
        public static ulong NegativeInfinityCode => 0x78UL;
        public static int MinNormalExponent => 0;
        public static int MaxExponent => 5;
    }

    /// <summary>Hand-written traits of E7M8Bias0.</summary>
    public readonly struct HandE7M8Bias0 : IFloatTraits
    {
        public static int ExponentBits => 7;
        public static int MantissaBits => 8;
        public static int Bias => 0;
        public static bool Signed => true;
        public static bool Subnormals => true;
        public static SpecialValues Specials => SpecialValues.Ieee;
        public static OverflowBehavior Overflow => OverflowBehavior.Infinity;
        public static ulong SignMask => 0x8000UL;
        public static ulong MagnitudeMask => 0x7fffUL;
        public static ulong MaxFiniteMagnitude => 0x7effUL;
        public static ulong NaNCode => 0x7f80UL;
        public static ulong PositiveInfinityCode => 0x7f00UL;
        public static ulong NegativeInfinityCode => 0xff00UL;
        public static int MinNormalExponent => 1;
        public static int MaxExponent => 126;
    }
}
