using System;
using NumForge.CompilerServices;
using Xunit;

namespace NumForge.Tests.Posits
{
    /// <summary>
    /// The branch-free 64-bit kernels of 9- to 32-bit posits (PositCodec.Narrow.cs) against the 128-bit exact kernels
    /// (AddExact, MultiplyExact, DivideExact, SqrtExact, FusedMultiplyAddExact) on every code of 16-bit formats paired
    /// with random and adversarial partners, and against the rational reference on samples of the other shapes.
    /// </summary>
    public class PositNarrowKernelTests
    {
        /// <summary>Every code against <paramref name="partners"/> partners: random samples, neighbours (cancellation) and specials.</summary>
        internal static void AgreesWithExactKernels<T>(int partners, int seed, bool everyCode)
            where T : struct, IPositTraits
        {
            var random = new Random(seed);
            var m = new Mismatches($"{Fmt<T>.Name} narrow kernels vs exact kernels");
            ulong[] specials = { 0, T.NaRCode, 1, T.MaxPosCode, Fmt<T>.Neg(1), Fmt<T>.Neg(T.MaxPosCode), T.NaRCode >> 1, Fmt<T>.Neg(T.NaRCode >> 1) };
            long codes = everyCode ? (long)Fmt<T>.Count : 1 << 16;
            for (long i = 0; i < codes; i++)
            {
                ulong a = everyCode ? (ulong)i : Fmt<T>.Sample(random);
                for (int j = 0; j < partners + specials.Length; j++)
                {
                    ulong b = j < specials.Length ? specials[j] : random.Next(4) switch
                    {
                        0 => (a + (ulong)random.Next(-3, 4)) & T.CodeMask,
                        1 => Fmt<T>.Neg((a + (ulong)random.Next(-3, 4)) & T.CodeMask),
                        _ => Fmt<T>.Sample(random),
                    };
                    ulong c = Fmt<T>.Sample(random);
                    Check(m, "+", a, b, PositCodec<T>.Add(a, b), PositCodec<T>.AddExact(a, b));
                    Check(m, "-", a, b, PositCodec<T>.Subtract(a, b), PositCodec<T>.AddExact(a, PositCodec<T>.Negate(b)));
                    Check(m, "*", a, b, PositCodec<T>.Multiply(a, b), PositCodec<T>.MultiplyExact(a, b));
                    Check(m, "/", a, b, PositCodec<T>.Divide(a, b), PositCodec<T>.DivideExact(a, b));
                    Check(m, "/", b, a, PositCodec<T>.Divide(b, a), PositCodec<T>.DivideExact(b, a));
                    ulong fma = PositCodec<T>.FusedMultiplyAdd(a, b, c), fmaExact = PositCodec<T>.FusedMultiplyAddExact(a, b, c);
                    m.Check(fma == fmaExact, () => $"fma({Fmt<T>.Hex(a)}, {Fmt<T>.Hex(b)}, {Fmt<T>.Hex(c)}) = {Fmt<T>.Hex(fma)}, exact {Fmt<T>.Hex(fmaExact)}");
                    fma = PositCodec<T>.FusedMultiplyAdd(a, b, Fmt<T>.Neg(PositCodec<T>.Multiply(a, b)));
                    fmaExact = PositCodec<T>.FusedMultiplyAddExact(a, b, Fmt<T>.Neg(PositCodec<T>.Multiply(a, b)));
                    m.Check(fma == fmaExact, () => $"fma({Fmt<T>.Hex(a)}, {Fmt<T>.Hex(b)}, -(a*b)) = {Fmt<T>.Hex(fma)}, exact {Fmt<T>.Hex(fmaExact)}");
                }

                ulong s = PositCodec<T>.Sqrt(a), se = PositCodec<T>.SqrtExact(a);
                m.Check(s == se, () => $"sqrt({Fmt<T>.Hex(a)}) = {Fmt<T>.Hex(s)}, exact {Fmt<T>.Hex(se)}");
            }

            m.Assert();
        }

        private static void Check(Mismatches m, string op, ulong a, ulong b, ulong got, ulong want)
            => m.Check(got == want, () => $"{a:x} {op} {b:x} = {got:x}, exact {want:x}");

        [Fact] public void P16E1_EveryCode() => AgreesWithExactKernels<P16E1>(8, 161, everyCode: true);

        [Fact] public void P16E2_EveryCode() => AgreesWithExactKernels<P16E2>(8, 162, everyCode: true);

        [Fact] public void P12E3_EveryCode() => AgreesWithExactKernels<P12E3>(16, 123, everyCode: true);

        // Fixed-point sums and reciprocal quotients on two more shapes than P16E1 (es = 0, and a width below 16 bits).
        [Fact] public void P16E0_EveryCode() => AgreesWithExactKernels<P16E0>(8, 160, everyCode: true);

        [Fact] public void P10E1_EveryCode() => AgreesWithExactKernels<P10E1>(64, 101, everyCode: true);

        [Fact] public void P20E4_Samples() => AgreesWithExactKernels<P20E4>(4, 204, everyCode: false);

        [Fact] public void P32E2_Samples() => AgreesWithExactKernels<P32E2>(8, 322, everyCode: false);

        [Fact] public void P32E0_Samples() => AgreesWithExactKernels<P32E0>(4, 320, everyCode: false);

        // The rational reference (independent of PositCodec's decode and rounding) on the shapes without SoftPosit vectors.
        [Fact] public void P32E0_AgainstReference() => KernelChecks<P32E0>.Samples(10_000, 3200);

        [Fact] public void P20E4_AgainstReference() => KernelChecks<P20E4>.Samples(10_000, 2004);

        [Fact]
        public void P32E2_SqrtOfEveryMagnitudeNearOneAgainstReference()
        {
            // Square roots of 2^16 consecutive codes from 1 up, exact squares among them, against the reference.
            var m = new Mismatches("posit<32,2> sqrt near 1");
            for (ulong c = (1UL << 30) - (1 << 15); c < (1UL << 30) + (1 << 15); c++)
            {
                ulong got = PositCodec<P32E2>.Sqrt(c);
                m.Check(got == Fmt<P32E2>.Ref.Sqrt(c), () => $"sqrt({c:x8}) = {got:x8}, want {Fmt<P32E2>.Ref.Sqrt(c):x8}");
            }

            m.Assert();
        }
    }
}
