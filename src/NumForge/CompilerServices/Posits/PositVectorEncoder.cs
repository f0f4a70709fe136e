using System.Runtime.CompilerServices;
using NumForge.CompilerServices.Spans;

namespace NumForge.CompilerServices
{
    /// <summary>
    /// The vector float-to-posit rounding for posits of at most 16 bits, giving the bits of
    /// <see cref="PositCodec{TTraits}.FromDouble"/> (SoftPosit's rounding: to nearest, ties to the even code, never
    /// to 0 or NaR). Vector ISAs shift every lane by the same count, but the regime's length differs per lane, so
    /// every per-lane shift here is a multiplication by a power of two built from integer lanes.
    /// <list type="bullet">
    /// <item>From float's biased exponent: the regime k = floor(e / 2^es), the exponent field e mod 2^es, and the
    /// regime length r (k + 2 ones-and-zero bits, or 1 - k zeros-and-one).</item>
    /// <item>After the regime, a posit's bits are the exponent field followed by the fraction: the fixed-point number
    /// V = exponent field · 2^23 + float's fraction. The code's rounding is V's rounding to a multiple of
    /// 2^d, d the bits that do not fit; the float adder does it (V is exact in float, after folding any bits
    /// past 24 into a sticky bit, and a magic power of two gives the sum a last place of 2^d).</item>
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

        /// <summary>Low bits of V folded into a sticky bit so that V stays below 2^24, exact in float.</summary>
        private static readonly int Folded = Es <= 1 ? 0 : Es - 1;

        private static readonly uint ExponentMask = (1U << Es) - 1;

        /// <summary>d less the regime length: d = 23 - (n - 1 - r - es), less the folded bits.</summary>
        private static readonly uint DroppedOffset = (uint)(24 - N + Es - Folded);

        /// <summary>V at the pattern midpoint after minpos: the first bit after the regime set.</summary>
        private static readonly uint Midpoint = 1U << (22 + Es);

        private static readonly uint MaxPos = (uint)TTraits.MaxPosCode;

        private static readonly uint NaR = (uint)TTraits.NaRCode;

        private static readonly uint CodeMask = (uint)TTraits.CodeMask;

        /// <summary>
        /// Whether this encoder applies: 32-bit lanes, at most 16 bits (so the code and V fit the float tricks), and
        /// every float subnormal below minpos.
        /// </summary>
        public static bool CanEncode => TOps.LaneBits == 32 && N >= 3 && N <= 16 && Es <= 3 && ((N - 2) << Es) <= 126;

        // Lane constants as static readonly vectors too: each TOps.Create would be one more inlinee, and a block of
        // four encodes would run out of the JIT's inlining budget.
        private static readonly TV AbsMask = TOps.Create(0x7FFF_FFFFUL);
        private static readonly TV One = TOps.Create(1);
        private static readonly TV ExponentMaskV = TOps.Create(ExponentMask);
        private static readonly TV FractionMask = TOps.Create(0x7F_FFFFUL);
        private static readonly TV RegimeOffset = TOps.Create((ulong)(128 >> Es));
        private static readonly TV DroppedBase = TOps.Create((ulong)(2 + DroppedOffset));
        private static readonly TV FoldedMask = TOps.Create((1UL << Folded) - 1);
        private static readonly TV MagicBias = TOps.Create(127 + 23);
        private static readonly TV FloatBias = TOps.Create(127);
        private static readonly TV PowerBias = TOps.Create((ulong)(127 + N - 2));
        private static readonly TV FirstCodeAboveOne = TOps.Create(1UL << (N - 1));
        private static readonly TV LastPlainRegime = TOps.Create((ulong)(N - 3));
        private static readonly TV MaxPosV = TOps.Create(MaxPos);
        private static readonly TV MinPosRegime = TOps.Create((ulong)(uint)-(N - 2));
        private static readonly TV MidpointBelow = TOps.Create(Midpoint - 1);
        private static readonly TV BelowMinPosRegime = TOps.Create((ulong)(uint)(3 - N));
        private static readonly TV CodeMaskV = TOps.Create(CodeMask);
        private static readonly TV MaxFiniteBits = TOps.Create(0x7F7F_FFFFUL);
        private static readonly TV NaRV = TOps.Create(NaR);

        /// <summary>Rounds one vector of floats (as bits) to posit codes in the low bits of each lane.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static TV Encode(TV x)
        {
            TV zero = default;
            TV a = TOps.And(x, AbsMask);

            // e + 128 = biased + 1 is positive, and 128 is a multiple of 2^es: logical shifts give floor(e / 2^es).
            TV biasedPlusOne = TOps.Add(TOps.ShiftRight(a, 23), One);
            TV k = TOps.Subtract(TOps.ShiftRight(biasedPlusOne, Es), RegimeOffset);
            TV exponent = TOps.And(biasedPlusOne, ExponentMaskV);

            // With s = -1 where k < 0: k ^ s is k or -k - 1, so r = (k ^ s) + 2 and |k| = (k ^ s) - s.
            TV s = TOps.GreaterThan(zero, k);
            TV kx = TOps.Xor(k, s);
            TV dropped = TOps.Add(kx, DroppedBase);

            TV vExact = TOps.Or(TOps.ShiftLeft(exponent, 23), TOps.And(a, FractionMask));
            TV v = Folded > 0 ? TOps.Or(TOps.ShiftRight(vExact, Folded), TOps.Min(TOps.And(vExact, FoldedMask), One)) : vExact;

            // Round V to a multiple of 2^d: add 2^(d + 23), whose last place is 2^d, and take it away again.
            TV magic = TOps.ShiftLeft(TOps.Add(dropped, MagicBias), 23);
            TV rounded = TOps.FSubtract(TOps.FAdd(TOps.IntToF(v), magic), magic);
            TV low = TOps.FToInt(TOps.FMultiply(rounded, TOps.ShiftLeft(TOps.Subtract(FloatBias, dropped), 23)));

            // The regime's first code: 2^(n-2+k) below 1, 2^(n-1) - 2^(n-2-k) from 1 up.
            TV power = TOps.FToInt(TOps.ShiftLeft(TOps.Subtract(PowerBias, TOps.Subtract(kx, s)), 23));
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
