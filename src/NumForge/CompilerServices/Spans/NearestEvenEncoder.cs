using System;
using System.Runtime.CompilerServices;

namespace NumForge.CompilerServices.Spans
{
    /// <summary>
    /// The fast float encode for the default rounding (to nearest, ties to even): about a fifth of the lane operations
    /// of <see cref="FloatVectorKernel{TTraits, TOps, TV}.Encode"/>, which keeps its place for the other modes and for
    /// stochastic rounding. Both give the bits of <see cref="FloatCodec{TTraits}.RoundPack"/>; the span tests hold
    /// every path to the scalar codec.
    /// <list type="bullet">
    /// <item>Normal results: add half an output unit less one, plus the lowest kept bit, to the float's magnitude
    /// bits and drop the low bits. The carry runs into the exponent, which is the correct rounding up to the next
    /// binade (and past the largest finite value, which the overflow select then catches).</item>
    /// <item>Subnormal results: add a power of two whose unit in the last place is the format's smallest subnormal;
    /// the float adder rounds to nearest even at exactly that unit, and the sum's low bits are the code.</item>
    /// <item>Special results (overflow, infinity, NaN) are all magnitudes above the largest finite code, so one
    /// compare finds them; their codes (from the scalar codec, per format and saturation) are selected in the lanes
    /// (<see cref="EncodeInLane"/>), so the speed does not depend on how many there are.</item>
    /// </list>
    /// </summary>
    internal static class NearestEvenEncoder<TTraits, TOps, TV>
        where TTraits : struct, IFloatTraits
        where TOps : struct, ISimd<TV>
        where TV : struct
    {
        // The format's constants as static readonly fields: Tier-1 code reads them as constants, and unlike
        // properties they cost the JIT no inlining budget, which the lane operations of four vectors need.
        private static readonly int M = TTraits.MantissaBits;

        private static readonly int EMin = TTraits.MinNormalExponent;

        /// <summary>Float bits dropped for a normal result.</summary>
        private static readonly int Dropped = 23 - M;

        /// <summary>Position of the format's sign bit.</summary>
        private static readonly int SignPosition = TTraits.ExponentBits + M;

        /// <summary>Bits of 2^EMin as a float: the smallest normal value of the format.</summary>
        private static readonly uint MinNormalBits = (uint)(127 + EMin) << 23;

        /// <summary>Bits of 2^(EMin - M + 23), the float whose last place is the format's smallest subnormal.</summary>
        private static readonly uint SubnormalMagicBits = (uint)(127 + EMin - M + 23) << 23;

        /// <summary>
        /// Half an output unit less one, less the exponent rebias (float's bias against the format's) in place:
        /// added to a normal float's bits, the top bits become the format's rounded code. Wraps (as uint) by design.
        /// </summary>
        private static readonly uint NormalAddend = (uint)((1L << (Dropped - 1)) - 1 - ((long)(127 + EMin - 1) << 23));

        private static readonly uint MaxFiniteMagnitude = (uint)TTraits.MaxFiniteMagnitude;

        private static readonly uint SignMask = (uint)TTraits.SignMask;

        /// <summary>
        /// Whether this encoder applies to the format: float sources (32-bit lanes), a signed format with subnormals
        /// whose normal range lies within float's normal range, and codes of at most 31 bits.
        /// </summary>
        public static bool CanEncode => TOps.LaneBits == 32
            && TTraits.Signed && TTraits.Subnormals
            && TTraits.SignMask == 1UL << SignPosition && SignPosition <= 30
            && M >= 0 && M < 23
            && EMin >= -126 && EMin - M + 23 <= 127
            && TTraits.MaxExponent <= 127;

        /// <summary>Whether the format folds negative zero into positive zero (the FNUZ formats).</summary>
        private static readonly bool UnsignedZero = TTraits.Specials == SpecialValues.FiniteNaNUnsignedZero;

        private static readonly Constants NonSaturating = new(saturate: false);

        private static readonly Constants Saturating = new(saturate: true);

        /// <summary>The constants of a conversion, computed once per format (declared after the fields they read).</summary>
        public static ref readonly Constants For(bool saturate) => ref saturate ? ref Saturating : ref NonSaturating;

        /// <summary>The codes of overflow, infinity and NaN of one conversion (saturating or not), per sign, from the scalar codec.</summary>
        public readonly struct Constants
        {
            public readonly TV OverflowPositive;
            public readonly TV OverflowNegative;
            public readonly TV InfinityPositive;
            public readonly TV InfinityNegative;
            public readonly TV NaNPositive;
            public readonly TV NaNNegative;

            /// <summary>The positive codes of NaN, infinity and overflow (see <see cref="SignedShape"/>).</summary>
            public readonly TV NaNMagnitude;
            public readonly TV InfinityMagnitude;
            public readonly TV OverflowMagnitude;

            /// <summary>
            /// Whether each negative special code is its positive code with the sign bit set (true of every format
            /// with signed NaN and infinities, and of FNUZ formats, whose one NaN is the sign bit itself): then
            /// <see cref="EncodeInLane"/> picks a magnitude per lane and ORs the sign in.
            /// </summary>
            public readonly bool SignedShape;

            /// <summary>Whether infinity and overflow give the same code.</summary>
            public readonly bool InfinityIsOverflow;

            /// <summary>Whether NaN, infinity and overflow all give the same code.</summary>
            public readonly bool AllSpecialsAlike;

            /// <summary>
            /// Whether overflow and infinity both give the largest finite value of their sign (saturating
            /// conversions, formats without infinity): <see cref="Encode"/> can then clamp instead of flagging them.
            /// </summary>
            public readonly bool Clamps;

            /// <summary>
            /// Whether the scalar codec's zeros have the shape this encoder assumes: zero is 0 and negative zero the
            /// sign bit (or 0 for FNUZ formats). When not, the caller uses the general kernel.
            /// </summary>
            public readonly bool Applies;

            public Constants(bool saturate)
            {
                const MidpointRounding mode = MidpointRounding.ToEven;
                OverflowPositive = Code(double.MaxValue, saturate);
                OverflowNegative = Code(-double.MaxValue, saturate);
                InfinityPositive = Code(double.PositiveInfinity, saturate);
                InfinityNegative = Code(double.NegativeInfinity, saturate);

                // double.NaN has its sign bit set, so both NaNs are spelled out.
                NaNPositive = Code(BitConverter.UInt64BitsToDouble(0x7FF8_0000_0000_0000UL), saturate);
                NaNNegative = Code(BitConverter.UInt64BitsToDouble(0xFFF8_0000_0000_0000UL), saturate);
                ulong nan = Value(BitConverter.UInt64BitsToDouble(0x7FF8_0000_0000_0000UL), saturate);
                ulong infinity = Value(double.PositiveInfinity, saturate);
                ulong overflow = Value(double.MaxValue, saturate);
                NaNMagnitude = TOps.Create(nan);
                InfinityMagnitude = TOps.Create(infinity);
                OverflowMagnitude = TOps.Create(overflow);
                SignedShape = Value(BitConverter.UInt64BitsToDouble(0xFFF8_0000_0000_0000UL), saturate) == (nan | TTraits.SignMask)
                    && Value(double.NegativeInfinity, saturate) == (infinity | TTraits.SignMask)
                    && Value(-double.MaxValue, saturate) == (overflow | TTraits.SignMask);
                InfinityIsOverflow = infinity == overflow;
                AllSpecialsAlike = InfinityIsOverflow && nan == infinity;
                ulong max = TTraits.MaxFiniteMagnitude;
                ulong negativeMax = max | TTraits.SignMask;
                Clamps = Value(double.MaxValue, saturate) == max && Value(-double.MaxValue, saturate) == negativeMax
                    && Value(double.PositiveInfinity, saturate) == max && Value(double.NegativeInfinity, saturate) == negativeMax;
                Applies = CanEncode
                    && FloatCodec<TTraits>.FromDouble(0.0, mode, saturate) == 0
                    && FloatCodec<TTraits>.FromDouble(-0.0, mode, saturate) == (UnsignedZero ? 0 : TTraits.SignMask);
            }

            private static TV Code(double value, bool saturate) => TOps.Create(Value(value, saturate));

            private static ulong Value(double value, bool saturate) => FloatCodec<TTraits>.FromDouble(value, MidpointRounding.ToEven, saturate);
        }

        /// <summary>
        /// Encodes one vector of float bits (32-bit lanes) to codes in the low bits of each lane, leaving out the
        /// special results: lanes flagged in <paramref name="special"/> (overflow, infinity, NaN) still need
        /// <see cref="WithSpecials"/>. Splitting them off keeps the common path short and within the vector registers.
        /// With <paramref name="clamp"/> (<see cref="Constants.Clamps"/>), overflow and infinity clamp to the largest
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
            // Vector shifts run on fewer ports than compares and logic, so the sign is a compare, not a shift.
            TV a = TOps.AndNot(x, TOps.Create(0x8000_0000UL));
            TV sign = TOps.And(TOps.GreaterThan(TOps.Create(0), x), TOps.Create(SignMask));

            // Normal: add half a unit less one and the lowest kept bit (ties to even), drop the low bits. The rebias is
            // folded into the same constant; lanes below the smallest normal, where it wraps, take the subnormal path.
            TV lowestKept = TOps.And(TOps.ShiftRight(a, Dropped), TOps.Create(1));
            TV normal = TOps.ShiftRight(TOps.Add(TOps.Add(a, TOps.Create(NormalAddend)), lowestKept), Dropped);

            // Subnormal: the float adder rounds |x| to a whole number of the format's smallest subnormals.
            TV magic = TOps.Create(SubnormalMagicBits);
            TV subnormal = TOps.Subtract(TOps.FAdd(a, magic), magic);

            TV magnitude = TOps.Select(TOps.GreaterThan(TOps.Create(MinNormalBits), a), subnormal, normal);

            // Overflow, infinity and NaN all land above the largest finite code: a NaN's or infinity's sum stays below
            // 2^32, so shifted right by at least one it is a positive lane above the code of 2^128.
            if (clamp)
            {
                magnitude = TOps.Min(magnitude, TOps.Create(MaxFiniteMagnitude));
                special = TOps.GreaterThan(a, TOps.Create(0x7F80_0000UL));
            }
            else
            {
                special = TOps.GreaterThan(magnitude, TOps.Create(MaxFiniteMagnitude));
            }

            if (selectSpecials && !UnsignedZero)
            {
                magnitude = TOps.Select(special, specialMagnitude, magnitude);
            }

            TV result = TOps.Or(magnitude, sign);
            if (UnsignedZero)
            {
                // FNUZ: the sign bit alone is NaN there, so a negative value that rounds to zero is +0.
                result = TOps.AndNot(result, TOps.Equal(result, TOps.Create(SignMask)));
                if (selectSpecials)
                {
                    result = TOps.Select(special, TOps.Or(specialMagnitude, sign), result);
                }
            }

            return result;
        }

