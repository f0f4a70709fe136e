using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NumForge.CompilerServices
{
    /// <summary>Correctly rounded posit arithmetic: the exact result rounded once with <see cref="PositCodec{TTraits}.Round"/>.</summary>
    /// <remarks>
    /// Formats of 8 bits or fewer read +, ×, ÷ and sqrt from tables built on first use; formats of 9 to 16 bits decode
    /// +, × and ÷ operands by table (PositCodec.Small.cs); formats of 9 to 32 bits use the branch-free 64-bit integer
    /// kernels of PositCodec.Narrow.cs for the rest (fused multiply-add included); wider formats use exact
    /// 128-bit integer arithmetic. No path rounds through double: a double product of two posit32 values is already
    /// rounded (0x40000005 × 0x40CCCCCD must give 0x40CCCCD3, not 0x40CCCCD2). The ÷ and √ of 17 to 32 bits
    /// (PositCodec.NarrowQuotients.cs) use the hardware double divide and square root only as an estimate that a fused
    /// multiply-add residual settles exactly before the one integer rounding.
    /// </remarks>
    public static partial class PositCodec<TTraits>
    {

        /// <summary>x + y, correctly rounded. NaR in, NaR out.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static ulong Add(ulong x, ulong y)
        {
            if (TTraits.Bits <= 8)
            {
                return Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(AddTable.Values), (nint)((x << TTraits.Bits) | y));
            }

            if (TTraits.Bits <= 16)
            {
                return AddSmall(x, y);
            }

            if (TTraits.Bits <= 32)
            {
                return AddNarrow(x, y);
            }

            return AddExact(x, y);
        }

        /// <summary>x - y, correctly rounded.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static ulong Subtract(ulong x, ulong y) => Add(x, Negate(y));

        /// <summary>x × y, correctly rounded.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static ulong Multiply(ulong x, ulong y)
        {
            if (TTraits.Bits <= 8)
            {
                return Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(MultiplyTable.Values), (nint)((x << TTraits.Bits) | y));
            }

            if (TTraits.Bits <= 16)
            {
                return MultiplySmall(x, y);
            }

            if (TTraits.Bits <= 32)
            {
                return MultiplyNarrow(x, y);
            }

            return MultiplyExact(x, y);
        }

        /// <summary>x ÷ y, correctly rounded; x ÷ 0 is NaR.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static ulong Divide(ulong x, ulong y)
        {
            if (TTraits.Bits <= 8)
            {
                return Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(DivideTable.Values), (nint)((x << TTraits.Bits) | y));
            }

            if (TTraits.Bits <= 16)
            {
                return DivideSmall(x, y);
            }

            if (TTraits.Bits <= 32)
            {
                return DivideNarrow(x, y);
            }

            return DivideExact(x, y);
        }

        /// <summary>√x, correctly rounded; negative x gives NaR.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static ulong Sqrt(ulong x)
        {
            if (TTraits.Bits <= 8)
            {
                return Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(SqrtTable.Values), (nint)x);
            }

            if (TTraits.Bits <= 32)
            {
                return SqrtNarrow(x);
            }

            return SqrtExact(x);
        }

        /// <summary>x × y + z with one rounding (exact integer arithmetic for every width).</summary>
        public static ulong FusedMultiplyAdd(ulong x, ulong y, ulong z)
        {
            if (TTraits.Bits > 8 && TTraits.Bits <= 32)
            {
                return FusedMultiplyAddNarrow(x, y, z);
            }

            return FusedMultiplyAddExact(x, y, z);
        }

        /// <summary>x × y + z with one rounding, with exact 128-bit integer arithmetic (every width).</summary>
        public static ulong FusedMultiplyAddExact(ulong x, ulong y, ulong z)
        {
            if (IsNaR(x) || IsNaR(y) || IsNaR(z))
            {
                return TTraits.NaRCode;
            }

            if (x == 0 || y == 0)
            {
                return z;
            }

            Decode(x, out bool nx, out int ex, out ulong fx);
            Decode(y, out bool ny, out int ey, out ulong fy);
            ProductNormalized(ex, fx, ey, fy, out int ep, out UInt128 mp);
            bool np = nx != ny;
            if (z == 0)
            {
                return RoundNormalized(np, ep, mp, sticky: false);
            }

            Decode(z, out bool nz, out int ez, out ulong fz);
            return AddNormalized(np, ep, mp, nz, ez, Normalized(fz));
        }

        /// <summary>x % y as .NET's <c>%</c> on doubles: x - trunc(x / y) × y, computed exactly and rounded once; NaR if y is 0.</summary>
        public static ulong Remainder(ulong x, ulong y) => RemainderCore(x, y, MidpointRounding.ToZero);

        /// <summary>x - round-half-even(x / y) × y (IEEE 754 remainder), computed exactly and rounded once.</summary>
        public static ulong Ieee754Remainder(ulong x, ulong y) => RemainderCore(x, y, MidpointRounding.ToEven);

        /// <summary>x × 2^n, correctly rounded (saturating).</summary>
        public static ulong ScaleB(ulong x, int n)
        {
            if (x == 0 || IsNaR(x))
            {
                return x;
            }

            Decode(x, out bool negative, out int scale, out ulong fraction);
            return Round(negative, (int)Math.Clamp((long)scale + n, -4096, 4096), fraction, sticky: false);
        }

        /// <summary>floor(log2 |x|); int.MinValue for 0 and int.MaxValue for NaR, as <see cref="Math.ILogB"/> does for 0 and NaN.</summary>
        public static int ILogB(ulong x)
        {
            if (x == 0)
            {
                return int.MinValue;
            }

            if (IsNaR(x))
            {
                return int.MaxValue;
            }

            Decode(x, out _, out int scale, out _);
            return scale;
        }

        // ---------------------------------------------------------------- exact integer kernels

        /// <summary>x + y with exact integer arithmetic (every width).</summary>
        public static ulong AddExact(ulong x, ulong y)
        {
            if (IsNaR(x) || IsNaR(y))
            {
                return TTraits.NaRCode;
            }

            if (x == 0)
            {
                return y;
            }

            if (y == 0)
            {
                return x;
            }

            Decode(x, out bool nx, out int ex, out ulong fx);
            Decode(y, out bool ny, out int ey, out ulong fy);
            return AddNormalized(nx, ex, Normalized(fx), ny, ey, Normalized(fy));
        }

        /// <summary>x × y with exact integer arithmetic (every width).</summary>
        public static ulong MultiplyExact(ulong x, ulong y)
        {
            if (IsNaR(x) || IsNaR(y))
            {
                return TTraits.NaRCode;
            }

            if (x == 0 || y == 0)
            {
                return 0;
            }

            Decode(x, out bool nx, out int ex, out ulong fx);
            Decode(y, out bool ny, out int ey, out ulong fy);
            ulong high = Math.BigMul(Significand(fx), Significand(fy), out ulong low);
            if ((long)high < 0)
            {
                return Round(nx != ny, ex + ey + 1, (high << 1) | (low >> 63), (low << 1) != 0);
            }

            return Round(nx != ny, ex + ey, (high << 2) | (low >> 62), (low << 2) != 0);
        }

        /// <summary>x ÷ y with exact integer arithmetic (every width).</summary>
        public static ulong DivideExact(ulong x, ulong y)
        {
            if (IsNaR(x) || IsNaR(y) || y == 0)
            {
                return TTraits.NaRCode;
            }

            if (x == 0)
            {
                return 0;
            }

            Decode(x, out bool nx, out int ex, out ulong fx);
            Decode(y, out bool ny, out int ey, out ulong fy);
            ulong divisor = Significand(fy);
            (UInt128 quotient, UInt128 remainder) = UInt128.DivRem((UInt128)Significand(fx) << 64, divisor);

            // quotient is in (2^63, 2^65): value = quotient × 2^(ex - ey - 64).
            int leadingZeros = (int)UInt128.LeadingZeroCount(quotient);
            UInt128 afterLeading = quotient << (leadingZeros + 1);
            int scale = ex - ey + (127 - leadingZeros) - 64;
            return Round(nx != ny, scale, (ulong)(afterLeading >> 64), (ulong)afterLeading != 0 || remainder != UInt128.Zero);
        }

        /// <summary>√x with exact integer arithmetic (every width).</summary>
        public static ulong SqrtExact(ulong x)
        {
            if (x == 0 || IsNaR(x))
            {
                return x;
            }

            if (IsNegative(x))
            {
                return TTraits.NaRCode;
            }

            DecodeMagnitude(x, out int scale, out ulong fraction);

            // x = s × 2^(scale - 63) with s the 64-bit significand; write it as X × 2^u with u even and X in [2^126, 2^128).
            ulong significand = Significand(fraction);
            int u = scale - 127;
            UInt128 wide;
            if ((u & 1) == 0)
            {
                wide = (UInt128)significand << 64;
            }
            else
            {
                wide = (UInt128)significand << 63;
                u++;
            }

            ulong root = ISqrt(wide, out bool exact);

            // root is in [2^63, 2^64): √x = root × 2^(u/2), so the leading bit has scale 63 + u/2.
            return Round(false, 63 + (u >> 1), root << 1, !exact);
        }

        /// <summary>⌊√value⌋ for value in [2^126, 2^128), and whether it is exact.</summary>
        private static ulong ISqrt(UInt128 value, out bool exact)
        {
            double estimate = Math.Sqrt((double)value);
            UInt128 r = estimate >= 18446744073709551615.0 ? ulong.MaxValue : (ulong)estimate;

            // One Newton step takes the 53-bit estimate to within a unit or two; then settle exactly.
            r = (r + value / r) >> 1;
            if (r > ulong.MaxValue)
            {
                r = ulong.MaxValue;
            }

            while (r * r > value)
            {
                r--;
            }

            while (r < ulong.MaxValue && (r + 1) * (r + 1) <= value)
            {
                r++;
            }

            exact = r * r == value;
            return (ulong)r;
        }

        /// <summary>The 64-bit significand 1.fraction with its leading bit at bit 63 (exact: at most 61 fraction bits exist).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ulong Significand(ulong fraction) => (1UL << 63) | (fraction >> 1);

        /// <summary>The significand 1.fraction as a 128-bit integer with its leading bit at bit 125.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static UInt128 Normalized(ulong fraction) => (UInt128)Significand(fraction) << 62;

        /// <summary>The exact product of two significands, normalized to bit 125 (exact: its low 4 bits are zero).</summary>
        private static void ProductNormalized(int ex, ulong fx, int ey, ulong fy, out int scale, out UInt128 normalized)
        {
            ulong high = Math.BigMul(Significand(fx), Significand(fy), out ulong low);
            UInt128 product = new(high, low);
            if ((long)high < 0)
            {
                scale = ex + ey + 1;
                normalized = product >> 2;
            }
            else
            {
                scale = ex + ey;
                normalized = product >> 1;
            }
        }

        /// <summary>
        /// (-1)^na × ma × 2^(ea - 125) + (-1)^nb × mb × 2^(eb - 125), rounded once. Both m have their leading bit at 125
        /// and at least two zero bits at the bottom; the smaller operand's bits shifted out become a sticky lowest bit,
        /// which is exact enough because deep cancellation only happens when nothing was shifted out.
        /// </summary>
        private static ulong AddNormalized(bool na, int ea, UInt128 ma, bool nb, int eb, UInt128 mb)
        {
            if (ea < eb || (ea == eb && ma < mb))
            {
                (na, nb) = (nb, na);
                (ea, eb) = (eb, ea);
                (ma, mb) = (mb, ma);
            }

            int d = ea - eb;
            if (d >= 126)
            {
                mb = UInt128.One;
            }
            else if (d > 0)
            {
                bool lost = (mb & ((UInt128.One << d) - 1)) != UInt128.Zero;
                mb = (mb >> d) | (lost ? UInt128.One : UInt128.Zero);
            }

            UInt128 sum = na == nb ? ma + mb : ma - mb;
            if (sum == UInt128.Zero)
            {
                return 0;
            }

            int leadingZeros = (int)UInt128.LeadingZeroCount(sum);
            return RoundNormalized(na, ea + (127 - leadingZeros) - 125, sum, sticky: false);
        }

        /// <summary>Rounds (-1)^negative × m × 2^(scale - top) where top is m's leading bit.</summary>
        private static ulong RoundNormalized(bool negative, int scale, UInt128 m, bool sticky)
        {
            int leadingZeros = (int)UInt128.LeadingZeroCount(m);
            UInt128 afterLeading = leadingZeros == 127 ? UInt128.Zero : m << (leadingZeros + 1);
            return Round(negative, scale, (ulong)(afterLeading >> 64), sticky || (ulong)afterLeading != 0);
        }

        private static ulong RemainderCore(ulong x, ulong y, MidpointRounding mode)
        {
            if (IsNaR(x) || IsNaR(y) || y == 0)
            {
                return TTraits.NaRCode;
            }

            if (x == 0)
            {
                return 0;
            }

            ToRational(x, out BigInteger nx, out int ex);
            ToRational(y, out BigInteger ny, out int ey);
            int e = Math.Min(ex, ey);
            BigInteger a = nx << (ex - e);
            BigInteger b = BigInteger.Abs(ny << (ey - e));
            BigInteger q = BigInteger.DivRem(BigInteger.Abs(a), b, out BigInteger r);
            if (mode == MidpointRounding.ToEven)
            {
                BigInteger twice = r << 1;
                if (twice > b || (twice == b && !q.IsEven))
                {
                    r -= b;
                }
            }

            if (a.Sign < 0)
            {
                r = -r;
            }

            return r.IsZero ? 0 : FromBigInteger(r.Sign < 0, BigInteger.Abs(r), e, sticky: false);
        }

        // ---------------------------------------------------------------- tables for n <= 8 (built on first use)

        private static byte[] BuildTable(Func<double, double, double> operation)
        {
            int count = 1 << TTraits.Bits;
            var table = new byte[count * count];
            for (int a = 0; a < count; a++)
            {
                for (int b = 0; b < count; b++)
                {
                    table[(a << TTraits.Bits) | b] = (byte)FromDouble(operation(ComputeDouble((ulong)a), ComputeDouble((ulong)b)));
                }
            }

            return table;
        }

        private static class AddTable
        {
            public static readonly byte[] Values = BuildTable(static (a, b) => a + b);
        }

        private static class MultiplyTable
        {
            public static readonly byte[] Values = BuildTable(static (a, b) => a * b);
        }

        private static class DivideTable
        {
            public static readonly byte[] Values = BuildTable(static (a, b) => a / b);
        }

        private static class SqrtTable
        {
            public static readonly byte[] Values = Build();

            private static byte[] Build()
            {
                var table = new byte[256];
                for (ulong a = 0; a < 256; a++)
                {
                    table[a] = (byte)FromDouble(Math.Sqrt(ComputeDouble(a & TTraits.CodeMask)));
                }

                return table;
            }
        }
    }
}
