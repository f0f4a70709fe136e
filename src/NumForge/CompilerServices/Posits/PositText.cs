using System;
using System.ComponentModel;
using System.Globalization;
using System.Numerics;
using System.Text;

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
            long magnitude10 = exponent + (long)mantissa.ToString(CultureInfo.InvariantCulture).Length;
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

        /// <summary>Parses text (with the <see cref="NumberStyles"/> that apply to decimal numbers) to a code, correctly rounded.</summary>
        public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider? provider, out ulong code)
        {
            code = 0;
            if ((style & (NumberStyles.AllowHexSpecifier | NumberStyles.AllowBinarySpecifier)) != 0)
            {
                throw new ArgumentException("Hexadecimal and binary styles are not supported for posits.", nameof(style));
            }

            NumberFormatInfo info = NumberFormatInfo.GetInstance(provider);
            if ((style & NumberStyles.AllowLeadingWhite) != 0)
            {
                s = s.TrimStart();
            }

            if ((style & NumberStyles.AllowTrailingWhite) != 0)
            {
                s = s.TrimEnd();
            }

            if (s.IsEmpty)
            {
                return false;
            }

            if (s.Equals(NaRText, StringComparison.OrdinalIgnoreCase) || s.Equals(info.NaNSymbol, StringComparison.OrdinalIgnoreCase)
                || s.Equals(info.PositiveInfinitySymbol, StringComparison.OrdinalIgnoreCase) || s.Equals(info.NegativeInfinitySymbol, StringComparison.OrdinalIgnoreCase))
            {
                code = TTraits.NaRCode;
                return true;
            }

            bool negative = false;
            if ((style & NumberStyles.AllowLeadingSign) != 0)
            {
                if (s.StartsWith(info.NegativeSign, StringComparison.Ordinal))
                {
                    negative = true;
                    s = s[info.NegativeSign.Length..];
                }
                else if (s.StartsWith(info.PositiveSign, StringComparison.Ordinal))
                {
                    s = s[info.PositiveSign.Length..];
                }
            }

            var digits = new StringBuilder();
            long exponent = 0;
            bool anyDigit = false;
            bool afterPoint = false;
            int i = 0;
            while (i < s.Length)
            {
                char c = s[i];
                if (c >= '0' && c <= '9')
                {
                    anyDigit = true;
                    if (digits.Length > 0 || c != '0')
                    {
                        digits.Append(c);
                    }

                    if (afterPoint)
                    {
                        exponent--;
                    }

                    i++;
                }
                else if (!afterPoint && (style & NumberStyles.AllowDecimalPoint) != 0 && s[i..].StartsWith(info.NumberDecimalSeparator, StringComparison.Ordinal))
                {
                    afterPoint = true;
                    i += info.NumberDecimalSeparator.Length;
                }
                else if (!afterPoint && (style & NumberStyles.AllowThousands) != 0 && info.NumberGroupSeparator.Length > 0 && s[i..].StartsWith(info.NumberGroupSeparator, StringComparison.Ordinal))
                {
                    i += info.NumberGroupSeparator.Length;
                }
                else
                {
                    break;
                }
            }

            if (!anyDigit)
            {
                return false;
            }

            if (i < s.Length && (s[i] == 'e' || s[i] == 'E') && (style & NumberStyles.AllowExponent) != 0)
            {
                i++;
                bool negativeExponent = false;
                if (i < s.Length && s[i..].StartsWith(info.NegativeSign, StringComparison.Ordinal))
                {
                    negativeExponent = true;
                    i += info.NegativeSign.Length;
                }
                else if (i < s.Length && s[i..].StartsWith(info.PositiveSign, StringComparison.Ordinal))
                {
                    i += info.PositiveSign.Length;
                }

                long value = 0;
                bool any = false;
                while (i < s.Length && s[i] >= '0' && s[i] <= '9')
                {
                    value = Math.Min(value * 10 + (s[i] - '0'), 1_000_000_000L);
                    any = true;
                    i++;
                }

                if (!any)
                {
                    return false;
                }

                exponent += negativeExponent ? -value : value;
            }

            if (i != s.Length)
            {
                return false;
            }

            if (digits.Length == 0)
            {
                code = 0;
                return true;
            }

            code = FromDecimalParts(negative, BigInteger.Parse(digits.ToString(), CultureInfo.InvariantCulture), exponent);
            return true;
        }

        /// <summary>Parses UTF-8 text to a code, correctly rounded.</summary>
        public static bool TryParse(ReadOnlySpan<byte> utf8Text, NumberStyles style, IFormatProvider? provider, out ulong code)
        {
            char[] chars = new char[Encoding.UTF8.GetCharCount(utf8Text)];
            int count = Encoding.UTF8.GetChars(utf8Text, chars);
            return TryParse(chars.AsSpan(0, count), style, provider, out code);
        }

        /// <summary>Parses text, throwing <see cref="FormatException"/> when it is not a number.</summary>
        public static ulong Parse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider? provider)
            => TryParse(s, style, provider, out ulong code) ? code : throw new FormatException($"'{s.ToString()}' is not a valid posit value.");
    }
}
