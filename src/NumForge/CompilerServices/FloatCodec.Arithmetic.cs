using System;
using System.Numerics;

namespace NumForge.CompilerServices
{
    // Correctly rounded arithmetic: the exact result, rounded once in the requested mode.
    //
    // Narrow formats (at most 26 significant bits, exponents well inside double's range) compute in double and
    // recover the sign of double's own rounding error exactly (TwoSum for sums, an FMA residual for quotients and
    // square roots; products are exact). A double plus the sign of its error pins the exact result between two
    // adjacent doubles, and no rounding boundary of a format with fewer than 53 significant bits lies strictly
    // between two adjacent doubles, so the one rounding in RoundDouble is the correct rounding of the exact result.
    // Wider formats fall back to exact BigInteger arithmetic. Zeros, infinities and NaNs take the double path
    // everywhere: double arithmetic on them is exact.
    public static partial class FloatCodec<TTraits>
    {
        /// <summary>Whether double arithmetic plus an error term is exact for this format (see the file comment).</summary>
        private static bool DoubleIsExact =>
            TTraits.MantissaBits <= 25
            && TTraits.MinNormalExponent - TTraits.MantissaBits >= -480
            && TTraits.MaxExponent <= 480;

        /// <summary>x + y, correctly rounded.</summary>
        public static ulong Add(ulong x, ulong y, MidpointRounding mode = MidpointRounding.ToEven)
            => IsNaN(x) || IsNaN(y) ? PropagateNaN(x, y) : Sum(ToDouble(x), ToDouble(y), mode);

        /// <summary>x - y, correctly rounded.</summary>
        public static ulong Subtract(ulong x, ulong y, MidpointRounding mode = MidpointRounding.ToEven)
            => IsNaN(x) || IsNaN(y) ? PropagateNaN(x, y) : Sum(ToDouble(x), -ToDouble(y), mode);

        /// <summary>x × y, correctly rounded.</summary>
        public static ulong Multiply(ulong x, ulong y, MidpointRounding mode = MidpointRounding.ToEven)
        {
            if (IsNaN(x) || IsNaN(y))
            {
                return PropagateNaN(x, y);
            }

            double a = ToDouble(x);
            double b = ToDouble(y);
            if (DoubleIsExact || IsSpecial(a) || IsSpecial(b))
            {
                return RoundDouble(a * b, 0, mode);
            }

            Decompose(a, out bool na, out BigInteger ma, out int ea);
            Decompose(b, out bool nb, out BigInteger mb, out int eb);
            return FromBigInteger(na != nb, ma * mb, (long)ea + eb, false, mode, saturate: false);
        }

        /// <summary>x ÷ y, correctly rounded.</summary>
        public static ulong Divide(ulong x, ulong y, MidpointRounding mode = MidpointRounding.ToEven)
        {
            if (IsNaN(x) || IsNaN(y))
            {
                return PropagateNaN(x, y);
            }

            double a = ToDouble(x);
            double b = ToDouble(y);
            if (IsSpecial(a) || IsSpecial(b))
            {
                return RoundDouble(a / b, 0, mode);
            }

            if (DoubleIsExact)
            {
                // The residual a - q·b is exact (an FMA, no underflow here); its sign and b's give the error's sign.
                double q = a / b;
                double residual = Math.FusedMultiplyAdd(-q, b, a);
                return RoundDouble(q, Math.Sign(residual) * Math.Sign(b), mode);
            }

            Decompose(a, out bool na, out BigInteger ma, out int ea);
            Decompose(b, out bool nb, out BigInteger mb, out int eb);
            return FromRational(na != nb, ma, mb, ea - eb, mode, saturate: false);
        }

        /// <summary>The remainder of truncated division (C#'s %): exact, so no rounding happens.</summary>
        public static ulong Remainder(ulong x, ulong y)
            => IsNaN(x) || IsNaN(y) ? PropagateNaN(x, y) : RoundDouble(ToDouble(x) % ToDouble(y), 0, MidpointRounding.ToEven);

        /// <summary>√x, correctly rounded.</summary>
        public static ulong Sqrt(ulong x, MidpointRounding mode = MidpointRounding.ToEven)
        {
            if (IsNaN(x))
            {
                return PropagateNaN(x, x);
            }

            double a = ToDouble(x);
            if (IsSpecial(a) || a < 0)
            {
                return RoundDouble(Math.Sqrt(a), 0, mode);
            }

            if (DoubleIsExact)
            {
                // a - q² is exact; it is positive exactly when the true root exceeds q.
                double q = Math.Sqrt(a);
                return RoundDouble(q, Math.Sign(Math.FusedMultiplyAdd(-q, q, a)), mode);
            }

            // Exact integer square root of a significand widened to an even exponent and at least 132 bits.
            Decompose(a, out _, out BigInteger m, out int e);
            long widen = Math.Max(0, 132 - (long)m.GetBitLength());
            if (((e - widen) & 1) != 0)
            {
                widen++;
            }

            BigInteger n = m << (int)widen;
            BigInteger root = IntegerSqrt(n);
            return FromBigInteger(false, root, (e - widen) / 2, root * root != n, mode, saturate: false);
        }

