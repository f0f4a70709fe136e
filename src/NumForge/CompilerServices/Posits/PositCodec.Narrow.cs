using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NumForge.CompilerServices
{
    /// <summary>
    /// Integer arithmetic for posits of 9 to 32 bits (posit16, posit32): the regime, exponent and fraction fields in
    /// 64-bit words, without a trip through double, a 128-bit integer or BigInteger. Signs, regimes and the order of the
    /// operands are masks, not branches; what branches remains is rare on any data (an operand 0 or NaR, a result beyond
    /// ±maxpos or ±minpos, an alignment shift of 64 or more, an exact cancellation).
    /// </summary>
    /// <remarks>
    /// <para>
    /// An operand is unpacked into a scale and a signed significand with its hidden bit at bit 30 (posits of at most 16
    /// bits read both from a table of 2^n entries, wider ones decode the regime with a leading-zero count). Why 32 bits
    /// is the limit: such a significand (hidden bit and at most 29 fraction bits) fits 32 bits, so a product is exact in
    /// 64 bits, a quotient of 64 by 32 bits has more than the 30 bits a rounding needs, and every bit string
    /// <see cref="RoundNarrow"/> builds (regime, exponent, fraction, round bit, sticky bit) fits one 64-bit word.
    /// </para>
    /// <para>
    /// Sums align the operand of smaller scale and keep what its shift drops as a "jammed" lowest bit (set when anything
    /// nonzero was dropped; with two's complement and a flooring shift this also holds for negative significands): the
    /// sums carry 61 bits and a posit keeps at most 30, so that bit can only ever act as the sticky bit of the rounding,
    /// which is exactly its value.
    /// </para>
    /// <para>
    /// Rounding reads the regime and exponent bits of the result's scale from a table (<see cref="ScaleTable"/>),
    /// places the fraction after them and rounds the bit string to nearest, ties to even, by adding half a unit less
    /// one plus the lowest kept bit, as float rounding is done; a carry runs into the exponent and the regime, which is
    /// the next posit.
    /// </para>
    /// </remarks>
    public static partial class PositCodec<TTraits>
    {
        /// <summary>Whether the 64-bit integer kernels of this file apply (formats of 9 to 32 bits; narrower ones use tables).</summary>
        private static bool Narrow { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => TTraits.Bits > 8 && TTraits.Bits <= 32; }

        /// <summary>The code's bits other than the sign: a code is 0 or NaR exactly when they are all zero.</summary>
        private static ulong PayloadMask { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => TTraits.CodeMask >> 1; }

        /// <summary>Width of the fraction field that <see cref="RoundNarrow"/> places after regime and exponent (n &lt;= 32: at least n - 1 - es).</summary>
        private static int JamWidth { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => 64 - TTraits.ExponentBits - (TTraits.Bits - 1); }

        /// <summary>1 when <paramref name="value"/> is nonzero, else 0, without a branch.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ulong NonZero(ulong value) => (value | (0UL - value)) >> 63;

        /// <summary>Whether x or y is 0 or NaR (their payload bits are all zero).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static bool EitherSpecial(ulong x, ulong y) => (long)(((x & PayloadMask) - 1) | ((y & PayloadMask) - 1)) < 0;

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
        /// A code that is neither 0 nor NaR as its scale and its signed significand with the hidden bit at bit 30: the
        /// value is significand × 2^(scale - 30).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static long Unpack(ulong code, out int scale)
        {
            if (TTraits.Bits <= 16)
            {
                int entry = Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(DecodeTable.Entries), (nint)code);
                scale = entry >> 16;
                return (long)(short)entry << 16;
            }

            ulong fraction = UnpackNarrow(SplitSign(code, out ulong sign), out scale);
            ulong significand = (1UL << 30) | (fraction >> 34);
            return (long)((significand ^ (0UL - sign)) + sign);
        }

        /// <summary>
        /// <see cref="Round"/> for n &lt;= 32: the posit nearest to (-1)^sign × 2^scale × (1 + fraction / 2^64). When
        /// <paramref name="lowBits"/> is false the fraction has no bit below the top <see cref="JamWidth"/> bits;
        /// otherwise the bits below are folded into a sticky bit first (a jammed lowest bit is one of them).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ulong RoundNarrow(ulong sign, int scale, ulong fraction, bool lowBits)
        {
            uint index = (uint)(scale + TTraits.MaxScale);
            if (index >= (uint)(2 * TTraits.MaxScale))
            {
                return Saturated(sign, scale);
            }

            // Regime and exponent bits of this scale, left-aligned, and in the low six bits the shift that puts the
            // fraction field right after them (its top bit below the last exponent bit).
            ulong entry = Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(ScaleTable.Entries), (nint)index);
            int width = JamWidth;
            ulong field = lowBits ? (fraction >> (64 - width)) | NonZero(fraction << width) : fraction >> (64 - width);
            ulong s = (entry & ~63UL) | (field << (int)entry);

            // Keep the first n-1 bits; round to nearest, ties to even, by adding half a unit less one and the kept
            // lowest bit. No carry leaves the word: below maxpos's scale the kept bits are at most 1...10.
            int drop = 64 - (TTraits.Bits - 1);
            s += ((1UL << (drop - 1)) - 1) + ((s >> drop) & 1);
            ulong code = s >> drop;
            return ((code ^ (0UL - sign)) + sign) & TTraits.CodeMask;
        }

        /// <summary>±maxpos at or above maxpos's scale, ±minpos below minpos's.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static ulong Saturated(ulong sign, int scale)
        {
            ulong code = scale >= TTraits.MaxScale ? TTraits.MaxPosCode : 1;
            return ((code ^ (0UL - sign)) + sign) & TTraits.CodeMask;
        }

        /// <summary>The result of + when an operand is 0 or NaR.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static ulong AddSpecial(ulong x, ulong y) => IsNaR(x) || IsNaR(y) ? TTraits.NaRCode : x == 0 ? y : x;

        /// <summary>x + y for 9 to 32 bits.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ulong AddNarrow(ulong x, ulong y)
        {
            if (EitherSpecial(x, y))
            {
                return AddSpecial(x, y);
            }

            long a = Unpack(x, out int scaleA);
            long b = Unpack(y, out int scaleB);
            return AddAligned(scaleA, a << 31, scaleB, b << 31, operandsArePosits: true);
        }

        /// <summary>
        /// a × 2^(scaleA - 61) + b × 2^(scaleB - 61), rounded once; a and b are signed with |a|, |b| &lt; 2^62 and, for
        /// nonzero ones, at least 2^60.
        /// </summary>
        /// <remarks>
        /// When both operands are posits of the format (<paramref name="operandsArePosits"/>), what the alignment shift
        /// drops needs no sticky bit: bits are only dropped when the shift is longer than the larger operand's fraction
        /// (d &gt; 61 - MaxFractionBits), and then the whole smaller operand lies below that operand's last bit, whose
        /// bit string continues with zeros. A positive remainder then leaves a round bit of 0 (the larger operand is the
        /// result, as it should), and a negative one, floored, borrows ones down through every bit below (the larger
        /// operand again, rounded up to). A product (fused multiply-add) has no such zeros, so it keeps a jammed bit.
        /// </remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ulong AddAligned(int scaleA, long a, int scaleB, long b, bool operandsArePosits)
        {
            // Put the larger scale first (signed significands need no order by magnitude), then align the other one.
            // Masks rather than conditionals: which operand is larger is a coin toss the branch predictor would lose.
            int difference = scaleA - scaleB;
            int swap = difference >> 31;
            int high = scaleA - (difference & swap);
            long first = a ^ ((a ^ b) & swap);
            long second = a ^ b ^ first;
            int d = Math.Min((difference ^ swap) - swap, 63);
            long sum;
            if (operandsArePosits)
            {
                sum = first + (second >> d);
            }
            else
            {
                ulong lost = NonZero((ulong)second & ((1UL << d) - 1));
                sum = first + ((second >> d) | (long)lost);
            }

            ulong sign = (ulong)sum >> 63;
            ulong magnitude = ((ulong)sum ^ (0UL - sign)) + sign;
            int leadingZeros = BitOperations.LeadingZeroCount(magnitude);
            // Up to 16 bits, a sum of two posits keeps every bit that can matter within the fraction field: exact sums
            // have at most 2 × 14 + 2 significant bits, and an inexact one has ones or zeros all the way down from the
            // larger operand's last bit (see the remarks). Wider formats, and products, fold the low bits into a sticky bit.
            ulong code = RoundNarrow(sign, high + 2 - leadingZeros, (magnitude << leadingZeros) << 1, lowBits: !operandsArePosits || TTraits.Bits > 16);
            return magnitude == 0 ? 0 : code;
        }

        /// <summary>x × y for 9 to 32 bits: the product of two significands of at most 31 bits is exact in 64 bits.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ulong MultiplyNarrow(ulong x, ulong y)
        {
            if (EitherSpecial(x, y))
            {
                return IsNaR(x) || IsNaR(y) ? TTraits.NaRCode : 0;
            }

            long product = Unpack(x, out int scaleX) * Unpack(y, out int scaleY);   // |product| in [2^60, 2^62)
            ulong sign = (ulong)product >> 63;
            ulong magnitude = ((ulong)product ^ (0UL - sign)) + sign;
            int top = (int)(magnitude >> 61);

            // The product has at most 2 × (1 + MaxFractionBits) significant bits; when they fit the fraction field
            // the rounding needs no sticky fold.
            return RoundNarrow(sign, scaleX + scaleY + top, magnitude << (4 - top), lowBits: 2 * (TTraits.MaxFractionBits + 1) > JamWidth);
        }

        /// <summary>x ÷ y for 9 to 32 bits: one integer division (32 by 16 bits up to posit16, 64 by 32 bits above).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ulong DivideNarrow(ulong x, ulong y)
        {
            if (EitherSpecial(x, y))
            {
                return IsNaR(x) || y == 0 || IsNaR(y) ? TTraits.NaRCode : 0;
            }

            long a = Unpack(x, out int scaleX);
            long b = Unpack(y, out int scaleY);
            ulong sign = (ulong)(a ^ b) >> 63;
            ulong ma = (ulong)Math.Abs(a), mb = (ulong)Math.Abs(b);
            if (TTraits.Bits <= 16)
            {
                // Significands of at most 14 bits: a 32-by-16-bit division gives at least 16 quotient bits, and the
                // sticky bit can sit right below the fraction field, above every quotient bit.
                uint numerator = (uint)(ma >> 15) << 16;
                uint divisor = (uint)(mb >> 15);
                uint q = numerator / divisor;                           // in (2^15, 2^17)
                ulong inexact = NonZero(numerator - (q * divisor));
                int leadingZeros = BitOperations.LeadingZeroCount((ulong)q);
                ulong fraction = (((ulong)q << leadingZeros) << 1) | (inexact << (64 - JamWidth));
                return RoundNarrow(sign, scaleX - scaleY + (63 - leadingZeros) - 16, fraction, lowBits: false);
            }
            else
            {
                ulong numerator = ma << 33;
                ulong quotient = numerator / mb;                        // in (2^32, 2^34)
                ulong inexact = NonZero(numerator - (quotient * mb));
                int leadingZeros = BitOperations.LeadingZeroCount(quotient);
                return RoundNarrow(sign, scaleX - scaleY + (63 - leadingZeros) - 33, (((quotient << leadingZeros) << 1) | inexact), lowBits: true);
            }
        }

        /// <summary>√x for 9 to 32 bits: a table of every result up to 16 bits, else <see cref="SqrtComputed"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ulong SqrtNarrow(ulong x)
        {
            if (TTraits.Bits <= 16)
            {
                return Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(SqrtTable16.Roots), (nint)x);
            }

            return SqrtComputed(x);
        }

        /// <summary>√x for 9 to 32 bits: the integer square root of a 64-bit significand, estimated by the hardware square root and settled exactly.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ulong SqrtComputed(ulong x)
        {
            if ((x & PayloadMask) == 0 || x > TTraits.NaRCode)
            {
                return x == 0 ? 0 : TTraits.NaRCode;
            }

            ulong significand = (ulong)Unpack(x, out int scale);

            // x = r × 2^(scale - 62 - odd) with r in [2^62, 2^64) and an even power: √x = √r × 2^((scale - odd) / 2 - 31).
            int odd = scale & 1;
            ulong r = significand << (32 + odd);

            // r has at most 31 significant bits, so (double)r is exact; the correctly rounded root is ⌊√r⌋ or one more.
            ulong root = Math.Min((ulong)Math.Sqrt(r), uint.MaxValue);
            root -= (ulong)((root * root) > r ? 1 : 0);
            ulong inexact = NonZero(r - (root * root));

            // The root's 31 fraction bits fit the fraction field of formats up to 16 bits, with the sticky bit below.
            return TTraits.Bits <= 16
                ? RoundNarrow(0, scale >> 1, (root << 33) | (inexact << (64 - JamWidth)), lowBits: false)
                : RoundNarrow(0, scale >> 1, (root << 33) | inexact, lowBits: true);
        }

        /// <summary>x × y + z for 9 to 32 bits, rounded once: the exact 64-bit product added as in <see cref="AddAligned"/>.</summary>
        private static ulong FusedMultiplyAddNarrow(ulong x, ulong y, ulong z)
        {
            if (IsNaR(x) || IsNaR(y) || IsNaR(z))
            {
                return TTraits.NaRCode;
            }

            if (EitherSpecial(x, y))
            {
                return z;
            }

            long product = Unpack(x, out int scaleX) * Unpack(y, out int scaleY);   // |product| in [2^60, 2^62)
            int top = (int)((ulong)Math.Abs(product) >> 61);
            long p = product << (1 - top);                                           // hidden bit at 61, exact
            int scaleP = scaleX + scaleY + top;
            if (z == 0)
            {
                ulong sign = (ulong)p >> 63;
                ulong magnitude = ((ulong)p ^ (0UL - sign)) + sign;
                return RoundNarrow(sign, scaleP, magnitude << 3, lowBits: true);
            }

            long c = Unpack(z, out int scaleZ);
            return AddAligned(scaleP, p, scaleZ, c << 31, operandsArePosits: false);
        }

        /// <summary>Decoded codes of formats of 9 to 16 bits: scale in the high half, signed significand (hidden bit at 14) in the low half.</summary>
        private static class DecodeTable
        {
            public static readonly int[] Entries = Build();

            private static int[] Build()
            {
                var entries = new int[1 << TTraits.Bits];
                for (ulong code = 0; code < (ulong)entries.Length; code++)
                {
                    if ((code & PayloadMask) == 0)
                    {
                        continue; // 0 and NaR never reach the table
                    }

                    ulong fraction = UnpackNarrow(SplitSign(code, out ulong sign), out int scale);
                    int significand = (int)((1UL << 14) | (fraction >> 50));
                    entries[code] = (scale << 16) | (ushort)(sign != 0 ? -significand : significand);
                }

                return entries;
            }
        }

        /// <summary>√x of every code of a format of 9 to 16 bits (computed once by <see cref="SqrtComputed"/>).</summary>
        private static class SqrtTable16
        {
            public static readonly ushort[] Roots = Build();

            private static ushort[] Build()
            {
                var roots = new ushort[1 << TTraits.Bits];
                for (ulong code = 0; code < (ulong)roots.Length; code++)
                {
                    roots[code] = (ushort)SqrtComputed(code);
                }

                return roots;
            }
        }

        /// <summary>Per scale from -maxScale to maxScale - 1: the regime and exponent bits, left-aligned, and the fraction's shift.</summary>
        private static class ScaleTable
        {
            public static readonly ulong[] Entries = Build();

            private static ulong[] Build()
            {
                int payload = TTraits.Bits - 1;
                var entries = new ulong[2 * TTraits.MaxScale];
                for (int i = 0; i < entries.Length; i++)
                {
                    int scale = i - TTraits.MaxScale;
                    int k = scale >> TTraits.ExponentBits;
                    int regimeLength = k >= 0 ? k + 2 : 1 - k;
                    ulong bits = k >= 0 ? ~0UL << (64 - (k + 1)) : 1UL << (64 - regimeLength);
                    if (TTraits.ExponentBits > 0)
                    {
                        bits |= (ulong)(scale & ((1 << TTraits.ExponentBits) - 1)) << (64 - TTraits.ExponentBits - regimeLength);
                    }

                    // The lowest exponent bit is at 64 - es - regimeLength >= 64 - es - (n - 1) >= 28, so the low six bits are free.
                    entries[i] = bits | (uint)(payload - regimeLength);
                }

                return entries;
            }
        }
    }
}
