using System;
using System.Numerics;

namespace NumForge.Tests.Posits
{
    /// <summary>An exact rational N/D with D &gt; 0 (not reduced; compared by cross-multiplication). Plain and slow on purpose.</summary>
    public readonly record struct Rat(BigInteger N, BigInteger D) : IComparable<Rat>
    {
        public static Rat Zero => new(0, 1);

        public static Rat Of(BigInteger n) => new(n, 1);

        public static Rat Pow2(int e) => e >= 0 ? new Rat(BigInteger.One << e, 1) : new Rat(1, BigInteger.One << -e);

        public int Sign => N.Sign;

        public bool IsZero => N.IsZero;

        public static Rat operator +(Rat a, Rat b) => new(a.N * b.D + b.N * a.D, a.D * b.D);

        public static Rat operator -(Rat a, Rat b) => new(a.N * b.D - b.N * a.D, a.D * b.D);

        public static Rat operator -(Rat a) => new(-a.N, a.D);

        public static Rat operator *(Rat a, Rat b) => new(a.N * b.N, a.D * b.D);

        public static Rat operator /(Rat a, Rat b) => b.N.Sign < 0 ? new Rat(-a.N * b.D, -b.N * a.D) : new Rat(a.N * b.D, b.N * a.D);

        public Rat Abs() => new(BigInteger.Abs(N), D);

        public int CompareTo(Rat other) => (N * other.D).CompareTo(other.N * D);

        public bool ValueEquals(Rat other) => CompareTo(other) == 0;

        /// <summary>The exact value of a finite double.</summary>
        public static Rat FromDouble(double value)
        {
            long bits = BitConverter.DoubleToInt64Bits(value);
            bool negative = bits < 0;
            int biased = (int)((bits >> 52) & 0x7FF);
            long mantissa = bits & 0xF_FFFF_FFFF_FFFFL;
            if (biased != 0)
            {
                mantissa |= 1L << 52;
            }

            Rat r = new Rat(mantissa, 1) * Pow2((biased == 0 ? 1 : biased) - 1075);
            return negative ? -r : r;
        }

        public override string ToString() => $"{N}/{D}";
    }

    /// <summary>
    /// The posit&lt;n, es&gt; reference, written from the Posit Standard 2022's text (es generalised), independent of the
    /// kernels: decoding with the standard's closed formula x = ((1 - 3s) + f) × 2^((1 - 2s) × (2^es × r + e + s)) applied
    /// to the raw bits (no two's-complement step), and rounding by its section 4.1 rule: a nonzero real never rounds to 0
    /// or NaR, |x| &gt;= maxpos gives ±maxpos, |x| &lt;= minpos gives ±minpos, and otherwise x rounds to the nearer of its
    /// two neighbouring posits u &lt; v, where "nearer" is decided against the (n+1)-bit posit between them (the bit
    /// string of u followed by a 1), ties going to the one whose last bit is 0.
    /// </summary>
    public sealed class PositReference
    {
        private readonly Rat?[]? _cache;
        private readonly PositReference? _wider;

        public PositReference(int n, int es, bool cache = true, bool withMidpoints = true)
        {
            Bits = n;
            ExponentBits = es;
            Mask = n == 64 ? ulong.MaxValue : (1UL << n) - 1;
            NaR = 1UL << (n - 1);
            MaxPos = NaR - 1;
            if (cache && n <= 16)
            {
                _cache = new Rat?[1 << n];
                for (ulong c = 0; c < (1UL << n); c++)
                {
                    _cache[c] = DecodeFormula(c);
                }
            }

            if (n < 64 && withMidpoints)
            {
                _wider = new PositReference(n + 1, es, cache: cache && n + 1 <= 16, withMidpoints: false);
            }
        }

        public int Bits { get; }

        public int ExponentBits { get; }

        public ulong Mask { get; }

        public ulong NaR { get; }

        public ulong MaxPos { get; }

        /// <summary>The exact value of a code, or null for NaR.</summary>
        public Rat? Decode(ulong code) => _cache != null ? _cache[code & Mask] : DecodeFormula(code & Mask);

