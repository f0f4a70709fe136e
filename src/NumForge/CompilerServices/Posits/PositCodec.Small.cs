using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NumForge.CompilerServices
{
    /// <summary>
    /// +, × and ÷ for posits of 9 to 16 bits (posit16): operands decoded by table lookups, the result rounded by one lookup
    /// of its folded head (<see cref="FinishFolded"/>; the two's complement result directly, with heads per
    /// sign). No branch on the data, 0 and NaR included, but a rare one for sums (es &gt;= 2) of values far from 1.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Sums are exact in a 64-bit fixed-point integer: one table gives value × 2^SumShift per code, the two are added, and
    /// the leading-zero count of the sum alone picks the head, zero included. Where every value is a multiple of minpos
    /// and at most maxpos in magnitude with room to spare (maxScale &lt;= 29: posit16 with es = 0 or 1, SoftPosit's
    /// posit16), SumShift is maxScale, every code fits and NaR is a sentinel of 2^62 that no sum of reals reaches, whose
    /// head is NaR. Otherwise (posit16 with es = 2) SumShift is 37 and the window holds the codes from 2^-32 to 2^23; the
    /// others read as the sentinel, and a sum with it leaves for <see cref="AddAligned16"/>, which aligns the operand of
    /// smaller scale to the larger.
    /// </para>
    /// <para>
    /// Quotients multiply the numerator's significand by the divisor's reciprocal, ⌈2^45 / m⌉, both read with the code
    /// from one table: with its low 15 bits cleared that product holds the quotient's bits and its sticky bit exactly
    /// (see <see cref="DivideSmall"/>), without a division or a remainder.
    /// </para>
    /// </remarks>
    public static partial class PositCodec<TTraits>
    {
        /// <summary>Whether the table-decoded kernels of this file apply (9 to 16 bits).</summary>
        private static bool Small { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => TTraits.Bits > 8 && TTraits.Bits <= 16; }

        /// <summary>Whether every code lies in the fixed-point window of <see cref="FixedPointTable"/> (maxScale &lt;= 29: es = 0 or 1).</summary>
        private static bool FixedPointSums { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => TTraits.MaxScale <= 29; }

        /// <summary>
        /// The fixed point of <see cref="FixedPointTable"/>: values are held as value × 2^SumShift. maxScale when every code
        /// fits (<see cref="FixedPointSums"/>); else 37, a window from 2^-32 (where es = 2 codes keep 4 fraction bits, the
        /// lowest at 2^-36, which reads as 2) to 2^23, which holds what tensors hold.
        /// </summary>
        private static int SumShift { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => FixedPointSums ? TTraits.MaxScale : 37; }

        /// <summary>x + y for 9 to 16 bits.</summary>
        /// <remarks>
        /// Both operands read as fixed-point integers (one table, <see cref="FixedPointTable"/>) and one integer addition:
        /// the sum is exact and its leading-zero count alone picks the folded head. Codes outside the window (and NaR) read
        /// as a sentinel that no sum of window values reaches: with every code in the window the sentinel is NaR's and
        /// its head is NaR; otherwise such sums leave for <see cref="AddAligned16"/> (one well-predicted branch).
        /// </remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ulong AddSmall(ulong x, ulong y)
        {
            ref long values = ref PinnedTable.At<long>(FixedPointTable.Address, 0);
            long total = Unsafe.Add(ref values, (nint)x) + Unsafe.Add(ref values, (nint)y);
            long mask = total >> 63;
            ulong zeros = LeadingZeros((ulong)(total ^ mask));
            if (!FixedPointSums && zeros < FixedPointTable.WindowZeros)
            {
                return AddAligned16(x, y);
            }

            ulong fixedHead = PinnedTable.At<ulong>(FixedPointTable.FoldedHeadsAddress, (nint)zeros ^ (nint)mask);
            return FinishFolded(fixedHead, (ulong)total << (int)zeros);
        }

        /// <summary>
        /// x + y for 9 to 16 bits, any operands: the operand of smaller scale shifted right (floored), the larger's by 0.
        /// </summary>
        /// <remarks>
        /// What the alignment shift drops needs no sticky bit when both operands are posits (here and in
        /// <see cref="AddNarrow"/>): bits are only dropped when the shift is longer than the larger operand's fraction, and
        /// then the whole smaller operand lies below that operand's last bit, whose bit string continues with zeros. A
        /// positive remainder then leaves a round bit of 0 (the larger operand is the result, as it should), and a negative
        /// one, floored, borrows ones down through every bit below (the larger operand again, rounded up to). A product
        /// (fused multiply-add) has no such zeros, so <see cref="FusedSum"/> keeps a jammed bit.
        /// </remarks>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static ulong AddAligned16(ulong x, ulong y)
        {
            ref int entries = ref PinnedTable.At<int>(DecodeTable.Address, 0);
            int ex = Unsafe.Add(ref entries, (nint)x);
            int ey = Unsafe.Add(ref entries, (nint)y);
            long a = (short)ex, b = (short)ey;
            if (a * b == 0)
            {
                return AddSpecial(x, y);
            }

            // Hidden bits at 61.
            int scaleA = ex >> 16, scaleB = ey >> 16;
            int high = Math.Max(scaleA, scaleB);
            long sum = ((a << 47) >> Math.Min(high - scaleA, 63)) + ((b << 47) >> Math.Min(high - scaleB, 63));
            ulong code = EncodeFolded(sum, high + 3 + HeadOffset);
            return sum == 0 ? 0 : code;
        }

        /// <summary>x × y for 9 to 16 bits: the product of two 15-bit significands, exact.</summary>
        /// <remarks>
        /// <para>
        /// The product p of two significands of magnitude in [2^14, 2^15) has its magnitude in [2^28, 2^30): its leading
        /// bit is one of two, so bits 29 to 31 of p (its sign and that bit) are the one bit of normalization a rounding
        /// needs, and no leading-zero count is spent on it. They join the two entries' scale fields in the head index, and
        /// the head (<see cref="ProductTable"/>) shifts the unnormalized p to its place. On x86 this takes three dependent
        /// operations out of the chain from the operands' load to the result's store, the chain these kernels wait on.
        /// </para>
        /// <para>
        /// No branch: 0 and NaR read as a significand of 0, whose product is 0, and scale fields so large that the head
        /// index lands in a region of zero or NaR heads, so sparse tensors cost what dense ones do.
        /// </para>
        /// </remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ulong MultiplySmall(ulong x, ulong y)
        {
            ref long entries = ref PinnedTable.At<long>(ProductTable.Address, 0);
            long ex = Unsafe.Add(ref entries, (nint)x);
            long ey = Unsafe.Add(ref entries, (nint)y);
            int product = (int)ex * (int)ey;                        // |product| in [2^28, 2^30); 0 when an operand is 0 or NaR

            // Twice the fields' sum (bit 33 of the entries' sum is 0: the low halves carry into bit 32 at most), and bits
            // 29 to 31 of the product: 0 or 1 for a positive product, 6 or 7 for a negative one (see ProductTable).
            nint index = (nint)((ulong)(ex + ey) >> 33) + (nint)((uint)product >> 29);
            ulong head = PinnedTable.At<ulong>(ProductTable.HeadsAddress, index);
            return FinishFolded(head, (ulong)(uint)product << 33);
        }

        /// <summary>
        /// Per code of a format of 9 to 16 bits, the signed significand (hidden bit at 14) in the low 32 bits and from bit 34
        /// up a field: its scale plus maxScale, plus <see cref="Stride"/> for a negative code; bits 32 and 33 stay clear,
        /// so that the sum of two entries shifted right by 33 is twice the sum of the fields. A head index is that plus
        /// bits 29 to 31 of the product (<see cref="MultiplySmall"/>), and <see cref="Heads"/> holds, per index, the folded
        /// head of the product's scale with the shift that places that unnormalized product.
        /// </summary>
        /// <remarks>
        /// <para>
        /// With the product p shifted left by 33, bit 30 of p lands at bit 63. By its bits 29 to 31, p lies in one of four
        /// ranges, each with its scale (the fields' sum less the bias, plus one where p has its leading bit at 29) and bits
        /// above its fraction that are the same for every p in it, which the head takes back out (<see cref="FoldAt"/>):
        /// 1 for p in [2^29, 2^30) (prefix 01, fraction from bit 61), 0 for [2^28, 2^29) (001, from 60), 6 for
        /// [-2^30, -2^29) (10 in two's complement, from 61) and 7 for [-2^29, -2^28] (110, from 60). -2^28 itself reads as
        /// a fraction of 1 at the scale above its own, a carry into the head's last bit: the next code, which is its code.
        /// </para>
        /// <para>
        /// A field sum lies in one of three regions by the operands' signs (none, one, two negative), <see cref="Stride"/>
        /// apart, so that the indices of positive and negative products never meet. 0 and NaR have a significand of 0 and
        /// the fields of <see cref="Specials"/>, which land every product with them among zero or NaR heads after the regions.
        /// </para>
        /// </remarks>
        private static class ProductTable
        {
            public static readonly long[] Entries = PinnedTable.Pin(Build());

            /// <summary>The address of element 0 of <see cref="Entries"/> (pinned): a constant in Tier-1 code.</summary>
            public static readonly nint Address = PinnedTable.AddressOf(Entries);

            /// <summary>The folded heads per index (three regions of field sums, two ranges of the product each), then the zero and NaR heads.</summary>
            public static readonly ulong[] Heads = PinnedTable.Pin(BuildHeads());

            /// <summary>The address of element 0 of <see cref="Heads"/> (pinned): a constant in Tier-1 code.</summary>
            public static readonly nint HeadsAddress = PinnedTable.AddressOf(Heads);

            /// <summary>
            /// What a negative code adds to its field: field sums of 0 to 4 maxScale per region, twice that plus 0 or 1
            /// (positive products) or 6 or 7 (negative ones) as indices, so that two regions' indices never meet.
            /// </summary>
            private static int Stride => (4 * TTraits.MaxScale) + 4;

            /// <summary>One past the last index of an ordinary product (two negative operands, the largest scales, bit 29 set).</summary>
            private static int OrdinaryEnd => (2 * ((4 * TTraits.MaxScale) + (2 * Stride))) + 2;

            /// <summary>The fields of 0 and NaR (see <see cref="SpecialProductFields"/>): an index is twice the fields' sum, and a product of 0 adds nothing to it.</summary>
            private static SpecialProductFields Specials
                => new(OrdinaryEnd, indexBias: 0, minField: 0, maxField: (2 * TTraits.MaxScale) + Stride, fieldScale: 2);

            private static long[] Build()
            {
                var entries = new long[1 << TTraits.Bits];
                SpecialProductFields specials = Specials;
                for (ulong code = 0; code < 1UL << TTraits.Bits; code++)
                {
                    if ((code & PayloadMask) != 0)
                    {
                        int entry = DecodeTable.Entries[code];
                        int significand = (short)entry;
                        long field = (entry >> 16) + TTraits.MaxScale + (significand < 0 ? Stride : 0);
                        entries[code] = (field << 34) | (uint)significand;
                    }
                    else
                    {
                        entries[code] = (long)(code == 0 ? specials.Zero : specials.NaR) << 34;
                    }
                }

                return entries;
            }

            private static ulong[] BuildHeads()
            {
                SpecialProductFields specials = Specials;
                var heads = new ulong[specials.End];
                for (int sum = 0; sum <= 4 * TTraits.MaxScale; sum++)
                {
                    // The scale of a product of significands is the fields' sum less 2 maxScale, plus one with bit 29 set.
                    int scale = sum - (2 * TTraits.MaxScale);
                    foreach (int region in (ReadOnlySpan<int>)[0, 2])
                    {
                        int index = 2 * (sum + (region * Stride));
                        (heads[index], heads[index + 1]) = FoldAtTwoPlaces(scale, negative: false);
                    }

                    int negative = 2 * (sum + Stride);
                    (heads[negative + 7], heads[negative + 6]) = FoldAtTwoPlaces(scale, negative: true);
                }

                // Zero heads (no bits, shift 0: the product of 0 adds nothing) from the first free index on, then NaR's.
                for (int i = specials.ZeroEnd; i < heads.Length; i++)
                {
                    heads[i] = NaRHead;
                }

                return heads;
            }
        }

        /// <summary>x ÷ y for 9 to 16 bits: the numerator's significand times the divisor's reciprocal, both read with the code.</summary>
        /// <remarks>
        /// The product p = N × ⌈2^45 / m⌉ of two significands N and m in [2^14, 2^15) exceeds Q = N × 2^45 / m by less
        /// than N &lt; 2^15. Q is N / m in binary with its leading bit at 44 or 45; a rounding reads its bits from bit 30 up
        /// (at most 15 significant bits: the kept ones and the round bit) and whether any bit below is set. Both survive
        /// in p with its low 15 bits cleared: a multiple of 2^30 (or Q's floor to 2^30 plus 2^30) lies at least
        /// 2^30 / m &gt; 2^15 away from Q unless Q is one itself, because (M × 2^30 - Q) × m = 2^30 (M m - N 2^15) is a
        /// multiple of 2^30; so p's bits from bit 30 up are Q's, and p's bits 15 to 29 are nonzero exactly when Q's bits
        /// below 30 are. One multiplication replaces a division and the remainder's check. No branch: 0 and NaR give a
        /// product of 0 (64 leading zeros) and fields that land among zero or NaR heads (see <see cref="QuotientTable"/>).
        /// </remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ulong DivideSmall(ulong x, ulong y)
        {
            ulong wx = PinnedTable.At<ulong>(QuotientTable.NumeratorsAddress, (nint)x);
            ref ulong divisors = ref PinnedTable.At<ulong>(QuotientTable.DivisorsAddress, 0);
            ulong wy = Unsafe.Add(ref divisors, (nint)y);
            ulong p = (ushort)wx * (ulong)(uint)wy;                  // in [2^44, 2^46); 0 when an operand is 0 or NaR

            // Twice the fields' sum and bit 45 of p (the one bit of normalization: no leading-zero count) index the head,
            // as in MultiplySmall; the sign bits at 40 add up to the quotient's sign, which negates p while the head loads.
            ulong words = wx + wy;
            ulong head = Unsafe.Add(ref divisors, (nint)(words >> 47) + (nint)(p >> 45) + (1 << TTraits.Bits));
            ulong negative = (ulong)((long)(words << 23) >> 63);
            ulong t = (p & ~0x7FFFUL) << 17;
            return FinishFolded(head, (t ^ negative) - negative);
        }

        /// <summary>
        /// Per code of a format of 9 to 16 bits, the two words <see cref="DivideSmall"/> reads: as a numerator, the
        /// significand's magnitude m (hidden bit at 14) in the low bits and from bit 48 its scale plus maxScale; as a
        /// divisor, ⌈2^45 / m⌉ (at most 2^31) in the low bits and from bit 48 maxScale less its scale; in both, plus
        /// <see cref="ProductTable"/>'s stride for a negative code, and the code's sign at bit 40 (two of them add up to the
        /// quotient's sign there, and bits 42 to 47 stay clear). Behind the divisors follow the heads: per index, twice the
        /// fields' sum plus bit 45 of the product, the folded head of the quotient's scale and sign.
        /// </summary>
        /// <remarks>
        /// <para>
        /// The product p, its low 15 bits cleared and shifted left by 17, has its leading one at bit 62 (bit 45 set: the
        /// quotient's scale is the fields' sum less 2 maxScale) or 61 (one less), and is negated for a negative quotient:
        /// the heads of <see cref="FoldAtTwoPlaces"/>.
        /// </para>
        /// <para>
        /// 0 and NaR have no low bits (a product of 0) and fields that put 0 ÷ y (y neither 0 nor NaR) among the zero heads
        /// after the three regions of field sums, and every other quotient with 0 or NaR among the NaR heads after those.
        /// </para>
        /// </remarks>
        private static class QuotientTable
        {
            /// <summary>The numerator words of every code.</summary>
            public static readonly ulong[] Numerators = PinnedTable.Pin(Build(numerators: true));

            /// <summary>The divisor words of every code, then the heads.</summary>
            public static readonly ulong[] Divisors = PinnedTable.Pin(Build(numerators: false));

            /// <summary>The address of element 0 of <see cref="Numerators"/> (pinned): a constant in Tier-1 code.</summary>
            public static readonly nint NumeratorsAddress = PinnedTable.AddressOf(Numerators);

            /// <summary>The address of element 0 of <see cref="Divisors"/> (pinned): a constant in Tier-1 code.</summary>
            public static readonly nint DivisorsAddress = PinnedTable.AddressOf(Divisors);

            /// <summary>What a negative code adds to its field (field sums of 0 to 4 maxScale per region).</summary>
            private static int Stride => (4 * TTraits.MaxScale) + 1;

            /// <summary>The largest field of a code other than 0 and NaR.</summary>
            private static int MaxField => (2 * TTraits.MaxScale) + Stride;

            /// <summary>One past the last index of an ordinary quotient (two negative operands, the largest scales, bit 45 set).</summary>
            private static int OrdinaryEnd => (2 * ((4 * TTraits.MaxScale) + (2 * Stride))) + 2;

            /// <summary>The field of a numerator 0: 0 ÷ y lands at <see cref="OrdinaryEnd"/> or above.</summary>
            private static int NumeratorZeroField => (OrdinaryEnd + 1) / 2;

            /// <summary>The first NaR head: past 0 ÷ y for every y neither 0 nor NaR.</summary>
            private static int NaRStart => (2 * (NumeratorZeroField + MaxField)) + 1;

            /// <summary>The field of a numerator NaR and of a divisor 0 or NaR: a quotient with either lands at <see cref="NaRStart"/> or above.</summary>
            private static int SpecialField => (NaRStart + 1) / 2;

            private static ulong[] Build(bool numerators)
            {
                int end = (4 * SpecialField) + 1;                               // NaR ÷ 0, the highest index
                var words = new ulong[(1 << TTraits.Bits) + (numerators ? 0 : end)];
                Span<ulong> heads = words.AsSpan(1 << TTraits.Bits);
                for (int sum = 0; !numerators && sum <= 4 * TTraits.MaxScale; sum++)
                {
                    // Bit 45 set: the quotient's scale is the fields' sum less 2 maxScale; clear: one less.
                    int lowScale = sum - (2 * TTraits.MaxScale) - 1;
                    foreach (int region in (ReadOnlySpan<int>)[0, 2])
                    {
                        int index = 2 * (sum + (region * Stride));
                        (heads[index], heads[index + 1]) = FoldAtTwoPlaces(lowScale, negative: false);
                    }

                    int negative = 2 * (sum + Stride);
                    (heads[negative], heads[negative + 1]) = FoldAtTwoPlaces(lowScale, negative: true);
                }

                // Zero heads (no bits) up to NaRStart, then NaR's.
                for (int i = NaRStart; !numerators && i < end; i++)
                {
                    heads[i] = NaRHead;
                }

                for (ulong code = 0; code < 1UL << TTraits.Bits; code++)
                {
                    if ((code & PayloadMask) == 0)
                    {
                        words[code] = (ulong)(numerators && code == 0 ? NumeratorZeroField : SpecialField) << 48;
                        continue;
                    }

                    int entry = DecodeTable.Entries[code];
                    int scale = entry >> 16;
                    ulong m = (ulong)Math.Abs((int)(short)entry);
                    bool negative = entry << 16 < 0;
                    ulong sign = negative ? 1UL << 40 : 0;
                    int field = (numerators ? TTraits.MaxScale + scale : TTraits.MaxScale - scale) + (negative ? Stride : 0);
                    words[code] = sign | ((ulong)field << 48) | (numerators ? m : ((1UL << 45) + m - 1) / m);
                }

                return words;
            }
        }

        /// <summary>
        /// Every code of the window as value × 2^<see cref="SumShift"/> (an integer of magnitude below 2^60), the others a
        /// sentinel; and the heads by leading-zero count of a sum.
        /// </summary>
        private static class FixedPointTable
        {
            /// <summary>
            /// The sentinel of NaR and of codes outside the window: a sum with it has at most 2 leading zeros (of its
            /// complement when negative), a sum of two window values, below 2^61 in magnitude, at least 3.
            /// </summary>
            private const long Sentinel = 1L << 62;

            /// <summary>The fewest leading zeros of a sum of two window values.</summary>
            public const ulong WindowZeros = 3;

            /// <summary>The value of every code (see <see cref="FixedPointTable"/>).</summary>
            public static readonly long[] Values = PinnedTable.Pin(Build());

            /// <summary>The address of element 0 of <see cref="Values"/> (pinned): a constant in Tier-1 code.</summary>
            public static readonly nint Address = PinnedTable.AddressOf(Values);

            /// <summary>The heads by leading zeros of a sum, both signs (<see cref="BuildHeads"/>), folded (<see cref="Fold"/>).</summary>
            public static readonly ulong[] FoldedHeads = PinnedTable.Pin(BuildFolded());

            /// <summary>The address of the positive folded head of zero leading zeros (pinned): a constant in Tier-1 code.</summary>
            public static readonly nint FoldedHeadsAddress = PinnedTable.AddressOf(FoldedHeads) + (65 * sizeof(ulong));

            private static ulong[] BuildFolded()
            {
                ulong[] heads = BuildHeads();
                for (int i = 0; i < heads.Length; i++)
                {
                    heads[i] = Fold(heads[i], positive: i >= 65);
                }

                return heads;
            }

            private static long[] Build()
            {
                var values = new long[1 << TTraits.Bits];
                for (ulong code = 0; code < 1UL << TTraits.Bits; code++)
                {
                    if ((code & PayloadMask) == 0)
                    {
                        values[code] = code == 0 ? 0 : Sentinel;
                        continue;
                    }

                    int entry = DecodeTable.Entries[code];
                    long significand = (short)entry;                // hidden bit at 14, at most 15 bits
                    int shift = (entry >> 16) - 14 + SumShift;
                    // In the window: an integer (no bit below 2^-SumShift) below 2^60 in magnitude, and even unless every
                    // code fits. A sum of -1 would have 64 leading zeros in its complement, and its normalization (a shift
                    // by 64) would keep its bits; that only happens with -minpos + 0 when every code fits, whose head
                    // saturates and ignores them.
                    bool inWindow = shift >= 0
                        ? shift <= 60 - 15
                        : (significand & ((1L << -shift) - 1)) == 0;
                    long value = !inWindow ? 0 : shift >= 0 ? significand << shift : significand >> -shift;
                    inWindow &= Math.Abs(value) < 1L << 60 && (FixedPointSums || (value & 1) == 0);
                    values[code] = inWindow ? value : Sentinel;
                }

                return values;
            }

            /// <summary>
            /// The heads of a sum by the leading-zero count z of the sum (or of its complement, for a negative sum), both
            /// signs as in <see cref="SignedHeads"/>: a leading one at bit 63 - z is the scale 63 - z - SumShift; fewer than
            /// <see cref="WindowZeros"/> leading zeros only come with the sentinel (NaR when every code is in the window).
            /// </summary>
            private static ulong[] BuildHeads()
            {
                var heads = new ulong[2 * 65];
                for (int zeros = 0; zeros <= 64; zeros++)
                {
                    int scale = 63 - zeros - SumShift;
                    heads[65 + zeros] = zeros < (int)WindowZeros ? NaRHead : zeros == 64 ? 63 : HeadForScale(scale);
                    heads[64 - zeros] = zeros < (int)WindowZeros ? NaRHead : NegativeHeadForScale(scale);
                }

                return heads;
            }
        }
    }
}
