using System;
using System.Numerics;

namespace NumForge.CompilerServices.Text
{
    /// <summary>
    /// Finds the shortest decimal that lies in a value's rounding interval, exactly (integer arithmetic only).
    /// </summary>
    /// <remarks>
    /// <para>
    /// The value is m × 2^e (m the significand with its implicit bit, 2^e one unit in its last place). Its rounding
    /// interval [L, H] is the set of reals that round-to-nearest-even gives back the same code: halfway to each
    /// neighbour, a quarter unit below when m is the bottom of a binade (the neighbour below is twice as close), each
    /// end included when the tie there rounds to this code. The interval is taken as if the exponent range were
    /// unbounded: above the largest finite value and below the smallest normal of a format without subnormals it
    /// ends where the next binade would begin, so saturation never lets a "shorter" out-of-range decimal in (7.5 in
    /// E2M3 never prints as "8").
    /// </para>
    /// <para>
    /// With L, v, H written as integers times 2^(e-2), the search is over decimal lattices 10^j: the largest j such
    /// that some multiple q·10^j lies in [L, H] gives the fewest significant digits d. Existence is monotone in j, so
    /// the search starts just below log10(H - L), where a multiple is sure to exist, and climbs. Among the multiples at
    /// that j the one nearest v is taken (exact ties to even q). The interval is at most a factor 2 wide, so it can
    /// straddle a power of ten, where numbers just below it also have d digits on the ten-times finer lattice
    /// 10^(j-1): the nearest of those competes on distance to v (E8M0's 8 prints as "8", not "10"). Everything is
    /// exact in <see cref="long"/> or <see cref="Int128"/> for narrow formats and moderate exponents (the operands
    /// stay below 2^(bits + |e| + 12)), in <see cref="BigInteger"/> otherwise.
    /// </para>
    /// </remarks>
    internal static class ShortestDecimal
    {
        private const double Log10Of2 = 0.30102999566398119521;

        private static readonly ulong[] Pow10Table =
        {
            1UL, 10UL, 100UL, 1_000UL, 10_000UL, 100_000UL, 1_000_000UL, 10_000_000UL, 100_000_000UL, 1_000_000_000UL,
            10_000_000_000UL, 100_000_000_000UL, 1_000_000_000_000UL, 10_000_000_000_000UL, 100_000_000_000_000UL,
            1_000_000_000_000_000UL, 10_000_000_000_000_000UL, 100_000_000_000_000_000UL, 1_000_000_000_000_000_000UL,
            10_000_000_000_000_000_000UL,
        };

        /// <summary>
        /// The shortest decimal digits × 10^exponent10 in the rounding interval of m × 2^e (m &gt; 0, at most 53 bits).
        /// </summary>
        /// <param name="m">The significand, implicit bit included.</param>
        /// <param name="e">The exponent of its last place.</param>
        /// <param name="binadeBottom">Whether the neighbour below is half as far as the one above.</param>
        /// <param name="lowerInclusive">Whether the lower midpoint rounds to this value.</param>
        /// <param name="upperInclusive">Whether the upper midpoint rounds to this value.</param>
        /// <param name="digits">The significant digits, without trailing zeros.</param>
        /// <param name="exponent10">The power of ten of the last digit.</param>
        public static void Find(ulong m, int e, bool binadeBottom, bool lowerInclusive, bool upperInclusive, out ulong digits, out int exponent10)
        {
            int s = e - 2;
            int bits = 64 - BitOperations.LeadingZeroCount(m);
            if (bits + Math.Abs(s) <= 46)
            {
                // Every intermediate stays below 2^60: hardware division.
                Core<long>(m, s, binadeBottom, lowerInclusive, upperInclusive, out digits, out exponent10);
            }
            else if (bits + Math.Abs(s) <= 96)
            {
                Core<Int128>(m, s, binadeBottom, lowerInclusive, upperInclusive, out digits, out exponent10);
            }
            else
            {
                Core<BigInteger>(m, s, binadeBottom, lowerInclusive, upperInclusive, out digits, out exponent10);
            }

            while (digits % 10 == 0)
            {
                digits /= 10;
                exponent10++;
            }
        }

        /// <summary>The number of decimal digits of a positive integer.</summary>
        public static int CountDigits(ulong value)
        {
            int count = 1;
            while (count < 20 && value >= Pow10Table[count])
            {
                count++;
            }

            return count;
        }

