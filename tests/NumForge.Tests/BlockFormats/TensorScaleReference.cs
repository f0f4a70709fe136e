using System;

namespace NumForge.Tests.BlockFormats
{
    /// <summary>
    /// The two-level rule of <c>[BlockFormat(..., PerTensorScale = true)]</c>, written plainly from its text (docs/quantization.md):
    /// every float32 operation as an exact double operation rounded once to float (each operand is a float, so the double
    /// result rounded to float is the float32 result), every rounding to the scale type and element by table search
    /// (<see cref="ScaleRef"/>, <see cref="BlockReference.ElementCode"/>), bytes packed bit by bit.
    /// </summary>
    internal static class TensorScaleReference
    {
        /// <summary><c>ts = amax / (emax * scale_max)</c>, amax over the finite values.</summary>
        public static float TensorScale(BlockSpecRef spec, float[] tensor)
        {
            double amax = 0;
            foreach (float v in tensor)
            {
                if (float.IsFinite(v))
                {
                    amax = Math.Max(amax, Math.Abs(v));
                }
            }

            float scaleMax = (float)spec.Scale.Positive[^1].Value;
            return F(amax / F((double)(float)spec.Element.MaxMagnitude * scaleMax));
        }

        public static byte[] Quantize(BlockSpecRef spec, float[] values, float tensorScale)
        {
            int n = spec.BlockSize;
            var bytes = new byte[values.Length / n * spec.BlockBytes];
            for (int b = 0; b < values.Length / n; b++)
            {
                float[] x = values.AsSpan(b * n, n).ToArray();
                var block = bytes.AsSpan(b * spec.BlockBytes, spec.BlockBytes);
                var codes = new int[n];
                (double Value, ulong Code) scale;
                bool finite = Array.TrueForAll(x, float.IsFinite);
                if (!finite)
                {
                    scale = spec.Scale.Round(float.NaN);
                }
                else if (tensorScale == 0)
                {
                    scale = spec.Scale.Round(1f);
                }
                else
                {
                    double amax = 0;
                    foreach (float v in x)
                    {
                        amax = Math.Max(amax, Math.Abs(v));
                    }

                    float divisor = F((double)(float)spec.Element.MaxMagnitude * tensorScale);
                    float ratio = amax == 0 ? 0 : F(amax / divisor);
                    // Past the largest value the scale saturates (said directly: the table search's double distances cannot
                    // tell 448 from 0 next to 1e37).
                    scale = ratio >= spec.Scale.Positive[^1].Value ? spec.Scale.Positive[^1] : spec.Scale.Round(ratio);
                    if (scale.Value == 0)
                    {
                        scale = spec.Scale.Round(1f);
                    }

                    float multiplier = F(scale.Value * tensorScale);
                    for (int i = 0; i < n; i++)
                    {
                        float q = F(x[i] / (double)multiplier);

                        // Saturating: beyond a float's or codebook's range the nearest value is the extreme one (said
                        // directly, as the table search's double distances cannot tell the values apart next to 1e37);
                        // integers clamp to -2^(N-1) .. 2^(N-1) - 1 themselves.
                        float max = (float)spec.Element.MaxMagnitude;
                        q = q == 0 ? 0f : spec.Element.Kind == "int" ? q : Math.Clamp(q, -max, max);
                        codes[i] = BlockReference.ElementCode(spec, q, 1f, 0);
                    }
                }

                for (int i = 0; i < spec.Scale.Bytes; i++)
                {
                    block[i] = (byte)(scale.Code >> (8 * i));
                }

                for (int i = 0; i < n; i++)
                {
                    int stored = spec.HighNibbleFirst ? i ^ 1 : i;
                    for (int k = 0; k < spec.Element.Bits; k++)
                    {
                        int bit = (stored * spec.Element.Bits) + k;
                        block[spec.Scale.Bytes + (bit / 8)] |= (byte)(((codes[i] >> k) & 1) << (bit % 8));
                    }
                }
            }

            return bytes;
        }

        /// <summary><c>value(code) * (s * ts)</c>, the multiplier rounded once.</summary>
        public static float[] Dequantize(BlockSpecRef spec, byte[] bytes, float tensorScale)
        {
            int n = spec.BlockSize;
            var values = new float[bytes.Length / spec.BlockBytes * n];
            for (int b = 0; b < bytes.Length / spec.BlockBytes; b++)
            {
                byte[] block = bytes.AsSpan(b * spec.BlockBytes, spec.BlockBytes).ToArray();
                ulong scaleCode = 0;
                for (int i = 0; i < spec.Scale.Bytes; i++)
                {
                    scaleCode |= (ulong)block[i] << (8 * i);
                }

                float multiplier = F(spec.Scale.Decode(scaleCode) * tensorScale);
                for (int i = 0; i < n; i++)
                {
                    int code = BlockReference.GetCode(spec, block, i);
                    double element = spec.Element.Kind == "int"
                        ? (code >= 1 << (spec.Element.Bits - 1) ? code - (1 << spec.Element.Bits) : code)
                        : spec.Element.Values[code];
                    values[(b * n) + i] = F(element * multiplier);
                }
            }

            return values;
        }

        private static float F(double value) => (float)value;
    }
}
