using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NumForge.CompilerServices.Spans
{
    /// <summary>
    /// float to codes with <see cref="LaneEncoder{TTraits, TMode, TOps, TV}"/> in one rounding mode: one block is one
    /// store of codes (four vectors narrowed to bytes, two to ushorts, or one of uints). Overflow, infinity and NaN
    /// lanes get their codes in line, without a branch on the data. Saturation is a type argument
    /// (<typeparamref name="TSaturate"/>) so that the JIT reads the conversion's constants as constants and drops the
    /// code of the special shapes the format does not have. With <typeparamref name="TClamp"/> set, overflow
    /// clamps and only NaN lanes are selected. With <typeparamref name="TPacked"/> set (byte codes of at most 4 bits),
    /// the block's codes are stored packed two per byte, low nibble first, in the same pass.
    /// </summary>
    internal readonly struct SingleEncodeBlock<TTraits, TMode, TOps, TV, TBits, TSaturate, TClamp, TPacked> : IBlockConverter
        where TTraits : struct, IFloatTraits
        where TMode : struct, IRoundingMode
        where TOps : struct, ISimd32<TV>
        where TV : struct
        where TBits : unmanaged, IBinaryInteger<TBits>
        where TSaturate : struct, IFlag
        where TClamp : struct, IFlag
        where TPacked : struct, IFlag
    {
        public static int BlockElements => TOps.Count * 4 / Unsafe.SizeOf<TBits>();

        public static int SourceElementSize => 4;

        public static int DestinationElementSize => Unsafe.SizeOf<TBits>();

        public static int DestinationUnitElements => TPacked.Value ? 2 : 1;

        public static int StoreBytes => TPacked.Value ? TOps.Count * 2 : TOps.Count * 4;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Convert(ref byte source, ref byte destination, bool streaming)
        {
            ref readonly LaneEncoder<TTraits, TMode, TOps, TV>.Constants k = ref LaneEncoder<TTraits, TMode, TOps, TV>.For(TSaturate.Value);
            int vectorBytes = TOps.Count * 4;
            if (Unsafe.SizeOf<TBits>() == 1)
            {
                TV c0 = LaneEncoder<TTraits, TMode, TOps, TV>.EncodeInLane(TOps.Load(ref source), k, TClamp.Value);
                TV c1 = LaneEncoder<TTraits, TMode, TOps, TV>.EncodeInLane(TOps.Load(ref Unsafe.Add(ref source, vectorBytes)), k, TClamp.Value);
                TV c2 = LaneEncoder<TTraits, TMode, TOps, TV>.EncodeInLane(TOps.Load(ref Unsafe.Add(ref source, 2 * vectorBytes)), k, TClamp.Value);
                TV c3 = LaneEncoder<TTraits, TMode, TOps, TV>.EncodeInLane(TOps.Load(ref Unsafe.Add(ref source, 3 * vectorBytes)), k, TClamp.Value);
                if (TPacked.Value)
                {
                    NarrowStores.Nibbles<TOps, TV>(c0, c1, c2, c3, ref destination, streaming);
                }
                else
                {
                    NarrowStores.Bytes<TOps, TV>(c0, c1, c2, c3, ref destination, streaming);
                }
            }
            else if (Unsafe.SizeOf<TBits>() == 2)
            {
                TV c0 = LaneEncoder<TTraits, TMode, TOps, TV>.EncodeInLane(TOps.Load(ref source), k, TClamp.Value);
                TV c1 = LaneEncoder<TTraits, TMode, TOps, TV>.EncodeInLane(TOps.Load(ref Unsafe.Add(ref source, vectorBytes)), k, TClamp.Value);
                NarrowStores.Words<TOps, TV>(c0, c1, ref destination, streaming);
            }
            else
            {
                TOps.Store(LaneEncoder<TTraits, TMode, TOps, TV>.EncodeInLane(TOps.Load(ref source), k, TClamp.Value), ref destination, streaming);
            }
        }
    }

    /// <summary>
    /// double to codes, rounded once, directly from the 64-bit pattern: <see cref="LaneEncoder{TTraits, TMode, TOps, TV}"/>
    /// on 64-bit lanes (never through float, which would round twice), each pair of results narrowed to one vector of
    /// 32-bit lanes; one block is two such pairs (one for 32-bit codes).
    /// </summary>
    internal readonly struct DoubleEncodeBlock<TTraits, TMode, TOps, TV, TOps32, TV32, TBits, TSaturate, TClamp> : IBlockConverter
        where TTraits : struct, IFloatTraits
        where TMode : struct, IRoundingMode
        where TOps : struct, ISimd64<TV, TV32>
        where TV : struct
        where TOps32 : struct, ISimd32<TV32>
        where TV32 : struct
        where TBits : unmanaged, IBinaryInteger<TBits>
        where TSaturate : struct, IFlag
        where TClamp : struct, IFlag
    {
        /// <summary>Two pairs of 64-bit vectors (one for 32-bit codes): eight vectors of doubles would not stay in registers.</summary>
        public static int BlockElements => Unsafe.SizeOf<TBits>() == 4 ? TOps32.Count : TOps32.Count * 2;

        public static int SourceElementSize => 8;

        public static int DestinationElementSize => Unsafe.SizeOf<TBits>();

        public static int StoreBytes => Unsafe.SizeOf<TBits>() == 1 ? TOps32.Count * 2 : TOps32.Count * 4;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Convert(ref byte source, ref byte destination, bool streaming)
        {
            bool clamp = TClamp.Value;
            ref readonly LaneEncoder<TTraits, TMode, TOps, TV>.Constants k = ref LaneEncoder<TTraits, TMode, TOps, TV>.For(TSaturate.Value);
            if (Unsafe.SizeOf<TBits>() == 4)
            {
                TOps32.Store(Pair(ref source, 0, k, clamp), ref destination, streaming);
                return;
            }

            TV32 c0 = Pair(ref source, 0, k, clamp);
            TV32 c1 = Pair(ref source, 1, k, clamp);
            if (Unsafe.SizeOf<TBits>() == 1)
            {
                TOps32.StoreNarrow8Half(c0, c1, ref destination, streaming);
            }
            else
            {
                TOps32.StoreNarrow16(c0, c1, ref destination, streaming);
            }
        }

        /// <summary>The codes of the <paramref name="index"/>-th 32-bit-lane vector's worth of doubles (two 64-bit vectors).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static TV32 Pair(ref byte source, int index, in LaneEncoder<TTraits, TMode, TOps, TV>.Constants k, bool clamp)
        {
            int vectorBytes = TOps.Count * 8;
            TV low = LaneEncoder<TTraits, TMode, TOps, TV>.EncodeInLane(TOps.Load(ref Unsafe.Add(ref source, 2 * index * vectorBytes)), k, clamp);
            TV high = LaneEncoder<TTraits, TMode, TOps, TV>.EncodeInLane(TOps.Load(ref Unsafe.Add(ref source, (2 * index + 1) * vectorBytes)), k, clamp);
            return TOps.NarrowTo32(low, high);
        }
    }

    /// <summary>
    /// Half to codes, fused per block: the Half bits widened to float exactly (<see cref="SingleDecoder{TTraits, TOps, TV}"/>
    /// of binary16, sign-extending loads), then <see cref="LaneEncoder{TTraits, TMode, TOps, TV}"/>; rounding the exact
    /// float once is rounding the Half once. One block is one widening load (two vectors of 32-bit lanes).
    /// </summary>
    internal readonly struct HalfEncodeBlock<TTraits, TMode, TOps, TV, TBits, TSaturate, TClamp> : IBlockConverter
        where TTraits : struct, IFloatTraits
        where TMode : struct, IRoundingMode
        where TOps : struct, ISimd32<TV>
        where TV : struct
        where TBits : unmanaged, IBinaryInteger<TBits>
        where TSaturate : struct, IFlag
        where TClamp : struct, IFlag
    {
        /// <summary>Two widening loads of Half bits (four vectors, one full store) for byte codes, else one (two vectors).</summary>
        public static int BlockElements => Unsafe.SizeOf<TBits>() == 1 ? TOps.Count * 4 : TOps.Count * 2;

        public static int SourceElementSize => 2;

        public static int DestinationElementSize => Unsafe.SizeOf<TBits>();

        public static int StoreBytes => TOps.Count * 4;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Convert(ref byte source, ref byte destination, bool streaming)
        {
            bool clamp = TClamp.Value;
            ref readonly LaneEncoder<TTraits, TMode, TOps, TV>.Constants k = ref LaneEncoder<TTraits, TMode, TOps, TV>.For(TSaturate.Value);
            TOps.LoadWiden16(ref source, out TV h0, out TV h1, signed: true);
            TV c0 = LaneEncoder<TTraits, TMode, TOps, TV>.EncodeInLane(Widen(h0), k, clamp);
            TV c1 = LaneEncoder<TTraits, TMode, TOps, TV>.EncodeInLane(Widen(h1), k, clamp);
            if (Unsafe.SizeOf<TBits>() == 1)
            {
                TOps.LoadWiden16(ref Unsafe.Add(ref source, TOps.Count * 4), out TV h2, out TV h3, signed: true);
                TV c2 = LaneEncoder<TTraits, TMode, TOps, TV>.EncodeInLane(Widen(h2), k, clamp);
                TV c3 = LaneEncoder<TTraits, TMode, TOps, TV>.EncodeInLane(Widen(h3), k, clamp);
                TOps.StoreNarrow8(c0, c1, c2, c3, ref destination, streaming);
            }
            else if (Unsafe.SizeOf<TBits>() == 2)
            {
                TOps.StoreNarrow16(c0, c1, ref destination, streaming);
            }
            else
            {
                TOps.Store(c0, ref destination, streaming);
                TOps.Store(c1, ref Unsafe.Add(ref destination, TOps.Count * 4), streaming);
            }
        }

        /// <summary>
        /// Sign-extended Half bits to the float bits of the same value, exactly: the magnitude bits moved into float's
        /// fields and rebiased by one integer addition (normal Halves); subnormal Halves are 2^-14 times (1 + m / 2^10)
        /// less 2^-14, one exact float subtraction of normal floats (a multiplication of the unbiased bits would read
        /// float subnormals, which cost a microcode assist each); infinity and NaN land at 2^16 or above (no finite Half
        /// does) and get float's all-ones exponent, the mantissa (NaN payload) kept; the sign-extended sign is float's
        /// sign bit. About ten lane operations, against about fifteen for the general
        /// <see cref="SingleDecoder{TTraits, TOps, TV}"/> of binary16.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static TV Widen(TV halfBits)
        {
            TV shifted = TOps.ShiftLeft(TOps.And(halfBits, TOps.Create(0x7FFFUL)), 13);
            TV normal = TOps.Add(shifted, TOps.Create(0x3800_0000UL)); // (127 - 15) << 23
            TV minNormal = TOps.Create(0x3880_0000UL); // 2^-14
            TV subnormal = TOps.FSubtract(TOps.Or(shifted, minNormal), minNormal);
            TV magnitude = TOps.Select(TOps.GreaterThan(TOps.Create(0x0080_0000UL), shifted), subnormal, normal);
            TV infinityOrNaN = TOps.GreaterThan(normal, TOps.Create(0x477F_FFFFUL)); // 2^16 and above
            magnitude = TOps.Or(magnitude, TOps.And(infinityOrNaN, TOps.Create(0x7F80_0000UL)));
            return TOps.Or(magnitude, TOps.And(halfBits, TOps.Create(0x8000_0000UL)));
        }
    }

    /// <summary>
    /// double to codes on AVX-512 through float lanes: each double is first narrowed to float rounded to odd (toward
    /// zero, then the lowest bit set where that was inexact), which loses nothing that the format's rounding reads when
    /// float has at least two more bits than the format at every magnitude (<see cref="Exact"/>); then
    /// <see cref="LaneEncoder{TTraits, TMode, TOps, TV}"/> rounds that float once, in any mode, to the same code as the
    /// double. Sixteen doubles per float vector instead of eight per 64-bit lane vector: the encode runs on half as
    /// many vectors. One block is one store of codes, as in <see cref="SingleEncodeBlock{TTraits, TMode, TOps, TV, TBits, TSaturate, TClamp, TPacked}"/>.
    /// </summary>
    /// <remarks>
    /// Round to odd: the two conversions toward -infinity and +infinity (embedded rounding, whatever the MXCSR says)
    /// are the same float when the double is one, else two neighbours of which exactly one is odd, and that one is the
    /// double truncated with the sticky bit in its last place (finite beyond float's range: the largest float, which
    /// is odd, never infinity). NaN converts to a quiet NaN of the same sign, zeros and infinities exactly.
    /// </remarks>
    internal readonly struct OddNarrowedDoubleEncodeBlock<TTraits, TMode, TBits, TSaturate, TClamp> : IBlockConverter
        where TTraits : struct, IFloatTraits
        where TMode : struct, IRoundingMode
        where TBits : unmanaged, IBinaryInteger<TBits>
        where TSaturate : struct, IFlag
        where TClamp : struct, IFlag
    {
        /// <summary>
        /// Whether rounding the float rounded to odd gives the double's own rounding: float's grid at least four times
        /// finer than the format's everywhere, i.e. at most 21 fraction bits (float has 23) and a smallest subnormal of
        /// at least 2^-147 (float's is 2^-149); and the CPU has AVX-512F (the embedded rounding).
        /// </summary>
        public static bool Exact => Avx512F.IsSupported
            && TTraits.MantissaBits <= 21
            && TTraits.MinNormalExponent - TTraits.MantissaBits >= -147;

        public static int BlockElements => Vector512x32.Count * 4 / Unsafe.SizeOf<TBits>();

        public static int SourceElementSize => 8;

        public static int DestinationElementSize => Unsafe.SizeOf<TBits>();

        public static int StoreBytes => Vector512x32.Count * 4;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Convert(ref byte source, ref byte destination, bool streaming)
        {
            ref readonly LaneEncoder<TTraits, TMode, Vector512x32, Vector512<uint>>.Constants k = ref LaneEncoder<TTraits, TMode, Vector512x32, Vector512<uint>>.For(TSaturate.Value);
            bool clamp = TClamp.Value;
            if (Unsafe.SizeOf<TBits>() == 1)
            {
                Vector512<uint> c0 = LaneEncoder<TTraits, TMode, Vector512x32, Vector512<uint>>.EncodeInLane(ToOddSingle(ref source, 0), k, clamp);
                Vector512<uint> c1 = LaneEncoder<TTraits, TMode, Vector512x32, Vector512<uint>>.EncodeInLane(ToOddSingle(ref source, 1), k, clamp);
                Vector512<uint> c2 = LaneEncoder<TTraits, TMode, Vector512x32, Vector512<uint>>.EncodeInLane(ToOddSingle(ref source, 2), k, clamp);
                Vector512<uint> c3 = LaneEncoder<TTraits, TMode, Vector512x32, Vector512<uint>>.EncodeInLane(ToOddSingle(ref source, 3), k, clamp);
                Vector512x32.StoreNarrow8(c0, c1, c2, c3, ref destination, streaming);
            }
            else if (Unsafe.SizeOf<TBits>() == 2)
            {
                Vector512<uint> c0 = LaneEncoder<TTraits, TMode, Vector512x32, Vector512<uint>>.EncodeInLane(ToOddSingle(ref source, 0), k, clamp);
                Vector512<uint> c1 = LaneEncoder<TTraits, TMode, Vector512x32, Vector512<uint>>.EncodeInLane(ToOddSingle(ref source, 1), k, clamp);
                Vector512x32.StoreNarrow16(c0, c1, ref destination, streaming);
            }
            else
            {
                Vector512x32.Store(LaneEncoder<TTraits, TMode, Vector512x32, Vector512<uint>>.EncodeInLane(ToOddSingle(ref source, 0), k, clamp), ref destination, streaming);
            }
        }

        /// <summary>The float bits, rounded to odd, of the <paramref name="index"/>-th sixteen doubles at <paramref name="source"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static Vector512<uint> ToOddSingle(ref byte source, int index)
        {
            ref double first = ref Unsafe.As<byte, double>(ref Unsafe.Add(ref source, index * 128));
            Vector512<double> low = Vector512.LoadUnsafe(ref first);
            Vector512<double> high = Vector512.LoadUnsafe(ref Unsafe.Add(ref first, 8));
            // ToVector512Unsafe then WithUpper: one insert per pair (Vector512.Create inserted both halves).
            Vector512<uint> down = Avx512F.ConvertToVector256Single(low, FloatRoundingMode.ToNegativeInfinity).ToVector512Unsafe()
                .WithUpper(Avx512F.ConvertToVector256Single(high, FloatRoundingMode.ToNegativeInfinity)).AsUInt32();
            Vector512<uint> up = Avx512F.ConvertToVector256Single(low, FloatRoundingMode.ToPositiveInfinity).ToVector512Unsafe()
                .WithUpper(Avx512F.ConvertToVector256Single(high, FloatRoundingMode.ToPositiveInfinity)).AsUInt32();
            Vector512<uint> one = Vector512<uint>.One;
            return Vector512.ConditionalSelect(Vector512.Equals(down & one, one), down, up);
        }
    }
}
