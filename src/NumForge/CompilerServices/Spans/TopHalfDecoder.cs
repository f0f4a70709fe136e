using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NumForge.CompilerServices.Spans
{
    /// <summary>
    /// Codes that are float's top 16 bits (BFloat16) to float: the value is the code shifted to the top half, except
    /// that a NaN becomes the quiet NaN of its sign (the scalar codec drops the payload). One block is one load of
    /// codes: the NaN lanes are selected in the 16-bit lanes (one compare and one blend for twice the elements, no
    /// branch, so the speed does not depend on the data), then each half is widened by interleaving with zero words,
    /// which puts each code in the top half of its float with no shift (a 64-bit permute first puts the halves in
    /// element order, since the interleave works within 128-bit lanes).
    /// </summary>
    internal readonly struct TopHalfDecodeBlock<TOps, TV> : IBlockConverter
        where TOps : struct, ISimd32<TV>
        where TV : struct
    {
        public static int BlockElements => TOps.Count * 2;

        public static int SourceElementSize => 2;

        public static int DestinationElementSize => 4;

        public static int StoreBytes => TOps.Count * 4;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Convert(ref byte source, ref byte destination, bool streaming)
        {
            TV low;
            TV high;
            if (typeof(TV) == typeof(Vector512<uint>))
            {
                Vector512<ushort> codes = Quiet(Vector512.LoadUnsafe(ref Unsafe.As<byte, ushort>(ref source)));
                Vector512<ushort> ordered = Avx512F.PermuteVar8x64(codes.AsUInt64(), Vector512.Create(0UL, 4, 1, 5, 2, 6, 3, 7)).AsUInt16();
                low = Unsafe.BitCast<Vector512<uint>, TV>(Avx512BW.UnpackLow(Vector512<ushort>.Zero, ordered).AsUInt32());
                high = Unsafe.BitCast<Vector512<uint>, TV>(Avx512BW.UnpackHigh(Vector512<ushort>.Zero, ordered).AsUInt32());
            }
            else if (typeof(TV) == typeof(Vector256<uint>))
            {
                Vector256<ushort> codes = Quiet(Vector256.LoadUnsafe(ref Unsafe.As<byte, ushort>(ref source)));
                Vector256<ushort> ordered = Avx2.Permute4x64(codes.AsUInt64(), 0b11_01_10_00).AsUInt16();
                low = Unsafe.BitCast<Vector256<uint>, TV>(Avx2.UnpackLow(Vector256<ushort>.Zero, ordered).AsUInt32());
                high = Unsafe.BitCast<Vector256<uint>, TV>(Avx2.UnpackHigh(Vector256<ushort>.Zero, ordered).AsUInt32());
            }
            else
            {
                // Vector128 (also on Arm): the portable widening, then the shift.
                Vector128<ushort> codes = Quiet(Vector128.LoadUnsafe(ref Unsafe.As<byte, ushort>(ref source)));
                (Vector128<uint> a, Vector128<uint> b) = Vector128.Widen(codes);
                low = Unsafe.BitCast<Vector128<uint>, TV>(Vector128.ShiftLeft(a, 16));
                high = Unsafe.BitCast<Vector128<uint>, TV>(Vector128.ShiftLeft(b, 16));
            }

            TOps.Store(low, ref destination, streaming);
            TOps.Store(high, ref Unsafe.Add(ref destination, TOps.Count * 4), streaming);
        }

        /// <summary>NaN codes (magnitude above infinity's 0x7F80) to 0x7FC0 with their sign.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector512<ushort> Quiet(Vector512<ushort> codes)
            => Vector512.ConditionalSelect(
                Vector512.GreaterThan(codes & Vector512.Create((ushort)0x7FFF), Vector512.Create((ushort)0x7F80)),
                (codes & Vector512.Create((ushort)0x8000)) | Vector512.Create((ushort)0x7FC0),
                codes);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector256<ushort> Quiet(Vector256<ushort> codes)
            => Vector256.ConditionalSelect(
                Vector256.GreaterThan(codes & Vector256.Create((ushort)0x7FFF), Vector256.Create((ushort)0x7F80)),
                (codes & Vector256.Create((ushort)0x8000)) | Vector256.Create((ushort)0x7FC0),
                codes);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector128<ushort> Quiet(Vector128<ushort> codes)
            => Vector128.ConditionalSelect(
                Vector128.GreaterThan(codes & Vector128.Create((ushort)0x7FFF), Vector128.Create((ushort)0x7F80)),
                (codes & Vector128.Create((ushort)0x8000)) | Vector128.Create((ushort)0x7FC0),
                codes);
    }

    /// <summary>The float decodes of formats that are float's top half (the caller converts the rest).</summary>
    internal static class TopHalfDecoder
    {
        /// <summary>
        /// Decodes the leading whole blocks of <paramref name="source"/>; returns how many elements it decoded (0 where
        /// <see cref="TopHalfEncoder.Applies{TTraits}"/> is false or no vector path applies).
        /// </summary>
        public static int ToSingle<TTraits>(ReadOnlySpan<ushort> source, Span<float> destination, SimdWidth width)
            where TTraits : struct, IFloatTraits
        {
            if (!TopHalfEncoder.Applies<TTraits>())
            {
                return 0;
            }

            int length = Math.Min(source.Length, destination.Length);
            return SimdWidths.Resolve(width) switch
            {
                SimdWidth.V512 when Avx512BW.IsSupported => Run<Vector512x32, Vector512<uint>>(source, destination, length),
                SimdWidth.V256 when Avx2.IsSupported => Run<Vector256x32, Vector256<uint>>(source, destination, length),
                SimdWidth.V128 => Run<Vector128x32, Vector128<uint>>(source, destination, length),
                _ => 0,
            };
        }

        private static int Run<TOps, TV>(ReadOnlySpan<ushort> source, Span<float> destination, int length)
            where TOps : struct, ISimd32<TV>
            where TV : struct
            => BlockLoop.Run(
                ref SpanBytes.Of(source),
                ref SpanBytes.Of(destination),
                length,
                default(TopHalfDecodeBlock<TOps, TV>));
    }
}
