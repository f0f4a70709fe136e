using System;
using System.Threading;
using System.Threading.Tasks;
using NumForge.CompilerServices;
using Xunit;

namespace NumForge.Tests.Posits
{
    /// <summary>
    /// ÷, √ and fused multiply-add of 17- to 32-bit posits (PositCodec.NarrowQuotients.cs: hardware double divide and
    /// square root settled by a residual's sign; the two's complement integer fused multiply-add) against the exact
    /// 128-bit kernels: every pair of top bytes (every decoding entry of the double path, both signs, and the fallbacks
    /// beyond it), exact quotients and roots, ties, cancellation, and the specials.
    /// </summary>
    public class PositQuotientKernelTests
    {
        /// <summary>A code with the given top byte and random bits below it.</summary>
        private static ulong WithTop<T>(int top, Random random)
            where T : struct, IPositTraits
        {
            int low = T.Bits - 8;
            return ((ulong)top << low) | ((ulong)random.NextInt64() & ((1UL << low) - 1));
        }

        /// <summary>Every pair of top bytes, <paramref name="fills"/> random fills of the bits below each.</summary>
        internal static void EveryTopBytePair<T>(int fills, int seed)
            where T : struct, IPositTraits
        {
            var random = new Random(seed);
            var m = new Mismatches($"{Fmt<T>.Name} ÷ by top byte pairs");
            for (int tx = 0; tx < 256; tx++)
            {
                for (int ty = 0; ty < 256; ty++)
                {
                    for (int f = 0; f < fills; f++)
                    {
                        ulong x = WithTop<T>(tx, random), y = WithTop<T>(ty, random);
                        ulong got = PositCodec<T>.Divide(x, y), want = PositCodec<T>.DivideExact(x, y);
                        m.Check(got == want, () => $"{Fmt<T>.Hex(x)} / {Fmt<T>.Hex(y)} = {Fmt<T>.Hex(got)}, exact {Fmt<T>.Hex(want)}");
                    }
                }
            }

            m.Assert();
        }

        /// <summary>√ of every top byte with <paramref name="fills"/> random fills, and of exact squares and their neighbours.</summary>
        internal static void RootsByTopByteAndSquares<T>(int fills, int seed)
            where T : struct, IPositTraits
        {
            var random = new Random(seed);
            var m = new Mismatches($"{Fmt<T>.Name} √ by top byte and squares");
            void Check(ulong x)
            {
                ulong got = PositCodec<T>.Sqrt(x), want = PositCodec<T>.SqrtExact(x);
                m.Check(got == want, () => $"sqrt({Fmt<T>.Hex(x)}) = {Fmt<T>.Hex(got)}, exact {Fmt<T>.Hex(want)}");
            }

            for (int top = 0; top < 256; top++)
            {
                for (int f = 0; f < fills; f++)
                {
                    Check(WithTop<T>(top, random));
                }
            }

            // Exact roots: r² of an r with few significant bits (r × r is then exact), and the codes beside it.
            int exact = 0, bits = (T.MaxFractionBits / 2) - 1;
            for (int i = 0; i < 20 * fills; i++)
            {
                double r = (1 + Math.ScaleB(random.Next(1 << bits), -bits)) * Math.ScaleB(1.0, random.Next(-20, 21));
                ulong square = PositCodec<T>.FromDouble(r * r);
                if (PositCodec<T>.ToDouble(square) == r * r)
                {
                    exact++;
                    Assert.Equal(PositCodec<T>.FromDouble(r), PositCodec<T>.Sqrt(square));
                }

                Check(square);
                Check((square + 1) & T.CodeMask);
                Check((square - 1) & T.CodeMask);
            }

            Assert.True(exact > fills, $"only {exact} exact squares");
            m.Assert();
        }

