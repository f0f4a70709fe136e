using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using NumForge.CompilerServices.Spans;

namespace NumForge.CompilerServices
{
    /// <summary>
    /// Posits of 17 to 32 bits in 64-bit lanes: codes to the bits of their double values (every such posit is an exact
    /// double), for the span arithmetic that computes in double rounded to odd (<see cref="DoubleToOddLanes{TOps, TV}"/>)
    /// and rounds once with the double lanes of <see cref="PositVectorEncoder{TTraits, TOps, TV}"/>.
    /// </summary>
    /// <remarks>
    /// The regime's run length is the leading-zero count of the payload (complemented when it starts with ones): AVX-512CD
    /// counts it per lane; elsewhere it is read from the exponent of the payload's conversion to double (exact: at most
    /// 32 significant bits). The bits past the regime are the payload shifted by a per-lane count
    /// (<see cref="Lanes64.ShiftLeft"/>). Zero and NaR are selects, so the time does not depend on the data.
    /// </remarks>
    internal static class PositDoubleLanes<TTraits, TOps, TV>
        where TTraits : struct, IPositTraits
        where TOps : struct, ISimd<TV>
        where TV : struct
    {
        private static readonly int N = TTraits.Bits;

        private static readonly int Es = TTraits.ExponentBits;

        /// <summary>
        /// Whether the lanes apply: 64-bit lanes, 17 to 32 bits, the encoder covers the format, and every exact result of
        /// +, × and x × y + z and every rounding error of them is a normal double (2 maxScale + 2 (maxFractionBits + 1)
        /// + 8 &lt;= 1022: products down to minpos² and their low halves 2^-(2 fraction bits + 2) below).
        /// </summary>
        public static bool Applies => TOps.LaneBits == 64 && N > 16 && N <= 32
            && (2 * TTraits.MaxScale) + (2 * (TTraits.MaxFractionBits + 1)) + 8 <= 1022
            && PositVectorEncoder<TTraits, TOps, TV>.CanEncode;

        private static readonly TV One = TOps.Create(1);
        private static readonly TV CodeMask = TOps.Create(TTraits.CodeMask);
        private static readonly TV SignBit = TOps.Create(TTraits.NaRCode);
        private static readonly TV PayloadTop = TOps.Create(~((1UL << (65 - N)) - 1));
        private static readonly TV Sentinel = TOps.Create(1UL << (64 - N));
        private static readonly TV RunBase = TOps.Create(1023 + 62);
        private static readonly TV DoubleBias = TOps.Create(1023);
        private static readonly TV NaN = TOps.Create(0x7FF8_0000_0000_0000UL);

        /// <summary>Posit codes (low n bits of each lane, nothing above) to the bits of their double values; NaR gives NaN.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static TV Decode(TV code)
        {
            TV zero = default;
            TV negative = BitwiseLanes.SignFill<TOps, TV>(TOps.ShiftLeft(code, 64 - N));
            TV magnitude = TOps.And(TOps.Subtract(TOps.Xor(code, negative), negative), CodeMask);
            TV payload = TOps.ShiftLeft(magnitude, 65 - N);          // left-aligned; 0 for zero and NaR
            TV ones = BitwiseLanes.SignFill<TOps, TV>(payload);

            // The run: leading zeros of the payload (complemented for a run of ones) with a sentinel one below it, so a
            // run over the whole payload ends there.
            TV marked = TOps.Or(TOps.And(TOps.Xor(payload, ones), PayloadTop), Sentinel);
            TV run = LeadingZeroCount(marked);
            TV k = TOps.Xor(TOps.Subtract(zero, run), ones);          // run - 1 for ones, -run for zeros

            TV rest = Lanes64.ShiftLeft<TOps, TV>(payload, TOps.Add(run, One));
            TV scale = Es == 0 ? k : TOps.Add(TOps.ShiftLeft(k, Es), TOps.ShiftRight(rest, 64 - Es));
            TV fraction = Es == 0 ? rest : TOps.ShiftLeft(rest, Es);
            TV bits = TOps.Or(TOps.ShiftLeft(TOps.Add(scale, DoubleBias), 52), TOps.ShiftRight(fraction, 12));
            bits = TOps.Or(bits, TOps.ShiftLeft(TOps.And(code, SignBit), 64 - N));
            TV special = TOps.AndNot(NaN, TOps.Equal(code, zero));
            return TOps.Select(TOps.Equal(payload, zero), special, bits);
        }

        /// <summary>Leading zeros of lanes below 2^64 with at most 32 significant bits above bit 31 (the marked payload).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static TV LeadingZeroCount(TV marked)
        {
            if (typeof(TV) == typeof(Vector512<ulong>) && Avx512CD.IsSupported)
            {
                return Unsafe.BitCast<Vector512<ulong>, TV>(Avx512CD.LeadingZeroCount(Unsafe.BitCast<TV, Vector512<ulong>>(marked)));
            }

            if (typeof(TV) == typeof(Vector256<ulong>) && Avx512CD.VL.IsSupported)
            {
                return Unsafe.BitCast<Vector256<ulong>, TV>(Avx512CD.VL.LeadingZeroCount(Unsafe.BitCast<TV, Vector256<ulong>>(marked)));
            }

            if (typeof(TV) == typeof(Vector128<ulong>) && Avx512CD.VL.IsSupported)
            {
                return Unsafe.BitCast<Vector128<ulong>, TV>(Avx512CD.VL.LeadingZeroCount(Unsafe.BitCast<TV, Vector128<ulong>>(marked)));
            }

            return LeadingZeroCountByConversion(marked);
        }

        /// <summary>
        /// The portable leading-zero count: (marked &gt;&gt; 1) is a positive long whose double is exact, and its biased
        /// exponent is 1023 + 62 - leading zeros.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static TV LeadingZeroCountByConversion(TV marked)
            => TOps.Subtract(RunBase, TOps.ShiftRight(TOps.IntToF(TOps.ShiftRight(marked, 1)), 52));
    }
}
