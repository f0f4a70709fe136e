using System;
using System.Numerics;

namespace NumForge.Tests.Support
{
    /// <summary>An exact rational number num/den (den &gt; 0), for the reference. Plain and slow on purpose.</summary>
    public readonly struct Rational : IComparable<Rational>, IEquatable<Rational>
    {
        public Rational(BigInteger numerator, BigInteger denominator)
        {
            if (denominator.IsZero)
            {
                throw new DivideByZeroException("Rational with a zero denominator.");
            }

            if (denominator.Sign < 0)
            {
                numerator = -numerator;
                denominator = -denominator;
            }

            BigInteger g = BigInteger.GreatestCommonDivisor(numerator, denominator);
            if (!g.IsOne && !g.IsZero)
            {
                numerator /= g;
                denominator /= g;
            }

            _num = numerator;
            _den = numerator.IsZero ? BigInteger.One : denominator;
        }

        private readonly BigInteger _num;
        private readonly BigInteger _den;

        public BigInteger Num => _num;

        /// <summary>The denominator (1 for <c>default</c>, which is zero).</summary>
        public BigInteger Den => _den.IsZero ? BigInteger.One : _den;

        public static Rational Zero => new(BigInteger.Zero, BigInteger.One);

        public static Rational One => new(BigInteger.One, BigInteger.One);

        public int Sign => Num.Sign;

        public bool IsZero => Num.IsZero;

        /// <summary>2^e exactly.</summary>
        public static Rational Pow2(int e) => e >= 0 ? new Rational(BigInteger.One << e, BigInteger.One) : new Rational(BigInteger.One, BigInteger.One << -e);

        /// <summary>The exact value of a finite double.</summary>
        public static Rational FromDouble(double value)
        {
            if (!double.IsFinite(value))
            {
                throw new ArgumentException($"{value} is not finite.", nameof(value));
            }

            long bits = BitConverter.DoubleToInt64Bits(value);
            bool negative = bits < 0;
            int biased = (int)((bits >> 52) & 0x7FF);
            long fraction = bits & 0xF_FFFF_FFFF_FFFFL;
            long significand = biased == 0 ? fraction : fraction | (1L << 52);
            int exponent = (biased == 0 ? 1 : biased) - 1075;
            Rational r = new Rational(significand, BigInteger.One) * Pow2(exponent);
            return negative ? -r : r;
        }

        /// <summary>The double equal to this value; throws unless it is exactly a double.</summary>
        public double ToExactDouble()
        {
            BigInteger den = Den;
            BigInteger magnitude = BigInteger.Abs(Num);
            long significantBits = magnitude.IsZero ? 0 : magnitude.GetBitLength() - (long)BigInteger.TrailingZeroCount(magnitude);
            if (!(den & (den - 1)).IsZero || significantBits > 53)
            {
                throw new InvalidOperationException($"{this} is not exactly a double.");
            }

            double d = Math.ScaleB((double)Num, -(int)(den.GetBitLength() - 1));
            if (!double.IsFinite(d) || FromDouble(d) != this)
            {
                throw new InvalidOperationException($"{this} is not exactly a double.");
            }

            return d;
        }

        public static Rational operator -(Rational a) => new(-a.Num, a.Den);

        public static Rational operator +(Rational a, Rational b) => new(a.Num * b.Den + b.Num * a.Den, a.Den * b.Den);

        public static Rational operator -(Rational a, Rational b) => new(a.Num * b.Den - b.Num * a.Den, a.Den * b.Den);

        public static Rational operator *(Rational a, Rational b) => new(a.Num * b.Num, a.Den * b.Den);

        public static Rational operator /(Rational a, Rational b) => new(a.Num * b.Den, a.Den * b.Num);

        public static Rational Abs(Rational a) => a.Sign < 0 ? -a : a;

        public int CompareTo(Rational other) => (Num * other.Den).CompareTo(other.Num * Den);

        public bool Equals(Rational other) => Num == other.Num && Den == other.Den;

        public override bool Equals(object? obj) => obj is Rational r && Equals(r);

        public override int GetHashCode() => HashCode.Combine(Num, Den);

        public static bool operator ==(Rational a, Rational b) => a.Equals(b);

        public static bool operator !=(Rational a, Rational b) => !a.Equals(b);

        public static bool operator <(Rational a, Rational b) => a.CompareTo(b) < 0;

        public static bool operator >(Rational a, Rational b) => a.CompareTo(b) > 0;

        public static bool operator <=(Rational a, Rational b) => a.CompareTo(b) <= 0;

        public static bool operator >=(Rational a, Rational b) => a.CompareTo(b) >= 0;

        public override string ToString() => Den.IsOne ? Num.ToString() : $"{Num}/{Den}";
    }
}
