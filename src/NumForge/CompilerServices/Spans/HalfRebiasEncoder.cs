using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NumForge.CompilerServices.Spans
{
    /// <summary>
    /// Half to a 16-bit format whose range holds every Half as a normal number (BFloat16; <see cref="HalfRebiasEncoder.Applies{TTraits}"/>),
    /// in 16-bit lanes, one vector in and one out, no widening: a normal Half's code read as an integer is its exponent
    /// and mantissa fields in order, so adding the mode's bias below the kept mantissa bits, an arithmetic shift by the
    /// bits dropped and one addition of the exponent's re-bias give the format's code (a carry out of the mantissa is
    /// the correct rounding up into the next binade; no Half overflows the format, so saturating changes nothing). A
    /// subnormal Half (a small integer times 2^-24) is first given a Half-like code with an exponent below 1 (negative
    /// as an integer; the arithmetic shift keeps it exact): its value converted to float in 32-bit lanes yields that
    /// code's fields, shifted and offset (<see cref="ISimd16{TV}.SingleFields"/>). Zero, infinities and NaN (the
    /// quiet NaN of its sign, as the scalar codec gives) are selected; the sign is ORed back. About twenty lane
    /// operations per vector of 16-bit lanes, against about forty for the widen-to-float path of the same elements.
    /// </summary>
    /// <typeparam name="TTraits">The destination format.</typeparam>
    /// <typeparam name="TMode">The rounding mode.</typeparam>
    /// <typeparam name="TOps">The vector operations of the width.</typeparam>
    /// <typeparam name="TV">The vector of 16-bit lanes.</typeparam>
    internal readonly struct HalfRebiasEncodeBlock<TTraits, TMode, TOps, TV> : IBlockConverter
        where TTraits : struct, IFloatTraits
        where TMode : struct, IRoundingMode
        where TOps : struct, ISimd16<TV>
        where TV : struct
    {
        public static int BlockElements => TOps.Count;

        public static int SourceElementSize => 2;

        public static int DestinationElementSize => 2;

        public static int StoreBytes => TOps.Count * 2;

        /// <summary>The Half mantissa bits the format drops (1-10).</summary>
        private static int Dropped => 10 - TTraits.MantissaBits;

        /// <summary>A unit of the kept mantissa less one, in Half mantissa units: the directed modes' bias.</summary>
        private static ushort UnitLessOne => (ushort)((1 << Dropped) - 1);

        /// <summary>The exponent's re-bias in the format's code: (bias - 15) at the exponent field.</summary>
        private static ushort Rebias => (ushort)((TTraits.Bias - 15) << TTraits.MantissaBits);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Convert(ref byte source, ref byte destination, bool streaming)
            => TOps.Store(Encode(TOps.Load(ref source)), ref destination, streaming);

        /// <summary>The codes of the Half bits <paramref name="h"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static TV Encode(TV h)
        {
            TV magnitude = TOps.And(h, TOps.Create(0x7FFF));

            // A subnormal's value as a float is 2^(p + 127 - 127) times 1.f; shifted right by 13 its bits are the
            // Half-like code of the same value with exponent p - 9 plus 136 << 10 (so 0x2000 off in 16 bits).
            TV subnormal = TOps.Subtract(TOps.SingleFields(magnitude), TOps.Create(0x2000));
            TV y = TOps.Select(TOps.GreaterThan(TOps.Create(0x0400), magnitude), subnormal, magnitude);
            TV code = TOps.Add(TOps.ShiftRightArithmetic(TOps.Add(y, Bias(y, h)), Dropped), TOps.Create(Rebias));

            TV special = TOps.Select(TOps.GreaterThan(magnitude, TOps.Create(0x7C00)), TOps.Create(Codes.NaN), TOps.Create(Codes.Infinity));
            code = TOps.Select(TOps.GreaterThan(magnitude, TOps.Create(0x7BFF)), special, code);
            code = TOps.AndNot(code, TOps.Equal(magnitude, TOps.Create(0)));
            return TOps.Or(code, TOps.And(h, TOps.Create(0x8000)));
        }

        /// <summary>
        /// The mode's addition below the kept bits: the lowest kept bit plus half a unit less one (ties to even), half a
        /// unit (ties away), nothing (toward zero), a unit less one in the lanes of the sign rounded away from zero.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static TV Bias(TV y, TV h)
        {
            ushort half = (ushort)(1 << (Dropped - 1));
            if (TMode.Mode == MidpointRounding.ToEven)
            {
                return TOps.Add(TOps.And(TOps.ShiftRightLogical(y, Dropped), TOps.Create(1)), TOps.Create((ushort)(half - 1)));
            }

            if (TMode.Mode == MidpointRounding.AwayFromZero)
            {
                return TOps.Create(half);
            }

            if (TMode.Mode == MidpointRounding.ToPositiveInfinity)
            {
                return TOps.AndNot(TOps.Create(UnitLessOne), TOps.ShiftRightArithmetic(h, 15));
            }

            if (TMode.Mode == MidpointRounding.ToNegativeInfinity)
            {
                return TOps.And(TOps.ShiftRightArithmetic(h, 15), TOps.Create(UnitLessOne));
            }

            return TOps.Create(0);
        }

        /// <summary>The codes of infinity and NaN without their sign, once per format.</summary>
        private static class Codes
        {
            public static readonly ushort Infinity = (ushort)FloatCodec<TTraits>.FromHalf(Half.PositiveInfinity, MidpointRounding.ToEven, false);

            public static readonly ushort NaN = (ushort)(FloatCodec<TTraits>.FromHalf(Half.NaN, MidpointRounding.ToEven, false) & 0x7FFF);
        }
    }

    /// <summary>The Half encodes of 16-bit formats that hold every Half as a normal number (the caller converts the rest).</summary>
    internal static class HalfRebiasEncoder
    {
        /// <summary>
        /// Whether <typeparamref name="TTraits"/> takes <see cref="HalfRebiasEncodeBlock{TTraits, TMode, TOps, TV}"/>:
        /// a signed 16-bit code with the sign at bit 15, at most nine mantissa bits, IEEE infinities and NaN, every
        /// Half (the smallest subnormal, 2^-24, and 65504 rounded up, 2^16) a normal finite number of the format, and
        /// the scalar codec's signed zeros, infinities, NaN (payload and sign of the NaN aside) and a few rounded values
        /// as the kernel computes them (so not a format without subnormals, whose zero is NaN). BFloat16, and generated formats such as <c>[FloatFormat(6, 9)]</c>.
        /// </summary>
        public static bool Applies<TTraits>()
            where TTraits : struct, IFloatTraits
            => Layout<TTraits>.Applies;

        /// <summary>
        /// Encodes <paramref name="source"/> in <paramref name="rounding"/> (saturating or not: no Half overflows such a
        /// format) in whole vectors; returns how many elements it encoded: all of a span at least one vector long whose
        /// destination lies apart (the last vector ends at the end), the whole vectors of one converted in place, and 0
        /// for a span shorter than one vector, at scalar width, where <see cref="Applies{TTraits}"/> is false or for a
        /// mode that is not a defined one. What it leaves is shorter than one vector (32, 16 or 8 elements).
        /// </summary>
        public static int FromHalf<TTraits>(ReadOnlySpan<Half> source, Span<ushort> destination, MidpointRounding rounding, SimdWidth width)
            where TTraits : struct, IFloatTraits
        {
            if (!Applies<TTraits>())
            {
                return 0;
            }

            ref byte input = ref SpanBytes.Of(source);
            ref byte output = ref SpanBytes.Of(destination);
            int length = Math.Min(source.Length, destination.Length);
            return Math.Max(0, SimdWidths.Resolve(width) switch
            {
                SimdWidth.V512 => LaneEncodeDispatch.Run<Route<TTraits, Vector512x16, Vector512<ushort>>>(ref input, ref output, length, rounding, saturate: false),
                SimdWidth.V256 => LaneEncodeDispatch.Run<Route<TTraits, Vector256x16, Vector256<ushort>>>(ref input, ref output, length, rounding, saturate: false),
                SimdWidth.V128 => LaneEncodeDispatch.Run<Route<TTraits, Vector128x16, Vector128<ushort>>>(ref input, ref output, length, rounding, saturate: false),
                _ => 0,
            });
        }

        /// <summary>The Half encode as an <see cref="ILaneEncodeRoute"/>: every mode, no clamp (no Half overflows such a format, so saturation changes nothing).</summary>
        private readonly struct Route<TTraits, TOps, TV> : ILaneEncodeRoute
            where TTraits : struct, IFloatTraits
            where TOps : struct, ISimd16<TV>
            where TV : struct
        {
            static bool ILaneEncodeRoute.Applies<TMode>(bool saturate, out bool clamps)
                => LaneEncodeDispatch.AlwaysWithoutClamp(out clamps);

            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            static int ILaneEncodeRoute.Run<TMode, TSaturate, TClamps>(ref byte input, ref byte output, int length)
                => BlockLoop.Run(ref input, ref output, length, default(HalfRebiasEncodeBlock<TTraits, TMode, TOps, TV>));
        }

        private static bool Computes<TTraits>()
            where TTraits : struct, IFloatTraits
        {
            int exponentBits = TTraits.ExponentBits;
            int mantissaBits = TTraits.MantissaBits;
            if (!TTraits.Signed || TTraits.SignMask != 1UL << 15 || exponentBits + mantissaBits != 15 || mantissaBits > 9
                || TTraits.Specials != SpecialValues.Ieee || TTraits.Bias < 25 || (1 << exponentBits) - 2 - TTraits.Bias < 16)
            {
                return false;
            }

            ulong infinity = (ulong)((1 << exponentBits) - 1) << mantissaBits;
            if (TTraits.MaxFiniteMagnitude != infinity - 1)
            {
                return false;
            }

            // The scalar codec's specials and a few roundings, in every mode and saturation, as the kernel has them
            // (signed zeros too: without subnormals a format's code 0 is no zero, and the codec gives zero its NaN).
            ulong nan = FloatCodec<TTraits>.FromHalf(Half.NaN, MidpointRounding.ToEven, false) & 0x7FFF;
            Half[] probes =
            {
                Half.PositiveInfinity, Half.NegativeInfinity, Half.NaN, BitConverter.UInt16BitsToHalf(0xFE01), BitConverter.UInt16BitsToHalf(0x7D55),
                Half.Zero, Half.NegativeZero,
            };
            foreach (MidpointRounding mode in Enum.GetValues<MidpointRounding>())
            {
                foreach (bool saturate in new[] { false, true })
                {
                    foreach (Half probe in probes)
                    {
                        ushort bits = BitConverter.HalfToUInt16Bits(probe);
                        ulong expected = (bits & 0x8000UL) | ((bits & 0x7FFF) == 0 ? 0 : Half.IsNaN(probe) ? nan : infinity);
                        if (FloatCodec<TTraits>.FromHalf(probe, mode, saturate) != expected)
                        {
                            return false;
                        }
                    }

                    // The largest Half and the smallest subnormal: rounded up (to 2^16, to the next code above 2^-24) or not.
                    bool up = mode == MidpointRounding.ToPositiveInfinity;
                    ulong largest = ((ulong)(TTraits.Bias + 15) << mantissaBits) + (0x3FFUL >> (10 - mantissaBits));
                    ulong largestUp = (ulong)(TTraits.Bias + 16) << mantissaBits;
                    bool largestRoundsUp = up || mode == MidpointRounding.ToEven || mode == MidpointRounding.AwayFromZero;
                    if (FloatCodec<TTraits>.FromHalf(Half.MaxValue, mode, saturate) != (largestRoundsUp ? largestUp : largest)
                        || FloatCodec<TTraits>.FromHalf(Half.Epsilon, mode, saturate) != (ulong)(TTraits.Bias - 24) << mantissaBits)
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        /// <summary><see cref="Applies{TTraits}"/>, computed once per format (a constant in Tier-1 code).</summary>
        private static class Layout<TTraits>
            where TTraits : struct, IFloatTraits
        {
            public static readonly bool Applies = Computes<TTraits>();
        }
    }
}
