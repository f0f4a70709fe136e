using System;
using System.Buffers.Binary;
using System.ComponentModel;

namespace NumForge.CompilerServices.Blocks
{
    /// <summary>A float32 scale, stored exactly.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public readonly struct SingleScale : IBlockScale
    {
        /// <inheritdoc/>
        public static int Bytes => 4;

        /// <inheritdoc/>
        public static int MinPowerExponent => -149;

        /// <inheritdoc/>
        public static int MaxPowerExponent => 127;

        /// <inheritdoc/>
        public static float LargestFinite => float.MaxValue;

        /// <inheritdoc/>
        public static float Store(float value, Span<byte> destination)
        {
            BinaryPrimitives.WriteSingleLittleEndian(destination, value);
            return value;
        }

        /// <inheritdoc/>
        public static float Load(ReadOnlySpan<byte> source) => BinaryPrimitives.ReadSingleLittleEndian(source);
    }
}
