using System;

namespace NumForge.CompilerServices.Spans
{
    /// <summary>
    /// The codes of overflow, infinity and NaN of one conversion (format, mode, saturating or not), per sign, from the
    /// scalar codec, and what <see cref="LaneEncoder{TTraits, TMode, TOps, TV, TLayout}"/> needs to know of their shape.
    /// </summary>
    /// <remarks>
    /// A class of its own, of plain integers and flags only, so that Native AOT computes it while compiling (it runs the
    /// static constructor in its interpreter, which takes arithmetic and the scalar codec but not vector types, and fails
    /// a whole constructor on one field it cannot take): its fields are then constants in AOT code as in Tier-1 JIT code,
    /// where a struct of vectors made every flag a branch at run time and every code a load. Saturation is a type
    /// argument for the same reason; the encoder broadcasts the codes where it uses them.
    /// </remarks>
    internal static class LaneSpecials<TTraits, TMode, TSaturate>
        where TTraits : struct, IFloatTraits
        where TMode : struct, IRoundingMode
        where TSaturate : struct, IFlag
    {
        public static readonly ulong OverflowPositive = Code(double.MaxValue);

        public static readonly ulong OverflowNegative = Code(-double.MaxValue);

        public static readonly ulong InfinityPositive = Code(double.PositiveInfinity);

        public static readonly ulong InfinityNegative = Code(double.NegativeInfinity);

        /// <summary>The code of a positive NaN (double.NaN has its sign bit set, so both NaNs are spelled out).</summary>
        public static readonly ulong NaNPositive = Code(BitConverter.UInt64BitsToDouble(0x7FF8_0000_0000_0000UL));

        public static readonly ulong NaNNegative = Code(BitConverter.UInt64BitsToDouble(0xFFF8_0000_0000_0000UL));

        /// <summary>Whether every negative special code has the sign bit set: see <see cref="LaneEncoder{TTraits, TMode, TOps, TV, TLayout}.EncodeInLane"/>.</summary>
        public static readonly bool SignedShape = (OverflowNegative & TTraits.SignMask) != 0
            && (InfinityNegative & TTraits.SignMask) != 0 && (NaNNegative & TTraits.SignMask) != 0;

        /// <summary>Per kind, whether the negative code is the positive one with the sign bit (one constant then serves both signs).</summary>
        public static readonly bool OverflowSymmetric = OverflowNegative == (OverflowPositive | TTraits.SignMask);

        public static readonly bool InfinitySymmetric = InfinityNegative == (InfinityPositive | TTraits.SignMask);

        public static readonly bool NaNSymmetric = NaNNegative == (NaNPositive | TTraits.SignMask);

        /// <summary>Whether infinity and overflow give the same codes.</summary>
        public static readonly bool InfinityIsOverflow = InfinityPositive == OverflowPositive && InfinityNegative == OverflowNegative;

        /// <summary>Whether infinity and NaN give the same codes (FN formats: one compare then finds both).</summary>
        public static readonly bool InfinityIsNaN = InfinityPositive == NaNPositive && InfinityNegative == NaNNegative;

        /// <summary>Whether NaN, infinity and overflow all give the same codes.</summary>
        public static readonly bool AllSpecialsAlike = InfinityIsOverflow && NaNPositive == InfinityPositive && NaNNegative == InfinityNegative;

        /// <summary>
        /// Whether overflow and infinity both give the largest finite value of their sign (saturating conversions,
        /// formats without infinity, directed modes toward zero): the encoder can then clamp instead of flagging them.
        /// </summary>
        public static readonly bool Clamps = OverflowPositive == TTraits.MaxFiniteMagnitude
            && OverflowNegative == (TTraits.MaxFiniteMagnitude | TTraits.SignMask)
            && InfinityPositive == TTraits.MaxFiniteMagnitude
            && InfinityNegative == (TTraits.MaxFiniteMagnitude | TTraits.SignMask);

        /// <summary>
        /// Whether the scalar codec's zeros have the shape the encoder assumes: zero is 0 and negative zero the sign bit
        /// (or 0 for FNUZ formats, which fold negative zero into positive zero). When not, the caller uses the general kernel.
        /// </summary>
        public static readonly bool ZerosInShape = Code(0.0) == 0
            && Code(-0.0) == (TTraits.Specials == SpecialValues.FiniteNaNUnsignedZero ? 0 : TTraits.SignMask);

        private static ulong Code(double value) => FloatCodec<TTraits>.FromDouble(value, TMode.Mode, TSaturate.Value);
    }
}
