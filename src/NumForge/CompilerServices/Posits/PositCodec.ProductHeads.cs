using System.Runtime.CompilerServices;

namespace NumForge.CompilerServices
{
    /// <summary>
    /// The rounding of posit × for 17 to 32 bits (MultiplyNarrow): the product's top bits join the scale fields in the
    /// head index, so no leading-zero count stands between the multiplication and the head's load.
    /// </summary>
    public static partial class PositCodec<TTraits>
    {
        /// <summary>
        /// The code of a product p of two signed significands (hidden bit at 30, so |p| in [2^60, 2^62], or 0) whose
        /// operands' <see cref="OperandTable"/> fields add up to an eighth of <paramref name="fieldSum8"/>.
        /// </summary>
        /// <remarks>
        /// p &gt;&gt; 61 is -2 to 2 and tells where p's leading bit is (<see cref="ProductHeads"/>): that is the one bit
        /// of normalization a product of two significands needs. On x86 a leading-zero count, its mask and the index
        /// arithmetic after it are five dependent operations between the multiplication and the load; this is two (a shift
        /// and the addition of the fields' part, which the JIT keeps inside the load's addressing: one load, since the
        /// shift and the head's bits share a word).
        /// </remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ulong EncodeProduct(long product, nint fieldSum8)
        {
            ulong head = PinnedTable.At<ulong>(ProductHeads.Address, fieldSum8 - ProductHeads.IndexBias + (nint)(product >> 61));
            ulong s = (head & ~63UL) + (((ulong)product << 2) >> (int)head);
            return RoundUnfolded(s);
        }

        /// <summary>
        /// Per index, 8 × the fields' sum + p &gt;&gt; 61 less <see cref="IndexBias"/>, a <see cref="HeadWord"/>: the shift
        /// that places the product p, shifted left by 2, after its head's bits, and the head's bits less what p's bits
        /// above its fraction (the same for every p of the index) add to them. Past the ordinary indices follow the zero heads
        /// of products with 0 (<see cref="Specials"/>; NaR leaves through the far masks of <see cref="OperandTable"/>).
        /// </summary>
        /// <remarks>
        /// <para>
        /// By p &gt;&gt; 61 (S the scale of the fields' sum): 0 for p in [2^60, 2^61), scale S, p &lt;&lt; 2 has its
        /// leading one at 62 and its fraction from 61; 1 for [2^61, 2^62), S + 1, one at 63, fraction from 62; 2 for
        /// 2^62 itself (both factors -2^31), S + 2 and no fraction (p &lt;&lt; 2 is 0); -1 for [-2^61, -2^60), S, the two's
        /// complement prefix 10 and the fraction from 61, where -2^60 itself reads as a fraction of 1, a carry into the
        /// head's last bit that makes the next code, its own; -2 for (-2^62, -2^61), S + 1, prefix 0, fraction from 62.
        /// The fraction bits land where <see cref="EncodeSignedUnfoldedAt"/> puts them after normalizing, so its reasoning
        /// on the bits below the rounding holds as it stands.
        /// </para>
        /// </remarks>
        private static class ProductHeads
        {
            /// <summary>What a product's index is less than 8 × the fields' sum + p &gt;&gt; 61: the first ordinary index is 0.</summary>
            public const int Scale = 8;

            /// <summary>The smallest and largest field of an ordinary code: the 12-bit table decodes |scale| &lt;= 10 × 2^es, one more for margin.</summary>
            private static int MinField => OperandTable.ScaleBias - (11 << TTraits.ExponentBits);

            private static int MaxField => OperandTable.ScaleBias + (11 << TTraits.ExponentBits);

            /// <summary>What an index is less than 8 × the fields' sum + p &gt;&gt; 61.</summary>
            public static int IndexBias => (Scale * 2 * MinField) - 2;

            /// <summary>One past the last ordinary index (the largest fields, p = 2^62).</summary>
            private static int OrdinaryEnd => (Scale * 2 * (MaxField - MinField)) + 5;

            /// <summary>The field of 0 (its NaR part unused): a product of 0 has p &gt;&gt; 61 = 0 (see <see cref="SpecialProductFields"/>).</summary>
            public static SpecialProductFields Specials
                => new(OrdinaryEnd, IndexBias, MinField, MaxField, fieldScale: Scale);

            public static readonly ulong[] Words = PinnedTable.Pin(Build());

            /// <summary>The address of the head of index 0 (pinned): a constant in Tier-1 code.</summary>
            public static readonly nint Address = PinnedTable.AddressOf(Words);

            private static ulong[] Build()
            {
                // Zero heads (no bits, shift 0: a product of 0 adds nothing) past the ordinary ones: the array's zeros.
                var words = new ulong[Specials.ZeroEnd];
                for (int sum = 2 * MinField; sum <= 2 * MaxField; sum++)
                {
                    int scale = sum - (2 * OperandTable.ScaleBias);
                    int index = (Scale * sum) - IndexBias;
                    words[index] = HeadWord(HeadForScale(scale), fractionTop: 61, prefix: 1UL << 62);
                    words[index + 1] = HeadWord(HeadForScale(scale + 1), fractionTop: 62, prefix: 1UL << 63);
                    words[index + 2] = HeadWord(HeadForScale(scale + 2), fractionTop: 62, prefix: 0);
                    words[index - 1] = HeadWord(NegativeHeadForScale(scale), fractionTop: 61, prefix: 2UL << 62);
                    words[index - 2] = HeadWord(NegativeHeadForScale(scale + 1), fractionTop: 62, prefix: 0);
                }

                return words;
            }
        }
    }
}
