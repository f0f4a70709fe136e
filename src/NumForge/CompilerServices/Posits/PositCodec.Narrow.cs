using System;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace NumForge.CompilerServices
{
    /// <summary>
    /// Integer arithmetic for posits of 9 to 32 bits (posit16, posit32): the regime, exponent and fraction fields in
    /// 64-bit words, without a trip through double, a 128-bit integer or BigInteger, and without branches on the data
    /// except one per operation for 0 and NaR.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Why 32 bits is the limit: a significand (hidden bit and at most 29 fraction bits) fits 32 bits, so a product is
    /// exact in 64 bits, a quotient of 64 by 32 bits has more than the 30 bits a rounding needs, and every bit string
    /// <see cref="RoundNarrow"/> builds (regime, exponent, fraction, round bit, sticky bit) fits one 64-bit word.
    /// </para>
    /// <para>
    /// Sums align the smaller operand and keep what its shift drops as a "jammed" lowest bit (set when anything nonzero
    /// was dropped): the significands carry 62 bits and a posit keeps at most 30, so that bit can only ever act as the
    /// sticky bit of the rounding, which is exactly its value.
    /// </para>
    /// </remarks>
    public static partial class PositCodec<TTraits>
    {
        /// <summary>Whether the 64-bit integer kernels of this file apply (formats of 9 to 32 bits; narrower ones use tables).</summary>
        private static bool Narrow => TTraits.Bits > 8 && TTraits.Bits <= 32;

        /// <summary>The code's bits other than the sign: a code is 0 or NaR exactly when they are all zero.</summary>
        private static ulong PayloadMask => TTraits.CodeMask >> 1;

        /// <summary>1 when <paramref name="value"/> is nonzero, else 0, without a branch.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ulong NonZero(ulong value) => (value | (0UL - value)) >> 63;

        /// <summary>The sign bit of a code (1 for negative values) and its magnitude code, without a branch.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ulong SplitSign(ulong code, out ulong sign)
        {
            sign = code >> (TTraits.Bits - 1);
            return ((code ^ (0UL - sign)) + sign) & TTraits.CodeMask;
        }

        /// <summary>
        /// <see cref="DecodeMagnitude"/> without branches, for n &lt;= 32 (a magnitude that is neither 0 nor NaR): the
        /// regime's run is the leading-zero count of the payload, complemented when it starts with a one.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ulong UnpackNarrow(ulong magnitude, out int scale)
        {
            ulong x = magnitude << (65 - TTraits.Bits);         // payload left-aligned; at least 33 zero bits below it
            ulong ones = (ulong)((long)x >> 63);                 // all ones when the regime is a run of ones
            int run = BitOperations.LeadingZeroCount(x ^ ones);  // never 64: the zeros below the payload differ from a run of ones
            int k = -run ^ (int)ones;                            // run - 1 for ones, -run for zeros
            ulong rest = x << (run + 1);                         // run + 1 <= n - 1 + 1 <= 32
            if (TTraits.ExponentBits == 0)
            {
                scale = k;
                return rest;
            }

            scale = (k << TTraits.ExponentBits) + (int)(rest >> (64 - TTraits.ExponentBits));
            return rest << TTraits.ExponentBits;
        }

        /// <summary>
        /// <see cref="Round"/> for n &lt;= 32 without branches: the posit nearest to (-1)^sign × 2^scale × (1 + fraction
        /// / 2^64), where the lowest bit of <paramref name="fraction"/> may be a jammed sticky bit.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ulong RoundNarrow(ulong sign, int scale, ulong fraction)
        {
            // Saturation as ordinary rounding: at or above maxpos's scale, the largest value below maxpos's scale with
            // every fraction bit set rounds up to maxpos; below minpos, minpos itself is the (exact) value.
            int maxScale = TTraits.MaxScale;
            fraction = scale >= maxScale ? ulong.MaxValue : fraction;
            fraction = scale < -maxScale ? 0 : fraction;
            scale = Math.Clamp(scale, -maxScale, maxScale - 1);

            int k = scale >> TTraits.ExponentBits;
            int a = k ^ (k >> 31);                               // k for k >= 0, -k-1 for k < 0
            int regimeLength = a + 2;                            // k+1 ones and a zero, or -k zeros and a one
            ulong negativeRegime = (ulong)(long)(k >> 31);
            ulong regime = ((~0UL << (63 - a)) & ~negativeRegime) | ((1UL << (62 - a)) & negativeRegime);

            // The fraction squeezed into the bits left below a regime of the longest kind (n - 1 bits) and the exponent,
            // with what is dropped jammed into its lowest bit: still at least one bit below the round bit.
            int payload = TTraits.Bits - 1;
            int width = 64 - TTraits.ExponentBits - payload;
            ulong jammed = (fraction >> (64 - width)) | NonZero(fraction << width);
            ulong s = regime | (jammed << (payload - regimeLength));
            if (TTraits.ExponentBits > 0)
            {
                ulong e = (ulong)(scale & ((1 << TTraits.ExponentBits) - 1));
                s |= e << (64 - TTraits.ExponentBits - regimeLength);
            }

            // Keep the first n-1 bits; the next bit decides, the rest breaks ties.
            ulong code = s >> (64 - payload);
            ulong roundBit = (s >> (63 - payload)) & 1;
            ulong sticky = NonZero(s & ((1UL << (63 - payload)) - 1));
            code += roundBit & (sticky | code);
            return ((code ^ (0UL - sign)) + sign) & TTraits.CodeMask;
        }

        /// <summary>The result of + when an operand is 0 or NaR.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static ulong AddSpecial(ulong x, ulong y) => IsNaR(x) || IsNaR(y) ? TTraits.NaRCode : x == 0 ? y : x;

        /// <summary>x + y for 9 to 32 bits.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ulong AddNarrow(ulong x, ulong y)
        {
            if (((x & PayloadMask) == 0) | ((y & PayloadMask) == 0))
            {
                return AddSpecial(x, y);
            }

            ulong mx = SplitSign(x, out ulong sx);
            ulong my = SplitSign(y, out ulong sy);

            // Posits order by their codes: the larger magnitude code is the larger magnitude. Put it first.
            ulong swap = (ulong)((long)(mx - my) >> 63);
            ulong big = mx ^ ((mx ^ my) & swap);
            ulong small = mx ^ my ^ big;
            ulong sign = sx ^ ((sx ^ sy) & swap);
            return AddOrdered(sign, UnpackNarrow(big, out int scaleBig), scaleBig, sx ^ sy, UnpackNarrow(small, out int scaleSmall), scaleSmall);
        }

        /// <summary>
        /// (-1)^sign × (|a| ± |b|), |a| &gt;= |b|, minus when <paramref name="opposite"/> is 1; a and b are fractions
        /// (left-aligned) with their scales.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ulong AddOrdered(ulong sign, ulong fractionA, int scaleA, ulong opposite, ulong fractionB, int scaleB)
        {
            // Significands with the hidden bit at 62 (bit 63 takes a carry); the fractions have at most 29 bits, so the
            // shift by two drops nothing.
            ulong a = (1UL << 62) | (fractionA >> 2);
            ulong b = (1UL << 62) | (fractionB >> 2);
            int d = Math.Min(scaleA - scaleB, 63);
            b = (b >> d) | NonZero(b & ((1UL << d) - 1));
            ulong sum = a + ((b ^ (0UL - opposite)) + opposite);
            int leadingZeros = BitOperations.LeadingZeroCount(sum);
            ulong code = RoundNarrow(sign, scaleA + 1 - leadingZeros, (sum << leadingZeros) << 1);
            return sum == 0 ? 0 : code;
        }

        /// <summary>x × y for 9 to 32 bits: the product of two 32-bit significands is exact in 64 bits.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ulong MultiplyNarrow(ulong x, ulong y)
        {
            if (((x & PayloadMask) == 0) | ((y & PayloadMask) == 0))
            {
                return IsNaR(x) || IsNaR(y) ? TTraits.NaRCode : 0;
            }

            ulong fx = UnpackNarrow(SplitSign(x, out ulong sx), out int ex);
            ulong fy = UnpackNarrow(SplitSign(y, out ulong sy), out int ey);
            ulong product = ((1UL << 31) | (fx >> 33)) * ((1UL << 31) | (fy >> 33));   // in [2^62, 2^64)
            int top = (int)(product >> 63);
            return RoundNarrow(sx ^ sy, ex + ey + top, product << (2 - top));
        }

        /// <summary>x ÷ y for 9 to 32 bits: one integer division (32 by 16 bits up to posit16, 64 by 32 bits above).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ulong DivideNarrow(ulong x, ulong y)
        {
            if (((x & PayloadMask) == 0) | ((y & PayloadMask) == 0))
            {
                return IsNaR(x) || y == 0 || IsNaR(y) ? TTraits.NaRCode : 0;
            }

            ulong fx = UnpackNarrow(SplitSign(x, out ulong sx), out int ex);
            ulong fy = UnpackNarrow(SplitSign(y, out ulong sy), out int ey);
            ulong quotient;
            ulong inexact;
            int w;
            if (TTraits.Bits <= 16)
            {
                // Significands of 16 bits (at most 13 fraction bits): the quotient has at least 16 bits.
                w = 16;
                uint numerator = (uint)((1UL << 15) | (fx >> 49)) << 16;
                uint divisor = (uint)((1UL << 15) | (fy >> 49));
                uint q = numerator / divisor;
                quotient = q;
                inexact = NonZero(numerator - (q * divisor));
            }
            else
            {
                w = 32;
                ulong numerator = ((1UL << 31) | (fx >> 33)) << 32;
                ulong divisor = (1UL << 31) | (fy >> 33);
                quotient = numerator / divisor;
                inexact = NonZero(numerator - (quotient * divisor));
            }

            // quotient is in (2^(w-1), 2^(w+1)): x / y = quotient × 2^(ex - ey - w).
            int leadingZeros = BitOperations.LeadingZeroCount(quotient);
            return RoundNarrow(sx ^ sy, ex - ey + (63 - leadingZeros) - w, ((quotient << leadingZeros) << 1) | inexact);
        }

        /// <summary>√x for 9 to 32 bits: the integer square root of a 64-bit significand, estimated by the hardware square root and settled exactly.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ulong SqrtNarrow(ulong x)
        {
            if ((x & PayloadMask) == 0 || x > TTraits.NaRCode)
            {
                return x == 0 ? 0 : TTraits.NaRCode;
            }

            ulong fraction = UnpackNarrow(x, out int scale);

            // x = r × 2^(scale - 62 - odd) with r < 2^64 and an even power: √x = √r × 2^((scale - odd) / 2 - 31).
            int odd = scale & 1;
            ulong r = ((1UL << 31) | (fraction >> 33)) << (31 + odd);

            // r has at most 32 significant bits, so (double)r is exact; the rounded root is ⌊√r⌋ or one more.
            ulong root = Math.Min((ulong)Math.Sqrt(r), uint.MaxValue);
            root -= (ulong)((root * root) > r ? 1 : 0);
            ulong inexact = NonZero(r - (root * root));
            return RoundNarrow(0, scale >> 1, (root << 33) | inexact);
        }

        /// <summary>x × y + z for 9 to 32 bits, rounded once: the exact 64-bit product added as in <see cref="AddOrdered"/>.</summary>
        private static ulong FusedMultiplyAddNarrow(ulong x, ulong y, ulong z)
        {
            if (IsNaR(x) || IsNaR(y) || IsNaR(z))
            {
                return TTraits.NaRCode;
            }

            if (((x & PayloadMask) == 0) | ((y & PayloadMask) == 0))
            {
                return z;
            }

            ulong fx = UnpackNarrow(SplitSign(x, out ulong sx), out int ex);
            ulong fy = UnpackNarrow(SplitSign(y, out ulong sy), out int ey);
            ulong product = ((1UL << 31) | (fx >> 33)) * ((1UL << 31) | (fy >> 33));
            int top = (int)(product >> 63);
            int scaleP = ex + ey + top;

            // The product's fraction, left-aligned and exact (each significand has at least two zero bits at the bottom).
            ulong fractionP = product << (2 - top);
            ulong sp = sx ^ sy;
            if (z == 0)
            {
                return RoundNarrow(sp, scaleP, fractionP);
            }

            ulong fz = UnpackNarrow(SplitSign(z, out ulong sz), out int ez);
            bool productFirst = scaleP > ez || (scaleP == ez && fractionP >= fz);
            return productFirst
                ? AddOrdered(sp, fractionP, scaleP, sp ^ sz, fz, ez)
                : AddOrdered(sz, fz, ez, sp ^ sz, fractionP, scaleP);
        }
    }
}
