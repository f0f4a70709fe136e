using System;
using System.Runtime.Intrinsics;

namespace NumForge.Blocks.Quant.Rules
{
    /// <summary>
    /// bitsandbytes NF4: blocks of 64 over the flattened tensor, a float32 absmax per block, each element <c>x / absmax</c>
    /// (float32) mapped to the nearest of the 16 NF4 code values, ties to the lower code; the even element in the HIGH
    /// nibble. An all-zero block gets code 0 everywhere (what both bitsandbytes paths give: 0 / 0 is NaN, which neither
    /// threshold tree nor argmin moves off the first code); it dequantizes to zero all the same.
    /// </summary>
    internal static class Nf4Rule
    {
        public const int BlockSize = 64;

        /// <summary>bitsandbytes' NF4 code values (float32, <c>functional.get_4bit_type("nf4")</c>).</summary>
        public static ReadOnlySpan<float> Codebook =>
        [
            -1.0f, -0.6961928009986877f, -0.5250730514526367f, -0.39491748809814453f,
            -0.28444138169288635f, -0.18477343022823334f, -0.09105003625154495f, 0.0f,
            0.07958029955625534f, 0.16093020141124725f, 0.24611230850219727f, 0.33791524171829224f,
            0.44070982933044434f, 0.5626170039176941f, 0.7229568362236023f, 1.0f,
        ];

        /// <summary>
        /// The 15 decision points: the largest float not above each exact midpoint of neighbouring codes, so that
        /// <c>x &gt; threshold</c> exactly when x lies above the midpoint (a tie stays with the lower code).
        /// </summary>
        private static readonly float[] s_thresholds = Thresholds();

        private static float[] Thresholds()
        {
            var thresholds = new float[15];
            for (int k = 0; k < 15; k++)
            {
                double mid = ((double)Codebook[k] + Codebook[k + 1]) / 2;
                float t = (float)mid;
                thresholds[k] = t > mid ? MathF.BitDecrement(t) : t;
            }

            return thresholds;
        }

        /// <summary>The code of a normalized value: how many decision points lie below it.</summary>
        public static byte Code(float normalized)
        {
            int code = 0;
            foreach (float t in s_thresholds)
            {
                code += normalized > t ? 1 : 0;
            }

            return (byte)code;
        }

        public static void QuantizeRow(ReadOnlySpan<float> row, Span<byte> codes, Span<float> absMax)
        {
            for (int b = 0; b < absMax.Length; b++)
            {
                ReadOnlySpan<float> block = row.Slice(b * BlockSize, BlockSize);
                Span<byte> target = codes.Slice(b * BlockSize, BlockSize);
                float amax = AbsMax.Of(block, out _);

                absMax[b] = amax;
                if (amax == 0)
                {
                    target.Clear();
                    continue;
                }

                int i = 0;
                if (Vector256.IsHardwareAccelerated)
                {
                    // Count the decision points below each value, eight lanes at a time (equal to Code per element).
                    Vector256<float> divisor = Vector256.Create(amax);
                    for (; i + 16 <= BlockSize; i += 16)
                    {
                        Vector256<float> a = Vector256.Create(block.Slice(i, 8)) / divisor;
                        Vector256<float> second = Vector256.Create(block.Slice(i + 8, 8)) / divisor;
                        Vector256<int> ca = Vector256<int>.Zero, cb = Vector256<int>.Zero;
                        foreach (float t in s_thresholds)
                        {
                            Vector256<float> threshold = Vector256.Create(t);
                            ca -= Vector256.GreaterThan(a, threshold).AsInt32();
                            cb -= Vector256.GreaterThan(second, threshold).AsInt32();
                        }

                        Vector128<short> narrow = Vector128.Narrow(ca.GetLower(), ca.GetUpper());
                        Vector128<short> narrowB = Vector128.Narrow(cb.GetLower(), cb.GetUpper());
                        Vector128.Narrow(narrow, narrowB).AsByte().CopyTo(target.Slice(i, 16));
                    }
                }

                for (; i < BlockSize; i++)
                {
                    target[i] = Code(block[i] / amax);
                }
            }
        }
    }
}
