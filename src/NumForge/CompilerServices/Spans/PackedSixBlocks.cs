using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NumForge.CompilerServices.Spans
{
    /// <summary>
    /// 6-bit codes packed four in three bytes to float, in one pass: one block is <c>3 * Count</c> packed bytes widened
    /// to four vectors (<see cref="SixBitLanes{TOps, TV}.LoadWiden"/>) and decoded as
    /// <see cref="DecodeBlock{TTraits, TOps, TV, TBits}"/> decodes bytes, with the same streaming float stores. With
    /// <typeparamref name="TShifted"/> set, a block decodes the codes from the third of its first group on (its source
    /// is the group's first byte, its destination the third code's float): a float destination 8 bytes off a 16-byte
    /// boundary can then be aligned (four codes, a whole source unit, always move the destination by 16 bytes).
    /// </summary>
    internal readonly struct PackedSixDecodeBlock<TTraits, TOps, TV, TShifted> : IBlockConverter
        where TTraits : struct, IFloatTraits
        where TOps : struct, ISimd32<TV>
        where TV : struct
        where TShifted : struct, IFlag
    {
        public static int BlockElements => TOps.Count * 4;

        public static int SourceElementSize => 3;

        public static int SourceUnitElements => 4;

        public static int DestinationElementSize => 4;

        public static int StoreBytes => TOps.Count * 4;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Convert(ref byte source, ref byte destination, bool streaming)
        {
            SixBitLanes<TOps, TV>.LoadWiden(ref source, out TV a, out TV b, out TV c, out TV d, TShifted.Value);
            DecodeAndStore<TTraits, TOps, TV>.Four(a, b, c, d, ref destination, streaming);
        }
    }

    /// <summary>
    /// float to 6-bit codes packed four in three bytes, in one pass: four vectors encoded in lane
    /// (<see cref="LaneEncoder{TTraits, TMode, TOps, TV, TLayout}.EncodeInLane"/>, as <see cref="SingleEncodeBlock{TTraits, TMode, TOps, TV, TBits, TSaturate, TClamp, TPacked}"/>
    /// does for bytes) and packed (<see cref="SixBitLanes{TOps, TV}.StorePacked"/>). The packed output is 3/16 of the
    /// bytes read, so its stores go through the cache (a block of <c>3 * Count</c> bytes is no aligned vector anyway).
    /// </summary>
    internal readonly struct PackedSixEncodeBlock<TTraits, TMode, TOps, TV, TSaturate, TClamp> : IBlockConverter
        where TTraits : struct, IFloatTraits
        where TMode : struct, IRoundingMode
        where TOps : struct, ISimd32<TV>
        where TV : struct
        where TSaturate : struct, IFlag
        where TClamp : struct, IFlag
    {
        public static int BlockElements => TOps.Count * 4;

        public static int SourceElementSize => 4;

        public static int DestinationElementSize => 3;

        public static int DestinationUnitElements => 4;

        /// <summary>No alignment to seek: the stores are ordinary (see the type's remarks).</summary>
        public static int StoreBytes => 1;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Convert(ref byte source, ref byte destination, bool streaming)
        {
            int vectorBytes = TOps.Count * 4;
            TV c0 = LaneEncoder<TTraits, TMode, TOps, TV, NativeLanes>.EncodeInLane<TSaturate>(TOps.Load(ref source), TClamp.Value);
            TV c1 = LaneEncoder<TTraits, TMode, TOps, TV, NativeLanes>.EncodeInLane<TSaturate>(TOps.Load(ref Unsafe.Add(ref source, vectorBytes)), TClamp.Value);
            TV c2 = LaneEncoder<TTraits, TMode, TOps, TV, NativeLanes>.EncodeInLane<TSaturate>(TOps.Load(ref Unsafe.Add(ref source, 2 * vectorBytes)), TClamp.Value);
            TV c3 = LaneEncoder<TTraits, TMode, TOps, TV, NativeLanes>.EncodeInLane<TSaturate>(TOps.Load(ref Unsafe.Add(ref source, 3 * vectorBytes)), TClamp.Value);
            SixBitLanes<TOps, TV>.StorePacked(c0, c1, c2, c3, ref destination);
        }
    }

    /// <summary>
    /// The packed FP6 span conversions that run whole blocks through <see cref="BlockLoop"/> (the caller converts the
    /// rest): formats of five or six bits, packed as <see cref="FloatSpan{TTraits}.Pack{TBits}"/> packs six-bit codes
    /// (five-bit formats pack at their own width and do not come here). Each returns how many elements it converted:
    /// a multiple of four (a whole number of bytes), 0 where no vector path applies.
    /// </summary>
    internal static class PackedSixes<TTraits>
        where TTraits : struct, IFloatTraits
    {
        private static readonly bool SixBits = TTraits.ExponentBits + TTraits.MantissaBits + (TTraits.Signed ? 1 : 0) == 6;

        /// <summary>
        /// Decodes the leading whole groups of packed codes into <paramref name="destination"/> (its length is the
        /// element count). A destination 8 bytes off a 16-byte boundary (float arrays are only 8-byte aligned) runs the
        /// shifted blocks from its third element, so that the loop's stores can be aligned and stream; the two codes
        /// before and after them are decoded here one by one.
        /// </summary>
        public static int Decode(ReadOnlySpan<byte> source, Span<float> destination, SimdWidth width)
        {
            if (!SixBits || !SingleDecoder<TTraits, Vector128x32, Vector128<uint>>.CanDecode)
            {
                return 0;
            }

            // Whole groups of four only: the last one to three elements are the caller's.
            int length = (int)Math.Min(destination.Length, (long)source.Length / 3 * 4) & ~3;
            SimdWidth usable = Usable(width);
            bool shifted = usable != SimdWidth.Scalar && length >= 8 && (Address(destination) & 15) == 8;
            if (!shifted)
            {
                return usable switch
                {
                    SimdWidth.V512 => Decode<Vector512x32, Vector512<uint>, No>(source, destination, length),
                    SimdWidth.V256 => Decode<Vector256x32, Vector256<uint>, No>(source, destination, length),
                    SimdWidth.V128 => Decode<Vector128x32, Vector128<uint>, No>(source, destination, length),
                    _ => 0,
                };
            }

            // Codes 2 .. 2 + done in blocks (their source starts at the first group), then codes 0, 1 and the two after
            // the blocks one by one: done + 4 codes, whole groups again.
            Span<float> inner = destination[2..];
            int done = usable switch
            {
                SimdWidth.V512 => Decode<Vector512x32, Vector512<uint>, Yes>(source, inner, length - 4),
                SimdWidth.V256 => Decode<Vector256x32, Vector256<uint>, Yes>(source, inner, length - 4),
                _ => Decode<Vector128x32, Vector128<uint>, Yes>(source, inner, length - 4),
            };
            if (done == 0)
            {
                return 0;
            }

            destination[0] = DecodeOne(source, 0);
            destination[1] = DecodeOne(source, 1);
            destination[done + 2] = DecodeOne(source, done + 2);
            destination[done + 3] = DecodeOne(source, done + 3);
            return done + 4;
        }

        /// <summary>The float of code <paramref name="index"/> of a packed run, by the scalar codec.</summary>
        private static float DecodeOne(ReadOnlySpan<byte> source, int index)
        {
            int bit = 6 * index;
            int bits = source[bit / 8] >> (bit % 8);
            if (bit % 8 > 2)
            {
                bits |= source[(bit / 8) + 1] << (8 - (bit % 8));
            }

            return FloatCodec<TTraits>.ToSingle((ulong)(bits & 0x3F));
        }

        private static unsafe nint Address(Span<float> destination) => (nint)Unsafe.AsPointer(ref MemoryMarshal.GetReference(destination));

        /// <summary>Encodes the leading whole blocks of <paramref name="source"/> into packed codes in <paramref name="rounding"/>.</summary>
        public static int Encode(ReadOnlySpan<float> source, Span<byte> destination, MidpointRounding rounding, bool saturate, SimdWidth width)
        {
            if (!SixBits)
            {
                return 0;
            }

            int length = (int)Math.Min(source.Length, (long)destination.Length / 3 * 4) & ~3;
            return Usable(width) switch
            {
                SimdWidth.V512 => Encode<Vector512x32, Vector512<uint>>(source, destination, length, rounding, saturate),
                SimdWidth.V256 => Encode<Vector256x32, Vector256<uint>>(source, destination, length, rounding, saturate),
                SimdWidth.V128 => Encode<Vector128x32, Vector128<uint>>(source, destination, length, rounding, saturate),
                _ => 0,
            };
        }

        /// <summary>The resolved width, stepped down where the CPU lacks that width's 6-bit shuffles (512 bits need VBMI).</summary>
        private static SimdWidth Usable(SimdWidth width)
        {
            SimdWidth resolved = SimdWidths.Resolve(width);
            if (resolved == SimdWidth.V512 && !SixBitLanes<Vector512x32, Vector512<uint>>.IsSupported)
            {
                resolved = SimdWidth.V256;
            }

            if (resolved == SimdWidth.V256 && !SixBitLanes<Vector256x32, Vector256<uint>>.IsSupported)
            {
                resolved = SimdWidth.V128;
            }

            return resolved == SimdWidth.V128 && !SixBitLanes<Vector128x32, Vector128<uint>>.IsSupported ? SimdWidth.Scalar : resolved;
        }

        private static int Decode<TOps, TV, TShifted>(ReadOnlySpan<byte> source, Span<float> destination, int length)
            where TOps : struct, ISimd32<TV>
            where TV : struct
            where TShifted : struct, IFlag
            => BlockLoop.Run(
                ref MemoryMarshal.GetReference(source),
                ref SpanBytes.Of(destination),
                length,
                default(PackedSixDecodeBlock<TTraits, TOps, TV, TShifted>));

        private static int Encode<TOps, TV>(ReadOnlySpan<float> source, Span<byte> destination, int length, MidpointRounding rounding, bool saturate)
            where TOps : struct, ISimd32<TV>
            where TV : struct
            => Math.Max(0, LaneEncodeDispatch.Run<EncodeRoute<TOps, TV>>(
                ref SpanBytes.Of(source), ref MemoryMarshal.GetReference(destination), length, rounding, saturate));

        /// <summary>The packed encode as an <see cref="ILaneEncodeRoute"/>: the float lane encoder, four codes to three bytes per block.</summary>
        private readonly struct EncodeRoute<TOps, TV> : ILaneEncodeRoute
            where TOps : struct, ISimd32<TV>
            where TV : struct
        {
            static bool ILaneEncodeRoute.Applies<TMode>(bool saturate, out bool clamps)
                => LaneEncoder<TTraits, TMode, TOps, TV, NativeLanes>.Applies(saturate, out clamps);

            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            static int ILaneEncodeRoute.Run<TMode, TSaturate, TClamps>(ref byte input, ref byte output, int length)
                => BlockLoop.Run(ref input, ref output, length, default(PackedSixEncodeBlock<TTraits, TMode, TOps, TV, TSaturate, TClamps>));
        }
    }
}
