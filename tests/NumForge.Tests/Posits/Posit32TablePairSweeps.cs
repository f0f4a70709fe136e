using System;
using System.Threading;
using System.Threading.Tasks;
using NumForge.CompilerServices;
using Xunit;

namespace NumForge.Tests.Posits
{
    /// <summary>
    /// posit32 (es 2) + and × through the table-decoded kernels of PositCodec.Narrow.cs (AddNarrow, MultiplyNarrow: no
    /// clamp on the alignment shift, no folded sticky bit) against the exact 128-bit kernels (AddExact, MultiplyExact),
    /// which share no table with them. posit32 has too many pairs to try them all; what the fast kernels decide depends
    /// on a code's top 12 bits (the table index: sign, regime, exponent, the first fraction bits) and on how its last
    /// bits sit against the other operand's (alignment, round and sticky bits), so the sweeps pair every top-12-bit
    /// prefix with every other (16.7 million pairs, all scale differences from 0 to 63, both signs, 0, NaR and the far
    /// codes that leave for AddFar/MultiplyFar) and give each code a tail of 20 bits that makes the sticky bits hard:
    /// none set, only the last, all, only the first, all but the first, or random.
    /// </summary>
    public class Posit32TablePairSweeps
    {
        private static readonly ulong[] Tails = { 0, 1, 0xF_FFFF, 0x8_0000, 0x7_FFFF };

        /// <summary>Every prefix of x against 64 random prefixes of y, each with random hard tails: seconds.</summary>
        [Fact]
        public void AddAndMultiplyAgreeWithExactKernelsOnSampledPrefixPairs() => Assert.Null(Sweep<Posit32.Traits>(partners: 64, tailsPerPair: 1, seed: 3201));

        /// <summary>Every pair of prefixes, four tail pairs each (67 million pairs per operation): minutes.</summary>
        [Fact]
        [Trait("Category", "Exhaustive")]
        public void AddAndMultiplyAgreeWithExactKernelsOnEveryPrefixPair() => Assert.Null(Sweep<P32E2>(partners: 0, tailsPerPair: 4, seed: 3202));

        /// <summary>
        /// The first disagreement (of at most one) between the fast and the exact + and ×, or null. With
        /// <paramref name="partners"/> 0 every prefix of y meets every prefix of x; otherwise that many random ones do.
        /// </summary>
        private static string? Sweep<T>(int partners, int tailsPerPair, int seed)
            where T : struct, IPositTraits
        {
            Assert.Equal(32, T.Bits);
            string? first = null;
            long pairs = 0;
            Parallel.For(0, 1 << 12, (prefixX, state) =>
            {
                var random = new Random(seed + (prefixX * 7919));
                int count = partners == 0 ? 1 << 12 : partners;
                long local = 0;
                for (int j = 0; j < count; j++)
                {
                    ulong prefixY = partners == 0 ? (ulong)j : (ulong)random.Next(1 << 12);
                    for (int t = 0; t < tailsPerPair; t++)
                    {
                        ulong x = ((ulong)prefixX << 20) | Tail(random);
                        ulong y = (prefixY << 20) | Tail(random);
                        string? wrong = Compare<T>("+", x, y, PositCodec<T>.Add(x, y), PositCodec<T>.AddExact(x, y))
                            ?? Compare<T>("*", x, y, PositCodec<T>.Multiply(x, y), PositCodec<T>.MultiplyExact(x, y));
                        local++;
                        if (wrong != null)
                        {
                            Interlocked.CompareExchange(ref first, wrong, null);
                            state.Stop();
                            return;
                        }
                    }
                }

                Interlocked.Add(ref pairs, local);
            });

            // Guards the guard: a sweep that ran nothing must not pass.
            long expected = (1L << 12) * (partners == 0 ? 1 << 12 : partners) * tailsPerPair;
            return first ?? (pairs == expected ? null : $"checked {pairs} pairs, expected {expected}");
        }

        private static ulong Tail(Random random)
        {
            int pick = random.Next(Tails.Length + 1);
            return pick < Tails.Length ? Tails[pick] : (ulong)random.Next(1 << 20);
        }

        private static string? Compare<T>(string op, ulong x, ulong y, ulong got, ulong want)
            where T : struct, IPositTraits
            => got == want ? null : $"{typeof(T).Name}: {x:X8} {op} {y:X8} gave {got:X8}, exact {want:X8}";
    }
}
