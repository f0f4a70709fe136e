using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using NumForge.Blocks.Ggml;

namespace NumForge.Blocks.Quant.Kernels
{
    /// <summary>
    /// x quantized to int8 for <see cref="Int8NibbleRowDot"/>: ggml's Q8_0 rule (blocks of 32, d = amax / 127, codes
    /// round(x / d)), the codes rearranged per 64 elements into the even elements then the odd ones (the order in which
    /// a 32-byte run of packed nibbles splits into low and high nibbles), the scale of each 8-element int32 lane, and
    /// each group's sum of the dequantized x (d times the exact integer sum of its codes).
    /// </summary>
    internal sealed class Int8Activation
    {
        public const int Chunk = 64;

        public Int8Activation(ReadOnlySpan<float> x, int groupSize)
        {
            int columns = x.Length;
            var q8 = new Q8Activation(columns, 32);
            q8.Quantize(x);
            // Pinned and 64-byte aligned (CodeStart, LaneStart), so the kernel's 32-byte loads never straddle two lines.
            Codes = AlignedScratch.Allocate<sbyte>(columns, out int codeStart);
            CodeStart = codeStart;
            LaneScales = AlignedScratch.Allocate<float>(columns / 8, out int laneStart);
            LaneStart = laneStart;
            BlockScales = q8.Scales;
            GroupSums = new float[columns / groupSize];
            for (int start = 0; start < columns; start += Chunk)
            {
                for (int j = 0; j < Chunk / 2; j++)
                {
                    Codes[codeStart + start + j] = q8.Codes[start + (2 * j)];
                    Codes[codeStart + start + (Chunk / 2) + j] = q8.Codes[start + (2 * j) + 1];
                }
            }

            for (int lane = 0; lane < columns / 8; lane++)
            {
                LaneScales[laneStart + lane] = q8.Scales[lane / 4];
            }

            for (int g = 0; g < GroupSums.Length; g++)
            {
                float sum = 0;
                for (int b = g * groupSize / 32; b < (g + 1) * groupSize / 32; b++)
                {
                    int codes = 0;
                    foreach (sbyte c in q8.Codes.AsSpan(b * 32, 32))
                    {
                        codes += c;
                    }

                    sum += q8.Scales[b] * codes;
                }

                GroupSums[g] = sum;
            }
        }

        /// <summary>int8 codes of x from <see cref="CodeStart"/> on, per 64 elements the 32 even elements then the 32 odd ones.</summary>
        public sbyte[] Codes { get; }

        /// <summary>Where the codes start in <see cref="Codes"/> (a 64-byte boundary).</summary>
        public int CodeStart { get; }

        /// <summary>Where the lane scales start in <see cref="LaneScales"/> (a 64-byte boundary).</summary>
        public int LaneStart { get; }

        /// <summary>The Q8_0 scale d of each 32-element block.</summary>
        public float[] BlockScales { get; }

        /// <summary>The scale of each group of 8 elements (one int32 lane of the integer dot), from <see cref="LaneStart"/> on.</summary>
        public float[] LaneScales { get; }

        /// <summary>Each weight group's sum of the dequantized x.</summary>
        public float[] GroupSums { get; }
    }

