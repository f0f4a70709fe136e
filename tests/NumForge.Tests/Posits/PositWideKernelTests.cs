using System;
using System.Collections.Generic;
using NumForge.CompilerServices;
using Xunit;

namespace NumForge.Tests.Posits
{
    /// <summary>
    /// The 17- to 32-bit kernels (PositCodec.Narrow.cs: +, -, ×, ÷, √ decoded by the 12-bit regime table) against the
    /// exact 128-bit kernels (AddExact, MultiplyExact, DivideExact, SqrtExact) on adversarial operands: both sides of every
    /// boundary of the decode table (each value of the top 12 bits, where the fast path hands over to the far one),
    /// regime extremes, ±minpos, ±maxpos, 0 and NaR, against partners that put results on ties (1.5, 0.75, 3, ...),
    /// scale them into every regime length (powers of two), saturate them, or cancel them.
    /// </summary>
    public class PositWideKernelTests
    {
        /// <summary>Codes around every boundary of the top-12-bit decode, plus the special and extreme codes.</summary>
        private static List<ulong> BoundaryCodes<T>(int stride)
            where T : struct, IPositTraits
        {
            var codes = new List<ulong> { 0, T.NaRCode, 1, 2, 3, T.MaxPosCode, T.MaxPosCode - 1, T.NaRCode >> 1, (T.NaRCode >> 1) + 1, (T.NaRCode >> 1) - 1 };
            int low = T.Bits - 12;
            for (ulong top = 0; top < 1 << 12; top += (ulong)stride)
            {
                ulong first = top << low;
                codes.Add(first);
                codes.Add(first | 1);
                codes.Add(first | ((1UL << low) - 1));
                codes.Add((first - 1) & T.CodeMask);
            }

            int count = codes.Count;
            for (int i = 0; i < count; i++)
            {
                codes.Add(Fmt<T>.Neg(codes[i]));
            }

            return codes;
        }

        /// <summary>Partners: specials, tie makers, and ±2^k for k spread over the whole scale range.</summary>
        private static List<ulong> Partners<T>(Random random, int powers)
            where T : struct, IPositTraits
        {
            var partners = new List<ulong> { 0, T.NaRCode, 1, T.MaxPosCode, Fmt<T>.Neg(1), Fmt<T>.Neg(T.MaxPosCode) };
            foreach (double v in new[] { 1.0, 1.5, 0.75, 3.0, 1.25, 5.0, 0.5, 2.0 })
            {
                partners.Add(PositCodec<T>.FromDouble(v));
                partners.Add(PositCodec<T>.FromDouble(-v));
            }

            for (int i = 0; i < powers; i++)
            {
                int k = random.Next(-T.MaxScale - 2, T.MaxScale + 3);
                ulong p = PositCodec<T>.FromDouble(Math.ScaleB(1.0, k));
                partners.Add(random.Next(2) == 0 ? p : Fmt<T>.Neg(p));
            }

            return partners;
        }

        internal static void AgreesOnBoundaries<T>(int stride, int powers, int randomPartners, int seed)
            where T : struct, IPositTraits
        {
            var random = new Random(seed);
            var m = new Mismatches($"{Fmt<T>.Name} wide kernels on boundaries");
            List<ulong> codes = BoundaryCodes<T>(stride);
            foreach (ulong a in codes)
            {
                ulong s = PositCodec<T>.Sqrt(a), se = PositCodec<T>.SqrtExact(a);
                m.Check(s == se, () => $"sqrt({Fmt<T>.Hex(a)}) = {Fmt<T>.Hex(s)}, exact {Fmt<T>.Hex(se)}");

                List<ulong> partners = Partners<T>(random, powers);
                for (int j = 0; j < randomPartners; j++)
                {
                    partners.Add(Fmt<T>.Sample(random));
                    partners.Add(codes[random.Next(codes.Count)]);
                }

                // Cancellation: the negation and the neighbours of -a; half a unit of a (a tie when added).
                partners.Add(Fmt<T>.Neg(a));
                partners.Add(Fmt<T>.Neg((a + 1) & T.CodeMask));
                partners.Add(Fmt<T>.Neg((a - 1) & T.CodeMask));
                double value = PositCodec<T>.ToDouble(a), next = PositCodec<T>.ToDouble((a + 1) & T.CodeMask);
                if (double.IsFinite(value) && double.IsFinite(next) && value != 0)
                {
                    partners.Add(PositCodec<T>.FromDouble((next - value) / 2));
                }

                foreach (ulong b in partners)
                {
                    Check(m, "+", a, b, PositCodec<T>.Add(a, b), PositCodec<T>.AddExact(a, b));
                    Check(m, "-", a, b, PositCodec<T>.Subtract(a, b), PositCodec<T>.AddExact(a, Fmt<T>.Neg(b)));
                    Check(m, "*", a, b, PositCodec<T>.Multiply(a, b), PositCodec<T>.MultiplyExact(a, b));
                    Check(m, "/", a, b, PositCodec<T>.Divide(a, b), PositCodec<T>.DivideExact(a, b));
                    Check(m, "/", b, a, PositCodec<T>.Divide(b, a), PositCodec<T>.DivideExact(b, a));
                }
            }

            m.Assert();
        }

