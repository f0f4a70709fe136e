using System;
using System.ComponentModel;
using System.Globalization;
using NumForge.CompilerServices.Core;

namespace NumForge.CompilerServices.Floats
{
    /// <summary>The float family's text kernels (<see cref="FloatText{TTraits}"/>) as an <see cref="ITextCodec"/>.</summary>
    /// <typeparam name="TTraits">The format's constants.</typeparam>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public readonly struct FloatTextCodec<TTraits> : ITextCodec
        where TTraits : struct, IFloatTraits
    {
        /// <inheritdoc/>
        public static string Format(ulong code, string? format, IFormatProvider? provider) => FloatText<TTraits>.Format(code, format, provider);

        /// <inheritdoc/>
        public static bool TryFormat(ulong code, Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
            => FloatText<TTraits>.TryFormat(code, destination, out charsWritten, format, provider);

        /// <inheritdoc/>
        public static bool TryFormat(ulong code, Span<byte> utf8Destination, out int bytesWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
            => FloatText<TTraits>.TryFormat(code, utf8Destination, out bytesWritten, format, provider);

        /// <inheritdoc/>
        public static ulong Parse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider? provider) => FloatText<TTraits>.Parse(s, style, provider);

        /// <inheritdoc/>
        public static ulong Parse(ReadOnlySpan<byte> utf8Text, NumberStyles style, IFormatProvider? provider, string typeName) => FloatText<TTraits>.Parse(utf8Text, style, provider);

        /// <inheritdoc/>
        public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider? provider, out ulong code) => FloatText<TTraits>.TryParse(s, style, provider, out code);

        /// <inheritdoc/>
        public static bool TryParse(ReadOnlySpan<byte> utf8Text, NumberStyles style, IFormatProvider? provider, out ulong code) => FloatText<TTraits>.TryParse(utf8Text, style, provider, out code);
    }
}
