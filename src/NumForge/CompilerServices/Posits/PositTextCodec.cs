using System;
using System.ComponentModel;
using System.Globalization;
using NumForge.CompilerServices.Core;

namespace NumForge.CompilerServices.Posits
{
    /// <summary>The posit family's text kernels (<see cref="PositText{TTraits}"/>) as an <see cref="ITextCodec"/>.</summary>
    /// <typeparam name="TTraits">The format's constants.</typeparam>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public readonly struct PositTextCodec<TTraits> : ITextCodec
        where TTraits : struct, IPositTraits
    {
        /// <inheritdoc/>
        public static string Format(ulong code, string? format, IFormatProvider? provider) => PositText<TTraits>.Format(code, format, provider);

        /// <inheritdoc/>
        public static bool TryFormat(ulong code, Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
            => PositText<TTraits>.TryFormat(code, destination, out charsWritten, format, provider);

        /// <inheritdoc/>
        public static bool TryFormat(ulong code, Span<byte> utf8Destination, out int bytesWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
            => PositText<TTraits>.TryFormat(code, utf8Destination, out bytesWritten, format, provider);

        /// <inheritdoc/>
        public static ulong Parse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider? provider) => PositText<TTraits>.Parse(s, style, provider);

        /// <inheritdoc/>
        public static ulong Parse(ReadOnlySpan<byte> utf8Text, NumberStyles style, IFormatProvider? provider, string typeName)
            => PositText<TTraits>.TryParse(utf8Text, style, provider, out ulong code) ? code : throw new FormatException("The UTF-8 text is not a valid " + typeName + " value.");

        /// <inheritdoc/>
        public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider? provider, out ulong code)
        {
            // A failed parse leaves the default value (code 0), whatever the kernel left behind.
            bool parsed = PositText<TTraits>.TryParse(s, style, provider, out code);
            code = parsed ? code : 0;
            return parsed;
        }

        /// <inheritdoc/>
        public static bool TryParse(ReadOnlySpan<byte> utf8Text, NumberStyles style, IFormatProvider? provider, out ulong code)
        {
            bool parsed = PositText<TTraits>.TryParse(utf8Text, style, provider, out code);
            code = parsed ? code : 0;
            return parsed;
        }
    }
}
