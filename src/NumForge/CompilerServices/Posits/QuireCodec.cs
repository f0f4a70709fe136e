using System;
using System.ComponentModel;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace NumForge.CompilerServices
{
    /// <summary>
    /// The quire of one posit format: a fixed-point accumulator that holds sums of posits and of products of posits
    /// exactly, generic over the format's traits. A quire is <see cref="IPositTraits.QuireLimbs"/> 64-bit limbs, least
    /// significant first, holding a two's-complement integer of <see cref="IPositTraits.QuireBits"/> bits (sign-extended
    /// to the limbs) times 2^-(2 × MaxScale), so its lowest bit is minpos². The most negative pattern, 1 followed by
    /// zeros, is the quire's NaR; adding a NaR, or a sum that leaves the quire's range (the carry guard overflows),
    /// makes the quire NaR, and it stays NaR until cleared. Storage is the caller's (<see cref="Span{T}"/>), so a generated
    /// quire type can keep it inline.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class QuireCodec<TTraits>
        where TTraits : struct, IPositTraits
    {
        /// <summary>Number of 64-bit limbs of a quire.</summary>
        public static int Limbs => TTraits.QuireLimbs;

        private static int FractionBits => 2 * TTraits.MaxScale;

        /// <summary>Sets the quire to 0.</summary>
        public static void Clear(Span<ulong> quire) => quire[..TTraits.QuireLimbs].Clear();

        /// <summary>Sets the quire to NaR.</summary>
        public static void SetNaR(Span<ulong> quire)
        {
            quire = quire[..TTraits.QuireLimbs];
            quire.Clear();
            int top = TTraits.QuireBits - 1;
            // Bits top .. 64L-1 are ones (the sign bit, sign-extended); everything below is zero.
            quire[top >> 6] = ~0UL << (top & 63);
            for (int i = (top >> 6) + 1; i < quire.Length; i++)
            {
                quire[i] = ~0UL;
            }
        }

        /// <summary>Whether the quire is NaR.</summary>
        public static bool IsNaR(ReadOnlySpan<ulong> quire)
        {
            quire = quire[..TTraits.QuireLimbs];
            int top = TTraits.QuireBits - 1;
            int topLimb = top >> 6;
            for (int i = 0; i < topLimb; i++)
            {
                if (quire[i] != 0)
                {
                    return false;
                }
            }

            if (quire[topLimb] != ~0UL << (top & 63))
            {
                return false;
            }

            for (int i = topLimb + 1; i < quire.Length; i++)
            {
                if (quire[i] != ~0UL)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Whether the quire is 0.</summary>
        public static bool IsZero(ReadOnlySpan<ulong> quire) => !quire[..TTraits.QuireLimbs].ContainsAnyExcept(0UL);

        /// <summary>Whether the quire holds a negative value (NaR is not).</summary>
        public static bool IsNegative(ReadOnlySpan<ulong> quire) => (long)quire[TTraits.QuireLimbs - 1] < 0 && !IsNaR(quire);

        /// <summary>Sets the quire to the value of a posit.</summary>
        public static void Set(Span<ulong> quire, ulong code)
        {
            Clear(quire);
            AddPosit(quire, code);
        }

        /// <summary>quire += x (exact).</summary>
        public static void AddPosit(Span<ulong> quire, ulong code) => Accumulate(quire, code, subtract: false);

        /// <summary>quire -= x (exact).</summary>
        public static void SubtractPosit(Span<ulong> quire, ulong code) => Accumulate(quire, code, subtract: true);

        /// <summary>quire += x × y (fused: the product is exact, nothing is rounded).</summary>
        public static void AddProduct(Span<ulong> quire, ulong x, ulong y) => AccumulateProduct(quire, x, y, subtract: false);

        /// <summary>quire -= x × y (fused).</summary>
        public static void SubtractProduct(Span<ulong> quire, ulong x, ulong y) => AccumulateProduct(quire, x, y, subtract: true);

        /// <summary>quire += other (exact).</summary>
        public static void Add(Span<ulong> quire, ReadOnlySpan<ulong> other) => AccumulateQuire(quire, other, subtract: false);

        /// <summary>quire -= other (exact).</summary>
        public static void Subtract(Span<ulong> quire, ReadOnlySpan<ulong> other) => AccumulateQuire(quire, other, subtract: true);

        /// <summary>quire = -quire (NaR stays NaR).</summary>
        public static void Negate(Span<ulong> quire)
        {
            quire = quire[..TTraits.QuireLimbs];
            if (IsNaR(quire))
            {
                return;
            }

            ulong carry = 1;
            for (int i = 0; i < quire.Length; i++)
            {
                ulong inverted = ~quire[i];
                quire[i] = inverted + carry;
                carry = quire[i] < inverted ? 1UL : 0UL;
            }
        }

        /// <summary>The quire's value rounded once to the posit format (NaR for a NaR quire).</summary>
        public static ulong ToPosit(ReadOnlySpan<ulong> quire)
        {
            quire = quire[..TTraits.QuireLimbs];
            if (IsNaR(quire))
            {
                return TTraits.NaRCode;
            }

            bool negative = (long)quire[^1] < 0;
            Span<ulong> magnitude = stackalloc ulong[TTraits.QuireLimbs];
            quire.CopyTo(magnitude);
            if (negative)
            {
                ulong carry = 1;
                for (int i = 0; i < magnitude.Length; i++)
                {
                    ulong inverted = ~magnitude[i];
                    magnitude[i] = inverted + carry;
                    carry = magnitude[i] < inverted ? 1UL : 0UL;
                }
            }

            int topLimb = magnitude.Length - 1;
            while (topLimb >= 0 && magnitude[topLimb] == 0)
            {
                topLimb--;
            }

            if (topLimb < 0)
            {
                return 0;
            }

            int leadingZeros = BitOperations.LeadingZeroCount(magnitude[topLimb]);
            int topBit = topLimb * 64 + 63 - leadingZeros;

            // The 64 bits after the leading bit, and whether anything below them is set.
            ulong fraction = 0;
            bool sticky = false;
            for (int i = 0; i <= topLimb; i++)
            {
                ulong limb = magnitude[i];
                if (limb == 0)
                {
                    continue;
                }

                // Limb bit j is quire bit 64i + j; it lands at fraction bit 63 - (topBit - 1 - (64i + j)).
                int offset = 64 + 64 * i - topBit;             // fraction bit index of limb bit 0
                if (i == topLimb)
                {
                    limb &= ~(1UL << (63 - leadingZeros));     // drop the leading one
                }

                if (offset >= 0)
                {
                    fraction |= limb << offset;
                }
                else if (offset > -64)
                {
                    fraction |= limb >> -offset;
                    sticky |= (limb << (64 + offset)) != 0;
                }
                else
                {
                    sticky = true;
                }
            }

            return PositCodec<TTraits>.Round(negative, topBit - FractionBits, fraction, sticky);
        }

        /// <summary>Σ a[i] × b[i] accumulated exactly in a quire and rounded once; NaR if any term is NaR.</summary>
        /// <exception cref="ArgumentException">The spans differ in length.</exception>
        public static ulong DotProduct<TBits>(ReadOnlySpan<TBits> a, ReadOnlySpan<TBits> b)
            where TBits : unmanaged, IBinaryInteger<TBits>
        {
            if (a.Length != b.Length)
            {
                throw new ArgumentException("The spans must have the same length.", nameof(b));
            }

            Span<ulong> quire = stackalloc ulong[TTraits.QuireLimbs];
            quire.Clear();
            for (int i = 0; i < a.Length; i++)
            {
                ulong x = ulong.CreateTruncating(a[i]) & TTraits.CodeMask;
                ulong y = ulong.CreateTruncating(b[i]) & TTraits.CodeMask;
                AccumulateProduct(quire, x, y, subtract: false);
            }

            return ToPosit(quire);
        }

        /// <summary>Σ values[i] accumulated exactly and rounded once; NaR if any term is NaR.</summary>
        public static ulong Sum<TBits>(ReadOnlySpan<TBits> values)
            where TBits : unmanaged, IBinaryInteger<TBits>
        {
            Span<ulong> quire = stackalloc ulong[TTraits.QuireLimbs];
            quire.Clear();
            for (int i = 0; i < values.Length; i++)
            {
                Accumulate(quire, ulong.CreateTruncating(values[i]) & TTraits.CodeMask, subtract: false);
            }

            return ToPosit(quire);
        }

        // ---------------------------------------------------------------- accumulation

        private static void Accumulate(Span<ulong> quire, ulong code, bool subtract)
        {
            if (code == 0)
            {
                return;
            }

            if (PositCodec<TTraits>.IsNaR(code))
            {
                SetNaR(quire);
                return;
            }

            PositCodec<TTraits>.Decode(code, out bool negative, out int scale, out ulong fraction);
            ulong significand = (1UL << 63) | (fraction >> 1);
            int position = scale - 63 + FractionBits;
            UInt128 value = position >= 0 ? significand : significand >> -position; // exact: those low bits are zero
            AddAt(quire, value, Math.Max(position, 0), negative != subtract);
        }

        private static void AccumulateProduct(Span<ulong> quire, ulong x, ulong y, bool subtract)
        {
            if (PositCodec<TTraits>.IsNaR(x) || PositCodec<TTraits>.IsNaR(y))
            {
                SetNaR(quire);
                return;
            }

            if (x == 0 || y == 0)
            {
                return;
            }

            PositCodec<TTraits>.Decode(x, out bool nx, out int ex, out ulong fx);
            PositCodec<TTraits>.Decode(y, out bool ny, out int ey, out ulong fy);
            ulong high = Math.BigMul((1UL << 63) | (fx >> 1), (1UL << 63) | (fy >> 1), out ulong low);
            var product = new UInt128(high, low);
            int position = ex + ey - 126 + FractionBits;
            UInt128 value = position >= 0 ? product : product >> -position; // exact: minpos² is the quire's lowest bit
            AddAt(quire, value, Math.Max(position, 0), (nx != ny) != subtract);
        }

        /// <summary>quire ±= value × 2^position, then checks the range (overflow makes the quire NaR).</summary>
        private static void AddAt(Span<ulong> quire, UInt128 value, int position, bool subtract)
        {
            quire = quire[..TTraits.QuireLimbs];
            if (IsNaR(quire))
            {
                return;
            }

            bool signBefore = (long)quire[^1] < 0;
            int index = position >> 6;
            int shift = position & 63;
            ulong lo = (ulong)value;
            ulong hi = (ulong)(value >> 64);
            ulong w0 = lo << shift;
            ulong w1 = shift == 0 ? hi : (hi << shift) | (lo >> (64 - shift));
            ulong w2 = shift == 0 ? 0 : hi >> (64 - shift);

            ulong carry = 0;
            for (int i = index; i < quire.Length; i++)
            {
                int k = i - index;
                ulong word = k == 0 ? w0 : k == 1 ? w1 : k == 2 ? w2 : 0;
                if (k > 2 && carry == 0)
                {
                    break;
                }

                ulong old = quire[i];
                if (!subtract)
                {
                    ulong sum = old + word;
                    ulong c1 = sum < old ? 1UL : 0UL;
                    ulong sum2 = sum + carry;
                    ulong c2 = sum2 < sum ? 1UL : 0UL;
                    quire[i] = sum2;
                    carry = c1 | c2;
                }
                else
                {
                    ulong diff = old - word;
                    ulong b1 = old < word ? 1UL : 0UL;
                    ulong diff2 = diff - carry;
                    ulong b2 = diff < carry ? 1UL : 0UL;
                    quire[i] = diff2;
                    carry = b1 | b2;
                }
            }

            bool signAfter = (long)quire[^1] < 0;
            bool wrapped = subtract ? signBefore && !signAfter : !signBefore && signAfter;
            if (wrapped || !FitsInQuireBits(quire))
            {
                SetNaR(quire);
            }
        }

        private static void AccumulateQuire(Span<ulong> quire, ReadOnlySpan<ulong> other, bool subtract)
        {
            quire = quire[..TTraits.QuireLimbs];
            other = other[..TTraits.QuireLimbs];
            if (IsNaR(quire))
            {
                return;
            }

            if (IsNaR(other))
            {
                SetNaR(quire);
                return;
            }

            bool signQuire = (long)quire[^1] < 0;
            bool signOther = ((long)other[^1] < 0) != subtract;
            ulong carry = subtract ? 1UL : 0UL; // a - b = a + ~b + 1
            for (int i = 0; i < quire.Length; i++)
            {
                ulong word = subtract ? ~other[i] : other[i];
                ulong old = quire[i];
                ulong sum = old + word;
                ulong c1 = sum < old ? 1UL : 0UL;
                ulong sum2 = sum + carry;
                ulong c2 = sum2 < sum ? 1UL : 0UL;
                quire[i] = sum2;
                carry = c1 | c2;
            }

            // Subtracting the most negative 64L-bit value cannot happen: |other| < 2^(QuireBits-1) when it is not NaR.
            bool signAfter = (long)quire[^1] < 0;
            bool wrapped = signQuire == signOther && signAfter != signQuire;
            if (wrapped || !FitsInQuireBits(quire))
            {
                SetNaR(quire);
            }
        }

        /// <summary>Whether the 64L-bit value fits in QuireBits bits (bits QuireBits-1 and up all equal the sign).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static bool FitsInQuireBits(ReadOnlySpan<ulong> quire)
        {
            if (TTraits.QuireBits == 64 * TTraits.QuireLimbs)
            {
                return true;
            }

            int top = TTraits.QuireBits - 1;
            int topLimb = top >> 6;
            ulong signFill = (long)quire[^1] < 0 ? ~0UL : 0UL;
            ulong mask = ~0UL << (top & 63);
            if ((quire[topLimb] & mask) != (signFill & mask))
            {
                return false;
            }

            for (int i = topLimb + 1; i < quire.Length; i++)
            {
                if (quire[i] != signFill)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
