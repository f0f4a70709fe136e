using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NumForge.CompilerServices
{
    /// <summary>Argument checks shared by the span kernels, with the messages TensorPrimitives users know.</summary>
    internal static class SpanChecks
    {
        /// <summary>
        /// Throws when <paramref name="destination"/> is shorter than <paramref name="source"/>, or when the two overlap
        /// other than exactly in place (same address, same element size).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void ValidateConversion<TFrom, TTo>(ReadOnlySpan<TFrom> source, Span<TTo> destination)
            where TFrom : unmanaged
            where TTo : unmanaged
        {
            if (destination.Length < source.Length)
            {
                ThrowDestinationTooShort();
            }

            ReadOnlySpan<byte> from = MemoryMarshal.AsBytes(source);
            ReadOnlySpan<byte> to = MemoryMarshal.AsBytes((ReadOnlySpan<TTo>)destination[..source.Length]);
            if (from.Overlaps(to, out int offset) && !(offset == 0 && Unsafe.SizeOf<TFrom>() == Unsafe.SizeOf<TTo>()))
            {
                ThrowOverlapping();
            }
        }

        /// <summary>Throws when the two byte ranges overlap at all.</summary>
        public static void ThrowIfOverlapping(ReadOnlySpan<byte> source, ReadOnlySpan<byte> destination)
        {
            if (source.Overlaps(destination))
            {
                ThrowOverlapping();
            }
        }

        private static void ThrowDestinationTooShort() =>
            throw new ArgumentException("Destination is too short.", "destination");

        private static void ThrowOverlapping() =>
            throw new ArgumentException("The destination span may only overlap with the source span if the two spans start at the same memory location.", "destination");
    }
}
