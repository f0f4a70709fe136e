using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

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
    internal readonly struct TopHalfEncodeBlock<TMode, TSaturate, TOps, TV> : IBlockConverter
        where TMode : struct, IRoundingMode
        where TSaturate : struct, IFlag
        where TOps : struct, ISimd32<TV>
        where TV : struct
    {
        public static int BlockElements => TOps.Count * 2;

        public static int SourceElementSize => 4;

        public static int DestinationElementSize => 2;

        public static int StoreBytes => TOps.Count * 4;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Convert(ref byte source, ref byte destination, bool streaming)
        {
            TV c0 = Round(TOps.Load(ref source));
            TV c1 = Round(TOps.Load(ref Unsafe.Add(ref source, TOps.Count * 4)));
            TOps.StoreNarrow16(c0, c1, ref destination, streaming);
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
                    TV away = TMode.Mode == MidpointRounding.ToNegativeInfinity
                        ? TOps.GreaterThan(TOps.Create(0), bits)
                        : TOps.GreaterThan(bits, TOps.Create(uint.MaxValue));
                    if (TSaturate.Value)
                    {
                        away = TOps.AndNot(away, LargestFinite(high));
                    }

                    sum = TOps.Select(away, TOps.Add(bits, TOps.Create(0xFFFF)), bits);
                }

                rounded = TOps.ShiftRight(sum, 16);
            }

            TV nan = TOps.GreaterThan(TOps.And(bits, TOps.Create(0x7FFF_FFFFUL)), TOps.Create(0x7F80_0000UL));
            return TOps.Select(nan, TOps.Or(TOps.And(high, TOps.Create(0x8000)), TOps.Create(0x7FC0)), rounded);
        }

        /// <summary>
        /// The lanes whose top half is the largest finite magnitude: the only ones that can round past it, so the ones
        /// a saturating conversion truncates (rounding up would overflow; not rounding up is truncation).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static TV LargestFinite(TV high)
            => TOps.Equal(TOps.And(high, TOps.Create(0x7FFF)), TOps.Create(0x7F7F));
    }

    /// <summary>The float encodes of formats that are float's top half (the caller converts the rest).</summary>
    internal static class TopHalfEncoder
    {
        /// <summary>
        /// Whether <typeparamref name="TTraits"/> is float's top 16 bits (BFloat16's layout: bias 127, 8 exponent and 7
        /// mantissa bits, sign at bit 15, IEEE infinities and NaN, overflow to infinity), so that
        /// <see cref="TopHalfEncodeBlock{TMode, TSaturate, TOps, TV}"/> rounds exactly as the scalar codec does.
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
        /// Encodes the leading whole blocks of <paramref name="source"/> to nearest even, without saturation; returns
        /// how many elements it encoded (0 where <see cref="Applies{TTraits}"/> is false or no vector path applies).
        /// </summary>
        public static int FromSingle<TTraits>(ReadOnlySpan<float> source, Span<ushort> destination, SimdWidth width)
            where TTraits : struct, IFloatTraits
            => FromSingle<TTraits>(source, destination, MidpointRounding.ToEven, saturate: false, width);

        /// <summary>
        /// Encodes the leading whole blocks of <paramref name="source"/> in <paramref name="rounding"/>, saturating or
        /// not; returns how many elements it encoded (0 where <see cref="Applies{TTraits}"/> is false, no vector path
        /// applies or the mode is not a defined one).
        /// </summary>
        public static int FromSingle<TTraits>(ReadOnlySpan<float> source, Span<ushort> destination, MidpointRounding rounding, bool saturate, SimdWidth width)
            where TTraits : struct, IFloatTraits
        {
            if (!Applies<TTraits>())
            {
                return 0;
            }

            int length = Math.Min(source.Length, destination.Length);
            return rounding switch
            {
                MidpointRounding.ToEven => Run<TiesToEven>(source, destination, length, saturate, width),
                MidpointRounding.AwayFromZero => Run<TiesAwayFromZero>(source, destination, length, saturate, width),
                MidpointRounding.ToZero => Run<TowardZero>(source, destination, length, saturate, width),
                MidpointRounding.ToNegativeInfinity => Run<TowardNegativeInfinity>(source, destination, length, saturate, width),
                MidpointRounding.ToPositiveInfinity => Run<TowardPositiveInfinity>(source, destination, length, saturate, width),
                _ => 0,
            };
        }

        /// <summary><see cref="Applies{TTraits}"/>, computed once per format (a constant in Tier-1 code).</summary>
        private static class Layout<TTraits>
            where TTraits : struct, IFloatTraits
        {
            public static readonly bool Applies = Computes<TTraits>();
        }

        private static int Run<TMode>(ReadOnlySpan<float> source, Span<ushort> destination, int length, bool saturate, SimdWidth width)
            where TMode : struct, IRoundingMode
            => saturate ? Run<TMode, Yes>(source, destination, length, width) : Run<TMode, No>(source, destination, length, width);

        private static int Run<TMode, TSaturate>(ReadOnlySpan<float> source, Span<ushort> destination, int length, SimdWidth width)
            where TMode : struct, IRoundingMode
            where TSaturate : struct, IFlag
            => SimdWidths.Resolve(width) switch
            {
                SimdWidth.V512 => Run<TMode, TSaturate, Vector512x32, Vector512<uint>>(source, destination, length),
                SimdWidth.V256 => Run<TMode, TSaturate, Vector256x32, Vector256<uint>>(source, destination, length),
                SimdWidth.V128 => Run<TMode, TSaturate, Vector128x32, Vector128<uint>>(source, destination, length),
                _ => 0,
            };

        private static int Run<TMode, TSaturate, TOps, TV>(ReadOnlySpan<float> source, Span<ushort> destination, int length)
            where TMode : struct, IRoundingMode
            where TSaturate : struct, IFlag
            where TOps : struct, ISimd32<TV>
            where TV : struct
            => BlockLoop.Run(
                ref Unsafe.As<float, byte>(ref MemoryMarshal.GetReference(source)),
                ref Unsafe.As<ushort, byte>(ref MemoryMarshal.GetReference(destination)),
                length,
                default(TopHalfEncodeBlock<TMode, TSaturate, TOps, TV>));
    }
}
