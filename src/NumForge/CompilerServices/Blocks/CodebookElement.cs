using System;
using System.ComponentModel;

namespace NumForge.CompilerServices.Blocks
{
    /// <summary>
    /// A 4-bit index into a 16-value codebook: each <c>x / s</c> (float32) maps to the nearest code value, a tie going to
    /// the lower code (bitsandbytes' NF4 rule, for any sorted codebook).
    /// </summary>
    /// <typeparam name="TCodebook">The codebook.</typeparam>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public readonly struct CodebookElement<TCodebook> : IBlockElement
        where TCodebook : struct, ICodebook
    {
        /// <summary>
        /// The 15 decision points: the largest float not above each exact midpoint of neighbouring values, so that
        /// <c>x &gt; threshold</c> exactly when x lies above the midpoint.
        /// </summary>
        private static readonly float[] s_thresholds = Thresholds();

        /// <inheritdoc/>
        public static int Bits => 4;

        /// <inheritdoc/>
        public static float MaxMagnitude => MathF.Max(-TCodebook.Values[0], TCodebook.Values[15]);

        /// <inheritdoc/>
        public static float RangeFloor => 0f;

        /// <inheritdoc/>
        public static int MaxExponent => 0;

        /// <inheritdoc/>
        public static ElementLanes Lanes => ElementLanes.Table;

        /// <inheritdoc/>
        public static float Unit => 1f;

        /// <inheritdoc/>
        public static float ValueOf(int code) => TCodebook.Values[code & 0xF];

        /// <summary>The code of a value already divided by the scale: how many decision points lie below it.</summary>
        public static byte Code(float normalized)
        {
            int code = 0;
            foreach (float t in s_thresholds)
            {
                code += normalized > t ? 1 : 0;
            }

            return (byte)code;
        }

        /// <inheritdoc/>
        public static void Encode(ReadOnlySpan<float> values, ReadOnlySpan<float> scales, ReadOnlySpan<int> zeros, int blockSize, Span<float> scratch, Span<byte> codes)
        {
            for (int k = 0; k < scales.Length; k++)
            {
                float scale = scales[k];
                for (int i = k * blockSize; i < (k + 1) * blockSize; i++)
                {
                    codes[i] = Code(values[i] / scale);
                }
            }
        }

        /// <inheritdoc/>
        public static void Decode(ReadOnlySpan<byte> codes, ReadOnlySpan<float> scales, ReadOnlySpan<int> zeros, int blockSize, Span<float> values)
        {
            ReadOnlySpan<float> book = TCodebook.Values;
            for (int k = 0; k < scales.Length; k++)
            {
                float scale = scales[k];
                for (int i = k * blockSize; i < (k + 1) * blockSize; i++)
                {
                    values[i] = book[codes[i] & 0xF] * scale;
                }
            }
        }

        private static float[] Thresholds()
        {
            ReadOnlySpan<float> book = TCodebook.Values;
            var thresholds = new float[15];
            for (int k = 0; k < 15; k++)
            {
                double mid = ((double)book[k] + book[k + 1]) / 2;
                float t = (float)mid;
                thresholds[k] = t > mid ? MathF.BitDecrement(t) : t;
            }

            return thresholds;
        }
    }
}