    /// <summary>
    /// W4 MatVec with int8 activations (llama.cpp's approximation): per 64 elements, 32 bytes of packed codes split into
    /// their low nibbles (even elements) and high nibbles (odd elements), two unsigned x signed byte dot products
    /// (<see cref="Int8Dot"/>: AVX-VNNI vpdpbusd) give eight exact int32 lane sums of 8 elements each; each lane is
    /// converted and multiplied by its x block's scale, a group's chunks summed, times the group's scale into the row
    /// accumulator; the zero points are subtracted with the groups' sums of the dequantized x. The float part runs the
    /// same Vector256 operations at every width (in software without hardware support), so the result does not depend
    /// on the width.
    /// </summary>
    internal readonly struct Int8NibbleRowDot : IRowDot
    {
        private readonly byte[] _codes;
        private readonly int _codeStart;
        private readonly int _rowBytes;
        private readonly int _groups;
        private readonly int _chunksPerGroup;
        private readonly float[] _scales;
        private readonly ushort[] _zeros;
        private readonly Int8Activation _x;
        private readonly bool _vector;

        public Int8NibbleRowDot(QuantizedMatrix matrix, Int8Activation x, int width)
        {
            _codes = matrix.CodeArray;
            _codeStart = matrix.CodeStart;
            _rowBytes = matrix.RowBytes;
            _groups = matrix.GroupsPerRow;
            _chunksPerGroup = matrix.GroupSize / Int8Activation.Chunk;
            _scales = matrix.ScaleValues;
            _zeros = matrix.ZeroArray!;
            _x = x;
            _vector = width >= 256 && Vector256.IsHardwareAccelerated;
        }

        /// <summary>True for the matrices this kernel takes: W4 (either variant) with groups of a multiple of 64 columns.</summary>
        public static bool Fits(QuantizedMatrix matrix)
            => matrix.Scheme.Kind == QuantSchemeKind.WeightOnly && matrix.Scheme.Bits == 4 && matrix.GroupSize % Int8Activation.Chunk == 0;

        public float Row(int row) => _vector ? Row<VectorChunk>(row) : Row<ScalarChunk>(row);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private float Row<TChunk>(int row)
            where TChunk : struct, IInt8ChunkDot
        {
            ref byte codes = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_codes), _codeStart + ((nint)row * _rowBytes));
            ref float scale = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_scales), (nint)row * _groups);
            ref ushort zero = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_zeros), (nint)row * _groups);
            ref sbyte x = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_x.Codes), _x.CodeStart);
            ref float laneScale = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_x.LaneScales), _x.LaneStart);
            ref float groupSum = ref MemoryMarshal.GetArrayDataReference(_x.GroupSums);
            Vector256<float> acc = Vector256<float>.Zero;
            float correction = 0;
            for (int g = 0; g < _groups; g++)
            {
                // Two chunks per step where the group allows (every group of 128 and up): independent dot chains.
                Vector256<float> group = Vector256<float>.Zero;
                int k = 0;
                for (; k + 2 <= _chunksPerGroup; k += 2)
                {
                    TChunk.Prefetch(ref codes);
                    Vector256<int> dot0 = TChunk.Dot(ref codes, ref x);
                    Vector256<int> dot1 = TChunk.Dot(ref Unsafe.Add(ref codes, 32), ref Unsafe.Add(ref x, Int8Activation.Chunk));
                    group = Vector256.FusedMultiplyAdd(Vector256.ConvertToSingle(dot0), Vector256.LoadUnsafe(ref laneScale), group);
                    group = Vector256.FusedMultiplyAdd(Vector256.ConvertToSingle(dot1), Vector256.LoadUnsafe(ref laneScale, 8), group);
                    codes = ref Unsafe.Add(ref codes, 64);
                    x = ref Unsafe.Add(ref x, 2 * Int8Activation.Chunk);
                    laneScale = ref Unsafe.Add(ref laneScale, 16);
                }

                if (k < _chunksPerGroup)
                {
                    group = Vector256.FusedMultiplyAdd(Vector256.ConvertToSingle(TChunk.Dot(ref codes, ref x)), Vector256.LoadUnsafe(ref laneScale), group);
                    codes = ref Unsafe.Add(ref codes, 32);
                    x = ref Unsafe.Add(ref x, Int8Activation.Chunk);
                    laneScale = ref Unsafe.Add(ref laneScale, 8);
                }

                acc = Vector256.FusedMultiplyAdd(group, Vector256.Create(Unsafe.Add(ref scale, g)), acc);
                correction += Unsafe.Add(ref scale, g) * (Unsafe.Add(ref zero, g) * Unsafe.Add(ref groupSum, g));
            }

            // A fixed reduction order, the same with and without hardware vectors.
            Vector128<float> half = acc.GetLower() + acc.GetUpper();
            return ((half.GetElement(0) + half.GetElement(2)) + (half.GetElement(1) + half.GetElement(3))) - correction;
        }
    }

    /// <summary>The eight int32 lane sums of one 64-element chunk: 32 bytes of packed codes times 64 int8 x.</summary>
    internal interface IInt8ChunkDot
    {
        static abstract Vector256<int> Dot(ref byte codes, ref sbyte x);

        /// <summary>Prefetches the codes 2 KiB ahead (as the float lane kernel does), where the machine can.</summary>
        static abstract void Prefetch(ref byte codes);
    }

    /// <summary>Nibble split and two <see cref="Int8Dot.UnsignedSigned"/> (vpdpbusd).</summary>
    internal struct VectorChunk : IInt8ChunkDot
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static unsafe void Prefetch(ref byte codes)
        {
            if (Sse.IsSupported)
            {
                // The codes are on the pinned heap, and a prefetch past the array's end never faults.
                Sse.Prefetch0((byte*)Unsafe.AsPointer(ref codes) + 2048);
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<int> Dot(ref byte codes, ref sbyte x)
        {
            Vector256<byte> packed = Vector256.LoadUnsafe(ref codes);
            Vector256<byte> mask = Vector256.Create((byte)0x0F);
            Vector256<byte> low = packed & mask;
            Vector256<byte> high = Vector256.ShiftRightLogical(packed.AsUInt16(), 4).AsByte() & mask;
            Vector256<int> dot = Int8Dot.UnsignedSigned(Vector256<int>.Zero, low, Vector256.LoadUnsafe(ref x));
            return Int8Dot.UnsignedSigned(dot, high, Vector256.LoadUnsafe(ref x, 32));
        }
    }

    /// <summary>The same sums one product at a time.</summary>
    internal struct ScalarChunk : IInt8ChunkDot
    {
        public static void Prefetch(ref byte codes)
        {
        }

        public static Vector256<int> Dot(ref byte codes, ref sbyte x)
        {
            Span<int> lanes = stackalloc int[8];
            for (int j = 0; j < 32; j++)
            {
                int b = Unsafe.Add(ref codes, j);
                lanes[j / 4] += ((b & 0xF) * Unsafe.Add(ref x, j)) + ((b >> 4) * Unsafe.Add(ref x, 32 + j));
            }

            return Vector256.Create(lanes[0], lanes[1], lanes[2], lanes[3], lanes[4], lanes[5], lanes[6], lanes[7]);
        }
    }
}
