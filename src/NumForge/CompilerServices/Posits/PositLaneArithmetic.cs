using System.Runtime.CompilerServices;
using NumForge.CompilerServices.Spans;

namespace NumForge.CompilerServices
{
    /// <summary>
    /// + and × of posits of 9 to 16 bits in 32-bit lanes: decode to float, compute in float rounded to odd, encode with
    /// <see cref="PositVectorEncoder{TTraits, TOps, TV}"/>. Bit for bit the scalar <see cref="PositCodec{TTraits}"/> results.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Why it is exact: every posit of these formats is a float with at most 13 significant bits, and so is every rounding
    /// boundary of the posit rounding (the value of a code one bit longer: at most 15 significant bits). The exact sum or
    /// product is rounded to float's 24 bits <em>to odd</em> (truncated, then the last bit set if anything was lost): a
    /// number rounded to odd lies on the same side of every number with at most 23 significant bits as the exact value, and
    /// equals it only when the exact value does (Boldo and Melquiond), so the encoder's nearest-even rounding of it is the
    /// correct rounding of the exact result. Rounding to nearest instead could land on a boundary (a double rounding).
    /// </para>
    /// <para>
    /// Round to odd from float arithmetic: the rounding error of a sum is exact in float (TwoSum); a product is split into
    /// two exact products (the first operand's top 11 bits and the rest, times a 13-bit operand: at most 24 bits each) and
    /// summed the same way. The nearest sum is then moved one unit toward the exact value when it is inexact and even.
    /// Range: sums are multiples of minpos, products at least minpos² × 2^-13, at most maxpos² ×4, all normal floats for
    /// the formats of <see cref="Applies"/>. NaR decodes to NaN, which every step keeps and the encoder turns back into NaR.
    /// </para>
    /// <para>
    /// Decoding has no table: the regime's run length is the leading-zero count of the payload (complemented when it
    /// starts with ones), read from the exponent of its conversion to float; the shift past the regime is a
    /// multiplication by a power of two, since vector shifts share one count across lanes.
    /// </para>
    /// </remarks>
    internal static class PositLaneArithmetic<TTraits, TOps, TV>
        where TTraits : struct, IPositTraits
        where TOps : struct, ISimd32<TV>
        where TV : struct
    {
        private static readonly int N = TTraits.Bits;

        private static readonly int Es = TTraits.ExponentBits;

        /// <summary>
        /// Whether the lanes apply: 9 to 16 bits, significands of at most 13 bits, every product a normal float
        /// (2 maxScale + maxFractionBits + 2 &lt;= 126), and the vector encoder covers the format.
        /// </summary>
        public static bool Applies => TTraits.Bits > 8 && TTraits.Bits <= 16 && TTraits.MaxFractionBits <= 12
            && (2 * TTraits.MaxScale) + TTraits.MaxFractionBits + 2 <= 126
            && PositVectorEncoder<TTraits, TOps, TV>.CanEncode;

        private static readonly TV One = TOps.Create(1);
        private static readonly TV CodeMask = TOps.Create(TTraits.CodeMask);
        private static readonly TV SignBit = TOps.Create(TTraits.NaRCode);
        private static readonly TV PayloadTop = TOps.Create(~((1UL << (33 - N)) - 1) & 0xFFFF_FFFFUL);
        private static readonly TV Sentinel = TOps.Create(1UL << (32 - N));
        private static readonly TV RunBase = TOps.Create(157);
        private static readonly TV PowerBias = TOps.Create(128);
        private static readonly TV FloatBias = TOps.Create(127);
        private static readonly TV NaN = TOps.Create(0x7FC0_0000UL);
        private static readonly TV HighBits = TOps.Create(0xFFFF_E000UL);

        /// <summary>Posit codes (low n bits of each lane) to the bits of their float values; NaR gives NaN.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static TV Decode(TV code)
        {
            TV zero = default;
            TV negative = TOps.GreaterThan(zero, TOps.ShiftLeft(code, 32 - N));
            TV magnitude = TOps.And(TOps.Subtract(TOps.Xor(code, negative), negative), CodeMask);
            TV payload = TOps.ShiftLeft(magnitude, 33 - N);        // left-aligned; 0 for zero and NaR
            TV ones = TOps.GreaterThan(zero, payload);

            // The run: leading zeros of the payload (complemented for a run of ones) with a sentinel one below it, so a
            // run over the whole payload ends there. (t >> 1) has at most n significant bits: its float is exact.
            TV marked = TOps.Or(TOps.And(TOps.Xor(payload, ones), PayloadTop), Sentinel);
            TV run = TOps.Subtract(RunBase, TOps.ShiftRight(TOps.IntToF(TOps.ShiftRight(marked, 1)), 23));
            TV k = TOps.Xor(TOps.Subtract(zero, run), ones);        // run - 1 for ones, -run for zeros

            // The bits after the regime and its terminating bit: payload << (run + 1), as a product with 2^(run + 1).
            TV power = TOps.FToInt(TOps.ShiftLeft(TOps.Add(run, PowerBias), 23));
            TV rest = TOps.Multiply(payload, power);
            TV scale = Es == 0 ? k : TOps.Add(TOps.ShiftLeft(k, Es), TOps.ShiftRight(rest, 32 - Es));
            TV fraction = Es == 0 ? rest : TOps.ShiftLeft(rest, Es);
            TV bits = TOps.Or(TOps.ShiftLeft(TOps.Add(scale, FloatBias), 23), TOps.ShiftRight(fraction, 9));
            bits = TOps.Or(bits, TOps.ShiftLeft(TOps.And(code, SignBit), 32 - N));
            TV special = TOps.AndNot(NaN, TOps.Equal(code, zero));
            return TOps.Select(TOps.Equal(payload, zero), special, bits);
        }

        /// <summary>a + b rounded to odd (float bits in, float bits out).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static TV AddToOdd(TV a, TV b)
        {
            TV sum = TOps.FAdd(a, b);
            return ToOdd(sum, SumError(a, b, sum));
        }

        /// <summary>a × b rounded to odd: a's top 11 bits times b and the rest of a times b are both exact.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static TV MultiplyToOdd(TV a, TV b)
        {
            TV high = TOps.And(a, HighBits);
            TV productHigh = TOps.FMultiply(high, b);
            TV productLow = TOps.FMultiply(TOps.FSubtract(a, high), b);
            TV product = TOps.FAdd(productHigh, productLow);
            return ToOdd(product, SumError(productHigh, productLow, product));
        }

        /// <summary>The exact error a + b - sum of the nearest float sum (Knuth's TwoSum, any order of magnitudes).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static TV SumError(TV a, TV b, TV sum)
        {
            TV bVirtual = TOps.FSubtract(sum, a);
            TV aVirtual = TOps.FSubtract(sum, bVirtual);
            return TOps.FAdd(TOps.FSubtract(a, aVirtual), TOps.FSubtract(b, bVirtual));
        }

        /// <summary>
        /// The round-to-odd result from the nearest one and its error: unchanged when exact or odd, else one unit toward
        /// the exact value (the magnitude's bits up when the error has the result's sign, down otherwise).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static TV ToOdd(TV nearest, TV error)
        {
            TV zero = default;
            TV move = TOps.AndNot(TOps.Equal(TOps.And(nearest, One), zero), TOps.FEqual(error, zero));
            TV down = TOps.GreaterThan(zero, TOps.Xor(nearest, error));
            return TOps.Add(nearest, TOps.And(move, TOps.Or(down, One)));
        }
    }
}
