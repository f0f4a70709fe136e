using System;
using NumForge.CompilerServices;
using Xunit;

namespace NumForge.Tests.Posits
{
    /// <summary>Long sweeps (run with --filter Category=Exhaustive): the n &lt;= 16 double path against the exact integer kernels.</summary>
    [Trait("Category", "Exhaustive")]
    public class PositExhaustiveSweeps
    {
        private static void DoublePathAgreesWithExactKernels<T>(int partners, int seed)
            where T : struct, IPositTraits
        {
            var random = new Random(seed);
            var m = new Mismatches($"{Fmt<T>.Name} double path vs exact kernels");
            var others = new ulong[partners];
            for (int i = 0; i < partners; i++)
            {
                others[i] = Fmt<T>.Sample(random);
            }

            for (ulong a = 0; a < Fmt<T>.Count; a++)
            {
                foreach (ulong b in others)
                {
                    m.Check(PositCodec<T>.Add(a, b) == PositCodec<T>.AddExact(a, b), () => $"{a:x} + {b:x}");
                    m.Check(PositCodec<T>.Multiply(a, b) == PositCodec<T>.MultiplyExact(a, b), () => $"{a:x} * {b:x}");
                    m.Check(PositCodec<T>.Divide(a, b) == PositCodec<T>.DivideExact(a, b), () => $"{a:x} / {b:x}");
                    m.Check(PositCodec<T>.Divide(b, a) == PositCodec<T>.DivideExact(b, a), () => $"{b:x} / {a:x}");
                }
            }

            m.Assert();
        }

        [Fact] public void P16E1_DoublePath() => DoublePathAgreesWithExactKernels<P16E1>(2048, 11);

        [Fact] public void P16E2_DoublePath() => DoublePathAgreesWithExactKernels<P16E2>(2048, 12);

        [Fact] public void P12E3_DoublePath() => DoublePathAgreesWithExactKernels<P12E3>(4096, 13);

        [Fact] public void P32E2_ManySamples() => KernelChecks<P32E2>.Samples(400_000, 99);

        [Fact] public void P64E2_ManySamples() => KernelChecks<P64E2>.Samples(150_000, 98);
    }
}
