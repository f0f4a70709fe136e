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
