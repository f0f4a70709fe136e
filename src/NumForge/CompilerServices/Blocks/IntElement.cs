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

        private static int SignOffset => TTraits.Signed ? 1 << (TTraits.Bits - 1) : 0;

        /// <inheritdoc/>
        public static void Encode(ReadOnlySpan<float> values, float scale, int zero, Span<float> scratch, Span<byte> codes)
        {
            if (!TTraits.Signed)
            {
                AffineRule.Encode(values, codes, scale, zero, TTraits.Bits);
                return;
            }

            // Offset codes 0 .. 2^N - 1 around 2^(N-1); flipping the top bit gives the two's complement code of q - 2^(N-1).
            AffineRule.Encode(values, codes, scale, SignOffset, TTraits.Bits);
            byte flip = (byte)SignOffset;
            for (int i = 0; i < codes.Length; i++)
            {
                codes[i] ^= flip;
            }
        }

        /// <inheritdoc/>
        public static void Decode(ReadOnlySpan<byte> codes, float scale, int zero, Span<float> values)
        {
            for (int i = 0; i < codes.Length; i++)
            {
                values[i] = (IntCodec<TTraits>.ToInt32(codes[i]) - zero) * scale;
            }
        }
    }
}
