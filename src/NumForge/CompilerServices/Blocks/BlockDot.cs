using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using NumForge.Blocks.Quant.Rules;

namespace NumForge.CompilerServices.Blocks
{
    /// <summary>
    /// The fused row dot of a <see cref="BlockFormatAttribute"/> block: <c>sum_i w_i x_i</c> over a row of blocks, where
    /// <c>w_i = (value(code_i) - zero) * scale</c> is computed exactly as <see cref="BlockCodec{TTraits, TElement, TScale}.Dequantize{TBlock}"/>
    /// computes it (so the result is the float32 dot of the dequantized row, accumulated in any order), without writing the row.
    /// </summary>
    /// <remarks>
    /// Per block: the scale and zero point are read once. Per step of 16 codes (AVX-512) or 8 (AVX2): the packed codes are
    /// broadcast to every 128-bit lane, a byte shuffle gives each int32 lane the two bytes holding its code, a variable
    /// shift and a mask leave the code (any width 1..8, the nibble order of <see cref="IBlockTraits.HighNibbleFirst"/>
    /// included; 8-bit codes are simply widened). Codes of at most 4 bits index the block's own 16-entry table
    /// <c>(value - zero) * scale</c> with one <c>vpermps</c> (two and a blend at 256 bits); wider codes are converted (integer
    /// elements, times <see cref="IBlockElement.Unit"/>) or gathered from the value table (float elements), then
    /// <c>(v - zero) * scale</c>. One fused multiply-add with x per step, two accumulators per block. One driver and one
    /// block body serve both widths; what differs per width lives in an operator struct (<c>Width512</c>, <c>Width256</c>).
    /// The last block of a row goes through a padded copy, so no step reads past the span. Without AVX2 and FMA: one code
    /// at a time.
    /// </remarks>
    internal static unsafe class BlockDot<TTraits, TElement, TScale>
        where TTraits : struct, IBlockTraits
        where TElement : struct, IBlockElement
        where TScale : struct, IBlockScale
    {
        /// <summary>Every code's value, at least 16 entries (zero padded) so a 16-lane table always loads; pinned for the gather.</summary>
        private static readonly float[] s_values = Values();

        private static readonly float* s_valuesPointer = (float*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(s_values));

        private static readonly Vector512<float> s_table512 = Vector512.Create((ReadOnlySpan<float>)s_values.AsSpan(0, 16));

        private static readonly Vector256<float> s_tableLow = Vector256.Create((ReadOnlySpan<float>)s_values.AsSpan(0, 8));

        private static readonly Vector256<float> s_tableHigh = Vector256.Create((ReadOnlySpan<float>)s_values.AsSpan(8, 8));

        private static readonly Vector512<byte> s_shuffle512 = Vector512.Create((ReadOnlySpan<byte>)ShuffleControl(16));

        private static readonly Vector512<uint> s_shift512 = Vector512.Create((ReadOnlySpan<uint>)ShiftControl(16));

        private static readonly Vector256<byte> s_shuffle256 = Vector256.Create((ReadOnlySpan<byte>)ShuffleControl(8));

        private static readonly Vector256<uint> s_shift256 = Vector256.Create((ReadOnlySpan<uint>)ShiftControl(8));

        private static int Bits
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            get => TElement.Bits;
        }

