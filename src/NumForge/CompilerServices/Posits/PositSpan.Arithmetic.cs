using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using NumForge.CompilerServices.Spans;

namespace NumForge.CompilerServices
{
    /// <summary>Element-wise arithmetic over spans of codes, each result the scalar <see cref="PositCodec{TTraits}"/> result.</summary>
    /// <remarks>
    /// Argument rules follow TensorPrimitives: the inputs must have the same length, a destination shorter than them
    /// throws <see cref="ArgumentException"/>, and so does a destination that overlaps an input other than exactly in
    /// place. +, × and x × y + z of posits of 9 to 16 bits in ushort codes run in float vector lanes (<see cref="PositLaneArithmetic{TTraits, TOps, TV}"/>),
    /// of 17 to 32 bits in uint codes in double vector lanes (<see cref="PositDoubleLanes{TTraits, TOps, TV}"/>);
    /// everything else, and the ends of the spans, runs the scalar kernels.
    /// </remarks>
    public static partial class PositSpan<TTraits>
    {
        /// <summary>destination[i] = x[i] + y[i], correctly rounded.</summary>
        public static void Add<TBits>(ReadOnlySpan<TBits> x, ReadOnlySpan<TBits> y, Span<TBits> destination)
            where TBits : unmanaged, IBinaryInteger<TBits>
        {
            ValidateArithmetic(x, y, y, destination);
            BinaryCore<TBits, AddLanes>(x, y, destination, SimdWidth.Auto);
        }

        /// <summary>destination[i] = x[i] × y[i], correctly rounded.</summary>
        public static void Multiply<TBits>(ReadOnlySpan<TBits> x, ReadOnlySpan<TBits> y, Span<TBits> destination)
            where TBits : unmanaged, IBinaryInteger<TBits>
        {
            ValidateArithmetic(x, y, y, destination);
            BinaryCore<TBits, MultiplyLanes>(x, y, destination, SimdWidth.Auto);
        }

        /// <summary>destination[i] = x[i] × y[i] + addend[i], rounded once (as the quire would).</summary>
        public static void FusedMultiplyAdd<TBits>(ReadOnlySpan<TBits> x, ReadOnlySpan<TBits> y, ReadOnlySpan<TBits> addend, Span<TBits> destination)
            where TBits : unmanaged, IBinaryInteger<TBits>
        {
            ValidateArithmetic(x, y, addend, destination);
            FusedMultiplyAddCore(x, y, addend, destination, SimdWidth.Auto);
        }

        /// <summary>FusedMultiplyAdd at a chosen vector width (tests pin each; <see cref="SimdWidth.Scalar"/> runs no lanes).</summary>
        internal static void FusedMultiplyAddCore<TBits>(ReadOnlySpan<TBits> x, ReadOnlySpan<TBits> y, ReadOnlySpan<TBits> addend, Span<TBits> destination, SimdWidth width)
            where TBits : unmanaged, IBinaryInteger<TBits>
        {
            int done = 0;
            if (Unsafe.SizeOf<TBits>() == 2)
            {
                ref ushort a = ref Unsafe.As<TBits, ushort>(ref MemoryMarshal.GetReference(x));
                ref ushort b = ref Unsafe.As<TBits, ushort>(ref MemoryMarshal.GetReference(y));
                ref ushort c = ref Unsafe.As<TBits, ushort>(ref MemoryMarshal.GetReference(addend));
                ref ushort d = ref Unsafe.As<TBits, ushort>(ref MemoryMarshal.GetReference(destination));
                done = SimdWidths.Resolve(width) switch
                {
                    SimdWidth.V512 => RunFusedLanes<Vector512x32, Vector512<uint>, Vector512x64, Vector512<ulong>>(ref a, ref b, ref c, ref d, x.Length),
                    SimdWidth.V256 => RunFusedLanes<Vector256x32, Vector256<uint>, Vector256x64, Vector256<ulong>>(ref a, ref b, ref c, ref d, x.Length),
                    SimdWidth.V128 => RunFusedLanes<Vector128x32, Vector128<uint>, Vector128x64, Vector128<ulong>>(ref a, ref b, ref c, ref d, x.Length),
                    _ => 0,
                };
            }
            else if (Unsafe.SizeOf<TBits>() == 4)
            {
                done = RunDoubleLanes<TBits, FusedMultiplyAddLanes>(x, y, addend, destination, width);
            }

            ref TBits first = ref MemoryMarshal.GetReference(x);
            ref TBits second = ref MemoryMarshal.GetReference(y);
            ref TBits third = ref MemoryMarshal.GetReference(addend);
            ref TBits result = ref MemoryMarshal.GetReference(destination);
            for (nint i = done; i < x.Length; i++)
            {
                Unsafe.Add(ref result, i) = TBits.CreateTruncating(PositCodec<TTraits>.FusedMultiplyAdd(Code(Unsafe.Add(ref first, i)), Code(Unsafe.Add(ref second, i)), Code(Unsafe.Add(ref third, i))));
            }
        }

