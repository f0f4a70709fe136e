using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NumForge.Blocks.Quant.Rules
{
    /// <summary>
    /// The W{N}G{M} rule (AutoAWQ's asymmetric round to nearest, in float32 with the Half-stored scale), its symmetric
    /// variant, and the error-minimizing search. Each call quantizes one group into unpacked codes.
    /// </summary>
    internal static class AffineRule
    {
        /// <summary>Smallest range AutoAWQ allows (<c>clamp(min=1e-5)</c>), so a constant group still gets a scale.</summary>
        private const float MinRange = 1e-5f;

        /// <summary>AutoAWQ: <c>s = (Half)(max(max - min, 1e-5) / (2^N - 1))</c>, <c>zero = clamp(-round(min / s))</c>,
        /// <c>q = clamp(round(w / s) + zero)</c>.</summary>
        public static (Half Scale, int Zero) RoundToNearest(ReadOnlySpan<float> w, Span<byte> codes, int bits, bool symmetric)
        {
            MinMax(w, out float min, out float max);
            (Half scale, int zero) = symmetric ? SymmetricParameters(MathF.Max(-min, max), bits) : AsymmetricParameters(min, max, bits);
            Encode(w, codes, (float)scale, zero, bits);
            return (scale, zero);
        }

        /// <summary>
        /// Searches the group's scale (and zero point) for the smallest squared error: the range shrunk by factors 1 .. 0.5
        /// (clipping, as AWQ's auto-clip and ggml's make_qkx2_quants do), zero points one either side, then least-squares
        /// refits of scale and offset to the chosen codes. Never worse than <see cref="RoundToNearest"/>.
        /// </summary>
        public static (Half Scale, int Zero) MinimizeError(ReadOnlySpan<float> w, Span<byte> codes, int bits, bool symmetric)
        {
            MinMax(w, out float min, out float max);
            (Half bestScale, int bestZero) = symmetric ? SymmetricParameters(MathF.Max(-min, max), bits) : AsymmetricParameters(min, max, bits);
            double bestError = Error(w, (float)bestScale, bestZero, bits);
            int maxq = (1 << bits) - 1;
            for (int step = 1; step <= 25; step++)
            {
                float shrink = 1f - (step * 0.02f);
                if (symmetric)
                {
                    Half s = SymmetricParameters(MathF.Max(-min, max) * shrink, bits).Scale;
                    Consider(w, s, 1 << (bits - 1), bits, true, ref bestScale, ref bestZero, ref bestError);
                    continue;
                }

                (Half scale, int zero) = AsymmetricParameters(min * shrink, max * shrink, bits);
                for (int z = Math.Max(0, zero - 1); z <= Math.Min(maxq, zero + 1); z++)
                {
                    Consider(w, scale, z, bits, false, ref bestScale, ref bestZero, ref bestError);
                }
            }

            // Least-squares refits: with the codes fixed, the best dequantization a*q + b is a regression; store it the same
            // way (Half scale, integer zero) and keep it when the re-rounded result is better.
            Span<byte> trial = codes;
            for (int round = 0; round < 3; round++)
            {
                Encode(w, trial, (float)bestScale, bestZero, bits);
                if (!Refit(w, trial, bits, symmetric, out Half scale, out int zero))
                {
                    break;
                }

                double before = bestError;
                Consider(w, scale, zero, bits, symmetric, ref bestScale, ref bestZero, ref bestError);
                if (bestError >= before)
                {
                    break;
                }
            }

            Encode(w, codes, (float)bestScale, bestZero, bits);
            return (bestScale, bestZero);
        }

        private static void Consider(ReadOnlySpan<float> w, Half scale, int zero, int bits, bool symmetric, ref Half bestScale, ref int bestZero, ref double bestError)
        {
            if (!Half.IsFinite(scale) || scale <= Half.Zero)
            {
                return;
            }

            double error = Error(w, (float)scale, zero, bits);
            if (error < bestError)
            {
                bestError = error;
                bestScale = scale;
                bestZero = zero;
            }
        }

        private static bool Refit(ReadOnlySpan<float> w, ReadOnlySpan<byte> codes, int bits, bool symmetric, out Half scale, out int zero)
        {
            int maxq = (1 << bits) - 1;
            scale = default;
            zero = symmetric ? 1 << (bits - 1) : 0;
            double sq = 0, sqq = 0, sw = 0, swq = 0;
            int n = w.Length;
            for (int i = 0; i < n; i++)
            {
                double q = symmetric ? codes[i] - zero : codes[i];
                sq += q;
                sqq += q * q;
                sw += w[i];
                swq += w[i] * q;
            }

            if (symmetric)
            {
                if (sqq <= 0)
                {
                    return false;
                }

                scale = (Half)(swq / sqq);
                return Half.IsFinite(scale) && scale > Half.Zero;
            }

            double det = (n * sqq) - (sq * sq);
            if (det <= 0)
            {
                return false;
            }

            double a = ((n * swq) - (sq * sw)) / det;
            double b = (sw - (a * sq)) / n;
            scale = (Half)a;
            if (!Half.IsFinite(scale) || scale <= Half.Zero)
            {
                return false;
            }

            zero = (int)Math.Clamp(Math.Round(-b / (double)(float)scale), 0, maxq);
            return true;
        }

        private static double Error(ReadOnlySpan<float> w, float scale, int zero, int bits)
        {
            float maxq = (1 << bits) - 1;
            double sum = 0;
            foreach (float v in w)
            {
                float q = Math.Clamp(MathF.Round(v / scale) + zero, 0f, maxq);
                double e = ((q - zero) * scale) - v;
                sum += e * e;
            }

            return sum;
        }

        internal static (Half Scale, int Zero) AsymmetricParameters(float min, float max, int bits)
        {
            int maxq = (1 << bits) - 1;
            Half scale = (Half)(MathF.Max(max - min, MinRange) / maxq);
            float s = (float)scale;
            int zero = (int)Math.Clamp(-MathF.Round(min / s), 0f, maxq);
            return (scale, zero);
        }

        internal static (Half Scale, int Zero) SymmetricParameters(float absMax, int bits)
        {
            int levels = (1 << (bits - 1)) - 1;
            return ((Half)(MathF.Max(absMax, MinRange) / levels), 1 << (bits - 1));
        }

        /// <summary><c>q = clamp(round(w / s) + zero, 0, 2^N - 1)</c> (symmetric: the same with zero 2^(N-1), which is
        /// AutoAWQ's <c>clamp(round(w / s), -2^(N-1), 2^(N-1) - 1)</c> shifted to unsigned codes).</summary>
        internal static void Encode(ReadOnlySpan<float> w, Span<byte> codes, float scale, int zero, int bits)
        {
            float maxq = (1 << bits) - 1;
            int i = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                // The same IEEE operations lane by lane (divide, round half to even, add, clamp): equal to the scalar loop.
                Vector256<float> s = Vector256.Create(scale);
                Vector256<float> z = Vector256.Create((float)zero);
                Vector256<float> high = Vector256.Create(maxq);
                for (; i + 32 <= w.Length; i += 32)
                {
                    Vector256<int> a = Code(Vector256.Create(w.Slice(i, 8)), s, z, high);
                    Vector256<int> b = Code(Vector256.Create(w.Slice(i + 8, 8)), s, z, high);
                    Vector256<int> c = Code(Vector256.Create(w.Slice(i + 16, 8)), s, z, high);
                    Vector256<int> d = Code(Vector256.Create(w.Slice(i + 24, 8)), s, z, high);
                    Vector256<byte> packed = Vector256.Narrow(Vector256.Narrow(a, b), Vector256.Narrow(c, d)).AsByte();
                    packed.CopyTo(codes.Slice(i, 32));
                }
            }

            for (; i < w.Length; i++)
            {
                codes[i] = (byte)Math.Clamp(MathF.Round(w[i] / scale) + zero, 0f, maxq);
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector256<int> Code(Vector256<float> w, Vector256<float> scale, Vector256<float> zero, Vector256<float> high)
            => Vector256.ConvertToInt32(Vector256.Min(Vector256.Max(Vector256.Round(w / scale) + zero, Vector256<float>.Zero), high));

        /// <summary>Smallest and largest weight (the weights are finite; which zero wins a -0/+0 tie does not change any result).</summary>
        private static void MinMax(ReadOnlySpan<float> w, out float min, out float max)
        {
            min = float.PositiveInfinity;
            max = float.NegativeInfinity;
            int i = 0;
            if (Vector256.IsHardwareAccelerated && w.Length >= 8)
            {
                Vector256<float> low = Vector256.Create(min);
                Vector256<float> high = Vector256.Create(max);
                for (; i + 8 <= w.Length; i += 8)
                {
                    Vector256<float> v = Vector256.Create(w.Slice(i, 8));
                    low = Vector256.Min(low, v);
                    high = Vector256.Max(high, v);
                }

                for (int k = 0; k < 8; k++)
                {
                    min = MathF.Min(min, low[k]);
                    max = MathF.Max(max, high[k]);
                }
            }

            foreach (float v in w[i..])
            {
                min = MathF.Min(min, v);
                max = MathF.Max(max, v);
            }
        }
    }
}
