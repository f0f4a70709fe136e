using System;
using System.Linq;
using NumForge.CompilerServices;
using Xunit;

namespace NumForge.Tests.Posits
{
    public class PositLayoutTests
    {
        private static void SameAsLayout<T>()
            where T : struct, IPositTraits
        {
            PositLayout layout = PositLayout.TryCreate(T.Bits, T.ExponentBits, out var problems)!;
            Assert.Empty(problems);
            Assert.Equal(layout.CodeMask, T.CodeMask);
            Assert.Equal(layout.NaRCode, T.NaRCode);
            Assert.Equal(layout.MaxPosCode, T.MaxPosCode);
            Assert.Equal(layout.MaxScale, T.MaxScale);
            Assert.Equal(layout.MaxFractionBits, T.MaxFractionBits);
            Assert.Equal(layout.QuireBits, T.QuireBits);
            Assert.Equal(layout.QuireLimbs, T.QuireLimbs);
            Assert.Equal(layout.IsExactInDouble, T.IsExactInDouble);
            Assert.Equal(layout.IsExactInSingle, T.IsExactInSingle);
            Assert.Equal(layout.IsExactInHalf, T.IsExactInHalf);
        }

        [Fact]
        public void HandWrittenTraitsMatchTheLayout()
        {
            SameAsLayout<P8E0>();
            SameAsLayout<P8E2>();
            SameAsLayout<P16E1>();
            SameAsLayout<P16E2>();
            SameAsLayout<P32E2>();
            SameAsLayout<P64E2>();
            SameAsLayout<P64E0>();
            SameAsLayout<P64E4>();
            SameAsLayout<P12E3>();
            SameAsLayout<P32E0>();
            SameAsLayout<P20E4>();
            SameAsLayout<P16E0>();
            SameAsLayout<P10E1>();
            SameAsLayout<P6E1>();
            SameAsLayout<P5E4>();
            SameAsLayout<P3E2>();
            SameAsLayout<P2E0>();
        }

        [Theory]
        [InlineData(1, 2, "NF0020")]
        [InlineData(65, 2, "NF0020")]
        [InlineData(0, 0, "NF0020")]
        [InlineData(16, -1, "NF0021")]
        [InlineData(16, 5, "NF0021")]
        public void InvalidSpecsAreReported(int bits, int es, string id)
        {
            Assert.Null(PositLayout.TryCreate(bits, es, out var problems));
            SpecProblem problem = Assert.Single(problems);
            Assert.Equal(id, problem.Id);
            Assert.Contains(id == "NF0020" ? "between 2 and 64" : "between 0 and 4", problem.Message);
        }

        [Fact]
        public void BothProblemsAreReportedTogether()
        {
            Assert.Null(PositLayout.TryCreate(100, 9, out var problems));
            Assert.Equal(new[] { "NF0020", "NF0021" }, problems.Select(p => p.Id));
        }

        [Fact]
        public void EveryValidSpecHasDoubleExtremesAndAConsistentQuire()
        {
            for (int n = 2; n <= 64; n++)
            {
                for (int es = 0; es <= 4; es++)
                {
                    PositLayout layout = PositLayout.TryCreate(n, es, out var problems)!;
                    Assert.NotNull(layout);
                    Assert.Equal((1 << es) * (n - 2), layout.MaxScale);
                    Assert.True(double.IsFinite(layout.MaxValue) && layout.MaxValue == Math.ScaleB(1.0, layout.MaxScale), $"maxpos of posit<{n},{es}>");
                    Assert.True(layout.Epsilon > 0 && layout.Epsilon == Math.ScaleB(1.0, -layout.MaxScale), $"minpos of posit<{n},{es}>");
                    Assert.Equal(-layout.MaxValue, layout.MinValue);
                    Assert.Equal(es == 2 ? 16 * n : (4 << es) * (n - 2) + n, layout.QuireBits);
                    Assert.True(layout.QuireCarryGuardBits >= 0, $"carry guard of posit<{n},{es}>");
                    Assert.Equal(es == 2 ? 30 : n - 2, layout.QuireCarryGuardBits);
                    Assert.Equal((layout.QuireBits + 63) / 64, layout.QuireLimbs);
                    Assert.Equal(n - 3 - es <= 52, layout.IsExactInDouble);
                }
            }
        }

        [Fact]
        public void KnownSizes()
        {
            Assert.Equal(32, PositLayout.QuireBitsFor(8, 0));     // SoftPosit quire8
            Assert.Equal(128, PositLayout.QuireBitsFor(16, 1));   // SoftPosit quire16
            Assert.Equal(512, PositLayout.QuireBitsFor(32, 2));   // SoftPosit quire32 = standard 16n
            Assert.Equal(128, PositLayout.QuireBitsFor(8, 2));
            Assert.Equal(1024, PositLayout.QuireBitsFor(64, 2));
            PositLayout p16e1 = PositLayout.TryCreate(16, 1, out _)!;
            Assert.Equal(Math.ScaleB(1.0, 28), p16e1.MaxValue);   // the vectors' README sanity value
            Assert.Equal(0x7FFFUL, p16e1.MaxPosCode);
            Assert.Equal(Math.ScaleB(1.0, -12), p16e1.MachineEpsilon);
            Assert.Equal(Math.ScaleB(1.0, -992), PositLayout.TryCreate(64, 4, out _)!.Epsilon);
            Assert.Equal(Math.ScaleB(1.0, -3), PositLayout.TryCreate(8, 2, out _)!.MachineEpsilon);
            Assert.Equal(Math.ScaleB(1.0, -27), PositLayout.TryCreate(32, 2, out _)!.MachineEpsilon);
        }

        [Fact]
        public void MachineEpsilonIsTheGapAfterOne()
        {
            foreach ((int n, int es) in new[] { (8, 0), (8, 2), (16, 1), (5, 4), (3, 2), (6, 1), (4, 3) })
            {
                var reference = new PositReference(n, es);
                ulong one = reference.Encode(Rat.Of(1));
                Rat next = reference.Decode(one + 1)!.Value;
                Rat gap = next - Rat.Of(1);
                Assert.True(gap.ValueEquals(Rat.FromDouble(PositLayout.TryCreate(n, es, out _)!.MachineEpsilon)), $"posit<{n},{es}>");
            }
        }
    }
}
