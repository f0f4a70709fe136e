using System;
using System.Buffers;
using System.ComponentModel;
using System.Globalization;
using System.Numerics;
using System.Text;
using NumForge.CompilerServices.Text;

namespace NumForge.CompilerServices
{
    /// <summary>
    /// Formatting and parsing of one posit format's values. <c>ToString()</c> (format null, empty, "G" or "R") gives the
    /// shortest decimal string that parses back to the same posit; NaR formats as "NaR". Other standard format strings
    /// format the value as a double (exact for formats whose values are all doubles). Parsing rounds the exact decimal
    /// value once (not through a double); "NaR", NaN and the infinity symbols parse as NaR.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class PositText<TTraits>
        where TTraits : struct, IPositTraits
    {
        /// <summary>The text of NaR.</summary>
        public const string NaRText = "NaR";

        /// <summary>Formats a code.</summary>
        public static string Format(ulong code, string? format, IFormatProvider? provider)
        {
            if (PositCodec<TTraits>.IsNaR(code))
            {
                return NaRText;
            }

            if (string.IsNullOrEmpty(format) || format == "G" || format == "g" || format == "R" || format == "r")
            {
                return Shortest(code, NumberFormatInfo.GetInstance(provider));
            }

            return PositCodec<TTraits>.ToDouble(code).ToString(format, provider);
        }

        /// <summary>Formats a code into a character span.</summary>
        public static bool TryFormat(ulong code, Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
        {
            string text = Format(code, format.IsEmpty ? null : format.ToString(), provider);
            if (text.AsSpan().TryCopyTo(destination))
            {
                charsWritten = text.Length;
                return true;
            }

            charsWritten = 0;
            return false;
        }

        /// <summary>Formats a code into a UTF-8 span.</summary>
        public static bool TryFormat(ulong code, Span<byte> utf8Destination, out int bytesWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
        {
            string text = Format(code, format.IsEmpty ? null : format.ToString(), provider);
            return Encoding.UTF8.TryGetBytes(text, utf8Destination, out bytesWritten);
        }

        /// <summary>The shortest decimal string (fewest significant digits, nearest to the value) that parses back to the code.</summary>
        private static string Shortest(ulong code, NumberFormatInfo info)
        {
            if (code == 0)
            {
                return "0";
            }

            PositCodec<TTraits>.ToRational(code, out BigInteger numerator, out int exponent);
            bool negative = numerator.Sign < 0;
            BigInteger magnitude = BigInteger.Abs(numerator);

            // Exact decimal digits: value = digits × 10^decimalExponent.
            BigInteger digits;
            int decimalExponent;
            if (exponent >= 0)
            {
                digits = magnitude << exponent;
                decimalExponent = 0;
            }
            else
            {
                digits = magnitude * BigInteger.Pow(5, -exponent);
                decimalExponent = exponent;
            }

            string all = digits.ToString(CultureInfo.InvariantCulture);
            for (int count = 1; count <= all.Length; count++)
            {
                (string kept, int pointExponent) = RoundDigits(all, count, decimalExponent);
                if (TryParseExact(negative, kept, pointExponent, out ulong back) && back == code && WithinMirroredBound(code, kept, pointExponent))
                {
                    return Compose(negative, kept, pointExponent, info);
                }
            }

            return Compose(negative, all.TrimEnd('0'), decimalExponent + all.Length - all.TrimEnd('0').Length, info);
        }

        /// <summary>
        /// ±maxpos and ±minpos round-trip from an unbounded interval (everything beyond them saturates); so that they do not
        /// print as, say, "3E+08", a candidate must also stay within the mirror image of the gap to their one neighbour
        /// (geometrically: maxpos² / next-lower, minpos² / next-higher).
        /// </summary>
        private static bool WithinMirroredBound(ulong code, string digits, int exponent)
        {
            ulong magnitude = PositCodec<TTraits>.Abs(code);
            bool isMax = magnitude == TTraits.MaxPosCode;
            bool isMin = magnitude == 1;
            if ((!isMax && !isMin) || TTraits.Bits <= 2)
            {
                return true;
            }

            // candidate = D × 10^X; extreme = 2^s; neighbour = a × 2^t. Compare candidate × neighbour with extreme².
            var d = BigInteger.Parse(digits, CultureInfo.InvariantCulture);
            PositCodec<TTraits>.ToRational(isMax ? TTraits.MaxPosCode - 1 : 2, out BigInteger a, out int t);
            int s = isMax ? TTraits.MaxScale : -TTraits.MaxScale;
            BigInteger left = d * a;            // × 10^X × 2^t
            BigInteger right = BigInteger.One;  // × 2^(2s)
            int twoPower = t - 2 * s;           // left × 2^twoPower × 10^X  vs  1
            if (exponent >= 0)
            {
                left *= BigInteger.Pow(10, exponent);
            }
            else
            {
                right *= BigInteger.Pow(10, -exponent);
            }

            if (twoPower >= 0)
            {
                left <<= twoPower;
            }
            else
            {
                right <<= -twoPower;
            }

            int comparison = left.CompareTo(right);
            return isMax ? comparison <= 0 : comparison >= 0;
        }

        /// <summary>Rounds a digit string to <paramref name="count"/> significant digits (half to even); value = result × 10^exponent.</summary>
        private static (string Digits, int Exponent) RoundDigits(string all, int count, int exponent)
        {
            if (count >= all.Length)
            {
                return (all, exponent);
            }

            var kept = BigInteger.Parse(all.AsSpan(0, count), CultureInfo.InvariantCulture);
            char first = all[count];
            bool restNonZero = all.AsSpan(count + 1).ContainsAnyExcept('0');
            if (first > '5' || (first == '5' && (restNonZero || !kept.IsEven)))
            {
                kept += 1;
            }

            int dropped = all.Length - count;
            string text = kept.ToString(CultureInfo.InvariantCulture);
            string trimmed = text.TrimEnd('0');
            return (trimmed, exponent + dropped + (text.Length - trimmed.Length));
        }

        private static bool TryParseExact(bool negative, string digits, int exponent, out ulong code)
        {
            var mantissa = BigInteger.Parse(digits, CultureInfo.InvariantCulture);
            code = FromDecimalParts(negative, mantissa, exponent);
            return true;
        }

        /// <summary>Writes digits × 10^exponent as .NET writes doubles: positional for 1e-5 &lt;= |x| &lt; 1e15, else d.dddE±XX.</summary>
        private static string Compose(bool negative, string digits, int exponent, NumberFormatInfo info)
        {
            var builder = new StringBuilder();
            if (negative)
            {
                builder.Append(info.NegativeSign);
            }

            int pointPosition = digits.Length + exponent; // digits before the decimal point
            int scientific = pointPosition - 1;
            if (scientific >= -5 && scientific < 15)
            {
                if (pointPosition <= 0)
                {
                    builder.Append('0').Append(info.NumberDecimalSeparator).Append('0', -pointPosition).Append(digits);
                }
                else if (pointPosition >= digits.Length)
                {
                    builder.Append(digits).Append('0', pointPosition - digits.Length);
                }
                else
                {
                    builder.Append(digits, 0, pointPosition).Append(info.NumberDecimalSeparator).Append(digits, pointPosition, digits.Length - pointPosition);
                }
            }
            else
            {
                builder.Append(digits[0]);
                if (digits.Length > 1)
                {
                    builder.Append(info.NumberDecimalSeparator).Append(digits, 1, digits.Length - 1);
                }

                builder.Append('E').Append(scientific < 0 ? info.NegativeSign : info.PositiveSign);
                builder.Append(Math.Abs(scientific).ToString("00", CultureInfo.InvariantCulture));
            }

            return builder.ToString();
        }

        /// <summary>Rounds (-1)^negative × mantissa × 10^exponent once.</summary>
        private static ulong FromDecimalParts(bool negative, BigInteger mantissa, long exponent)
        {
            if (mantissa.IsZero)
            {
                return 0;
            }

            // Far outside every posit range (|log10| of maxpos <= 299): saturate without building huge powers.
            long magnitude10 = exponent + (long)(mantissa.GetBitLength() * 0.30103) + 1; // within one of the digit count
            if (magnitude10 > 400)
            {
                return negative ? PositCodec<TTraits>.MinValueCode : TTraits.MaxPosCode;
            }

            if (magnitude10 < -400)
            {
                return negative ? PositCodec<TTraits>.Negate(1) : 1;
            }

            return exponent >= 0
                ? PositCodec<TTraits>.FromRational(negative, mantissa * BigInteger.Pow(10, (int)exponent), BigInteger.One, 0)
                : PositCodec<TTraits>.FromRational(negative, mantissa, BigInteger.Pow(10, (int)-exponent), 0);
        }

        /// <summary>
        /// Parses text to a code, correctly rounded from its exact decimal value. The grammar is double.Parse's for every
        /// <see cref="NumberStyles"/> (through the shared <see cref="DecimalParser"/>, which reads the text once and keeps
        /// at most 800 significant digits and a sticky digit, so the time is linear in the length); NaN and the infinity
        /// symbols give NaR, and so does "NaR" itself (any case, surrounded by white space).
        /// </summary>
        /// <exception cref="ArgumentException"><paramref name="style"/> is undefined or asks for a hexadecimal or binary number.</exception>
        public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider? provider, out ulong code)
        {
            DecimalParser.ValidateStyle(style);
            DecimalNumber number = DecimalParser.Parse(s, style, NumberFormatInfo.GetInstance(provider));
            if (number.Kind == DecimalKind.Invalid)
            {
                bool naR = s.Trim().Equals(NaRText, StringComparison.OrdinalIgnoreCase);
                code = naR ? TTraits.NaRCode : 0;
                return naR;
            }

            code = Round(number);
            return true;
        }

        /// <summary>Rounds a parsed decimal once (nearest, ties to even on the bit string; never to 0 or NaR from a nonzero value).</summary>
        private static ulong Round(in DecimalNumber number)
        {
            bool negative = number.Negative;
            switch (number.Kind)
            {
                case DecimalKind.Zero:
                    return 0;
                case DecimalKind.Tiny:
                    return negative ? PositCodec<TTraits>.Negate(1) : 1;
                case DecimalKind.Huge:
                    return negative ? PositCodec<TTraits>.MinValueCode : TTraits.MaxPosCode;
                case DecimalKind.Finite:
                    BigInteger significand = number.SmallSignificand != 0 ? number.SmallSignificand : number.Significand;
                    return FromDecimalParts(negative, significand, number.Exponent);
                default:
                    return TTraits.NaRCode; // NaN and the infinities
            }
        }

        /// <summary>Parses UTF-8 text to a code, correctly rounded (see the UTF-16 overload).</summary>
        /// <exception cref="ArgumentException"><paramref name="style"/> is undefined or asks for a hexadecimal or binary number.</exception>
        public static bool TryParse(ReadOnlySpan<byte> utf8Text, NumberStyles style, IFormatProvider? provider, out ulong code)
        {
            DecimalParser.ValidateStyle(style);

            // A UTF-8 sequence never needs more UTF-16 code units than bytes. Invalid sequences become U+FFFD and fail.
            const int StackChars = 256;
            char[]? rented = null;
            Span<char> chars = utf8Text.Length <= StackChars
                ? stackalloc char[StackChars]
                : (rented = ArrayPool<char>.Shared.Rent(utf8Text.Length));
            try
            {
                int count = Encoding.UTF8.GetChars(utf8Text, chars);
                return TryParse(chars.Slice(0, count), style, provider, out code);
            }
            finally
            {
                if (rented != null)
                {
                    ArrayPool<char>.Shared.Return(rented);
                }
            }
        }

        /// <summary>Parses text, throwing <see cref="FormatException"/> when it is not a number.</summary>
        public static ulong Parse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider? provider)
            => TryParse(s, style, provider, out ulong code) ? code : throw NotANumber(s);

        private static FormatException NotANumber(ReadOnlySpan<char> s)
            => new(s.Length <= 200 ? $"'{s.ToString()}' is not a valid posit value." : $"'{s.Slice(0, 200).ToString()}...' ({s.Length} characters) is not a valid posit value.");
    }
}
