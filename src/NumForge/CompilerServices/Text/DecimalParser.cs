using System;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace NumForge.CompilerServices.Text
{
    /// <summary>What a piece of text denotes, before it is rounded to a format.</summary>
    internal enum DecimalKind
    {
        /// <summary>The text is malformed.</summary>
        Invalid,

        /// <summary>A (signed) zero.</summary>
        Zero,

        /// <summary>A nonzero finite value: <see cref="DecimalNumber.Significand"/> × 10^<see cref="DecimalNumber.Exponent"/>.</summary>
        Finite,

        /// <summary>A finite value above 10^310, beyond every format's range.</summary>
        Huge,

        /// <summary>A positive value below 10^-330, below half of every format's smallest value.</summary>
        Tiny,

        /// <summary>+infinity.</summary>
        PositiveInfinity,

        /// <summary>-infinity.</summary>
        NegativeInfinity,

        /// <summary>NaN.</summary>
        NaN,
    }

    /// <summary>The result of <see cref="DecimalParser.Parse"/>.</summary>
    internal readonly struct DecimalNumber
    {
        public DecimalNumber(DecimalKind kind, bool negative, BigInteger significand, long exponent)
        {
            Kind = kind;
            Negative = negative;
            Significand = significand;
            Exponent = exponent;
        }

        public DecimalNumber(bool negative, ulong smallSignificand, long exponent)
        {
            Kind = DecimalKind.Finite;
            Negative = negative;
            SmallSignificand = smallSignificand;
            Exponent = exponent;
        }

        public DecimalKind Kind { get; }

        public bool Negative { get; }

        /// <summary>The significand when <see cref="SmallSignificand"/> is zero.</summary>
        public BigInteger Significand { get; }

        /// <summary>The significand when it has at most 19 digits (then nonzero), else zero.</summary>
        public ulong SmallSignificand { get; }

        public long Exponent { get; }
    }

    /// <summary>
    /// Parses the text <see cref="double.Parse(string, NumberStyles, IFormatProvider)"/> accepts into an exact decimal
    /// (keeping at most <see cref="MaxDigits"/> significant digits plus a sticky digit).
    /// </summary>
    /// <remarks>
    /// Why <see cref="MaxDigits"/> = 800 is enough: a correctly rounded result only depends on where the value lies
    /// relative to the format's rounding boundaries (midpoints between adjacent values, the overflow threshold). Every
    /// value of a valid format is a double, so each boundary is a dyadic rational k × 2^t with k below 2^54 and
    /// t at least -1075, whose decimal expansion has at most about 770 significant digits (a double has at most 767).
    /// Truncating the text to 800 significant digits gives T &lt;= X &lt; T + 10^(scale-800); no boundary with at most
    /// 770 digits lies in (T, X] unless X = T, so replacing the dropped digits by a single nonzero digit (a "sticky" 1
    /// appended after them) lands strictly inside the same gap between boundaries and rounds identically, in every mode.
    /// Decimal exponents are clamped the same way: beyond 10^310 every format overflows, below 10^-330 every nonzero
    /// value is below half of the smallest subnormal of any format, so only "huge" or "tiny but nonzero" matters.
    /// </remarks>
    internal static class DecimalParser
    {
        /// <summary>Significant digits kept exactly.</summary>
        public const int MaxDigits = 800;

        private const NumberStyles ValidStyles = NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite
            | NumberStyles.AllowLeadingSign | NumberStyles.AllowTrailingSign | NumberStyles.AllowParentheses
            | NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands | NumberStyles.AllowExponent
            | NumberStyles.AllowCurrencySymbol | NumberStyles.AllowHexSpecifier | NumberStyles.AllowBinarySpecifier;

        private const int StateSign = 1;
        private const int StateParens = 2;
        private const int StateDigits = 4;
        private const int StateNonZero = 8;
        private const int StateDecimal = 16;
        private const int StateCurrency = 32;

        private const long HugeScale = 310;
        private const long TinyScale = -330;
        private const long ExponentLimit = 1_000_000_000_000L;

        /// <summary>Throws <see cref="ArgumentException"/> for styles <see cref="double.Parse(string, NumberStyles)"/> rejects.</summary>
        public static void ValidateStyle(NumberStyles style)
        {
            if ((style & ~ValidStyles) != 0)
            {
                throw new ArgumentException("An undefined NumberStyles value is being used.", nameof(style));
            }

            if ((style & (NumberStyles.AllowHexSpecifier | NumberStyles.AllowBinarySpecifier)) != 0)
            {
                throw new ArgumentException("The number styles AllowHexSpecifier and AllowBinarySpecifier are not supported on floating point data types.", nameof(style));
            }
        }

        /// <summary>Parses <paramref name="text"/> as double.Parse would, but keeps the exact decimal value.</summary>
        public static DecimalNumber Parse(ReadOnlySpan<char> text, NumberStyles style, NumberFormatInfo info)
        {
            // Trailing NULs are ignored, as the BCL parsers do.
            int end = text.Length;
            while (end > 0 && text[end - 1] == '\0')
            {
                end--;
            }

            ReadOnlySpan<char> s = text.Slice(0, end);
            DecimalNumber number = ParseNumber(s, style, info);

            // The symbols are matched on the text as given: .NET ignores trailing NULs after digits, not after "NaN".
            return number.Kind == DecimalKind.Invalid ? ParseSymbols(text, info) : number;
        }

        [SkipLocalsInit] // the digit buffer is written before it is read
        private static DecimalNumber ParseNumber(ReadOnlySpan<char> s, NumberStyles style, NumberFormatInfo info)
        {
            string decSep;
            string groupSep;
            string? currSymbol = null;
            bool parsingCurrency = false;
            if ((style & NumberStyles.AllowCurrencySymbol) != 0)
            {
                currSymbol = info.CurrencySymbol;
                decSep = info.CurrencyDecimalSeparator;
                groupSep = info.CurrencyGroupSeparator;
                parsingCurrency = true;
            }
            else
            {
                decSep = info.NumberDecimalSeparator;
                groupSep = info.NumberGroupSeparator;
            }

            int state = 0;
            bool negative = false;
            int p = 0;
            int next;

            // Leading part: white space, one sign or an opening parenthesis, a currency symbol.
            while (p < s.Length)
            {
                char ch = s[p];
                if (!IsWhite(ch) || (style & NumberStyles.AllowLeadingWhite) == 0
                    || ((state & StateSign) != 0 && (state & StateCurrency) == 0 && info.NumberNegativePattern != 2))
                {
                    if ((style & NumberStyles.AllowLeadingSign) != 0 && (state & StateSign) == 0
                        && ((next = MatchChars(s, p, info.PositiveSign)) >= 0 || ((next = MatchNegativeSign(s, p, info)) >= 0 && (negative = true))))
                    {
                        state |= StateSign;
                        p = next;
                        continue;
                    }

                    if (ch == '(' && (style & NumberStyles.AllowParentheses) != 0 && (state & StateSign) == 0)
                    {
                        state |= StateSign | StateParens;
                        negative = true;
                    }
                    else if (currSymbol != null && (next = MatchChars(s, p, currSymbol)) >= 0)
                    {
                        state |= StateCurrency;
                        currSymbol = null;
                        p = next;
                        continue;
                    }
                    else
                    {
                        break;
                    }
                }

                p++;
            }

            // Digits, one decimal separator, group separators between integer digits.
            // value = 0.d1 d2 ... dn × 10^scale, d1 the first nonzero digit.
            Span<char> kept = stackalloc char[MaxDigits + 1];
            int keptCount = 0;
            bool sticky = false;
            long scale = 0;
            while (p < s.Length)
            {
                char ch = s[p];
                if (IsDigit(ch))
                {
                    state |= StateDigits;
                    if (ch != '0' || (state & StateNonZero) != 0)
                    {
                        state |= StateNonZero;
                        if (keptCount < MaxDigits)
                        {
                            kept[keptCount++] = ch;
                        }
                        else if (ch != '0')
                        {
                            sticky = true;
                        }

                        if ((state & StateDecimal) == 0)
                        {
                            scale++;
                        }
                    }
                    else if ((state & StateDecimal) != 0)
                    {
                        scale--;
                    }

                    p++;
                }
                else if ((style & NumberStyles.AllowDecimalPoint) != 0 && (state & StateDecimal) == 0
                    && ((next = MatchChars(s, p, decSep)) >= 0
                        || (parsingCurrency && (state & StateCurrency) == 0 && (next = MatchChars(s, p, info.NumberDecimalSeparator)) >= 0)))
                {
                    state |= StateDecimal;
                    p = next;
                }
                else if ((style & NumberStyles.AllowThousands) != 0 && (state & StateDigits) != 0 && (state & StateDecimal) == 0
                    && ((next = MatchChars(s, p, groupSep)) >= 0
                        || (parsingCurrency && (state & StateCurrency) == 0 && (next = MatchChars(s, p, info.NumberGroupSeparator)) >= 0)))
                {
                    p = next;
                }
                else
                {
                    break;
                }
            }

            if ((state & StateDigits) == 0)
            {
                return default;
            }

            // Exponent: 'e' or 'E', an optional sign, digits; without digits the 'e' is left over (and fails below).
            if (p < s.Length && (s[p] == 'E' || s[p] == 'e') && (style & NumberStyles.AllowExponent) != 0)
            {
                int q = p + 1;
                bool negativeExponent = false;
                if ((next = MatchChars(s, q, info.PositiveSign)) >= 0)
                {
                    q = next;
                }
                else if ((next = MatchNegativeSign(s, q, info)) >= 0)
                {
                    q = next;
                    negativeExponent = true;
                }

                if (q < s.Length && IsDigit(s[q]))
                {
                    long exponent = 0;
                    while (q < s.Length && IsDigit(s[q]))
                    {
                        if (exponent < ExponentLimit)
                        {
                            exponent = (exponent * 10) + (s[q] - '0');
                        }

                        q++;
                    }

                    scale += negativeExponent ? -exponent : exponent;
                    p = q;
                }
            }

            // Trailing part: white space, a sign if none came before, the closing parenthesis, a currency symbol.
            while (p < s.Length)
            {
                char ch = s[p];
                if (!IsWhite(ch) || (style & NumberStyles.AllowTrailingWhite) == 0)
                {
                    if ((style & NumberStyles.AllowTrailingSign) != 0 && (state & StateSign) == 0
                        && ((next = MatchChars(s, p, info.PositiveSign)) >= 0 || ((next = MatchNegativeSign(s, p, info)) >= 0 && (negative = true))))
                    {
                        state |= StateSign;
                        p = next;
                        continue;
                    }

                    if (ch == ')' && (state & StateParens) != 0)
                    {
                        state &= ~StateParens;
                    }
                    else if (currSymbol != null && (next = MatchChars(s, p, currSymbol)) >= 0)
                    {
                        currSymbol = null;
                        p = next;
                        continue;
                    }
                    else
                    {
                        break;
                    }
                }

                p++;
            }

            if (p != s.Length || (state & StateParens) != 0)
            {
                return default;
            }

            if ((state & StateNonZero) == 0)
            {
                return new DecimalNumber(DecimalKind.Zero, negative, BigInteger.Zero, 0);
            }

            if (scale > HugeScale)
            {
                return new DecimalNumber(DecimalKind.Huge, negative, BigInteger.Zero, 0);
            }

            if (scale < TinyScale)
            {
                return new DecimalNumber(DecimalKind.Tiny, negative, BigInteger.Zero, 0);
            }

            // Drop trailing zeros of the kept digits (they only scale), then add the sticky digit.
            while (keptCount > 1 && kept[keptCount - 1] == '0' && !sticky)
            {
                keptCount--;
            }

            if (sticky)
            {
                kept[keptCount++] = '1';
            }

            if (keptCount <= 19)
            {
                ulong small = 0;
                for (int i = 0; i < keptCount; i++)
                {
                    small = (small * 10) + (uint)(kept[i] - '0');
                }

                return new DecimalNumber(negative, small, scale - keptCount);
            }

            BigInteger significand = ToInteger(kept.Slice(0, keptCount));
            return new DecimalNumber(DecimalKind.Finite, negative, significand, scale - keptCount);
        }

        /// <summary>The NaN and infinity symbols, matched as double.Parse does (case-insensitive, trimmed).</summary>
        private static DecimalNumber ParseSymbols(ReadOnlySpan<char> s, NumberFormatInfo info)
        {
            ReadOnlySpan<char> t = s.Trim();
            if (EqualsIgnoreCase(t, info.PositiveInfinitySymbol))
            {
                return new DecimalNumber(DecimalKind.PositiveInfinity, false, BigInteger.Zero, 0);
            }

            if (EqualsIgnoreCase(t, info.NegativeInfinitySymbol))
            {
                return new DecimalNumber(DecimalKind.NegativeInfinity, true, BigInteger.Zero, 0);
            }

            if (EqualsIgnoreCase(t, info.NaNSymbol))
            {
                return new DecimalNumber(DecimalKind.NaN, false, BigInteger.Zero, 0);
            }

            string positiveSign = info.PositiveSign;
            if (positiveSign.Length > 0 && t.StartsWith(positiveSign, StringComparison.OrdinalIgnoreCase))
            {
                ReadOnlySpan<char> rest = t.Slice(positiveSign.Length);
                if (EqualsIgnoreCase(rest, info.PositiveInfinitySymbol))
                {
                    return new DecimalNumber(DecimalKind.PositiveInfinity, false, BigInteger.Zero, 0);
                }

                return EqualsIgnoreCase(rest, info.NaNSymbol) ? new DecimalNumber(DecimalKind.NaN, false, BigInteger.Zero, 0) : default;
            }

            string negativeSign = info.NegativeSign;
            if (negativeSign.Length > 0 && t.StartsWith(negativeSign, StringComparison.OrdinalIgnoreCase)
                && EqualsIgnoreCase(t.Slice(negativeSign.Length), info.NaNSymbol))
            {
                return new DecimalNumber(DecimalKind.NaN, true, BigInteger.Zero, 0);
            }

            // Unlike digits, a NaN symbol takes no hyphen in place of a minus-like negative sign (as .NET 10 parses).
            return default;
        }

        private static BigInteger ToInteger(ReadOnlySpan<char> digits)
        {
            // Eighteen digits at a time in a ulong, then one BigInteger multiply-add per chunk.
            const ulong Chunk = 1_000_000_000_000_000_000UL;
            int first = digits.Length % 18;
            if (first == 0)
            {
                first = 18;
            }

            ulong head = 0;
            for (int i = 0; i < first; i++)
            {
                head = (head * 10) + (uint)(digits[i] - '0');
            }

            if (digits.Length == first)
            {
                return head;
            }

            BigInteger result = head;
            for (int i = first; i < digits.Length; i += 18)
            {
                ulong chunk = 0;
                for (int k = i; k < i + 18; k++)
                {
                    chunk = (chunk * 10) + (uint)(digits[k] - '0');
                }

                result = (result * Chunk) + chunk;
            }

            return result;
        }

        private static bool EqualsIgnoreCase(ReadOnlySpan<char> text, string symbol)
            => symbol.Length > 0 && text.Equals(symbol, StringComparison.OrdinalIgnoreCase);

        private static bool IsWhite(char ch) => ch == ' ' || (uint)(ch - '\t') <= '\r' - '\t';

        private static bool IsDigit(char ch) => (uint)(ch - '0') <= 9;

        /// <summary>
        /// The index after <paramref name="value"/> if the text continues with it at <paramref name="index"/>, else -1.
        /// A no-break space in the pattern also matches a plain space, as the BCL parsers allow.
        /// </summary>
        private static int MatchChars(ReadOnlySpan<char> s, int index, string value)
        {
            if (value.Length == 0 || s.Length - index < value.Length)
            {
                return -1;
            }

            for (int i = 0; i < value.Length; i++)
            {
                char c = s[index + i];
                char v = value[i];
                if (c != v && !(v == '\u00A0' && c == ' ') && !(v == '\u202F' && c == ' '))
                {
                    return -1;
                }
            }

            return index + value.Length;
        }

        private static int MatchNegativeSign(ReadOnlySpan<char> s, int index, NumberFormatInfo info)
        {
            int next = MatchChars(s, index, info.NegativeSign);
            if (next < 0 && AllowHyphenDuringParsing(info) && index < s.Length && s[index] == '-')
            {
                next = index + 1;
            }

            return next;
        }

        /// <summary>Whether a plain hyphen also counts as the negative sign (cultures whose sign is a minus-like character).</summary>
        private static bool AllowHyphenDuringParsing(NumberFormatInfo info)
        {
            string sign = info.NegativeSign;
            return sign.Length == 1 && sign[0] switch
            {
                '\u2012' or '\u207B' or '\u208B' or '\u2212' or '\u2796' or '\uFE63' or '\uFF0D' => true,
                _ => false,
            };
        }
    }
}