        /// <summary>Whole vectors of x × y + z in the lanes (<see cref="PositLaneArithmetic{TTraits, TOps, TV}.FusedMultiplyAddToOdd"/>); returns how many elements it computed.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static unsafe int RunFusedLanes<TOps, TV, TOps64, TV64>(ref ushort x, ref ushort y, ref ushort z, ref ushort destination, int length)
            where TOps : struct, ISimd32<TV>
            where TV : struct
            where TOps64 : struct, ISimd64<TV64, TV>
            where TV64 : struct
        {
            if (!PositLaneArithmetic<TTraits, TOps, TV>.Applies)
            {
                return 0;
            }

            int step = 2 * TOps.Count;
            int i = 0;
            fixed (float* table = SingleTable.Values)
            {
                for (; i <= length - step; i += step)
                {
                    // Every input is loaded before the store: a destination that is an input (in place) is fine.
                    TOps.LoadWiden16(ref Unsafe.As<ushort, byte>(ref Unsafe.Add(ref x, i)), out TV x0, out TV x1);
                    TOps.LoadWiden16(ref Unsafe.As<ushort, byte>(ref Unsafe.Add(ref y, i)), out TV y0, out TV y1);
                    TOps.LoadWiden16(ref Unsafe.As<ushort, byte>(ref Unsafe.Add(ref z, i)), out TV z0, out TV z1);
                    TV r0 = FusedLane<TOps, TV, TOps64, TV64>(x0, y0, z0, table);
                    TV r1 = FusedLane<TOps, TV, TOps64, TV64>(x1, y1, z1, table);
                    TOps.StoreNarrow16(r0, r1, ref Unsafe.As<ushort, byte>(ref Unsafe.Add(ref destination, i)));
                }
            }

            return i;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static unsafe TV FusedLane<TOps, TV, TOps64, TV64>(TV x, TV y, TV z, float* table)
            where TOps : struct, ISimd32<TV>
            where TV : struct
            where TOps64 : struct, ISimd64<TV64, TV>
            where TV64 : struct
        {
            if (TTraits.Bits < 16)
            {
                x = TOps.And(x, TOps.Create(TTraits.CodeMask));
                y = TOps.And(y, TOps.Create(TTraits.CodeMask));
                z = TOps.And(z, TOps.Create(TTraits.CodeMask));
            }

            TV exact = PositLaneArithmetic<TTraits, TOps, TV>.FusedMultiplyAddToOdd<TOps64, TV64>(
                Decode<TOps, TV>(x, table), Decode<TOps, TV>(y, table), Decode<TOps, TV>(z, table));
            return PositVectorEncoder<TTraits, TOps, TV>.Encode(exact);
        }

        /// <summary>Add or Multiply at a chosen vector width (tests pin each; <see cref="SimdWidth.Scalar"/> runs no lanes).</summary>
        internal static void BinaryCore<TBits, TOperation>(ReadOnlySpan<TBits> x, ReadOnlySpan<TBits> y, Span<TBits> destination, SimdWidth width)
            where TBits : unmanaged, IBinaryInteger<TBits>
            where TOperation : struct, IPositLaneOperation, IPositDoubleLaneOperation
        {
            int done = 0;
            if (Unsafe.SizeOf<TBits>() == 2)
            {
                ref ushort a = ref Unsafe.As<TBits, ushort>(ref MemoryMarshal.GetReference(x));
                ref ushort b = ref Unsafe.As<TBits, ushort>(ref MemoryMarshal.GetReference(y));
                ref ushort d = ref Unsafe.As<TBits, ushort>(ref MemoryMarshal.GetReference(destination));
                done = SimdWidths.Resolve(width) switch
                {
                    SimdWidth.V512 => RunLanes<Vector512x32, Vector512<uint>, TOperation>(ref a, ref b, ref d, x.Length),
                    SimdWidth.V256 => RunLanes<Vector256x32, Vector256<uint>, TOperation>(ref a, ref b, ref d, x.Length),
                    SimdWidth.V128 => RunLanes<Vector128x32, Vector128<uint>, TOperation>(ref a, ref b, ref d, x.Length),
                    _ => 0,
                };
            }
            else if (Unsafe.SizeOf<TBits>() == 4)
            {
                done = RunDoubleLanes<TBits, TOperation>(x, y, y, destination, width);
            }

            // The rest (everything for 8-bit posits) through the scalar kernels, by reference: the lengths are
            // validated, so no bounds check per element (an 8-bit posit's kernel is one table lookup, cheaper than the checks).
            ref TBits left = ref MemoryMarshal.GetReference(x);
            ref TBits right = ref MemoryMarshal.GetReference(y);
            ref TBits result = ref MemoryMarshal.GetReference(destination);
            for (nint i = done; i < x.Length; i++)
            {
                ulong l = Code(Unsafe.Add(ref left, i)), r = Code(Unsafe.Add(ref right, i));
                Unsafe.Add(ref result, i) = TBits.CreateTruncating(TOperation.IsMultiply ? PositCodec<TTraits>.Multiply(l, r) : PositCodec<TTraits>.Add(l, r));
            }
        }

        /// <summary>Whole blocks of two vectors in the lanes; returns how many elements it computed.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static unsafe int RunLanes<TOps, TV, TOperation>(ref ushort x, ref ushort y, ref ushort destination, int length)
            where TOps : struct, ISimd32<TV>
            where TV : struct
            where TOperation : struct, IPositLaneOperation
        {
            if (!PositLaneArithmetic<TTraits, TOps, TV>.Applies)
            {
                return 0;
            }

            int step = 2 * TOps.Count;
            int i = 0;
            fixed (float* table = SingleTable.Values)
            {
                for (; i <= length - step; i += step)
                {
                    // Both inputs are loaded before the store: a destination that is an input (in place) is fine.
                    TOps.LoadWiden16(ref Unsafe.As<ushort, byte>(ref Unsafe.Add(ref x, i)), out TV x0, out TV x1);
                    TOps.LoadWiden16(ref Unsafe.As<ushort, byte>(ref Unsafe.Add(ref y, i)), out TV y0, out TV y1);
                    TV r0 = Lane<TOps, TV, TOperation>(x0, y0, table);
                    TV r1 = Lane<TOps, TV, TOperation>(x1, y1, table);
                    TOps.StoreNarrow16(r0, r1, ref Unsafe.As<ushort, byte>(ref Unsafe.Add(ref destination, i)));
                }
            }

            return i;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static unsafe TV Lane<TOps, TV, TOperation>(TV x, TV y, float* table)
            where TOps : struct, ISimd32<TV>
            where TV : struct
            where TOperation : struct, IPositLaneOperation
        {
            if (TTraits.Bits < 16)
            {
                // Stray bits above the code (the scalar kernels mask them too) must not index past the table.
                x = TOps.And(x, TOps.Create(TTraits.CodeMask));
                y = TOps.And(y, TOps.Create(TTraits.CodeMask));
            }

            TV a = Decode<TOps, TV>(x, table);
            TV b = Decode<TOps, TV>(y, table);
            TV exact = TOperation.IsMultiply
                ? PositLaneArithmetic<TTraits, TOps, TV>.MultiplyToOdd(a, b)
                : PositLaneArithmetic<TTraits, TOps, TV>.AddToOdd(a, b);
            return PositVectorEncoder<TTraits, TOps, TV>.Encode(exact);
        }

        /// <summary>
        /// Codes to float bits: AVX2's gather from the decode table where there is one (two of them for 512 bits: .NET
        /// has no 512-bit gather), about half the work of the table-free <see cref="PositLaneArithmetic{TTraits, TOps, TV}.Decode"/>
        /// that other hardware runs.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static unsafe TV Decode<TOps, TV>(TV codes, float* table)
            where TOps : struct, ISimd32<TV>
            where TV : struct
        {
            if (Avx2.IsSupported)
            {
                if (typeof(TV) == typeof(Vector512<uint>))
                {
                    Vector512<int> wide = Unsafe.BitCast<TV, Vector512<uint>>(codes).AsInt32();
                    Vector256<float> low = Avx2.GatherVector256(table, wide.GetLower(), 4);
                    Vector256<float> high = Avx2.GatherVector256(table, wide.GetUpper(), 4);
                    return Unsafe.BitCast<Vector512<uint>, TV>(Vector512.Create(low, high).AsUInt32());
                }

                if (typeof(TV) == typeof(Vector256<uint>))
                {
                    return Unsafe.BitCast<Vector256<uint>, TV>(Avx2.GatherVector256(table, Unsafe.BitCast<TV, Vector256<uint>>(codes).AsInt32(), 4).AsUInt32());
                }

                if (typeof(TV) == typeof(Vector128<uint>))
                {
                    return Unsafe.BitCast<Vector128<uint>, TV>(Avx2.GatherVector128(table, Unsafe.BitCast<TV, Vector128<uint>>(codes).AsInt32(), 4).AsUInt32());
                }
            }

            return PositLaneArithmetic<TTraits, TOps, TV>.Decode(codes);
        }

        /// <summary>
        /// Posits of 17 to 32 bits in uint codes through the double lanes of the resolved width
        /// (<see cref="PositDoubleLanes{TTraits, TOps, TV}"/>) where they pay (<see cref="IPositDoubleLaneOperation.NarrowestPayingWidth"/>),
        /// or at any vector width when <paramref name="everyWidth"/> (tests hold the lanes to the scalar bits at widths
        /// that do not pay); returns how many elements they computed (0 where they do not apply).
        /// </summary>
        internal static int RunDoubleLanes<TBits, TOperation>(ReadOnlySpan<TBits> x, ReadOnlySpan<TBits> y, ReadOnlySpan<TBits> z, Span<TBits> destination, SimdWidth width, bool everyWidth = false)
            where TBits : unmanaged, IBinaryInteger<TBits>
            where TOperation : struct, IPositDoubleLaneOperation
        {
            SimdWidth resolved = SimdWidths.Resolve(width);
            if (!everyWidth && resolved < TOperation.NarrowestPayingWidth)
            {
                return 0;
            }

            ref uint a = ref Unsafe.As<TBits, uint>(ref MemoryMarshal.GetReference(x));
            ref uint b = ref Unsafe.As<TBits, uint>(ref MemoryMarshal.GetReference(y));
            ref uint c = ref Unsafe.As<TBits, uint>(ref MemoryMarshal.GetReference(z));
            ref uint d = ref Unsafe.As<TBits, uint>(ref MemoryMarshal.GetReference(destination));
            return resolved switch
            {
                SimdWidth.V512 => RunDoubleLanes<Vector512x64, Vector512<ulong>, TOperation>(ref a, ref b, ref c, ref d, x.Length),
                SimdWidth.V256 => RunDoubleLanes<Vector256x64, Vector256<ulong>, TOperation>(ref a, ref b, ref c, ref d, x.Length),
                SimdWidth.V128 => RunDoubleLanes<Vector128x64, Vector128<ulong>, TOperation>(ref a, ref b, ref c, ref d, x.Length),
                _ => 0,
            };
        }

        /// <summary>
        /// Whole vectors of one operation in double lanes: decode, compute rounded to odd, encode once. z is read only by
        /// operations of three operands. Returns how many elements it computed.
        /// </summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static int RunDoubleLanes<TOps, TV, TOperation>(ref uint x, ref uint y, ref uint z, ref uint destination, int length)
            where TOps : struct, ISimd<TV>
            where TV : struct
            where TOperation : struct, IPositDoubleLaneOperation
        {
            if (!PositDoubleLanes<TTraits, TOps, TV>.Applies)
            {
                return 0;
            }

            int step = TOps.Count;
            int i = 0;
            for (; i <= length - step; i += step)
            {
                // Every input is loaded before the store: a destination that is an input (in place) is fine.
                TV a = DoubleLane<TOps, TV>(ref Unsafe.Add(ref x, i));
                TV b = DoubleLane<TOps, TV>(ref Unsafe.Add(ref y, i));
                TV c = TOperation.ReadsAddend ? DoubleLane<TOps, TV>(ref Unsafe.Add(ref z, i)) : default;
                TV code = PositVectorEncoder<TTraits, TOps, TV>.Encode(TOperation.ToOdd<TOps, TV>(a, b, c));
                Lanes64.StoreNarrow32(code, ref Unsafe.As<uint, byte>(ref Unsafe.Add(ref destination, i)));
            }

            return i;
        }

        /// <summary>One vector of uint codes as the bits of their doubles (stray bits above the code masked off, as the scalar kernels do).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static TV DoubleLane<TOps, TV>(ref uint codes)
            where TOps : struct, ISimd<TV>
            where TV : struct
        {
            TV lanes = Lanes64.LoadWiden32<TV>(ref Unsafe.As<uint, byte>(ref codes));
            if (TTraits.Bits < 32)
            {
                lanes = TOps.And(lanes, TOps.Create(TTraits.CodeMask));
            }

            return PositDoubleLanes<TTraits, TOps, TV>.Decode(lanes);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ulong Code<TBits>(TBits bits)
            where TBits : unmanaged, IBinaryInteger<TBits>
            => ulong.CreateTruncating(bits) & TTraits.CodeMask;

        /// <summary>TensorPrimitives' rules: inputs of one length, a destination as long, overlapping an input only exactly in place.</summary>
        private static void ValidateArithmetic<TBits>(ReadOnlySpan<TBits> x, ReadOnlySpan<TBits> y, ReadOnlySpan<TBits> z, Span<TBits> destination)
            where TBits : unmanaged, IBinaryInteger<TBits>
        {
            if (y.Length != x.Length || z.Length != x.Length)
            {
                throw new ArgumentException("Input span arguments must all have the same length.", y.Length != x.Length ? nameof(y) : "addend");
            }

            SpanChecks.ValidateConversion(x, destination);
            SpanChecks.ValidateConversion(y, destination);
            SpanChecks.ValidateConversion(z, destination);
        }
    }

    /// <summary>Which operation <see cref="PositSpan{TTraits}.BinaryCore"/> runs (a type, so each gets its own loop).</summary>
    internal interface IPositLaneOperation
    {
        /// <summary>× rather than +.</summary>
        static abstract bool IsMultiply { get; }
    }

    /// <summary>
    /// An operation of the double lanes (<see cref="PositDoubleLanes{TTraits, TOps, TV}"/>): doubles in, the exact result
    /// rounded to odd out (<see cref="DoubleToOddLanes{TOps, TV}"/>), a type so each gets its own loop.
    /// </summary>
    internal interface IPositDoubleLaneOperation
    {
        /// <summary>Whether the operation reads a third operand.</summary>
        static abstract bool ReadsAddend { get; }

        /// <summary>
        /// The narrowest vector width at which the lanes beat the scalar kernels (measured: a lane's work is the same at
        /// every width, so 128-bit lanes cost four times the 512-bit ones per element); narrower widths run the scalar kernels.
        /// </summary>
        static abstract SimdWidth NarrowestPayingWidth { get; }

        /// <summary>The exact result rounded to odd.</summary>
        static abstract TV ToOdd<TOps, TV>(TV a, TV b, TV c)
            where TOps : struct, ISimd<TV>
            where TV : struct;
    }

    /// <summary>+.</summary>
    internal readonly struct AddLanes : IPositLaneOperation, IPositDoubleLaneOperation
    {
        public static bool IsMultiply => false;

        public static bool ReadsAddend => false;

        /// <summary>512 bits: 1.47x the scalar kernels there (quiet run, docs/benchmarks.md), even at 256, 3.6x slower at 128 (loaded).</summary>
        public static SimdWidth NarrowestPayingWidth => SimdWidth.V512;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static TV ToOdd<TOps, TV>(TV a, TV b, TV c)
            where TOps : struct, ISimd<TV>
            where TV : struct
            => DoubleToOddLanes<TOps, TV>.Add(a, b);
    }

    /// <summary>×.</summary>
    internal readonly struct MultiplyLanes : IPositLaneOperation, IPositDoubleLaneOperation
    {
        public static bool IsMultiply => true;

        public static bool ReadsAddend => false;

        /// <summary>512 bits: 1.42x the scalar kernels there (quiet run), 1.05x slower at 256, 2.6x slower at 128 (loaded).</summary>
        public static SimdWidth NarrowestPayingWidth => SimdWidth.V512;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static TV ToOdd<TOps, TV>(TV a, TV b, TV c)
            where TOps : struct, ISimd<TV>
            where TV : struct
            => DoubleToOddLanes<TOps, TV>.Multiply(a, b);
    }

    /// <summary>x × y + z.</summary>
    internal readonly struct FusedMultiplyAddLanes : IPositDoubleLaneOperation
    {
        public static bool ReadsAddend => true;

        /// <summary>
        /// 512 bits: 1.38x the scalar kernels there (quiet run); at 256 bits 1.07x slower since the scalar posit32 fma
        /// reads its operands from a table and rounds once (PositCodec.NarrowQuotients.cs).
        /// </summary>
        public static SimdWidth NarrowestPayingWidth => SimdWidth.V512;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static TV ToOdd<TOps, TV>(TV a, TV b, TV c)
            where TOps : struct, ISimd<TV>
            where TV : struct
            => DoubleToOddLanes<TOps, TV>.FusedMultiplyAdd(a, b, c);
    }
}
