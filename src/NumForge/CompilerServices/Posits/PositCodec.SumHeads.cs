using System;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace NumForge.CompilerServices
{
    /// <summary>
    /// The rounding of posit + and × for 17 to 32 bits (AddNarrow, MultiplyNarrow): <see cref="FinishSigned"/> with the
    /// head's bits and its shift from a table (<see cref="HeadWord"/>), and without the sticky fold.
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
        /// heads of <see cref="SumHeads"/> hold their bits less that one, so an addition places the fraction. The shift
        /// and the head's bits lie in two parts of the table, so neither needs a mask.
        /// </para>
        /// </remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ulong EncodeSignedUnfoldedAt(long value, nint indexAtNoZeros)
        {
            long mask = value >> 63;
            nint zeros = (nint)LeadingZeros((ulong)(value ^ mask));
            nint index = (indexAtNoZeros - zeros) ^ (nint)mask;
            ulong shift = PinnedTable.At<ulong>(SumHeads.Address, index);
            ulong s = PinnedTable.At<ulong>(SumHeads.BitsAddress, index) + (((ulong)value << (int)zeros) >> (int)shift);
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
        /// below) in the two parts of a <see cref="HeadWord"/>: from <see cref="Address"/> the right shift h - 1 of a
        /// normalized value that keeps its leading bit, from <see cref="BitsAddress"/> the head's bits less 2^(64 - h) for
        /// positive heads.
        /// </summary>
        /// <remarks>
        /// Apart, not one word as in <see cref="ProductHeads"/>: the sum kernel ran 0.05-0.18 ns slower with the word's mask
        /// (an operation more, and this kernel is short of execution ports rather than of latency), and two table
        /// addresses let both loads take the index in their own addressing (one address would cost a <c>lea</c>).
        /// </remarks>
        private static class SumHeads
        {
            public static readonly ulong[] Words = PinnedTable.Pin(Build());

            /// <summary>The address of the positive head of index 0 (pinned): a constant in Tier-1 code.</summary>
            public static readonly nint Address = PinnedTable.AddressOf(Words) + (nint)(sizeof(ulong) * Count);

            /// <summary>The address of the bits of the positive head of index 0: 2 × <see cref="Count"/> entries past <see cref="Address"/>.</summary>
            public static readonly nint BitsAddress = Address + (sizeof(ulong) * 2 * Count);

            private static int Count => (2 * HeadOffset) + 1;

            private static ulong[] Build()
            {
                var words = new ulong[4 * Count];
                for (int i = 0; i < Count; i++)
                {
                    ulong positive = HeadWord(HeadForScale(i - HeadOffset), fractionTop: 62, prefix: 1UL << 63);
                    ulong negative = HeadWord(NegativeHeadForScale(i - HeadOffset), fractionTop: 62, prefix: 0);
                    words[Count + i] = positive & 63;
                    words[Count - 1 - i] = negative & 63;
                    words[(3 * Count) + i] = positive & ~63UL;
                    words[(3 * Count) - 1 - i] = negative & ~63UL;
                }

                return words;
            }
        }

        /// <summary>
        /// A head as one word, for a value whose fraction starts at bit <paramref name="fractionTop"/> below the bits
        /// <paramref name="prefix"/> (a normalized value: from 62, below its leading bit): in the low six bits the right
        /// shift that puts the fraction after the head's bits, above them the head's bits less what the prefix, shifted with
        /// it, adds to them (a multiple of 64: the prefix moves at most 31 places). A kernel that reads the word masks the
        /// shift off beside the shift itself, off the chain it waits on, from half the table of a shift and a head apart.
        /// A saturating head keeps the shift 63: the value then adds at most 1, far below the rounding.
        /// </summary>
        private static ulong HeadWord(ulong head, int fractionTop, ulong prefix)
        {
            int h = (int)(head & 63);
            if (h == 63)
            {
                return head;
            }

            int r = h + fractionTop - 63;
            ulong bits = (head & ~63UL) - (prefix >> r);
            return (bits & 63) == 0
                ? bits | (uint)r
                : throw new InvalidOperationException($"A head of {h} bits leaves its prefix in the shift's place.");
        }
    }
}
