using System;
using NumForge.CompilerServices;
using NumForge.Explorer.Rendering;

namespace NumForge.Explorer.Numerics
{
    /// <summary>
    /// Rounds an exact decimal input to a format once, through <see cref="FormatInfo.Encode"/>, without the double
    /// rounding that converting the text to a double first would add.
    /// </summary>
    /// <remarks>
    /// <para>When the input is exactly a double, <see cref="FormatInfo.Encode"/> rounds it directly. Otherwise the input x
    /// lies strictly between two adjacent doubles lo &lt; x &lt; hi. Every format value is a double, and so is every
    /// midpoint between neighbouring format values when the format has at most 51 mantissa bits (every catalog
    /// format), so no format value or tie lies strictly between lo and hi:</para>
    /// <list type="bullet">
    /// <item>the format values below and above x are those below lo and above hi, so the directed roundings of x
    /// are those of lo (downward) and hi (upward);</item>
    /// <item>for the nearest roundings, x is never a tie: with a and b the format values around x and m their
    /// midpoint, x &lt; m rounds like lo (which lies in [a, m)) and x &gt; m like hi (in (m, b]).</item>
    /// </list>
    /// </remarks>
    internal static class ExactEncoder
    {
        public static ulong Encode(FormatInfo format, DecimalInput input, MidpointRounding rounding, bool saturate)
        {
            if (input.IsBeyondDoubleRange)
            {
                // Every format's largest finite value is far below double.MaxValue, so this rounds the same way.
                return format.Encode(input.IsNegative ? double.MinValue : double.MaxValue, rounding, saturate);
            }

            if (input.IsExactDouble)
            {
                return format.Encode(input.Approximate, rounding, saturate);
            }

            Rational x = input.Exact!.Value;
            double nearest = input.Approximate;
            bool nearestIsBelow = Rational.FromDouble(nearest).CompareTo(x) < 0;
            double lo = nearestIsBelow ? nearest : Math.BitDecrement(nearest);
            double hi = nearestIsBelow ? Math.BitIncrement(nearest) : nearest;

            if (format.Kind == FormatKind.Posit)
            {
                return EncodePosit(format, x, lo, hi);
            }

            switch (rounding)
            {
                case MidpointRounding.ToNegativeInfinity:
                    return format.Encode(lo, rounding, saturate);
                case MidpointRounding.ToPositiveInfinity:
                    return format.Encode(hi, rounding, saturate);
                case MidpointRounding.ToZero:
                    return format.Encode(x.Sign > 0 ? lo : hi, rounding, saturate);
            }

            if (Midpoint(format, lo, hi, x) is not double m)
            {
                // Around a format without zero (E8M0) or outside an unsigned format's range: no exact tie to find.
                return format.Encode(nearest, rounding, saturate);
            }

            return format.Encode(x.CompareTo(Rational.FromDouble(m)) < 0 ? lo : hi, rounding, saturate);
        }

        /// <summary>
        /// A posit's rounding of x, lo &lt; x &lt; hi: it lies between the roundings of lo and hi (posit64 can have values
        /// strictly between two doubles), so search those codes for the one just below x and compare x with the decision
        /// point above it, the (n+1)-bit posit made of its bits followed by a 1 (Posit Standard 2022, section 4.1).
        /// </summary>
        private static ulong EncodePosit(FormatInfo format, Rational x, double lo, double hi)
        {
            ulong mask = format.Bits >= 64 ? ulong.MaxValue : (1UL << format.Bits) - 1;
            long Signed(ulong code) => (long)(code << (64 - format.Bits)) >> (64 - format.Bits);
            ulong Code(long signedCode) => (ulong)signedCode & mask;
            Rational ValueOf(long signedCode) => PositFields.Of(format, Code(signedCode)).Value;

            long first = Signed(format.Encode(lo));
            long last = Signed(format.Encode(hi));
            long result;
            if (first == last || ValueOf(first).CompareTo(x) > 0)
            {
                result = first;
            }
            else
            {
                // The largest code in [first, last] whose value is at most x.
                long below = first;
                long above = last;
                while (above - below > 1)
                {
                    long middle = below + ((above - below) / 2);
                    if (ValueOf(middle).CompareTo(x) <= 0)
                    {
                        below = middle;
                    }
                    else
                    {
                        above = middle;
                    }
                }

                if (ValueOf(above).CompareTo(x) <= 0)
                {
                    result = above;
                }
                else
                {
                    int side = x.CompareTo(PositFields.Of(format, Code(below)).DecisionPoint().Value);
                    result = side < 0 ? below : side > 0 ? above : ((below & 1) == 0 ? below : above);
                }
            }

            // A nonzero value never rounds to 0 (an input below the smallest double may reach here as lo = 0).
            if (result == 0 && !x.IsZero)
            {
                result = x.Sign > 0 ? 1 : -1;
            }

            return Code(result);
        }

        /// <summary>The midpoint of the two format values around x (past ±max: ±max and one step beyond it).</summary>
        private static double? Midpoint(FormatInfo format, double lo, double hi, Rational x)
        {
            double a = format.Decode(format.Encode(lo, MidpointRounding.ToNegativeInfinity, saturate: true));
            double b = format.Decode(format.Encode(hi, MidpointRounding.ToPositiveInfinity, saturate: true));
            if (double.IsNaN(a) || double.IsNaN(b) || a > b)
            {
                return null;
            }

            if (a == b)
            {
                // Both sides saturated: x is past ±max, and the boundary is half a step of the top binade beyond it.
                double max = format.MaxValue;
                if (BitLayout.For(format).Float is not FloatLayout layout || Math.Abs(a) != max)
                {
                    return null;
                }

                double step = FloatLayout.Pow2(layout.MaxExponent - layout.MantissaBits);
                return x.Sign > 0 ? max + step / 2 : -max - step / 2;
            }

            return a + (b - a) / 2;
        }
    }
}
