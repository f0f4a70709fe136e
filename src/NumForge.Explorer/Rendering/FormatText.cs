using System;
using System.Globalization;
using System.Numerics;

namespace NumForge.Explorer.Rendering
{
    /// <summary>How the tool writes numbers and codes: invariant culture throughout, one style everywhere.</summary>
    internal static class FormatText
    {
        private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

        /// <summary>
        /// A value as the shortest string that round-trips (<c>448</c>, <c>0.015625</c>, <c>3.3895313892515355E+38</c>).
        /// Every value of a format is a double, so this names the value exactly. Integers of 16 to 20 digits, which the
        /// shortest string would end in zeros that are not theirs, are written in full (2^56 as <c>72057594037927936</c>).
        /// </summary>
        public static string Exact(double value) => value switch
        {
            double.PositiveInfinity => "inf",
            double.NegativeInfinity => "-inf",
            _ when double.IsNaN(value) => "NaN",
            0.0 when double.IsNegative(value) => "-0",
            _ when Math.Abs(value) >= 1e15 && Math.Abs(value) < 18446744073709551616.0 && Math.Floor(value) == value
                => new BigInteger(value).ToString(Invariant),
            _ => value.ToString("R", Invariant),
        };

        /// <summary>
        /// A value for a table column that should show it in full when it is an integer (posits' maxpos 2^56 as
        /// <c>72057594037927936</c>), otherwise as <see cref="Compact(double)"/>.
        /// </summary>
        public static string CompactOrInteger(double value)
            => double.IsFinite(value) && Math.Abs(value) < 18446744073709551616.0 && Math.Floor(value) == value ? Exact(value) : Compact(value);

        /// <summary>
        /// A value for tables: the shortest round-trip string when it is short (<c>448</c>, <c>0.001953125</c>),
        /// otherwise eight significant digits in scientific notation (<c>3.3895314E+38</c>, <c>1.5258789E-05</c>).
        /// </summary>
        public static string Compact(double value)
        {
            string exact = Exact(value);
            if (!double.IsFinite(value) || value == 0 || (exact.Length <= 12 && !exact.Contains('E', StringComparison.Ordinal)))
            {
                return exact;
            }

            return value.ToString("0.0######E+00", Invariant);
        }

        /// <summary>A value followed by its power of two when it is one, e.g. <c>0.015625 (2^-6)</c>.</summary>
        /// <param name="value">The value.</param>
        /// <param name="exact">Whether to write the value with <see cref="Exact"/> rather than <see cref="Compact(double)"/>.</param>
        public static string WithPowerOfTwo(double value, bool exact = false)
        {
            string text = exact ? Exact(value) : Compact(value);
            return PowerOfTwo(value) is string power ? $"{text} ({power})" : text;
        }

        /// <summary><c>2^k</c> when <paramref name="value"/> is a positive power of two, otherwise <see langword="null"/>.</summary>
        public static string? PowerOfTwo(double value)
        {
            if (!double.IsFinite(value) || value <= 0)
            {
                return null;
            }

            int exponent = Math.ILogB(value);
            return Math.ScaleB(1.0, exponent) == value ? "2^" + exponent.ToString(Invariant) : null;
        }

        /// <summary>An integer in invariant culture.</summary>
        public static string Int(long value) => value.ToString(Invariant);

        /// <summary>A code in hex with as many digits as the format's width needs, e.g. <c>0x7E</c> for 8 bits, <c>0x3F80</c> for 16.</summary>
        public static string Hex(ulong code, int bits)
        {
            int digits = Math.Max(1, (bits + 3) / 4);
            return "0x" + code.ToString("X" + digits.ToString(Invariant), Invariant);
        }

        /// <summary>The low <paramref name="width"/> bits of <paramref name="value"/> as 0s and 1s, most significant first.</summary>
        public static string Binary(ulong value, int width)
        {
            var chars = new char[width];
            for (int i = 0; i < width; i++)
            {
                chars[i] = ((value >> (width - 1 - i)) & 1) != 0 ? '1' : '0';
            }

            return new string(chars);
        }

        /// <summary>An exact rational rounded once to the nearest double (ties to even); ±0 or ±infinity outside double's range.</summary>
        public static double ToDouble(BigInteger numerator, BigInteger denominator)
        {
            if (denominator.Sign < 0)
            {
                numerator = -numerator;
                denominator = -denominator;
            }

            if (numerator.IsZero)
            {
                return 0;
            }

            bool negative = numerator.Sign < 0;
            BigInteger magnitude = BigInteger.Abs(numerator);

            // A quotient of 63 or 64 bits, with a nonzero remainder folded into its lowest bit as a sticky bit, converts to
            // double with one correct rounding; then scale back by the same power of two.
            long shift = 63 - (long)(magnitude.GetBitLength() - denominator.GetBitLength());
            BigInteger remainder;
            BigInteger quotient = shift >= 0
                ? BigInteger.DivRem(magnitude << (int)Math.Min(shift, int.MaxValue), denominator, out remainder)
                : BigInteger.DivRem(magnitude, denominator << (int)Math.Min(-shift, int.MaxValue), out remainder);
            ulong bits = (ulong)quotient | (remainder.IsZero ? 0UL : 1UL);
            double result = Math.ScaleB((double)bits, (int)Math.Clamp(-shift, -100_000, 100_000));
            return negative ? -result : result;
        }

        /// <summary>
        /// An exact rational for display: <see cref="Compact(double)"/> of its nearest double, or eight significant digits in
        /// scientific notation when it is beyond double's range (<c>1.0E-400</c>).
        /// </summary>
        public static string Compact(BigInteger numerator, BigInteger denominator)
        {
            double value = ToDouble(numerator, denominator);
            if (double.IsFinite(value) && (value != 0 || numerator.IsZero))
            {
                return Compact(value);
            }

            // Scale to 8 significant digits with integer arithmetic: q = |n/d| × 10^-(k-7), with k = floor(log10 |n/d|).
            BigInteger magnitude = BigInteger.Abs(numerator);
            BigInteger den = BigInteger.Abs(denominator);
            int k = (int)Math.Floor(BigInteger.Log10(magnitude) - BigInteger.Log10(den));
            BigInteger scaled = k >= 7 ? magnitude / (den * BigInteger.Pow(10, k - 7)) : magnitude * BigInteger.Pow(10, 7 - k) / den;
            while (scaled >= 100_000_000)
            {
                scaled /= 10;
                k++;
            }

            while (scaled < 10_000_000)
            {
                scaled *= 10;
                k--;
            }

            string digits = scaled.ToString(Invariant).TrimEnd('0');
            string mantissa = digits.Length == 1 ? digits + ".0" : digits[..1] + "." + digits[1..];
            string sign = (numerator.Sign < 0) != (denominator.Sign < 0) ? "-" : "";
            return $"{sign}{mantissa}E{(k < 0 ? "-" : "+")}{Math.Abs(k).ToString("00", Invariant)}";
        }
    }
}
