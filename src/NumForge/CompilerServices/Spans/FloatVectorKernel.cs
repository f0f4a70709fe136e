using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NumForge.CompilerServices.Spans
{
    /// <summary>Which vector width a span conversion uses; <see cref="Auto"/> picks the widest accelerated one.</summary>
    internal enum SimdWidth
    {
        Auto,
        Scalar,
        V128,
        V256,
        V512,
    }

    /// <summary>Picks the vector width of a span conversion.</summary>
    internal static class SimdWidths
    {
        /// <summary><see cref="SimdWidth.Auto"/> becomes the widest accelerated width (or scalar); others stay.</summary>
        public static SimdWidth Resolve(SimdWidth width)
        {
            if (width != SimdWidth.Auto)
            {
                return width;
            }

            return Vector512.IsHardwareAccelerated ? SimdWidth.V512
                : Vector256.IsHardwareAccelerated ? SimdWidth.V256
                : Vector128.IsHardwareAccelerated ? SimdWidth.V128
                : SimdWidth.Scalar;
        }
    }

    /// <summary>
    /// The vector encode and decode of one float format, generic over its traits and over the lane operations.
    /// Encoding rounds the bits of a float (32-bit lanes) or double (64-bit lanes) to the format exactly as
    /// <see cref="FloatCodec{TTraits}.RoundPack"/> does: normal results by integer arithmetic on the source bits
    /// (the dropped bits decide the rounding), subnormal results by scaling the magnitude exactly to units of the
    /// format's smallest subnormal and splitting off its fraction, and every special case (NaN, infinity, zero,
    /// overflow, unsigned negatives) by compare and select with codes that the scalar codec computed.
    /// </summary>
    internal static class FloatVectorKernel<TTraits, TOps, TV>
        where TTraits : struct, IFloatTraits
        where TOps : struct, ISimd<TV>
        where TV : struct
    {
        // Source format constants: binary32 in 32-bit lanes, binary64 in 64-bit lanes.
        private static int F => TOps.LaneBits == 32 ? 23 : 52;

        private static int SourceBias => TOps.LaneBits == 32 ? 127 : 1023;

        private static int SourceMinExponent => 1 - SourceBias;

        private static ulong SignBit => 1UL << (TOps.LaneBits - 1);

        private static ulong InfinityBits => (ulong)(2 * SourceBias + 1) << F;

        private static int M => TTraits.MantissaBits;

        /// <summary>Source bits dropped for a normal result.</summary>
        private static int Dropped => F - M;

        private static int EMin => TTraits.MinNormalExponent;

        /// <summary>Power of two, as source-format bits.</summary>
        private static ulong Pow2Bits(int e) => (ulong)(SourceBias + e) << F;

        /// <summary>
        /// Whether <see cref="Encode"/> handles this format from this source: the kept bits fit the source's
        /// significand, and the subnormal scaling is an exact scale-up. Formats outside this (mantissa wider than the
        /// source, or a minimum normal exponent above the mantissa width) use the scalar codec.
        /// </summary>
        public static bool CanEncode => M <= F && EMin <= M;

        /// <summary>Whether every value of the format is an exact float whose bits <see cref="Decode"/> assembles.</summary>
        public static bool CanDecode => SingleDecoder<TTraits, TOps, TV>.CanDecode;

        /// <summary>Per-call constants of an encode: the rounding masks and the special codes, from the scalar codec.</summary>
        public readonly struct Constants
        {
            public readonly TV AboveHalf;
            public readonly TV AtHalf;
            public readonly TV AtHalfOdd;
            public readonly TV InexactPositive;
            public readonly TV InexactNegative;
            public readonly TV OverflowPositive;
            public readonly TV OverflowNegative;
            public readonly TV ZeroPositive;
            public readonly TV ZeroNegative;
            public readonly TV NaNPositive;
            public readonly TV NaNNegative;
            public readonly TV InfinityPositive;
            public readonly TV InfinityNegative;
            public readonly TV NegativeUnsigned;
            public readonly ulong Key0;
            public readonly ulong Key1;

            public Constants(MidpointRounding mode, bool saturate, bool stochastic, ulong seed)
            {
                ulong ones = ulong.MaxValue;
                AboveHalf = TOps.Create(mode is MidpointRounding.ToEven or MidpointRounding.AwayFromZero ? ones : 0);
                AtHalf = TOps.Create(mode == MidpointRounding.AwayFromZero ? ones : 0);
                AtHalfOdd = TOps.Create(mode == MidpointRounding.ToEven ? ones : 0);
                InexactPositive = TOps.Create(mode == MidpointRounding.ToPositiveInfinity ? ones : 0);
                InexactNegative = TOps.Create(mode == MidpointRounding.ToNegativeInfinity ? ones : 0);

                // Codes come from the scalar codec so both paths agree by construction. Stochastic rounding past the
                // largest finite value behaves as rounding away from zero does there.
                // (MidpointRounding.AwayFromZero is ties-away; the directed "away from zero" is toward the value's infinity.)
                OverflowPositive = TOps.Create(FloatCodec<TTraits>.FromDouble(double.MaxValue, stochastic ? MidpointRounding.ToPositiveInfinity : mode, saturate));
                OverflowNegative = TOps.Create(FloatCodec<TTraits>.FromDouble(-double.MaxValue, stochastic ? MidpointRounding.ToNegativeInfinity : mode, saturate));
                ZeroPositive = TOps.Create(FloatCodec<TTraits>.FromDouble(0.0, mode, saturate));
                ZeroNegative = TOps.Create(FloatCodec<TTraits>.FromDouble(-0.0, mode, saturate));
                NaNPositive = TOps.Create(FloatCodec<TTraits>.FromDouble(BitConverter.UInt64BitsToDouble(0x7FF8_0000_0000_0000UL), mode, saturate));
                NaNNegative = TOps.Create(FloatCodec<TTraits>.FromDouble(BitConverter.UInt64BitsToDouble(0xFFF8_0000_0000_0000UL), mode, saturate));
                InfinityPositive = TOps.Create(FloatCodec<TTraits>.FromDouble(double.PositiveInfinity, mode, saturate));
                InfinityNegative = TOps.Create(FloatCodec<TTraits>.FromDouble(double.NegativeInfinity, mode, saturate));
                NegativeUnsigned = TOps.Create(FloatCodec<TTraits>.FromDouble(-1.0, mode, saturate));
                (Key0, Key1) = StochasticBits.Keys(seed);
            }
        }

        /// <summary>
        /// Encodes one vector of source bits. <paramref name="rare"/> flags lanes this kernel does not handle (source
        /// subnormals that are normal in the format); the caller converts a vector with any such lane with the scalar
        /// codec. With <paramref name="stochastic"/>, <paramref name="random"/> holds 32 random bits per lane.
        /// </summary>
        /// <remarks>Not inlined: its own method keeps every lane operation within the JIT's inlining budget.</remarks>
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static TV Encode(TV x, in Constants k, bool stochastic, TV random, out TV rare)
        {
            TV zero = TOps.Create(0);
            TV one = TOps.Create(1);
            TV negative = TOps.GreaterThan(zero, x);
            TV a = TOps.AndNot(x, TOps.Create(SignBit));
            TV infinity = TOps.Create(InfinityBits);
            TV isNaN = TOps.GreaterThan(a, infinity);
            TV isInfinity = TOps.Equal(a, infinity);
            TV isZero = TOps.Equal(a, zero);

            // Lanes below the format's smallest normal value.
            TV below;
            if (EMin >= SourceMinExponent)
            {
                below = TOps.GreaterThan(TOps.Create(Pow2Bits(EMin)), a);
                rare = zero;
            }
            else
            {
                below = zero;
                rare = TOps.AndNot(TOps.GreaterThan(TOps.Create(1UL << F), a), isZero);
            }

            // Normal result: keep the top M fraction bits; the magnitude code is the kept bits less the exponent offset.
            TV kept = TOps.ShiftRight(a, Dropped);
            TV aboveHalf = zero;
            TV atHalf = zero;
            TV inexact = zero;
            TV stochasticUp = zero;
            if (Dropped > 0)
            {
                TV droppedBits = TOps.And(a, TOps.Create((1UL << Dropped) - 1));
                TV half = TOps.Create(1UL << (Dropped - 1));
                aboveHalf = TOps.GreaterThan(droppedBits, half);
                atHalf = TOps.Equal(droppedBits, half);
                inexact = TOps.GreaterThan(droppedBits, zero);
                if (stochastic)
                {
                    // Round up when the 24 top random bits are below the dropped fraction scaled to 2^24 (exact: Dropped <= 23).
                    stochasticUp = TOps.GreaterThan(TOps.ShiftLeft(droppedBits, 24 - Dropped), TOps.ShiftRight(random, 8));
                }
            }

            long offset = (long)(SourceBias + EMin - (TTraits.Subnormals ? 1 : 0)) << M;
            TV magnitude = TOps.Subtract(kept, TOps.Create((ulong)offset));
            TV odd = M == 0 ? TOps.Create(ulong.MaxValue) : TOps.Equal(TOps.And(kept, one), one);

            if (TTraits.Subnormals)
            {
                // Subnormal result: y = |x| / 2^(EMin - M) exactly (a scale-up), rounded to an integer.
                int scale = M - EMin;
                int first = Math.Min(scale, SourceBias);
                int second = Math.Min(scale - first, SourceBias);
                TV y = TOps.FMultiply(a, TOps.Create(Pow2Bits(first)));
                if (second > 0)
                {
                    y = TOps.FMultiply(y, TOps.Create(Pow2Bits(second)));
                }

                TV whole = TOps.FFloor(y);
                TV fraction = TOps.FSubtract(y, whole);
                TV magic = TOps.Create(Pow2Bits(F));
                TV wholeInteger = TOps.Subtract(TOps.FAdd(whole, magic), magic);
                TV halfF = TOps.Create(Pow2Bits(-1));

                aboveHalf = TOps.Select(below, TOps.FGreaterThan(fraction, halfF), aboveHalf);
                atHalf = TOps.Select(below, TOps.FEqual(fraction, halfF), atHalf);
                inexact = TOps.Select(below, TOps.FGreaterThan(fraction, zero), inexact);
                odd = TOps.Select(below, TOps.Equal(TOps.And(wholeInteger, one), one), odd);
                magnitude = TOps.Select(below, wholeInteger, magnitude);
                if (stochastic)
                {
                    TV scaled = TOps.FMultiply(fraction, TOps.Create(Pow2Bits(24)));
                    stochasticUp = TOps.Select(below, TOps.FGreaterThan(scaled, TOps.IntToF(TOps.ShiftRight(random, 8))), stochasticUp);
                }
            }

            TV up;
            if (stochastic)
            {
                up = stochasticUp;
            }
            else
            {
                up = TOps.Or(
                    TOps.Or(TOps.And(aboveHalf, k.AboveHalf), TOps.And(atHalf, TOps.Or(k.AtHalf, TOps.And(odd, k.AtHalfOdd)))),
                    TOps.And(inexact, TOps.Select(negative, k.InexactNegative, k.InexactPositive)));
            }

            // up is all ones (-1) where the magnitude rounds up.
            magnitude = TOps.Subtract(magnitude, up);

            TV sign = TTraits.Signed ? TOps.And(negative, TOps.Create(TTraits.SignMask)) : zero;
            TV result = TOps.Or(sign, magnitude);

            TV overflow = TOps.GreaterThan(magnitude, TOps.Create(TTraits.MaxFiniteMagnitude));
            result = TOps.Select(overflow, TOps.Select(negative, k.OverflowNegative, k.OverflowPositive), result);

            TV zeroCode = TOps.Select(negative, k.ZeroNegative, k.ZeroPositive);
            if (TTraits.Subnormals)
            {
                result = TOps.Select(TOps.Equal(magnitude, zero), zeroCode, result);
            }
            else
            {
                // No subnormals and no zero: everything below the smallest normal becomes it (RoundPack's first case).
                result = TOps.Select(below, sign, result);
            }

            if (!TTraits.Signed)
            {
                result = TOps.Select(negative, k.NegativeUnsigned, result);
            }

            result = TOps.Select(isZero, zeroCode, result);
            result = TOps.Select(isInfinity, TOps.Select(negative, k.InfinityNegative, k.InfinityPositive), result);
            result = TOps.Select(isNaN, TOps.Select(negative, k.NaNNegative, k.NaNPositive), result);
            return result;
        }

        /// <summary>Decodes codes (32-bit lanes) to float bits. Only valid when <see cref="CanDecode"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static TV Decode(TV codes) => SingleDecoder<TTraits, TOps, TV>.Decode(codes);
    }
}