        private Rat? DecodeFormula(ulong code)
        {
            int n = Bits;
            if (code == 0)
            {
                return Rat.Zero;
            }

            if (code == NaR)
            {
                return null;
            }

            int s = (int)(code >> (n - 1)) & 1;
            int rest = n - 1;                       // bits after the sign
            int bit(int i) => (int)(code >> i) & 1;   // i counts from 0 (least significant)
            int position = rest - 1;
            int r0 = bit(position);
            int m = 0;
            while (position >= 0 && bit(position) == r0)
            {
                m++;
                position--;
            }

            int r = r0 == 1 ? m - 1 : -m;
            position--;                            // the terminating bit, if any
            int remaining = Math.Max(0, position + 1);
            ulong tail = remaining == 0 ? 0 : code & ((1UL << remaining) - 1);
            int es = ExponentBits;
            BigInteger e;
            int fractionBits;
            BigInteger fraction;
            if (remaining >= es)
            {
                e = (BigInteger)(tail >> (remaining - es));
                fractionBits = remaining - es;
                fraction = fractionBits == 0 ? 0 : (BigInteger)(tail & ((1UL << fractionBits) - 1));
            }
            else
            {
                e = (BigInteger)tail << (es - remaining);  // missing exponent bits are 0
                fractionBits = 0;
                fraction = 0;
            }

            Rat f = new(fraction, BigInteger.One << fractionBits);
            int exponent = (1 - 2 * s) * ((1 << es) * r + (int)e + s);
            return (Rat.Of(1 - 3 * s) + f) * Rat.Pow2(exponent);
        }

        /// <summary>The posit the standard's rounding gives for the exact value x.</summary>
        public ulong Encode(Rat x) => x.IsZero ? 0 : EncodeBy(x.Sign < 0, y => y.CompareTo(x.Abs()));

        /// <summary>The correctly rounded square root of a (NaR for negative a).</summary>
        public ulong Sqrt(Rat a)
        {
            if (a.Sign < 0)
            {
                return NaR;
            }

            return a.IsZero ? 0 : EncodeBy(false, y => (y * y).CompareTo(a));
        }

        /// <summary>
        /// Rounds a nonzero value given only by comparisons: compareMagnitude(y) is the sign of y - |x| for a positive
        /// rational y.
        /// </summary>
        public ulong EncodeBy(bool negative, Func<Rat, int> compareMagnitude)
        {
            ulong code;
            if (compareMagnitude(Decode(MaxPos)!.Value) <= 0)
            {
                code = MaxPos;
            }
            else if (compareMagnitude(Decode(1)!.Value) >= 0)
            {
                code = 1;
            }
            else
            {
                // Largest u with value(u) <= |x| (positive codes order as their values).
                ulong lo = 1, hi = MaxPos;           // value(lo) < |x| < value(hi)
                while (hi - lo > 1)
                {
                    ulong mid = lo + (hi - lo) / 2;
                    if (compareMagnitude(Decode(mid)!.Value) <= 0)
                    {
                        lo = mid;
                    }
                    else
                    {
                        hi = mid;
                    }
                }

                ulong u = lo;
                int atU = compareMagnitude(Decode(u)!.Value);
                if (atU == 0)
                {
                    code = u;
                }
                else
                {
                    Rat midpoint = MidpointAbove(u);
                    int c = compareMagnitude(midpoint);
                    code = c > 0 ? u : c < 0 ? u + 1 : ((u & 1) == 0 ? u : u + 1);
                }
            }

            return negative ? (0UL - code) & Mask : code;
        }

