using System;

namespace NumForge.Blocks.Ggml
{
    /// <summary>
    /// The K-quants' scale searches (ggml-quants.c: make_qkx2_quants, make_qx_quants, make_q3_quants) in float32,
    /// every operation in ggml's source order and rounded separately (no fused multiply-add), so the chosen levels and
    /// scales are the ones ggml's reference quantizers choose, bit for bit.
    /// </summary>
    internal static class GgmlScaleSearch
    {
        /// <summary>ggml's GROUP_MAX_EPS: below this absolute maximum a group counts as all zero.</summary>
        public const float GroupMaxEps = 1e-15f;

        /// <summary>
        /// make_qkx2_quants: a scale and a (non-positive) minimum for <paramref name="x"/> with levels 0..nmax that
        /// minimise the weighted error, trying nstep+1 scales around nmax/(max - min). Returns the scale; the
        /// negated minimum goes to <paramref name="theMin"/>.
        /// </summary>
        public static float MakeQkx2Quants(int nmax, ReadOnlySpan<float> x, ReadOnlySpan<float> weights, Span<byte> levels, out float theMin, Span<byte> scratch, float rmin, float rdelta, int nstep, bool useMad)
        {
            int n = x.Length;
            float min = x[0];
            float max = x[0];
            float sumW = weights[0];
            float sumX = sumW * x[0];
            for (int i = 1; i < n; ++i)
            {
                if (x[i] < min)
                {
                    min = x[i];
                }

                if (x[i] > max)
                {
                    max = x[i];
                }

                float w = weights[i];
                sumW += w;
                sumX += w * x[i];
            }

            if (min > 0)
            {
                min = 0;
            }

            if (max == min)
            {
                levels[..n].Clear();
                theMin = -min;
                return 0f;
            }

            float iscale = nmax / (max - min);
            float scale = 1 / iscale;
            float bestError = 0;
            for (int i = 0; i < n; ++i)
            {
                int l = GgmlMath.NearestInt(iscale * (x[i] - min));
                levels[i] = (byte)Math.Max(0, Math.Min(nmax, l));
                float diff = (scale * levels[i]) + min - x[i];
                diff = useMad ? MathF.Abs(diff) : diff * diff;
                bestError += weights[i] * diff;
            }

            if (nstep < 1)
            {
                theMin = -min;
                return scale;
            }

            for (int step = 0; step <= nstep; ++step)
            {
                iscale = (rmin + (rdelta * step) + nmax) / (max - min);
                float sumL = 0, sumL2 = 0, sumXL = 0;
                for (int i = 0; i < n; ++i)
                {
                    int l = GgmlMath.NearestInt(iscale * (x[i] - min));
                    l = Math.Max(0, Math.Min(nmax, l));
                    scratch[i] = (byte)l;
                    float w = weights[i];
                    sumL += w * l;
                    sumL2 += w * l * l;
                    sumXL += w * l * x[i];
                }

                float d = (sumW * sumL2) - (sumL * sumL);
                if (d > 0)
                {
                    float thisScale = ((sumW * sumXL) - (sumX * sumL)) / d;
                    float thisMin = ((sumL2 * sumX) - (sumL * sumXL)) / d;
                    if (thisMin > 0)
                    {
                        thisMin = 0;
                        thisScale = sumXL / sumL2;
                    }

                    float error = 0;
                    for (int i = 0; i < n; ++i)
                    {
                        float diff = (thisScale * scratch[i]) + thisMin - x[i];
                        diff = useMad ? MathF.Abs(diff) : diff * diff;
                        error += weights[i] * diff;
                    }

                    if (error < bestError)
                    {
                        scratch[..n].CopyTo(levels);
                        bestError = error;
                        scale = thisScale;
                        min = thisMin;
                    }
                }
            }

            theMin = -min;
            return scale;
        }

        /// <summary>
        /// The first element of largest magnitude, sign kept (0 for an empty or all-zero span; NaN never wins), as
        /// make_qx_quants and make_q3_quants pick the value their scale is measured against.
        /// </summary>
        private static float LargestMagnitude(ReadOnlySpan<float> x)
        {
            float max = 0;
            float amax = 0;
            for (int i = 0; i < x.Length; ++i)
            {
                float ax = MathF.Abs(x[i]);
                if (ax > amax)
                {
                    amax = ax;
                    max = x[i];
                }
            }

            return max;
        }

