using System;
using System.Collections.Generic;
using System.Numerics;
using NumForge.CompilerServices;

namespace NumForge.Tests.Posits
{
    /// <summary>Checks of PositCodec&lt;T&gt; against the exact reference, shared by the per-format tests.</summary>
    public static class KernelChecks<T>
        where T : struct, IPositTraits
    {
        private static PositReference Ref => Fmt<T>.Ref;

        private static string H(ulong c) => Fmt<T>.Hex(c);

        /// <summary>Every pair of codes for + - × ÷, through the public entry points and the exact integer kernels.</summary>
        public static void AllPairs()
        {
            ulong count = Fmt<T>.Count;
            var add = new Mismatches($"{Fmt<T>.Name} add");
            var sub = new Mismatches($"{Fmt<T>.Name} sub");
            var mul = new Mismatches($"{Fmt<T>.Name} mul");
            var div = new Mismatches($"{Fmt<T>.Name} div");
            for (ulong a = 0; a < count; a++)
            {
                for (ulong b = 0; b < count; b++)
                {
                    ulong r = Ref.Add(a, b);
                    add.Check(PositCodec<T>.Add(a, b) == r && PositCodec<T>.AddExact(a, b) == r, () => $"{H(a)} + {H(b)}: {H(PositCodec<T>.Add(a, b))} / exact {H(PositCodec<T>.AddExact(a, b))}, want {H(r)}");
                    r = Ref.Subtract(a, b);
                    sub.Check(PositCodec<T>.Subtract(a, b) == r, () => $"{H(a)} - {H(b)}: {H(PositCodec<T>.Subtract(a, b))}, want {H(r)}");
                    r = Ref.Multiply(a, b);
                    mul.Check(PositCodec<T>.Multiply(a, b) == r && PositCodec<T>.MultiplyExact(a, b) == r, () => $"{H(a)} * {H(b)}: {H(PositCodec<T>.Multiply(a, b))} / exact {H(PositCodec<T>.MultiplyExact(a, b))}, want {H(r)}");
                    r = Ref.Divide(a, b);
                    div.Check(PositCodec<T>.Divide(a, b) == r && PositCodec<T>.DivideExact(a, b) == r, () => $"{H(a)} / {H(b)}: {H(PositCodec<T>.Divide(a, b))} / exact {H(PositCodec<T>.DivideExact(a, b))}, want {H(r)}");
                }
            }

            add.Assert();
            sub.Assert();
            mul.Assert();
            div.Assert();
        }

        /// <summary>
        /// Every code with 0 and NaR, in each place, through +, ×, ÷ and fma against the exact kernels: the table kernels of 9 to
        /// 16 bits send 0 and NaR through their head tables (no branch), so every code's entry meets both specials here.
        /// </summary>
        public static void EveryCodeWithSpecials() => WithSpecials(EveryCode(), "every code");

        /// <summary>
        /// <see cref="EveryCodeWithSpecials"/> for formats too wide to try every code: <paramref name="count"/> samples
        /// (<see cref="Fmt{T}.Sample"/>) and every top-12-bit prefix with low bits 0 and 1 (0 and NaR among them, and their neighbours).
        /// </summary>
        public static void SampledCodesWithSpecials(int count, int seed)
        {
            var random = new Random(seed);
            var codes = new List<ulong>();
            for (int i = 0; i < count; i++)
            {
                codes.Add(Fmt<T>.Sample(random));
            }

            for (ulong top = 0; top < 1 << 12; top++)
            {
                codes.Add(top << (T.Bits - 12));
                codes.Add((top << (T.Bits - 12)) | 1);
            }

            WithSpecials(codes, "sampled codes");
        }

        private static void CheckFma(Mismatches m, ulong a, ulong b, ulong c)
        {
            ulong got = PositCodec<T>.FusedMultiplyAdd(a, b, c), want = PositCodec<T>.FusedMultiplyAddExact(a, b, c);
            m.Check(got == want, () => $"fma({H(a)}, {H(b)}, {H(c)}) = {H(got)}, exact {H(want)}");
        }

        private static IEnumerable<ulong> EveryCode()
        {
            for (ulong c = 0; c <= T.CodeMask; c++)
            {
                yield return c;
            }
        }

        private static void WithSpecials(IEnumerable<ulong> codes, string which)
        {
            var m = new Mismatches($"{Fmt<T>.Name}, {which} with 0 and NaR");
            var random = new Random(17);
            foreach (ulong c in codes)
            {
                // A partner at another scale: a product with 0 beside an addend (and a zero addend beside a product) must
                // not be aligned as the larger of the two, which drops bits only when the scales differ.
                ulong other = Fmt<T>.Sample(random);
                foreach (ulong special in new[] { 0UL, T.NaRCode })
                {
                    foreach ((ulong a, ulong b) in new[] { (c, special), (special, c) })
                    {
                        m.Check(PositCodec<T>.Add(a, b) == PositCodec<T>.AddExact(a, b), () => $"{H(a)} + {H(b)} = {H(PositCodec<T>.Add(a, b))}");
                        m.Check(PositCodec<T>.Multiply(a, b) == PositCodec<T>.MultiplyExact(a, b), () => $"{H(a)} * {H(b)} = {H(PositCodec<T>.Multiply(a, b))}");
                        m.Check(PositCodec<T>.Divide(a, b) == PositCodec<T>.DivideExact(a, b), () => $"{H(a)} / {H(b)} = {H(PositCodec<T>.Divide(a, b))}");
                        CheckFma(m, a, b, other);
                        CheckFma(m, a, b, special);
                    }

                    CheckFma(m, c, other, special);
                    CheckFma(m, other, c, special);
                    CheckFma(m, special, special, c);
                }
            }

            m.Assert();
        }

        /// <summary>Every code: decode, re-encode, negate, sqrt, order, classification.</summary>
        public static void AllCodes()
        {
            ulong count = Fmt<T>.Count;
            var m = new Mismatches($"{Fmt<T>.Name} unary");
            Rat? previous = null;
            for (ulong c = 0; c < count; c++)
            {
                Rat? x = Ref.Decode(c);
                double d = PositCodec<T>.ToDouble(c);
                m.Check(x is null ? double.IsNaN(d) : T.IsExactInDouble ? Rat.FromDouble(d).ValueEquals(x.Value) : Ref.IsCorrectRoundingToDouble(x.Value, d), () => $"ToDouble({H(c)}) = {d}");
                m.Check(PositCodec<T>.FromDouble(d) == c || !T.IsExactInDouble, () => $"FromDouble(ToDouble({H(c)})) = {H(PositCodec<T>.FromDouble(d))}");
                m.Check(PositCodec<T>.Sqrt(c) == Ref.Sqrt(c) && PositCodec<T>.SqrtExact(c) == Ref.Sqrt(c), () => $"sqrt({H(c)}) = {H(PositCodec<T>.Sqrt(c))} / exact {H(PositCodec<T>.SqrtExact(c))}, want {H(Ref.Sqrt(c))}");
                ulong negated = PositCodec<T>.Negate(c);
                m.Check(x is null ? negated == c : Ref.Decode(negated)!.Value.ValueEquals(-x.Value), () => $"Negate({H(c)})");
                m.Check(PositCodec<T>.IsNaR(c) == (x is null) && PositCodec<T>.IsZero(c) == (x is { IsZero: true })
                    && PositCodec<T>.IsNegative(c) == (x is { Sign: < 0 }) && PositCodec<T>.IsPositive(c) == (x is { Sign: > 0 }), () => $"classification of {H(c)}");
                if (x is Rat value)
                {
                    bool integer = (value.N % value.D).IsZero;
                    m.Check(PositCodec<T>.IsInteger(c) == integer, () => $"IsInteger({H(c)})");
                    m.Check(PositCodec<T>.IsEvenInteger(c) == (integer && (value.N / value.D).IsEven), () => $"IsEvenInteger({H(c)})");
                    m.Check(PositCodec<T>.IsOddInteger(c) == (integer && !(value.N / value.D).IsEven), () => $"IsOddInteger({H(c)})");
                    foreach (MidpointRounding mode in Enum.GetValues<MidpointRounding>())
                    {
                        ulong rounded = PositCodec<T>.RoundToIntegral(c, mode);
                        BigInteger want = RoundRational(value, mode);
                        m.Check(Ref.Decode(rounded) is Rat got && got.ValueEquals(Rat.Of(want)), () => $"RoundToIntegral({H(c)}, {mode}) = {H(rounded)}, want {want}");
                    }
                }
            }

            // Order: codes as two's-complement integers order as values, NaR first.
            ulong[] byOrdinal = new ulong[count];
            for (ulong c = 0; c < count; c++)
            {
                byOrdinal[c] = c;
            }

            Array.Sort(byOrdinal, (a, b) => PositCodec<T>.CompareTo(a, b));
            m.Check(byOrdinal[0] == T.NaRCode, () => "NaR is not first");
            for (ulong i = 1; i < count; i++)
            {
                Rat current = Ref.Decode(byOrdinal[i])!.Value;
                if (previous is Rat p)
                {
                    m.Check(p.CompareTo(current) < 0, () => $"order at {H(byOrdinal[i])}");
                }

                previous = current;
                ulong a = byOrdinal[i - 1], b = byOrdinal[i];
                m.Check(PositCodec<T>.LessThan(a, b) && !PositCodec<T>.LessThan(b, a) && PositCodec<T>.LessThanOrEqual(a, a), () => $"LessThan({H(a)}, {H(b)})");
            }

            m.Assert();
        }

        public static BigInteger RoundRational(Rat x, MidpointRounding mode)
        {
            BigInteger t = PositReference.Truncate(x);
            Rat rest = x - Rat.Of(t);
            return mode switch
            {
                MidpointRounding.ToEven => PositReference.RoundHalfEven(x),
                MidpointRounding.AwayFromZero => rest.Abs().CompareTo(new Rat(1, 2)) >= 0 ? t + x.Sign : t,
                MidpointRounding.ToZero => t,
                MidpointRounding.ToNegativeInfinity => rest.Sign < 0 ? t - 1 : t,
                _ => rest.Sign > 0 ? t + 1 : t,
            };
        }

        /// <summary>Every triple for fused multiply-add (small formats only).</summary>
        public static void AllTriplesFma()
        {
            ulong count = Fmt<T>.Count;
            var m = new Mismatches($"{Fmt<T>.Name} fma");
            for (ulong a = 0; a < count; a++)
            {
                for (ulong b = 0; b < count; b++)
                {
                    for (ulong c = 0; c < count; c++)
                    {
                        ulong got = PositCodec<T>.FusedMultiplyAdd(a, b, c);
                        m.Check(IsRightFma(a, b, c, got), () => $"fma({H(a)}, {H(b)}, {H(c)}) = {H(got)}, want {H(Ref.FusedMultiplyAdd(a, b, c))}");
                    }
                }
            }

            m.Assert();
        }

        private static bool IsRightFma(ulong a, ulong b, ulong c, ulong got)
        {
            if (Ref.Decode(a) is not Rat x || Ref.Decode(b) is not Rat y || Ref.Decode(c) is not Rat z)
            {
                return got == T.NaRCode;
            }

            return Ref.IsCorrectRounding(x * y + z, got);
        }

        /// <summary>Random and boundary samples for every operation, checked against the rounding rule.</summary>
        public static void Samples(int perOperation, int seed)
        {
            var random = new Random(seed);
            var m = new Mismatches($"{Fmt<T>.Name} samples");
            for (int i = 0; i < perOperation; i++)
            {
                ulong a = Fmt<T>.Sample(random);
                ulong b = random.Next(8) switch
                {
                    // near-equal and near-opposite operands, for cancellation
                    0 => (a + (ulong)random.Next(-4, 5)) & T.CodeMask,
                    1 => Fmt<T>.Neg((a + (ulong)random.Next(-4, 5)) & T.CodeMask),
                    _ => Fmt<T>.Sample(random),
                };
                ulong c = Fmt<T>.Sample(random);
                CheckBinary(m, "+", a, b, PositCodec<T>.Add(a, b), (x, y) => x + y);
                CheckBinary(m, "+exact", a, b, PositCodec<T>.AddExact(a, b), (x, y) => x + y);
                CheckBinary(m, "-", a, b, PositCodec<T>.Subtract(a, b), (x, y) => x - y);
                CheckBinary(m, "*", a, b, PositCodec<T>.Multiply(a, b), (x, y) => x * y);
                CheckBinary(m, "*exact", a, b, PositCodec<T>.MultiplyExact(a, b), (x, y) => x * y);
                CheckBinary(m, "/", a, b, PositCodec<T>.Divide(a, b), (x, y) => x / y);
                CheckBinary(m, "/exact", a, b, PositCodec<T>.DivideExact(a, b), (x, y) => x / y);
                ulong s = PositCodec<T>.Sqrt(a), se = PositCodec<T>.SqrtExact(a);
                m.Check(IsRightSqrt(a, s) && IsRightSqrt(a, se), () => $"sqrt({H(a)}) = {H(s)} / exact {H(se)}");
                ulong f = PositCodec<T>.FusedMultiplyAdd(a, b, c);
                m.Check(IsRightFma(a, b, c, f), () => $"fma({H(a)}, {H(b)}, {H(c)}) = {H(f)}");
            }

            m.Assert();
        }

        private static bool IsRightSqrt(ulong a, ulong got)
        {
            if (Ref.Decode(a) is not Rat x || x.Sign < 0)
            {
                return got == T.NaRCode;
            }

            return x.IsZero ? got == 0 : Ref.IsCorrectRounding(false, r => (r * r).CompareTo(x), got);
        }

        private static void CheckBinary(Mismatches m, string op, ulong a, ulong b, ulong got, Func<Rat, Rat, Rat> exact)
        {
            m.Check(IsRightBinary(a, b, got, op, exact), () => $"{H(a)} {op} {H(b)} = {H(got)}");
        }

        private static bool IsRightBinary(ulong a, ulong b, ulong got, string op, Func<Rat, Rat, Rat> exact)
        {
            if (Ref.Decode(a) is not Rat x || Ref.Decode(b) is not Rat y || (op[0] == '/' && y.IsZero))
            {
                return got == T.NaRCode;
            }

            return Ref.IsCorrectRounding(exact(x, y), got);
        }

        /// <summary>Doubles at, next to and between every rounding boundary (midpoints), for formats exact in double.</summary>
        public static void DoubleConversionsAtBoundaries()
        {
            var m = new Mismatches($"{Fmt<T>.Name} FromDouble boundaries");
            for (ulong u = 1; u < T.MaxPosCode; u++)
            {
                Rat mid = Ref.MidpointAbove(u);
                double dm = (double)mid.N / (double)mid.D; // exact: midpoints have few bits and are in range
                foreach (double x in new[] { dm, Math.BitIncrement(dm), Math.BitDecrement(dm), Ref.DecodeDouble(u) })
                {
                    foreach (double signed in new[] { x, -x })
                    {
                        ulong got = PositCodec<T>.FromDouble(signed);
                        m.Check(Ref.IsCorrectRounding(Rat.FromDouble(signed), got), () => $"FromDouble({signed:R}) = {H(got)}");
                        m.Check(PositCodec<T>.FromSingle((float)signed) == (((double)(float)signed == signed) ? got : PositCodec<T>.FromDouble((float)signed)), () => $"FromSingle({(float)signed:R})");
                    }
                }
            }

            foreach (double special in new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity })
            {
                m.Check(PositCodec<T>.FromDouble(special) == T.NaRCode && PositCodec<T>.FromSingle((float)special) == T.NaRCode && PositCodec<T>.FromHalf((Half)special) == T.NaRCode, () => $"FromDouble({special})");
            }

            m.Check(PositCodec<T>.FromDouble(0.0) == 0 && PositCodec<T>.FromDouble(-0.0) == 0, () => "FromDouble(±0)");
            m.Check(PositCodec<T>.FromDouble(double.Epsilon) == 1 && PositCodec<T>.FromDouble(-double.Epsilon) == Fmt<T>.Neg(1), () => "subnormal -> ±minpos");
            m.Check(PositCodec<T>.FromDouble(double.MaxValue) == T.MaxPosCode && PositCodec<T>.FromDouble(double.MinValue) == Fmt<T>.Neg(T.MaxPosCode), () => "saturation at maxpos");
            m.Assert();
        }
    }
}
