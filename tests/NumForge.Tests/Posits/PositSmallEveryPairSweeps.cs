using System;
using System.Threading;
using System.Threading.Tasks;
using NumForge.CompilerServices;
using Xunit;

namespace NumForge.Tests.Posits
{
    /// <summary>
    /// Every pair of codes (2^32) of the two 16-bit formats through the posit16 kernels of PositCodec.Small.cs (folded
    /// heads, product and quotient tables) against the exact 128-bit kernels, which share no table with them. Minutes per
    /// sweep: run with --filter Category=Exhaustive.
    /// </summary>
    [Trait("Category", "Exhaustive")]
    public class PositSmallEveryPairSweeps
    {
        [Fact] public void P16E1_AddEveryPair() => Assert.Null(EveryPair<P16E1>(PositCodec<P16E1>.Add, PositCodec<P16E1>.AddExact));

        [Fact] public void P16E1_MultiplyEveryPair() => Assert.Null(EveryPair<P16E1>(PositCodec<P16E1>.Multiply, PositCodec<P16E1>.MultiplyExact));

        [Fact] public void P16E1_DivideEveryPair() => Assert.Null(EveryPair<P16E1>(PositCodec<P16E1>.Divide, PositCodec<P16E1>.DivideExact));

        [Fact] public void P16E2_AddEveryPair() => Assert.Null(EveryPair<P16E2>(PositCodec<P16E2>.Add, PositCodec<P16E2>.AddExact));

        [Fact] public void P16E2_MultiplyEveryPair() => Assert.Null(EveryPair<P16E2>(PositCodec<P16E2>.Multiply, PositCodec<P16E2>.MultiplyExact));

        [Fact] public void P16E2_DivideEveryPair() => Assert.Null(EveryPair<P16E2>(PositCodec<P16E2>.Divide, PositCodec<P16E2>.DivideExact));

        /// <summary>The first pair (of at most a few) where the kernels disagree, or null.</summary>
        private static string? EveryPair<T>(Func<ulong, ulong, ulong> fast, Func<ulong, ulong, ulong> exact)
            where T : struct, IPositTraits
        {
            string? first = null;
            Parallel.For(0, 1 << T.Bits, (x, state) =>
            {
                for (ulong y = 0; y < 1UL << T.Bits; y++)
                {
                    ulong got = fast((ulong)x, y), want = exact((ulong)x, y);
                    if (got != want)
                    {
                        Interlocked.CompareExchange(ref first, $"{typeof(T).Name}: {x:X4}, {y:X4} gave {got:X4}, exact {want:X4}", null);
                        state.Stop();
                        return;
                    }
                }
            });

            return first;
        }
    }
}
