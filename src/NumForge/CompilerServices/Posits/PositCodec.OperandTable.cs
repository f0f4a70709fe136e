using System;
using System.Runtime.CompilerServices;

namespace NumForge.CompilerServices
{
    /// <summary>
    /// The operand decoding of posit + and × for 17 to 32 bits (AddNarrow, MultiplyNarrow): one table lookup of a code's
    /// top 12 bits, then a shift, an exclusive or and an arithmetic shift give the signed significand.
    /// </summary>
    /// <remarks>
    /// Shifted left by its entry's count, a code has its fraction from bit 61 down and, in bits 63 and 62, the two code
    /// bits before the fraction: both among the top 12 bits, so the entry knows them and its own bits 63 and 62 turn
    /// them into the significand's base by an exclusive or: 01 (the hidden bit) for positive codes, 10 (-2, the two's
    /// complement reading of <see cref="UnpackTwosComplement"/>) for negative ones. Everything below the fraction is
    /// zero in the shifted code, so the entry's low bits (the count and, for
    /// products, the biased scale) pass into the word unchanged, below the bits the arithmetic shift keeps. Against a
    /// separate shift, shift, mask and add this saves two operations per operand.
    /// </remarks>
    public static partial class PositCodec<TTraits>
    {
        /// <summary>
        /// The signed significand of <see cref="UnpackTwosComplement"/> (hidden bit at 30) from a <see cref="OperandTable"/>
        /// product entry: its scale bits (8 to 19) and its count fall below bit 32 and leave with the shift.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static long ProductSignificandOf(ulong code, long entry) => (long)((code << (int)entry) ^ (ulong)entry) >> 32;

        /// <summary>
        /// A code's signed significand with the hidden bit at 62 and its entry's low seven bits below the fraction, from
        /// an <see cref="OperandTable"/> sum entry: shifted right arithmetically by 7 or more, the significand × 2^-7 or
        /// less, floored, without them.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static long SumSignificandOf(ulong code, long entry) => (long)((code << (int)entry) ^ (ulong)entry);

        /// <summary>
        /// For formats of 17 to 32 bits, per value of a code's top 12 bits: a product entry (the base bits at 63 and 62,
        /// the scale + <see cref="ScaleBias"/> from bit 8, the count in the low six bits), from
        /// <see cref="Sums"/> on a sum entry (the same without the scale, and only for scales within
        /// ±<see cref="SumScaleLimit"/>), from <see cref="SumScales"/> on the scale + <see cref="SumScaleBias"/> as a 64-bit
        /// word (no sign extension), then the far masks of products and of sums (<see cref="ProductFarMasks"/>,
        /// <see cref="SumFarMasks"/>). One array, so that a kernel addresses every part from one base register.
        /// </summary>
        /// <remarks>
        /// A code leaves for the out-of-line routine exactly when it has a bit in its far mask: none where the 12 bits decode
        /// it, all where they do not, and, for the top bits of 0 (all payload bits zero), the bits below the 12: 0 itself
        /// stays on the fast path (NaR, rare in real data, leaves: its heads would take a region of their own in
        /// <see cref="ProductHeads"/>, 8 entries per field sum). Its product entry has no significand and a scale field
        /// (<see cref="ProductHeads.Specials"/>) that puts the head index of any product with it among zero heads; its sum entry
        /// has no significand and a scale 35 below the bias, so a sum with it is the other operand, aligned by 7 to 63.
        /// Sparse tensors then cost what dense ones do.
        /// </remarks>
        private static class OperandTable
        {
            /// <summary>The bias of the scale from bit 8 of a product entry (two fields add up below bit 32, see <see cref="ProductHeads.Specials"/>).</summary>
            public const int ScaleBias = 2048;

            /// <summary>The index of the first sum entry.</summary>
            public const int Sums = 1 << 12;

            /// <summary>The index of the first sum scale.</summary>
            public const int SumScales = 2 << 12;

            /// <summary>The index of the first product far mask (see the remarks of <see cref="OperandTable"/>).</summary>
            public const int ProductFarMasks = 3 << 12;

            /// <summary>The index of the first sum far mask.</summary>
            public const int SumFarMasks = ProductFarMasks + (1 << 12);

            /// <summary>
            /// The largest |scale| of a sum entry: two scales then differ by at most 56, so the alignment shift and the 7
            /// bits below the fraction make at most 63, one 64-bit shift without a clamp. posit32 reads scales of -32 to
            /// 31 from 12 bits; those beyond ±28 (|x| of 2^28 or more, 2^-28 or less) take AddFar.
            /// </summary>
            public const int SumScaleLimit = 28;

            /// <summary>
            /// What the sum scales hold above the scale: a sum's hidden bit is at 55 (62 - 7), so its scale index in the
            /// head tables is the larger scale + 8 + <see cref="HeadOffset"/> less the sum's leading-zero count.
            /// </summary>
            public static int SumScaleBias => 8 + HeadOffset;

            /// <summary>Product entries, sum entries, sum scales and the far masks.</summary>
            public static readonly long[] Words = PinnedTable.Pin(Build());

            /// <summary>The address of element 0 of <see cref="Words"/> (pinned): a constant in Tier-1 code.</summary>
            public static readonly nint Address = PinnedTable.AddressOf(Words);

            private static long[] Build()
            {
                var words = new long[SumFarMasks + (1 << 12)];
                // 0: see the remarks of OperandTable; codes that share its top bits leave by their low bits, NaR by all.
                long lowBits = (1L << (TTraits.Bits - 12)) - 1;
                words.AsSpan(ProductFarMasks, 2 << 12).Fill(-1);
                words[0] = (long)ProductHeads.Specials.Zero << 8;
                words[ProductFarMasks] = words[SumFarMasks] = lowBits;
                words[SumScales] = SumScaleBias - 35;

                for (int top = 0; top < Sums; top++)
                {
                    if (!TryReadTopBits(top, 12, out int scale, out int consumed))
                    {
                        continue;
                    }

                    bool negative = top >> 11 != 0;

                    // The count puts the fraction's first bit at 61 (it is at n - 2 - consumed in the code); the two code
                    // bits it moves to 63 and 62 are among the top 12.
                    int count = 63 - TTraits.Bits + consumed;
                    ulong code = (ulong)top << (TTraits.Bits - 12);
                    ulong shiftedTop = (code << count) >> 62;
                    ulong baseBits = negative ? 2UL : 1UL;
                    long head = (long)((shiftedTop ^ baseBits) << 62) + count;
                    words[top] = head + ((long)(scale + ScaleBias) << 8);
                    words[ProductFarMasks + top] = 0;
                    if (Math.Abs(scale) <= SumScaleLimit)
                    {
                        words[Sums + top] = head;
                        words[SumScales + top] = scale + SumScaleBias;
                        words[SumFarMasks + top] = 0;
                    }
                }

                return words;
            }
        }
    }
}
