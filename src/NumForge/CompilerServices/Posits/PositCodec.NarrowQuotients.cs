using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NumForge.CompilerServices
{
    /// <summary>
    /// ÷ and √ for posits of 17 to 32 bits by the hardware double divide and square root, settled exactly by the sign of
    /// a fused multiply-add residual, and rounded once in integers; fused multiply-add and the exact integer routines
    /// they leave for.
    /// </summary>
    /// <remarks>
    /// <para>
    /// An operand near 1 (its code's top 8 bits hold its sign, regime and exponent, and the quotient's bit string keeps
    /// its whole fraction after the head, see <see cref="QuotientOperands"/>) becomes a double in four instructions: the
    /// code shifted so its fraction bits fill the mantissa, plus a table word that replaces the sign, regime and exponent
    /// bits by the double's exponent, plus a table double that turns the two's complement reading of a negative code
    /// into its magnitude (or its value). Both are exact: a posit of at most 32 bits has at most 29 fraction bits.
    /// </para>
    /// <para>
    /// The divide and the square root are correctly rounded to 53 bits, so the double q lies within half a double unit
    /// of the true result t, and the residual x - q × y (or x - q²), exact in one fused multiply-add, has the sign of
    /// t - q. Rounding is monotonic, so t and q lie between the same two neighbouring points of any grid coarser than
    /// the double's unless q is a grid point itself, where the residual's sign says on which side t lies. The posit's
    /// rounding reads a grid of at most 30 bits after the leading one: F = 2 × bits(q) + sign(residual), the bits of q
    /// with one more bit below, ±1 when inexact, has the same round bit, sticky bits and kept bits as t (a borrow at a
    /// power of two carries into the exponent field, as the bit patterns of positive doubles are ordered). Operands are
    /// built × 2^512 (the quotient's scale is unchanged, the root's is 256 more): a nonzero residual is then at least
    /// 2, its exponent field at least 1024, so its bit pattern shifted right arithmetically by 62 is that sign (1, 0 or -1).
    /// </para>
    /// <para>
    /// Encoding is then one multiply and one add per result exponent (<see cref="QuotientHeads"/>): F × 2^c + W, where
    /// W replaces the exponent field by the posit's regime and exponent bits and c puts F's mantissa right after them;
    /// both negated for a negative result, whose two's complement bit string then rounds to nearest even as a positive
    /// one does (negation maps ties to ties and even codes to even codes). A quotient's sign is y's (|x| ÷ y keeps the
    /// residual's sign that of |t| - |q|) with x's sign flipping the head's index.
    /// </para>
    /// <para>
    /// Everything else (NaR, a divisor 0, operands far from 1, negative square roots; not a numerator 0, whose quotient
    /// the heads encode, since zeros are common in tensors) leaves through one well-predicted branch
    /// for the integer routines below: a 64-by-32-bit division whose remainder gives the sticky bit, and an integer
    /// square root settled by its remainder.
    /// </para>
    /// </remarks>
    public static partial class PositCodec<TTraits>
    {
        /// <summary>x ÷ y for 17 to 32 bits: |x| ÷ y in doubles near 1 (see the remarks), else <see cref="DivideFar"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ulong DivideNarrow(ulong x, ulong y)
        {
            ref long words = ref PinnedTable.At<long>(QuotientOperands.Address, 0);
            nint ix = (nint)(x >> (TTraits.Bits - QuotientOperands.IndexBits)), iy = (nint)(y >> (TTraits.Bits - QuotientOperands.IndexBits));
            // The divisor's mask meets its complement: a divisor 0 has no bit of its own, and all of them leave.
            if (((x & (ulong)Unsafe.Add(ref words, ix + QuotientOperands.NumeratorFarMasks)) | (~y & (ulong)Unsafe.Add(ref words, iy + QuotientOperands.DivisorFarMasks))) != 0)
            {
                return DivideFar(x, y);
            }

            // A numerator 0 (its entries all 0) reads as +0.0: the quotient ±0.0 picks a head of exponent field 0, which is 0.
            long controlX = Unsafe.Add(ref words, ix), controlY = Unsafe.Add(ref words, iy);

            double magnitude = QuotientOperand(ref words, x, ix, controlX, QuotientOperands.Magnitudes);
            double divisor = QuotientOperand(ref words, y, iy, controlY, QuotientOperands.Values);
            double q = magnitude / divisor;
            nint flip = (nint)Unsafe.Add(ref words, ix + QuotientOperands.SignFlips);
            return EncodeNudged(QuotientHeads.Address, flip, q, NegatedMultiplyAdd(q, divisor, magnitude));
        }

        /// <summary>√x for 9 to 32 bits: a table of every result up to 16 bits, else the hardware square root near 1 (see the remarks) or <see cref="SqrtComputed"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ulong SqrtNarrow(ulong x)
        {
            if (TTraits.Bits <= 16)
            {
                return PinnedTable.At<ushort>(SqrtTable16.Address, (nint)x);
            }

            ref long words = ref PinnedTable.At<long>(QuotientOperands.Address, 0);
            nint ix = (nint)(x >> (TTraits.Bits - QuotientOperands.IndexBits));
            long control = Unsafe.Add(ref words, ix + QuotientOperands.RootControls);
            if (control >= 0)
            {
                return SqrtComputed(x);
            }

            // A positive code: its magnitude word alone (the offset is 0).
            double value = BitConverter.Int64BitsToDouble((long)(x << (int)control) + Unsafe.Add(ref words, ix + QuotientOperands.Magnitudes));
            double root = Sse2.IsSupported
                ? Sse2.SqrtScalar(Vector128.CreateScalarUnsafe(value), Vector128.CreateScalarUnsafe(value)).ToScalar()  // no false dependency on the destination
                : Math.Sqrt(value);
            return EncodeNudged(QuotientHeads.RootAddress, 0, root, NegatedMultiplyAdd(root, root, value));
        }

        /// <summary>
        /// The double of a code decoded by <paramref name="control"/> (its entry in <see cref="QuotientOperands"/>) × 2^512:
        /// the shifted code plus the base word of <paramref name="region"/>, plus the offset double that follows it.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static double QuotientOperand(ref long words, ulong code, nint index, long control, int region)
            => BitConverter.Int64BitsToDouble((long)(code << (int)control) + Unsafe.Add(ref words, index + region))
               + Unsafe.As<long, double>(ref Unsafe.Add(ref words, index + region + QuotientOperands.Entries));

        /// <summary>c - a × b with one rounding (the hardware instruction where it exists).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static double NegatedMultiplyAdd(double a, double b, double c)
            => Fma.IsSupported
                ? Fma.MultiplyAddNegatedScalar(Vector128.CreateScalarUnsafe(a), Vector128.CreateScalarUnsafe(b), Vector128.CreateScalarUnsafe(c)).ToScalar()
                : Math.FusedMultiplyAdd(-a, b, c);

        /// <summary>
        /// The posit nearest to the true result whose correctly rounded double is <paramref name="result"/> and whose
        /// residual (× 2^512, so 0 or at least 2 in magnitude) is <paramref name="residual"/>, through the heads at
        /// <paramref name="heads"/>; <paramref name="flip"/> (0 or 2048) flips the result's sign.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ulong EncodeNudged(nint heads, nint flip, double result, double residual)
        {
            ulong bits = (ulong)BitConverter.DoubleToInt64Bits(result);
            long nudge = BitConverter.DoubleToInt64Bits(residual) >> 62;
            ulong nudged = (bits << 1) + (ulong)nudge;
            // The multiplier and the addend from two table addresses, so that both loads take the index in their own
            // addressing (one shared address would put a lea on the chain).
            nint index = (nint)(bits >> 52) ^ flip;
            long multiplier = PinnedTable.At<long>(heads, index);
            ulong s = (ulong)(((long)nudged * multiplier) + PinnedTable.At<long>(heads + (sizeof(long) * QuotientHeads.Span), index));
            return RoundUnfolded(s);   // to nearest, ties to even, on the (two's complement) bit string: the code is the top n bits
        }

        /// <summary><see cref="DivideNarrow"/> when an operand is 0, NaR or far from 1.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static ulong DivideFar(ulong x, ulong y)
        {
            if (EitherSpecial(x, y))
            {
                return IsNaR(x) || y == 0 || IsNaR(y) ? TTraits.NaRCode : 0;
            }

            long a = UnpackTwosComplement(x, out int scaleX);
            long b = UnpackTwosComplement(y, out int scaleY);
            return DivideSignificands(a, scaleX, b, scaleY);
        }

        /// <summary>a × 2^(scaleX - 30) ÷ b × 2^(scaleY - 30), rounded once (a, b signed significands of <see cref="UnpackTwosComplement"/>).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ulong DivideSignificands(long a, int scaleX, long b, int scaleY)
        {
            ulong negative = (ulong)((a ^ b) >> 63);
            ulong numerator = Magnitude(a, out _) << 32;                // at most 2^63
            ulong divisor = Magnitude(b, out _);                        // [2^30, 2^31]
            ulong quotient = numerator / divisor;                       // in [2^31, 2^33]
            ulong inexact = numerator != quotient * divisor ? 1UL : 0UL;
            int leadingZeros = (int)LeadingZeros(quotient);
            ulong head = PinnedTable.At<ulong>(HeadTable.Address, (nint)(scaleX - scaleY + (63 - leadingZeros) - 32 + HeadOffset));
            return Finish(negative, head, FoldSticky(((quotient << leadingZeros) << 1) | inexact));
        }

        /// <summary>√x for 9 to 32 bits: the integer square root of a 64-bit significand, estimated by the hardware square root and settled exactly.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static ulong SqrtComputed(ulong x)
        {
            if ((x & PayloadMask) == 0 || x > TTraits.NaRCode)
            {
                return x == 0 ? 0 : TTraits.NaRCode;
            }

            int scale;
            ulong significand = TTraits.Bits > 16 ? (ulong)UnpackTwosComplement(x, out scale) : (ulong)Unpack(x, out scale);

            // x = r × 2^(scale - 62 - odd) with r in [2^62, 2^64) and an even power: √x = √r × 2^((scale - odd) / 2 - 31).
            int odd = scale & 1;
            ulong r = significand << (32 + odd);

            // r has at most 31 significant bits, so (double)r is exact; the correctly rounded root is ⌊√r⌋ or one more.
            ulong root = Math.Min((ulong)Math.Sqrt(r), uint.MaxValue);
            root -= (ulong)((root * root) > r ? 1 : 0);
            ulong inexact = NonZero(r - (root * root));

            if (TTraits.Bits > 16)
            {
                // A root's scale is half the operand's: inside the head table and never saturating, so no range test.
                ulong head = PinnedTable.At<ulong>(HeadTable.Address, (nint)((scale >> 1) + HeadOffset));
                return Finish(0, head, FoldSticky((root << 33) | inexact));
            }

            // The root's 31 fraction bits fit the fraction field of formats up to 16 bits, with the sticky bit below.
            return RoundNarrow(0, scale >> 1, (root << 33) | (inexact << (64 - JamWidth)), lowBits: false);
        }

        /// <summary>
        /// x × y + z for 9 to 32 bits, rounded once. From 17 bits: the operands' signed significands (two's complement
        /// reading, no negation; near 1 from <see cref="QuotientOperands"/>, else <see cref="FusedMultiplyAddFar"/>),
        /// their exact 64-bit product and z's significand aligned to the larger scale with what the shift drops jammed
        /// into the lowest bit, and one signed rounding.
        /// </summary>
        private static ulong FusedMultiplyAddNarrow(ulong x, ulong y, ulong z)
        {
            if (TTraits.Bits <= 16)
            {
                return FusedMultiplyAddDecoded(x, y, z);
            }

            ref long words = ref PinnedTable.At<long>(QuotientOperands.Address, 0);
            int low = TTraits.Bits - QuotientOperands.IndexBits;
            nint ix = (nint)(x >> low), iy = (nint)(y >> low), iz = (nint)(z >> low);
            long controlX = Unsafe.Add(ref words, ix), controlY = Unsafe.Add(ref words, iy), controlZ = Unsafe.Add(ref words, iz);
            if ((controlX & controlY & controlZ) >= 0)
            {
                return FusedMultiplyAddFar(x, y, z);
            }

            return FusedSum(
                TableSignificand(ref words, x, ix, controlX), (int)Unsafe.Add(ref words, ix + QuotientOperands.Scales),
                TableSignificand(ref words, y, iy, controlY), (int)Unsafe.Add(ref words, iy + QuotientOperands.Scales),
                TableSignificand(ref words, z, iz, controlZ), (int)Unsafe.Add(ref words, iz + QuotientOperands.Scales),
                zerosInLine: false);
        }

        /// <summary>The signed significand of <see cref="UnpackTwosComplement"/> (hidden bit at 30) of a code <see cref="QuotientOperands"/> decodes.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static long TableSignificand(ref long words, ulong code, nint index, long control)
            => (long)((code << (int)control) >> 22) + Unsafe.Add(ref words, index + QuotientOperands.Significands);

        /// <summary>
        /// a × 2^(scaleA - 30) × b × 2^(scaleB - 30) + c × 2^(scaleC - 30), rounded once; a, b, c are signed significands
        /// below 2^31 in magnitude (of <see cref="UnpackTwosComplement"/> or, up to 16 bits, <see cref="Unpack"/>).
        /// </summary>
        /// <remarks>
        /// With <paramref name="zerosInLine"/> (the 9- to 16-bit kernel, which reads 0 as a significand of 0 far below every
        /// scale) the alignment's clamp and the zero sum are arithmetic: a product with 0 lies more than 63 binades below
        /// its addend about as often as not, and a product with 0 plus a zero addend is common in sparse tensors, so a
        /// branch there (the JIT makes Math.Min and ?: in a benchmark's loop branches) would follow the data. Without it
        /// (17 to 32 bits, where 0 and NaR leave before) both are rare, and a conditional move or a predicted branch costs
        /// less than the arithmetic (posit32 fma 6.4-6.5 against 7.1-7.4 ns).
        /// </remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ulong FusedSum(long a, int scaleA, long b, int scaleB, long c, int scaleC, bool zerosInLine)
        {
            // The product p × 2^(scaleA + scaleB - 60) with |p| <= 2^62, and c as q × 2^(scaleC - 60) with |q| <= 2^61:
            // aligned to the larger scale their sum stays below 2^63 in magnitude.
            long p = a * b, q = c << 30;
            int scaleP = scaleA + scaleB;

            // Masks rather than conditionals: which addend is larger is a coin toss on random data.
            int difference = scaleP - scaleC;
            int swap = difference >> 31;                                // all ones when c has the larger scale
            int high = scaleP - (difference & swap);
            long first = p ^ ((p ^ q) & swap);
            long second = p ^ q ^ first;
            int distance = (difference ^ swap) - swap;
            int d = zerosInLine ? distance | ((63 - distance) >> 31) : Math.Min(distance, 63);   // all ones beyond 63: the shifts read 63

            // A posit32 product has bits down to bit 6 or below, so what the shift drops is kept as a jammed lowest bit:
            // it lies below every bit the rounding keeps or reads but the sticky bit (a floored two's complement shift
            // keeps that true for negative addends). Cancellation needs scales within one, where nothing is dropped.
            ulong lost = NonZero((ulong)second & ((1UL << d) - 1));
            long sum = first + ((second >> d) | (long)lost);
            ulong code = EncodeSigned(sum, high + 3 + HeadOffset, foldSticky: true);
            return zerosInLine ? code & (ulong)((sum | -sum) >> 63) : sum == 0 ? 0 : code;
        }

        /// <summary><see cref="FusedMultiplyAddNarrow"/> when an operand is 0, NaR or far from 1.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static ulong FusedMultiplyAddFar(ulong x, ulong y, ulong z)
        {
            if (EitherSpecial(x, y) || (z & PayloadMask) == 0)
            {
                return FusedMultiplyAddSpecial(x, y, z);
            }

            long a = UnpackTwosComplement(x, out int scaleX);
            long b = UnpackTwosComplement(y, out int scaleY);
            long c = UnpackTwosComplement(z, out int scaleZ);
            return FusedSum(a, scaleX, b, scaleY, c, scaleZ, zerosInLine: false);
        }

        /// <summary><see cref="FusedMultiplyAddNarrow"/> when an operand is 0 or NaR.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static ulong FusedMultiplyAddSpecial(ulong x, ulong y, ulong z)
        {
            if (IsNaR(x) || IsNaR(y) || IsNaR(z))
            {
                return TTraits.NaRCode;
            }

            if (EitherSpecial(x, y))
            {
                return z;
            }

            // z is 0: the product alone, rounded once.
            long product = UnpackTwosComplement(x, out int scaleX) * UnpackTwosComplement(y, out int scaleY);
            return EncodeSigned(product, scaleX + scaleY + 3 + HeadOffset, foldSticky: true);
        }

        /// <summary>
        /// x × y + z for 9 to 16 bits, rounded once by <see cref="FusedSum"/>, without a branch on zeros (common in
        /// tensors): 0 decodes as a significand of 0 at a scale below every product and addend
        /// (<see cref="DecodeTable.SpecialScale"/>), so a product with 0 adds nothing and a zero addend leaves the product
        /// alone. NaR leaves through one branch, predicted where NaR is as rare as real data has it: a branch-free select
        /// of NaR cost 1.1 ns of 7.5 per call (docs/benchmarks.md, thirteenth session).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ulong FusedMultiplyAddDecoded(ulong x, ulong y, ulong z)
        {
            // Non-short-circuit ORs: one branch for the three tests.
            if ((x == TTraits.NaRCode) | (y == TTraits.NaRCode) | (z == TTraits.NaRCode))
            {
                return TTraits.NaRCode;
            }

            long a = Unpack(x, out int scaleX), b = Unpack(y, out int scaleY), c = Unpack(z, out int scaleZ);
            return FusedSum(a, scaleX, b, scaleY, c, scaleZ, zerosInLine: true);
        }

        /// <summary>The head shift (sign, regime and exponent bits) of a result of <paramref name="scale"/> in <see cref="Finish"/>.</summary>
        private static int HeadShift(int scale)
        {
            int k = scale >> TTraits.ExponentBits;
            return 1 + (k >= 0 ? k + 2 : 1 - k) + TTraits.ExponentBits;
        }

        /// <summary>
        /// The operands of the double kernels, per value of a 17- to 32-bit code's top 8 bits (sign and 7 payload bits)
        /// whose sign, regime, terminating bit and exponent fit them and whose magnitude lies in [2^-limit, 2^limit)
        /// (<see cref="Limit"/>): the control word (the code's left shift that fills a double's mantissa with its fraction
        /// bits, in the low six bits, and the sign bit set: entries that do not decode are 0, so a kernel tests both
        /// operands with one AND), the same for √ (positive codes only), the magnitude's and the value's base words and
        /// offset doubles (× 2^512), for negative codes the flip of a quotient's head index, and the base of the signed
        /// integer significand and the scale (for fused multiply-add). One array, one base.
        /// </summary>
        private static class QuotientOperands
        {
            /// <summary>The code bits that index the table.</summary>
            public const int IndexBits = 8;

            /// <summary>Entries per region.</summary>
            public const int Entries = 1 << IndexBits;

            /// <summary>The regions (first index of each): control words of ÷ are at 0.</summary>
            public const int RootControls = Entries, Magnitudes = 2 * Entries, Values = 4 * Entries, SignFlips = 6 * Entries,
                Significands = 7 * Entries, Scales = 8 * Entries, NumeratorFarMasks = 9 * Entries, DivisorFarMasks = 10 * Entries;

            /// <summary>The power of two every operand is built with (see the type's remarks: a nonzero residual is then at least 2).</summary>
            public const int Bias = 512;

            /// <summary>Regions and entries.</summary>
            public static readonly long[] Words = PinnedTable.Pin(Build());

            /// <summary>The address of element 0 of <see cref="Words"/> (pinned): a constant in Tier-1 code.</summary>
            public static readonly nint Address = PinnedTable.AddressOf(Words);

            /// <summary>
            /// The largest scale bound L (at most 32) for which every quotient of magnitudes in [2^-L, 2^L) has a head
            /// shift of at most 11 bits: the 53 bits of F after its 11-bit exponent then stay whole in <see cref="EncodeNudged"/>.
            /// </summary>
            public static int Limit
            {
                get
                {
                    int limit = 0;
                    while (limit < 32 && HeadShift(-2 * (limit + 1)) <= 11 && HeadShift((2 * (limit + 1)) - 1) <= 11)
                    {
                        limit++;
                    }

                    return limit;
                }
            }

            private static long[] Build()
            {
                int limit = Limit;
                var words = new long[11 * Entries];

                // A code leaves ÷ for DivideFar when it (a divisor: its complement) has a bit in its far mask: every bit
                // where the entries do not decode it, none where they do; a numerator 0 stays (its top bits' other codes
                // leave by their low bits).
                words.AsSpan(NumeratorFarMasks, 2 * Entries).Fill(-1);
                words[NumeratorFarMasks] = (1L << (TTraits.Bits - IndexBits)) - 1;
                for (int top = 0; top < Entries; top++)
                {
                    bool negative = top >> (IndexBits - 1) != 0;
                    words[SignFlips + top] = negative ? 2048 : 0;
                    if (!TryReadTopBits(top, IndexBits, out int scale, out int fieldBits))
                    {
                        continue;
                    }

                    int consumed = 1 + fieldBits;                               // sign, regime, terminating bit, exponent
                    if (scale < -limit || scale + 1 > (negative ? limit - 1 : limit))
                    {
                        continue;                                               // a magnitude up to 2^(scale + 1) for negative codes
                    }

                    // The code shifted left by c puts its fraction's first bit at 51 and the consumed bits, as the
                    // integer prefix, at 52 and up: the base words subtract them and add the double's sign and exponent.
                    int c = 52 - TTraits.Bits + consumed;
                    ulong prefix = (ulong)top >> (IndexBits - consumed);
                    ulong exponentField = (ulong)(scale + Bias + 1023) << 52;
                    double offset = 3 * Math.ScaleB(1.0, scale + Bias);
                    long control = (long)((uint)c | (1UL << 63));
                    words[top] = control;
                    words[NumeratorFarMasks + top] = words[DivisorFarMasks + top] = 0;
                    words[RootControls + top] = negative ? 0 : control;

                    // Magnitude: a negative code reads -(1 + f) × 2^s, plus 3 × 2^s is (2 - f) × 2^s = |x|.
                    words[Magnitudes + top] = (long)((exponentField | (negative ? 1UL << 63 : 0)) - (prefix << 52));
                    words[Magnitudes + Entries + top] = negative ? BitConverter.DoubleToInt64Bits(offset) : 0;

                    // Value: a negative code reads (1 + f) × 2^s, less 3 × 2^s is (f - 2) × 2^s = x.
                    words[Values + top] = (long)(exponentField - (prefix << 52));
                    words[Values + Entries + top] = negative ? BitConverter.DoubleToInt64Bits(-offset) : 0;

                    // Integers (fused multiply-add): the code shifted by c, then right by 22, has its fraction's first
                    // bit at 29 and the prefix at 30 and up; the base replaces the prefix by 2^30, or -2^31 for a negative code.
                    words[Significands + top] = (negative ? -(1L << 31) : 1L << 30) - (long)(prefix << 30);
                    words[Scales + top] = scale;
                }

                return words;
            }
        }

        /// <summary>
        /// The encoding of <see cref="EncodeNudged"/> per sign and exponent field of a result (its bit pattern's top 12
        /// bits, from 0 to 2048 + 1023 + 64; the roots' table 256 higher): the multiplier ±2^c and, in the second half, the
        /// word ±W with F × 2^c + W the head's regime and exponent bits followed by F's mantissa. Fields far from 1023 have
        /// neither (0): among them the quotient ±0.0 of a numerator 0 (fields 0 and 2048), whose code is then 0.
        /// </summary>
        private static class QuotientHeads
        {
            /// <summary>The first and one past the last index.</summary>
            private const int Low = 0, High = 2048 + 1023 + 64;

            /// <summary>The distance from a multiplier to its word.</summary>
            public const int Span = High - Low;

            /// <summary>Quotients (scale = exponent field - 1023).</summary>
            public static readonly long[] Words = PinnedTable.Pin(Build(0));

            /// <summary>The address of index 0 (pinned; only indexes from <see cref="Low"/> are read): a constant in Tier-1 code.</summary>
            public static readonly nint Address = PinnedTable.AddressOf(Words) - (sizeof(long) * Low);

            /// <summary>Roots (scale = exponent field - 1023 - 256).</summary>
            public static readonly long[] RootWords = PinnedTable.Pin(Build(QuotientOperands.Bias / 2));

            /// <summary>The address of index 0 of <see cref="RootWords"/> (pinned; only indexes from <see cref="Low"/> + 256 are read).</summary>
            public static readonly nint RootAddress = PinnedTable.AddressOf(RootWords) - (sizeof(long) * (Low + (QuotientOperands.Bias / 2)));

            private static long[] Build(int bias)
            {
                var words = new long[2 * Span];
                for (int i = Low; i < High; i++)
                {
                    int field = (i + bias) & 2047;
                    int scale = field - 1023 - bias;
                    int shift = HeadShift(scale);
                    if (shift > 11 || scale >= TTraits.MaxScale || scale < -TTraits.MaxScale)
                    {
                        continue;                                               // no operand of the double kernels gets here
                    }

                    int c = 11 - shift;
                    ulong word = (HeadForScale(scale) & ~63UL) - (((ulong)field << 53) << c);
                    bool negative = i + bias >= 2048;
                    words[i - Low] = negative ? -(1L << c) : 1L << c;
                    words[Span + i - Low] = negative ? -(long)word : (long)word;
                }

                return words;
            }
        }

        /// <summary>√x of every code of a format of 9 to 16 bits (computed once by <see cref="SqrtComputed"/>).</summary>
        private static class SqrtTable16
        {
            public static readonly ushort[] Roots = PinnedTable.Pin(Build());

            /// <summary>The address of element 0 of <see cref="Roots"/> (pinned): a constant in Tier-1 code.</summary>
            public static readonly nint Address = PinnedTable.AddressOf(Roots);

            private static ushort[] Build()
            {
                var roots = new ushort[1 << TTraits.Bits];
                for (ulong code = 0; code < (ulong)roots.Length; code++)
                {
                    roots[code] = (ushort)SqrtComputed(code);
                }

                return roots;
            }
        }
    }
}
