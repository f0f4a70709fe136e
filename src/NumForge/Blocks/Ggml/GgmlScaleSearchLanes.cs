using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NumForge.Blocks.Ggml
{
    /// <summary>
    /// <see cref="GgmlScaleSearch"/>'s searches for eight sub-blocks at once, one sub-block per vector lane. Each lane
    /// runs exactly the scalar search: the same float32 operations in the same order over its own elements (the sums are
    /// still sequential along the sub-block), every branch a per-lane select, so the scales, minimums and levels are
    /// bit for bit the scalar ones. The inputs are transposed: element i of sub-block j at [8 * i + j].
    /// Callers route blocks with NaN or infinity to the scalar search.
    /// </summary>
    internal static unsafe class GgmlScaleSearchLanes
    {
        /// <summary>
        /// make_qkx2_quants for eight sub-blocks of <paramref name="n"/> elements, the error measured by
        /// <typeparamref name="TError"/> (use_mad false: <see cref="SquaredError"/>; true: <see cref="AbsoluteError"/>).
        /// Writes the chosen levels (transposed, as int32 lanes) to <paramref name="levels"/>; returns the scales, and
        /// the negated minimums in <paramref name="theMin"/>.
        /// </summary>
        public static Vector256<float> MakeQkx2Quants<TError>(int nmax, int n, float* x, float* weights, Vector256<int>* levels, out Vector256<float> theMin, float rmin, float rdelta, int nstep)
            where TError : struct, IErrorMeasure
        {
            Vector256<float> min = Vector256.Load(x);
            Vector256<float> max = min;
            Vector256<float> sumW = Vector256.Load(weights);
            Vector256<float> sumX = sumW * min;
            for (int i = 1; i < n; ++i)
            {
                Vector256<float> xi = Vector256.Load(x + (8 * i));
                min = Vector256.ConditionalSelect(Vector256.LessThan(xi, min), xi, min);
                max = Vector256.ConditionalSelect(Vector256.GreaterThan(xi, max), xi, max);
                Vector256<float> w = Vector256.Load(weights + (8 * i));
                sumW += w;
                sumX += w * xi;
            }

            min = Vector256.ConditionalSelect(Vector256.GreaterThan(min, Vector256<float>.Zero), Vector256<float>.Zero, min);
            Vector256<float> flat = Vector256.Equals(max, min);
            Vector256<float> top = Vector256.Create((float)nmax);
            Vector256<float> iscale = top / (max - min);
            Vector256<float> scale = Vector256<float>.One / iscale;

            // The levels are not kept per step: the (iscale, min) they were computed from is, and they are recomputed once.
            Vector256<float> levelScale = iscale, levelMin = min;
            Vector256<float> bestError = Vector256<float>.Zero;
            for (int i = 0; i < n; ++i)
            {
                Vector256<float> xi = Vector256.Load(x + (8 * i));
                Vector256<float> l = Level(iscale, xi, min, top);
                Vector256<float> diff = (scale * l) + min - xi;
                bestError += Vector256.Load(weights + (8 * i)) * TError.Of(diff);
            }

            Vector256<float>* scratch = stackalloc Vector256<float>[n];
            for (int step = 0; step <= nstep; ++step)
            {
                iscale = Vector256.Create(rmin + (rdelta * step) + nmax) / (max - min);
                Vector256<float> sumL = Vector256<float>.Zero, sumL2 = Vector256<float>.Zero, sumXL = Vector256<float>.Zero;
                for (int i = 0; i < n; ++i)
                {
                    Vector256<float> xi = Vector256.Load(x + (8 * i));
                    Vector256<float> l = Level(iscale, xi, min, top);
                    scratch[i] = l;
                    Vector256<float> wl = Vector256.Load(weights + (8 * i)) * l;
                    sumL += wl;
                    sumL2 += wl * l;
                    sumXL += wl * xi;
                }

                Vector256<float> d = (sumW * sumL2) - (sumL * sumL);
                Vector256<float> positive = Vector256.GreaterThan(d, Vector256<float>.Zero);
                Vector256<float> thisScale = ((sumW * sumXL) - (sumX * sumL)) / d;
                Vector256<float> thisMin = ((sumL2 * sumX) - (sumL * sumXL)) / d;
                Vector256<float> clampMin = Vector256.GreaterThan(thisMin, Vector256<float>.Zero);
                thisScale = Vector256.ConditionalSelect(clampMin, sumXL / sumL2, thisScale);
                thisMin = Vector256.ConditionalSelect(clampMin, Vector256<float>.Zero, thisMin);

                Vector256<float> error = Vector256<float>.Zero;
                for (int i = 0; i < n; ++i)
                {
                    Vector256<float> diff = (thisScale * scratch[i]) + thisMin - Vector256.Load(x + (8 * i));
                    error += Vector256.Load(weights + (8 * i)) * TError.Of(diff);
                }

                Vector256<float> better = positive & Vector256.LessThan(error, bestError) & ~flat;
                levelScale = Vector256.ConditionalSelect(better, iscale, levelScale);
                levelMin = Vector256.ConditionalSelect(better, min, levelMin);
                bestError = Vector256.ConditionalSelect(better, error, bestError);
                scale = Vector256.ConditionalSelect(better, thisScale, scale);
                min = Vector256.ConditionalSelect(better, thisMin, min);
            }

            for (int i = 0; i < n; ++i)
            {
                Vector256<float> l = Level(levelScale, Vector256.Load(x + (8 * i)), levelMin, top);
                levels[i] = Vector256.ConvertToInt32(l) & ~flat.AsInt32();
            }

            theMin = -min;
            return Vector256.ConditionalSelect(flat, Vector256<float>.Zero, scale);
        }

        /// <summary>
        /// make_qx_quants (rmse_type 1, weights x^2) for eight sub-blocks of <paramref name="n"/> elements: writes the
        /// levels (offset by nmax, transposed, int32 lanes; 0 for an all-zero sub-block) and returns the scales.
        /// </summary>
        public static Vector256<float> MakeQxQuants(int nmax, int n, float* x, Vector256<int>* levels)
        {
            Vector256<float> max = LargestMagnitude(n, x);
            Vector256<float> zero = Vector256.LessThan(Vector256.Abs(max), Vector256.Create(GgmlScaleSearch.GroupMaxEps));
            Vector256<float> iscale = Vector256.Create((float)-nmax) / max;
            Vector256<float> levelScale = iscale;
            Vector256<float> sumlx = Vector256<float>.Zero, suml2 = Vector256<float>.Zero;
            Sums(nmax, n, x, iscale, ref sumlx, ref suml2);
            Vector256<float> scale = Vector256.ConditionalSelect(Vector256.Equals(suml2, Vector256<float>.Zero), Vector256<float>.Zero, sumlx / suml2);
            Vector256<float> best = scale * sumlx;
            for (int step = -9; step <= 9; ++step)
            {
                if (step == 0)
                {
                    continue;
                }

                iscale = Vector256.Create(-(nmax + (0.1f * step))) / max;
                sumlx = suml2 = Vector256<float>.Zero;
                Sums(nmax, n, x, iscale, ref sumlx, ref suml2);
                Vector256<float> better = Vector256.GreaterThan(suml2, Vector256<float>.Zero) & Vector256.GreaterThan(sumlx * sumlx, best * suml2);
                levelScale = Vector256.ConditionalSelect(better, iscale, levelScale);
                scale = Vector256.ConditionalSelect(better, sumlx / suml2, scale);
                best = Vector256.ConditionalSelect(better, scale * sumlx, best);
            }

            Vector256<int> offset = Vector256.Create(nmax);
            for (int i = 0; i < n; ++i)
            {
                Vector256<int> l = SignedLevel(nmax, levelScale, Vector256.Load(x + (8 * i)));
                levels[i] = (l + offset) & ~zero.AsInt32();
            }

            return Vector256.ConditionalSelect(zero, Vector256<float>.Zero, scale);
        }

        /// <summary>
        /// make_q3_quants with do_rmse for sixteen sub-blocks of <paramref name="n"/> elements, as two groups of eight
        /// lanes (group 1 transposed at <paramref name="x"/> + 8n, its levels at <paramref name="levels"/> + n) whose
        /// dependency chains interleave. Writes the levels (offset by nmax, int32 lanes; 0 for an all-zero sub-block)
        /// after up to five refinement passes; returns the scales. A lane stops refining after its first pass without
        /// a change, as the scalar loop breaks.
        /// </summary>
        public static void MakeQ3Quants(int nmax, int n, float* x, Vector256<int>* levels, out Vector256<float> scales0, out Vector256<float> scales1)
        {
            float* x1 = x + (8 * n);
            Vector256<int>* levels1 = levels + n;
            Q3Search a = Q3Search.Start(nmax, n, x, levels);
            Q3Search b = Q3Search.Start(nmax, n, x1, levels1);
            for (int attempt = 0; attempt < 5 && (a.Active | b.Active).AsInt32() != Vector256<int>.Zero; ++attempt)
            {
                a.Changed = b.Changed = Vector256<float>.Zero;
                for (int i = 0; i < n; ++i)
                {
                    a.Refine(nmax, Vector256.Load(x + (8 * i)), ref levels[i]);
                    b.Refine(nmax, Vector256.Load(x1 + (8 * i)), ref levels1[i]);
                }

                a.Active &= a.Changed;
                b.Active &= b.Changed;
            }

            scales0 = a.Finish(nmax, n, levels);
            scales1 = b.Finish(nmax, n, levels1);
        }

        /// <summary>One group's make_q3_quants state: the running sums and which lanes still refine.</summary>
        private struct Q3Search
        {
            public Vector256<float> SumLx, SumL2, Active, Changed, Zero;

            /// <summary>The first levels clamp(nearest_int(-nmax / max * x)) and their sums.</summary>
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            public static Q3Search Start(int nmax, int n, float* x, Vector256<int>* levels)
            {
                Vector256<float> max = LargestMagnitude(n, x);
                var s = default(Q3Search);
                s.Zero = Vector256.LessThan(Vector256.Abs(max), Vector256.Create(GgmlScaleSearch.GroupMaxEps));
                Vector256<float> iscale = Vector256.Create((float)-nmax) / max;
                for (int i = 0; i < n; ++i)
                {
                    Vector256<float> xi = Vector256.Load(x + (8 * i));
                    Vector256<int> l = SignedLevel(nmax, iscale, xi);
                    levels[i] = l;
                    Vector256<float> lf = Vector256.ConvertToSingle(l);
                    Vector256<float> w = xi * xi;
                    s.SumLx += w * xi * lf;
                    s.SumL2 += w * lf * lf;
                }

                s.Active = ~s.Zero;
                return s;
            }

            /// <summary>One element's step of a refinement pass: move its level where that improves the fit.</summary>
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            public void Refine(int nmax, Vector256<float> xi, ref Vector256<int> level)
            {
                Vector256<float> w = xi * xi;
                Vector256<int> l = level;
                Vector256<float> lf = Vector256.ConvertToSingle(l);
                Vector256<float> slx = SumLx - (w * xi * lf);
                Vector256<float> sl2 = SumL2 - (w * lf * lf);
                Vector256<int> newL = Clamp(nmax, NearestInt(xi * sl2 / slx));
                Vector256<float> newLf = Vector256.ConvertToSingle(newL);
                Vector256<float> newSlx = slx + (w * xi * newLf);
                Vector256<float> newSl2 = sl2 + (w * newLf * newLf);
                Vector256<float> accept = Active
                    & Vector256.GreaterThan(slx, Vector256<float>.Zero)
                    & ~Vector256.Equals(newL, l).AsSingle()
                    & Vector256.GreaterThan(newSl2, Vector256<float>.Zero)
                    & Vector256.GreaterThan(newSlx * newSlx * SumL2, SumLx * SumLx * newSl2);
                level = Vector256.ConditionalSelect(accept.AsInt32(), newL, l);
                SumLx = Vector256.ConditionalSelect(accept, newSlx, SumLx);
                SumL2 = Vector256.ConditionalSelect(accept, newSl2, SumL2);
                Changed |= accept;
            }

            /// <summary>The levels offset by nmax (all-zero sub-blocks 0) and the least-squares scales.</summary>
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            public readonly Vector256<float> Finish(int nmax, int n, Vector256<int>* levels)
            {
                Vector256<int> offset = Vector256.Create(nmax);
                for (int i = 0; i < n; ++i)
                {
                    levels[i] = (levels[i] + offset) & ~Zero.AsInt32();
                }

                Vector256<float> scale = Vector256.ConditionalSelect(Vector256.GreaterThan(SumL2, Vector256<float>.Zero), SumLx / SumL2, Vector256<float>.Zero);
                return Vector256.ConditionalSelect(Zero, Vector256<float>.Zero, scale);
            }
        }

        /// <summary>The first element of largest magnitude per lane, sign kept (0 for an all-zero sub-block).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector256<float> LargestMagnitude(int n, float* x)
        {
            Vector256<float> amax = Vector256<float>.Zero, max = Vector256<float>.Zero;
            for (int i = 0; i < n; ++i)
            {
                Vector256<float> xi = Vector256.Load(x + (8 * i));
                Vector256<float> larger = Vector256.GreaterThan(Vector256.Abs(xi), amax);
                amax = Vector256.ConditionalSelect(larger, Vector256.Abs(xi), amax);
                max = Vector256.ConditionalSelect(larger, xi, max);
            }

            return max;
        }

        // sumlx += w * x * l, suml2 += w * l * l with w = x * x, in element order.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Sums(int nmax, int n, float* x, Vector256<float> iscale, ref Vector256<float> sumlx, ref Vector256<float> suml2)
        {
            for (int i = 0; i < n; ++i)
            {
                Vector256<float> xi = Vector256.Load(x + (8 * i));
                Vector256<float> l = Vector256.ConvertToSingle(SignedLevel(nmax, iscale, xi));
                Vector256<float> w = xi * xi;
                sumlx += w * xi * l;
                suml2 += w * l * l;
            }
        }

        /// <summary>clamp(nearest_int(iscale * x), -nmax, nmax - 1).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector256<int> SignedLevel(int nmax, Vector256<float> iscale, Vector256<float> x)
            => Clamp(nmax, NearestInt(iscale * x));

        /// <summary>ggml's nearest_int per lane: add 1.5 * 2^23 and read the low mantissa bits.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<int> NearestInt(Vector256<float> value)
        {
            Vector256<int> bits = (value + Vector256.Create(12582912f)).AsInt32();
            return (bits & Vector256.Create(0x007fffff)) - Vector256.Create(0x00400000);
        }

        /// <summary>MAX(-nmax, MIN(nmax - 1, l)).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<int> Clamp(int nmax, Vector256<int> l)
            => Vector256.Min(Vector256.Max(l, Vector256.Create(-nmax)), Vector256.Create(nmax - 1));

        /// <summary>clamp(nearest_int(iscale * (x - min)), 0, nmax) as float (an exact small integer).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector256<float> Level(Vector256<float> iscale, Vector256<float> x, Vector256<float> min, Vector256<float> top)
        {
            // nearest_int: add 1.5 * 2^23 and read the low mantissa bits.
            Vector256<int> bits = (iscale * (x - min) + Vector256.Create(12582912f)).AsInt32();
            Vector256<int> l = (bits & Vector256.Create(0x007fffff)) - Vector256.Create(0x00400000);
            return Vector256.ConvertToSingle(Vector256.Min(Vector256.Max(l, Vector256<int>.Zero), Vector256.ConvertToInt32(top)));
        }

        /// <summary>True when every value of <paramref name="x"/> is finite.</summary>
        public static bool AllFinite(ReadOnlySpan<float> x)
        {
            Vector256<float> infinity = Vector256.Create(float.PositiveInfinity);
            Vector256<float> bad = Vector256<float>.Zero;
            int i = 0;
            for (; i <= x.Length - 8; i += 8)
            {
                // NaN fails the comparison, so it is caught as well.
                bad |= ~Vector256.LessThan(Vector256.Abs(Vector256.Create(x.Slice(i, 8))), infinity);
            }

            bool finite = bad == Vector256<float>.Zero;
            for (; i < x.Length; i++)
            {
                finite &= float.IsFinite(x[i]);
            }

            return finite;
        }
    }

    /// <summary>make_qkx2_quants' per-element error (its use_mad switch) as a lane operator.</summary>
    internal interface IErrorMeasure
    {
        /// <summary>The error of a difference.</summary>
        static abstract Vector256<float> Of(Vector256<float> diff);
    }

    /// <summary>use_mad false: diff * diff.</summary>
    internal readonly struct SquaredError : IErrorMeasure
    {
        /// <inheritdoc/>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> Of(Vector256<float> diff) => diff * diff;
    }

    /// <summary>use_mad true: fabsf(diff).</summary>
    internal readonly struct AbsoluteError : IErrorMeasure
    {
        /// <inheritdoc/>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> Of(Vector256<float> diff) => Vector256.Abs(diff);
    }
}