        /// <summary>(x × y) + z with a single rounding.</summary>
        public static ulong FusedMultiplyAdd(ulong x, ulong y, ulong z, MidpointRounding mode = MidpointRounding.ToEven)
        {
            if (IsNaN(x) || IsNaN(y) || IsNaN(z))
            {
                return IsNaN(x) || IsNaN(y) ? PropagateNaN(x, y) : PropagateNaN(z, z);
            }

            double a = ToDouble(x);
            double b = ToDouble(y);
            double c = ToDouble(z);
            if (double.IsInfinity(c) && double.IsFinite(a) && double.IsFinite(b))
            {
                // A finite product plus ±infinity is that infinity, even where the product would overflow a double.
                return RoundDouble(c, 0, mode);
            }

            if (IsSpecial(a) || IsSpecial(b) || !double.IsFinite(c))
            {
                // The product is 0, ±infinity or NaN: exact in double, and so is the sum.
                return Sum(a * b, c, mode);
            }

            if (DoubleIsExact)
            {
                // a·b is exact (at most 52 significant bits), so this is an exact two-term sum.
                return Sum(a * b, c, mode);
            }

            Decompose(a, out bool na, out BigInteger ma, out int ea);
            Decompose(b, out bool nb, out BigInteger mb, out int eb);
            bool productNegative = na != nb;
            BigInteger product = ma * mb;
            int productExponent = ea + eb;
            if (c == 0)
            {
                return FromBigInteger(productNegative, product, productExponent, false, mode, saturate: false);
            }

            Decompose(c, out bool nc, out BigInteger mc, out int ec);
            return ExactSum(productNegative, product, productExponent, nc, mc, ec, mode);
        }

        /// <summary>a + b for doubles holding format values (or exact products of them), rounded once.</summary>
        private static ulong Sum(double a, double b, MidpointRounding mode)
        {
            double s = a + b;
            if (s == 0)
            {
                // An exact zero sum is +0, except -0 + -0; rounding toward -infinity makes every exact zero sum -0 but +0 + +0.
                bool bothPositiveZeros = a == 0 && b == 0 && !double.IsNegative(a) && !double.IsNegative(b);
                if (mode == MidpointRounding.ToNegativeInfinity && !bothPositiveZeros)
                {
                    s = -0.0;
                }

                return RoundDouble(s, 0, mode);
            }

            if (!double.IsFinite(s) && double.IsFinite(a) && double.IsFinite(b))
            {
                // The double sum overflowed (only formats reaching double's top binade): add exactly instead.
                Decompose(a, out bool na, out BigInteger ma, out int ea);
                Decompose(b, out bool nb, out BigInteger mb, out int eb);
                return ExactSum(na, ma, ea, nb, mb, eb, mode);
            }

            if (!DoubleIsExact && !IsSpecial(a) && !IsSpecial(b) && !IsExactDoubleSumEnough)
            {
                Decompose(a, out bool na, out BigInteger ma, out int ea);
                Decompose(b, out bool nb, out BigInteger mb, out int eb);
                return ExactSum(na, ma, ea, nb, mb, eb, mode);
            }

            // TwoSum (Knuth): err is exactly (a + b) - s.
            double bVirtual = s - a;
            double err = (a - (s - bVirtual)) + (b - bVirtual);
            return RoundDouble(s, double.IsFinite(err) ? Math.Sign(err) : 0, mode);
        }

        /// <summary>
        /// TwoSum is exact for any doubles, and the final rounding is exact when the format's rounding boundaries are
        /// doubles: at most 52 significant bits and a smallest quantum of at least 2^-1073.
        /// </summary>
        private static bool IsExactDoubleSumEnough => TTraits.MantissaBits <= 51 && TTraits.MinNormalExponent - TTraits.MantissaBits >= -1073;

        private static ulong ExactSum(bool na, BigInteger ma, int ea, bool nb, BigInteger mb, int eb, MidpointRounding mode)
        {
            int e = Math.Min(ea, eb);
            BigInteger a = ma << (ea - e);
            BigInteger b = mb << (eb - e);
            BigInteger sum = (na ? -a : a) + (nb ? -b : b);
            if (sum.IsZero)
            {
                return Zero(mode == MidpointRounding.ToNegativeInfinity, saturate: false);
            }

            return FromBigInteger(sum.Sign < 0, BigInteger.Abs(sum), e, false, mode, saturate: false);
        }

