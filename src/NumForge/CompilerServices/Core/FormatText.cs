using System;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace NumForge.CompilerServices.Core
{
    /// <summary>
    /// The text surface of every format (ToString, TryFormat, Parse, TryParse over strings, character spans and UTF-8),
    /// written once over the family's <typeparamref name="TText"/>; the generated members forward here.
    /// </summary>
    /// <typeparam name="TSelf">The format struct.</typeparam>
    /// <typeparam name="TText">The family's text kernels, specialised for the format.</typeparam>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class FormatText<TSelf, TText>
        where TSelf : unmanaged
        where TText : ITextCodec
    {
        /// <summary>The style the overloads without one use: <c>Float | AllowThousands</c>, as double's.</summary>
        public const NumberStyles DefaultStyle = NumberStyles.Float | NumberStyles.AllowThousands;

        /// <summary>Formats <paramref name="value"/>.</summary>
        /// <param name="value">The value.</param>
        /// <param name="format">The format string; null or empty gives the shortest round-trip string.</param>
        /// <param name="provider">The culture; null for the current culture.</param>
        /// <returns>The text.</returns>
        public static string Format(TSelf value, string? format, IFormatProvider? provider) => TText.Format(FormatBits.ToCode(value), format, provider);

        /// <summary>Formats <paramref name="value"/> into characters.</summary>
        /// <param name="value">The value.</param>
        /// <param name="destination">Where the text goes.</param>
        /// <param name="charsWritten">How many characters were written.</param>
        /// <param name="format">The format string.</param>
        /// <param name="provider">The culture.</param>
        /// <returns>False when <paramref name="destination"/> is too short.</returns>
        public static bool TryFormat(TSelf value, Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
            => TText.TryFormat(FormatBits.ToCode(value), destination, out charsWritten, format, provider);

        /// <summary>Formats <paramref name="value"/> into UTF-8 bytes.</summary>
        /// <param name="value">The value.</param>
        /// <param name="utf8Destination">Where the text goes.</param>
        /// <param name="bytesWritten">How many bytes were written.</param>
        /// <param name="format">The format string.</param>
        /// <param name="provider">The culture.</param>
        /// <returns>False when <paramref name="utf8Destination"/> is too short.</returns>
        public static bool TryFormat(TSelf value, Span<byte> utf8Destination, out int bytesWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
            => TText.TryFormat(FormatBits.ToCode(value), utf8Destination, out bytesWritten, format, provider);

        /// <summary>Parses a string; null throws <see cref="ArgumentNullException"/>, text that is not a number <see cref="FormatException"/>.</summary>
        /// <param name="s">The text.</param>
        /// <param name="style">The permitted number style.</param>
        /// <param name="provider">The culture.</param>
        /// <returns>The value.</returns>
        public static TSelf Parse(string s, NumberStyles style, IFormatProvider? provider)
        {
            ArgumentNullException.ThrowIfNull(s);
            return Parse(s.AsSpan(), style, provider);
        }

        /// <summary>Parses characters; text that is not a number throws <see cref="FormatException"/>.</summary>
        /// <param name="s">The text.</param>
        /// <param name="style">The permitted number style.</param>
        /// <param name="provider">The culture.</param>
        /// <returns>The value.</returns>
        public static TSelf Parse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider? provider) => FormatBits.FromCode<TSelf>(TText.Parse(s, style, provider));

        /// <summary>Parses UTF-8 text; text that is not a number throws <see cref="FormatException"/>.</summary>
        /// <param name="utf8Text">The text.</param>
        /// <param name="style">The permitted number style.</param>
        /// <param name="provider">The culture.</param>
        /// <returns>The value.</returns>
        public static TSelf Parse(ReadOnlySpan<byte> utf8Text, NumberStyles style, IFormatProvider? provider)
            => FormatBits.FromCode<TSelf>(TText.Parse(utf8Text, style, provider, typeof(TSelf).Name));

        /// <summary>Tries to parse a string (null gives false and the default value).</summary>
        /// <param name="s">The text.</param>
        /// <param name="style">The permitted number style.</param>
        /// <param name="provider">The culture.</param>
        /// <param name="result">The value.</param>
        /// <returns>Whether the text is a number.</returns>
        public static bool TryParse([NotNullWhen(true)] string? s, NumberStyles style, IFormatProvider? provider, out TSelf result)
        {
            if (s is null)
            {
                result = default;
                return false;
            }

            return TryParse(s.AsSpan(), style, provider, out result);
        }

        /// <summary>Tries to parse characters.</summary>
        /// <param name="s">The text.</param>
        /// <param name="style">The permitted number style.</param>
        /// <param name="provider">The culture.</param>
        /// <param name="result">The value.</param>
        /// <returns>Whether the text is a number.</returns>
        public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider? provider, out TSelf result)
        {
            bool parsed = TText.TryParse(s, style, provider, out ulong code);
            result = FormatBits.FromCode<TSelf>(code);
            return parsed;
        }

        /// <summary>Tries to parse UTF-8 text.</summary>
        /// <param name="utf8Text">The text.</param>
        /// <param name="style">The permitted number style.</param>
        /// <param name="provider">The culture.</param>
        /// <param name="result">The value.</param>
        /// <returns>Whether the text is a number.</returns>
        public static bool TryParse(ReadOnlySpan<byte> utf8Text, NumberStyles style, IFormatProvider? provider, out TSelf result)
        {
            bool parsed = TText.TryParse(utf8Text, style, provider, out ulong code);
            result = FormatBits.FromCode<TSelf>(code);
            return parsed;
        }
    }
}
