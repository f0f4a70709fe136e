using System;
using System.Runtime.CompilerServices;

namespace NumForge.CompilerServices.Spans
{
    /// <summary>
    /// The fast encode of float (32-bit lanes) or double (64-bit lanes) to a format, in one rounding mode
    /// (<typeparamref name="TMode"/>): about a fifth of the lane operations of
    /// <see cref="FloatVectorKernel{TTraits, TOps, TV}.Encode"/>, which keeps its place for stochastic rounding and
    /// the formats this one does not cover. Both give the bits of <see cref="FloatCodec{TTraits}.RoundPack"/>; the span
    /// tests hold every path to the scalar codec.
    /// <list type="bullet">
    /// <item>Normal results: add the mode's rounding increment to the source's magnitude bits and drop the low bits.
    /// The increment is a constant less one (ties to even: half a unit less one, plus the lowest kept bit; ties away:
    /// half a unit; toward zero: nothing; toward an infinity: a unit less one in the lanes of that sign, from a mask of
    /// the sign), with the exponent rebias folded in. The carry runs into the exponent, which is the correct rounding
    /// up to the next binade (and past the largest finite value, which the overflow select then catches).</item>
    /// <item>Subnormal results: add a power of two whose unit in the last place is the format's smallest subnormal;
    /// the adder rounds to nearest even at exactly that unit, and the sum's low bits are the code. Ties away correct
    /// that by one unit where the adder broke a tie downward; the directed modes truncate the magnitude in those units
    /// instead (an exact scale, then the truncating float-to-integer conversion) and add one where that was inexact in
    /// the lanes rounded away from zero.</item>
    /// <item>Special results (overflow, infinity, NaN) are all magnitudes above the largest finite code, so one
    /// compare finds them; their codes (from the scalar codec, per format, mode, sign and saturation) are selected in
    /// the lanes (<see cref="EncodeInLane"/>), so the speed does not depend on how many there are.</item>
    /// </list>
    /// The lanes hold float or double bits (<see cref="NativeLanes"/>), or a Half's fields at float's places
    /// (<see cref="HalfFieldLanes"/>), which the float arithmetic of the subnormal path reads as the Half's value times
    /// 2^-112: the same roundings with the Half's bias.
    /// </summary>
    internal static class LaneEncoder<TTraits, TMode, TOps, TV, TLayout>
        where TTraits : struct, IFloatTraits
        where TMode : struct, IRoundingMode
        where TOps : struct, ISimd<TV>
        where TV : struct
        where TLayout : struct, ILaneLayout
    {
        // The constants as static readonly fields: Tier-1 code reads them as constants, and unlike properties they
        // cost the JIT no inlining budget, which the lane operations of four vectors need. Integers only (the special
        // codes in LaneSpecials), so that Native AOT computes them while compiling and they are constants there too.
        private static readonly int M = TTraits.MantissaBits;

        private static readonly int EMin = TTraits.MinNormalExponent;

        /// <summary>Fraction bits of the source: float's 23 or double's 52.</summary>
        private static readonly int F = TOps.LaneBits == 32 ? 23 : 52;

        /// <summary>The bias of the source's exponent field: float's, double's, or Half's 15 for Half fields in float lanes.</summary>
        private static readonly int SourceBias = TLayout.HalfFields ? 15 : TOps.LaneBits == 32 ? 127 : 1023;

        /// <summary>The bias of the lane's own floating-point type (float or double), whose arithmetic the subnormal path uses.</summary>
        private static readonly int ContainerBias = TOps.LaneBits == 32 ? 127 : 1023;

        private static readonly ulong SourceSign = 1UL << (TOps.LaneBits - 1);

        /// <summary>
        /// The magnitude bits of a source lane. Half fields come from a sign-extended Half shifted left by 13: bits 30-28
        /// are copies of the sign, so the magnitude is the 27 bits below them.
        /// </summary>
        private static readonly ulong MagnitudeMask = TLayout.HalfFields ? 0x0FFF_E000UL : SourceSign - 1;

        /// <summary>Bits of the source's infinity.</summary>
        private static readonly ulong InfinityBits = (ulong)(2 * SourceBias + 1) << F;

        /// <summary>Source bits dropped for a normal result.</summary>
        private static readonly int Dropped = F - M;

        /// <summary>Position of the format's sign bit.</summary>
        private static readonly int SignPosition = TTraits.ExponentBits + M;

        /// <summary>Bits of 2^EMin in the source: the smallest normal value of the format.</summary>
        private static readonly ulong MinNormalBits = Pow2Bits(EMin);

        /// <summary>Bits of 2^(EMin - M + F), the source value whose last place is the format's smallest subnormal.</summary>
        private static readonly ulong SubnormalMagicBits = Pow2Bits(EMin - M + F);

        /// <summary>Bits of half the format's smallest subnormal (a tie of the subnormal rounding).</summary>
        private static readonly ulong HalfSubnormalBits = Pow2Bits(EMin - M - 1);

        /// <summary>Bits of 2^(M - EMin) (the scale to units of the smallest subnormal), split in two powers of the source when beyond one.</summary>
        private static readonly ulong ScaleBits = Pow2Bits(Math.Min(M - EMin, SourceBias));

        /// <summary>The second factor of the scale (0 when one suffices).</summary>
        private static readonly ulong ScaleMoreBits = M - EMin > SourceBias ? Pow2Bits(M - EMin - SourceBias) : 0;

        /// <summary>
        /// The rounding constant less the exponent rebias (the source's bias against the format's), in place: added to a
        /// normal source's bits, the top bits become the format's rounded code. Wraps by design (lanes below the smallest
        /// normal, where it does, take the subnormal path).
        /// </summary>
        private static readonly ulong NormalAddend = RoundingConstant() - ((ulong)(SourceBias + EMin - 1) << F);

        /// <summary>A unit less one: the increment of the lanes rounded away from zero by a directed mode.</summary>
        private static readonly ulong UnitLessOne = (1UL << Dropped) - 1;

        private static readonly ulong MaxFiniteMagnitude = TTraits.MaxFiniteMagnitude;

        private static readonly ulong SignMask = TTraits.SignMask;

        /// <summary>
        /// Whether this encoder applies to the format from this source: a signed format with subnormals whose normal
        /// range lies within the source's normal range, with fewer mantissa bits than the source, and codes of at most
        /// 31 bits.
        /// </summary>
        /// <remarks>
        /// Half fields also need 32-bit lanes and a subnormal path that only adds: a Half subnormal is a float subnormal
        /// there, which an addition takes at full speed, but a multiplication through a microcode assist (about 70 ns
        /// per vector, measured on this project's AVX-512 Xeon); the portable ties-away correction also paid assists
        /// (4-5x the nearest-even time, on normal inputs too). So Half fields serve ties to even at every width and the
        /// other modes where the CPU rounds per instruction (<see cref="EmbeddedRounding"/>: additions only); the
        /// rest widen the Halves.
        /// </remarks>
        public static bool CanEncode => TTraits.Signed && TTraits.Subnormals
            && TTraits.SignMask == 1UL << SignPosition && SignPosition <= 30
            && M >= 0 && M < F
            && EMin >= 1 - SourceBias && SourceBias + EMin - M + F <= 2 * ContainerBias
            && TTraits.MaxExponent <= SourceBias
            && (!TLayout.HalfFields || (TOps.LaneBits == 32 && (TMode.Mode == MidpointRounding.ToEven || EmbeddedRounding.Available<TV>())));

        /// <summary>Whether the format folds negative zero into positive zero (the FNUZ formats).</summary>
        private static readonly bool UnsignedZero = TTraits.Specials == SpecialValues.FiniteNaNUnsignedZero;

        private static readonly MidpointRounding Mode = TMode.Mode;

        /// <summary>Whether the encoder takes the format (<see cref="CanEncode"/>, <see cref="LaneSpecials{TTraits, TMode, TSaturate}.ZerosInShape"/>) and, if so, whether it clamps (<see cref="LaneSpecials{TTraits, TMode, TSaturate}.Clamps"/>): what an <see cref="ILaneEncodeRoute"/> reports.</summary>
        public static bool Applies(bool saturate, out bool clamps)
        {
            clamps = saturate ? LaneSpecials<TTraits, TMode, Yes>.Clamps : LaneSpecials<TTraits, TMode, No>.Clamps;
            return CanEncode && (saturate ? LaneSpecials<TTraits, TMode, Yes>.ZerosInShape : LaneSpecials<TTraits, TMode, No>.ZerosInShape);
        }

        /// <summary>Source bits of 2^e (normal or subnormal in the source).</summary>
        private static ulong Pow2Bits(int e)
        {
            int biased = SourceBias + e;
            return biased >= 1 ? (ulong)biased << F : biased > -F ? 1UL << (F - 1 + biased) : 0;
        }

        private static ulong RoundingConstant() => TMode.Mode switch
        {
            MidpointRounding.ToEven => (1UL << (Dropped - 1)) - 1,
            MidpointRounding.AwayFromZero => 1UL << (Dropped - 1),
            MidpointRounding.ToPositiveInfinity => (1UL << Dropped) - 1, // taken back in the negative lanes
            _ => 0,
        };

        /// <summary>
        /// Encodes one vector of source bits to codes in the low bits of each lane, leaving out the special results:
        /// lanes flagged in <paramref name="special"/> (overflow, infinity, NaN) still need <see cref="WithSpecials"/>.
        /// With <paramref name="clamp"/> (<see cref="LaneSpecials{TTraits, TMode, TSaturate}.Clamps"/>), overflow and infinity clamp to the largest
        /// finite value and only NaN lanes are flagged.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static TV Encode(TV x, out TV special, bool clamp = false) => EncodeCore(x, out special, clamp, selectSpecials: false, default);

        /// <summary>
        /// <see cref="Encode"/>; with <paramref name="selectSpecials"/>, the flagged lanes take
        /// <paramref name="specialMagnitude"/> with the lane's sign (selected before the sign is ORed in, except for
        /// FNUZ formats, whose NaN is the sign bit and must survive the negative-zero fold).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static TV EncodeCore(TV x, out TV special, bool clamp, bool selectSpecials, TV specialMagnitude)
        {
            TV a = Magnitude(x);
            TV negative = TOps.GreaterThan(TOps.Create(0), x);

            // Normal: add the mode's increment (the rebias folded into its constant part), drop the low bits. The sign
            // compare is written again here, not passed as `negative`: a compare the JIT sees inline in a select
            // becomes one masked add on AVX-512, where the shared local became a mask move, an AND and an add.
            TV sum = TMode.AddLaneIncrement<TOps, TV>(TOps.Add(a, TOps.Create(NormalAddend)), a, TOps.GreaterThan(TOps.Create(0), x), Dropped, UnitLessOne);
            TV normal = TOps.ShiftRight(sum, Dropped);

            // Subnormal: the adder rounds |x| to a whole number of the format's smallest subnormals, to nearest even;
            // the other modes correct that by a unit.
            TV magic = TOps.Create(SubnormalMagicBits);
            TV rounded = TOps.FAdd(a, magic);
            TV signed = TLayout.HalfFields ? TOps.Or(a, TOps.And(x, TOps.Create(SourceSign))) : x; // the copies of the sign cleared: a float
            TV subnormal = TMode.CorrectSubnormal<TOps, TV>(TOps.Subtract(rounded, magic), rounded, magic, signed, a, negative, HalfSubnormalBits, ScaleBits, ScaleMoreBits);

            TV magnitude = TOps.Select(TOps.GreaterThan(TOps.Create(MinNormalBits), a), subnormal, normal);

            // Overflow, infinity and NaN all land above the largest finite code: a NaN's or infinity's sum stays below
            // 2^(lane bits), so shifted right by at least one it is a positive lane above the code of 2^(MaxExponent + 1).
            TV finite = clamp ? TOps.Min(magnitude, TOps.Create(MaxFiniteMagnitude)) : magnitude;
            if (!selectSpecials)
            {
                special = clamp ? TOps.GreaterThan(a, TOps.Create(InfinityBits)) : TOps.GreaterThan(magnitude, TOps.Create(MaxFiniteMagnitude));
                return UnsignedZero ? WithoutNegativeZero(TOps.Or(finite, Sign(x))) : WithSign(finite, x);
            }

            special = default;
            if (UnsignedZero)
            {
                // FNUZ: the sign bit alone is NaN, so the negative zeros are folded before the special lanes are selected.
                TV sign = Sign(x);
                TV specialCode = TOps.Or(specialMagnitude, sign);
                TV code = WithoutNegativeZero(TOps.Or(finite, sign));
                return SelectSpecial(a, magnitude, specialCode, code, clamp);
            }

            return WithSign(SelectSpecial(a, magnitude, specialMagnitude, finite, clamp), x);
        }

        /// <summary>
        /// The special lanes take <paramref name="special"/>, the others <paramref name="finite"/>: the lanes above the
        /// largest finite code, or with <paramref name="clamp"/> (overflow and infinity already clamped) the NaN lanes.
        /// Each compare is written inside its select, and the caller passes locals: a compare the JIT evaluates in place
        /// stays an AVX-512 mask (one vpblendmd), where one held in a temporary (a shared local, or an argument spilled
        /// ahead of a later argument's statements) becomes a vector (vpmovm2d, then vpternlogd).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static TV SelectSpecial(TV a, TV magnitude, TV special, TV finite, bool clamp)
            => clamp ? TOps.Select(TOps.GreaterThan(a, TOps.Create(InfinityBits)), special, finite)
                : TOps.Select(TOps.GreaterThan(magnitude, TOps.Create(MaxFiniteMagnitude)), special, finite);

        /// <summary>The magnitude bits of a source lane (<see cref="MagnitudeMask"/>).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static TV Magnitude(TV x) => TOps.And(x, TOps.Create(MagnitudeMask));

        /// <summary>
        /// The source's sign bit moved to the format's by a shift (the bits it brings along below are masked off) and
        /// ORed into the code: the AND and the OR are one ternary-logic operation on AVX-512, so two lane operations
        /// where a compare, a mask-to-vector move, an AND and an OR were four.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static TV WithSign(TV code, TV x) => BitwiseLanes.OrAnd<TOps, TV>(code, SignShifted(x), TOps.Create(SignMask));

        /// <summary>The source's sign bit at the format's sign position, the other bits clear.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static TV Sign(TV x) => TOps.And(SignShifted(x), TOps.Create(SignMask));

        /// <summary>The source shifted so that its sign bit is at the format's sign position (the bits below come along: mask them).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static TV SignShifted(TV x) => TOps.ShiftRight(x, TOps.LaneBits - 1 - SignPosition);

        /// <summary>
        /// A code with negative zero (the sign bit alone, NaN in FNUZ formats) turned into +0: a negative value that
        /// rounds to zero is +0 there. A select on the compare: one masked zeroing on AVX-512.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static TV WithoutNegativeZero(TV code) => TOps.Select(TOps.Equal(code, TOps.Create(SignMask)), TOps.Create(0), code);

        /// <summary>
        /// <see cref="Encode"/> with the special lanes (overflow, infinity, NaN; with <paramref name="clamp"/> NaN only)
        /// given their codes in the same pass, without a branch on the data: a code per lane from at most two selects
        /// (none when every special gives one code, as in E4M3FN; one more where a directed mode overflows differently
        /// per sign), the sign ORed in, and one select into the result. Formats whose negative special codes lack the
        /// sign bit take <see cref="WithSpecials"/>, also in line.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static TV EncodeInLane<TSaturate>(TV x, bool clamp)
            where TSaturate : struct, IFlag
        {
            // Each shape's lane operations sit in a method of their own: the JIT folds the specials' flags and reads
            // (and counts against its inlining budget) only the shape this format has.
            if (!LaneSpecials<TTraits, TMode, TSaturate>.SignedShape)
            {
                return EncodeOutOfShape<TSaturate>(x, clamp);
            }

            TV magnitude = clamp ? NaN<TSaturate>(x) // overflow and infinity clamped: the flagged lanes are NaN
                : LaneSpecials<TTraits, TMode, TSaturate>.AllSpecialsAlike ? Overflow<TSaturate>(x)
                : LaneSpecials<TTraits, TMode, TSaturate>.InfinityIsNaN ? InfinityAsNaN<TSaturate>(x)
                : ThreeSpecials<TSaturate>(x);
            return EncodeCore(x, out _, clamp, selectSpecials: true, magnitude);
        }

        /// <summary><see cref="Encode"/> then <see cref="WithSpecials"/>: formats whose negative special codes lack the sign bit.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static TV EncodeOutOfShape<TSaturate>(TV x, bool clamp)
            where TSaturate : struct, IFlag
        {
            TV code = Encode(x, out TV special, clamp);
            return WithSpecials<TSaturate>(x, code, special);
        }

        /// <summary>The special code of each lane when infinity gives NaN (FN formats): one compare finds both.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static TV InfinityAsNaN<TSaturate>(TV x)
            where TSaturate : struct, IFlag
        {
            TV a = Magnitude(x);
            TV overflow = Overflow<TSaturate>(x);
            TV nan = NaN<TSaturate>(x); // a local, so that the compare stays in the select
            return TOps.Select(TOps.GreaterThan(a, TOps.Create(InfinityBits - 1)), nan, overflow);
        }

        /// <summary>The special code of each lane: NaN, infinity (when it differs from overflow) or overflow.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static TV ThreeSpecials<TSaturate>(TV x)
            where TSaturate : struct, IFlag
        {
            // The per-sign codes go into locals before each select, so that its compare is evaluated in place (see SelectSpecial).
            TV a = Magnitude(x);
            TV magnitude = Overflow<TSaturate>(x);
            if (!LaneSpecials<TTraits, TMode, TSaturate>.InfinityIsOverflow)
            {
                TV infinity = PerSign(x, LaneSpecials<TTraits, TMode, TSaturate>.InfinityPositive, LaneSpecials<TTraits, TMode, TSaturate>.InfinityNegative, LaneSpecials<TTraits, TMode, TSaturate>.InfinitySymmetric);
                magnitude = TOps.Select(TOps.Equal(a, TOps.Create(InfinityBits)), infinity, magnitude);
            }

            TV nan = NaN<TSaturate>(x);
            return TOps.Select(TOps.GreaterThan(a, TOps.Create(InfinityBits)), nan, magnitude);
        }

        /// <summary>The overflow code of each lane's sign (<see cref="PerSign"/>).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static TV Overflow<TSaturate>(TV x)
            where TSaturate : struct, IFlag
            => PerSign(x, LaneSpecials<TTraits, TMode, TSaturate>.OverflowPositive, LaneSpecials<TTraits, TMode, TSaturate>.OverflowNegative, LaneSpecials<TTraits, TMode, TSaturate>.OverflowSymmetric);

        /// <summary>The NaN code of each lane's sign (<see cref="PerSign"/>).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static TV NaN<TSaturate>(TV x)
            where TSaturate : struct, IFlag
            => PerSign(x, LaneSpecials<TTraits, TMode, TSaturate>.NaNPositive, LaneSpecials<TTraits, TMode, TSaturate>.NaNNegative, LaneSpecials<TTraits, TMode, TSaturate>.NaNSymmetric);

        /// <summary>
        /// The code that, with the lane's sign ORed in, is the special code of that sign: the positive code when the
        /// negative one is it with the sign bit, else a select by the sign (negative codes have the sign bit here).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static TV PerSign(TV x, ulong positive, ulong negative, bool symmetric)
            => symmetric ? TOps.Create(positive) : TOps.Select(TOps.GreaterThan(TOps.Create(0), x), TOps.Create(negative), TOps.Create(positive));

        /// <summary>Puts the overflow, infinity and NaN codes into the <paramref name="special"/> lanes of an <see cref="Encode"/> result.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static TV WithSpecials<TSaturate>(TV x, TV result, TV special)
            where TSaturate : struct, IFlag
        {
            TV a = Magnitude(x);
            TV negative = TOps.GreaterThan(TOps.Create(0), x);
            TV infinityBits = TOps.Create(InfinityBits);
            TV code = TOps.Select(
                TOps.GreaterThan(a, infinityBits),
                TOps.Select(negative, TOps.Create(LaneSpecials<TTraits, TMode, TSaturate>.NaNNegative), TOps.Create(LaneSpecials<TTraits, TMode, TSaturate>.NaNPositive)),
                TOps.Select(
                    TOps.Equal(a, infinityBits),
                    TOps.Select(negative, TOps.Create(LaneSpecials<TTraits, TMode, TSaturate>.InfinityNegative), TOps.Create(LaneSpecials<TTraits, TMode, TSaturate>.InfinityPositive)),
                    TOps.Select(negative, TOps.Create(LaneSpecials<TTraits, TMode, TSaturate>.OverflowNegative), TOps.Create(LaneSpecials<TTraits, TMode, TSaturate>.OverflowPositive))));
            return TOps.Select(special, code, result);
        }
    }

    /// <summary>How a lane of <see cref="LaneEncoder{TTraits, TMode, TOps, TV, TLayout}"/> holds the source value.</summary>
    internal interface ILaneLayout
    {
        /// <summary>Gets whether the lanes hold a Half's fields at float's places (else float or double bits).</summary>
        static abstract bool HalfFields { get; }
    }

    /// <summary>float bits in 32-bit lanes, double bits in 64-bit lanes.</summary>
    internal readonly struct NativeLanes : ILaneLayout
    {
        public static bool HalfFields => false;
    }

    /// <summary>
    /// A sign-extended Half shifted left by 13 in a 32-bit lane: sign at bit 31 (bits 30-28 copies of it), exponent and
    /// mantissa at float's places (bits 27-13), so that, the copies cleared, as a float it is the Half's value times
    /// 2^-112 exactly, Half subnormals as float subnormals. The encoder rounds it with the Half's bias (15) after one
    /// shift, where an exact widening to float costs about eight lane operations; infinity and NaN keep their
    /// all-ones exponent field of five bits, above every format this encoder takes from Halves.
    /// </summary>
    internal readonly struct HalfFieldLanes : ILaneLayout
    {
        public static bool HalfFields => true;
    }
}
