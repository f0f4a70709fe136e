using System;
using System.ComponentModel;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NumForge.CompilerServices
{
    /// <summary>
    /// Encoding, decoding, classification, comparison and conversion of one posit format, generic over its traits.
    /// Codes are the format's n bits in the low bits of a <see cref="ulong"/> (higher bits zero). Generated posit types
    /// forward to these methods; the JIT specialises them per traits struct, so every <c>TTraits</c> member is a constant.
    /// </summary>
    /// <remarks>
    /// Every rounding funnels into <see cref="Round"/>: the Posit Standard 2022 rule, round to nearest with ties to
    /// even on the bit string (the midpoint between two neighbours is the (n+1)-bit posit between them, so where
    /// exponent bits are cut off the midpoint is geometric, not arithmetic), never to 0 or NaR from a nonzero real,
    /// saturating at ±maxpos and ±minpos.
    /// </remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static partial class PositCodec<TTraits>
        where TTraits : struct, IPositTraits
    {
        private static int N { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => TTraits.Bits; }

        private static int ES { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => TTraits.ExponentBits; }

        /// <summary>Payload bits after the sign bit.</summary>
        private static int P { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => TTraits.Bits - 1; }

        /// <summary>The code of -maxpos.</summary>
        public static ulong MinValueCode => TTraits.NaRCode + 1;

        /// <summary>The code of maxpos.</summary>
        public static ulong MaxValueCode => TTraits.MaxPosCode;

        /// <summary>The code of minpos (smallest positive value).</summary>
        public static ulong EpsilonCode => 1;

        /// <summary>The code of NaR.</summary>
        public static ulong NaRCode => TTraits.NaRCode;

        /// <summary>The code of 1 (maxpos for n = 2).</summary>
        public static ulong OneCode => TTraits.Bits == 2 ? 1 : TTraits.NaRCode >> 1;

        /// <summary>The code of -1.</summary>
        public static ulong NegativeOneCode => Negate(OneCode);

        // ---------------------------------------------------------------- classification

        /// <summary>Whether the code is NaR.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool IsNaR(ulong code) => code == TTraits.NaRCode;

        /// <summary>Whether the code is 0.</summary>
        public static bool IsZero(ulong code) => code == 0;

        /// <summary>Whether the value is negative (NaR is not).</summary>
        public static bool IsNegative(ulong code) => code > TTraits.NaRCode;

        /// <summary>Whether the value is positive (0 and NaR are not).</summary>
        public static bool IsPositive(ulong code) => code != 0 && code < TTraits.NaRCode;

        /// <summary>Whether the code is a real number (everything but NaR).</summary>
        public static bool IsReal(ulong code) => code != TTraits.NaRCode;

        /// <summary>Whether the value is an integer (0 included; NaR not).</summary>
        public static bool IsInteger(ulong code)
        {
            if (code == 0)
            {
                return true;
            }

            if (IsNaR(code))
            {
                return false;
            }

            Decode(code, out _, out int scale, out ulong fraction);
            return scale >= 0 && (scale >= 64 || (fraction << scale) == 0);
        }

        /// <summary>Whether the value is an even integer.</summary>
        public static bool IsEvenInteger(ulong code)
        {
            if (code == 0)
            {
                return true;
            }

            if (!IsInteger(code))
            {
                return false;
            }

            Decode(code, out _, out int scale, out ulong fraction);
            // The units bit is the hidden bit when scale = 0, else fraction bit (scale - 1) from the top.
            return scale != 0 && (scale > 64 || ((fraction << (scale - 1)) >> 63) == 0);
        }

        /// <summary>Whether the value is an odd integer.</summary>
        public static bool IsOddInteger(ulong code) => IsInteger(code) && !IsEvenInteger(code);

        /// <summary>Whether the value is a positive power of two (exactly 2^k).</summary>
        public static bool IsPow2(ulong code)
        {
            if (!IsPositive(code))
            {
                return false;
            }

            Decode(code, out _, out _, out ulong fraction);
            return fraction == 0;
        }

        // ---------------------------------------------------------------- sign and order

        /// <summary>Sign-extends a code to a signed integer: posits order as these integers (NaR is the smallest).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static long ToOrdinal(ulong code) => (long)(code << (64 - TTraits.Bits)) >> (64 - TTraits.Bits);

        /// <summary>The code of -x (two's complement; 0 and NaR are their own negations).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static ulong Negate(ulong code) => (0UL - code) & TTraits.CodeMask;

        /// <summary>The code of |x|; NaR stays NaR.</summary>
        public static ulong Abs(ulong code) => code > TTraits.NaRCode ? Negate(code) : code;

        /// <summary>The magnitude of <paramref name="value"/> with the sign of <paramref name="sign"/>; NaR in either gives NaR.</summary>
        public static ulong CopySign(ulong value, ulong sign)
        {
            if (IsNaR(value) || IsNaR(sign))
            {
                return TTraits.NaRCode;
            }

            ulong magnitude = Abs(value);
            return IsNegative(sign) ? Negate(magnitude) : magnitude;
        }

        /// <summary>-1, 0 or 1; NaR throws <see cref="ArithmeticException"/> as <see cref="Math.Sign(double)"/> does for NaN.</summary>
        public static int Sign(ulong code)
        {
            if (IsNaR(code))
            {
                throw new ArithmeticException("NaR has no sign.");
            }

            return Math.Sign(ToOrdinal(code));
        }

        /// <summary>Equality: codes equal (one zero, and NaR equals itself).</summary>
        public static bool Equal(ulong x, ulong y) => x == y;

        /// <summary>x &lt; y as two's-complement integers (NaR is less than every real).</summary>
        public static bool LessThan(ulong x, ulong y) => ToOrdinal(x) < ToOrdinal(y);

        /// <summary>x &lt;= y as two's-complement integers.</summary>
        public static bool LessThanOrEqual(ulong x, ulong y) => ToOrdinal(x) <= ToOrdinal(y);

        /// <summary>Total order as two's-complement integers: NaR first.</summary>
        public static int CompareTo(ulong x, ulong y) => ToOrdinal(x).CompareTo(ToOrdinal(y));

        /// <summary>The larger value; NaR if either is NaR (as <see cref="Math.Max(double, double)"/> with NaN).</summary>
        public static ulong Max(ulong x, ulong y) => IsNaR(x) || IsNaR(y) ? TTraits.NaRCode : LessThan(x, y) ? y : x;

        /// <summary>The smaller value; NaR if either is NaR.</summary>
        public static ulong Min(ulong x, ulong y) => IsNaR(x) || IsNaR(y) ? TTraits.NaRCode : LessThan(y, x) ? y : x;

        /// <summary>The larger value, ignoring a NaR operand.</summary>
        public static ulong MaxNumber(ulong x, ulong y) => IsNaR(x) ? y : IsNaR(y) ? x : LessThan(x, y) ? y : x;

        /// <summary>The smaller value, ignoring a NaR operand.</summary>
        public static ulong MinNumber(ulong x, ulong y) => IsNaR(x) ? y : IsNaR(y) ? x : LessThan(y, x) ? y : x;

        /// <summary>The operand of larger magnitude (the positive one on a tie); NaR if either is NaR.</summary>
        public static ulong MaxMagnitude(ulong x, ulong y)
        {
            if (IsNaR(x) || IsNaR(y))
            {
                return TTraits.NaRCode;
            }

            ulong ax = Abs(x), ay = Abs(y);
            return ax > ay || (ax == ay && !IsNegative(x)) ? x : y;
        }

        /// <summary>The operand of smaller magnitude (the negative one on a tie); NaR if either is NaR.</summary>
        public static ulong MinMagnitude(ulong x, ulong y)
        {
            if (IsNaR(x) || IsNaR(y))
            {
                return TTraits.NaRCode;
            }

            ulong ax = Abs(x), ay = Abs(y);
            return ax < ay || (ax == ay && IsNegative(x)) ? x : y;
        }

        /// <summary>The next posit toward +∞ (maxpos and NaR stay).</summary>
        public static ulong BitIncrement(ulong code) => code == TTraits.MaxPosCode || IsNaR(code) ? code : (code + 1) & TTraits.CodeMask;

        /// <summary>The next posit toward -∞ (-maxpos and NaR stay).</summary>
        public static ulong BitDecrement(ulong code) => code == MinValueCode || IsNaR(code) ? code : (code - 1) & TTraits.CodeMask;

        // ---------------------------------------------------------------- decoding

        /// <summary>
        /// Splits a code that is neither 0 nor NaR into its sign, its scale (the power of two of its leading bit) and its
        /// fraction bits, left-aligned in a 64-bit word: the value is (-1)^negative × 2^scale × (1 + fraction / 2^64).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Decode(ulong code, out bool negative, out int scale, out ulong fraction)
        {
            negative = code > TTraits.NaRCode;
            DecodeMagnitude(negative ? Negate(code) : code, out scale, out fraction);
        }

        /// <summary><see cref="Decode"/> for a positive code.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static void DecodeMagnitude(ulong magnitude, out int scale, out ulong fraction)
        {
            if (Narrow)
            {
                fraction = UnpackNarrow(magnitude, out scale);
                return;
            }

            // The payload (n-1 bits after the sign) left-aligned; the bits below it are zero.
            ulong x = magnitude << (65 - TTraits.Bits);
            int run;
            int k;
            if ((long)x < 0)
            {
                run = BitOperations.LeadingZeroCount(~x);
                k = run - 1;
            }
            else
            {
                run = BitOperations.LeadingZeroCount(x);
                k = -run;
            }

            // Skip the regime and its terminating bit (absent when the regime fills the payload; then nothing is left).
            int used = run + 1;
            ulong rest = used >= 64 ? 0 : x << used;
            if (TTraits.ExponentBits == 0)
            {
                scale = k;
                fraction = rest;
            }
            else
            {
                scale = (k << TTraits.ExponentBits) + (int)(rest >> (64 - TTraits.ExponentBits));
                fraction = rest << TTraits.ExponentBits;
            }
        }

        /// <summary>The value as a double: exact when <see cref="IPositTraits.IsExactInDouble"/>, else rounded to nearest even. NaR gives NaN.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static double ToDouble(ulong code)
        {
            if (TTraits.Bits <= 8)
            {
                return Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(Table8.Decode), (nint)(code & 0xFF));
            }

            return ComputeDouble(code);
        }

        internal static double ComputeDouble(ulong code)
        {
            if (code == 0)
            {
                return 0.0;
            }

            if (IsNaR(code))
            {
                return double.NaN;
            }

            Decode(code, out bool negative, out int scale, out ulong fraction);
            ulong mantissa = fraction >> 12;
            if (TTraits.MaxFractionBits > 52)
            {
                ulong rest = fraction & 0xFFF;
                if (rest > 0x800 || (rest == 0x800 && (mantissa & 1) != 0))
                {
                    mantissa++; // a carry out of the mantissa steps into the exponent, as it should
                }
            }

            ulong bits = ((ulong)(scale + 1023) << 52) + mantissa;
            return BitConverter.UInt64BitsToDouble(negative ? bits | (1UL << 63) : bits);
        }

        /// <summary>
        /// The value as a double rounded to odd (the lowest bit of the mantissa ORed with "inexact"): rounding that
        /// double once more to float or Half gives the correctly rounded result.
        /// </summary>
        private static double ToDoubleRoundOdd(ulong code)
        {
            if (TTraits.IsExactInDouble || code == 0 || IsNaR(code))
            {
                return ToDouble(code);
            }

            Decode(code, out bool negative, out int scale, out ulong fraction);
            ulong mantissa = (fraction >> 12) | ((fraction & 0xFFF) != 0 ? 1UL : 0UL);
            ulong bits = ((ulong)(scale + 1023) << 52) | mantissa;
            return BitConverter.UInt64BitsToDouble(negative ? bits | (1UL << 63) : bits);
        }

        /// <summary>The value as a float, correctly rounded (exact when <see cref="IPositTraits.IsExactInSingle"/>). NaR gives NaN.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static float ToSingle(ulong code)
        {
            if (TTraits.Bits <= 8)
            {
                return (float)Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(Table8.Decode), (nint)(code & 0xFF));
            }

            return TTraits.IsExactInSingle ? (float)ComputeDouble(code) : (float)ToDoubleRoundOdd(code);
        }

        /// <summary>The value as a Half, correctly rounded. NaR gives NaN.</summary>
        public static Half ToHalf(ulong code) => TTraits.IsExactInDouble ? (Half)ToDouble(code) : (Half)ToDoubleRoundOdd(code);

        // ---------------------------------------------------------------- encoding

        /// <summary>
        /// The one rounding routine: the posit nearest to (-1)^negative × 2^scale × (1 + fraction / 2^64 + tiny), where
        /// <paramref name="sticky"/> says whether a positive "tiny" below one unit of the fraction's last bit is present.
        /// Round to nearest, ties to even on the bit string; never 0 or NaR; saturates at ±maxpos and ±minpos.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static ulong Round(bool negative, int scale, ulong fraction, bool sticky)
        {
            if (Narrow)
            {
                // At most 30 fraction bits survive, so a sticky bit may stand in the fraction's lowest bit.
                return RoundNarrow(negative ? 1UL : 0UL, scale, fraction | (sticky ? 1UL : 0UL), lowBits: true);
            }

            ulong code;
            if (scale >= TTraits.MaxScale)
            {
                code = TTraits.MaxPosCode;
            }
            else if (scale < -TTraits.MaxScale)
            {
                code = 1;
            }
            else
            {
                // The payload as an unbounded bit string, left-aligned: regime, exponent, fraction.
                int k = scale >> TTraits.ExponentBits;
                int regimeLength;
                ulong s;
                if (k >= 0)
                {
                    regimeLength = k + 2;                // k+1 ones and a zero (k <= n-3, so this fits)
                    s = ~0UL << (64 - (k + 1));
                }
                else
                {
                    regimeLength = 1 - k;                // -k zeros and a one
                    s = 1UL << (64 - regimeLength);
                }

                if (TTraits.ExponentBits > 0)
                {
                    ulong e = (ulong)(scale & ((1 << TTraits.ExponentBits) - 1));
                    int shift = 64 - regimeLength - TTraits.ExponentBits;
                    if (shift >= 0)
                    {
                        s |= e << shift;
                    }
                    else
                    {
                        s |= e >> -shift;
                        sticky |= (e & ((1UL << -shift) - 1)) != 0;
                    }
                }

                int used = regimeLength + TTraits.ExponentBits;
                if (used < 64)
                {
                    s |= fraction >> used;
                    sticky |= (fraction << (64 - used)) != 0;
                }
                else
                {
                    sticky |= fraction != 0;
                }

                // Keep the first n-1 bits; the next bit decides, the rest breaks ties.
                code = s >> (64 - P);
                ulong rest = s << P;                     // P <= 63: the round bit is the top bit of rest
                bool roundBit = (long)rest < 0;
                sticky |= (rest << 1) != 0;
                if (roundBit && (sticky || (code & 1) != 0))
                {
                    code++;
                }
            }

            return negative ? Negate(code) : code;
        }

        /// <summary>Rounds a double (round to nearest even on the bit string). NaN and ±∞ give NaR; ±0 gives 0; subnormals give ±minpos.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static ulong FromDouble(double value)
        {
            ulong bits = BitConverter.DoubleToUInt64Bits(value);
            bool negative = (long)bits < 0;
            int biased = (int)(bits >> 52) & 0x7FF;
            ulong mantissa = bits & 0xF_FFFF_FFFF_FFFFUL;
            if (biased == 0x7FF)
            {
                return TTraits.NaRCode;
            }

            if (biased == 0)
            {
                // Every double subnormal is below minpos (minpos >= 2^-992): ±minpos, never 0.
                return mantissa == 0 ? 0 : negative ? Negate(1) : 1;
            }

            return Round(negative, biased - 1023, mantissa << 12, sticky: false);
        }

        /// <summary>Rounds a float once (its exact value goes through double without loss).</summary>
        public static ulong FromSingle(float value) => FromDouble(value);

        /// <summary>Rounds a Half once.</summary>
        public static ulong FromHalf(Half value) => FromDouble((double)value);

        /// <summary>Rounds a signed integer by value (long.MinValue is -2^63).</summary>
        public static ulong FromInt64(long value) => value < 0 ? Negate(FromUInt64(0UL - (ulong)value)) : FromUInt64((ulong)value);

        /// <summary>Rounds an unsigned integer by value.</summary>
        public static ulong FromUInt64(ulong value)
        {
            if (value == 0)
            {
                return 0;
            }

            int leadingZeros = BitOperations.LeadingZeroCount(value);
            return Round(false, 63 - leadingZeros, (value << leadingZeros) << 1, sticky: false);
        }

        /// <summary>Rounds a 128-bit signed integer by value.</summary>
        public static ulong FromInt128(Int128 value) => Int128.IsNegative(value) ? Negate(FromUInt128((UInt128)(-(value + 1)) + 1)) : FromUInt128((UInt128)value);

        /// <summary>Rounds a 128-bit unsigned integer by value.</summary>
        public static ulong FromUInt128(UInt128 value)
        {
            ulong upper = (ulong)(value >> 64);
            if (upper == 0)
            {
                return FromUInt64((ulong)value);
            }

            int leadingZeros = BitOperations.LeadingZeroCount(upper);
            UInt128 normalized = value << leadingZeros;
            UInt128 afterLeading = normalized << 1;
            return Round(false, 127 - leadingZeros, (ulong)(afterLeading >> 64), (ulong)afterLeading != 0);
        }

        /// <summary>Rounds an integer of any <see cref="IBinaryInteger{TSelf}"/> type by value.</summary>
        public static ulong FromInteger<TInteger>(TInteger value)
            where TInteger : IBinaryInteger<TInteger>
        {
            if (TInteger.IsNegative(value))
            {
                return FromInt128(Int128.CreateTruncating(value));
            }

            return FromUInt128(UInt128.CreateTruncating(value));
        }

        /// <summary>Rounds a decimal once, from its exact value.</summary>
        public static ulong FromDecimal(decimal value)
        {
            Span<int> parts = stackalloc int[4];
            decimal.GetBits(value, parts);
            bool negative = parts[3] < 0;
            int scale = (parts[3] >> 16) & 0xFF;
            var magnitude = new BigInteger((uint)parts[0]) | (new BigInteger((uint)parts[1]) << 32) | (new BigInteger((uint)parts[2]) << 64);
            return magnitude.IsZero ? 0 : FromRational(negative, magnitude, BigInteger.Pow(10, scale), 0);
        }

        /// <summary>
        /// Rounds (-1)^negative × numerator / denominator × 2^exponent once (both positive; a zero numerator gives 0).
        /// Parsing, decimal conversion and remainders use it.
        /// </summary>
        public static ulong FromRational(bool negative, BigInteger numerator, BigInteger denominator, long exponent)
        {
            if (numerator.IsZero)
            {
                return 0;
            }

            // A quotient of at least 66 significant bits; the remainder becomes the sticky bit.
            long shift = Math.Max(0, 66 + (long)denominator.GetBitLength() - (long)numerator.GetBitLength());
            BigInteger quotient = BigInteger.DivRem(numerator << (int)shift, denominator, out BigInteger remainder);
            return FromBigInteger(negative, quotient, exponent - shift, !remainder.IsZero);
        }

        /// <summary>Rounds (-1)^negative × (magnitude + sticky) × 2^exponent once (magnitude positive).</summary>
        public static ulong FromBigInteger(bool negative, BigInteger magnitude, long exponent, bool sticky)
        {
            if (magnitude.IsZero)
            {
                return sticky ? (negative ? Negate(1) : 1) : 0;
            }

            long bitLength = (long)magnitude.GetBitLength();
            long top = exponent + bitLength - 1;
            BigInteger below = magnitude - (BigInteger.One << (int)(bitLength - 1));
            ulong fraction;
            if (bitLength - 1 > 64)
            {
                int drop = (int)(bitLength - 1 - 64);
                sticky |= !(below & ((BigInteger.One << drop) - 1)).IsZero;
                fraction = (ulong)(below >> drop);
            }
            else
            {
                fraction = bitLength - 1 == 0 ? 0 : (ulong)below << (int)(64 - (bitLength - 1));
            }

            int clamped = (int)Math.Clamp(top, -4096, 4096);
            return Round(negative, clamped, fraction, sticky);
        }

        /// <summary>The exact value of a code that is not NaR: numerator × 2^exponent (numerator signed, 0 for zero).</summary>
        public static void ToRational(ulong code, out BigInteger numerator, out int exponent)
        {
            if (code == 0 || IsNaR(code))
            {
                numerator = BigInteger.Zero;
                exponent = 0;
                return;
            }

            Decode(code, out bool negative, out int scale, out ulong fraction);
            int trailing = fraction == 0 ? 64 : BitOperations.TrailingZeroCount(fraction);
            int fractionBits = 64 - trailing;
            BigInteger significand = (BigInteger.One << fractionBits) | new BigInteger(fractionBits == 0 ? 0 : fraction >> trailing);
            numerator = negative ? -significand : significand;
            exponent = scale - fractionBits;
        }

        /// <summary>The exact value as a decimal, rounded to nearest even at decimal's precision; NaR and |x| &gt;= 2^96 throw <see cref="OverflowException"/>.</summary>
        public static decimal ToDecimal(ulong code)
        {
            if (IsNaR(code))
            {
                throw new OverflowException("NaR cannot be converted to decimal.");
            }

            ToRational(code, out BigInteger numerator, out int exponent);
            bool negative = numerator.Sign < 0;
            BigInteger magnitude = BigInteger.Abs(numerator);
            BigInteger limit = BigInteger.One << 96;
            if (exponent >= 0)
            {
                BigInteger whole = magnitude << exponent;
                if (whole >= limit)
                {
                    throw new OverflowException("Value was either too large or too small for a Decimal.");
                }

                return MakeDecimal(whole, 0, negative);
            }

            for (int decimalScale = 28; decimalScale >= 0; decimalScale--)
            {
                BigInteger scaled = magnitude * BigInteger.Pow(10, decimalScale);
                BigInteger quotient = BigInteger.DivRem(scaled, BigInteger.One << -exponent, out BigInteger remainder);
                BigInteger twice = remainder << 1;
                BigInteger divisor = BigInteger.One << -exponent;
                if (twice > divisor || (twice == divisor && !quotient.IsEven))
                {
                    quotient += 1;
                }

                if (quotient < limit)
                {
                    while (decimalScale > 0 && !quotient.IsZero && (quotient % 10).IsZero)
                    {
                        quotient /= 10;
                        decimalScale--;
                    }

                    return MakeDecimal(quotient, decimalScale, negative);
                }
            }

            throw new OverflowException("Value was either too large or too small for a Decimal.");
        }

        private static decimal MakeDecimal(BigInteger magnitude, int scale, bool negative)
        {
            uint lo = (uint)(magnitude & uint.MaxValue);
            uint mid = (uint)((magnitude >> 32) & uint.MaxValue);
            uint hi = (uint)((magnitude >> 64) & uint.MaxValue);
            return new decimal((int)lo, (int)mid, (int)hi, negative && !magnitude.IsZero, (byte)scale);
        }

        // ---------------------------------------------------------------- to integers

        /// <summary>
        /// Rounds |x| to an integer in the direction <paramref name="mode"/> asks (directed modes act on the signed
        /// value). Returns false when the result needs more than 128 bits. x must be neither 0 nor NaR.
        /// </summary>
        private static bool RoundMagnitude(ulong code, MidpointRounding mode, out bool negative, out UInt128 magnitude)
        {
            Decode(code, out negative, out int scale, out ulong fraction);
            if (scale >= 128)
            {
                magnitude = UInt128.Zero;
                return false;
            }

            ulong significand = (1UL << 63) | (fraction >> 1); // exact: at most 61 fraction bits exist
            bool half;
            bool sticky;
            if (scale >= 63)
            {
                magnitude = (UInt128)significand << (scale - 63);
                return true;
            }

            if (scale >= 0)
            {
                magnitude = significand >> (63 - scale);
                ulong rest = significand << (scale + 1);
                half = (long)rest < 0;
                sticky = (rest << 1) != 0;
            }
            else
            {
                magnitude = UInt128.Zero;
                half = scale == -1;
                sticky = scale < -1 || fraction != 0;
            }

            bool up = mode switch
            {
                MidpointRounding.ToEven => half && (sticky || ((ulong)magnitude & 1) != 0),
                MidpointRounding.AwayFromZero => half,
                MidpointRounding.ToZero => false,
                MidpointRounding.ToPositiveInfinity => (half || sticky) && !negative,
                MidpointRounding.ToNegativeInfinity => (half || sticky) && negative,
                _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "The value is not a defined MidpointRounding mode."),
            };
            if (up)
            {
                magnitude += 1;
            }

            return true;
        }

        /// <summary>
        /// Converts to an integer type as an explicit cast does in .NET for double: truncates toward zero and saturates
        /// at the type's range; NaR gives 0.
        /// </summary>
        public static TInteger ToInteger<TInteger>(ulong code)
            where TInteger : IBinaryInteger<TInteger>, IMinMaxValue<TInteger>
            => ToInteger<TInteger>(code, MidpointRounding.ToZero);

        /// <summary>
        /// Rounds to an integer type in the direction <paramref name="mode"/> asks, saturating at the type's range; NaR
        /// gives 0 (SoftPosit's convention; the Posit Standard maps NaR to the most negative integer instead). With
        /// <see cref="MidpointRounding.ToEven"/> this is SoftPosit's p*_to_i32 / p*_to_i64.
        /// </summary>
        public static TInteger ToInteger<TInteger>(ulong code, MidpointRounding mode)
            where TInteger : IBinaryInteger<TInteger>, IMinMaxValue<TInteger>
        {
            if (code == 0 || IsNaR(code))
            {
                return TInteger.Zero;
            }

            if (!RoundMagnitude(code, mode, out bool negative, out UInt128 magnitude))
            {
                return negative ? TInteger.MinValue : TInteger.MaxValue;
            }

            if (!negative)
            {
                return TInteger.CreateSaturating(magnitude);
            }

            if (magnitude > (UInt128)Int128.MaxValue)
            {
                return magnitude == (UInt128)Int128.MaxValue + 1 ? TInteger.CreateSaturating(Int128.MinValue) : TInteger.MinValue;
            }

            return TInteger.CreateSaturating(-(Int128)magnitude);
        }

        /// <summary>Truncating, saturating conversion to <see cref="int"/> (NaR gives 0).</summary>
        public static int ToInt32(ulong code) => ToInteger<int>(code);

        /// <summary>Truncating, saturating conversion to <see cref="long"/> (NaR gives 0).</summary>
        public static long ToInt64(ulong code) => ToInteger<long>(code);

        /// <summary>Rounds to an integral posit value in the direction <paramref name="mode"/> asks (Round, Floor, Ceiling, Truncate).</summary>
        public static ulong RoundToIntegral(ulong code, MidpointRounding mode)
        {
            if (code == 0 || IsNaR(code))
            {
                return code;
            }

            Decode(code, out _, out int scale, out _);
            if (scale >= 62)
            {
                return code; // every posit this large is an integer (at most 61 fraction bits)
            }

            RoundMagnitude(code, mode, out bool negative, out UInt128 magnitude);
            ulong result = FromUInt64((ulong)magnitude); // exact: an integer at most 2^62 with no more bits than x
            return negative ? Negate(result) : result;
        }

        // ---------------------------------------------------------------- tables for narrow formats

        /// <summary>Decode table of 8-bit-or-narrower formats (built on first use).</summary>
        private static class Table8
        {
            public static readonly double[] Decode = Build();

            private static double[] Build()
            {
                var table = new double[256];
                for (ulong code = 0; code < 256; code++)
                {
                    table[code] = ComputeDouble(code & TTraits.CodeMask);
                }

                return table;
            }
        }
    }
}
