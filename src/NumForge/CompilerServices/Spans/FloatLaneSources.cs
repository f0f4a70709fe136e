using System;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NumForge.CompilerServices.Spans
{
    /// <summary>
    /// Where an encode block's float lanes come from: two vectors of float bits per block, from floats as they are or
    /// from doubles rounded to odd. The block's rounding then sees one float per element.
    /// </summary>
    internal interface IFloatLaneSource
    {
        /// <summary>Gets the bytes of one source element.</summary>
        static abstract int ElementSize { get; }

        /// <summary>Source size from which the block loop prefetches (-1: the loop's own threshold).</summary>
        static virtual long PrefetchBytes => -1;

        /// <summary>Loads the float bits of the next <c>2 * TOps.Count</c> elements at <paramref name="source"/>.</summary>
        static abstract void Load<TOps, TV>(ref byte source, out TV first, out TV second)
            where TOps : struct, ISimd32<TV>
            where TV : struct;
    }

    /// <summary>Floats, loaded as they are.</summary>
    internal readonly struct SingleLanes : IFloatLaneSource
    {
        public static int ElementSize => 4;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Load<TOps, TV>(ref byte source, out TV first, out TV second)
            where TOps : struct, ISimd32<TV>
            where TV : struct
        {
            first = TOps.Load(ref source);
            second = TOps.Load(ref Unsafe.Add(ref source, TOps.Count * 4));
        }
    }

    /// <summary>
    /// Doubles narrowed into float by <typeparamref name="TNarrowing"/> (AVX-512's embedded rounding, eight doubles per
    /// conversion): rounded to odd (<see cref="ToOddNarrowing"/>), exact for a later rounding in any mode to a format
    /// with at least two fewer bits than float at every magnitude, or converted in the later rounding's own direction
    /// (toward zero or an infinity), which rounding in that direction again leaves as it was. AVX-512 only: 512-bit lanes.
    /// </summary>
    internal readonly struct DoubleLanes<TNarrowing> : IFloatLaneSource
        where TNarrowing : struct, IDoubleNarrowing
    {
        public static int ElementSize => 8;

        /// <summary>The double encoders' threshold (<see cref="DoubleNarrowings.PrefetchBytes"/>).</summary>
        public static long PrefetchBytes => DoubleNarrowings.PrefetchBytes;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Load<TOps, TV>(ref byte source, out TV first, out TV second)
            where TOps : struct, ISimd32<TV>
            where TV : struct
        {
            Debug.Assert(typeof(TV) == typeof(Vector512<uint>), "Doubles are narrowed with AVX-512's embedded rounding.");
            if (typeof(TV) != typeof(Vector512<uint>))
            {
                throw new UnreachableException();
            }

            ref double d = ref Unsafe.As<byte, double>(ref source);
            first = Unsafe.BitCast<Vector512<uint>, TV>(TNarrowing.Narrow(Vector512.LoadUnsafe(ref d), Vector512.LoadUnsafe(ref Unsafe.Add(ref d, 8))));
            second = Unsafe.BitCast<Vector512<uint>, TV>(TNarrowing.Narrow(Vector512.LoadUnsafe(ref Unsafe.Add(ref d, 16)), Vector512.LoadUnsafe(ref Unsafe.Add(ref d, 24))));
        }
    }

    /// <summary>Sixteen doubles (two vectors) to float bits, one way of <see cref="DoubleNarrowings"/>.</summary>
    internal interface IDoubleNarrowing
    {
        /// <summary>The float bits of the sixteen doubles <paramref name="low"/> then <paramref name="high"/>.</summary>
        static abstract Vector512<uint> Narrow(Vector512<double> low, Vector512<double> high);
    }

    /// <summary>Rounded to odd: two conversions per eight doubles (<see cref="DoubleNarrowings.ToOdd"/>).</summary>
    internal readonly struct ToOddNarrowing : IDoubleNarrowing
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<uint> Narrow(Vector512<double> low, Vector512<double> high) => DoubleNarrowings.ToOdd(low, high);
    }

    /// <summary>Truncated: one conversion per eight doubles.</summary>
    internal readonly struct TowardZeroNarrowing : IDoubleNarrowing
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<uint> Narrow(Vector512<double> low, Vector512<double> high) => DoubleNarrowings.TowardZero(low, high);
    }

    /// <summary>Converted toward -infinity: one conversion per eight doubles.</summary>
    internal readonly struct DownNarrowing : IDoubleNarrowing
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<uint> Narrow(Vector512<double> low, Vector512<double> high) => DoubleNarrowings.Down(low, high);
    }

    /// <summary>Converted toward +infinity: one conversion per eight doubles.</summary>
    internal readonly struct UpNarrowing : IDoubleNarrowing
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<uint> Narrow(Vector512<double> low, Vector512<double> high) => DoubleNarrowings.Up(low, high);
    }

    /// <summary>Finite doubles below float's range raised to its end, then converted toward -infinity (<see cref="DoubleNarrowings.AtLeastSingleMin"/>).</summary>
    internal readonly struct ClampedDownNarrowing : IDoubleNarrowing
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<uint> Narrow(Vector512<double> low, Vector512<double> high)
            => DoubleNarrowings.Down(DoubleNarrowings.AtLeastSingleMin(low), DoubleNarrowings.AtLeastSingleMin(high));
    }

    /// <summary>Finite doubles above float's range lowered to its end, then converted toward +infinity (<see cref="DoubleNarrowings.AtMostSingleMax"/>).</summary>
    internal readonly struct ClampedUpNarrowing : IDoubleNarrowing
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<uint> Narrow(Vector512<double> low, Vector512<double> high)
            => DoubleNarrowings.Up(DoubleNarrowings.AtMostSingleMax(low), DoubleNarrowings.AtMostSingleMax(high));
    }
}
