using System;
using System.Runtime.CompilerServices;

namespace NumForge.CompilerServices
{
    /// <summary>
    /// The cast <c>(X)f</c>: float to the format, nearest even, without saturation, on the float's bits. In range it
    /// is a few integer operations (normal results) or one float addition (subnormal results); NaN, infinities and
    /// values past the largest finite value take <see cref="RoundPack"/>, which defines every result.
    /// </summary>
    public static partial class FloatCodec<TTraits>
    {
        /// <summary>
        /// Whether the format's values sit inside float's exponent range with room to round (signed, with subnormals,
        /// at most 22 mantissa bits, every normal exponent a float normal exponent, its quantum at least float's).
        /// </summary>
        private static bool SingleCastApplies =>
            TTraits.Signed && TTraits.Subnormals && TTraits.MantissaBits <= 22
            && TTraits.MaxExponent <= 127 && TTraits.MinNormalExponent >= TTraits.MantissaBits - 149 && TTraits.MinNormalExponent >= -126;

        // Float bits drop 23 - M mantissa bits; the float exponent field re-biases by (126 + emin) binades.
        private static int SingleShift => 23 - TTraits.MantissaBits;

        private static uint SingleRebias => (uint)(126 + TTraits.MinNormalExponent) << TTraits.MantissaBits;

        // The float bits of the largest finite value: nothing at or below it can round past it.
        private static uint MaxFiniteSingleBits => (uint)(TTraits.MaxFiniteMagnitude + SingleRebias) << SingleShift;

        private static uint MinNormalSingleBits => (uint)(TTraits.MinNormalExponent + 127) << 23;

        // 2^k whose float quantum is the format's subnormal quantum 2^(emin - M): adding it rounds |x| to a count of quanta.
        private static uint SubnormalMagicBits => (uint)(TTraits.MinNormalExponent - TTraits.MantissaBits + 23 + 127) << 23;

        /// <summary>Rounds a float to the format once, to nearest even, without saturation (the cast operator).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static ulong FromSingle(float value)
        {
            if (!SingleCastApplies)
            {
                return FromDouble(value, MidpointRounding.ToEven, saturate: false);
            }

            uint bits = BitConverter.SingleToUInt32Bits(value);
            uint abs = bits & 0x7FFF_FFFF;
            if (abs > MaxFiniteSingleBits)
            {
                // Overflow, infinity or NaN: the general routine applies the format's rules.
                return FromDouble(value, MidpointRounding.ToEven, saturate: false);
            }

            ulong sign = (int)bits < 0 ? TTraits.SignMask : 0;
            if (abs >= MinNormalSingleBits)
            {
                // Round at bit 23 - M to nearest even: add just under half a unit, plus one when the kept lsb is odd.
                uint rounded = abs + ((1u << (SingleShift - 1)) - 1) + ((abs >> SingleShift) & 1);
                return sign | ((rounded >> SingleShift) - SingleRebias);
            }

            // Below the smallest normal: the FPU rounds |x| + 2^k to nearest even at the subnormal quantum; the count of
            // quanta is the magnitude (2^M, the smallest normal, when it rounds up into the normals).
            float sum = BitConverter.UInt32BitsToSingle(abs) + BitConverter.UInt32BitsToSingle(SubnormalMagicBits);
            uint magnitude = BitConverter.SingleToUInt32Bits(sum) - SubnormalMagicBits;
            return magnitude == 0 ? Zero((int)bits < 0, saturate: false) : sign | magnitude;
        }

        /// <summary>Rounds a Half to the format once, to nearest even, without saturation (Half widens to float exactly).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static ulong FromHalf(Half value) => FromSingle((float)value);
    }
}
