using System.ComponentModel;
using System.Numerics;

namespace NumForge.CompilerServices.Core
{
    /// <summary>Integer parts of dyadic rationals (numerator × 2^exponent), as exact big integers.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class BigIntegerScaling
    {
        /// <summary><paramref name="numerator"/> × 2^<paramref name="exponent"/>, truncated toward zero.</summary>
        /// <param name="numerator">The signed numerator.</param>
        /// <param name="exponent">The power of two (negative: a division).</param>
        /// <returns>The integer part, with the numerator's sign (or zero).</returns>
        public static BigInteger Truncate(BigInteger numerator, int exponent)
        {
            if (exponent >= 0)
            {
                return numerator << exponent;
            }

            // Shift the magnitude: >> on a negative BigInteger rounds toward negative infinity.
            BigInteger magnitude = BigInteger.Abs(numerator) >> -exponent;
            return numerator.Sign < 0 ? -magnitude : magnitude;
        }
    }
}
