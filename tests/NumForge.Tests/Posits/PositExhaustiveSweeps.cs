using System;
using NumForge.CompilerServices;
using Xunit;

namespace NumForge.Tests.Posits
{
    /// <summary>Long sweeps (run with --filter Category=Exhaustive): the 64-bit narrow kernels against the exact integer kernels, and wide samples against the reference.</summary>
    [Trait("Category", "Exhaustive")]
    public class PositExhaustiveSweeps
    {
        // Every code of the 16-bit formats against many partners: the 64-bit narrow kernels against the 128-bit exact ones.
        [Fact] public void P16E1_NarrowKernels() => PositNarrowKernelTests.AgreesWithExactKernels<P16E1>(1024, 11, everyCode: true);

        [Fact] public void P16E2_NarrowKernels() => PositNarrowKernelTests.AgreesWithExactKernels<P16E2>(1024, 12, everyCode: true);

        [Fact] public void P12E3_NarrowKernels() => PositNarrowKernelTests.AgreesWithExactKernels<P12E3>(4096, 13, everyCode: true);

        [Fact] public void P32E2_NarrowKernels() => PositNarrowKernelTests.AgreesWithExactKernels<P32E2>(2048, 14, everyCode: false);

        [Fact] public void P32E2_ManySamples() => KernelChecks<P32E2>.Samples(400_000, 99);

        [Fact] public void P64E2_ManySamples() => KernelChecks<P64E2>.Samples(150_000, 98);

        // DivideSmall's claim for every pair of significands N, m in [2^14, 2^15) (hidden bit at 14, every format up to 16
        // bits): N × ⌈2^45 / m⌉ with its low 15 bits cleared has the bits of N × 2^45 / m from bit 30 up, and bits 15 to 29
        // nonzero exactly when the quotient has a nonzero bit below bit 30.
        [Fact]
        public void SmallQuotientByReciprocal_EverySignificandPair()
        {
            for (ulong m = 1 << 14; m < 1 << 15; m++)
            {
                ulong reciprocal = ((1UL << 45) + m - 1) / m;
                for (ulong n = 1 << 14; n < 1 << 15; n++)
                {
                    ulong p = (n * reciprocal) & ~0x7FFFUL;
                    ulong quotient = (n << 45) / (m << 30);           // ⌊N 2^45 / m⌋ >> 30, exactly
                    bool inexact = (n << 45) % (m << 30) != 0;
                    if (p >> 30 != quotient || ((p & 0x3FFF_8000) != 0) != inexact)
                    {
                        Assert.Fail($"N = {n:X}, m = {m:X}: {p:X} against quotient {quotient:X}, inexact {inexact}");
                    }
                }
            }
        }

        // Every pair of codes through the span lanes (widest width) against the scalar kernels.
        [Fact] public void P16E1_SpanLanesEveryPair() => Assert.Null(SpanLanesEveryPair<P16E1>());

        [Fact] public void P16E2_SpanLanesEveryPair() => Assert.Null(SpanLanesEveryPair<P16E2>());

        private static string? SpanLanesEveryPair<T>()
            where T : struct, IPositTraits
        {
            var x = new ushort[65536];
            var y = new ushort[65536];
            var sum = new ushort[65536];
            var product = new ushort[65536];
            for (int i = 0; i < y.Length; i++)
            {
                y[i] = (ushort)i;
            }

            for (int code = 0; code < 65536; code++)
            {
                Array.Fill(x, (ushort)code);
                PositSpan<T>.Add<ushort>(x, y, sum);
                PositSpan<T>.Multiply<ushort>(x, y, product);
                for (int i = 0; i < y.Length; i++)
                {
                    if (sum[i] != PositCodec<T>.Add((ulong)code, (ulong)i) || product[i] != PositCodec<T>.Multiply((ulong)code, (ulong)i))
                    {
                        return $"{typeof(T).Name}: {code:X} and {i:X} gave {sum[i]:X} / {product[i]:X}";
                    }
                }
            }

            return null;
        }
    }
}