        private static void Core<T>(ulong m, int s, bool bottom, bool lowIncl, bool highIncl, out ulong digits, out int exponent10)
            where T : IBinaryInteger<T>, ISignedNumber<T>
        {
            // Value, lower and upper bound as integers over a common denominator: x = a / den.
            T a = T.CreateTruncating(m) << 2;
            T lower = a - T.CreateTruncating(bottom ? 1 : 2);
            T upper = a + T.CreateTruncating(2);
            T den = T.One;
            if (s >= 0)
            {
                a <<= s;
                lower <<= s;
                upper <<= s;
            }
            else
            {
                den <<= -s;
            }

            var ctx = new Context<T>(a, lower, upper, den, lowIncl, highIncl);

            // The interval is 3 or 4 × 2^s wide; a lattice ten times finer than that surely has a point inside.
            int j = (int)Math.Floor((s + Math.Log2(bottom ? 3 : 4)) * Log10Of2) - 1;
            ctx.Bounds(j, out T lo, out T hi);
            while (lo > hi)
            {
                j--;
                ctx.Bounds(j, out lo, out hi);
            }

            T prevLo = lo;
            T prevHi = hi;
            bool havePrev = false;
            while (true)
            {
                ctx.Bounds(j + 1, out T nextLo, out T nextHi);
                if (nextLo > nextHi)
                {
                    break;
                }

                prevLo = lo;
                prevHi = hi;
                havePrev = true;
                lo = nextLo;
                hi = nextHi;
                j++;
            }

            T best = ctx.Nearest(j, lo, hi);
            ulong bestDigits = ulong.CreateTruncating(best);
            int d = CountDigits(bestDigits);

            // The ten-times finer lattice just below: numbers there with at most d digits (only where the interval
            // straddles a power of ten).
            if (!havePrev)
            {
                ctx.Bounds(j - 1, out prevLo, out prevHi);
            }

            if (d < 19)
            {
                T cap = T.CreateTruncating(Pow10Table[d] - 1);
                T finerHi = T.Min(prevHi, cap);
                if (prevLo <= finerHi)
                {
                    T finer = ctx.Nearest(j - 1, prevLo, finerHi);
                    if (ctx.CloserOnFinerLattice(j - 1, best * T.CreateTruncating(10), finer))
                    {
                        digits = ulong.CreateTruncating(finer);
                        exponent10 = j - 1;
                        return;
                    }
                }
            }

            digits = bestDigits;
            exponent10 = j;
        }

        private static T Pow10<T>(int k)
            where T : IBinaryInteger<T>
        {
            if (typeof(T) == typeof(BigInteger) && k > 19)
            {
                return (T)(object)BigPowers.Pow10(k);
            }

            T result = T.One;
            T chunk = T.CreateTruncating(Pow10Table[19]);
            while (k >= 19)
            {
                result *= chunk;
                k -= 19;
            }

            return result * T.CreateTruncating(Pow10Table[k]);
        }

        private readonly struct Context<T>
            where T : IBinaryInteger<T>, ISignedNumber<T>
        {
            private readonly T value;
            private readonly T lower;
            private readonly T upper;
            private readonly T den;
            private readonly bool lowIncl;
            private readonly bool highIncl;

            public Context(T value, T lower, T upper, T den, bool lowIncl, bool highIncl)
            {
                this.value = value;
                this.lower = lower;
                this.upper = upper;
                this.den = den;
                this.lowIncl = lowIncl;
                this.highIncl = highIncl;
            }

            /// <summary>The range of q with q·10^j in the interval (empty when lo &gt; hi).</summary>
            public void Bounds(int j, out T lo, out T hi)
            {
                T scale = Pow10<T>(Math.Abs(j));
                (T ql, T rl) = DivRem(lower, j, scale, out _);
                lo = lowIncl && rl == T.Zero ? ql : ql + T.One;
                (T qh, T rh) = DivRem(upper, j, scale, out _);
                hi = highIncl || rh != T.Zero ? qh : qh - T.One;
            }

            /// <summary>The q in [lo, hi] whose q·10^j is nearest the value (ties to even q).</summary>
            public T Nearest(int j, T lo, T hi)
            {
                (T q, T r) = DivRem(value, j, Pow10<T>(Math.Abs(j)), out T divisor);
                T twice = r << 1;
                if (twice > divisor || (twice == divisor && !T.IsEvenInteger(q)))
                {
                    q += T.One;
                }

                return T.Clamp(q, lo, hi);
            }

            /// <summary>Whether candidate b is strictly nearer the value than candidate a, both on the lattice 10^j.</summary>
            public bool CloserOnFinerLattice(int j, T a, T b)
            {
                T num = value;
                T divisor = den;
                if (j >= 0)
                {
                    divisor *= Pow10<T>(j);
                }
                else
                {
                    num *= Pow10<T>(-j);
                }

                // |c·10^j - x| scaled by the divisor: |c·divisor - num|.
                T da = T.Abs((a * divisor) - num);
                T db = T.Abs((b * divisor) - num);
                return db < da;
            }

            private (T Quotient, T Remainder) DivRem(T x, int j, T scale, out T divisor)
            {
                divisor = den;
                if (j >= 0)
                {
                    divisor *= scale;
                }
                else
                {
                    x *= scale;
                }

                return T.DivRem(x, divisor);
            }
        }
    }
}
