using System;
using System.ComponentModel;
using NumForge.Blocks.Quant.Rules;
using NumForge.CompilerServices.Integers;

namespace NumForge.CompilerServices.Blocks
{
    /// <summary>
    /// A NumForge integer element. Codes are W{N}G{M}'s <c>clamp(round(x / s) + zero, 0, 2^N - 1)</c> (AffineRule's encoder,
    /// round half to even); a signed element uses the zero 2^(N-1) and stores the two's complement code (the same integer).
    /// </summary>
    /// <typeparam name="TTraits">The integer format's traits.</typeparam>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public readonly struct IntElement<TTraits> : IBlockElement
        where TTraits : struct, IIntTraits
    {
        /// <inheritdoc/>
        public static int Bits => TTraits.Bits;

        /// <inheritdoc/>
        public static float MaxMagnitude => TTraits.Signed ? (1 << (TTraits.Bits - 1)) - 1 : (1 << TTraits.Bits) - 1;

        /// <inheritdoc/>
        public static float RangeFloor => 1e-5f;

        /// <inheritdoc/>
        public static int MaxExponent => 0;

        /// <inheritdoc/>
        public static ElementLanes Lanes => TTraits.Signed ? ElementLanes.Signed : ElementLanes.Unsigned;

        /// <inheritdoc/>
        public static float Unit => 1f;

        /// <inheritdoc/>
        public static float ValueOf(int code) => IntCodec<TTraits>.ToInt32((byte)code);

        private static int SignOffset => TTraits.Signed ? 1 << (TTraits.Bits - 1) : 0;

        /// <inheritdoc/>
        public static void Encode(ReadOnlySpan<float> values, ReadOnlySpan<float> scales, ReadOnlySpan<int> zeros, int blockSize, Span<float> scratch, Span<byte> codes)
        {
            for (int k = 0; k < scales.Length; k++)
            {
                int zero = TTraits.Signed ? SignOffset : zeros[k];
                AffineRule.Encode(values.Slice(k * blockSize, blockSize), codes.Slice(k * blockSize, blockSize), scales[k], zero, TTraits.Bits);
            }

            if (TTraits.Signed)
            {
                // Offset codes 0 .. 2^N - 1 around 2^(N-1); flipping the top bit gives the two's complement code of q - 2^(N-1).
                byte flip = (byte)SignOffset;
                Span<byte> all = codes[..(scales.Length * blockSize)];
                for (int i = 0; i < all.Length; i++)
                {
                    all[i] ^= flip;
                }
            }
        }

        /// <inheritdoc/>
        public static void Decode(ReadOnlySpan<byte> codes, ReadOnlySpan<float> scales, ReadOnlySpan<int> zeros, int blockSize, Span<float> values)
        {
            for (int k = 0; k < scales.Length; k++)
            {
                float scale = scales[k];
                int zero = zeros[k];
                for (int i = k * blockSize; i < (k + 1) * blockSize; i++)
                {
                    values[i] = (IntCodec<TTraits>.ToInt32(codes[i]) - zero) * scale;
                }
            }
        }
    }
}
