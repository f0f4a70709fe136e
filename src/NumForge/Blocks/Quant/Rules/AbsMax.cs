using System;
using System.Runtime.Intrinsics;

namespace NumForge.Blocks.Quant.Rules
{
    /// <summary>The largest |x| of a span and whether every x is finite, eight lanes at a time.</summary>
    internal static class AbsMax
    {
        public static float Of(ReadOnlySpan<float> values, out bool finite)
        {
            float max = 0;
            finite = true;
            int i = 0;
            if (Vector256.IsHardwareAccelerated && values.Length >= 8)
            {
                Vector256<float> infinity = Vector256.Create(float.PositiveInfinity);
                Vector256<float> acc = Vector256<float>.Zero;
                Vector256<float> allFinite = Vector256<float>.AllBitsSet;
                for (; i + 8 <= values.Length; i += 8)
                {
                    Vector256<float> a = Vector256.Abs(Vector256.Create(values.Slice(i, 8)));
                    acc = Vector256.Max(acc, a);
                    allFinite &= Vector256.LessThan(a, infinity); // false for infinity and NaN
                }

                finite = allFinite.AsInt32() == Vector256<int>.AllBitsSet; // compared as integers: all-ones is a NaN as float
                for (int k = 0; k < 8; k++)
                {
                    max = MathF.Max(max, acc[k]);
                }
            }

            for (; i < values.Length; i++)
            {
                finite &= float.IsFinite(values[i]);
                max = MathF.Max(max, MathF.Abs(values[i]));
            }

            return max;
        }
    }
}