        private static int N
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            get => TTraits.BlockSize;
        }

        private static int ZeroBytes
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            get => TTraits.ScaleRule == BlockScaleRule.MinMax ? 1 : 0;
        }

        private static int CodeStart
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            get => TScale.Bytes + ZeroBytes;
        }

        private static int BlockBytes
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            get => CodeStart + (TTraits.BlockSize * TElement.Bits / 8);
        }

        private static uint CodeMask
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            get => (1u << TElement.Bits) - 1;
        }

        /// <summary>The dot of <paramref name="blocks"/> (whole blocks) with <paramref name="x"/> (BlockSize values per block).</summary>
        /// <param name="blocks">The blocks' bytes.</param>
        /// <param name="x">The vector.</param>
        /// <param name="width">512, 256 or 0 (scalar): at most what the machine has (see <c>VectorWidth</c>).</param>
        public static float Dot(ReadOnlySpan<byte> blocks, ReadOnlySpan<float> x, int width)
        {
            int count = blocks.Length / BlockBytes;
            if (count == 0)
            {
                return 0f;
            }

            if (width < 256)
            {
                return DotScalar(blocks, count, x);
            }

            fixed (byte* b = blocks)
            fixed (float* v = x)
            {
                return width == 512 && N % 16 == 0 ? Dot<Width512, Vector512<float>>(b, count, v) : Dot<Width256, Vector256<float>>(b, count, v);
            }
        }

        /// <summary>
        /// The driver: every block but the last through the width's block body into one accumulator, the last apart.
        /// One inlined block body per instantiation (the inliner's budget must reach the traits' constants), no stackalloc
        /// here (a method with one is compiled once, fully, before the statics exist): the last block is apart, and first,
        /// as a float: no call after the loop and no return buffer, so the accumulator stays in a register.
        /// </summary>
        private static float Dot<TWidth, TVector>(byte* blocks, int count, float* x)
            where TWidth : struct, IWidth<TVector>
            where TVector : struct
        {
            int last = count - 1;
            float tail = Last<TWidth, TVector>(blocks + ((nint)last * BlockBytes), x + ((nint)last * N));
            TVector acc = TWidth.Zero;
            for (int k = 0; k < last; k++)
            {
                acc = TWidth.Add(acc, Block<TWidth, TVector>(blocks + ((nint)k * BlockBytes), x + ((nint)k * N)));
            }

            return TWidth.Sum(acc) + tail;
        }

        /// <summary>The last block of a row, from a padded copy: a step may read up to 15 bytes past its codes.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static float Last<TWidth, TVector>(byte* block, float* x)
            where TWidth : struct, IWidth<TVector>
            where TVector : struct
        {
            byte* padded = stackalloc byte[BlockBytes + 16];
            new ReadOnlySpan<byte>(block, BlockBytes).CopyTo(new Span<byte>(padded, BlockBytes));
            return TWidth.Sum(Block<TWidth, TVector>(padded, x));
        }

        /// <summary>The block body: scale and zero point once, then one FMA with x per step of <c>Lanes</c> codes, two accumulators.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static TVector Block<TWidth, TVector>(byte* block, float* x)
            where TWidth : struct, IWidth<TVector>
            where TVector : struct
        {
            float s = TScale.Load(new ReadOnlySpan<byte>(block, TScale.Bytes));
            float z = ZeroBytes == 0 ? 0f : block[TScale.Bytes];
            byte* codes = block + CodeStart;
            TVector scale = TWidth.Create(s);
            TVector zero = TWidth.Create(z);
            TWidth.Tables(zero, scale, out TVector low, out TVector high);
            int lanes = TWidth.Lanes;
            int stepBytes = lanes * Bits / 8;
            if (N == lanes)
            {
                return TWidth.Multiply(TWidth.Weights(codes, low, high, zero, scale), TWidth.Load(x));
            }

            if (N == 2 * lanes)
            {
                return TWidth.FusedMultiplyAdd(TWidth.Weights(codes, low, high, zero, scale), TWidth.Load(x), TWidth.Multiply(TWidth.Weights(codes + stepBytes, low, high, zero, scale), TWidth.Load(x + lanes)));
            }

            // N is a multiple of 2 * Lanes from here on.
            TVector acc0 = TWidth.Zero;
            TVector acc1 = TWidth.Zero;
            float* end = x + N;
            for (; x < end; x += 2 * lanes, codes += 2 * stepBytes)
            {
                acc0 = TWidth.FusedMultiplyAdd(TWidth.Weights(codes, low, high, zero, scale), TWidth.Load(x), acc0);
                acc1 = TWidth.FusedMultiplyAdd(TWidth.Weights(codes + stepBytes, low, high, zero, scale), TWidth.Load(x + lanes), acc1);
            }

            return TWidth.Add(acc0, acc1);
        }

        /// <summary>
        /// One vector width of the block body (TensorPrimitives' shape: an operator struct per width): the vector type's
        /// arithmetic, the block's code tables and the step that turns <c>Lanes</c> packed codes into dequantized weights.
        /// </summary>
        /// <typeparam name="TVector">The float vector of the width.</typeparam>
        private interface IWidth<TVector>
            where TVector : struct
        {
            /// <summary>Codes per step (float lanes of <typeparamref name="TVector"/>).</summary>
            static abstract int Lanes { get; }

            static abstract TVector Zero { get; }

            static abstract TVector Create(float value);

            static abstract TVector Load(float* x);

            static abstract TVector Add(TVector a, TVector b);

            static abstract TVector Multiply(TVector a, TVector b);

            static abstract TVector FusedMultiplyAdd(TVector a, TVector b, TVector addend);

            static abstract float Sum(TVector v);

            /// <summary>The block's table(s) of <c>(value - zero) * scale</c> for codes of at most 4 bits (default otherwise).</summary>
            static abstract void Tables(TVector zero, TVector scale, out TVector low, out TVector high);

            /// <summary>The dequantized weights of the <c>Lanes</c> codes starting at <paramref name="codes"/>.</summary>
            static abstract TVector Weights(byte* codes, TVector low, TVector high, TVector zero, TVector scale);
        }

        /// <summary>AVX-512: 16 codes per step, one 16-entry table (one <c>vpermps</c>), two 8-lane gathers for table elements.</summary>
        private readonly struct Width512 : IWidth<Vector512<float>>
        {
            public static int Lanes => 16;

            public static Vector512<float> Zero => Vector512<float>.Zero;

            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            public static Vector512<float> Create(float value) => Vector512.Create(value);

            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            public static Vector512<float> Load(float* x) => Vector512.Load(x);

            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            public static Vector512<float> Add(Vector512<float> a, Vector512<float> b) => a + b;

            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            public static Vector512<float> Multiply(Vector512<float> a, Vector512<float> b) => a * b;

            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            public static Vector512<float> FusedMultiplyAdd(Vector512<float> a, Vector512<float> b, Vector512<float> addend) => Vector512.FusedMultiplyAdd(a, b, addend);

            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            public static float Sum(Vector512<float> v) => Vector512.Sum(v);

            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            public static void Tables(Vector512<float> zero, Vector512<float> scale, out Vector512<float> low, out Vector512<float> high)
            {
                low = Bits <= 4 ? (s_table512 - zero) * scale : default;
                high = default;
            }

            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            public static Vector512<float> Weights(byte* codes, Vector512<float> low, Vector512<float> high, Vector512<float> zero, Vector512<float> scale)
            {
                Vector512<int> c = Codes512(codes);
                if (Bits <= 4)
                {
                    return Avx512F.PermuteVar16x32(low, c);
                }

                Vector512<float> v;
                if (TElement.Lanes == ElementLanes.Table)
                {
                    v = Vector512.Create(Avx2.GatherVector256(s_valuesPointer, c.GetLower(), 4), Avx2.GatherVector256(s_valuesPointer, c.GetUpper(), 4));
                }
                else
                {
                    v = Avx512F.ConvertToVector512Single(c);
                    if (TElement.Unit != 1f)
                    {
                        v *= Vector512.Create(TElement.Unit);
                    }
                }

                return (v - zero) * scale;
            }
        }

        /// <summary>AVX2: 8 codes per step, the 16-entry table as two halves (two <c>vpermps</c> and a blend for 4 bits), one gather.</summary>
        private readonly struct Width256 : IWidth<Vector256<float>>
        {
            public static int Lanes => 8;

            public static Vector256<float> Zero => Vector256<float>.Zero;

            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            public static Vector256<float> Create(float value) => Vector256.Create(value);

            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            public static Vector256<float> Load(float* x) => Vector256.Load(x);

            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            public static Vector256<float> Add(Vector256<float> a, Vector256<float> b) => a + b;

            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            public static Vector256<float> Multiply(Vector256<float> a, Vector256<float> b) => a * b;

            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            public static Vector256<float> FusedMultiplyAdd(Vector256<float> a, Vector256<float> b, Vector256<float> addend) => Vector256.FusedMultiplyAdd(a, b, addend);

            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            public static float Sum(Vector256<float> v) => Vector256.Sum(v);

            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            public static void Tables(Vector256<float> zero, Vector256<float> scale, out Vector256<float> low, out Vector256<float> high)
            {
                low = Bits <= 4 ? (s_tableLow - zero) * scale : default;
                high = Bits == 4 ? (s_tableHigh - zero) * scale : default;
            }

            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            public static Vector256<float> Weights(byte* codes, Vector256<float> low, Vector256<float> high, Vector256<float> zero, Vector256<float> scale)
            {
                Vector256<int> c = Codes256(codes);
                if (Bits <= 3)
                {
                    return Avx2.PermuteVar8x32(low, c);
                }

                if (Bits == 4)
                {
                    // vpermps reads the low 3 bits; bit 3 (moved to the sign) picks the upper half of the table.
                    return Avx.BlendVariable(Avx2.PermuteVar8x32(low, c), Avx2.PermuteVar8x32(high, c), Avx2.ShiftLeftLogical(c, 28).AsSingle());
                }

                Vector256<float> v;
                if (TElement.Lanes == ElementLanes.Table)
                {
                    v = Avx2.GatherVector256(s_valuesPointer, c, 4);
                }
                else
                {
                    v = Avx.ConvertToVector256Single(c);
                    if (TElement.Unit != 1f)
                    {
                        v *= Vector256.Create(TElement.Unit);
                    }
                }

                return (v - zero) * scale;
            }
        }

        /// <summary>16 codes (at <paramref name="at"/>, 2 * Bits bytes) in int32 lanes; sign-extended for signed integer lanes wider than 4 bits.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector512<int> Codes512(byte* at)
        {
            if (Bits == 8)
            {
                return TElement.Lanes == ElementLanes.Signed ? Avx512F.ConvertToVector512Int32(Vector128.Load((sbyte*)at)) : Avx512F.ConvertToVector512Int32(Vector128.Load(at));
            }

            Vector512<uint> words = Avx512BW.Shuffle(Avx512F.BroadcastVector128ToVector512((uint*)at).AsByte(), s_shuffle512).AsUInt32();
            Vector512<uint> codes = Avx512F.ShiftRightLogicalVariable(words, s_shift512);
            if (Bits == 4)
            {
                return codes.AsInt32(); // vpermps reads the low four bits only
            }

            codes &= Vector512.Create(CodeMask);
            if (Bits > 4 && TElement.Lanes == ElementLanes.Signed)
            {
                return Vector512.ShiftRightArithmetic(Vector512.ShiftLeft(codes, 32 - Bits).AsInt32(), 32 - Bits);
            }

            return codes.AsInt32();
        }

        /// <summary>8 codes (at <paramref name="at"/>, Bits bytes) in int32 lanes; sign-extended for signed integer lanes wider than 4 bits.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector256<int> Codes256(byte* at)
        {
            if (Bits == 8)
            {
                return TElement.Lanes == ElementLanes.Signed ? Avx2.ConvertToVector256Int32((sbyte*)at) : Avx2.ConvertToVector256Int32(at);
            }

            Vector256<uint> words = Avx2.Shuffle(Avx2.BroadcastVector128ToVector256(at), s_shuffle256).AsUInt32();
            Vector256<uint> codes = Avx2.ShiftRightLogicalVariable(words, s_shift256) & Vector256.Create(CodeMask);
            if (Bits > 4 && TElement.Lanes == ElementLanes.Signed)
            {
                return Vector256.ShiftRightArithmetic(Vector256.ShiftLeft(codes, 32 - Bits).AsInt32(), 32 - Bits);
            }

            return codes.AsInt32();
        }

        private static float DotScalar(ReadOnlySpan<byte> blocks, int count, ReadOnlySpan<float> x)
        {
            float sum = 0;
            for (int k = 0; k < count; k++)
            {
                ReadOnlySpan<byte> block = blocks.Slice(k * BlockBytes, BlockBytes);
                float s = TScale.Load(block);
                float z = ZeroBytes == 0 ? 0f : block[TScale.Bytes];
                ReadOnlySpan<byte> codes = block[CodeStart..];
                ReadOnlySpan<float> xs = x.Slice(k * N, N);
                for (int i = 0; i < N; i++)
                {
                    float w = (s_values[CodeBits.Get(codes, i, Bits, TTraits.HighNibbleFirst)] - z) * s;
                    sum += w * xs[i];
                }
            }

            return sum;
        }

        private static float[] Values()
        {
            int count = 1 << TElement.Bits;
            float[] values = GC.AllocateArray<float>(Math.Max(16, count), pinned: true);
            for (int code = 0; code < count; code++)
            {
                values[code] = TElement.ValueOf(code);
            }

            return values;
        }

        /// <summary>Byte shuffle for <paramref name="lanes"/> int32 lanes: lane l takes the two bytes holding its code (within its 128-bit lane's copy).</summary>
        private static byte[] ShuffleControl(int lanes)
        {
            var control = new byte[lanes * 4];
            for (int l = 0; l < lanes; l++)
            {
                int bit = Position(l) * TElement.Bits;
                int first = bit >> 3;
                control[4 * l] = (byte)first;
                control[(4 * l) + 1] = first + 1 < 16 ? (byte)(first + 1) : (byte)0x80;
                control[(4 * l) + 2] = 0x80;
                control[(4 * l) + 3] = 0x80;
            }

            return control;
        }

        /// <summary>Right shift of each int32 lane after the shuffle: the code's bit offset within its first byte.</summary>
        private static uint[] ShiftControl(int lanes)
        {
            var shifts = new uint[lanes];
            for (int l = 0; l < lanes; l++)
            {
                shifts[l] = (uint)((Position(l) * TElement.Bits) & 7);
            }

            return shifts;
        }

        /// <summary>Where element l is stored: its own place, or its nibble neighbour's with HighNibbleFirst.</summary>
        private static int Position(int l) => TTraits.HighNibbleFirst && TElement.Bits == 4 ? l ^ 1 : l;
    }
}
