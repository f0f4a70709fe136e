using System;
using System.ComponentModel;
using System.Globalization;

namespace NumForge.CompilerServices.Integers
{
    /// <summary>
    /// Parsing and formatting of a narrow integer format, as <see cref="sbyte"/> and <see cref="byte"/> do: text is
    /// parsed by <see cref="int"/>'s parser (every <see cref="NumberStyles"/>) and range-checked, so out-of-range text
    /// throws <see cref="OverflowException"/>; hexadecimal and binary text and formats are the b-bit two's complement
    /// code (<c>"F"</c> is -1 for a signed 4-bit format, as <c>"FF"</c> is -1 for <see cref="sbyte"/>).
    /// </summary>
    /// <typeparam name="TTraits">The format's constants.</typeparam>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class IntText<TTraits>
        where TTraits : struct, IIntTraits
    {
        /// <summary>Formats the value; <c>X</c>/<c>x</c>/<c>B</c>/<c>b</c> formats write the b-bit code.</summary>
        public static string Format(byte code, string? format, IFormatProvider? provider) => IsBitFormat(format)
            ? (code & TTraits.CodeMask).ToString(format, provider)
            : IntCodec<TTraits>.ToInt32(code).ToString(format, provider);

        /// <summary>Formats the value into UTF-16 characters.</summary>
        public static bool TryFormat(byte code, Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) => IsBitFormat(format)
            ? (code & TTraits.CodeMask).TryFormat(destination, out charsWritten, format, provider)
            : IntCodec<TTraits>.ToInt32(code).TryFormat(destination, out charsWritten, format, provider);

        /// <summary>Formats the value into UTF-8 bytes.</summary>
        public static bool TryFormat(byte code, Span<byte> utf8Destination, out int bytesWritten, ReadOnlySpan<char> format, IFormatProvider? provider) => IsBitFormat(format)
            ? (code & TTraits.CodeMask).TryFormat(utf8Destination, out bytesWritten, format, provider)
            : IntCodec<TTraits>.ToInt32(code).TryFormat(utf8Destination, out bytesWritten, format, provider);

        /// <summary>Parses text; <see cref="FormatException"/> for text that is no integer, <see cref="OverflowException"/> out of range.</summary>
        public static byte Parse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider? provider)
        {
            if (IsBitStyle(style))
            {
                return FromBitPattern(uint.Parse(s, style, provider));
            }

            return IntCodec<TTraits>.WrapChecked(int.Parse(s, style, provider));
        }

        /// <summary>Parses UTF-8 text; <see cref="FormatException"/> for text that is no integer, <see cref="OverflowException"/> out of range.</summary>
        public static byte Parse(ReadOnlySpan<byte> utf8Text, NumberStyles style, IFormatProvider? provider)
        {
            if (IsBitStyle(style))
            {
                return FromBitPattern(uint.Parse(utf8Text, style, provider));
            }

            return IntCodec<TTraits>.WrapChecked(int.Parse(utf8Text, style, provider));
        }

        /// <summary>Parses text; false (and 0) for text that is no integer or is out of range.</summary>
        public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider? provider, out byte code)
        {
            code = 0;
            if (IsBitStyle(style))
            {
                return uint.TryParse(s, style, provider, out uint bits) && TryFromBitPattern(bits, out code);
            }

            return int.TryParse(s, style, provider, out int value) && TryFromValue(value, out code);
        }

        /// <summary>Parses UTF-8 text; false (and 0) for text that is no integer or is out of range.</summary>
        public static bool TryParse(ReadOnlySpan<byte> utf8Text, NumberStyles style, IFormatProvider? provider, out byte code)
        {
            code = 0;
            if (IsBitStyle(style))
            {
                return uint.TryParse(utf8Text, style, provider, out uint bits) && TryFromBitPattern(bits, out code);
            }

            return int.TryParse(utf8Text, style, provider, out int value) && TryFromValue(value, out code);
        }

        /// <summary>Parses text into a format value; false (and zero) for text that is no integer or is out of range.</summary>
        public static bool TryParse<TSelf>(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider? provider, out TSelf result)
            where TSelf : struct, INumericFormat<TSelf, byte>
        {
            bool parsed = TryParse(s, style, provider, out byte code);
            result = TSelf.FromBits(code);
            return parsed;
        }

        /// <summary>Parses UTF-8 text into a format value; false (and zero) for text that is no integer or is out of range.</summary>
        public static bool TryParse<TSelf>(ReadOnlySpan<byte> utf8Text, NumberStyles style, IFormatProvider? provider, out TSelf result)
            where TSelf : struct, INumericFormat<TSelf, byte>
        {
            bool parsed = TryParse(utf8Text, style, provider, out byte code);
            result = TSelf.FromBits(code);
            return parsed;
        }

        private static bool IsBitStyle(NumberStyles style) => (style & (NumberStyles.AllowHexSpecifier | NumberStyles.AllowBinarySpecifier)) != 0;

        private static bool IsBitFormat(ReadOnlySpan<char> format) => format.Length > 0 && format[0] is 'X' or 'x' or 'B' or 'b';

        private static byte FromBitPattern(uint bits)
        {
            if (!TryFromBitPattern(bits, out byte code))
            {
                IntCodec<TTraits>.ThrowOverflow();
            }

            return code;
        }

        private static bool TryFromBitPattern(uint bits, out byte code)
        {
            bool fits = bits <= TTraits.CodeMask;
            code = fits ? (byte)bits : (byte)0;
            return fits;
        }

        private static bool TryFromValue(int value, out byte code)
        {
            bool fits = value >= TTraits.MinValue && value <= TTraits.MaxValue;
            code = fits ? IntCodec<TTraits>.Wrap(value) : (byte)0;
            return fits;
        }
    }
}
