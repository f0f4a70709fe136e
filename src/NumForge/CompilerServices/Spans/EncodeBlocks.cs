using System.Numerics;
using System.Runtime.CompilerServices;

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
                    TOps.StorePackedNibbles(c0, c1, c2, c3, ref destination, streaming);
                }
                else
                {
                    TOps.StoreNarrow8(c0, c1, c2, c3, ref destination, streaming);
                }
            }
            else if (Unsafe.SizeOf<TBits>() == 2)
            {
                TV c0 = LaneEncoder<TTraits, TMode, TOps, TV>.EncodeInLane(TOps.Load(ref source), k, TClamp.Value);
                TV c1 = LaneEncoder<TTraits, TMode, TOps, TV>.EncodeInLane(TOps.Load(ref Unsafe.Add(ref source, vectorBytes)), k, TClamp.Value);
                TOps.StoreNarrow16(c0, c1, ref destination, streaming);
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
        /// <summary>One widening load of Half bits (two vectors): four would not stay in registers with the decode.</summary>
        public static int BlockElements => TOps.Count * 2;

        public static int SourceElementSize => 2;

        public static int DestinationElementSize => Unsafe.SizeOf<TBits>();

        public static int StoreBytes => Unsafe.SizeOf<TBits>() == 1 ? TOps.Count * 2 : TOps.Count * 4;

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
                TOps.StoreNarrow8Half(c0, c1, ref destination, streaming);
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

        /// <summary>Sign-extended Half bits to the float bits of the same value (exact; NaN keeps its sign).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static TV Widen(TV halfBits)
        {
            TV value = SingleDecoder<Binary16Traits, TOps, TV>.Decode(halfBits, out TV special, signExtended: true);
            return SingleDecoder<Binary16Traits, TOps, TV>.WithSpecials(halfBits, value, special, signExtended: true);
        }
    }
}
