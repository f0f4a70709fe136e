using System;
using System.ComponentModel;

namespace NumForge.CompilerServices.Blocks
{
    /// <summary>
    /// A NumForge float element: codes of <c>x / s</c> rounded to nearest even and saturated at the largest finite value
    /// (<see cref="FloatSpan{TTraits}"/>, the format's own span converter), as OCP MX asks.
    /// </summary>
    /// <typeparam name="TTraits">The float format's traits.</typeparam>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public readonly struct FloatElement<TTraits> : IBlockElement
        where TTraits : struct, IFloatTraits
    {
        /// <inheritdoc/>
        public static int Bits => (TTraits.Signed ? 1 : 0) + TTraits.ExponentBits + TTraits.MantissaBits;

        /// <inheritdoc/>
        public static float MaxMagnitude => FloatCodec<TTraits>.ToSingle(TTraits.MaxFiniteMagnitude);

        /// <inheritdoc/>
        public static float RangeFloor => 0f;

        /// <inheritdoc/>
        public static int MaxExponent => TTraits.MaxExponent;

        /// <inheritdoc/>
        public static ElementLanes Lanes => ElementLanes.Table;

        /// <inheritdoc/>
        public static float Unit => 1f;

        /// <inheritdoc/>
        public static float ValueOf(int code) => FloatCodec<TTraits>.ToSingle((ulong)code);

        /// <inheritdoc/>
        public static void Encode(ReadOnlySpan<float> values, ReadOnlySpan<float> scales, ReadOnlySpan<int> zeros, int blockSize, Span<float> scratch, Span<byte> codes)
        {
            for (int k = 0; k < scales.Length; k++)
            {
                float scale = scales[k];
                for (int i = k * blockSize; i < (k + 1) * blockSize; i++)
                {
                    scratch[i] = values[i] / scale;
                }
            }

            int count = scales.Length * blockSize;
            FloatSpan<TTraits>.ConvertFromSingle<byte>(scratch[..count], codes[..count], MidpointRounding.ToEven, saturate: true);
        }

        /// <inheritdoc/>
        public static void Decode(ReadOnlySpan<byte> codes, ReadOnlySpan<float> scales, ReadOnlySpan<int> zeros, int blockSize, Span<float> values)
        {
            int count = scales.Length * blockSize;
            FloatSpan<TTraits>.ConvertToSingle<byte>(codes[..count], values[..count]);
            for (int k = 0; k < scales.Length; k++)
            {
                float scale = scales[k];
                for (int i = k * blockSize; i < (k + 1) * blockSize; i++)
                {
                    values[i] *= scale;
                }
            }
        }
    }
}