        /// <summary>
        /// Quotients by powers of two and by small integers: exact quotients, and at the far scales, where the quotient
        /// keeps fewer fraction bits than the dividend, ties (counted, so the test sees some).
        /// </summary>
        internal static void ExactQuotientsAndTies<T>(int samples, int seed)
            where T : struct, IPositTraits
        {
            var random = new Random(seed);
            var m = new Mismatches($"{Fmt<T>.Name} exact quotients and ties");
            int ties = 0;
            for (int i = 0; i < samples; i++)
            {
                ulong x = WithTop<T>(random.Next(256), random);
                int power = random.Next(-40, 41);
                ulong y = PositCodec<T>.FromDouble(Math.ScaleB(random.Next(2) == 0 ? 1.0 : -1.0, power));
                ulong got = PositCodec<T>.Divide(x, y), want = PositCodec<T>.DivideExact(x, y);
                m.Check(got == want, () => $"{Fmt<T>.Hex(x)} / {Fmt<T>.Hex(y)} = {Fmt<T>.Hex(got)}, exact {Fmt<T>.Hex(want)}");

                // A tie: x / y (exact in double when x is) lies halfway between the result and a neighbour.
                double q = PositCodec<T>.ToDouble(x) / PositCodec<T>.ToDouble(y), r = PositCodec<T>.ToDouble(want);
                double up = PositCodec<T>.ToDouble((want + 1) & T.CodeMask), down = PositCodec<T>.ToDouble((want - 1) & T.CodeMask);
                if (T.IsExactInDouble && !double.IsNaN(q) && (q == (r + up) / 2 || q == (r + down) / 2))
                {
                    ties++;
                }

                // An exact quotient of a few-bit significand and a small integer.
                ulong small = PositCodec<T>.FromDouble(random.Next(1, 64) * (random.Next(2) == 0 ? 1 : -1));
                ulong dividend = PositCodec<T>.Multiply(small, WithTop<T>(random.Next(256), random) & ~((1UL << (T.Bits - 12)) - 1));
                got = PositCodec<T>.Divide(dividend, small);
                want = PositCodec<T>.DivideExact(dividend, small);
                m.Check(got == want, () => $"{Fmt<T>.Hex(dividend)} / {Fmt<T>.Hex(small)} = {Fmt<T>.Hex(got)}, exact {Fmt<T>.Hex(want)}");
            }

            Assert.True(!T.IsExactInDouble || ties > samples / 100, $"only {ties} ties");
            m.Assert();
        }

        /// <summary>0, NaR, ±minpos, ±maxpos, ±1 and their neighbours against each other and against random partners.</summary>
        internal static void Specials<T>(int seed)
            where T : struct, IPositTraits
        {
            var random = new Random(seed);
            var m = new Mismatches($"{Fmt<T>.Name} ÷ and √ of specials");
            ulong one = T.NaRCode >> 1;
            ulong[] specials =
            {
                0, T.NaRCode, 1, 2, T.MaxPosCode, T.MaxPosCode - 1, one, one + 1, one - 1,
                Fmt<T>.Neg(1), Fmt<T>.Neg(T.MaxPosCode), Fmt<T>.Neg(one), Fmt<T>.Neg(one - 1), T.NaRCode + 1, T.CodeMask,
            };
            foreach (ulong a in specials)
            {
                ulong s = PositCodec<T>.Sqrt(a), se = PositCodec<T>.SqrtExact(a);
                m.Check(s == se, () => $"sqrt({Fmt<T>.Hex(a)}) = {Fmt<T>.Hex(s)}, exact {Fmt<T>.Hex(se)}");
                for (int j = 0; j < specials.Length + 64; j++)
                {
                    ulong b = j < specials.Length ? specials[j] : Fmt<T>.Sample(random);
                    foreach ((ulong x, ulong y) in new[] { (a, b), (b, a) })
                    {
                        ulong got = PositCodec<T>.Divide(x, y), want = PositCodec<T>.DivideExact(x, y);
                        m.Check(got == want, () => $"{Fmt<T>.Hex(x)} / {Fmt<T>.Hex(y)} = {Fmt<T>.Hex(got)}, exact {Fmt<T>.Hex(want)}");
                    }
                }
            }

            m.Assert();
        }

        /// <summary>
        /// x × y + z against the exact kernel: random triples (weighted towards minpos, maxpos, 1 and long regimes), z the
        /// negated rounded product (near-total cancellation) and its neighbours, z far smaller or larger than the product.
        /// </summary>
        internal static void FusedMultiplyAdds<T>(int samples, int seed)
            where T : struct, IPositTraits
        {
            var random = new Random(seed);
            var m = new Mismatches($"{Fmt<T>.Name} fused multiply-add");
            for (int i = 0; i < samples; i++)
            {
                ulong x = Fmt<T>.Sample(random), y = Fmt<T>.Sample(random);
                ulong product = PositCodec<T>.Multiply(x, y);
                ulong z = random.Next(4) switch
                {
                    0 => Fmt<T>.Sample(random),
                    1 => (Fmt<T>.Neg(product) + (ulong)random.Next(-2, 3)) & T.CodeMask,
                    2 => PositCodec<T>.Multiply(product, PositCodec<T>.FromDouble(Math.ScaleB(1.0, random.Next(-60, 61)))),
                    _ => WithTop<T>(random.Next(256), random),
                };
                if (random.Next(2) == 0)
                {
                    // Every operand from any top byte (most of them decode in the table path), z often cancelling.
                    x = WithTop<T>(random.Next(256), random);
                    y = WithTop<T>(random.Next(256), random);
                    z = random.Next(2) == 0
                        ? WithTop<T>(random.Next(256), random)
                        : (Fmt<T>.Neg(PositCodec<T>.Multiply(x, y)) + (ulong)random.Next(-2, 3)) & T.CodeMask;
                }

                ulong got = PositCodec<T>.FusedMultiplyAdd(x, y, z), want = PositCodec<T>.FusedMultiplyAddExact(x, y, z);
                m.Check(got == want, () => $"fma({Fmt<T>.Hex(x)}, {Fmt<T>.Hex(y)}, {Fmt<T>.Hex(z)}) = {Fmt<T>.Hex(got)}, exact {Fmt<T>.Hex(want)}");
            }

            m.Assert();
        }