        /// <summary>
        /// Whether <paramref name="code"/> is what the rounding rule gives for the nonzero value described by
        /// <paramref name="negative"/> and <paramref name="compareMagnitude"/> (sign of y - |x|): the same rule as
        /// <see cref="EncodeBy"/>, checked from the candidate's two neighbouring midpoints instead of searched for,
        /// so that wide formats can be checked quickly.
        /// </summary>
        public bool IsCorrectRounding(bool negative, Func<Rat, int> compareMagnitude, ulong code)
        {
            code &= Mask;
            if (code == 0 || code == NaR || (code > NaR) != negative)
            {
                return false;
            }

            ulong m = negative ? (0UL - code) & Mask : code;
            if (m > 1)
            {
                int c = compareMagnitude(MidpointAbove(m - 1));   // sign of midBelow - |x|
                if (c > 0 || (c == 0 && (m & 1) != 0))
                {
                    return false;
                }
            }

            if (m < MaxPos)
            {
                int c = compareMagnitude(MidpointAbove(m));       // sign of midAbove - |x|
                if (c < 0 || (c == 0 && (m & 1) != 0))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The value of a code as a double (exact for the formats this is used with).</summary>
        public double DecodeDouble(ulong code)
        {
            Rat x = Decode(code)!.Value;
            return (double)x.N / (double)x.D;
        }

        /// <summary>Whether d is x rounded to nearest-even double (for formats whose values are not all doubles).</summary>
        public bool IsCorrectRoundingToDouble(Rat x, double d)
        {
            if (!double.IsFinite(d))
            {
                return false;
            }

            Rat dr = Rat.FromDouble(d);
            Rat up = Rat.FromDouble(Math.BitIncrement(d)) - dr;
            Rat down = dr - Rat.FromDouble(Math.BitDecrement(d));
            Rat error = x - dr;
            int cu = (error * Rat.Of(2)).CompareTo(up);
            int cd = (-error * Rat.Of(2)).CompareTo(down);
            bool even = (BitConverter.DoubleToInt64Bits(d) & 1) == 0;
            return (cu < 0 || (cu == 0 && even)) && (cd < 0 || (cd == 0 && even));
        }

        /// <summary>Whether <paramref name="code"/> is the correct rounding of the exact value x.</summary>
        public bool IsCorrectRounding(Rat x, ulong code) => x.IsZero ? code == 0 : IsCorrectRounding(x.Sign < 0, y => y.CompareTo(x.Abs()), code);

        /// <summary>The value of the (n+1)-bit posit whose bits are u's followed by a 1.</summary>
        public Rat MidpointAbove(ulong u)
        {
            if (_wider != null)
            {
                return _wider.Decode((u << 1) | 1)!.Value;
            }

            // n = 64: decode the 65-bit string directly with the same formula (positive, so no sign handling).
            return Decode65((u << 1) | 1);
        }

        private Rat Decode65(ulong low64)
        {
            // Bits after the sign (64 of them) are exactly low64, sign 0.
            int position = 63;
            int r0 = (int)(low64 >> 63) & 1;
            int m = 0;
            while (position >= 0 && ((int)(low64 >> position) & 1) == r0)
            {
                m++;
                position--;
            }

            int r = r0 == 1 ? m - 1 : -m;
            position--;
            int remaining = Math.Max(0, position + 1);
            ulong tail = remaining == 0 ? 0 : remaining == 64 ? low64 : low64 & ((1UL << remaining) - 1);
            int es = ExponentBits;
            BigInteger e;
            int fractionBits;
            BigInteger fraction;
            if (remaining >= es)
            {
                e = (BigInteger)(tail >> (remaining - es));
                fractionBits = remaining - es;
                fraction = fractionBits == 0 ? 0 : (BigInteger)(tail & ((1UL << fractionBits) - 1));
            }
            else
            {
                e = (BigInteger)tail << (es - remaining);
                fractionBits = 0;
                fraction = 0;
            }

            return (Rat.Of(1) + new Rat(fraction, BigInteger.One << fractionBits)) * Rat.Pow2((1 << es) * r + (int)e);
        }

        public ulong Add(ulong a, ulong b) => Binary(a, b, (x, y) => x + y);

        public ulong Subtract(ulong a, ulong b) => Binary(a, b, (x, y) => x - y);

        public ulong Multiply(ulong a, ulong b) => Binary(a, b, (x, y) => x * y);

        public ulong Divide(ulong a, ulong b)
        {
            Rat? y = Decode(b);
            if (y is { IsZero: true })
            {
                return NaR;
            }

            return Binary(a, b, (p, q) => p / q);
        }

        public ulong Sqrt(ulong a) => Decode(a) is Rat x ? Sqrt(x) : NaR;

        public ulong FusedMultiplyAdd(ulong a, ulong b, ulong c)
        {
            if (Decode(a) is not Rat x || Decode(b) is not Rat y || Decode(c) is not Rat z)
            {
                return NaR;
            }

            return Encode(x * y + z);
        }

        private ulong Binary(ulong a, ulong b, Func<Rat, Rat, Rat> op)
        {
            if (Decode(a) is not Rat x || Decode(b) is not Rat y)
            {
                return NaR;
            }

            return Encode(op(x, y));
        }

        /// <summary>Round-to-nearest-even integer of a rational (ties to even), as a BigInteger.</summary>
        public static BigInteger RoundHalfEven(Rat x)
        {
            BigInteger q = BigInteger.DivRem(BigInteger.Abs(x.N), x.D, out BigInteger r);
            BigInteger twice = r * 2;
            if (twice > x.D || (twice == x.D && !q.IsEven))
            {
                q += 1;
            }

            return x.N.Sign < 0 ? -q : q;
        }

        /// <summary>Truncation toward zero of a rational.</summary>
        public static BigInteger Truncate(Rat x) => BigInteger.Divide(x.N, x.D);
    }
}