        /// <summary>
        /// <see cref="Encode"/> with the special lanes (overflow, infinity, NaN; with <paramref name="clamp"/> NaN only)
        /// given their codes in the same pass, without a branch on the data: a magnitude per lane from at most two
        /// selects (none when every special gives one code, as in E4M3FN), the sign ORed in, and one select into the
        /// result. Formats whose special codes are not signed magnitudes take <see cref="WithSpecials"/>, also in line.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static TV EncodeInLane(TV x, in Constants k, bool clamp)
        {
            if (!k.SignedShape)
            {
                TV code = Encode(x, out TV special, clamp);
                return WithSpecials(x, code, special, k);
            }

            TV magnitude;
            if (clamp)
            {
                magnitude = k.NaNMagnitude; // overflow and infinity clamped in Encode: the flagged lanes are NaN
            }
            else if (k.AllSpecialsAlike)
            {
                magnitude = k.OverflowMagnitude;
            }
            else
            {
                TV a = TOps.AndNot(x, TOps.Create(0x8000_0000UL));
                TV infinityBits = TOps.Create(0x7F80_0000UL);
                magnitude = k.InfinityIsOverflow ? k.OverflowMagnitude : TOps.Select(TOps.Equal(a, infinityBits), k.InfinityMagnitude, k.OverflowMagnitude);
                magnitude = TOps.Select(TOps.GreaterThan(a, infinityBits), k.NaNMagnitude, magnitude);
            }

            return EncodeCore(x, out _, clamp, selectSpecials: true, magnitude);
        }

        /// <summary>Puts the overflow, infinity and NaN codes into the <paramref name="special"/> lanes of an <see cref="Encode"/> result.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static TV WithSpecials(TV x, TV result, TV special, in Constants k)
        {
            TV a = TOps.AndNot(x, TOps.Create(0x8000_0000UL));
            TV negative = TOps.GreaterThan(TOps.Create(0), x);
            TV infinityBits = TOps.Create(0x7F80_0000UL);
            TV code = TOps.Select(
                TOps.GreaterThan(a, infinityBits),
                TOps.Select(negative, k.NaNNegative, k.NaNPositive),
                TOps.Select(
                    TOps.Equal(a, infinityBits),
                    TOps.Select(negative, k.InfinityNegative, k.InfinityPositive),
                    TOps.Select(negative, k.OverflowNegative, k.OverflowPositive)));
            return TOps.Select(special, code, result);
        }
    }
}