        [Fact] public void P32E2_FusedMultiplyAdds() => FusedMultiplyAdds<P32E2>(200_000, 3212);

        [Fact] public void P32E0_FusedMultiplyAdds() => FusedMultiplyAdds<P32E0>(100_000, 3213);

        [Fact] public void P20E4_FusedMultiplyAdds() => FusedMultiplyAdds<P20E4>(100_000, 3214);

        [Fact] public void P32E2_EveryTopBytePair() => EveryTopBytePair<P32E2>(2, 3201);

        [Fact] public void P32E0_EveryTopBytePair() => EveryTopBytePair<P32E0>(1, 3202);

        [Fact] public void P20E4_EveryTopBytePair() => EveryTopBytePair<P20E4>(1, 3203);

        [Fact] public void P32E2_Roots() => RootsByTopByteAndSquares<P32E2>(200, 3204);

        [Fact] public void P32E0_Roots() => RootsByTopByteAndSquares<P32E0>(100, 3205);

        [Fact] public void P20E4_Roots() => RootsByTopByteAndSquares<P20E4>(100, 3206);

        [Fact] public void P32E2_ExactQuotientsAndTies() => ExactQuotientsAndTies<P32E2>(20_000, 3207);

        [Fact] public void P32E0_ExactQuotientsAndTies() => ExactQuotientsAndTies<P32E0>(20_000, 3208);

        [Fact] public void P20E4_ExactQuotientsAndTies() => ExactQuotientsAndTies<P20E4>(20_000, 3209);

        [Fact] public void P32E2_Specials() => Specials<P32E2>(3210);

        [Fact] public void P20E4_Specials() => Specials<P20E4>(3211);

        [Fact]
        public void P20E4_EveryRoot()
        {
            var m = new Mismatches($"{Fmt<P20E4>.Name} √ of every code");
            for (ulong x = 0; x < Fmt<P20E4>.Count; x++)
            {
                ulong got = PositCodec<P20E4>.Sqrt(x), want = PositCodec<P20E4>.SqrtExact(x);
                m.Check(got == want, () => $"sqrt({Fmt<P20E4>.Hex(x)}) = {Fmt<P20E4>.Hex(got)}, exact {Fmt<P20E4>.Hex(want)}");
            }

            m.Assert();
        }

        /// <summary>Long sweeps of the double kernels (run with --filter Category=Exhaustive).</summary>
        [Trait("Category", "Exhaustive")]
        public class Exhaustive
        {
            [Fact] public void P32E2_EveryTopBytePair_256Fills() => EveryTopBytePair<P32E2>(256, 3301);

            [Fact] public void P32E0_EveryTopBytePair_64Fills() => EveryTopBytePair<P32E0>(64, 3302);

            [Fact] public void P32E2_ExactQuotientsAndTies() => ExactQuotientsAndTies<P32E2>(4_000_000, 3303);

            [Fact] public void P32E2_FusedMultiplyAdds() => FusedMultiplyAdds<P32E2>(20_000_000, 3304);

            [Fact]
            public void P32E2_EveryRoot()
            {
                // Every code (2^32: the negative ones go to NaR), in parallel blocks of 2^24.
                long mismatches = 0;
                string first = string.Empty;
                Parallel.For(0, 256, block =>
                {
                    for (ulong x = (ulong)block << 24, end = x + (1UL << 24); x < end; x++)
                    {
                        ulong got = PositCodec<P32E2>.Sqrt(x), want = PositCodec<P32E2>.SqrtExact(x);
                        if (got != want && Interlocked.Increment(ref mismatches) == 1)
                        {
                            first = $"sqrt({x:x8}) = {got:x8}, exact {want:x8}";
                        }
                    }
                });
                Assert.True(mismatches == 0, $"{mismatches} mismatches, first {first}");
            }
        }
    }
}
