using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace NumForge.CompilerServices
{
    /// <summary>
    /// The rounding of the posit16 kernels (PositCodec.Small.cs) in as few instructions as the heads allow: a folded head
    /// holds the regime and exponent bits, the hidden bit's removal, the rounding constant and the fraction's shift at
    /// once, so one shift, one addition and a parity fix-up make the code.
    /// </summary>
    /// <remarks>
    /// <para>
    /// <see cref="Finish"/> rounds the bit string head | fraction to nearest, ties to even, by adding half a unit less one
    /// plus the lowest kept bit. A folded head H starts from the same head (bits from 63 down, shift r + 1 in its low six
    /// bits) and takes the normalized value t itself (leading one, or for a negative two's complement value its leading
    /// zero, at bit 63) instead of the fraction t &lt;&lt; 1: H = head bits + 2^(drop-1) - 64 + r, less 2^(63-r) for a
    /// positive head (t's leading one after the shift). Then s = H + (t &gt;&gt; (H &amp; 63)) is head | fraction plus
    /// half a unit less 64, and adding 64 when the lowest kept bit is set rounds to nearest even exactly when the
    /// bits of head | fraction below bit 6 are zero (r in the low six bits stays below 64 and cannot reach bit 6).
    /// </para>
    /// <para>
    /// That holds for every posit16 kernel: a product of two significands of at most 15 bits, a quotient with its low 15
    /// bits clear, and a sum, whose nonzero low bits only come with a result so large that its rounding point lies more
    /// than 40 bits above them with no tie possible (two significands of at most 13 bits cannot make a run of 41 equal
    /// bits between the rounding point and bit 6). The every-pair sweeps (PositExhaustiveSweeps) check it. Saturating,
    /// zero and NaR heads (shift 63) are kept as they are: t &gt;&gt; 63 adds at most 1, far below the rounding point.
    /// </para>
    /// </remarks>
    public static partial class PositCodec<TTraits>
    {
        /// <summary>The code of a folded head and a normalized value t (see the remarks of this file's class).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ulong FinishFolded(ulong head, ulong t) => RoundFolded(head, t) >> (64 - TTraits.Bits);

        /// <summary><see cref="FinishFolded"/> before its last shift: the rounded bit string, the code in its top n bits.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ulong RoundFolded(ulong head, ulong t)
        {
            int drop = 64 - TTraits.Bits;
            ulong s = head + (t >> (int)head);
            return s + (BitOperations.RotateRight(s, drop - 6) & 64);   // the lowest kept bit at 6 (a rotation: one instruction, no copy)
        }

        /// <summary>The folded head of a head of <see cref="Finish"/> (<paramref name="positive"/>: of a nonnegative value).</summary>
        private static ulong Fold(ulong head, bool positive) => FoldAt(head, fractionTop: 62, prefix: positive ? 1UL << 63 : 0);

        /// <summary>
        /// The folded heads of a value t of one sign whose leading bit is at 61 (scale <paramref name="lowScale"/>) or at 62
        /// (one more): a positive t has the prefix 001 or 01 over its fraction, a negative one (two's complement) 110 or 10,
        /// and exactly -2^61 or -2^62 reads as a fraction of 1, a carry into the head's last bit that makes the next code.
        /// The posit16 product and quotient (<see cref="ProductTable"/>, <see cref="QuotientTable"/>) place theirs so.
        /// </summary>
        private static (ulong Low, ulong High) FoldAtTwoPlaces(int lowScale, bool negative) => negative
            ? (FoldAt(NegativeHeadForScale(lowScale), fractionTop: 60, prefix: 3UL << 62), FoldAt(NegativeHeadForScale(lowScale + 1), fractionTop: 61, prefix: 1UL << 63))
            : (FoldAt(HeadForScale(lowScale), fractionTop: 60, prefix: 1UL << 61), FoldAt(HeadForScale(lowScale + 1), fractionTop: 61, prefix: 1UL << 62));

        /// <summary>
        /// The folded head for a value t whose fraction starts at bit <paramref name="fractionTop"/> and whose bits above it
        /// are <paramref name="prefix"/>, known from the head's index (a normalized value has its leading one at 63 and its
        /// fraction from 62; a product of known width, unnormalized, one or two bits lower behind sign bits): the shift puts
        /// t's fraction right after the head's bits, and the prefix, shifted down with it, is taken back out of the head.
        /// </summary>
        private static ulong FoldAt(ulong head, int fractionTop, ulong prefix)
        {
            int shift = (int)(head & 63);
            if (shift == 63)
            {
                return head;
            }

            int r = shift + fractionTop - 63;
            int drop = 64 - TTraits.Bits;
            ulong folded = (head & ~63UL) + (1UL << (drop - 1)) - 64 + (ulong)r;
            return folded - (prefix >> r);
        }

        /// <summary>
        /// The code of a signed value whose index in <see cref="FoldedSignedHeads"/> is <paramref name="indexAtNoZeros"/>
        /// less the leading-zero count of the value (of its complement when negative): <see cref="EncodeSigned"/> with
        /// folded heads.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ulong EncodeFolded(long value, nint indexAtNoZeros)
        {
            long mask = value >> 63;
            ulong zeros = LeadingZeros((ulong)(value ^ mask));
            ulong head = PinnedTable.At<ulong>(FoldedSignedHeads.Address, (indexAtNoZeros - (nint)zeros) ^ (nint)mask);
            return FinishFolded(head, (ulong)value << (int)zeros);
        }

        /// <summary>
        /// <see cref="SignedHeads"/> folded (<see cref="Fold"/>) and moved up by one: index i + 1 holds the head of scale
        /// index i (positive from <see cref="Address"/> up, negative mirrored below), so that the kernels' index sums need
        /// no constant (see <see cref="ProductTable"/>). Index 0 and the ends hold the saturating heads.
        /// </summary>
        private static class FoldedSignedHeads
        {
            public static readonly ulong[] Words = PinnedTable.Pin(Build());

            /// <summary>The address of the positive head of index 0 (pinned): a constant in Tier-1 code.</summary>
            public static readonly nint Address = PinnedTable.AddressOf(Words) + (nint)(sizeof(ulong) * Count);

            private static int Count => (2 * HeadOffset) + 2;

            private static ulong[] Build()
            {
                var words = new ulong[2 * Count];
                for (int j = 0; j < Count; j++)
                {
                    int scale = j - 1 - HeadOffset;
                    words[Count + j] = Fold(HeadForScale(scale), positive: true);
                    words[Count - 1 - j] = Fold(NegativeHeadForScale(scale), positive: false);
                }

                return words;
            }
        }
    }
}
