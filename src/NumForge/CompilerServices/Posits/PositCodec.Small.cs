using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NumForge.CompilerServices
{
    /// <summary>
    /// +, × and ÷ for posits of 9 to 16 bits (posit16): operands decoded by table lookups, the result rounded by one lookup
    /// of its folded head (<see cref="FinishFolded"/>; + and × round the two's complement result directly, with heads per
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
        /// No branch: 0 and NaR read as a significand of 0, whose product has 64 leading zeros, and scale fields so large
        /// that the head index lands in a region of zero or NaR heads (see <see cref="ProductTable"/>), so sparse tensors
        /// cost what dense ones do.
        /// </remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ulong MultiplySmall(ulong x, ulong y)
        {
            ref long entries = ref PinnedTable.At<long>(ProductTable.Address, 0);
            long ex = Unsafe.Add(ref entries, (nint)x);
            long ey = Unsafe.Add(ref entries, (nint)y);
            int product = (int)ex * (int)ey;                        // |product| in [2^28, 2^30); 0 when an operand is 0 or NaR

            // The leading bits that equal the sign, less one (the highest bit where product and 2 product differ), and the
            // fields of the two entries (see ProductTable) pick the head without the sign as a mask. The product stays in
            // 32 bits (no sign extension): a 64-bit count of its zero-extended bits is 32 more, and shifted left by that
            // count its bits land where the sign-extended product's would (a product of 0 has 64 and is not shifted).
            ulong zeros = LeadingZeros((uint)(product ^ (product + product)));
            ulong head = PinnedTable.At<ulong>(ProductTable.HeadsAddress, (nint)((ulong)(ex + ey) >> 33) - (nint)zeros);
            return FinishFolded(head, (ulong)(uint)product << (int)zeros);
        }

        /// <summary>
        /// Per code of a format of 9 to 16 bits, the signed significand (hidden bit at 14) in the low 32 bits and from bit 33
        /// up its scale plus (34 + <see cref="HeadOffset"/>) / 2, plus <see cref="Region"/> for a negative code; bit 32
        /// stays clear for the carry of the low halves when two entries are added. A product's leading one is at bit 35 - z
        /// (z its leading zeros, of the complement when negative): the two scale fields less z - 1 are its scale index
        /// (scale + <see cref="HeadOffset"/>) plus one region per negative factor, and the heads hold the positive heads in
        /// regions 0 and 2 and the negative ones in region 1.
        /// </summary>
        /// <remarks>
        /// 0 and NaR have a significand of 0 (a product of 0, 64 leading zeros) and the fields of <see cref="Specials"/>,
        /// which land every product with them among zero or NaR heads after the three regions.
        /// </remarks>
        private static class ProductTable
        {
            public static readonly long[] Entries = PinnedTable.Pin(Build());

            /// <summary>The address of element 0 of <see cref="Entries"/> (pinned): a constant in Tier-1 code.</summary>
            public static readonly nint Address = PinnedTable.AddressOf(Entries);

            /// <summary>The heads of the three regions, folded for a value shifted with its sign bit kept (<see cref="FoldSignKept"/>), then the zero and NaR heads.</summary>
            public static readonly ulong[] Heads = PinnedTable.Pin(BuildHeads());

            /// <summary>The address of element 0 of <see cref="Heads"/> (pinned): a constant in Tier-1 code.</summary>
            public static readonly nint HeadsAddress = PinnedTable.AddressOf(Heads);

            /// <summary>The size of a region: every scale index a product can have (0 to 2 <see cref="HeadOffset"/>).</summary>
            private static int Region => (2 * HeadOffset) + 1;

            /// <summary>
            /// The fields of 0 and NaR (see <see cref="SpecialProductFields"/>): a code's field is its scale plus
            /// (34 + <see cref="HeadOffset"/>) / 2, plus a region when negative, and a head index is two fields less the
            /// leading zeros.
            /// </summary>
            private static SpecialProductFields Specials
                => new(3 * Region, 0, ((34 + HeadOffset) / 2) - TTraits.MaxScale, ((34 + HeadOffset) / 2) + TTraits.MaxScale + Region);

            private static long[] Build()
            {
                var entries = new long[1 << TTraits.Bits];
                int bias = (34 + HeadOffset) / 2;
                SpecialProductFields specials = Specials;
                for (ulong code = 0; code < 1UL << TTraits.Bits; code++)
                {
                    if ((code & PayloadMask) != 0)
                    {
                        int entry = DecodeTable.Entries[code];
                        int significand = (short)entry;
                        entries[code] = ((long)((entry >> 16) + bias + (significand < 0 ? Region : 0)) << 33) | (uint)significand;
                    }
                    else
                    {
                        entries[code] = (long)(code == 0 ? specials.Zero : specials.NaR) << 33;
                    }
                }

                return entries;
            }

            private static ulong[] BuildHeads()
            {
                SpecialProductFields specials = Specials;
                var heads = new ulong[specials.End];
                for (int i = 0; i < Region; i++)
                {
                    heads[i] = heads[(2 * Region) + i] = FoldSignKept(HeadForScale(i - HeadOffset), positive: true);
                    heads[Region + i] = FoldSignKept(NegativeHeadForScale(i - HeadOffset), positive: false);
                }

                // Zero heads (no bits, shift 0: the product of 0 adds nothing) from 3 regions on, then NaR's.
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
            ulong p = (ushort)wx * (ulong)(uint)wy;                  // 0 when an operand is 0 or NaR

            // The scale fields add up (modulo 2^16) to the head's index less the leading zeros (18 or 19) of the quotient;
            // the sign bits (bit 40) to the quotient's sign.
            ulong words = wx + wy;
            p &= ~0x7FFFUL;
            ulong zeros = LeadingZeros(p);
            ulong head = Unsafe.Add(ref divisors, (nint)(words >> 48) - (nint)zeros + (1 << TTraits.Bits));
            ulong negative = (ulong)((long)BitOperations.RotateRight(words, 41) >> 63);

            // A zero quotient of a negative divisor negates to 2^n: the mask keeps its n bits (0), as the caller's narrowing would.
            return NegateFolded(RoundFolded(head, p << (int)zeros), negative) & TTraits.CodeMask;
        }

        /// <summary>
        /// Per code of a format of 9 to 16 bits, the two words <see cref="DivideSmall"/> reads: as a numerator, the
        /// significand's magnitude m (hidden bit at 14) in the low bits and its scale modulo 2^16 in bits 48 to 63; as a
        /// divisor, ⌈2^45 / m⌉ (at most 2^31) in the low bits and, in bits 48 to 63, the index in the heads of scale 18 - its
        /// scale (so that the two fields add up, modulo 2^16 and without a carry from the low bits, to the index for 0
        /// leading zeros); in both, the code's sign at bit 40 (two of them add up to the quotient's sign there, below the
        /// scale field and above the low bits). Behind the divisors follow the heads of <see cref="HeadTable.Words"/>,
        /// folded (<see cref="Fold"/>), so that the divisor's base address reaches them, then zero and NaR heads.
        /// </summary>
        /// <remarks>
        /// 0 and NaR have no low bits (a product of 0, 64 leading zeros) and fields chosen so that 64 less the sum of two
        /// fields is an index among the zero heads for 0 ÷ y (y neither 0 nor NaR) and among the NaR heads otherwise: a
        /// divisor's field lies in [<see cref="HeadOffset"/> + 18 - maxScale, <see cref="HeadOffset"/> + 18 + maxScale], a
        /// numerator's in [-maxScale, maxScale] (modulo 2^16).
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

            /// <summary>The largest field of a divisor (the smallest scale).</summary>
            private static int MaxDivisorField => HeadOffset + 18 + TTraits.MaxScale;

            /// <summary>The first NaR head after the folded heads (at index <see cref="HeadTable.Words"/>' length): 0 ÷ y lands below it.</summary>
            private static int NaRStart => HeadTable.Words.Length + MaxDivisorField + 1;

            /// <summary>The field of a numerator 0: 0 ÷ y lands at the folded heads' length plus y's field.</summary>
            private static int NumeratorZeroField => 64 + HeadTable.Words.Length;

            /// <summary>The field of a numerator NaR: NaR ÷ y lands at <see cref="NaRStart"/> or above.</summary>
            private static int NumeratorNaRField => 64 + NaRStart;

            /// <summary>The field of a divisor 0 or NaR: x ÷ it lands at <see cref="NaRStart"/> or above for every x.</summary>
            private static int DivisorSpecialField => 64 + NaRStart + TTraits.MaxScale;

            private static ulong[] Build(bool numerators)
            {
                ulong[] heads = HeadTable.Words;
                int last = NumeratorNaRField + DivisorSpecialField - 64;       // NaR ÷ 0, the highest index
                var words = new ulong[(1 << TTraits.Bits) + (numerators ? 0 : last + 1)];
                for (int i = 0; !numerators && i <= last; i++)
                {
                    words[(1 << TTraits.Bits) + i] = i < heads.Length ? Fold(heads[i], positive: true) : i < NaRStart ? 0 : NaRHead;
                }

                for (ulong code = 0; code < 1UL << TTraits.Bits; code++)
                {
                    if ((code & PayloadMask) == 0)
                    {
                        int field = numerators ? (code == 0 ? NumeratorZeroField : NumeratorNaRField) : DivisorSpecialField;
                        words[code] = (ulong)field << 48;
                        continue;
                    }

                    int entry = DecodeTable.Entries[code];
                    int scale = entry >> 16;
                    ulong m = (ulong)Math.Abs((int)(short)entry);
                    ulong sign = (ulong)((entry >> 15) & 1) << 40;    // the code's sign
                    words[code] = sign | (numerators
                        ? m | ((ulong)(ushort)scale << 48)
                        : (((1UL << 45) + m - 1) / m) | ((ulong)(ushort)(HeadOffset + 18 - scale) << 48));
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
