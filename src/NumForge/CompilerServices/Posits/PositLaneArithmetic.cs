using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
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
            TV negative = BitwiseLanes.SignFill<TOps, TV>(TOps.ShiftLeft(code, 32 - N));
            TV magnitude = TOps.And(TOps.Subtract(TOps.Xor(code, negative), negative), CodeMask);
            TV payload = TOps.ShiftLeft(magnitude, 33 - N);        // left-aligned; 0 for zero and NaR
            TV ones = BitwiseLanes.SignFill<TOps, TV>(payload);

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
            return RoundToOddLanes<TOps, TV>.ToOdd(sum, RoundToOddLanes<TOps, TV>.SumError(a, b, sum));
        }

        /// <summary>a × b rounded to odd: a's top 11 bits times b and the rest of a times b are both exact.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static TV MultiplyToOdd(TV a, TV b)
        {
            TV high = TOps.And(a, HighBits);
            TV productHigh = TOps.FMultiply(high, b);
            TV productLow = TOps.FMultiply(TOps.FSubtract(a, high), b);
            TV product = TOps.FAdd(productHigh, productLow);
            return RoundToOddLanes<TOps, TV>.ToOdd(product, RoundToOddLanes<TOps, TV>.SumError(productHigh, productLow, product));
        }

        /// <summary>
        /// a × b + c rounded to odd (float bits in, float bits out), through the 64-bit lanes of the same width: the
        /// product of two 13-bit significands is exact in double; the double sum's error is exact (TwoSum), so the
        /// exact result is s + e; its float f = RN(s) leaves r = s - f exactly (Sterbenz), and f is moved to odd by
        /// the sign of r + e (zero only when the result is exactly f). See the remarks on the type for the range.
        /// </summary>
        /// <remarks>
        /// The rounding error and r are multiples of the smallest unit of the operands (at least minpos², a normal
        /// float for the formats of <see cref="Applies"/>), so r + e narrowed to float keeps its sign and is zero only
        /// when it is zero; and the exact result is 0 or at least minpos² in magnitude, a normal float.
        /// </remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static TV FusedMultiplyAddToOdd<TOps64, TV64>(TV a, TV b, TV c)
            where TOps64 : struct, ISimd64<TV64, TV>
            where TV64 : struct
        {
            TOps64.WidenSingleToDouble(a, out TV64 a0, out TV64 a1);
            TOps64.WidenSingleToDouble(b, out TV64 b0, out TV64 b1);
            TOps64.WidenSingleToDouble(c, out TV64 c0, out TV64 c1);
            TV64 p0 = TOps64.FMultiply(a0, b0);
            TV64 p1 = TOps64.FMultiply(a1, b1);
            TV64 s0 = TOps64.FAdd(p0, c0);
            TV64 s1 = TOps64.FAdd(p1, c1);
            TV64 e0 = RoundToOddLanes<TOps64, TV64>.SumError(p0, c0, s0);
            TV64 e1 = RoundToOddLanes<TOps64, TV64>.SumError(p1, c1, s1);
            TV nearest = NarrowToSingle(s0, s1);
            TOps64.WidenSingleToDouble(nearest, out TV64 f0, out TV64 f1);
            TV64 error0 = TOps64.FAdd(TOps64.FSubtract(s0, f0), e0);
            TV64 error1 = TOps64.FAdd(TOps64.FSubtract(s1, f1), e1);
            return RoundToOddLanes<TOps, TV>.ToOdd(nearest, NarrowToSingle(error0, error1));
        }

        /// <summary>Two vectors of doubles to one of floats (rounded to nearest), in order.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static TV NarrowToSingle<TV64>(TV64 low, TV64 high)
            where TV64 : struct
        {
            if (TOps.Count == 16)
            {
                return Unsafe.BitCast<Vector512<uint>, TV>(Vector512.Narrow(Unsafe.BitCast<TV64, Vector512<double>>(low), Unsafe.BitCast<TV64, Vector512<double>>(high)).AsUInt32());
            }

            if (TOps.Count == 8)
            {
                return Unsafe.BitCast<Vector256<uint>, TV>(Vector256.Narrow(Unsafe.BitCast<TV64, Vector256<double>>(low), Unsafe.BitCast<TV64, Vector256<double>>(high)).AsUInt32());
            }

            return Unsafe.BitCast<Vector128<uint>, TV>(Vector128.Narrow(Unsafe.BitCast<TV64, Vector128<double>>(low), Unsafe.BitCast<TV64, Vector128<double>>(high)).AsUInt32());
        }
    }
}