        private static void Check(Mismatches m, string op, ulong a, ulong b, ulong got, ulong want)
            => m.Check(got == want, () => $"{a:x} {op} {b:x} = {got:x}, exact {want:x}");

        [Fact] public void Posit32_Boundaries() => AgreesOnBoundaries<Posit32.Traits>(stride: 3, powers: 6, randomPartners: 2, seed: 32);

        [Fact] public void P32E0_Boundaries() => AgreesOnBoundaries<P32E0>(stride: 7, powers: 6, randomPartners: 2, seed: 320);

        [Fact] public void P20E4_Boundaries() => AgreesOnBoundaries<P20E4>(stride: 7, powers: 6, randomPartners: 2, seed: 204);

        /// <summary>Every top-12-bit boundary against many more powers of two and random partners.</summary>
        [Fact, Trait("Category", "Exhaustive")]
        public void Posit32_BoundariesWide() => AgreesOnBoundaries<Posit32.Traits>(stride: 1, powers: 120, randomPartners: 32, seed: 3232);

        /// <summary>Named cases: results that tie, saturate at ±maxpos and ±minpos, cancel to 0, and NaR propagation.</summary>
        [Fact]
        public void Posit32_NamedCases()
        {
            const ulong One = 0x4000_0000, MaxPos = 0x7FFF_FFFF, MinPos = 1, NaR = 0x8000_0000;
            ulong Neg(ulong c) => Fmt<Posit32.Traits>.Neg(c);
            ulong Add(ulong a, ulong b) => PositCodec<Posit32.Traits>.Add(a, b);
            ulong Mul(ulong a, ulong b) => PositCodec<Posit32.Traits>.Multiply(a, b);
            ulong Div(ulong a, ulong b) => PositCodec<Posit32.Traits>.Divide(a, b);
            ulong Sqrt(ulong a) => PositCodec<Posit32.Traits>.Sqrt(a);

            Assert.Equal(0UL, Add(One, Neg(One)));
            Assert.Equal(NaR, Add(NaR, One));
            Assert.Equal(One, Add(0, One));
            Assert.Equal(0UL, Mul(0, One));
            Assert.Equal(NaR, Mul(NaR, 0));
            Assert.Equal(NaR, Div(One, 0));
            Assert.Equal(0UL, Div(0, One));
            Assert.Equal(NaR, Sqrt(Neg(One)));
            Assert.Equal(0UL, Sqrt(0));
            Assert.Equal(One, Sqrt(One));
            Assert.Equal(MaxPos, Mul(MaxPos, MaxPos));                  // saturates, never NaR
            Assert.Equal(Neg(MaxPos), Mul(MaxPos, Neg(MaxPos)));
            Assert.Equal(MinPos, Mul(MinPos, MinPos));                  // never rounds to 0
            Assert.Equal(Neg(MinPos), Div(Neg(MinPos), MaxPos));
            Assert.Equal(MaxPos, Add(MaxPos, MaxPos));

            // 1 + 2^-28 is half a unit of 1 (27 fraction bits): a tie, to the even 1; 1 + 3 × 2^-28 rounds up to 1 + 2^-26.
            ulong half = PositCodec<Posit32.Traits>.FromDouble(Math.ScaleB(1.0, -28));
            Assert.Equal(One, Add(One, half));
            Assert.Equal(One + 2, Add(One + 1, half));                 // odd 1 + 2^-27 plus a half unit: up to even
            Assert.Equal(0x40CC_CCD3UL, Mul(0x4000_0005, 0x40CC_CCCD));  // a product a double would misround
            foreach (ulong code in new ulong[] { One, One + 1, MaxPos, MinPos, 0x7FF0_0000, 0x0010_0000, 0x0000_0FFF, 0x7FFF_F000 })
            {
                Assert.Equal(PositCodec<Posit32.Traits>.SqrtExact(code), Sqrt(code));
            }
        }
    }
}
