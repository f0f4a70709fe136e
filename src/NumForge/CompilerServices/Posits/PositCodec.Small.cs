using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NumForge.CompilerServices
{
    /// <summary>
    /// +, × and ÷ for posits of 9 to 16 bits (posit16): operands decoded by table lookups, the result rounded by one lookup
    /// of its head (<see cref="Finish"/>; + and × round the two's complement result directly with the signed heads). No branch
    /// but a rare one for 0 and NaR.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Sums, where every value is a multiple of minpos and at most maxpos in magnitude with room to spare in 64 bits
    /// (maxScale &lt;= 29: posit16 with es = 0 or 1, SoftPosit's posit16), are exact in a 64-bit fixed-point integer: one
    /// table gives value × 2^maxScale per code (NaR a sentinel of 2^62 that no sum of reals reaches), the two are added,
    /// and the leading-zero count of the sum alone picks the head, NaR and zero included. Other shapes align the operand of
    /// smaller scale as <see cref="AddAligned"/> does, without the swap.
    /// </para>
    /// <para>
    /// Quotients multiply the numerator by a reciprocal from a table of one entry per divisor significand, ⌈2^46 / b⌉:
    /// for numerators below 2^31 and divisors below 2^15 the top bits of that product are the exact integer quotient
    /// (Granlund and Montgomery), and the remainder gives the sticky bit.
    /// </para>
    /// </remarks>
    public static partial class PositCodec<TTraits>
    {
        /// <summary>Whether the table-decoded kernels of this file apply (9 to 16 bits).</summary>
        private static bool Small { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => TTraits.Bits > 8 && TTraits.Bits <= 16; }

        /// <summary>Whether every sum of two posits is exact in a 64-bit fixed-point integer with room for the NaR sentinel.</summary>
        private static bool FixedPointSums { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => TTraits.MaxScale <= 29; }

        /// <summary>x + y for 9 to 16 bits.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ulong AddSmall(ulong x, ulong y)
        {
            if (FixedPointSums)
            {
                ref long values = ref PinnedTable.At<long>(FixedPointTable.Address, 0);
                long total = Unsafe.Add(ref values, (nint)x) + Unsafe.Add(ref values, (nint)y);
                long mask = total >> 63;
                int zeros = BitOperations.LeadingZeroCount((ulong)(total ^ mask));
                ulong fixedHead = PinnedTable.At<ulong>(FixedPointTable.HeadsAddress, (nint)zeros ^ (nint)mask);
                return FinishSigned(fixedHead, ((ulong)total << zeros) << 1);
            }

            ref int entries = ref PinnedTable.At<int>(DecodeTable.Address, 0);
            int ex = Unsafe.Add(ref entries, (nint)x);
            int ey = Unsafe.Add(ref entries, (nint)y);
            long a = (short)ex, b = (short)ey;
            if (a * b == 0)
            {
                return AddSpecial(x, y);
            }

            // Hidden bits at 61; the smaller scale's operand shifted right (floored; see AddAligned for why no sticky bit
            // is needed), the larger's by 0.
            int scaleA = ex >> 16, scaleB = ey >> 16;
            int high = Math.Max(scaleA, scaleB);
            long sum = ((a << 47) >> Math.Min(high - scaleA, 63)) + ((b << 47) >> Math.Min(high - scaleB, 63));
            ulong code = EncodeSigned(sum, high + 2 + HeadOffset, foldSticky: false);
            return sum == 0 ? 0 : code;
        }

        /// <summary>x × y for 9 to 16 bits: the product of two 15-bit significands, exact.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ulong MultiplySmall(ulong x, ulong y)
        {
            ref int entries = ref PinnedTable.At<int>(DecodeTable.Address, 0);
            int ex = Unsafe.Add(ref entries, (nint)x);
            int ey = Unsafe.Add(ref entries, (nint)y);
            long product = (long)(short)ex * (short)ey;             // |product| in [2^28, 2^30); 0 when an operand is 0 or NaR
            if (product == 0)
            {
                return IsNaR(x) || IsNaR(y) ? TTraits.NaRCode : 0;
            }

            // |product| has its leading one at bit 35 - leadingZeros (28 or 29): the scale is the sum of both plus that less 28.
            return EncodeSigned(product, (ex >> 16) + (ey >> 16) + 35 + HeadOffset, foldSticky: false);
        }

        /// <summary>x ÷ y for 9 to 16 bits: a multiplication by the divisor's reciprocal gives the exact quotient.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ulong DivideSmall(ulong x, ulong y)
        {
            ref int entries = ref PinnedTable.At<int>(DecodeTable.Address, 0);
            int ex = Unsafe.Add(ref entries, (nint)x);
            int ey = Unsafe.Add(ref entries, (nint)y);
            long a = (short)ex, b = (short)ey;
            if (a * b == 0)
            {
                return IsNaR(x) || y == 0 || IsNaR(y) ? TTraits.NaRCode : 0;
            }

            ulong negative = (ulong)((a ^ b) >> 63);
            ulong numerator = Magnitude(a, out _) << 16;             // < 2^31
            ulong divisor = Magnitude(b, out _);                     // [2^14, 2^15), the low 14 - MaxFractionBits bits zero
            ulong reciprocal = SmallWord(ref entries, (int)(divisor >> (14 - TTraits.MaxFractionBits)) + (HeadTable.ReciprocalStart - (1 << TTraits.MaxFractionBits)));
            ulong q = (numerator * reciprocal) >> 46;                // ⌊numerator / divisor⌋, in (2^15, 2^17)
            ulong inexact = numerator != q * divisor ? 1UL : 0UL;
            int top = (int)(q >> 16);

            // The quotient's 15 or 16 fraction bits end at bit 48 at the lowest; the sticky bit sits below them, and
            // stays above bit 0 after the head's shift (at most n + es).
            ulong head = SmallWord(ref entries, (ex >> 16) - (ey >> 16) - 1 + top + HeadOffset);
            return Finish(negative, head, (q << (49 - top)) | (inexact << 47));
        }

        /// <summary>Word <paramref name="index"/> of <see cref="HeadTable.Words"/>, read from its copy behind the decode entries.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ulong SmallWord(ref int entries, int index)
            => Unsafe.As<int, ulong>(ref Unsafe.Add(ref entries, (1 << TTraits.Bits) + (2 * (nint)index)));

        /// <summary>Every code as value × 2^maxScale (an integer: every posit is a multiple of minpos), and the heads by leading-zero count of a sum.</summary>
        private static class FixedPointTable
        {
            /// <summary>The NaR sentinel: any sum with it is at least 2^61 in magnitude, and no sum of reals reaches 2^(2 maxScale + 2) &lt;= 2^60.</summary>
            private const long NaR = 1L << 62;

            /// <summary>The value of every code, then the heads for 0 to 64 leading zeros of a sum (one array, one base address).</summary>
            public static readonly long[] Values = PinnedTable.Pin(Build());

            /// <summary>The address of element 0 of <see cref="Values"/> (pinned): a constant in Tier-1 code.</summary>
            public static readonly nint Address = PinnedTable.AddressOf(Values);

            /// <summary>The heads by leading zeros of a sum, both signs (<see cref="BuildHeads"/>).</summary>
            public static readonly ulong[] Heads = PinnedTable.Pin(BuildHeads());

            /// <summary>The address of the positive head of zero leading zeros (pinned): a constant in Tier-1 code.</summary>
            public static readonly nint HeadsAddress = PinnedTable.AddressOf(Heads) + (65 * sizeof(ulong));

            private static long[] Build()
            {
                var values = new long[1 << TTraits.Bits];
                for (ulong code = 0; code < 1UL << TTraits.Bits; code++)
                {
                    if ((code & PayloadMask) == 0)
                    {
                        values[code] = code == 0 ? 0 : NaR;
                        continue;
                    }

                    int entry = DecodeTable.Entries[code];
                    long significand = (short)entry;                // hidden bit at 14
                    int shift = (entry >> 16) - 14 + TTraits.MaxScale;
                    values[code] = shift >= 0 ? significand << shift : significand >> -shift;   // exact either way
                }

                return values;
            }

            /// <summary>
            /// The heads of a sum by the leading-zero count z of the sum (or of its complement, for a negative sum), both
            /// signs as in <see cref="SignedHeads"/>: a leading one at bit 63 - z is the scale 63 - z - maxScale; 2 or fewer
            /// leading zeros only come with NaR.
            /// </summary>
            private static ulong[] BuildHeads()
            {
                var heads = new ulong[2 * 65];
                for (int zeros = 0; zeros <= 64; zeros++)
                {
                    int scale = 63 - zeros - TTraits.MaxScale;
                    heads[65 + zeros] = zeros <= 2 ? (1UL << 63) | 63 : zeros == 64 ? 63 : HeadForScale(scale);
                    heads[64 - zeros] = zeros <= 2 ? (1UL << 63) | 63 : NegativeHeadForScale(scale);
                }

                return heads;
            }
        }
    }
}
