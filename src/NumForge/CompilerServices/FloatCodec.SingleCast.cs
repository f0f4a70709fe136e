using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NumForge.CompilerServices
{
    /// <summary>
    /// The casts <c>(X)f</c> and <c>(float)x</c> on the float's bits. Encoding (nearest even, without saturation) in
    /// range is a few integer operations (normal results) or one float addition (subnormal results); NaN, infinities
    /// and values past the largest finite value take <see cref="RoundPack"/>, which defines every result. Decoding a
    /// format of at most 8 bits is one load from a 256-entry table; a wider one assembles the float's bits.
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

        // ---------------------------------------------------------------- decoding

        private static int TotalBits => TTraits.ExponentBits + TTraits.MantissaBits + (TTraits.Signed ? 1 : 0);

        /// <summary>Every code's float for a format of at most 8 bits (256 entries whatever the width, so any byte indexes it).</summary>
        private static readonly float[] SingleTable = BuildSingleTable();

        private static float[] BuildSingleTable()
        {
            if (TotalBits > 8)
            {
                return Array.Empty<float>();
            }

            var table = new float[256];
            for (ulong code = 0; code < 256; code++)
            {
                table[code] = (float)ToDouble(code & CodeMask);
            }

            return table;
        }

        /// <summary>The value of a code as <see cref="float"/> (exact when the format fits in float, else rounded to nearest even).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static float ToSingle(ulong code)
        {
            if (TotalBits <= 8)
            {
                return Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(SingleTable), (nint)(code & 0xFF));
            }

            if (!SingleCastApplies)
            {
                return (float)ToDouble(code);
            }

            ulong magnitude = code & TTraits.MagnitudeMask;
            uint sign = (code & TTraits.SignMask) != 0 ? 0x8000_0000u : 0;
            if (magnitude > TTraits.MaxFiniteMagnitude)
            {
                // NaN or infinity.
                return (float)ToDouble(code);
            }

            if (magnitude < (1UL << TTraits.MantissaBits))
            {
                // Subnormal (or zero): mantissa × 2^(emin - M) in double (the quantum may be a float subnormal), exact in float.
                float subnormal = (float)((uint)magnitude * BitConverter.UInt64BitsToDouble((ulong)(TTraits.MinNormalExponent - TTraits.MantissaBits + 1023) << 52));
                return BitConverter.UInt32BitsToSingle(BitConverter.SingleToUInt32Bits(subnormal) | sign);
            }

            return BitConverter.UInt32BitsToSingle(sign | (((uint)magnitude + SingleRebias) << SingleShift));
        }

        /// <summary>Rounds a Half to the format once, to nearest even, without saturation (Half widens to float exactly).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static ulong FromHalf(Half value) => FromSingle((float)value);
    }
}