        /// <summary>
        /// make_qx_quants with rmse_type 1 and no importance weights (weights x^2): a signed scale for levels
        /// -nmax..nmax-1, stored in <paramref name="levels"/> offset by nmax.
        /// </summary>
        public static float MakeQxQuants(int nmax, ReadOnlySpan<float> x, Span<sbyte> levels)
        {
            int n = x.Length;
            float max = LargestMagnitude(x);
            if (MathF.Abs(max) < GroupMaxEps)
            {
                levels[..n].Clear();
                return 0f;
            }

            float iscale = -nmax / max;
            float sumlx = 0;
            float suml2 = 0;
            for (int i = 0; i < n; ++i)
            {
                int l = GgmlMath.NearestInt(iscale * x[i]);
                l = Math.Max(-nmax, Math.Min(nmax - 1, l));
                levels[i] = (sbyte)(l + nmax);
                float w = x[i] * x[i];
                sumlx += w * x[i] * l;
                suml2 += w * l * l;
            }

            float scale = suml2 != 0 ? sumlx / suml2 : 0.0f;
            float best = scale * sumlx;
            for (int step = -9; step <= 9; ++step)
            {
                if (step == 0)
                {
                    continue;
                }

                iscale = -(nmax + (0.1f * step)) / max;
                sumlx = suml2 = 0;
                for (int i = 0; i < n; ++i)
                {
                    int l = GgmlMath.NearestInt(iscale * x[i]);
                    l = Math.Max(-nmax, Math.Min(nmax - 1, l));
                    float w = x[i] * x[i];
                    sumlx += w * x[i] * l;
                    suml2 += w * l * l;
                }

                if (suml2 > 0 && sumlx * sumlx > best * suml2)
                {
                    for (int i = 0; i < n; ++i)
                    {
                        int l = GgmlMath.NearestInt(iscale * x[i]);
                        levels[i] = (sbyte)(nmax + Math.Max(-nmax, Math.Min(nmax - 1, l)));
                    }

                    scale = sumlx / suml2;
                    best = scale * sumlx;
                }
            }

            return scale;
        }

        /// <summary>
        /// make_q3_quants with do_rmse: levels -nmax..nmax-1 (stored offset by nmax) refined by up to five passes of
        /// single-level changes that improve the weighted (x^2) fit; returns the least-squares scale.
        /// </summary>
        public static float MakeQ3Quants(int nmax, ReadOnlySpan<float> x, Span<sbyte> levels)
        {
            int n = x.Length;
            float max = LargestMagnitude(x);
            if (MathF.Abs(max) < GroupMaxEps)
            {
                levels[..n].Clear();
                return 0f;
            }

            float iscale = -nmax / max;
            float sumlx = 0;
            float suml2 = 0;
            for (int i = 0; i < n; ++i)
            {
                int l = GgmlMath.NearestInt(iscale * x[i]);
                l = Math.Max(-nmax, Math.Min(nmax - 1, l));
                levels[i] = (sbyte)l;
                float w = x[i] * x[i];
                sumlx += w * x[i] * l;
                suml2 += w * l * l;
            }

            for (int attempt = 0; attempt < 5; ++attempt)
            {
                int changed = 0;
                for (int i = 0; i < n; ++i)
                {
                    float w = x[i] * x[i];
                    float slx = sumlx - (w * x[i] * levels[i]);
                    if (slx > 0)
                    {
                        float sl2 = suml2 - (w * levels[i] * levels[i]);
                        int newL = GgmlMath.NearestInt(x[i] * sl2 / slx);
                        newL = Math.Max(-nmax, Math.Min(nmax - 1, newL));
                        if (newL != levels[i])
                        {
                            slx += w * x[i] * newL;
                            sl2 += w * newL * newL;
                            if (sl2 > 0 && slx * slx * suml2 > sumlx * sumlx * sl2)
                            {
                                levels[i] = (sbyte)newL;
                                sumlx = slx;
                                suml2 = sl2;
                                ++changed;
                            }
                        }
                    }
                }

                if (changed == 0)
                {
                    break;
                }
            }

            for (int i = 0; i < n; ++i)
            {
                levels[i] += (sbyte)nmax;
            }

            return suml2 > 0.0f ? sumlx / suml2 : 0.0f;
        }
    }
}
