using System;
using System.Buffers;
using System.ComponentModel;
using System.Globalization;
using System.Numerics;
using System.Text;
using System.Threading;
using NumForge.CompilerServices.Text;

namespace NumForge.CompilerServices
{
    /// <summary>
    /// Formatting and parsing of one float format's values, generic over its traits. Generated types forward their
    /// <c>ToString</c>, <c>TryFormat</c>, <c>Parse</c> and <c>TryParse</c> members here.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Formatting: a null or empty format, <c>"G"</c>/<c>"G0"</c> and <c>"R"</c> give the shortest decimal that parses
    /// back to the same code and lies in the value's own rounding interval (see <see cref="ShortestDecimal"/>), laid out
    /// the way <see cref="double.ToString()"/> lays out its shortest digits (plain notation while the decimal point
    /// position is between -3 and max(17, digits), else <c>1.5E+20</c>). Every other standard or custom format formats
    /// the exact value, which is a <see cref="double"/>, with double's own formatting.
    /// </para>
    /// <para>
    /// Parsing accepts what <see cref="double.Parse(string, NumberStyles, IFormatProvider)"/> accepts and rounds the exact
    /// decimal value once (round to nearest, ties to even; overflow as the format's default), never through a double.
    /// </para>
    /// </remarks>
    /// <typeparam name="TTraits">The traits of the format.</typeparam>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class FloatText<TTraits>
        where TTraits : struct, IFloatTraits
    {
        private const int StackChars = 128;
        private const int StackParseChars = 256;

        private static readonly ulong[] Pow5Table = CreatePow5Table();

        /// <summary>
        /// Shortest digits per magnitude code for formats of at most 8 magnitude bits (2 KB at most), filled on first
        /// use: digits in the low 48 bits, the decimal exponent + 32768 in the high 16; 0 means not yet computed.
        /// </summary>
        private static readonly ulong[]? ShortestCache = TTraits.MagnitudeMask <= 0xFF ? new ulong[TTraits.MagnitudeMask + 1] : null;

        // ---------------------------------------------------------------- formatting

        /// <summary>Formats a code as a string.</summary>
        /// <param name="code">The format's bits in the low bits.</param>
        /// <param name="format">A standard or custom numeric format string; null, empty, "G" or "R" give the shortest round-trip string.</param>
        /// <param name="provider">The culture whose <see cref="NumberFormatInfo"/> is used; null for the current culture.</param>
        /// <returns>The formatted value.</returns>
        public static string Format(ulong code, string? format, IFormatProvider? provider)
        {
            if (!IsShortest(format, out char exponentChar))
            {
                return FloatCodec<TTraits>.ToDouble(code).ToString(format, provider);
            }

            NumberFormatInfo info = NumberFormatInfo.GetInstance(provider);
            Span<char> buffer = stackalloc char[StackChars];
            if (TryFormatShortest(code, buffer, out int written, exponentChar, info))
            {
                return new string(buffer.Slice(0, written));
            }

            char[] large = new char[MaxShortestLength(info)];
            TryFormatShortest(code, large, out written, exponentChar, info);
            return new string(large, 0, written);
        }

        /// <summary>Formats a code into a span of characters.</summary>
        /// <param name="code">The format's bits in the low bits.</param>
        /// <param name="destination">Where the characters go.</param>
        /// <param name="charsWritten">How many characters were written (0 on failure).</param>
        /// <param name="format">A standard or custom numeric format string; empty, "G" or "R" give the shortest round-trip string.</param>
        /// <param name="provider">The culture whose <see cref="NumberFormatInfo"/> is used; null for the current culture.</param>
        /// <returns>Whether <paramref name="destination"/> was large enough.</returns>
        public static bool TryFormat(ulong code, Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
        {
            if (!IsShortest(format, out char exponentChar))
            {
                return FloatCodec<TTraits>.ToDouble(code).TryFormat(destination, out charsWritten, format, provider);
            }

            return TryFormatShortest(code, destination, out charsWritten, exponentChar, NumberFormatInfo.GetInstance(provider));
        }

        /// <summary>Formats a code into a span of UTF-8 bytes.</summary>
        /// <param name="code">The format's bits in the low bits.</param>
        /// <param name="utf8Destination">Where the bytes go.</param>
        /// <param name="bytesWritten">How many bytes were written (0 on failure).</param>
        /// <param name="format">A standard or custom numeric format string; empty, "G" or "R" give the shortest round-trip string.</param>
        /// <param name="provider">The culture whose <see cref="NumberFormatInfo"/> is used; null for the current culture.</param>
        /// <returns>Whether <paramref name="utf8Destination"/> was large enough.</returns>
        public static bool TryFormat(ulong code, Span<byte> utf8Destination, out int bytesWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
        {
            if (!IsShortest(format, out char exponentChar))
            {
                return FloatCodec<TTraits>.ToDouble(code).TryFormat(utf8Destination, out bytesWritten, format, provider);
            }

            NumberFormatInfo info = NumberFormatInfo.GetInstance(provider);
            Span<char> buffer = stackalloc char[StackChars];
            if (!TryFormatShortest(code, buffer, out int written, exponentChar, info))
            {
                buffer = new char[MaxShortestLength(info)];
                TryFormatShortest(code, buffer, out written, exponentChar, info);
            }

            OperationStatus status = System.Text.Unicode.Utf8.FromUtf16(buffer.Slice(0, written), utf8Destination, out _, out bytesWritten);
            if (status != OperationStatus.Done)
            {
                bytesWritten = 0;
                return false;
            }

            return true;
        }

        /// <summary>Whether a format string asks for the shortest round-trip string, and the exponent letter it uses.</summary>
        private static bool IsShortest(ReadOnlySpan<char> format, out char exponentChar)
        {
            exponentChar = 'E';
            if (format.IsEmpty)
            {
                return true;
            }

            char kind = format[0];
            ReadOnlySpan<char> precision = format.Slice(1);
            foreach (char c in precision)
            {
                if ((uint)(c - '0') > 9)
                {
                    return false;
                }
            }

            switch (kind)
            {
                case 'R':
                case 'r':
                    // The round-trip format ignores its precision, as double's does.
                    exponentChar = kind == 'r' ? 'e' : 'E';
                    return true;
                case 'G':
                case 'g':
                    exponentChar = kind == 'g' ? 'e' : 'E';
                    return precision.TrimStart('0').IsEmpty;
                default:
                    return false;
            }
        }

        private static int MaxShortestLength(NumberFormatInfo info)
            => 64 + (2 * (info.NegativeSign.Length + info.PositiveSign.Length)) + info.NumberDecimalSeparator.Length
                + info.NaNSymbol.Length + info.PositiveInfinitySymbol.Length + info.NegativeInfinitySymbol.Length;

        /// <summary>Writes the shortest round-trip string of a code.</summary>
        private static bool TryFormatShortest(ulong code, Span<char> destination, out int charsWritten, char exponentChar, NumberFormatInfo info)
        {
            if (FloatCodec<TTraits>.IsNaN(code))
            {
                return TryCopy(info.NaNSymbol, destination, out charsWritten);
            }

            bool negative = (code & TTraits.SignMask) != 0;
            if (FloatCodec<TTraits>.IsInfinity(code))
            {
                return TryCopy(negative ? info.NegativeInfinitySymbol : info.PositiveInfinitySymbol, destination, out charsWritten);
            }

            var writer = new SpanWriter(destination);
            if (negative)
            {
                writer.Append(info.NegativeSign);
            }

            if (FloatCodec<TTraits>.IsZero(code))
            {
                writer.Append('0');
                return writer.Finish(out charsWritten);
            }

            // m × 2^e, with the rounding interval's shape (see ShortestDecimal).
            ulong magnitude = code & TTraits.MagnitudeMask;
            int field = (int)(magnitude >> TTraits.MantissaBits);
            ulong mantissa = magnitude & ((1UL << TTraits.MantissaBits) - 1);
            ulong m;
            int e;
            bool binadeBottom;
            if (TTraits.Subnormals && field == 0)
            {
                m = mantissa;
                e = TTraits.MinNormalExponent - TTraits.MantissaBits;
                binadeBottom = false;
            }
            else
            {
                m = mantissa | (1UL << TTraits.MantissaBits);
                e = field - TTraits.Bias - TTraits.MantissaBits;

                // The bottom of a binade has a neighbour below at half the distance, except the smallest normal of a
                // format with subnormals (the subnormals continue its spacing).
                binadeBottom = mantissa == 0 && !(TTraits.Subnormals && field == 1);
            }

            // A tie rounds to the even significand; a format without mantissa bits rounds ties up (see RoundPack).
            bool even = (m & 1) == 0;
            bool lowerInclusive = even || binadeBottom;
            bool upperInclusive = even;
            ulong[]? cache = ShortestCache;
            ulong packed = cache != null ? Volatile.Read(ref cache[magnitude]) : 0;
            ulong digits;
            int exponent10;
            if (packed != 0)
            {
                digits = packed & 0xFFFF_FFFF_FFFFUL;
                exponent10 = (int)(packed >> 48) - 32768;
            }
            else
            {
                ShortestDecimal.Find(m, e, binadeBottom, lowerInclusive, upperInclusive, out digits, out exponent10);
                if (cache != null)
                {
                    Volatile.Write(ref cache[magnitude], digits | ((ulong)(exponent10 + 32768) << 48));
                }
            }

            WriteGeneral(ref writer, digits, exponent10, exponentChar, info);
            return writer.Finish(out charsWritten);
        }

        /// <summary>Lays out digits × 10^exponent10 as double's "G"/"R" shortest output does.</summary>
        private static void WriteGeneral(ref SpanWriter writer, ulong digits, int exponent10, char exponentChar, NumberFormatInfo info)
        {
            Span<char> text = stackalloc char[20];
            digits.TryFormat(text, out int count, default, CultureInfo.InvariantCulture);
            text = text.Slice(0, count);

            // The decimal point sits after `scale` digits: value = 0.d1d2... × 10^scale.
            int scale = count + exponent10;
            bool scientific = scale > Math.Max(count, 17) || scale < -3;
            int pointPosition = scientific ? 1 : scale;

            if (pointPosition > 0)
            {
                int whole = Math.Min(pointPosition, count);
                writer.Append(text.Slice(0, whole));
                for (int i = count; i < pointPosition; i++)
                {
                    writer.Append('0');
                }
            }
            else
            {
                writer.Append('0');
            }

            if (pointPosition < count)
            {
                writer.Append(info.NumberDecimalSeparator);
                for (int i = pointPosition; i < 0; i++)
                {
                    writer.Append('0');
                }

                writer.Append(text.Slice(Math.Max(pointPosition, 0)));
            }

            if (scientific)
            {
                int exponent = scale - 1;
                writer.Append(exponentChar);
                writer.Append(exponent < 0 ? info.NegativeSign : info.PositiveSign);
                int absolute = Math.Abs(exponent);
                if (absolute < 10)
                {
                    writer.Append('0');
                }

                Span<char> exponentText = stackalloc char[11];
                absolute.TryFormat(exponentText, out int exponentCount, default, CultureInfo.InvariantCulture);
                writer.Append(exponentText.Slice(0, exponentCount));
            }
        }

        private static bool TryCopy(string text, Span<char> destination, out int charsWritten)
        {
            if (text.AsSpan().TryCopyTo(destination))
            {
                charsWritten = text.Length;
                return true;
            }

            charsWritten = 0;
            return false;
        }

        // ---------------------------------------------------------------- parsing

        /// <summary>Parses text to a code, correctly rounded from its exact decimal value.</summary>
        /// <param name="s">The text.</param>
        /// <param name="style">What the text may contain, as for <see cref="double.Parse(string, NumberStyles)"/>.</param>
        /// <param name="provider">The culture whose <see cref="NumberFormatInfo"/> is used; null for the current culture.</param>
        /// <returns>The code nearest the value (ties to even), with the format's overflow behaviour.</returns>
        /// <exception cref="ArgumentException"><paramref name="style"/> is undefined or asks for a hexadecimal or binary number.</exception>
        /// <exception cref="FormatException"><paramref name="s"/> is not a number in the given style.</exception>
        public static ulong Parse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider? provider)
        {
            if (!TryParse(s, style, provider, out ulong code))
            {
                ThrowFormat(s);
            }

            return code;
        }

        /// <summary>Tries to parse text to a code, correctly rounded from its exact decimal value.</summary>
        /// <param name="s">The text.</param>
        /// <param name="style">What the text may contain, as for <see cref="double.TryParse(string, NumberStyles, IFormatProvider, out double)"/>.</param>
        /// <param name="provider">The culture whose <see cref="NumberFormatInfo"/> is used; null for the current culture.</param>
        /// <param name="code">The code nearest the value (ties to even), or 0 when the text is malformed.</param>
        /// <returns>Whether the text was a number.</returns>
        /// <exception cref="ArgumentException"><paramref name="style"/> is undefined or asks for a hexadecimal or binary number.</exception>
        public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider? provider, out ulong code)
        {
            DecimalParser.ValidateStyle(style);
            DecimalNumber number = DecimalParser.Parse(s, style, NumberFormatInfo.GetInstance(provider));
            return TryRound(number, out code);
        }

        /// <summary>Parses UTF-8 text to a code, correctly rounded from its exact decimal value.</summary>
        /// <param name="utf8Text">The UTF-8 text.</param>
        /// <param name="style">What the text may contain, as for <see cref="double.Parse(string, NumberStyles)"/>.</param>
        /// <param name="provider">The culture whose <see cref="NumberFormatInfo"/> is used; null for the current culture.</param>
        /// <returns>The code nearest the value (ties to even), with the format's overflow behaviour.</returns>
        /// <exception cref="ArgumentException"><paramref name="style"/> is undefined or asks for a hexadecimal or binary number.</exception>
        /// <exception cref="FormatException"><paramref name="utf8Text"/> is not a number in the given style.</exception>
        public static ulong Parse(ReadOnlySpan<byte> utf8Text, NumberStyles style, IFormatProvider? provider)
        {
            if (!TryParse(utf8Text, style, provider, out ulong code))
            {
                ThrowFormat(Encoding.UTF8.GetString(utf8Text.Slice(0, Math.Min(utf8Text.Length, 400))).AsSpan());
            }

            return code;
        }

        /// <summary>Tries to parse UTF-8 text to a code, correctly rounded from its exact decimal value.</summary>
        /// <param name="utf8Text">The UTF-8 text.</param>
        /// <param name="style">What the text may contain, as for <see cref="double.TryParse(string, NumberStyles, IFormatProvider, out double)"/>.</param>
        /// <param name="provider">The culture whose <see cref="NumberFormatInfo"/> is used; null for the current culture.</param>
        /// <param name="code">The code nearest the value (ties to even), or 0 when the text is malformed.</param>
        /// <returns>Whether the text was a number.</returns>
        /// <exception cref="ArgumentException"><paramref name="style"/> is undefined or asks for a hexadecimal or binary number.</exception>
        public static bool TryParse(ReadOnlySpan<byte> utf8Text, NumberStyles style, IFormatProvider? provider, out ulong code)
        {
            DecimalParser.ValidateStyle(style);

            // A UTF-8 sequence never needs more UTF-16 code units than bytes. Invalid sequences become U+FFFD and fail.
            char[]? rented = null;
            Span<char> chars = utf8Text.Length <= StackParseChars
                ? stackalloc char[StackParseChars]
                : (rented = ArrayPool<char>.Shared.Rent(utf8Text.Length));
            try
            {
                int count = Encoding.UTF8.GetChars(utf8Text, chars);
                DecimalNumber number = DecimalParser.Parse(chars.Slice(0, count), style, NumberFormatInfo.GetInstance(provider));
                return TryRound(number, out code);
            }
            finally
            {
                if (rented != null)
                {
                    ArrayPool<char>.Shared.Return(rented);
                }
            }
        }

        /// <summary>Rounds a parsed decimal to the format once (nearest, ties to even, not saturating).</summary>
        private static bool TryRound(in DecimalNumber number, out ulong code)
        {
            const MidpointRounding Mode = MidpointRounding.ToEven;
            bool negative = number.Negative;
            switch (number.Kind)
            {
                case DecimalKind.Zero:
                    code = FloatCodec<TTraits>.FromBigInteger(negative, BigInteger.Zero, 0, false, Mode, saturate: false);
                    return true;
                case DecimalKind.Tiny:
                    code = FloatCodec<TTraits>.FromBigInteger(negative, BigInteger.Zero, 0, true, Mode, saturate: false);
                    return true;
                case DecimalKind.Huge:
                    // 2^2000: past every format's largest value, so the kernel applies the format's overflow rule.
                    code = FloatCodec<TTraits>.FromBigInteger(negative, BigInteger.One, 2000, false, Mode, saturate: false);
                    return true;
                case DecimalKind.PositiveInfinity:
                    code = TTraits.PositiveInfinityCode;
                    return true;
                case DecimalKind.NegativeInfinity:
                    code = TTraits.NegativeInfinityCode;
                    return true;
                case DecimalKind.NaN:
                    code = TTraits.NaNCode;
                    return true;
                case DecimalKind.Finite:
                    int k = (int)number.Exponent;
                    ulong small = number.SmallSignificand;
                    if (small != 0 && k >= -27 && k <= 27)
                    {
                        code = RoundSmall(negative, small, k);
                        return true;
                    }

                    // significand × 10^k = significand × 5^k × 2^k: powers of five only, the twos go in the exponent.
                    BigInteger significand = small != 0 ? small : number.Significand;
                    code = k >= 0
                        ? FloatCodec<TTraits>.FromBigInteger(negative, significand * Pow5(k), k, false, Mode, saturate: false)
                        : FloatCodec<TTraits>.FromRational(negative, significand, Pow5(-k), k, Mode, saturate: false);
                    return true;
                default:
                    code = 0;
                    return false;
            }
        }

        /// <summary>
        /// Rounds d × 10^k exactly for d below 2^64 and |k| &lt;= 27 (5^27 &lt; 2^63) in 128-bit integers: the product
        /// d × 5^k, or the quotient (d × 2^(64+z)) / 5^-k with at least 64 significant bits and its remainder as sticky.
        /// </summary>
        private static ulong RoundSmall(bool negative, ulong d, int k)
        {
            UInt128 n;
            int exponent;
            bool sticky = false;
            if (k >= 0)
            {
                n = (UInt128)d * Pow5Table[k];
                exponent = k;
            }
            else
            {
                ulong divisor = Pow5Table[-k];
                int z = BitOperations.LeadingZeroCount(d);
                (n, UInt128 remainder) = UInt128.DivRem((UInt128)(d << z) << 64, divisor);
                sticky = remainder != UInt128.Zero;
                exponent = k - z - 64;
            }

            // n × 2^exponent with n's top 64 bits as the significand (bit 63 set) and the rest sticky.
            int bitLength = 128 - (int)UInt128.LeadingZeroCount(n);
            ulong significand;
            if (bitLength > 64)
            {
                int drop = bitLength - 64;
                significand = (ulong)(n >> drop);
                sticky |= (n & ((UInt128.One << drop) - 1)) != UInt128.Zero;
            }
            else
            {
                significand = (ulong)n << (64 - bitLength);
            }

            return FloatCodec<TTraits>.RoundPack(negative, exponent + bitLength - 1, significand, sticky, MidpointRounding.ToEven, saturate: false);
        }

        private static BigInteger Pow5(int k) => k < Pow5Table.Length ? Pow5Table[k] : BigPowers.Pow5(k);

        private static ulong[] CreatePow5Table()
        {
            var table = new ulong[28];
            table[0] = 1;
            for (int i = 1; i < table.Length; i++)
            {
                table[i] = table[i - 1] * 5;
            }

            return table;
        }

        private static void ThrowFormat(ReadOnlySpan<char> s)
        {
            string shown = s.Length <= 200 ? s.ToString() : string.Concat(s.Slice(0, 200), "...");
            throw new FormatException($"The input string '{shown}' was not in a correct format.");
        }

        /// <summary>Appends to a span, remembering whether anything did not fit.</summary>
        private ref struct SpanWriter
        {
            private readonly Span<char> destination;
            private int position;
            private bool overflowed;

            public SpanWriter(Span<char> destination)
            {
                this.destination = destination;
                position = 0;
                overflowed = false;
            }

            public void Append(char c)
            {
                if (position < destination.Length)
                {
                    destination[position++] = c;
                }
                else
                {
                    overflowed = true;
                }
            }

            public void Append(scoped ReadOnlySpan<char> text)
            {
                if (text.TryCopyTo(destination.Slice(position)))
                {
                    position += text.Length;
                }
                else
                {
                    overflowed = true;
                }
            }

            public bool Finish(out int charsWritten)
            {
                charsWritten = overflowed ? 0 : position;
                return !overflowed;
            }
        }
    }
}
