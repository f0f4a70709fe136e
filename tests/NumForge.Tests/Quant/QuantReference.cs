using System;
using System.Collections.Generic;

namespace NumForge.Tests.Quant
{
    /// <summary>
    /// The reference rules of DESIGN.md section 7, written plainly from their text in double arithmetic (every float32
    /// step is the exact double result rounded once to float, which is what IEEE float32 arithmetic gives for + - * /).
    /// Slow and obviously right; the fast path must agree on every code, scale and zero point.
    /// </summary>
    internal static class QuantReference
    {
        /// <summary>A float32 operation: the exact result (held exactly, or correctly rounded, in double) rounded to float.</summary>
        public static float F(double exactOrCorrectlyRounded) => (float)exactOrCorrectlyRounded;

        public static double RoundHalfEven(double v) => Math.Round(v, MidpointRounding.ToEven);

        /// <summary>floor(log2(v)) for v > 0, by counting.</summary>
        public static int FloorLog2(double v)
        {
            int e = 0;
            while (Math.ScaleB(1.0, e) > v)
            {
                e--;
            }

            while (Math.ScaleB(1.0, e + 1) <= v)
            {
                e++;
            }

            return e;
        }

        /// <summary>Rounds a non-negative value to binary16, nearest even, overflow to infinity.</summary>
        public static double RoundToHalf(double v)
        {
            if (v == 0)
            {
                return 0;
            }

            int e = Math.Max(FloorLog2(v), -14);
            double quantum = Math.ScaleB(1.0, e - 10);
            double r = RoundHalfEven(v / quantum) * quantum;
            return r >= 65520 ? double.PositiveInfinity : r;
        }

        // ---- W{N}G{M} (AutoAWQ) ----

        public static (double Scale, int Zero, int[] Codes) Affine(float[] w, int bits, bool symmetric)
        {
            int maxq = (1 << bits) - 1;
            double min = double.PositiveInfinity, max = double.NegativeInfinity;
            foreach (float v in w)
            {
                min = Math.Min(min, v);
                max = Math.Max(max, v);
            }

            double scale;
            int zero;
            if (symmetric)
            {
                double absMax = Math.Max(-min, max);
                scale = RoundToHalf(F(Math.Max(absMax, 1e-5f) / ((1 << (bits - 1)) - 1)));
                zero = 1 << (bits - 1);
            }
            else
            {
                double range = Math.Max(F(max - min), 1e-5f);
                scale = RoundToHalf(F(range / maxq));
                zero = (int)Math.Clamp(-RoundHalfEven(F(min / scale)), 0, maxq);
            }

            var codes = new int[w.Length];
            for (int i = 0; i < w.Length; i++)
            {
                codes[i] = (int)Math.Clamp(RoundHalfEven(F(w[i] / scale)) + zero, 0, maxq);
            }

            return (scale, zero, codes);
        }

        // ---- small float formats, from their parameters ----

        /// <summary>A float element format: exponent and mantissa bits, bias, and which codes are not finite.</summary>
        public sealed record ElementFormat(int ExponentBits, int MantissaBits, int Bias, Func<int, bool> IsSpecial)
        {
            public int Bits => 1 + ExponentBits + MantissaBits;

            public double Value(int code)
            {
                int magnitude = code & ((1 << (Bits - 1)) - 1);
                int e = magnitude >> MantissaBits;
                int m = magnitude & ((1 << MantissaBits) - 1);
                double v = e == 0 ? m * Math.ScaleB(1.0, 1 - Bias - MantissaBits) : (1 + (m / Math.ScaleB(1.0, MantissaBits))) * Math.ScaleB(1.0, e - Bias);
                return (code >> (Bits - 1)) != 0 ? -v : v;
            }

            /// <summary>Nearest finite value, ties to the even code, saturating at the largest finite magnitude; keeps the sign.</summary>
            public int Encode(double v)
            {
                int sign = v < 0 || (v == 0 && double.IsNegative(v)) ? 1 << (Bits - 1) : 0;
                double a = Math.Abs(v);
                int best = -1;
                double bestDistance = double.PositiveInfinity;
                for (int code = 0; code < (1 << (Bits - 1)); code++)
                {
                    if (IsSpecial(code))
                    {
                        continue;
                    }

                    double d = Math.Abs(a - Value(code));
                    if (d < bestDistance || (d == bestDistance && (code & 1) == 0))
                    {
                        best = code;
                        bestDistance = d;
                    }
                }

                return sign | best;
            }
        }

        public static readonly ElementFormat E4M3 = new(4, 3, 7, c => c == 0x7F);
        public static readonly ElementFormat E5M2 = new(5, 2, 15, c => (c >> 2) == 31);
        public static readonly ElementFormat E3M2 = new(3, 2, 3, _ => false);
        public static readonly ElementFormat E2M3 = new(2, 3, 1, _ => false);
        public static readonly ElementFormat E2M1 = new(2, 1, 1, _ => false);

        // ---- OCP MX v1.0 ----

