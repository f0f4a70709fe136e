using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NumForge.CompilerServices.Spans
{
    /// <summary>
    /// float to codes with <see cref="LaneEncoder{TTraits, TMode, TOps, TV, TLayout}"/> in one rounding mode: one block is one
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
            int vectorBytes = TOps.Count * 4;
            if (Unsafe.SizeOf<TBits>() == 1)
            {
                TV c0 = LaneEncoder<TTraits, TMode, TOps, TV, NativeLanes>.EncodeInLane<TSaturate>(TOps.Load(ref source), TClamp.Value);
                TV c1 = LaneEncoder<TTraits, TMode, TOps, TV, NativeLanes>.EncodeInLane<TSaturate>(TOps.Load(ref Unsafe.Add(ref source, vectorBytes)), TClamp.Value);
                TV c2 = LaneEncoder<TTraits, TMode, TOps, TV, NativeLanes>.EncodeInLane<TSaturate>(TOps.Load(ref Unsafe.Add(ref source, 2 * vectorBytes)), TClamp.Value);
                TV c3 = LaneEncoder<TTraits, TMode, TOps, TV, NativeLanes>.EncodeInLane<TSaturate>(TOps.Load(ref Unsafe.Add(ref source, 3 * vectorBytes)), TClamp.Value);
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
                TV c0 = LaneEncoder<TTraits, TMode, TOps, TV, NativeLanes>.EncodeInLane<TSaturate>(TOps.Load(ref source), TClamp.Value);
                TV c1 = LaneEncoder<TTraits, TMode, TOps, TV, NativeLanes>.EncodeInLane<TSaturate>(TOps.Load(ref Unsafe.Add(ref source, vectorBytes)), TClamp.Value);
                TOps.StoreNarrow16(c0, c1, ref destination, streaming);
            }
            else
            {
                TOps.Store(LaneEncoder<TTraits, TMode, TOps, TV, NativeLanes>.EncodeInLane<TSaturate>(TOps.Load(ref source), TClamp.Value), ref destination, streaming);
            }
        }
    }

    /// <summary>
    /// double to codes, rounded once, directly from the 64-bit pattern: <see cref="LaneEncoder{TTraits, TMode, TOps, TV, TLayout}"/>
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
            if (Unsafe.SizeOf<TBits>() == 4)
            {
                TOps32.Store(Pair(ref source, 0, clamp), ref destination, streaming);
                return;
            }

            TV32 c0 = Pair(ref source, 0, clamp);
            TV32 c1 = Pair(ref source, 1, clamp);
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
        private static TV32 Pair(ref byte source, int index, bool clamp)
        {
            int vectorBytes = TOps.Count * 8;
            TV low = LaneEncoder<TTraits, TMode, TOps, TV, NativeLanes>.EncodeInLane<TSaturate>(TOps.Load(ref Unsafe.Add(ref source, 2 * index * vectorBytes)), clamp);
            TV high = LaneEncoder<TTraits, TMode, TOps, TV, NativeLanes>.EncodeInLane<TSaturate>(TOps.Load(ref Unsafe.Add(ref source, (2 * index + 1) * vectorBytes)), clamp);
            return TOps.NarrowTo32(low, high);
        }
    }

    /// <summary>
    /// Half to codes, fused per block: <see cref="LaneEncoder{TTraits, TMode, TOps, TV, TLayout}"/> on the Half's fields
    /// moved to float's places by one shift (<see cref="HalfFieldLanes"/>), where the encoder takes them; else on the
    /// Half bits widened to float exactly (<see cref="HalfWidening{TOps, TV}"/>, <see cref="NativeLanes"/>): rounding
    /// the exact float once is rounding the Half once. One block is one or two sign-extending loads of Half bits (two
    /// vectors of 32-bit lanes each).
    /// </summary>
    internal readonly struct HalfEncodeBlock<TTraits, TMode, TOps, TV, TBits, TSaturate, TClamp, TLayout> : IBlockConverter
        where TTraits : struct, IFloatTraits
        where TMode : struct, IRoundingMode
        where TOps : struct, ISimd32<TV>
        where TV : struct
        where TBits : unmanaged, IBinaryInteger<TBits>
        where TSaturate : struct, IFlag
        where TClamp : struct, IFlag
        where TLayout : struct, ILaneLayout
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
            TOps.LoadWiden16(ref source, out TV h0, out TV h1, signed: true);
            TV c0 = LaneEncoder<TTraits, TMode, TOps, TV, TLayout>.EncodeInLane<TSaturate>(Lanes(h0), clamp);
            TV c1 = LaneEncoder<TTraits, TMode, TOps, TV, TLayout>.EncodeInLane<TSaturate>(Lanes(h1), clamp);
            if (Unsafe.SizeOf<TBits>() == 1)
            {
                TOps.LoadWiden16(ref Unsafe.Add(ref source, TOps.Count * 4), out TV h2, out TV h3, signed: true);
                TV c2 = LaneEncoder<TTraits, TMode, TOps, TV, TLayout>.EncodeInLane<TSaturate>(Lanes(h2), clamp);
                TV c3 = LaneEncoder<TTraits, TMode, TOps, TV, TLayout>.EncodeInLane<TSaturate>(Lanes(h3), clamp);
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

        /// <summary>The encoder's lanes of sign-extended Half bits: the fields moved to float's places, or the exact float.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static TV Lanes(TV halfBits) => TLayout.HalfFields ? TOps.ShiftLeft(halfBits, 13) : HalfWidening<TOps, TV>.Widen(halfBits);
    }

    /// <summary>Half bits (sign-extended in 32-bit lanes) to the float bits of the same value, exactly, in lanes.</summary>
    internal static class HalfWidening<TOps, TV>
        where TOps : struct, ISimd32<TV>
        where TV : struct
    {
        /// <summary>
        /// Sign-extended Half bits to the float bits of the same value, exactly: the magnitude bits moved into float's
        /// fields and rebiased by one integer addition (normal Halves); subnormal Halves are 2^-14 times (1 + m / 2^10)
        /// less 2^-14, one exact float subtraction of normal floats (a multiplication of the unbiased bits would read
        /// float subnormals, which cost a microcode assist each); infinity and NaN land at 2^16 or above (no finite Half
        /// does) and get float's all-ones exponent, the mantissa (NaN payload) kept; the sign-extended sign is float's
        /// sign bit. On AVX-512 the addend and the subtrahend are looked up by the Half's exponent field (one
        /// two-table permute each: <see cref="WidenByTable"/>, eight lane operations); else about twelve.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static TV Widen(TV halfBits)
        {
            if (TOps.Count == 16 && Avx512F.IsSupported)
            {
                return Unsafe.BitCast<Vector512<uint>, TV>(WidenByTable(Unsafe.BitCast<TV, Vector512<uint>>(halfBits)));
            }

            TV shifted = TOps.ShiftLeft(TOps.And(halfBits, TOps.Create(0x7FFFUL)), 13);
            TV normal = TOps.Add(shifted, TOps.Create(0x3800_0000UL)); // (127 - 15) << 23
            TV minNormal = TOps.Create(0x3880_0000UL); // 2^-14
            TV subnormal = TOps.FSubtract(TOps.Or(shifted, minNormal), minNormal);
            TV magnitude = TOps.Select(TOps.GreaterThan(TOps.Create(0x0080_0000UL), shifted), subnormal, normal);
            TV infinityOrNaN = TOps.GreaterThan(normal, TOps.Create(0x477F_FFFFUL)); // 2^16 and above
            magnitude = TOps.Or(magnitude, TOps.And(infinityOrNaN, TOps.Create(0x7F80_0000UL)));
            return TOps.Or(magnitude, TOps.And(halfBits, TOps.Create(0x8000_0000UL)));
        }

        /// <summary>
        /// <see cref="Widen"/> with the per-exponent constants from two 32-entry tables (vpermt2d reads the low five
        /// bits of each index, the Half's exponent field after a shift by 10): the addend rebiases (exponent 1-30: 112,
        /// 31: 224 so that it becomes 255, 0: 113, i.e. 2^-14 ORed in), the subtrahend takes 2^-14 back off the
        /// subnormals (0.0 elsewhere: x - 0 is x, a NaN stays a NaN of its sign).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector512<uint> WidenByTable(Vector512<uint> halfBits)
        {
            Vector512<uint> index = Vector512.ShiftRightLogical(halfBits, 10);
            Vector512<uint> shifted = Vector512.ShiftLeft(halfBits, 13) & Vector512.Create(0x0FFF_E000U);
            Vector512<uint> addend = Avx512F.PermuteVar16x32x2(AddendLow, index, AddendHigh);
            Vector512<float> subtrahend = Avx512F.PermuteVar16x32x2(SubtrahendLow, index, SubtrahendHigh).AsSingle();
            Vector512<uint> magnitude = ((shifted + addend).AsSingle() - subtrahend).AsUInt32();
            return magnitude | (halfBits & Vector512.Create(0x8000_0000U));
        }

        /// <summary>The rebias addend of exponents 0-15: 2^-14's bits for 0, then (127 - 15) &lt;&lt; 23.</summary>
        private static Vector512<uint> AddendLow => Vector512.Create(0x3880_0000U, 0x3800_0000U, 0x3800_0000U, 0x3800_0000U, 0x3800_0000U, 0x3800_0000U, 0x3800_0000U, 0x3800_0000U, 0x3800_0000U, 0x3800_0000U, 0x3800_0000U, 0x3800_0000U, 0x3800_0000U, 0x3800_0000U, 0x3800_0000U, 0x3800_0000U);

        /// <summary>The rebias addend of exponents 16-31: (127 - 15) &lt;&lt; 23, and 224 &lt;&lt; 23 for infinity and NaN (31 + 224 = 255).</summary>
        private static Vector512<uint> AddendHigh => Vector512.Create(0x3800_0000U, 0x3800_0000U, 0x3800_0000U, 0x3800_0000U, 0x3800_0000U, 0x3800_0000U, 0x3800_0000U, 0x3800_0000U, 0x3800_0000U, 0x3800_0000U, 0x3800_0000U, 0x3800_0000U, 0x3800_0000U, 0x3800_0000U, 0x3800_0000U, 0x7000_0000U);

        /// <summary>2^-14 for exponent 0 (the subnormals), 0.0 for the rest.</summary>
        private static Vector512<uint> SubtrahendLow => Vector512.Create(0x3880_0000U, 0U, 0U, 0U, 0U, 0U, 0U, 0U, 0U, 0U, 0U, 0U, 0U, 0U, 0U, 0U);

        private static Vector512<uint> SubtrahendHigh => Vector512<uint>.Zero;
    }

    /// <summary>
    /// double to codes on AVX-512 through float lanes: each double is first narrowed to a float that loses nothing the
    /// format's rounding in <typeparamref name="TMode"/> reads (<see cref="Exact"/>: float has at least two more bits
    /// than the format at every magnitude), then <see cref="LaneEncoder{TTraits, TMode, TOps, TV, TLayout}"/> rounds that float
    /// once, to the same code as the double. Sixteen doubles per float vector instead of eight per 64-bit lane vector:
    /// the encode runs on half as many vectors. One block is one store of codes, as in
    /// <see cref="SingleEncodeBlock{TTraits, TMode, TOps, TV, TBits, TSaturate, TClamp, TPacked}"/>.
    /// </summary>
    /// <remarks>
    /// The narrowing is the cheapest that is exact for the mode (<see cref="Narrowing"/>), one conversion per eight
    /// doubles under embedded rounding (whatever the MXCSR says) where it can be:
    /// <list type="bullet">
    /// <item>Toward zero: truncated to float. Truncating onto float's grid and then onto the format's coarser grid,
    /// which lies on float's, is truncating once. Beyond float's range the largest float, which is beyond the format's.</item>
    /// <item>Toward an infinity: converted in the same direction, for the same reason; beyond float's range in that
    /// direction the conversion gives infinity: where the format gives infinity the code of that overflow, as is;
    /// elsewhere (saturating) the finite doubles beyond float's range on that side are first brought to its end
    /// (<see cref="DoubleNarrowings.AtLeastSingleMin"/>), whose code is theirs, and infinities kept.</item>
    /// <item>Nearest, formats whose half smallest subnormal is at least 2^-126: truncated with the sticky bit (the
    /// double's 29 dropped bits, nonzero) set in float's last place first: rounded to odd. Below 2^-126, where the
    /// sticky bit would need more bits, every value rounds to zero in such a format whatever float it becomes.</item>
    /// <item>Nearest, other formats (BFloat16's subnormals are float subnormals): rounded to odd as the one of the
    /// two conversions toward -infinity and +infinity whose last bit is set (equal when the double is a float).</item>
    /// </list>
    /// NaN converts to a quiet NaN of the same sign, zeros and infinities exactly.
    /// </remarks>
    internal readonly struct OddNarrowedDoubleEncodeBlock<TTraits, TMode, TBits, TSaturate, TClamp> : IBlockConverter
        where TTraits : struct, IFloatTraits
        where TMode : struct, IRoundingMode
        where TBits : unmanaged, IBinaryInteger<TBits>
        where TSaturate : struct, IFlag
        where TClamp : struct, IFlag
    {
        /// <summary>
        /// Whether rounding the narrowed float gives the double's own rounding: float's grid at least four times
        /// finer than the format's everywhere, i.e. at most 21 fraction bits (float has 23) and a smallest subnormal of
        /// at least 2^-147 (float's is 2^-149); and the CPU has AVX-512F (the embedded rounding).
        /// </summary>
        public static bool Exact => Avx512F.IsSupported
            && TTraits.MantissaBits <= 21
            && TTraits.MinNormalExponent - TTraits.MantissaBits >= -147;

        /// <summary>The narrowing of this format, mode and saturation (see the remarks); a constant in Tier-1 code.</summary>
        internal static readonly DoubleNarrowing Narrowing = ChooseNarrowing();

        public static int BlockElements => Vector512x32.Count * 4 / Unsafe.SizeOf<TBits>();

        public static int SourceElementSize => 8;

        public static int DestinationElementSize => Unsafe.SizeOf<TBits>();

        public static int StoreBytes => Vector512x32.Count * 4;

        /// <remarks>No closure (a local function's captured state): Native AOT then computes the choice while compiling.</remarks>
        private static DoubleNarrowing ChooseNarrowing()
        {
            MidpointRounding mode = TMode.Mode;
            double floatMax = float.MaxValue;
            switch (mode)
            {
                case MidpointRounding.ToZero:
                    return DoubleNarrowing.TowardZero;
                case MidpointRounding.ToNegativeInfinity:
                    return Code(double.NegativeInfinity) == Code(-floatMax) && Code(double.NegativeInfinity) == Code(-double.MaxValue)
                        ? DoubleNarrowing.Down
                        : DoubleNarrowing.ClampedDown;
                case MidpointRounding.ToPositiveInfinity:
                    return Code(double.PositiveInfinity) == Code(floatMax) && Code(double.PositiveInfinity) == Code(double.MaxValue)
                        ? DoubleNarrowing.Up
                        : DoubleNarrowing.ClampedUp;
                default:
                    // Half the smallest subnormal at or above 2^-126: every value below 2^-126 rounds to (signed) zero.
                    return (mode == MidpointRounding.ToEven || mode == MidpointRounding.AwayFromZero)
                        && TTraits.MinNormalExponent - TTraits.MantissaBits - 1 >= -126
                        ? DoubleNarrowing.Sticky
                        : DoubleNarrowing.Odd;
            }
        }

        private static ulong Code(double value) => FloatCodec<TTraits>.FromDouble(value, TMode.Mode, TSaturate.Value);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Convert(ref byte source, ref byte destination, bool streaming)
        {
            bool clamp = TClamp.Value;
            if (Unsafe.SizeOf<TBits>() == 1)
            {
                Vector512<uint> c0 = LaneEncoder<TTraits, TMode, Vector512x32, Vector512<uint>, NativeLanes>.EncodeInLane<TSaturate>(ToSingle(ref source, 0), clamp);
                Vector512<uint> c1 = LaneEncoder<TTraits, TMode, Vector512x32, Vector512<uint>, NativeLanes>.EncodeInLane<TSaturate>(ToSingle(ref source, 1), clamp);
                Vector512<uint> c2 = LaneEncoder<TTraits, TMode, Vector512x32, Vector512<uint>, NativeLanes>.EncodeInLane<TSaturate>(ToSingle(ref source, 2), clamp);
                Vector512<uint> c3 = LaneEncoder<TTraits, TMode, Vector512x32, Vector512<uint>, NativeLanes>.EncodeInLane<TSaturate>(ToSingle(ref source, 3), clamp);
                Vector512x32.StoreNarrow8(c0, c1, c2, c3, ref destination, streaming);
            }
            else if (Unsafe.SizeOf<TBits>() == 2)
            {
                Vector512<uint> c0 = LaneEncoder<TTraits, TMode, Vector512x32, Vector512<uint>, NativeLanes>.EncodeInLane<TSaturate>(ToSingle(ref source, 0), clamp);
                Vector512<uint> c1 = LaneEncoder<TTraits, TMode, Vector512x32, Vector512<uint>, NativeLanes>.EncodeInLane<TSaturate>(ToSingle(ref source, 1), clamp);
                Vector512x32.StoreNarrow16(c0, c1, ref destination, streaming);
            }
            else
            {
                Vector512x32.Store(LaneEncoder<TTraits, TMode, Vector512x32, Vector512<uint>, NativeLanes>.EncodeInLane<TSaturate>(ToSingle(ref source, 0), clamp), ref destination, streaming);
            }
        }

        /// <summary>The float bits, narrowed as <see cref="Narrowing"/> says, of the <paramref name="index"/>-th sixteen doubles at <paramref name="source"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static Vector512<uint> ToSingle(ref byte source, int index)
        {
            ref double first = ref Unsafe.As<byte, double>(ref Unsafe.Add(ref source, index * 128));
            Vector512<double> low = Vector512.LoadUnsafe(ref first);
            Vector512<double> high = Vector512.LoadUnsafe(ref Unsafe.Add(ref first, 8));
            switch (Narrowing)
            {
                case DoubleNarrowing.TowardZero:
                    return DoubleNarrowings.TowardZero(low, high);
                case DoubleNarrowing.Down:
                    return DoubleNarrowings.Down(low, high);
                case DoubleNarrowing.Up:
                    return DoubleNarrowings.Up(low, high);
                case DoubleNarrowing.ClampedDown:
                    return DoubleNarrowings.Down(DoubleNarrowings.AtLeastSingleMin(low), DoubleNarrowings.AtLeastSingleMin(high));
                case DoubleNarrowing.ClampedUp:
                    return DoubleNarrowings.Up(DoubleNarrowings.AtMostSingleMax(low), DoubleNarrowings.AtMostSingleMax(high));
                case DoubleNarrowing.Sticky:
                    return DoubleNarrowings.TowardZero(DoubleNarrowings.WithSticky(low), DoubleNarrowings.WithSticky(high));
                default:
                    return DoubleNarrowings.ToOdd(low, high);
            }
        }
    }

    /// <summary>Sixteen doubles (two vectors) narrowed to float bits on AVX-512 under a fixed embedded rounding.</summary>
    internal static class DoubleNarrowings
    {
        /// <summary>
        /// Source size from which the double encoders prefetch (<see cref="BlockLoop"/>), far below the float encoders'
        /// 8 MiB: doubles are twice the bytes per element, so a 2 MiB source (a 1 MiB float tensor) with its destination
        /// already outgrows a 2 MiB private cache, and the block's conversions (two or four per sixteen doubles) leave
        /// the loads of later blocks waiting (measured on AVX-512, 2 MiB of doubles, loaded machine: E4M3FN toward
        /// zero 76 -> 65 us, BFloat16 nearest even 84 -> 74 us; the heaviest kernels unchanged, never slower).
        /// </summary>
        internal const long PrefetchBytes = 1L << 20;

        // Both halves converted under one embedded rounding: ToVector512Unsafe then WithUpper is one insert
        // (Vector512.Create inserted both halves). The rounding must be a constant at each call, hence three methods.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static Vector512<uint> TowardZero(Vector512<double> low, Vector512<double> high)
            => Avx512F.ConvertToVector256Single(low, FloatRoundingMode.ToZero).ToVector512Unsafe().WithUpper(Avx512F.ConvertToVector256Single(high, FloatRoundingMode.ToZero)).AsUInt32();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static Vector512<uint> Down(Vector512<double> low, Vector512<double> high)
            => Avx512F.ConvertToVector256Single(low, FloatRoundingMode.ToNegativeInfinity).ToVector512Unsafe().WithUpper(Avx512F.ConvertToVector256Single(high, FloatRoundingMode.ToNegativeInfinity)).AsUInt32();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static Vector512<uint> Up(Vector512<double> low, Vector512<double> high)
            => Avx512F.ConvertToVector256Single(low, FloatRoundingMode.ToPositiveInfinity).ToVector512Unsafe().WithUpper(Avx512F.ConvertToVector256Single(high, FloatRoundingMode.ToPositiveInfinity)).AsUInt32();

        /// <summary>
        /// The double with bit 29 (float's last place for a normal float) set where a bit below it is: truncated to
        /// float, rounded to odd. Without a compare: adding 2^29 - 1 carries into bit 29 exactly when a lower bit is
        /// set, so bit 29 of the sum is bit 29 XOR that carry, and ORed with the double's own bit 29 it is their OR
        /// (an add and one ternary-logic operation).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static Vector512<double> WithSticky(Vector512<double> value)
        {
            Vector512<ulong> bits = value.AsUInt64();
            return (bits | ((bits + Vector512.Create(0x1FFF_FFFFUL)) & Vector512.Create(0x2000_0000UL))).AsDouble();
        }

        /// <summary>
        /// The double with a finite value below -<see cref="float.MaxValue"/> raised to it; -infinity and NaN kept. Converted
        /// toward -infinity it stays finite, where the conversion of the double itself would give -infinity, whose code
        /// differs from that of the finite overflow when saturating (two operations per eight doubles; two more
        /// conversions otherwise).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static Vector512<double> AtLeastSingleMin(Vector512<double> value)
        {
            // vmaxpd answers with its second operand when either is NaN, so NaN passes; -infinity is raised with the
            // rest, and the fixup puts it back (the table answers the class -infinity, token 4, with the source: 1).
            Vector512<double> raised = Avx512F.Max(Vector512.Create(-(double)float.MaxValue), value);
            return Avx512F.Fixup(raised, value, Vector512.Create(1L << (4 * 4)), 0);
        }

        /// <summary>The double with a finite value above <see cref="float.MaxValue"/> lowered to it; +infinity and NaN kept (as <see cref="AtLeastSingleMin"/>).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static Vector512<double> AtMostSingleMax(Vector512<double> value)
        {
            // The class +infinity is token 5.
            Vector512<double> lowered = Avx512F.Min(Vector512.Create((double)float.MaxValue), value);
            return Avx512F.Fixup(lowered, value, Vector512.Create(1L << (5 * 4)), 0);
        }

        /// <summary>
        /// Rounded to odd: of the conversions toward -infinity and +infinity, the one whose last bit is set (equal when
        /// the double is a float). Exact for any later rounding to a format with at least two fewer bits than float.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static Vector512<uint> ToOdd(Vector512<double> low, Vector512<double> high)
        {
            Vector512<uint> down = Down(low, high);
            Vector512<uint> up = Up(low, high);
            return Vector512.ConditionalSelect(Vector512.Equals(down & Vector512<uint>.One, Vector512<uint>.Zero), up, down);
        }
    }

    /// <summary>How <see cref="OddNarrowedDoubleEncodeBlock{TTraits, TMode, TBits, TSaturate, TClamp}"/> narrows doubles to float.</summary>
    internal enum DoubleNarrowing
    {
        /// <summary>Rounded to odd by two conversions (exact for every format the block takes).</summary>
        Odd,

        /// <summary>Truncated with the sticky bit of the 29 dropped bits (nearest modes, formats blind below 2^-126).</summary>
        Sticky,

        /// <summary>Truncated (toward zero).</summary>
        TowardZero,

        /// <summary>Converted toward -infinity.</summary>
        Down,

        /// <summary>Converted toward +infinity.</summary>
        Up,

        /// <summary>Finite values below float's range raised to its end, then converted toward -infinity (saturating: see <see cref="DoubleNarrowings.AtLeastSingleMin"/>).</summary>
        ClampedDown,

        /// <summary>Finite values above float's range lowered to its end, then converted toward +infinity.</summary>
        ClampedUp,
    }
}
