using System;
using System.ComponentModel;
using System.Globalization;

namespace NumForge.CompilerServices.Core
{
    /// <summary>
    /// A format family's text kernels over codes (encodings in the low bits), as static members of a struct, so that
    /// <see cref="FormatText{TSelf, TText}"/> writes the ToString / TryFormat / Parse / TryParse surface once for every family.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public interface ITextCodec
    {
        /// <summary>Formats a value (null or empty format: the shortest round-trip string).</summary>
        static abstract string Format(ulong code, string? format, IFormatProvider? provider);

        /// <summary>Formats a value into characters; false when the destination is too short.</summary>
        static abstract bool TryFormat(ulong code, Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider);

        /// <summary>Formats a value into UTF-8 bytes; false when the destination is too short.</summary>
        static abstract bool TryFormat(ulong code, Span<byte> utf8Destination, out int bytesWritten, ReadOnlySpan<char> format, IFormatProvider? provider);

        /// <summary>Parses characters; text that is not a number throws <see cref="FormatException"/>.</summary>
        static abstract ulong Parse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider? provider);

        /// <summary>Parses UTF-8 text; text that is not a number throws <see cref="FormatException"/> (which may name <paramref name="typeName"/>).</summary>
        static abstract ulong Parse(ReadOnlySpan<byte> utf8Text, NumberStyles style, IFormatProvider? provider, string typeName);

        /// <summary>Tries to parse characters; <paramref name="code"/> is what the result holds either way.</summary>
        static abstract bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider? provider, out ulong code);

        /// <summary>Tries to parse UTF-8 text; <paramref name="code"/> is what the result holds either way.</summary>
        static abstract bool TryParse(ReadOnlySpan<byte> utf8Text, NumberStyles style, IFormatProvider? provider, out ulong code);
    }
}
