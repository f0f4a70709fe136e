using System;
using System.ComponentModel;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace NumForge.CompilerServices
{
    /// <summary>
    /// Encoding, decoding and classification of one float format, generic over its traits. Codes are the format's
    /// bits in the low bits of a <see cref="ulong"/>. Generated types forward to these methods; the JIT specialises
    /// them per traits struct, so every <c>TTraits</c> member below is a constant.
    /// </summary>
    /// <remarks>
    /// Every value of a valid format is an exact <see cref="double"/> (the generator rejects specs where that fails),
    /// so decoding goes to double and all rounding funnels into one routine, <see cref="RoundPack"/>, that rounds
    /// sign × significand × 2^exponent (plus a sticky "a little more") once, in any <see cref="MidpointRounding"/> mode.
    /// </remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static partial class FloatCodec<TTraits>
        where TTraits : struct, IFloatTraits
    {
        private const ulong Half64 = 1UL << 63;

        /// <summary>Mask of every bit of an encoding.</summary>
        public static ulong CodeMask => TTraits.SignMask | TTraits.MagnitudeMask;

        // The getters of format constants the casts read are marked for aggressive inlining: Native AOT otherwise calls
        // them once a cast's inlined body has spent its budget (FloatCodec.SingleCast.cs, docs/aot.md).
        private static int M
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            get => TTraits.MantissaBits;
        }

        private static ulong MantissaMask
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            get => (1UL << TTraits.MantissaBits) - 1;
        }

        private static int ExponentFieldMax
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            get => (1 << TTraits.ExponentBits) - 1;
        }

        private static ulong InfinityMagnitude
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            get => (ulong)ExponentFieldMax << TTraits.MantissaBits;
        }

        // double.NaN has its sign bit set on .NET, so spell out both quiet NaNs.
        private static double PositiveQuietNaN => BitConverter.UInt64BitsToDouble(0x7FF8_0000_0000_0000UL);

        private static double NegativeQuietNaN => BitConverter.UInt64BitsToDouble(0xFFF8_0000_0000_0000UL);

        private static bool HasNegativeZero
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            get => TTraits.Signed && TTraits.Subnormals && TTraits.Specials != SpecialValues.FiniteNaNUnsignedZero;
        }

        // ---------------------------------------------------------------- classification

        /// <summary>Whether the code is a NaN.</summary>
        public static bool IsNaN(ulong code) => TTraits.Specials switch
        {
            SpecialValues.Ieee => (code & TTraits.MagnitudeMask) > InfinityMagnitude,
            SpecialValues.FiniteNaN => (code & TTraits.MagnitudeMask) == TTraits.MagnitudeMask,
            SpecialValues.FiniteNaNUnsignedZero => code == TTraits.SignMask,
            _ => false,
        };

        /// <summary>Whether the code is ±infinity.</summary>
        public static bool IsInfinity(ulong code) => TTraits.Specials == SpecialValues.Ieee && (code & TTraits.MagnitudeMask) == InfinityMagnitude;

        /// <summary>Whether the code is +infinity.</summary>
        public static bool IsPositiveInfinity(ulong code) => IsInfinity(code) && (code & TTraits.SignMask) == 0;

        /// <summary>Whether the code is -infinity.</summary>
        public static bool IsNegativeInfinity(ulong code) => IsInfinity(code) && (code & TTraits.SignMask) != 0;

        /// <summary>Whether the code is a finite number.</summary>
        public static bool IsFinite(ulong code) => !IsNaN(code) && !IsInfinity(code);

        /// <summary>Whether the code is ±0.</summary>
        public static bool IsZero(ulong code) => TTraits.Subnormals && (code & TTraits.MagnitudeMask) == 0 && !IsNaN(code);

        /// <summary>Whether the sign bit is set (true for -0 and negative NaNs, as <see cref="double.IsNegative"/>).</summary>
        public static bool IsNegative(ulong code) => (code & TTraits.SignMask) != 0;

        /// <summary>Whether the code is a subnormal number.</summary>
        public static bool IsSubnormal(ulong code)
        {
            ulong magnitude = code & TTraits.MagnitudeMask;
            return TTraits.Subnormals && magnitude != 0 && magnitude <= MantissaMask && !IsNaN(code);
        }

        /// <summary>Whether the code is a normal number (finite, nonzero, not subnormal).</summary>
        public static bool IsNormal(ulong code) => IsFinite(code) && !IsZero(code) && !IsSubnormal(code);

        /// <summary>Whether the finite code is an integer.</summary>
        public static bool IsInteger(ulong code)
        {
            double value = ToDouble(code);
            return double.IsFinite(value) && Math.Truncate(value) == value;
        }

        // ---------------------------------------------------------------- sign

        /// <summary>The code of -x. NaN stays NaN; the FNUZ zero stays +0; unsigned formats negate to NaN (or 0).</summary>
        public static ulong Negate(ulong code)
        {
            if (IsNaN(code))
            {
                return code;
            }

            if (!TTraits.Signed)
            {
                return IsZero(code) ? code : FromDouble(-ToDouble(code), MidpointRounding.ToEven, saturate: false);
            }

            if (TTraits.Specials == SpecialValues.FiniteNaNUnsignedZero && code == 0)
            {
                return 0;
            }

            return code ^ TTraits.SignMask;
        }

        /// <summary>The code of |x|; NaN stays NaN.</summary>
        public static ulong Abs(ulong code) => IsNaN(code) ? code : code & TTraits.MagnitudeMask;

        /// <summary>The code of a value with the magnitude of <paramref name="value"/> and the sign of <paramref name="sign"/>.</summary>
        public static ulong CopySign(ulong value, ulong sign)
        {
            if (IsNaN(value) || !TTraits.Signed)
            {
                return value;
            }

            ulong magnitude = value & TTraits.MagnitudeMask;
            if (TTraits.Specials == SpecialValues.FiniteNaNUnsignedZero && magnitude == 0)
            {
                return 0;
            }

            return magnitude | (sign & TTraits.SignMask);
        }

        // ---------------------------------------------------------------- decoding

        /// <summary>The exact value of a code. NaN codes give a quiet NaN of the code's sign.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static double ToDouble(ulong code)
        {
            bool negative = (code & TTraits.SignMask) != 0;
            if (IsNaN(code))
            {
                return negative ? NegativeQuietNaN : PositiveQuietNaN;
            }

            double magnitude = IsInfinity(code) ? double.PositiveInfinity : MagnitudeToDouble(code & TTraits.MagnitudeMask);
            return negative ? -magnitude : magnitude;
        }

        /// <summary>The value of a code as <see cref="Half"/>: exact when the format fits in Half, else rounded to nearest even.</summary>
        public static Half ToHalf(ulong code) => (Half)ToDouble(code);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static double MagnitudeToDouble(ulong magnitude)
        {
            // A division for the shift and a signed conversion: what Native AOT's compile-time interpreter runs, so the
            // 8-bit formats' decode table (SingleTable) is built while compiling (the JIT's code is the same shift).
            ulong field = magnitude / (1UL << TTraits.MantissaBits);
            ulong mantissa = magnitude & MantissaMask;
            if (TTraits.Subnormals && field == 0)
            {
                // Subnormal: mantissa × 2^(emin - M); both factors exact.
                return (long)mantissa * FloatLayout.Pow2(TTraits.MinNormalExponent - TTraits.MantissaBits);
            }

            int exponent = (int)field - TTraits.Bias;
            if (TTraits.MinNormalExponent >= -1022)
            {
                // Every normal value of the format is a normal double: assemble its bits directly.
                return BitConverter.UInt64BitsToDouble(((ulong)(exponent + 1023) << 52) | (mantissa << (52 - TTraits.MantissaBits)));
            }

            // Normal here but subnormal in double: scale a significand in [1, 2) by 2^exponent (exact: the result is a double).
            return BitConverter.UInt64BitsToDouble(0x3FF0000000000000UL | (mantissa << (52 - TTraits.MantissaBits))) * FloatLayout.Pow2(exponent);
        }

        // ---------------------------------------------------------------- encoding

        /// <summary>Rounds a double to the format once, directly, with round-to-nearest-even and no saturation.</summary>
        public static ulong FromDouble(double value) => FromDouble(value, MidpointRounding.ToEven, saturate: false);

        /// <summary>Rounds a double to the format once, directly.</summary>
        /// <param name="value">The value.</param>
        /// <param name="mode">The rounding direction.</param>
        /// <param name="saturate">Whether a finite value rounding past the largest finite value gives ±max.</param>
        public static ulong FromDouble(double value, MidpointRounding mode, bool saturate)
        {
            // The exponent field by a division (the JIT's code is the same shift) and the leading-zero count below only
            // for subnormal doubles keep this to what Native AOT's compile-time interpreter runs (.NET 10's has no right
            // shift of a 64-bit value and no leading-zero count): so LaneSpecials, which calls this for ±max, ±infinity,
            // NaN and ±0, is computed while compiling, and its codes are constants in AOT code.
            ulong bits = BitConverter.DoubleToUInt64Bits(value);
            bool negative = (long)bits < 0;
            int biased = (int)(bits / (1UL << 52)) & 0x7FF;
            ulong fraction = bits & 0xF_FFFF_FFFF_FFFFUL;

            if (biased == 0x7FF)
            {
                // Infinities map to the format's infinity codes whatever the mode: they are exact, not overflows.
                return fraction != 0 ? SignedNaN(negative) : negative ? TTraits.NegativeInfinityCode : TTraits.PositiveInfinityCode;
            }

            if (biased == 0 && fraction == 0)
            {
                return Zero(negative, saturate);
            }

            // value = significand × 2^(exponent - 52), with the significand's leading 1 moved to bit 63 (a normal
            // double's has 11 leading zeros).
            ulong significand = biased == 0 ? fraction : fraction | (1UL << 52);
            int exponent = biased == 0 ? -1022 : biased - 1023;
            int leadingZeros = biased == 0 ? BitOperations.LeadingZeroCount(significand) : 11;
            exponent -= leadingZeros - 11;
            return RoundPack(negative, exponent, significand << leadingZeros, sticky: false, mode, saturate);
        }

        /// <summary>Rounds a float to the format once (the cast's mode, nearest even without saturation, on its fast path).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static ulong FromSingle(float value, MidpointRounding mode, bool saturate)
            => mode == MidpointRounding.ToEven && !saturate ? FromSingle(value) : FromDouble(value, mode, saturate);

        /// <summary>Rounds a Half to the format once.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static ulong FromHalf(Half value, MidpointRounding mode, bool saturate)
            => mode == MidpointRounding.ToEven && !saturate ? FromHalf(value) : FromDouble((double)value, mode, saturate);

        /// <summary>Rounds an integer to the format once (round to nearest even; overflow as the format's default).</summary>
        public static ulong FromInt64(long value, MidpointRounding mode = MidpointRounding.ToEven, bool saturate = false)
        {
            if (value == 0)
            {
                return Zero(false, saturate);
            }

            bool negative = value < 0;
            return FromMagnitude(negative, negative ? (ulong)(-(value + 1)) + 1 : (ulong)value, 0, false, mode, saturate);
        }

        /// <summary>Rounds an unsigned integer to the format once.</summary>
        public static ulong FromUInt64(ulong value, MidpointRounding mode = MidpointRounding.ToEven, bool saturate = false)
            => value == 0 ? Zero(false, saturate) : FromMagnitude(false, value, 0, false, mode, saturate);

        /// <summary>Rounds a 128-bit integer to the format once.</summary>
        public static ulong FromInt128(Int128 value, MidpointRounding mode = MidpointRounding.ToEven, bool saturate = false)
        {
            if (value == Int128.Zero)
            {
                return Zero(false, saturate);
            }

            bool negative = Int128.IsNegative(value);
            UInt128 magnitude = negative ? (UInt128)(-(value + 1)) + 1 : (UInt128)value;
            return FromBigInteger(negative, (BigInteger)magnitude, 0, false, mode, saturate);
        }

        /// <summary>Rounds an unsigned 128-bit integer to the format once.</summary>
        public static ulong FromUInt128(UInt128 value, MidpointRounding mode = MidpointRounding.ToEven, bool saturate = false)
            => value == UInt128.Zero ? Zero(false, saturate) : FromBigInteger(false, (BigInteger)value, 0, false, mode, saturate);

        /// <summary>Rounds a decimal to the format once, from its exact value.</summary>
        public static ulong FromDecimal(decimal value, MidpointRounding mode = MidpointRounding.ToEven, bool saturate = false)
        {
            Span<int> parts = stackalloc int[4];
            decimal.GetBits(value, parts);
            bool negative = parts[3] < 0;
            int scale = (parts[3] >> 16) & 0xFF;
            var magnitude = new BigInteger((uint)parts[0]) | (new BigInteger((uint)parts[1]) << 32) | (new BigInteger((uint)parts[2]) << 64);
            if (magnitude.IsZero)
            {
                return Zero(negative, saturate);
            }

            return FromRational(negative, magnitude, BigInteger.Pow(10, scale), 0, mode, saturate);
        }

        /// <summary>
        /// Rounds the exact value (-1)^negative × numerator / denominator × 2^exponent once. Parsing and decimal
        /// conversion use it. <paramref name="numerator"/> must be positive and <paramref name="denominator"/> positive.
        /// </summary>
        public static ulong FromRational(bool negative, BigInteger numerator, BigInteger denominator, int exponent, MidpointRounding mode, bool saturate)
        {
            // Scale the numerator so the quotient has at least 66 significant bits; the remainder becomes the sticky bit.
            long shift = Math.Max(0, 66 + (long)denominator.GetBitLength() - (long)numerator.GetBitLength());
            BigInteger quotient = BigInteger.DivRem(numerator << (int)shift, denominator, out BigInteger remainder);
            return FromBigInteger(negative, quotient, exponent - shift, !remainder.IsZero, mode, saturate);
        }

        /// <summary>
        /// Rounds (-1)^negative × (magnitude + sticky) × 2^exponent once, where sticky means "a positive amount below
        /// one unit of <paramref name="magnitude"/>". A zero magnitude without sticky gives a zero of that sign.
        /// </summary>
        public static ulong FromBigInteger(bool negative, BigInteger magnitude, long exponent, bool sticky, MidpointRounding mode, bool saturate)
        {
            if (magnitude.IsZero)
            {
                if (!sticky)
                {
                    return Zero(negative, saturate);
                }

                // Only a tiny positive amount: shift it far below the format's smallest quantum.
                return RoundPack(negative, int.MinValue / 2, Half64, sticky: true, mode, saturate);
            }

            long bitLength = (long)magnitude.GetBitLength();
            long topExponent = exponent + bitLength - 1;
            ulong significand;
            if (bitLength > 64)
            {
                int drop = (int)(bitLength - 64);
                sticky |= !(magnitude & ((BigInteger.One << drop) - 1)).IsZero;
                significand = (ulong)(magnitude >> drop);
            }
            else
            {
                significand = (ulong)magnitude << (int)(64 - bitLength);
            }

            int clamped = (int)Math.Clamp(topExponent, int.MinValue / 2, int.MaxValue / 2);
            return RoundPack(negative, clamped, significand, sticky, mode, saturate);
        }

        private static ulong FromMagnitude(bool negative, ulong magnitude, int exponent, bool sticky, MidpointRounding mode, bool saturate)
        {
            int leadingZeros = BitOperations.LeadingZeroCount(magnitude);
            return RoundPack(negative, exponent + 63 - leadingZeros, magnitude << leadingZeros, sticky, mode, saturate);
        }

        /// <summary>
        /// The one rounding routine. Rounds (-1)^negative × (significand + sticky) × 2^(exponent - 63), where bit 63 of
        /// <paramref name="significand"/> is set and <paramref name="sticky"/> stands for a positive amount below one
        /// unit of its lowest bit, to the nearest code in the direction <paramref name="mode"/> asks.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static ulong RoundPack(bool negative, int exponent, ulong significand, bool sticky, MidpointRounding mode, bool saturate)
        {
            if (negative && !TTraits.Signed)
            {
                // An unsigned format has no negative values: NaN where it has one (E8M0), else its smallest value.
                return saturate || TTraits.Specials == SpecialValues.Finite ? 0 : TTraits.NaNCode;
            }

            ulong sign = negative ? TTraits.SignMask : 0;
            int minExponent = TTraits.MinNormalExponent;

            if (!TTraits.Subnormals && exponent < minExponent)
            {
                // No subnormals and no zero: everything below the smallest normal goes to it (as ml_dtypes' E8M0).
                return sign;
            }

            if (exponent > TTraits.MaxExponent)
            {
                return Overflow(negative, mode, saturate);
            }

            // Drop the bits below the result's quantum: M fraction bits are kept for normal values; subnormals keep fewer.
            int shift = 63 - TTraits.MantissaBits + Math.Max(0, minExponent - exponent);
            ulong kept;
            ulong dropped;
            if (shift < 64)
            {
                kept = significand >> shift;
                dropped = significand << (64 - shift);
            }
            else
            {
                kept = 0;
                dropped = shift == 64 ? significand : 0;
                sticky |= shift > 64;
            }

            bool inexact = dropped != 0 || sticky;
            bool aboveHalf = dropped > Half64 || (dropped == Half64 && sticky);
            bool exactHalf = dropped == Half64 && !sticky;

            // "Even" looks at the lowest kept bit including the implicit bit, so a format without mantissa bits (E8M0)
            // rounds ties up, as ml_dtypes does.
            bool roundUp = mode switch
            {
                MidpointRounding.ToEven => aboveHalf || (exactHalf && (kept & 1) != 0),
                MidpointRounding.AwayFromZero => aboveHalf || exactHalf,
                MidpointRounding.ToZero => false,
                MidpointRounding.ToPositiveInfinity => inexact && !negative,
                MidpointRounding.ToNegativeInfinity => inexact && negative,
                _ => false,
            };
            kept += roundUp ? 1UL : 0UL;

            // kept holds the significand with its implicit bit; adding it to the exponent field's base lets a carry
            // out of the mantissa step into the next binade (or from the subnormals into the normals).
            ulong magnitude;
            if (exponent >= minExponent)
            {
                magnitude = ((ulong)(exponent - minExponent) << TTraits.MantissaBits) + kept - (TTraits.Subnormals ? 0 : 1UL << TTraits.MantissaBits);
            }
            else
            {
                magnitude = kept;
            }

            if (magnitude > TTraits.MaxFiniteMagnitude)
            {
                return Overflow(negative, mode, saturate);
            }

            if (magnitude == 0 && TTraits.Subnormals)
            {
                return Zero(negative, saturate);
            }

            return sign | magnitude;
        }

        /// <summary>What a finite value past the largest finite value becomes.</summary>
        private static ulong Overflow(bool negative, MidpointRounding mode, bool saturate)
        {
            ulong sign = negative ? TTraits.SignMask : 0;
            bool towardZero = mode == MidpointRounding.ToZero
                || (mode == MidpointRounding.ToPositiveInfinity && negative)
                || (mode == MidpointRounding.ToNegativeInfinity && !negative);
            if (towardZero || saturate || TTraits.Overflow == OverflowBehavior.Saturate)
            {
                return sign | TTraits.MaxFiniteMagnitude;
            }

            return TTraits.Overflow == OverflowBehavior.Infinity ? sign | InfinityMagnitude : SignedNaN(negative);
        }

        /// <summary>The zero of the given sign, where the format has one.</summary>
        private static ulong Zero(bool negative, bool saturate)
        {
            if (!TTraits.Subnormals)
            {
                // No zero to give (E8M0): NaN, or the smallest value when saturating, as ml_dtypes does.
                return saturate || TTraits.Specials == SpecialValues.Finite ? (negative ? TTraits.SignMask : 0) : TTraits.NaNCode;
            }

            return negative && HasNegativeZero ? TTraits.SignMask : 0;
        }

        /// <summary>The NaN that a NaN of the given sign converts to (ml_dtypes: the quiet NaN, negated for a negative NaN).</summary>
        internal static ulong SignedNaN(bool negative) => TTraits.Specials switch
        {
            SpecialValues.Ieee or SpecialValues.FiniteNaN => TTraits.NaNCode | (negative ? TTraits.SignMask : 0),
            SpecialValues.FiniteNaNUnsignedZero => TTraits.NaNCode,
            _ => negative ? 0 : TTraits.NaNCode,
        };

        /// <summary>Throws unless <paramref name="mode"/> is a defined <see cref="MidpointRounding"/> value.</summary>
        public static void ValidateMode(MidpointRounding mode, [CallerArgumentExpression(nameof(mode))] string? paramName = null)
        {
            if ((uint)mode > (uint)MidpointRounding.ToPositiveInfinity)
            {
                throw new ArgumentOutOfRangeException(paramName, mode, "The value is not a defined MidpointRounding mode.");
            }
        }
    }
}
