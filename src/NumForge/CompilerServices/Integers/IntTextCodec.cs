using System;
using System.ComponentModel;
using System.Globalization;
using NumForge.CompilerServices.Core;

namespace NumForge.CompilerServices.Integers
{
    /// <summary>
    /// <see cref="IntText{TTraits}"/> as the shared text section's <see cref="ITextCodec"/>, so an integer format's
    /// ToString/TryFormat/Parse/TryParse forward through <see cref="FormatText{TSelf, TText}"/> as every family's do.
    /// </summary>
    /// <typeparam name="TTraits">The format's constants.</typeparam>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public readonly struct IntTextCodec<TTraits> : ITextCodec
        where TTraits : struct, IIntTraits
    {
        /// <inheritdoc/>
        public static string Format(ulong code, string? format, IFormatProvider? provider) => IntText<TTraits>.Format((byte)code, format, provider);

        /// <inheritdoc/>
        public static bool TryFormat(ulong code, Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
            => IntText<TTraits>.TryFormat((byte)code, destination, out charsWritten, format, provider);

        /// <inheritdoc/>
        public static bool TryFormat(ulong code, Span<byte> utf8Destination, out int bytesWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
            => IntText<TTraits>.TryFormat((byte)code, utf8Destination, out bytesWritten, format, provider);

        /// <inheritdoc/>
        public static ulong Parse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider? provider) => IntText<TTraits>.Parse(s, style, provider);

        /// <inheritdoc/>
        /// <remarks>Integer text throws as <c>sbyte.Parse</c> does (its own <see cref="FormatException"/> or <see cref="OverflowException"/>), so the type name is not needed.</remarks>
        public static ulong Parse(ReadOnlySpan<byte> utf8Text, NumberStyles style, IFormatProvider? provider, string typeName) => IntText<TTraits>.Parse(utf8Text, style, provider);

        /// <inheritdoc/>
        public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider? provider, out ulong code)
        {
            bool parsed = IntText<TTraits>.TryParse(s, style, provider, out byte value);
            code = value;
            return parsed;
        }

        /// <inheritdoc/>
        public static bool TryParse(ReadOnlySpan<byte> utf8Text, NumberStyles style, IFormatProvider? provider, out ulong code)
        {
            bool parsed = IntText<TTraits>.TryParse(utf8Text, style, provider, out byte value);
            code = value;
            return parsed;
        }
    }
}
