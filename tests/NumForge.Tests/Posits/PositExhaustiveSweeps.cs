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
    }
}
