using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NumForge.CompilerServices
{
    /// <summary>
    /// Integer arithmetic for posits of 9 to 32 bits (posit16, posit32): the regime, exponent and fraction fields in
    /// 64-bit words, without a trip through double, a 128-bit integer or BigInteger. Signs, regimes and the order of the
    /// operands are masks, not branches; what branches remains is rare on any data (an operand NaR, a divisor 0, a result beyond
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
    /// For 17 to 32 bits (posit32) the kernels read a code's top 12 bits from a table (the two's complement decoding of
    /// posits, so a negative code is never negated); values far from 1, which the table does not decode, leave for a
    /// routine out of line: one well-predicted branch per call. + and × keep 0 in line (NaR leaves), through table
    /// entries that make its result (see <see cref="OperandTable"/>), since zeros are common in tensors and where they
    /// fall is a coin toss (÷ keeps a numerator 0). + and × (<see cref="AddNarrow"/>,
    /// <see cref="MultiplyNarrow"/>) decode with <see cref="OperandTable"/> (a shift and an exclusive or per operand,
    /// PositCodec.OperandTable.cs) and round with a head's bits and shift from a table and no sticky fold: sums through
    /// <see cref="EncodeSignedUnfoldedAt"/> (PositCodec.SumHeads.cs), products through <see cref="EncodeProduct"/>, whose
    /// index holds the product's top bits instead of a leading-zero count (PositCodec.ProductHeads.cs); the larger scale
    /// of a sum comes from a mask. On x86 these
    /// kernels are bound by the two ports that execute shifts and branches, so their tables trade shifts for loads.
    /// ÷, √ and fused multiply-add live in PositCodec.NarrowQuotients.cs (the hardware double divide and square root,
    /// settled by a fused multiply-add residual's sign). 9 to 16 bits have their own kernels (PositCodec.Small.cs,
    /// PositCodec.Folded.cs).
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
        private static ulong UnpackNarrow(ulong magnitude, out int scale) => UnpackPayload(magnitude << (65 - TTraits.Bits), out scale);

        /// <summary><see cref="UnpackNarrow"/> of a magnitude's payload, left-aligned (at least 33 zero bits below it).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ulong UnpackPayload(ulong x, out int scale)
        {
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
                int entry = PinnedTable.At<int>(DecodeTable.Address, (nint)code);
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
            ulong entry = PinnedTable.At<ulong>(ScaleTable.Address, (nint)index);
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

        /// <summary>
        /// x + y for 17 to 32 bits: both operands aligned to the larger scale (no swap, no branch on which is larger), one
        /// rounding by <see cref="EncodeSignedUnfoldedAt"/>. Operands the <see cref="OperandTable"/> sum entries do not
        /// decode (0, NaR, |scales| beyond 28) take <see cref="AddFar"/>.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ulong AddNarrow(ulong x, ulong y)
        {
            ref long words = ref PinnedTable.At<long>(OperandTable.Address, 0);
            nint ix = TopBits(x), iy = TopBits(y);
            if (EitherFar(x, y, ref words, ix + OperandTable.SumFarMasks, iy + OperandTable.SumFarMasks))
            {
                return AddFar(x, y);
            }

            long ex = Unsafe.Add(ref words, ix + OperandTable.Sums), ey = Unsafe.Add(ref words, iy + OperandTable.Sums);

            // Signed significands with the hidden bit at 62 and 7 bits of the entry below their fraction; each is shifted
            // right, floored, by 7 and by how far its scale is below the larger one, which leaves the hidden bit at 55
            // (|sum| < 2^57): see AddAligned16 for why what the shift drops needs no sticky bit when both are posits. The
            // larger scale comes from a mask (which operand is larger is a coin toss on random data, and the JIT makes
            // Math.Max in a loop a branch); a table of max(d, 0) saved the mask's shift but put a load, four cycles longer,
            // on the chain this kernel waits on (measured slower). The scales differ by at most 56: no shift needs a clamp.
            long a = SumSignificandOf(x, ex);
            long b = SumSignificandOf(y, ey);
            long scaleA = Unsafe.Add(ref words, ix + OperandTable.SumScales), scaleB = Unsafe.Add(ref words, iy + OperandTable.SumScales);
            long difference = scaleA - scaleB;
            long aboveB = difference & ~(difference >> 63);                // max(scaleA - scaleB, 0)
            long shiftB = aboveB + 7;
            long shiftA = shiftB - difference;                            // max(scaleB - scaleA, 0) + 7
            long sum = (a >> (int)shiftA) + (b >> (int)shiftB);
            ulong code = EncodeSignedUnfoldedAt(sum, (nint)(scaleB + aboveB));   // the scales hold SumScaleBias
            return sum == 0 ? 0 : code;
        }

        /// <summary><see cref="AddNarrow"/> when an operand is 0, NaR or beyond the reach of the 12-bit decode table.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static ulong AddFar(ulong x, ulong y)
        {
            if (EitherSpecial(x, y))
            {
                return AddSpecial(x, y);
            }

            long a = UnpackTwosComplement(x, out int scaleA) << 30;
            long b = UnpackTwosComplement(y, out int scaleB) << 30;
            int high = Math.Max(scaleA, scaleB);
            long sum = (a >> Math.Min(high - scaleA, 63)) + (b >> Math.Min(high - scaleB, 63));
            ulong code = EncodeSigned(sum, high + 3 + HeadOffset, foldSticky: true);
            return sum == 0 ? 0 : code;
        }

        /// <summary>x × y for 17 to 32 bits: the product of two signed significands of 32 bits is exact in 64 bits.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ulong MultiplyNarrow(ulong x, ulong y)
        {
            ref long words = ref PinnedTable.At<long>(OperandTable.Address, 0);
            nint ix = TopBits(x), iy = TopBits(y);
            if (EitherFar(x, y, ref words, ix + OperandTable.ProductFarMasks, iy + OperandTable.ProductFarMasks))
            {
                return MultiplyFar(x, y);
            }

            // The entries' biased scales (from bit 8) add without a carry from the bits below; the shift and the mask leave
            // 8 times their sum. 0 has no significand (a product of 0) and a scale field that picks a zero head.
            long ex = Unsafe.Add(ref words, ix), ey = Unsafe.Add(ref words, iy);
            long product = ProductSignificandOf(x, ex) * ProductSignificandOf(y, ey);   // |product| in [2^60, 2^62], or 0
            nint fieldSum8 = (nint)((ex + ey) >> (8 - 3)) & (0x3FFFFF << 3);
            return EncodeProduct(product, fieldSum8);
        }

        /// <summary><see cref="MultiplyNarrow"/> when an operand is 0, NaR or beyond the reach of the 12-bit decode table.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static ulong MultiplyFar(ulong x, ulong y)
        {
            if (EitherSpecial(x, y))
            {
                return IsNaR(x) || IsNaR(y) ? TTraits.NaRCode : 0;
            }

            long product = UnpackTwosComplement(x, out int scaleX) * UnpackTwosComplement(y, out int scaleY);
            return EncodeSigned(product, scaleX + scaleY + 3 + HeadOffset, foldSticky: true);
        }

        /// <summary>
        /// A 17- to 32-bit code's top 12 bits (sign and 11 payload bits): the index of its <see cref="OperandTable"/>
        /// words, which decode every value from about 2^-40 to 2^40 for es = 2 (others, 0 and NaR among them, are marked).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static nint TopBits(ulong code) => (nint)(code >> (TTraits.Bits - 12));

        /// <summary>Whether x or y has a bit in its far mask (at <paramref name="maskX"/> and <paramref name="maskY"/> of <see cref="OperandTable"/>): the kernel's tables do not decode it.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static bool EitherFar(ulong x, ulong y, ref long words, nint maskX, nint maskY)
            => ((x & (ulong)Unsafe.Add(ref words, maskX)) | (y & (ulong)Unsafe.Add(ref words, maskY))) != 0;

        /// <summary>The leading-zero count as a 64-bit integer (no sign extension after the instruction where it exists).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ulong LeadingZeros(ulong value) => Lzcnt.X64.IsSupported ? Lzcnt.X64.LeadingZeroCount(value) : (ulong)BitOperations.LeadingZeroCount(value);

        /// <summary>The trailing-zero count as a 64-bit integer (no sign extension after the instruction where it exists).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ulong TrailingZeros(ulong value) => Bmi1.X64.IsSupported ? Bmi1.X64.TrailingZeroCount(value) : (ulong)BitOperations.TrailingZeroCount(value);

        /// <summary>
        /// A code that is neither 0 nor NaR as a signed significand s, the value being s × 2^(scale - 30), without a branch
        /// and without negating the code: a negative code's regime, exponent and fraction read as they stand (run, scale
        /// r, fraction f) give the value (-2 + f) × 2^(-r - 1), the two's complement decoding of posits. So s is in
        /// [2^30, 2^31) or [-2^31, -2^30).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static long UnpackTwosComplement(ulong code, out int scale)
        {
            ulong aligned = code << (64 - TTraits.Bits);
            long negative = (long)aligned >> 63;
            ulong fraction = UnpackPayload(aligned << 1, out int rawScale);
            scale = rawScale ^ (int)negative;
            return (long)(fraction >> 34) + (1L << 30) - ((negative & 3) << 30);
        }

        /// <summary>
        /// A fraction for <see cref="Finish"/> with every bit at or below bit n + es folded into bit n + es: no head shifts
        /// the fraction further right than that, and no rounding reads a bit that low but as a sticky bit.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ulong FoldSticky(ulong fraction)
        {
            // The trailing-zero count is below p + 1 exactly when a bit at or below p is set; then t - (p + 1) is negative
            // and, shifted right logically by 63 - p, all ones at and below bit p (ones there only act as sticky bits).
            int p = TTraits.Bits + TTraits.ExponentBits;
            return fraction | ((TrailingZeros(fraction) - (ulong)(p + 1)) >> (63 - p));
        }

        /// <summary>
        /// Decoded codes of formats of 9 to 16 bits: scale in the high half, signed significand (hidden bit at 14) in the
        /// low half. 0 and NaR have a significand of 0 and the scale <see cref="SpecialScale"/>.
        /// </summary>
        private static class DecodeTable
        {
            public static readonly int[] Entries = PinnedTable.Pin(Build());

            /// <summary>The address of element 0 of <see cref="Entries"/> (pinned): a constant in Tier-1 code.</summary>
            public static readonly nint Address = PinnedTable.AddressOf(Entries);

            /// <summary>
            /// The scale of 0 and NaR: low enough that a product with 0 is never the larger addend of a fused multiply-add
            /// (its scale is at most this plus maxScale, the least scale of a nonzero addend), nor a zero addend the larger
            /// beside any product (at least -2 maxScale), so aligning either drops no bit of the other.
            /// </summary>
            public static int SpecialScale => -2 * TTraits.MaxScale;

            private static int[] Build()
            {
                var entries = new int[1 << TTraits.Bits];
                for (ulong code = 0; code < 1UL << TTraits.Bits; code++)
                {
                    if ((code & PayloadMask) == 0)
                    {
                        entries[code] = SpecialScale << 16;
                        continue;
                    }

                    ulong fraction = UnpackNarrow(SplitSign(code, out ulong sign), out int scale);
                    int significand = (int)((1UL << 14) | (fraction >> 50));
                    entries[code] = (scale << 16) | (ushort)(sign != 0 ? -significand : significand);
                }

                return entries;
            }
        }

        /// <summary>Per scale from -maxScale to maxScale - 1: the regime and exponent bits, left-aligned, and the fraction's shift.</summary>
        private static class ScaleTable
        {
            public static readonly ulong[] Entries = PinnedTable.Pin(Build());

            /// <summary>The address of element 0 of <see cref="Entries"/> (pinned): a constant in Tier-1 code.</summary>
            public static readonly nint Address = PinnedTable.AddressOf(Entries);

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
