using System.Numerics;
using System.Runtime.CompilerServices;

namespace NumForge.CompilerServices
{
    /// <summary>
    /// The rounding of the table-driven kernels (9 to 32 bits): a result's scale picks its head from a table, its fraction
    /// goes after it, and one addition rounds the bit string.
    /// </summary>
    /// <remarks>
    /// <para>
    /// A head holds, left-aligned from bit 63 (the NaR bit, then the n - 1 payload bits), the regime and exponent bits of
    /// one scale, and in its low six bits the right shift that places a fraction (first bit after the hidden one at bit
    /// 63) right after them. Saturating heads (±maxpos above maxpos's scale, ±minpos below minpos's) and the NaR head shift
    /// the fraction down to bit 0, where it cannot carry; the zero head has no bits at all. The table covers every scale a
    /// sum, product or quotient can reach, so no kernel tests the range.
    /// </para>
    /// </remarks>
    public static partial class PositCodec<TTraits>
    {
        /// <summary>The head of NaR: the NaR bit alone, and a shift of 63 that keeps any fraction from carrying into it.</summary>
        private const ulong NaRHead = (1UL << 63) | 63;

        /// <summary>The offset of scale 0 in <see cref="HeadTable.Words"/>.</summary>
        private static int HeadOffset { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => (2 * TTraits.MaxScale) + 64; }

        /// <summary>|value| and its sign as a mask (all ones for negative values), without a branch.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ulong Magnitude(long value, out ulong negative)
        {
            // Arithmetic, not a conditional: the JIT turns the conditional into a branch, and signs are coin tosses.
            long mask = value >> 63;
            negative = (ulong)mask;
            return (ulong)((value ^ mask) - mask);
        }

        /// <summary>
        /// The posit of a head and a fraction (bits after the hidden bit, from bit 63 down), rounded to nearest, ties to
        /// even, on the bit string: half a unit less one plus the lowest kept bit is added, and a carry runs into the
        /// exponent and the regime, which is the next posit. <paramref name="negative"/> (a mask) negates the code.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ulong Finish(ulong negative, ulong head, ulong fraction)
        {
            int drop = 64 - TTraits.Bits;
            ulong s = (head & ~63UL) | (fraction >> (int)head);
            s += ((1UL << (drop - 1)) - 1) + ((s >> drop) & 1);
            ulong code = s >> drop;
            return ((code ^ negative) - negative) & TTraits.CodeMask;
        }

        /// <summary>
        /// <see cref="Finish"/> for a signed result: <paramref name="head"/> from <see cref="SignedHeads"/> already holds the
        /// sign and the regime and exponent bits of the two's complement code, and <paramref name="fraction"/> is the
        /// two's complement fraction, so rounding the bit string to nearest even gives the code itself (negation maps
        /// midpoints to midpoints and even codes to even codes): no absolute value before, no negation after.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ulong FinishSigned(ulong head, ulong fraction)
        {
            int drop = 64 - TTraits.Bits;
            ulong s = (head & ~63UL) | (fraction >> (int)head);
            s += ((1UL << (drop - 1)) - 1) + ((s >> drop) & 1);
            return s >> drop;
        }

        /// <summary>
        /// The head of a signed fixed-point <paramref name="value"/> whose scale index (scale + <see cref="HeadOffset"/>)
        /// is <paramref name="indexAtNoZeros"/> less its leading-zero count, and the two's complement fraction after it
        /// (with <paramref name="foldSticky"/>, its low bits folded as <see cref="FoldSticky"/> does).
        /// A negative value v in [-2^(e+1), -2^e) has e from the leading zeros of ~v, and v / 2^e + 2 in [0, 1) as fraction:
        /// the reading of a negative code's fields as they stand (see <see cref="UnpackTwosComplement"/>).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ulong EncodeSigned(long value, int indexAtNoZeros, bool foldSticky)
        {
            long mask = value >> 63;
            int zeros = BitOperations.LeadingZeroCount((ulong)(value ^ mask));
            ulong head = PinnedTable.At<ulong>(SignedHeads.Address, (nint)(indexAtNoZeros - zeros) ^ (nint)mask);
            ulong fraction = ((ulong)value << zeros) << 1;
            return FinishSigned(head, foldSticky ? FoldSticky(fraction) : fraction);
        }

