using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using NumForge.CompilerServices.Spans;

namespace NumForge.CompilerServices
{
    /// <summary>
    /// The in-lane encode routes of <see cref="FloatSpan{TTraits}"/>: what each source's lane encoder needs and which
    /// block it runs, as <see cref="ILaneEncodeRoute"/> types; <see cref="LaneEncodeDispatch"/> picks the mode and the
    /// saturation for all of them.
    /// </summary>
    public static partial class FloatSpan<TTraits>
    {
        /// <summary>Floats to codes in 32-bit lanes; <typeparamref name="TPacked"/> packs two 4-bit codes per byte in the same pass.</summary>
        private readonly struct SingleRoute<TOps, TV, TBits, TPacked> : ILaneEncodeRoute
            where TOps : struct, ISimd32<TV>
            where TV : struct
            where TBits : unmanaged, IBinaryInteger<TBits>
            where TPacked : struct, IFlag
        {
            static bool ILaneEncodeRoute.Applies<TMode>(bool saturate, out bool clamps)
                => LaneEncoder<TTraits, TMode, TOps, TV, NativeLanes>.Applies(saturate, out clamps);

            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            static int ILaneEncodeRoute.Run<TMode, TSaturate, TClamps>(ref byte input, ref byte output, int length)
                => BlockLoop.Run(ref input, ref output, length, default(SingleEncodeBlock<TTraits, TMode, TOps, TV, TBits, TSaturate, TClamps, TPacked>));
        }

        /// <summary>Doubles to codes in 64-bit lanes (one rounding, never through a float rounded to nearest).</summary>
        private readonly struct DoubleRoute<TOps, TV, TOps32, TV32, TBits> : ILaneEncodeRoute
            where TOps : struct, ISimd64<TV, TV32>
            where TV : struct
            where TOps32 : struct, ISimd32<TV32>
            where TV32 : struct
            where TBits : unmanaged, IBinaryInteger<TBits>
        {
            static bool ILaneEncodeRoute.Applies<TMode>(bool saturate, out bool clamps)
                => LaneEncoder<TTraits, TMode, TOps, TV, NativeLanes>.Applies(saturate, out clamps);

            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            static int ILaneEncodeRoute.Run<TMode, TSaturate, TClamps>(ref byte input, ref byte output, int length)
                => BlockLoop.Run(ref input, ref output, length, default(DoubleEncodeBlock<TTraits, TMode, TOps, TV, TOps32, TV32, TBits, TSaturate, TClamps>));
        }

        /// <summary>Doubles rounded to odd as floats (AVX-512), then the float encoder of 512-bit lanes; the source prefetched further ahead.</summary>
        private readonly struct OddNarrowedDoubleRoute<TBits> : ILaneEncodeRoute
            where TBits : unmanaged, IBinaryInteger<TBits>
        {
            static bool ILaneEncodeRoute.Applies<TMode>(bool saturate, out bool clamps)
                => LaneEncoder<TTraits, TMode, Vector512x32, Vector512<uint>, NativeLanes>.Applies(saturate, out clamps);

            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            static int ILaneEncodeRoute.Run<TMode, TSaturate, TClamps>(ref byte input, ref byte output, int length)
                => BlockLoop.Run(ref input, ref output, length, default(OddNarrowedDoubleEncodeBlock<TTraits, TMode, TBits, TSaturate, TClamps>), prefetchBytes: DoubleNarrowings.PrefetchBytes);
        }

        /// <summary>Halves widened and encoded per block, on the Half's fields (<see cref="HalfFieldLanes"/>) or on exact floats (<see cref="NativeLanes"/>).</summary>
        private readonly struct HalfRoute<TOps, TV, TBits, TLayout> : ILaneEncodeRoute
            where TOps : struct, ISimd32<TV>
            where TV : struct
            where TBits : unmanaged, IBinaryInteger<TBits>
            where TLayout : struct, ILaneLayout
        {
            static bool ILaneEncodeRoute.Applies<TMode>(bool saturate, out bool clamps)
                => LaneEncoder<TTraits, TMode, TOps, TV, TLayout>.Applies(saturate, out clamps);

            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            static int ILaneEncodeRoute.Run<TMode, TSaturate, TClamps>(ref byte input, ref byte output, int length)
                => BlockLoop.Run(ref input, ref output, length, default(HalfEncodeBlock<TTraits, TMode, TOps, TV, TBits, TSaturate, TClamps, TLayout>));
        }
    }
}
