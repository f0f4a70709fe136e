using System;
using System.ComponentModel;
using NumForge.CompilerServices.Integers;

namespace NumForge.CompilerServices.Blocks
{
    /// <summary>
    /// A signed NumForge integer read as fixed point with N - 2 fraction bits (value = code / 2^(N-2), so 1.xxxxxx for
    /// 8 bits): OCP MX v1.0's INT8 element (MXINT8) and its narrower kin, paired with <see cref="BlockScaleRule.PowerOfTwo"/>.
    /// Codes are <c>clamp(round_half_even((x / s) * 2^(N-2)), -(2^(N-1) - 1), 2^(N-1) - 1)</c> in two's complement: the
    /// symmetric range, as the MX reference code and <c>QuantScheme</c>'s MXINT8 saturate. emax_elem is 0.
    /// </summary>
    /// <typeparam name="TTraits">The signed integer format's traits.</typeparam>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public readonly struct FixedPointElement<TTraits> : IBlockElement
        where TTraits : struct, IIntTraits
    {
        /// <inheritdoc/>
        public static int Bits => TTraits.Bits;

        /// <inheritdoc/>
        public static float MaxMagnitude => MaxCode * Unit;

        /// <inheritdoc/>
        public static float RangeFloor => 0f;

        /// <inheritdoc/>
        public static int MaxExponent => 0;

        /// <inheritdoc/>
        public static ElementLanes Lanes => ElementLanes.Signed;

        /// <inheritdoc/>
        public static float Unit => MathF.ScaleB(1f, -FractionBits);

        private static int FractionBits => TTraits.Bits - 2;

        private static int MaxCode => (1 << (TTraits.Bits - 1)) - 1;

        /// <inheritdoc/>
        public static float ValueOf(int code) => IntCodec<TTraits>.ToInt32((byte)code) * Unit;

        /// <inheritdoc/>
        public static void Encode(ReadOnlySpan<float> values, ReadOnlySpan<float> scales, ReadOnlySpan<int> zeros, int blockSize, Span<float> scratch, Span<byte> codes)
        {
            float max = MaxCode;
            float units = MathF.ScaleB(1f, FractionBits);
            byte mask = (byte)((1 << TTraits.Bits) - 1);
            for (int k = 0; k < scales.Length; k++)
            {
                float scale = scales[k];
                for (int i = k * blockSize; i < (k + 1) * blockSize; i++)
                {
                    // x / s is the rule's float32 division; the power-of-two product is exact.
                    float q = MathF.Round((values[i] / scale) * units, MidpointRounding.ToEven);
                    codes[i] = (byte)((int)Math.Clamp(q, -max, max) & mask);
                }
            }
        }

        /// <inheritdoc/>
        public static void Decode(ReadOnlySpan<byte> codes, ReadOnlySpan<float> scales, ReadOnlySpan<int> zeros, int blockSize, Span<float> values)
        {
            for (int k = 0; k < scales.Length; k++)
            {
                float scale = scales[k];
                for (int i = k * blockSize; i < (k + 1) * blockSize; i++)
                {
                    values[i] = ValueOf(codes[i]) * scale;
                }
            }
        }
    }
}
