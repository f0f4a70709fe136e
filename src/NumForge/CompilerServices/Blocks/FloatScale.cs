using System;
using System.Buffers.Binary;
using System.ComponentModel;

namespace NumForge.CompilerServices.Blocks
{
    /// <summary>
    /// A scale stored in a NumForge float format of at most 32 bits (BFloat16, E4M3, E8M0, ...), rounded once with
    /// <see cref="FloatCodec{TTraits}"/>: nearest even, saturating.
    /// </summary>
    /// <typeparam name="TTraits">The float format's traits.</typeparam>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public readonly struct FloatScale<TTraits> : IBlockScale
        where TTraits : struct, IFloatTraits
    {
        private static int TotalBits => (TTraits.Signed ? 1 : 0) + TTraits.ExponentBits + TTraits.MantissaBits;

        /// <inheritdoc/>
        public static int Bytes => TotalBits <= 8 ? 1 : TotalBits <= 16 ? 2 : 4;

        /// <inheritdoc/>
        public static int MinPowerExponent => TTraits.Subnormals ? TTraits.MinNormalExponent - TTraits.MantissaBits : TTraits.MinNormalExponent;

        /// <inheritdoc/>
        public static int MaxPowerExponent => TTraits.MaxExponent;

        /// <inheritdoc/>
        public static float LargestFinite => FloatCodec<TTraits>.ToSingle(TTraits.MaxFiniteMagnitude);

        /// <inheritdoc/>
        public static float Store(float value, Span<byte> destination)
        {
            ulong code = FloatCodec<TTraits>.FromSingle(value, MidpointRounding.ToEven, saturate: true);
            switch (Bytes)
            {
                case 1:
                    destination[0] = (byte)code;
                    break;
                case 2:
                    BinaryPrimitives.WriteUInt16LittleEndian(destination, (ushort)code);
                    break;
                default:
                    BinaryPrimitives.WriteUInt32LittleEndian(destination, (uint)code);
                    break;
            }

            return FloatCodec<TTraits>.ToSingle(code);
        }

        /// <inheritdoc/>
        public static float Load(ReadOnlySpan<byte> source) => FloatCodec<TTraits>.ToSingle(Bytes switch
        {
            1 => source[0],
            2 => BinaryPrimitives.ReadUInt16LittleEndian(source),
            _ => BinaryPrimitives.ReadUInt32LittleEndian(source),
        });
    }
}
