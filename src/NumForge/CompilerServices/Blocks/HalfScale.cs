using System;
using System.Buffers.Binary;
using System.ComponentModel;
using NumForge.CompilerServices.Spans;

namespace NumForge.CompilerServices.Blocks
{
    /// <summary>A <see cref="Half"/> scale (as W{N}G{M} stores it), rounded once: nearest even, saturating.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public readonly struct HalfScale : IBlockScale
    {
        /// <inheritdoc/>
        public static int Bytes => 2;

        /// <inheritdoc/>
        public static int MinPowerExponent => FloatScale<Binary16Traits>.MinPowerExponent;

        /// <inheritdoc/>
        public static int MaxPowerExponent => FloatScale<Binary16Traits>.MaxPowerExponent;

        /// <inheritdoc/>
        public static float LargestFinite => (float)Half.MaxValue;

        /// <inheritdoc/>
        public static float Store(float value, Span<byte> destination) => FloatScale<Binary16Traits>.Store(value, destination);

        /// <inheritdoc/>
        public static float Load(ReadOnlySpan<byte> source) => (float)BinaryPrimitives.ReadHalfLittleEndian(source);
    }
}
