using System.Numerics;
using System.Runtime.CompilerServices;

namespace NumForge.CompilerServices
{
    /// <summary>
    /// The rounding of posit + and × for 17 to 32 bits (AddNarrow, MultiplyNarrow): <see cref="FinishSigned"/> with the
    /// head's bits and its shift in two parts of one table, so that neither needs a mask, and without the sticky fold.
    /// </summary>
    public static partial class PositCodec<TTraits>
    {
        /// <summary>
        /// <see cref="EncodeSigned"/> without folding the low bits, for a sum or a product of two posits of at most 32
        /// bits whose scales the 12-bit decode table reads: all of its significant bits reach the rounding, or those that
        /// do not cannot change it.
        /// </summary>
        /// <remarks>
        /// <para>
        /// The rounding shifts the fraction right by h = 1 + the regime's length + es and keeps, below the n - h fraction
        /// bits of the code, the round bit and 63 - n more bits; only what falls below those is lost. A product of
        /// significands of p + 1 and q + 1 bits has at most p + q + 2 bits (p = n - hx, q = n - hy) and the window holds
        /// 65 - h: enough for n &lt;= 32, because the product's regime is at most one longer than the operands' two
        /// together (so h &lt;= hx + hy - 1). A sum either has all its bits within the window, or its smaller operand lies
        /// wholly below the larger one's last bit; then a positive rest leaves the round bit 0 (rounding down, whatever
        /// follows) and a negative one, floored, leaves ones from the round bit down across the window (rounding up, the
        /// sticky bit already set). Saves the trailing-zero count and its four operations of <see cref="FoldSticky"/>.
        /// </para>
        /// <para>
        /// The normalized value keeps its leading bit (1 for positive values, 0 for negative ones, whose two's complement
        /// fraction follows a 1 0): shifted right by h - 1 it lands on the head's last exponent bit, and the positive
        /// heads of <see cref="SplitHeads"/> hold their bits less that one, so an addition places the fraction. The shift
        /// comes from the other part of the table, so neither the head nor the count needs a mask.
        /// </para>
        /// </remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ulong EncodeSignedUnfoldedAt(long value, nint indexAtNoZeros)
        {
            long mask = value >> 63;
            nint zeros = (nint)LeadingZeros((ulong)(value ^ mask));
            ref ulong shift = ref PinnedTable.At<ulong>(SplitHeads.Address, (indexAtNoZeros - zeros) ^ (nint)mask);
            ulong s = Unsafe.Add(ref shift, SplitHeads.Bits) + (((ulong)value << (int)zeros) >> (int)shift);
            return RoundUnfolded(s);
        }

        /// <summary>The code of a bit string head | fraction of <see cref="EncodeSignedUnfoldedAt"/>, rounded to nearest, ties to even, as <see cref="FinishSigned"/> does.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ulong RoundUnfolded(ulong s)
        {
            // For 32 bits the code is the high half: a rotation (one instruction, which leaves its source alone) reads it
            // and its lowest bit without a register copy.
            int drop = 64 - TTraits.Bits;
            if (drop == 32)
            {
                s += 0x7FFF_FFFFUL + (BitOperations.RotateRight(s, 32) & 1);
                return (uint)BitOperations.RotateRight(s, 32);
            }

            s += ((1UL << (drop - 1)) - 1) + ((s >> drop) & 1);
            return s >> drop;
        }

        /// <summary>
        /// The heads of <see cref="SignedHeads"/> (same indices, positive from <see cref="Address"/> up, negative mirrored
        /// below) in two parts (<see cref="SplitHead"/>): from <see cref="Address"/> the right shift h - 1 of a normalized
        /// value that keeps its leading bit, <see cref="Bits"/> entries on the head's bits without the shift, less 2^(64 - h)
        /// for positive heads.
        /// </summary>
        private static class SplitHeads
        {
            /// <summary>How far the head bits lie past the shifts (entries).</summary>
            public static int Bits => 2 * Count;

            public static readonly ulong[] Words = PinnedTable.Pin(Build());

            /// <summary>The address of the shift of the positive head of index 0 (pinned): a constant in Tier-1 code.</summary>
            public static readonly nint Address = PinnedTable.AddressOf(Words) + (nint)(sizeof(ulong) * Count);

            private static int Count => (2 * HeadOffset) + 1;

            private static ulong[] Build()
            {
                var words = new ulong[2 * Bits];
                for (int i = 0; i < Count; i++)
                {
                    Split(words, Count + i, HeadForScale(i - HeadOffset), positive: true);
                    Split(words, Count - 1 - i, NegativeHeadForScale(i - HeadOffset), positive: false);
                }

                return words;
            }

            private static void Split(ulong[] words, int index, ulong head, bool positive)
                => SplitHead(words, index, Bits, head, fractionTop: 62, prefix: positive ? 1UL << 63 : 0);
        }

        /// <summary>
        /// A head's two parts, at <paramref name="index"/> and <paramref name="bits"/> entries on, for a value whose fraction
        /// starts at bit <paramref name="fractionTop"/> below the bits <paramref name="prefix"/> (a normalized value: from
        /// 62, below its leading bit): the right shift that puts the fraction after the head's bits, and the head's bits
        /// less what the prefix, shifted with it, adds to them. A saturating head keeps the shift 63: the value then adds
        /// at most 1, far below the rounding.
        /// </summary>
        private static void SplitHead(ulong[] words, int index, int bits, ulong head, int fractionTop, ulong prefix)
        {
            int h = (int)(head & 63);
            if (h == 63)
            {
                words[index] = 63;
                words[bits + index] = head & ~63UL;
                return;
            }

            int r = h + fractionTop - 63;
            words[index] = (ulong)r;
            words[bits + index] = (head & ~63UL) - (prefix >> r);
        }
    }
}
