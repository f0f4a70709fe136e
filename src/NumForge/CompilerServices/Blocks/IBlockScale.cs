using System;
using System.ComponentModel;

namespace NumForge.CompilerServices.Blocks
{
    /// <summary>
    /// The stored scale of a block: its bytes, rounding to it and reading it back. Implemented by <see cref="SingleScale"/>,
    /// <see cref="HalfScale"/> and <see cref="FloatScale{TTraits}"/>.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public interface IBlockScale
    {
        /// <summary>Bytes of the stored scale.</summary>
        static abstract int Bytes { get; }

        /// <summary>The smallest power of two the type holds, as an exponent.</summary>
        static abstract int MinPowerExponent { get; }

        /// <summary>The largest power of two the type holds, as an exponent.</summary>
        static abstract int MaxPowerExponent { get; }

        /// <summary>The largest finite value the type holds (448 for E4M3, 65504 for Half): a tensor scale maps amax to it.</summary>
        static abstract float LargestFinite { get; }

        /// <summary>
        /// Rounds <paramref name="value"/> to the type (nearest even; a finite value past the largest finite one saturates;
        /// NaN stays NaN), writes it little-endian to <paramref name="destination"/> and returns the stored value.
        /// </summary>
        static abstract float Store(float value, Span<byte> destination);

        /// <summary>The value stored in <paramref name="source"/>.</summary>
        static abstract float Load(ReadOnlySpan<byte> source);
    }
}
