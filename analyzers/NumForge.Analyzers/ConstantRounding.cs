using System;
using NumForge.CompilerServices;

namespace NumForge.Analyzers
{
    /// <summary>What a constant becomes in a low-precision format, when that is worth a diagnostic.</summary>
    internal enum ConstantOutcome
    {
        /// <summary>The constant rounds to a finite, nonzero value (or is zero, infinity or NaN already).</summary>
        Representable,

        /// <summary>It overflows to infinity.</summary>
        Infinity,

        /// <summary>It overflows to NaN (or is negative in an unsigned format with a NaN).</summary>
        NaN,

        /// <summary>It overflows to the saturated largest finite value (posits, Finite formats, Overflow = Saturate).</summary>
        Saturated,

        /// <summary>A nonzero constant underflows to zero (or is negative in an unsigned format without a NaN).</summary>
        Zero,
    }

    /// <summary>
    /// Rounds a constant into a float layout the way a NumForge conversion does: round to nearest, ties to even, on the
    /// exact value (one rounding, before the overflow check), then overflow per the spec (Ieee: infinity, FiniteNaN
    /// kinds: NaN, Finite: saturate, or the explicit <c>Overflow</c>), and a nonzero value below half the smallest
    /// positive value to zero.
    /// </summary>
    internal static class ConstantRounding
    {
        /// <summary>Rounds <paramref name="value"/> to <paramref name="layout"/> and says whether it overflowed or underflowed.</summary>
        public static ConstantOutcome Classify(FloatLayout layout, double value, out double rounded)
        {
            rounded = value;
            if (double.IsNaN(value) || double.IsInfinity(value) || value == 0)
            {
                return ConstantOutcome.Representable;
            }

            double magnitude = Math.Abs(value);
            if (value < 0 && !layout.Signed)
            {
                rounded = layout.HasNaN ? double.NaN : 0;
                return layout.HasNaN ? ConstantOutcome.NaN : ConstantOutcome.Zero;
            }

            double r = RoundMagnitude(layout, magnitude);
            if (r > layout.MaxValue)
            {
                switch (layout.Overflow)
                {
                    case OverflowBehavior.Infinity:
                        rounded = value < 0 ? double.NegativeInfinity : double.PositiveInfinity;
                        return ConstantOutcome.Infinity;
                    case OverflowBehavior.NaN:
                        rounded = double.NaN;
                        return ConstantOutcome.NaN;
                    default:
                        rounded = value < 0 ? -layout.MaxValue : layout.MaxValue;
                        return ConstantOutcome.Saturated;
                }
            }

            rounded = value < 0 ? -r : r;
            if (r == 0 && layout.HasZero)
            {
                rounded = 0;
                return ConstantOutcome.Zero;
            }

            return ConstantOutcome.Representable;
        }

        /// <summary>
        /// A posit saturates at maxpos = 2^((bits-2)*2^es) and never rounds a nonzero value to zero, so only a constant
        /// beyond maxpos is reported.
        /// </summary>
        public static ConstantOutcome ClassifyPosit(int bits, int exponentBits, double value, out double rounded)
        {
            rounded = value;
            if (bits < 2 || exponentBits < 0 || exponentBits > 6 || double.IsNaN(value) || double.IsInfinity(value))
            {
                return ConstantOutcome.Representable;
            }

            int maxExponent = (bits - 2) << exponentBits;
            if (maxExponent > 1023)
            {
                return ConstantOutcome.Representable;
            }

            double maxpos = FloatLayout.Pow2(maxExponent);
            if (Math.Abs(value) > maxpos)
            {
                rounded = value < 0 ? -maxpos : maxpos;
                return ConstantOutcome.Saturated;
            }

            return ConstantOutcome.Representable;
        }

        /// <summary>Rounds a positive finite magnitude to the layout's precision with an unbounded exponent range above.</summary>
        private static double RoundMagnitude(FloatLayout layout, double magnitude)
        {
            int exponent = Exponent(magnitude);
            int quantumExponent = Math.Max(exponent, layout.MinNormalExponent) - layout.MantissaBits;
            if (!layout.Subnormals && exponent < layout.MinNormalExponent)
            {
                // Without subnormals the smallest value is the smallest normal; there is no zero to underflow to.
                return layout.MinNormal;
            }

            // Scale so that the quantum is 1, round to an integer (ties to even), scale back; every step is exact in double.
            double scaled = ScaleByPowerOfTwo(magnitude, -quantumExponent);
            double integer = Math.Round(scaled, MidpointRounding.ToEven);
            return ScaleByPowerOfTwo(integer, quantumExponent);
        }

        /// <summary>floor(log2(x)) for a positive finite double, subnormals included.</summary>
        private static int Exponent(double x)
        {
            long bits = BitConverter.DoubleToInt64Bits(x);
            int field = (int)((bits >> 52) & 0x7FF);
            if (field != 0)
            {
                return field - 1023;
            }

            long mantissa = bits & 0xFFFFFFFFFFFFFL;
            int e = -1075;
            while (mantissa != 0)
            {
                mantissa >>= 1;
                e++;
            }

            return e;
        }

        /// <summary>x * 2^e in steps that stay inside the double range.</summary>
        private static double ScaleByPowerOfTwo(double x, int e)
        {
            while (e > 1000)
            {
                x *= FloatLayout.Pow2(1000);
                e -= 1000;
            }

            while (e < -1000)
            {
                x *= FloatLayout.Pow2(-1000);
                e += 1000;
            }

            return x * FloatLayout.Pow2(e);
        }
    }
}