        /// <summary>
        /// Rounds a double that is either exact or the nearest double to the true result, whose error relative to it has
        /// the sign <paramref name="errorSign"/> (true result minus the double).
        /// </summary>
        private static ulong RoundDouble(double value, int errorSign, MidpointRounding mode)
        {
            if (double.IsNaN(value))
            {
                // An invalid operation (0 × ∞, ∞ - ∞, 0 / 0, √-1): the format's default NaN, whatever sign the
                // processor gave the double NaN.
                return SignedNaN(false);
            }

            if (errorSign == 0 || !double.IsFinite(value) || value == 0)
            {
                return FromDouble(value, mode, saturate: false);
            }

            ulong bits = BitConverter.DoubleToUInt64Bits(value);
            bool negative = (long)bits < 0;
            int biased = (int)(bits >> 52) & 0x7FF;
            ulong fraction = bits & 0xF_FFFF_FFFF_FFFFUL;
            ulong significand = biased == 0 ? fraction : fraction | (1UL << 52);
            int exponent = biased == 0 ? -1022 : biased - 1023;
            int leadingZeros = BitOperations.LeadingZeroCount(significand);
            exponent -= leadingZeros - 11;
            significand <<= leadingZeros;

            // The true magnitude lies strictly between |value| and the next double away from (or toward) zero.
            // Away: the sticky bit says so. Toward: one unit less at bit 0, plus sticky, lies in the same gap.
            bool largerMagnitude = (errorSign > 0) != negative;
            if (!largerMagnitude)
            {
                significand--;
                if ((long)significand >= 0)
                {
                    // Was exactly a power of two: renormalise.
                    significand = (significand << 1) | 1;
                    exponent--;
                }
            }

            return RoundPack(negative, exponent, significand, sticky: true, mode, saturate: false);
        }

        /// <summary>
        /// The NaN an operation with a NaN operand gives: the canonical NaN with the sign of the first NaN operand. Chosen
        /// here rather than left to the processor, whose NaN propagation (and the JIT's operand order) varies.
        /// </summary>
        private static ulong PropagateNaN(ulong x, ulong y) => SignedNaN(IsNegative(IsNaN(x) ? x : y));

        private static bool IsSpecial(double value) => value == 0 || !double.IsFinite(value);

        /// <summary>Splits a finite nonzero double into sign, integer significand and exponent: value = ±m × 2^e.</summary>
        private static void Decompose(double value, out bool negative, out BigInteger significand, out int exponent)
        {
            ulong bits = BitConverter.DoubleToUInt64Bits(value);
            negative = (long)bits < 0;
            int biased = (int)(bits >> 52) & 0x7FF;
            ulong fraction = bits & 0xF_FFFF_FFFF_FFFFUL;
            significand = biased == 0 ? fraction : fraction | (1UL << 52);
            exponent = (biased == 0 ? 1 : biased) - 1075;
        }

        /// <summary>floor(√n) by Newton's method from an overestimate.</summary>
        private static BigInteger IntegerSqrt(BigInteger n)
        {
            if (n.IsZero)
            {
                return n;
            }

            BigInteger x = BigInteger.One << (int)((n.GetBitLength() + 1) / 2);
            while (true)
            {
                BigInteger y = (x + n / x) >> 1;
                if (y >= x)
                {
                    return x;
                }

                x = y;
            }
        }

        // ---------------------------------------------------------------- comparison and neighbours

        /// <summary>IEEE equality: NaN equals nothing, +0 equals -0.</summary>
        public static bool Equal(ulong x, ulong y) => ToDouble(x) == ToDouble(y);

        /// <summary>IEEE x &lt; y (false when either is NaN).</summary>
        public static bool LessThan(ulong x, ulong y) => ToDouble(x) < ToDouble(y);

        /// <summary>IEEE x &lt;= y (false when either is NaN).</summary>
        public static bool LessThanOrEqual(ulong x, ulong y) => ToDouble(x) <= ToDouble(y);

        /// <summary>Total order of <see cref="IComparable"/>: NaN first (and equal to NaN), then by value; -0 equals +0.</summary>
        public static int CompareTo(ulong x, ulong y) => ToDouble(x).CompareTo(ToDouble(y));

        /// <summary>The smallest value greater than x (NaN stays NaN; +infinity stays).</summary>
        public static ulong BitIncrement(ulong x)
        {
            double value = ToDouble(x);
            if (double.IsNaN(value) || double.IsPositiveInfinity(value))
            {
                return x;
            }

            return FromDouble(Math.BitIncrement(value), MidpointRounding.ToPositiveInfinity, saturate: false);
        }

        /// <summary>The largest value less than x (NaN stays NaN; -infinity stays).</summary>
        public static ulong BitDecrement(ulong x)
        {
            double value = ToDouble(x);
            if (double.IsNaN(value) || double.IsNegativeInfinity(value))
            {
                return x;
            }

            return FromDouble(Math.BitDecrement(value), MidpointRounding.ToNegativeInfinity, saturate: false);
        }
    }
}
