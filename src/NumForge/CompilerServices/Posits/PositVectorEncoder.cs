using System.Runtime.CompilerServices;
using NumForge.CompilerServices.Spans;

namespace NumForge.CompilerServices
{
    /// <summary>
    /// The vector float-to-posit rounding, in float lanes for posits of at most 16 bits and in double lanes for posits
    /// of 17 to 32 bits, giving the bits of <see cref="PositCodec{TTraits}.FromDouble"/> (SoftPosit's rounding: to
    /// nearest, ties to the even code, never to 0 or NaR). Vector ISAs shift every lane by the same count, but the
    /// regime's length differs per lane, so every per-lane shift here is a multiplication by a power of two built from
    /// integer lanes. Below, M is the lane float's fraction width (23 or 52) and B its exponent bias (127 or 1023).
    /// <list type="bullet">
    /// <item>From the lane float's biased exponent: the regime k = floor(e / 2^es), the exponent field e mod 2^es, and
    /// the regime length r (k + 2 ones-and-zero bits, or 1 - k zeros-and-one).</item>
    /// <item>After the regime, a posit's bits are the exponent field followed by the fraction: the fixed-point number
    /// V = exponent field · 2^M + the lane float's fraction. The code's rounding is V's rounding to a multiple of
    /// 2^d, d the bits that do not fit; the float adder does it (V is exact in the lane float, after folding any bits
    /// past M + 1 into a sticky bit, and a magic power of two gives the sum a last place of 2^d).</item>
    /// <item>The code is the regime's first code plus V / 2^d: a carry out of the last bits runs into the next regime,
    /// which is exactly the next code (codes of a regime are consecutive and end where the next regime's begin).</item>
    /// <item>The extreme regimes, zero, NaN and infinity are selects: at or above maxpos gives maxpos; in the
    /// minpos regime and below, minpos or, from the pattern midpoint up, the next code (ties go to the even code 2).</item>
    /// </list>
    /// </summary>
    internal static class PositVectorEncoder<TTraits, TOps, TV>
        where TTraits : struct, IPositTraits
        where TOps : struct, ISimd<TV>
        where TV : struct
    {
        // Static readonly: constants in Tier-1 code that cost no inlining budget (see Spans/NearestEvenEncoder).
        private static readonly int N = TTraits.Bits;

        private static readonly int Es = TTraits.ExponentBits;

        /// <summary>The lane float's fraction width M: 23 (float) or 52 (double).</summary>
        private static readonly int M = TOps.LaneBits == 32 ? 23 : 52;

        /// <summary>The lane float's exponent bias B.</summary>
        private static readonly int Bias = TOps.LaneBits == 32 ? 127 : 1023;

        /// <summary>Low bits of V folded into a sticky bit so that V stays below 2^(M + 1), exact in the lane float.</summary>
        private static readonly int Folded = Es <= 1 ? 0 : Es - 1;

        private static readonly ulong ExponentMask = (1UL << Es) - 1;

        /// <summary>d less the regime length: d = M - (n - 1 - r - es), less the folded bits.</summary>
        private static readonly int DroppedOffset = M + 1 - N + Es - Folded;

        /// <summary>V at the pattern midpoint after minpos: the first bit after the regime set.</summary>
        private static readonly ulong Midpoint = 1UL << (M - 1 + Es);

        /// <summary>
        /// Whether this encoder applies: float lanes for at most 16 bits and es &lt;= 3, double lanes for at most 32
        /// bits and es &lt;= 4 (so the code and V fit the float tricks), and every subnormal of the lane float below minpos.
        /// </summary>
        public static bool CanEncode => N >= 3
            && ((TOps.LaneBits == 32 && N <= 16 && Es <= 3 && ((N - 2) << Es) <= 126)
                || (TOps.LaneBits == 64 && N <= 32 && Es <= 4 && ((N - 2) << Es) <= 1022));

        // Lane constants as static readonly vectors too: each TOps.Create would be one more inlinee, and a block of
        // four encodes would run out of the JIT's inlining budget.
        private static readonly TV AbsMask = TOps.Create(TOps.LaneBits == 32 ? 0x7FFF_FFFFUL : 0x7FFF_FFFF_FFFF_FFFFUL);
        private static readonly TV One = TOps.Create(1);
        private static readonly TV ExponentMaskV = TOps.Create(ExponentMask);
        private static readonly TV FractionMask = TOps.Create((1UL << M) - 1);
        private static readonly TV RegimeOffset = TOps.Create((ulong)((Bias + 1) >> Es));
        private static readonly TV DroppedBase = TOps.Create((ulong)(2 + DroppedOffset));
        private static readonly TV FoldedMask = TOps.Create((1UL << Folded) - 1);
        private static readonly TV MagicBias = TOps.Create((ulong)(Bias + M));
        private static readonly TV FloatBias = TOps.Create((ulong)Bias);
        private static readonly TV PowerBias = TOps.Create((ulong)(Bias + N - 2));
        private static readonly TV FirstCodeAboveOne = TOps.Create(1UL << (N - 1));
        private static readonly TV LastPlainRegime = TOps.Create((ulong)(N - 3));
        private static readonly TV MaxPosV = TOps.Create(TTraits.MaxPosCode);
        private static readonly TV MinPosRegime = TOps.Create((ulong)(long)-(N - 2));
        private static readonly TV MidpointBelow = TOps.Create(Midpoint - 1);
        private static readonly TV BelowMinPosRegime = TOps.Create((ulong)(long)(3 - N));
        private static readonly TV CodeMaskV = TOps.Create(TTraits.CodeMask);
        private static readonly TV MaxFiniteBits = TOps.Create(TOps.LaneBits == 32 ? 0x7F7F_FFFFUL : 0x7FEF_FFFF_FFFF_FFFFUL);
        private static readonly TV NaRV = TOps.Create(TTraits.NaRCode);

        /// <summary>Rounds one vector of floats or doubles (as bits) to posit codes in the low bits of each lane.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static TV Encode(TV x)
        {
            TV zero = default;
            TV a = TOps.And(x, AbsMask);

            // e + B + 1 = biased + 1 is positive, and B + 1 is a multiple of 2^es: logical shifts give floor(e / 2^es).
            TV biasedPlusOne = TOps.Add(TOps.ShiftRight(a, M), One);
            TV k = TOps.Subtract(TOps.ShiftRight(biasedPlusOne, Es), RegimeOffset);
            TV exponent = TOps.And(biasedPlusOne, ExponentMaskV);

            // With s = -1 where k < 0: k ^ s is k or -k - 1, so r = (k ^ s) + 2 and |k| = (k ^ s) - s.
            TV s = BitwiseLanes.SignFill<TOps, TV>(k);
            TV kx = TOps.Xor(k, s);
            TV dropped = TOps.Add(kx, DroppedBase);

            TV vExact = TOps.Or(TOps.ShiftLeft(exponent, M), TOps.And(a, FractionMask));
            TV sticky = Folded == 1 ? TOps.And(vExact, One) : TOps.Min(TOps.And(vExact, FoldedMask), One);
            TV v = Folded > 0 ? TOps.Or(TOps.ShiftRight(vExact, Folded), sticky) : vExact;

            // Round V to a multiple of 2^d: add 2^(d + M), whose last place is 2^d, and take it away again.
            TV magic = TOps.ShiftLeft(TOps.Add(dropped, MagicBias), M);
            TV rounded = TOps.FSubtract(TOps.FAdd(TOps.IntToF(v), magic), magic);
            TV low = TOps.FToInt(TOps.FMultiply(rounded, TOps.ShiftLeft(TOps.Subtract(FloatBias, dropped), M)));

            // The regime's first code: 2^(n-2+k) below 1, 2^(n-1) - 2^(n-2-k) from 1 up.
            TV power = TOps.FToInt(TOps.ShiftLeft(TOps.Subtract(PowerBias, TOps.Subtract(kx, s)), M));
            TV code = TOps.Add(TOps.Select(s, power, TOps.Subtract(FirstCodeAboveOne, power)), low);

            code = TOps.Select(TOps.GreaterThan(k, LastPlainRegime), MaxPosV, code);
            TV up = TOps.And(TOps.Equal(k, MinPosRegime), TOps.GreaterThan(vExact, MidpointBelow));
            code = TOps.Select(TOps.GreaterThan(BelowMinPosRegime, k), TOps.Subtract(One, up), code);
            code = TOps.AndNot(code, TOps.Equal(a, zero));
            code = TOps.Select(TOps.GreaterThan(zero, x), TOps.And(TOps.Subtract(zero, code), CodeMaskV), code);
            return TOps.Select(TOps.GreaterThan(a, MaxFiniteBits), NaRV, code);
        }
    }
}
