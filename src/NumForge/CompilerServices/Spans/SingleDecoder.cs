using System.Runtime.CompilerServices;

namespace NumForge.CompilerServices.Spans
{
    /// <summary>
    /// The vector decode of a format's codes (32-bit lanes) to float bits, exact because every value of the format is
    /// a float (<see cref="CanDecode"/>). Normal values are the magnitude shifted into float's fields with the exponent
    /// rebiased by one add; subnormal values are the same bits with the smallest normal exponent, less that power of
    /// two (one exact float subtraction). A format with float's bias (BFloat16) needs neither: its subnormals line up
    /// with float's, so the shift alone is the value. Infinity and NaN are selected in
    /// the lanes (<see cref="Decode"/>), so the speed does not depend on how many a block holds.
    /// </summary>
    internal static class SingleDecoder<TTraits, TOps, TV>
        where TTraits : struct, IFloatTraits
        where TOps : struct, ISimd<TV>
        where TV : struct
    {
        // Static readonly fields: constants in Tier-1 code that cost no inlining budget (see LaneEncoder).
        private static readonly int M = TTraits.MantissaBits;

        private static readonly int EMin = TTraits.MinNormalExponent;

        private static readonly int SignPosition = TTraits.ExponentBits + M;

        private static readonly uint CodeMask = (uint)(TTraits.SignMask | TTraits.MagnitudeMask);

        private static readonly uint MagnitudeMask = (uint)TTraits.MagnitudeMask;

        private static readonly uint SignMask = (uint)TTraits.SignMask;

        /// <summary>Float's bias less the format's, in the exponent field: added to the shifted magnitude.</summary>
        private static readonly uint Rebias = (uint)((long)(127 - TTraits.Bias) << 23);

        /// <summary>Subnormals line up with float's (bias 127): the shifted magnitude is already the value.</summary>
        private static readonly bool AlignedWithSingle = TTraits.Subnormals && TTraits.Bias == 127;

        /// <summary>
        /// The code is float's top 16 bits (BFloat16: bias 127, 8 exponent bits, sign at bit 15, IEEE specials): the
        /// value is the code shifted to the top, whatever the load put above bit 15, and only NaN lanes need a fix.
        /// </summary>
        private static readonly bool TopHalfOfSingle = AlignedWithSingle && TTraits.ExponentBits == 8 && SignPosition == 15
            && TTraits.SignMask == 1UL << 15 && TTraits.Specials == SpecialValues.Ieee;

        /// <summary>Format normals below float's normal range: assembled 2^64 larger, then scaled back exactly.</summary>
        private static readonly bool NormalsBelowSingle = !AlignedWithSingle && EMin + 127 < 1;

        /// <summary>The subtraction trick needs 2^EMin to be a normal float.</summary>
        private static readonly bool SubnormalsBySubtraction = TTraits.Subnormals && !AlignedWithSingle && EMin + 127 >= 1;

        /// <summary>Float bits of 2^EMin.</summary>
        private static readonly uint MinNormalBits = (uint)(EMin + 127) << 23;

        private static readonly uint InfinityMagnitude = (uint)((1UL << TTraits.ExponentBits) - 1) << M;

        /// <summary>Whether every value of the format is an exact float whose bits this decoder assembles.</summary>
        public static bool CanDecode => TOps.LaneBits == 32 && M <= 23 && TTraits.MaxExponent <= 127 && EMin - M >= -149
            && SignPosition <= 31 && (TTraits.SignMask == 0 || TTraits.SignMask == 1UL << SignPosition);

        /// <summary>
        /// Decodes codes to float bits, infinities and NaNs included, in the lanes: no branch on the data. With
        /// <paramref name="signExtended"/>, the lanes hold codes that fill their storage, sign-extended to 32 bits by
        /// the load: the sign is then already in float's sign bit.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static TV Decode(TV codes, bool signExtended = false)
        {
            if (TopHalfOfSingle)
            {
                // Two operations fewer than the general shape: no masks, the sign is already in place; NaNs made quiet
                // and canonical (the scalar codec's NaN), infinities already right.
                TV top = TOps.ShiftLeft(codes, 16);
                TV quietNaN = TOps.Or(TOps.And(top, TOps.Create(0x8000_0000UL)), TOps.Create(0x7FC0_0000UL));
                return TOps.Select(TOps.GreaterThan(TOps.And(top, TOps.Create(0x7FFF_FFFFUL)), TOps.Create(0x7F80_0000UL)), quietNaN, top);
            }

            TV code = signExtended ? codes : TOps.And(codes, TOps.Create(CodeMask));
            TV magnitude = TOps.And(code, TOps.Create(MagnitudeMask));
            TV shifted = TOps.ShiftLeft(magnitude, 23 - M);
            TV value;
            if (AlignedWithSingle)
            {
                value = shifted;
            }
            else
            {
                value = TOps.Add(shifted, TOps.Create(Rebias));
                if (NormalsBelowSingle)
                {
                    // Normal in the format but subnormal in float: assemble 2^64 times larger, then scale back (exact).
                    TV scaled = TOps.FMultiply(TOps.Add(value, TOps.Create(64U << 23)), TOps.Create(0x1F80_0000UL));
                    value = TOps.Select(TOps.GreaterThan(TOps.Create((ulong)(long)(TTraits.Bias - 126) << M), magnitude), scaled, value);
                }

                if (SubnormalsBySubtraction)
                {
                    // 2^EMin * (1 + m / 2^M) - 2^EMin = m * 2^(EMin - M), exactly.
                    TV minNormal = TOps.Create(MinNormalBits);
                    TV subnormal = TOps.FSubtract(TOps.Or(shifted, minNormal), minNormal);
                    value = TOps.Select(TOps.GreaterThan(TOps.Create(1UL << M), magnitude), subnormal, value);
                }
                else if (TTraits.Subnormals)
                {
                    // 2^EMin is itself subnormal in float: the mantissa as an exact float, times 2^(EMin - M).
                    TV magic = TOps.Create(0x4B00_0000UL);
                    TV mantissa = TOps.FSubtract(TOps.Or(magnitude, magic), magic);
                    TV subnormal = TOps.FMultiply(mantissa, TOps.Create(1UL << (EMin - M + 149)));
                    value = TOps.Select(TOps.GreaterThan(TOps.Create(1UL << M), magnitude), subnormal, value);
                }
            }

            // Infinity and NaN selected in the lanes, before the sign goes in (so their codes are constants), each
            // compare written inside its select so that it stays an AVX-512 mask (see LaneEncoder.SelectSpecial):
            // the speed does not depend on how many a block holds.
            if (TTraits.Specials == SpecialValues.Ieee)
            {
                value = TOps.Select(TOps.GreaterThan(magnitude, TOps.Create(InfinityMagnitude - 1)), TOps.Create(0x7F80_0000UL), value);
                value = TOps.Select(TOps.GreaterThan(magnitude, TOps.Create(InfinityMagnitude)), TOps.Create(0x7FC0_0000UL), value);
            }
            else if (TTraits.Specials == SpecialValues.FiniteNaN)
            {
                value = TOps.Select(TOps.Equal(magnitude, TOps.Create(MagnitudeMask)), TOps.Create(0x7FC0_0000UL), value);
            }
            else if (TTraits.Specials == SpecialValues.FiniteNaNUnsignedZero)
            {
                // FNUZ: NaN is the sign bit alone, whose magnitude is zero.
                value = TOps.Select(TOps.Equal(code, TOps.Create(signExtended ? ~MagnitudeMask : SignMask)), TOps.Create(0x7FC0_0000UL), value);
            }

            return TTraits.Signed ? TOps.Or(value, Sign(code, magnitude, signExtended)) : value;
        }

        /// <summary>The code's sign in float's sign bit.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static TV Sign(TV code, TV magnitude, bool signExtended)
            => signExtended ? TOps.And(code, TOps.Create(0x8000_0000UL)) : TOps.ShiftLeft(TOps.Xor(code, magnitude), 31 - SignPosition);

        /// <summary>Whether codes of <paramref name="storageBytes"/> bytes fill their storage, so a sign-extending load puts the sign in bit 31.</summary>
        public static bool FillsStorage(int storageBytes) => TTraits.Signed && TTraits.SignMask == 1UL << (8 * storageBytes - 1);

    }
}
