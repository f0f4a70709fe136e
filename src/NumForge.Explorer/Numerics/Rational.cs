using System;
using System.Numerics;

namespace NumForge.Explorer.Numerics
{
    /// <summary>An exact rational number with a positive denominator, for comparing inputs with format values without rounding.</summary>
    internal readonly record struct Rational
    {
        public Rational(BigInteger numerator, BigInteger denominator)
        {
            if (denominator.IsZero)
            {
                throw new DivideByZeroException();
            }

            if (denominator.Sign < 0)
            {
                numerator = -numerator;
                denominator = -denominator;
            }

            BigInteger gcd = BigInteger.GreatestCommonDivisor(numerator, denominator);
            if (!gcd.IsOne && !gcd.IsZero)
            {
                numerator /= gcd;
                denominator /= gcd;
            }

            Numerator = numerator;
            Denominator = numerator.IsZero ? BigInteger.One : denominator;
        }

        public BigInteger Numerator { get; }

        public BigInteger Denominator { get; }

        public int Sign => Numerator.Sign;

        public bool IsZero => Numerator.IsZero;

        /// <summary>The exact value of a finite double.</summary>
        public static Rational FromDouble(double value)
        {
            if (!double.IsFinite(value))
            {
                throw new ArgumentOutOfRangeException(nameof(value), "Only finite doubles have an exact rational value.");
            }

            long bits = BitConverter.DoubleToInt64Bits(value);
            bool negative = bits < 0;
            int biased = (int)((bits >> 52) & 0x7FF);
            long fraction = bits & 0xF_FFFF_FFFF_FFFFL;
            long significand = biased == 0 ? fraction : fraction | (1L << 52);
            int exponent = (biased == 0 ? 1 : biased) - 1075;
            BigInteger numerator = negative ? -new BigInteger(significand) : new BigInteger(significand);
            return exponent >= 0
                ? new Rational(numerator << exponent, BigInteger.One)
                : new Rational(numerator, BigInteger.One << -exponent);
        }

        public static Rational operator -(Rational a, Rational b)
            => new(a.Numerator * b.Denominator - b.Numerator * a.Denominator, a.Denominator * b.Denominator);

        public static Rational operator /(Rational a, Rational b)
            => new(a.Numerator * b.Denominator, a.Denominator * b.Numerator);

        public int CompareTo(Rational other) => (Numerator * other.Denominator).CompareTo(other.Numerator * Denominator);

        public double ToDouble() => Rendering.FormatText.ToDouble(Numerator, Denominator);

        /// <summary>The value for display (see <see cref="Rendering.FormatText.Compact(BigInteger, BigInteger)"/>).</summary>
        public override string ToString() => Rendering.FormatText.Compact(Numerator, Denominator);
    }
}
