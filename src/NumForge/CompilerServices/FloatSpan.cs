using System;
using System.ComponentModel;
using System.Numerics;
using System.Runtime.InteropServices;

namespace NumForge.CompilerServices
{
    /// <summary>
    /// Span conversions of one float format, generic over its traits and over the bit container
    /// <typeparamref name="TTraits"/>'s codes live in. Generated <c>ConvertFrom</c>/<c>ConvertTo</c>/<c>Pack</c>/<c>Unpack</c>
    /// forward here. Argument rules follow TensorPrimitives: a destination shorter than the source throws
    /// <see cref="ArgumentException"/>, and so do source and destination that overlap (other than in place at the same
    /// address with elements of the same size).
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class FloatSpan<TTraits>
        where TTraits : struct, IFloatTraits
    {
        /// <summary>Converts floats to codes, element by element, with one rounding each.</summary>
        public static void ConvertFromSingle<TBits>(ReadOnlySpan<float> source, Span<TBits> destination, MidpointRounding rounding, bool saturate)
            where TBits : unmanaged, IBinaryInteger<TBits>
        {
            FloatCodec<TTraits>.ValidateMode(rounding);
            SpanChecks.ValidateConversion(source, destination);
            for (int i = 0; i < source.Length; i++)
            {
                destination[i] = TBits.CreateTruncating(FloatCodec<TTraits>.FromSingle(source[i], rounding, saturate));
            }
        }

        /// <summary>Converts doubles to codes, each rounded once, directly.</summary>
        public static void ConvertFromDouble<TBits>(ReadOnlySpan<double> source, Span<TBits> destination, MidpointRounding rounding, bool saturate)
            where TBits : unmanaged, IBinaryInteger<TBits>
        {
            FloatCodec<TTraits>.ValidateMode(rounding);
            SpanChecks.ValidateConversion(source, destination);
            for (int i = 0; i < source.Length; i++)
            {
                destination[i] = TBits.CreateTruncating(FloatCodec<TTraits>.FromDouble(source[i], rounding, saturate));
            }
        }

        /// <summary>Converts Half values to codes, each rounded once.</summary>
        public static void ConvertFromHalf<TBits>(ReadOnlySpan<Half> source, Span<TBits> destination, MidpointRounding rounding, bool saturate)
            where TBits : unmanaged, IBinaryInteger<TBits>
        {
            FloatCodec<TTraits>.ValidateMode(rounding);
            SpanChecks.ValidateConversion(source, destination);
            for (int i = 0; i < source.Length; i++)
            {
                destination[i] = TBits.CreateTruncating(FloatCodec<TTraits>.FromHalf(source[i], rounding, saturate));
            }
        }

        /// <summary>Converts codes to floats (exact when the format fits in float).</summary>
        public static void ConvertToSingle<TBits>(ReadOnlySpan<TBits> source, Span<float> destination)
            where TBits : unmanaged, IBinaryInteger<TBits>
        {
            SpanChecks.ValidateConversion(source, destination);
            for (int i = 0; i < source.Length; i++)
            {
                destination[i] = FloatCodec<TTraits>.ToSingle(ulong.CreateTruncating(source[i]) & FloatCodec<TTraits>.CodeMask);
            }
        }

        /// <summary>Converts codes to doubles (always exact).</summary>
        public static void ConvertToDouble<TBits>(ReadOnlySpan<TBits> source, Span<double> destination)
            where TBits : unmanaged, IBinaryInteger<TBits>
        {
            SpanChecks.ValidateConversion(source, destination);
            for (int i = 0; i < source.Length; i++)
            {
                destination[i] = FloatCodec<TTraits>.ToDouble(ulong.CreateTruncating(source[i]) & FloatCodec<TTraits>.CodeMask);
            }
        }

        /// <summary>Converts codes to Half values (exact when the format fits in Half).</summary>
        public static void ConvertToHalf<TBits>(ReadOnlySpan<TBits> source, Span<Half> destination)
            where TBits : unmanaged, IBinaryInteger<TBits>
        {
            SpanChecks.ValidateConversion(source, destination);
            for (int i = 0; i < source.Length; i++)
            {
                destination[i] = FloatCodec<TTraits>.ToHalf(ulong.CreateTruncating(source[i]) & FloatCodec<TTraits>.CodeMask);
            }
        }

        /// <summary>Bits each value occupies in packed form: 4 for formats of at most 4 bits, else the format's width.</summary>
        private static int PackedBits => TotalBits <= 4 ? 4 : TotalBits;

        private static int TotalBits => TTraits.ExponentBits + TTraits.MantissaBits + (TTraits.Signed ? 1 : 0);

        /// <summary>The number of bytes <paramref name="count"/> values take when packed.</summary>
        /// <param name="count">Number of values.</param>
        public static int PackedLength(int count)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(count);
            return (int)(((long)count * PackedBits + 7) / 8);
        }

        /// <summary>
        /// Packs codes end to end, little-endian: formats of at most 4 bits two per byte (low nibble first), wider
        /// formats bit after bit (four 6-bit values in three bytes). A trailing partial byte is zero-filled above the data.
        /// </summary>
        public static void Pack<TBits>(ReadOnlySpan<TBits> source, Span<byte> destination)
            where TBits : unmanaged, IBinaryInteger<TBits>
        {
            int needed = PackedLength(source.Length);
            if (destination.Length < needed)
            {
                throw new ArgumentException($"Destination is too short: {source.Length} values need {needed} bytes.", nameof(destination));
            }

            SpanChecks.ThrowIfOverlapping(MemoryMarshal.AsBytes(source), destination[..needed]);
            int width = PackedBits;
            ulong valueMask = (1UL << width) - 1;
            ulong accumulator = 0;
            int filled = 0;
            int output = 0;
            foreach (TBits value in source)
            {
                accumulator |= (ulong.CreateTruncating(value) & valueMask) << filled;
                filled += width;
                while (filled >= 8)
                {
                    destination[output++] = (byte)accumulator;
                    accumulator >>= 8;
                    filled -= 8;
                }
            }

            if (filled > 0)
            {
                destination[output] = (byte)accumulator;
            }
        }

        /// <summary>Unpacks <paramref name="destination"/>.Length codes laid out as <see cref="Pack{TBits}"/> writes them.</summary>
        public static void Unpack<TBits>(ReadOnlySpan<byte> source, Span<TBits> destination)
            where TBits : unmanaged, IBinaryInteger<TBits>
        {
            int needed = PackedLength(destination.Length);
            if (source.Length < needed)
            {
                throw new ArgumentException($"Source is too short: {destination.Length} values need {needed} bytes.", nameof(source));
            }

            SpanChecks.ThrowIfOverlapping(source[..needed], MemoryMarshal.AsBytes(destination));
            int width = PackedBits;
            ulong valueMask = (1UL << TotalBits) - 1;
            ulong accumulator = 0;
            int available = 0;
            int input = 0;
            for (int i = 0; i < destination.Length; i++)
            {
                while (available < width)
                {
                    accumulator |= (ulong)source[input++] << available;
                    available += 8;
                }

                destination[i] = TBits.CreateTruncating(accumulator & valueMask);
                accumulator >>= width;
                available -= width;
            }
        }
    }
}
