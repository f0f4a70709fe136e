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
    /// <c>(v - zero) * scale</c>. One fused multiply-add with x per step, two accumulators per block.
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
                return width == 512 && N % 16 == 0 ? Dot512(b, count, v) : Dot256(b, count, v);
            }
        }

        private static float Dot512(byte* blocks, int count, float* x)
        {
            // One inlined block body per method (the inliner's budget must reach the traits' constants), no stackalloc
            // here (a method with one is compiled once, fully, before the statics exist): the last block is apart.
            // The last block first, as a float: no call after the loop and no return buffer, so the accumulator stays in a register.
            int last = count - 1;
            float tail = Last512(blocks + ((nint)last * BlockBytes), x + ((nint)last * N));
            Vector512<float> acc = Vector512<float>.Zero;
            for (int k = 0; k < last; k++)
            {
                acc += Block512(blocks + ((nint)k * BlockBytes), x + ((nint)k * N));
            }

            return Vector512.Sum(acc) + tail;
        }

        /// <summary>The last block of a row, from a padded copy: a step may read up to 15 bytes past its codes.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static float Last512(byte* block, float* x)
        {
            byte* padded = stackalloc byte[BlockBytes + 16];
            new ReadOnlySpan<byte>(block, BlockBytes).CopyTo(new Span<byte>(padded, BlockBytes));
            return Vector512.Sum(Block512(padded, x));
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector512<float> Block512(byte* block, float* x)
        {
            float s = TScale.Load(new ReadOnlySpan<byte>(block, TScale.Bytes));
            float z = ZeroBytes == 0 ? 0f : block[TScale.Bytes];
            byte* codes = block + CodeStart;
            Vector512<float> scale = Vector512.Create(s);
            Vector512<float> zero = Vector512.Create(z);
            Vector512<float> table = Bits <= 4 ? (s_table512 - zero) * scale : default;
            if (N == 16)
            {
                return Weights512(codes, 0, table, zero, scale) * Vector512.Load(x);
            }

            if (N == 32)
            {
                return Vector512.FusedMultiplyAdd(Weights512(codes, 0, table, zero, scale), Vector512.Load(x), Weights512(codes, 16, table, zero, scale) * Vector512.Load(x + 16));
            }

            // N is a multiple of 32 from here on.
            Vector512<float> acc0 = Vector512<float>.Zero;
            Vector512<float> acc1 = Vector512<float>.Zero;
            float* end = x + N;
            for (; x < end; x += 32, codes += 4 * Bits)
            {
                acc0 = Vector512.FusedMultiplyAdd(Weights512(codes, 0, table, zero, scale), Vector512.Load(x), acc0);
                acc1 = Vector512.FusedMultiplyAdd(Weights512(codes, 16, table, zero, scale), Vector512.Load(x + 16), acc1);
            }

            return acc0 + acc1;
        }

        /// <summary>The dequantized weights of codes i .. i+15.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector512<float> Weights512(byte* codes, int i, Vector512<float> table, Vector512<float> zero, Vector512<float> scale)
        {
            Vector512<int> c = Codes512(codes + ((i >> 3) * Bits));
            if (Bits <= 4)
            {
                return Avx512F.PermuteVar16x32(table, c);
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

        /// <summary>Codes i .. i+15 (at <paramref name="at"/>, 2 * Bits bytes) in int32 lanes; sign-extended for signed integer lanes wider than 4 bits.</summary>
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

        private static float Dot256(byte* blocks, int count, float* x)
        {
            // One inlined block body per method (the inliner's budget must reach the traits' constants), no stackalloc
            // here (a method with one is compiled once, fully, before the statics exist): the last block is apart.
            // The last block first, as a float: no call after the loop and no return buffer, so the accumulator stays in a register.
            int last = count - 1;
            float tail = Last256(blocks + ((nint)last * BlockBytes), x + ((nint)last * N));
            Vector256<float> acc = Vector256<float>.Zero;
            for (int k = 0; k < last; k++)
            {
                acc += Block256(blocks + ((nint)k * BlockBytes), x + ((nint)k * N));
            }

            return Vector256.Sum(acc) + tail;
        }

        /// <summary>The last block of a row, from a padded copy: a step may read up to 15 bytes past its codes.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static float Last256(byte* block, float* x)
        {
            byte* padded = stackalloc byte[BlockBytes + 16];
            new ReadOnlySpan<byte>(block, BlockBytes).CopyTo(new Span<byte>(padded, BlockBytes));
            return Vector256.Sum(Block256(padded, x));
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector256<float> Block256(byte* block, float* x)
        {
            float s = TScale.Load(new ReadOnlySpan<byte>(block, TScale.Bytes));
            float z = ZeroBytes == 0 ? 0f : block[TScale.Bytes];
            byte* codes = block + CodeStart;
            Vector256<float> scale = Vector256.Create(s);
            Vector256<float> zero = Vector256.Create(z);
            Vector256<float> low = Bits <= 4 ? (s_tableLow - zero) * scale : default;
            Vector256<float> high = Bits == 4 ? (s_tableHigh - zero) * scale : default;
            if (N == 8)
            {
                return Weights256(codes, 0, low, high, zero, scale) * Vector256.Load(x);
            }

            if (N == 16)
            {
                return Vector256.FusedMultiplyAdd(Weights256(codes, 0, low, high, zero, scale), Vector256.Load(x), Weights256(codes, 8, low, high, zero, scale) * Vector256.Load(x + 8));
            }

            // N is a multiple of 16 from here on.
            Vector256<float> acc0 = Vector256<float>.Zero;
            Vector256<float> acc1 = Vector256<float>.Zero;
            float* end = x + N;
            for (; x < end; x += 16, codes += 2 * Bits)
            {
                acc0 = Vector256.FusedMultiplyAdd(Weights256(codes, 0, low, high, zero, scale), Vector256.Load(x), acc0);
                acc1 = Vector256.FusedMultiplyAdd(Weights256(codes, 8, low, high, zero, scale), Vector256.Load(x + 8), acc1);
            }

            return acc0 + acc1;
        }

        /// <summary>The dequantized weights of codes i .. i+7.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector256<float> Weights256(byte* codes, int i, Vector256<float> low, Vector256<float> high, Vector256<float> zero, Vector256<float> scale)
        {
            Vector256<int> c = Codes256(codes + ((i >> 3) * Bits));
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

        /// <summary>Codes i .. i+7 (at <paramref name="at"/>, Bits bytes) in int32 lanes; sign-extended for signed integer lanes wider than 4 bits.</summary>
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
