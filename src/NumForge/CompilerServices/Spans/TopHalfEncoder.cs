using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NumForge.CompilerServices.Spans
{
    /// <summary>
    /// float to a format that is float's top 16 bits (BFloat16), in every rounding mode, saturating or not: each mode is
    /// a per-lane bias added to the float's bits before the top half is kept (Eigen's trick for nearest even, 0x7FFF
    /// plus the lowest kept bit; ties away 0x8000; toward zero nothing; toward an infinity 0xFFFF in the lanes of that
    /// sign). Integer addition on the bits is exact rounding on the magnitude, subnormals included, and a carry into the
    /// exponent is the correct rounding up, to infinity past the largest finite value; a mode that rounds toward zero
    /// truncates a huge finite value to the largest finite one by itself. Saturating drops the bias in the lanes whose
    /// top half is the largest finite magnitude, the only ones that can overflow. NaN lanes are selected to the quiet
    /// NaN of their sign (the scalar codec drops the payload). About ten lane operations per vector in every mode; the
    /// general lane encoder does about fifteen.
    /// </summary>
    /// <typeparam name="TSource">Where the float lanes come from: floats, or doubles narrowed into float.</typeparam>
    /// <typeparam name="TMode">The rounding mode.</typeparam>
    /// <typeparam name="TSaturate">Whether overflow saturates to the largest finite value.</typeparam>
    /// <typeparam name="TOps">The vector operations of the width.</typeparam>
    /// <typeparam name="TV">The vector of 32-bit lanes.</typeparam>
    internal readonly struct TopHalfEncodeBlock<TSource, TMode, TSaturate, TOps, TV> : IBlockConverter
        where TSource : struct, IFloatLaneSource
        where TMode : struct, IRoundingMode
        where TSaturate : struct, IFlag
        where TOps : struct, ISimd32<TV>
        where TV : struct
    {
        public static int BlockElements => TOps.Count * 2;

        public static int SourceElementSize => TSource.ElementSize;

        public static int DestinationElementSize => 2;

        public static int StoreBytes => TOps.Count * 4;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Convert(ref byte source, ref byte destination, bool streaming)
        {
            TSource.Load<TOps, TV>(ref source, out TV first, out TV second);
            TOps.StoreNarrow16(Round(first), Round(second), ref destination, streaming);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static TV Round(TV bits)
        {
            TV high = TOps.ShiftRight(bits, 16);
            TV rounded;
            if (TMode.Mode == MidpointRounding.ToZero)
            {
                // Truncation never overflows: saturating changes nothing.
                rounded = high;
            }
            else
            {
                // The sum is selected per lane rather than the bias masked: with AVX-512 a masked add, one operation.
                TV sum;
                if (TMode.Mode == MidpointRounding.ToEven || TMode.Mode == MidpointRounding.AwayFromZero)
                {
                    TV bias = TMode.Mode == MidpointRounding.ToEven
                        ? TOps.Add(TOps.And(high, TOps.Create(1)), TOps.Create(0x7FFF))
                        : TOps.Create(0x8000);
                    sum = TSaturate.Value
                        ? TOps.Select(LargestFinite(high), bits, TOps.Add(bits, bias))
                        : TOps.Add(bits, bias);
                }
                else
                {
                    // The directed modes: a unit less one in the lanes rounded away from zero, picked by one signed
                    // compare (against 0 for the negative lanes, against -1 for the others: no complement of the mask).
                    // Each compare is written inside its select: in place it stays an AVX-512 mask (a masked add, a
                    // blend), where one held in a local became a vector (vpmovm2d, then vpternlogd).
                    TV up = TOps.Add(bits, TOps.Create(0xFFFF));
                    if (TMode.Mode == MidpointRounding.ToNegativeInfinity)
                    {
                        sum = TOps.Select(TOps.GreaterThan(TOps.Create(0), bits), up, bits);
                    }
                    else
                    {
                        sum = TOps.Select(TOps.GreaterThan(bits, TOps.Create(uint.MaxValue)), up, bits);
                    }

                    if (TSaturate.Value)
                    {
                        sum = TOps.Select(LargestFinite(high), bits, sum);
                    }
                }

                rounded = TOps.ShiftRight(sum, 16);
            }

            TV quietNaN = TOps.Or(TOps.And(high, TOps.Create(0x8000)), TOps.Create(0x7FC0));
            return TOps.Select(TOps.GreaterThan(TOps.And(bits, TOps.Create(0x7FFF_FFFFUL)), TOps.Create(0x7F80_0000UL)), quietNaN, rounded);
        }

        /// <summary>
        /// The lanes whose top half is the largest finite magnitude: the only ones that can round past it, so the ones
        /// a saturating conversion truncates (rounding up would overflow; not rounding up is truncation).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static TV LargestFinite(TV high)
            => TOps.Equal(TOps.And(high, TOps.Create(0x7FFF)), TOps.Create(0x7F7F));
    }

    /// <summary>
    /// The float and double encodes of formats that are float's top half (the caller converts the rest). Halves take
    /// <see cref="HalfRebiasEncoder"/>, which takes every format this one takes.
    /// </summary>
    internal static class TopHalfEncoder
    {
        /// <summary>
        /// Whether <typeparamref name="TTraits"/> is float's top 16 bits (BFloat16's layout: bias 127, 8 exponent and 7
        /// mantissa bits, sign at bit 15, IEEE infinities and NaN, overflow to infinity), so that
        /// <see cref="TopHalfEncodeBlock{TSource, TMode, TSaturate, TOps, TV}"/> rounds exactly as the scalar codec does.
        /// </summary>
        public static bool Applies<TTraits>()
            where TTraits : struct, IFloatTraits
            => Layout<TTraits>.Applies;

        private static bool Computes<TTraits>()
            where TTraits : struct, IFloatTraits
            => TTraits.Signed && TTraits.Subnormals && TTraits.Bias == 127 && TTraits.ExponentBits == 8 && TTraits.MantissaBits == 7
                && TTraits.SignMask == 1UL << 15 && TTraits.Specials == SpecialValues.Ieee && TTraits.Overflow == OverflowBehavior.Infinity
                && TTraits.MaxFiniteMagnitude == 0x7F7F && FloatCodec<TTraits>.FromDouble(BitConverter.UInt64BitsToDouble(0x7FF8_0000_0000_0000UL)) == 0x7FC0;

        /// <summary>
        /// Encodes the leading whole blocks of <paramref name="source"/> in <paramref name="rounding"/>, saturating or
        /// not; returns how many elements it encoded (0 where <see cref="Applies{TTraits}"/> is false, no vector path
        /// applies or the mode is not a defined one).
        /// </summary>
        public static int FromSingle<TTraits>(ReadOnlySpan<float> source, Span<ushort> destination, MidpointRounding rounding, bool saturate, SimdWidth width)
            where TTraits : struct, IFloatTraits
            => Applies<TTraits>() ? Run<SingleLanes>(ref SpanBytes.Of(source), destination, source.Length, rounding, saturate, width) : 0;

        /// <summary>
        /// <see cref="FromSingle{TTraits}(ReadOnlySpan{float}, Span{ushort}, MidpointRounding, bool, SimdWidth)"/> from
        /// doubles narrowed into float first, AVX-512 only (the embedded rounding). Toward zero: truncated (truncating
        /// onto float's grid, then onto BFloat16's, which lies on float's, is truncating once; beyond float's range
        /// the largest float, whose truncation is BFloat16's largest finite value, as the double's). Toward an
        /// infinity: converted in that direction, for the same reason, where the codes of infinity and of the largest
        /// doubles in that direction agree (beyond float's range the conversion gives infinity), else (saturating) with
        /// those doubles first brought to float's end (<see cref="DoubleNarrowings.AtLeastSingleMin"/>). Otherwise rounded to
        /// odd (float has 16 more bits than BFloat16 at every magnitude, so the later rounding in any mode is the
        /// double's own): twice the conversions.
        /// </summary>
        public static int FromDouble<TTraits>(ReadOnlySpan<double> source, Span<ushort> destination, MidpointRounding rounding, bool saturate, SimdWidth width)
            where TTraits : struct, IFloatTraits
        {
            if (!Applies<TTraits>() || SimdWidths.Resolve(width) != SimdWidth.V512 || !Avx512F.IsSupported)
            {
                return 0;
            }

            ref byte bytes = ref SpanBytes.Of(source);
            return rounding switch
            {
                MidpointRounding.ToZero => Run<DoubleLanes<TowardZeroNarrowing>>(ref bytes, destination, source.Length, rounding, saturate, SimdWidth.V512),
                MidpointRounding.ToNegativeInfinity => BeyondFloatAsInfinity<TTraits>(rounding, saturate, -1)
                    ? Run<DoubleLanes<DownNarrowing>>(ref bytes, destination, source.Length, rounding, saturate, SimdWidth.V512)
                    : Run<DoubleLanes<ClampedDownNarrowing>>(ref bytes, destination, source.Length, rounding, saturate, SimdWidth.V512),
                MidpointRounding.ToPositiveInfinity => BeyondFloatAsInfinity<TTraits>(rounding, saturate, 1)
                    ? Run<DoubleLanes<UpNarrowing>>(ref bytes, destination, source.Length, rounding, saturate, SimdWidth.V512)
                    : Run<DoubleLanes<ClampedUpNarrowing>>(ref bytes, destination, source.Length, rounding, saturate, SimdWidth.V512),
                _ => Run<DoubleLanes<ToOddNarrowing>>(ref bytes, destination, source.Length, rounding, saturate, SimdWidth.V512),
            };
        }

        /// <summary>
        /// Whether the doubles beyond float's range on the side of <paramref name="sign"/>, which a conversion in that
        /// direction makes infinite, have the code of that infinity (and of the largest float, where the conversion
        /// stops), so that converting them first changes no code.
        /// </summary>
        private static bool BeyondFloatAsInfinity<TTraits>(MidpointRounding rounding, bool saturate, int sign)
            where TTraits : struct, IFloatTraits
        {
            ulong infinity = FloatCodec<TTraits>.FromDouble(sign * double.PositiveInfinity, rounding, saturate);
            return infinity == FloatCodec<TTraits>.FromDouble(sign * (double)float.MaxValue, rounding, saturate)
                && infinity == FloatCodec<TTraits>.FromDouble(sign * double.MaxValue, rounding, saturate);
        }

        /// <summary><see cref="Applies{TTraits}"/>, computed once per format (a constant in Tier-1 code).</summary>
        private static class Layout<TTraits>
            where TTraits : struct, IFloatTraits
        {
            public static readonly bool Applies = Computes<TTraits>();
        }


        private static int Run<TSource>(ref byte source, Span<ushort> destination, int count, MidpointRounding rounding, bool saturate, SimdWidth width)
            where TSource : struct, IFloatLaneSource
        {
            int length = Math.Min(count, destination.Length);
            ref byte output = ref SpanBytes.Of(destination);
            return Math.Max(0, SimdWidths.Resolve(width) switch
            {
                SimdWidth.V512 => LaneEncodeDispatch.Run<Route<TSource, Vector512x32, Vector512<uint>>>(ref source, ref output, length, rounding, saturate),
                SimdWidth.V256 => LaneEncodeDispatch.Run<Route<TSource, Vector256x32, Vector256<uint>>>(ref source, ref output, length, rounding, saturate),
                SimdWidth.V128 => LaneEncodeDispatch.Run<Route<TSource, Vector128x32, Vector128<uint>>>(ref source, ref output, length, rounding, saturate),
                _ => 0,
            });
        }

        /// <summary>The top-half encode as an <see cref="ILaneEncodeRoute"/>: every mode and saturation, no clamp (saturation truncates the lanes at the largest finite value).</summary>
        private readonly struct Route<TSource, TOps, TV> : ILaneEncodeRoute
            where TSource : struct, IFloatLaneSource
            where TOps : struct, ISimd32<TV>
            where TV : struct
        {
            static bool ILaneEncodeRoute.Applies<TMode>(bool saturate, out bool clamps)
                => LaneEncodeDispatch.AlwaysWithoutClamp(out clamps);

            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            static int ILaneEncodeRoute.Run<TMode, TSaturate, TClamps>(ref byte input, ref byte output, int length)
                => BlockLoop.Run(ref input, ref output, length, default(TopHalfEncodeBlock<TSource, TMode, TSaturate, TOps, TV>), prefetchBytes: TSource.PrefetchBytes);
        }
    }
}
