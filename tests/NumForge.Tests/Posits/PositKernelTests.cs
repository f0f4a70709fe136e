using NumForge.CompilerServices;
using Xunit;

namespace NumForge.Tests.Posits
{
    /// <summary>Every pair of operands of the 8-bit (es 0 and 2) and smaller formats, every code of the 16-bit ones.</summary>
    public class PositExhaustiveTests
    {
        [Fact] public void P8E0_AllPairs() => KernelChecks<P8E0>.AllPairs();

        [Fact] public void P8E2_AllPairs() => KernelChecks<P8E2>.AllPairs();

        [Fact]
        public void SmallFormats_AllPairs()
        {
            KernelChecks<P2E0>.AllPairs();
            KernelChecks<P3E2>.AllPairs();
            KernelChecks<P5E4>.AllPairs();
            KernelChecks<P6E1>.AllPairs();
        }

        [Fact]
        public void SmallFormats_AllFmaTriples()
        {
            KernelChecks<P2E0>.AllTriplesFma();
            KernelChecks<P3E2>.AllTriplesFma();
            KernelChecks<P5E4>.AllTriplesFma();
            KernelChecks<P6E1>.AllTriplesFma();
        }

        [Fact]
        public void EightBitAndSmaller_AllCodes()
        {
            KernelChecks<P8E0>.AllCodes();
            KernelChecks<P8E2>.AllCodes();
            KernelChecks<P2E0>.AllCodes();
            KernelChecks<P3E2>.AllCodes();
            KernelChecks<P5E4>.AllCodes();
            KernelChecks<P6E1>.AllCodes();
            KernelChecks<P12E3>.AllCodes();
        }

        [Fact] public void P16E1_AllCodes() => KernelChecks<P16E1>.AllCodes();

        [Fact] public void P16E2_AllCodes() => KernelChecks<P16E2>.AllCodes();

        [Fact]
        public void FromDouble_AtEveryRoundingBoundary()
        {
            KernelChecks<P8E0>.DoubleConversionsAtBoundaries();
            KernelChecks<P8E2>.DoubleConversionsAtBoundaries();
            KernelChecks<P5E4>.DoubleConversionsAtBoundaries();
            KernelChecks<P3E2>.DoubleConversionsAtBoundaries();
            KernelChecks<P12E3>.DoubleConversionsAtBoundaries();
        }

        [Fact] public void P16E1_FromDouble_AtEveryRoundingBoundary() => KernelChecks<P16E1>.DoubleConversionsAtBoundaries();

        [Fact] public void P16E2_FromDouble_AtEveryRoundingBoundary() => KernelChecks<P16E2>.DoubleConversionsAtBoundaries();
    }

    /// <summary>Random and boundary samples (near maxpos, minpos, 1, powers of two, long regimes, cancellation) for wider formats.</summary>
    public class PositSampleTests
    {
        [Fact] public void P8E0_Samples() => KernelChecks<P8E0>.Samples(20_000, 801);

        [Fact] public void P8E2_Samples() => KernelChecks<P8E2>.Samples(20_000, 802);

        [Fact] public void P12E3_Samples() => KernelChecks<P12E3>.Samples(20_000, 1203);

        [Fact] public void P16E1_Samples() => KernelChecks<P16E1>.Samples(30_000, 1601);

        [Fact] public void P16E2_Samples() => KernelChecks<P16E2>.Samples(30_000, 1602);

        [Fact] public void P12E3_EveryCodeWithSpecials() => KernelChecks<P12E3>.EveryCodeWithSpecials();

        [Fact] public void P16E1_EveryCodeWithSpecials() => KernelChecks<P16E1>.EveryCodeWithSpecials();

        [Fact] public void P16E2_EveryCodeWithSpecials() => KernelChecks<P16E2>.EveryCodeWithSpecials();

        [Fact] public void P32E2_SampledCodesWithSpecials() => KernelChecks<P32E2>.SampledCodesWithSpecials(100_000, 3203);

        [Fact] public void P32E0_SampledCodesWithSpecials() => KernelChecks<P32E0>.SampledCodesWithSpecials(50_000, 3206);

        [Fact] public void P20E4_SampledCodesWithSpecials() => KernelChecks<P20E4>.SampledCodesWithSpecials(50_000, 2006);

        [Fact] public void P32E2_Samples() => KernelChecks<P32E2>.Samples(30_000, 3202);

        [Fact] public void P64E2_Samples() => KernelChecks<P64E2>.Samples(15_000, 6402);

        [Fact] public void P64E0_Samples() => KernelChecks<P64E0>.Samples(6_000, 6400);

        [Fact] public void P64E4_Samples() => KernelChecks<P64E4>.Samples(6_000, 6404);

        [Fact]
        public void Posit32_DoubleRoundingCounterexample()
        {
            // 0x40000005 × 0x40CCCCCD: the exact product rounds to 0x40CCCCD3; a double product rounded again gives 0x40CCCCD2.
            Assert.Equal(0x40CCCCD3UL, PositCodec<P32E2>.Multiply(0x40000005, 0x40CCCCCD));
            Assert.Equal(0x40CCCCD3UL, Fmt<P32E2>.Ref.Multiply(0x40000005, 0x40CCCCCD));
            double viaDouble = PositCodec<P32E2>.ToDouble(0x40000005) * PositCodec<P32E2>.ToDouble(0x40CCCCCD);
            Assert.Equal(0x40CCCCD2UL, PositCodec<P32E2>.FromDouble(viaDouble));
        }

        [Fact]
        public void WellKnownCodes()
        {
            Assert.Equal(0x4000UL, PositCodec<P16E1>.FromDouble(1.0));
            Assert.Equal(0x40UL, PositCodec<P8E0>.FromDouble(1.0));
            Assert.Equal(0x4000_0000UL, PositCodec<P32E2>.FromDouble(1.0));
            Assert.Equal(1UL << 62, PositCodec<P64E2>.FromDouble(1.0));
            Assert.Equal(0xC000UL, PositCodec<P16E1>.FromDouble(-1.0));
            Assert.Equal(System.Math.ScaleB(1.0, 28), PositCodec<P16E1>.ToDouble(0x7FFF));
            Assert.Equal(System.Math.ScaleB(1.0, -248), PositCodec<P64E2>.ToDouble(1));
            Assert.Equal(System.Math.ScaleB(1.0, 992), PositCodec<P64E4>.ToDouble(long.MaxValue));
            Assert.True(double.IsNaN(PositCodec<P64E2>.ToDouble(1UL << 63)));
            Assert.Equal(0x8000UL, PositCodec<P16E1>.Divide(0x4000, 0));
            Assert.Equal(0x8000UL, PositCodec<P16E1>.Sqrt(0xC000));
            Assert.Equal(1UL << 63, PositCodec<P64E2>.DivideExact(1UL << 62, 0));
        }
    }
}