        public static (int ScaleByte, int[] Codes) Mx(float[] block, MxElement element)
        {
            int emax = element switch
            {
                MxElement.Fp8E4M3 => 8,
                MxElement.Fp8E5M2 => 15,
                MxElement.Fp6E3M2 => 4,
                MxElement.Fp6E2M3 => 2,
                MxElement.Fp4E2M1 => 2,
                _ => 0,
            };
            var codes = new int[block.Length];
            double amax = 0;
            foreach (float v in block)
            {
                if (!float.IsFinite(v))
                {
                    return (0xFF, codes);
                }

                amax = Math.Max(amax, Math.Abs(v));
            }

            if (amax == 0)
            {
                return (0, codes);
            }

            int e = Math.Clamp(FloorLog2(amax) - emax, -127, 127);
            double x = Math.ScaleB(1.0, e);
            for (int i = 0; i < block.Length; i++)
            {
                double scaled = block[i] / x;
                codes[i] = element switch
                {
                    MxElement.Int8 => (byte)(sbyte)Math.Clamp(RoundHalfEven(scaled * 64), -127, 127),
                    MxElement.Fp8E4M3 => E4M3.Encode(scaled),
                    MxElement.Fp8E5M2 => E5M2.Encode(scaled),
                    MxElement.Fp6E3M2 => E3M2.Encode(scaled),
                    MxElement.Fp6E2M3 => E2M3.Encode(scaled),
                    _ => E2M1.Encode(scaled),
                };
            }

            return (e + 127, codes);
        }

        // ---- NVFP4 (ModelOpt) ----

        public static float NvTensorScale(float[] all)
        {
            double amax = 0;
            foreach (float v in all)
            {
                amax = Math.Max(amax, Math.Abs(v));
            }

            return F(amax / (6.0 * 448.0));
        }

        public static (int ScaleByte, int[] Codes) Nvfp4(float[] block, float tensorScale)
        {
            var codes = new int[block.Length];
            if (tensorScale == 0)
            {
                return (0x38, codes);
            }

            double amax = 0;
            foreach (float v in block)
            {
                amax = Math.Max(amax, Math.Abs(v));
            }

            float divisor = F(6.0 * tensorScale);
            int scale = E4M3.Encode(F(amax / divisor));
            if (scale == 0)
            {
                scale = 0x38;
            }

            float multiplier = F(E4M3.Value(scale) * tensorScale);
            for (int i = 0; i < block.Length; i++)
            {
                float scaled = F(block[i] / multiplier);
                codes[i] = scaled == 0 ? 0 : E2M1.Encode(scaled); // ModelOpt's sign is x < 0: -0 gives code 0
            }

            return (scale, codes);
        }

        // ---- NF4 (bitsandbytes) ----

        public static readonly double[] Nf4Codebook =
        [
            -1.0, -0.6961928009986877, -0.5250730514526367, -0.39491748809814453,
            -0.28444138169288635, -0.18477343022823334, -0.09105003625154495, 0.0,
            0.07958029955625534, 0.16093020141124725, 0.24611230850219727, 0.33791524171829224,
            0.44070982933044434, 0.5626170039176941, 0.7229568362236023, 1.0,
        ];

        public static (float AbsMax, int[] Codes) Nf4(float[] block)
        {
            double amax = 0;
            foreach (float v in block)
            {
                amax = Math.Max(amax, Math.Abs(v));
            }

            var codes = new int[block.Length];
            if (amax == 0)
            {
                return (0, codes);
            }

            for (int i = 0; i < block.Length; i++)
            {
                double n = F(block[i] / amax);
                int best = 0;
                for (int k = 1; k < 16; k++)
                {
                    // Strictly nearer only: a tie keeps the lower code.
                    if (Math.Abs(n - (float)Nf4Codebook[k]) < Math.Abs(n - (float)Nf4Codebook[best]))
                    {
                        best = k;
                    }
                }

                codes[i] = best;
            }

            return ((float)amax, codes);
        }

        // ---- inputs ----

        public static float[] Gaussian(int count, int seed)
        {
            var random = new Random(seed);
            var values = new float[count];
            for (int i = 0; i < count; i++)
            {
                double u1 = 1.0 - random.NextDouble();
                double u2 = random.NextDouble();
                values[i] = (float)(Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
            }

            return values;
        }

        /// <summary>Rows of a matrix, each built to stress the rules: ties, zero groups, outliers, tiny (denormal-scale) groups.</summary>
        public static float[] Adversarial(int rows, int columns, int seed)
        {
            var random = new Random(seed);
            var w = Gaussian(rows * columns, seed);
            for (int r = 0; r < rows; r++)
            {
                Span<float> row = w.AsSpan(r * columns, columns);
                switch (r % 8)
                {
                    case 0:
                        // Halves: for a group spanning 0..15 (scale 1) every value is a rounding tie.
                        for (int c = 0; c < columns; c++)
                        {
                            row[c] = (c % 16) == 0 ? 0 : (c % 16) == 15 ? 15 : random.Next(0, 15) + 0.5f;
                        }

                        break;
                    case 1:
                        row.Clear();
                        break;
                    case 2:
                        row[random.Next(columns)] = 1000f;
                        break;
                    case 3:
                        for (int c = 0; c < columns; c++)
                        {
                            row[c] *= 1e-7f;
                        }

                        break;
                    case 4:
                        for (int c = 0; c < columns; c++)
                        {
                            row[c] = (float)(random.Next(-16, 17) * 0.25);
                        }

                        break;
                    case 5:
                        for (int c = 0; c < columns; c++)
                        {
                            row[c] *= 1e-39f; // subnormal weights
                        }

                        break;
                    case 6:
                        for (int c = 0; c < columns; c++)
                        {
                            row[c] = Math.Abs(row[c]) + 1; // all positive: zero point clamps at 0
                        }

                        break;
                }
            }

            return w;
        }

        public static IEnumerable<int> Range(int count)
        {
            for (int i = 0; i < count; i++)
            {
                yield return i;
            }
        }
    }
}