        /// <summary>
        /// The head of a negative result with scale <paramref name="scale"/> (two's complement reading: value in
        /// [-2^(scale+1), -2^scale)): the sign bit and the fields of the raw scale ~scale, or -maxpos and -minpos beyond.
        /// </summary>
        private static ulong NegativeHeadForScale(int scale)
        {
            int drop = 64 - TTraits.Bits;
            if (scale >= TTraits.MaxScale)
            {
                return (((TTraits.NaRCode << 1) - TTraits.MaxPosCode) << drop) | 63;
            }

            if (scale < -TTraits.MaxScale)
            {
                return (TTraits.CodeMask << drop) | 63;
            }

            return (1UL << 63) | HeadForScale(~scale);
        }

        /// <summary>The head of <see cref="Finish"/> for a scale (saturating at ±maxpos and ±minpos).</summary>
        private static ulong HeadForScale(int scale)
        {
            int drop = 64 - TTraits.Bits;
            if (scale >= TTraits.MaxScale)
            {
                return (TTraits.MaxPosCode << drop) | 63;
            }

            if (scale < -TTraits.MaxScale)
            {
                return (1UL << drop) | 63;
            }

            int k = scale >> TTraits.ExponentBits;
            int regimeLength = k >= 0 ? k + 2 : 1 - k;
            ulong bits = k >= 0 ? (~0UL << (64 - (k + 1))) >> 1 : 1UL << (63 - regimeLength);
            if (TTraits.ExponentBits > 0)
            {
                // The lowest exponent bit is at 63 - es - regimeLength >= 63 - 4 - 31: the low six bits stay free.
                bits |= (ulong)(scale & ((1 << TTraits.ExponentBits) - 1)) << (63 - TTraits.ExponentBits - regimeLength);
            }

            return bits | (uint)(1 + regimeLength + TTraits.ExponentBits);
        }

        /// <summary>
        /// Heads of both signs per scale index (scale + <see cref="HeadOffset"/>, the range of <see cref="HeadTable"/>):
        /// the positive ones from <see cref="Address"/> up, the negative ones mirrored below it, so that index ^ mask
        /// (mask all ones for a negative value) picks the head of the value's sign without a branch.
        /// </summary>
        private static class SignedHeads
        {
            public static readonly ulong[] Words = PinnedTable.Pin(Build());

            /// <summary>The address of the positive head of index 0 (pinned): a constant in Tier-1 code.</summary>
            public static readonly nint Address = PinnedTable.AddressOf(Words) + (nint)(sizeof(ulong) * Count);

            private static int Count => (2 * HeadOffset) + 1;

            private static ulong[] Build()
            {
                var words = new ulong[2 * Count];
                for (int i = 0; i < Count; i++)
                {
                    words[Count + i] = HeadForScale(i - HeadOffset);
                    words[Count - 1 - i] = NegativeHeadForScale(i - HeadOffset);
                }

                return words;
            }
        }

        /// <summary>Heads per scale (9 to 32 bits).</summary>
        private static class HeadTable
        {
            /// <summary>The head of every scale from -2 maxScale - 64 to 2 maxScale + 64 (every scale a sum, product or quotient can have).</summary>
            public static readonly ulong[] Words = PinnedTable.Pin(Build());

            /// <summary>The address of element 0 of <see cref="Words"/> (pinned): a constant in Tier-1 code.</summary>
            public static readonly nint Address = PinnedTable.AddressOf(Words);

            private static ulong[] Build()
            {
                var words = new ulong[(2 * HeadOffset) + 1];
                for (int i = 0; i < words.Length; i++)
                {
                    words[i] = HeadForScale(i - HeadOffset);
                }

                return words;
            }
        }
    }
}
