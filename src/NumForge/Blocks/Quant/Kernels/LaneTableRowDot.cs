using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NumForge.Blocks.Quant.Kernels
{
    /// <summary>The code width of <see cref="LaneTableRowDot{TBits}"/> as a compile-time constant.</summary>
    internal interface ICodeWidth
    {
        /// <summary>Bits per code: 2, 3 or 4.</summary>
        static abstract int Bits { get; }
    }

    /// <summary>4-bit codes.</summary>
    internal struct FourBits : ICodeWidth
    {
        public static int Bits => 4;
    }

    /// <summary>3-bit codes (a <c>vpermb</c> first spreads each 3-byte run of eight codes into its own lane).</summary>
    internal struct ThreeBits : ICodeWidth
    {
        public static int Bits => 3;
    }

    /// <summary>2-bit codes.</summary>
    internal struct TwoBits : ICodeWidth
    {
        public static int Bits => 2;
    }

    /// <summary>
    /// The lane layout of <see cref="LaneTableRowDot{TBits}"/>: which matrices it takes, and x permuted into lane order.
    /// </summary>
    internal static class LaneLayout
    {
        /// <summary>Bytes of codes per chunk: 64 (one Vector512), 48 for 3 bits (16 lanes of eight 3-bit codes).</summary>
        public static int ChunkBytes(int bits) => bits == 3 ? 48 : 64;

        /// <summary>Codes per int32 lane: 8 (4 and 3 bits) or 16 (2 bits).</summary>
        public static int PerLane(int bits) => bits == 2 ? 16 : 8;

        /// <summary>Elements per chunk (16 lanes).</summary>
        public static int ChunkElements(int bits) => 16 * PerLane(bits);

        /// <summary>
        /// True when this kernel handles the matrix at <paramref name="width"/>: 512 bits, 2-, 3- or 4-bit codes (3 bits
        /// needs AVX512-VBMI), and groups
        /// that either hold whole chunks (or a whole row) or divide a chunk without splitting a lane.
        /// </summary>
        public static bool Fits(QuantizedMatrix matrix, int width)
        {
            int bits = matrix.Scheme.Bits;
            if (width != 512 || bits is not (2 or 3 or 4) || (bits == 3 && !Avx512Vbmi.IsSupported))
            {
                return false;
            }

            int chunk = ChunkElements(bits);
            int group = matrix.GroupSize;
            return matrix.GroupsPerRow == 1 || group % chunk == 0 || (chunk % group == 0 && group >= PerLane(bits));
        }

        /// <summary>
        /// True when <see cref="LaneTableRowDot{TBits}"/> puts the zero points into each group's table (<c>(q - z) * s</c>, exactly the
        /// dequantized weight) instead of subtracting <c>s * z * sum of x</c> per row: W{N}G{M} matrices whose groups
        /// hold whole chunks. The group sums of x are then not needed.
        /// </summary>
        public static bool FoldsZeros(QuantizedMatrix matrix)
            => matrix.ZeroArray is not null && (matrix.GroupsPerRow == 1 || matrix.GroupSize % LaneLayout.ChunkElements(matrix.Scheme.Bits) == 0);

        /// <summary>Writes x (stored column order) in lane order: within each chunk, step k's 16 lanes hold elements l*E + k.</summary>
        /// <param name="x">x in stored column order.</param>
        /// <param name="laneX">Receives the whole chunks of x in lane order (the tail is not written).</param>
        /// <param name="bits">2, 3 or 4.</param>
        /// <param name="highNibbleFirst">True for NF4's layout (the even element in the high nibble).</param>
        public static void Prepare(System.ReadOnlySpan<float> x, System.Span<float> laneX, int bits, bool highNibbleFirst)
        {
            int chunk = ChunkElements(bits);
            int perLane = PerLane(bits);
            int swap = highNibbleFirst ? 1 : 0;
            for (int start = 0; start + chunk <= x.Length; start += chunk)
            {
                for (int k = 0; k < perLane; k++)
                {
                    int element = k ^ swap;
                    for (int l = 0; l < 16; l++)
                    {
                        laneX[start + (k * 16) + l] = x[start + (l * perLane) + element];
                    }
                }
            }
        }
    }

    /// <summary>
    /// The AVX-512 row kernel for 4-, 3- and 2-bit codes. A 64-byte chunk of a row (48 bytes for 3 bits, spread by one
    /// <c>vpermb</c>) is read as 16 int32 lanes; lane l holds the codes of elements <c>l*E .. l*E+E-1</c> (E = 8, or 16
    /// for 2 bits). Step k brings code k of every lane to the lane's low bits (a load 0-3 bytes further on for the byte,
    /// a shift within it) and looks the low four bits up in a 16-entry table with one <c>vpermps</c> (which ignores the
    /// higher bits, so no mask is needed), then multiplies with x, which <see cref="LaneLayout.Prepare"/> has permuted once
    /// per MatVec into the same lane order (<c>laneX[chunk*C + k*16 + l] = x[chunk*C + l*E + k]</c>). Per element that is
    /// at most one shift, one permute and one FMA, with no unpacking, widening or conversion.
    /// </summary>
    /// <remarks>
    /// Groups that hold whole chunks (<c>G % C == 0</c>, C = 16 * E elements, or one group per row) multiply the
    /// table by the group's scale once and accumulate straight into four row accumulators. Smaller groups (a chunk
    /// holds C / G of them; a lane never straddles two) accumulate a chunk unscaled and multiply its lanes by their
    /// groups' scales, gathered with one more <c>vpermps</c>. Zero points are subtracted at the end of the row as
    /// <c>sum_g s_g * (z_g * sum of the group's x)</c>, the group sums computed once per MatVec. Elements after the last
    /// whole chunk (only when the columns are not a multiple of C) are summed one by one.
    /// </remarks>
    internal readonly struct LaneTableRowDot<TBits> : IRowDot
        where TBits : struct, ICodeWidth
    {
        /// <summary>vpermb control for 3 bits: byte 4l + i of the result is byte 3l + i of the chunk (i &lt; 3; the fourth repeats the third).</summary>
        private static readonly Vector512<byte> TripletSpread = Vector512.Create(
            (byte)0, 1, 2, 2, 3, 4, 5, 5, 6, 7, 8, 8, 9, 10, 11, 11, 12, 13, 14, 14, 15, 16, 17, 17, 18, 19, 20, 20, 21, 22, 23, 23,
            24, 25, 26, 26, 27, 28, 29, 29, 30, 31, 32, 32, 33, 34, 35, 35, 36, 37, 38, 38, 39, 40, 41, 41, 42, 43, 44, 44, 45, 46, 47, 47);

        /// <summary>
        /// How far ahead (bytes) each chunk prefetches its row's codes: the kernel spends about 10 cycles per 64-byte
        /// line, too few for the hardware prefetcher alone to stay ahead of DRAM; 2 KiB (a 4096-column W4 row) measured best.
        /// </summary>
        private const int PrefetchDistance = 2048;

        private readonly byte[] _codes;
        private readonly int _codeStart;
        private readonly int _rowBytes;
        private readonly int _bits;
        private readonly int _chunkBytes;
        private readonly int _chunkElements;
        private readonly int _fullChunks;
        private readonly int _columns;
        private readonly int _groupSize;
        private readonly int _groups;
        private readonly int _chunksPerGroup;
        private readonly float[] _scales;
        private readonly ushort[]? _zeros;
        private readonly float[] _offsets;
        private readonly int _offsetMask;
        private readonly bool _folded;
        private readonly float[] _laneX;
        private readonly int _laneStart;
        private readonly float[] _x;
        private readonly float[] _xSums;
        private readonly float[] _values;
        private readonly bool _highNibbleFirst;
        private readonly Vector512<float> _table;
        private readonly Vector512<int> _laneGroup;

        /// <param name="matrix">A 2- or 4-bit matrix that <see cref="LaneLayout.Fits"/>.</param>
        /// <param name="values">The value of each code (16 entries for 4 bits, 4 for 2 bits).</param>
        /// <param name="laneX">x in lane order (<see cref="LaneLayout.Prepare"/>), from <paramref name="laneStart"/> on.</param>
        /// <param name="laneStart">Where x starts in <paramref name="laneX"/> (a 64-byte boundary: <see cref="AlignedScratch"/>).</param>
        /// <param name="x">x in stored column order (for the elements after the last whole chunk).</param>
        /// <param name="xSums">Each group's sum of x (affine schemes).</param>
        /// <param name="highNibbleFirst">True for NF4's layout (the even element in the high nibble).</param>
        public LaneTableRowDot(QuantizedMatrix matrix, float[] values, float[] laneX, int laneStart, float[] x, float[] xSums, bool highNibbleFirst)
        {
            _folded = LaneLayout.FoldsZeros(matrix);
            _offsets = _folded ? matrix.ZeroOffsets! : s_noOffset;
            _offsetMask = _folded ? -1 : 0;
            _highNibbleFirst = highNibbleFirst;
            _codes = matrix.CodeArray;
            _codeStart = matrix.CodeStart;
            _rowBytes = matrix.RowBytes;
            _bits = TBits.Bits;
            _chunkElements = LaneLayout.ChunkElements(_bits);
            _chunkBytes = LaneLayout.ChunkBytes(_bits);
            _columns = matrix.Columns;
            _fullChunks = matrix.Columns / _chunkElements;
            _groupSize = matrix.GroupSize;
            _groups = matrix.GroupsPerRow;
            _chunksPerGroup = _groups == 1 ? _fullChunks : _groupSize / _chunkElements;
            _scales = matrix.ScaleValues;
            _zeros = matrix.ZeroArray;
            _laneX = laneX;
            _laneStart = laneStart;
            _x = x;
            _xSums = xSums;
            _values = values;

            // Entry i is the value of the code in i's low bits: vpermps reads four bits, the code is the low `bits`.
            var table = new float[16];
            for (int i = 0; i < 16; i++)
            {
                table[i] = values[i & ((1 << _bits) - 1)];
            }

            _table = Vector512.Create(table);
            int perLane = LaneLayout.PerLane(_bits);
            var laneGroup = new int[16];
            for (int l = 0; l < 16; l++)
            {
                laneGroup[l] = _groupSize < _chunkElements ? l * perLane / _groupSize : 0;
            }

            _laneGroup = Vector512.Create(laneGroup);
        }

        /// <summary>A single zero: the offset of every group of a matrix without zero points.</summary>
        private static readonly float[] s_noOffset = [0f];

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public float Row(int row)
        {
            ref byte codes = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_codes), _codeStart + ((nint)row * _rowBytes));
            ref float scale = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_scales), (nint)row * _groups);

            // Each group's -s * z (exact: an 11-bit Half scale times a zero of at most 9 bits), or the one 0 of s_noOffset.
            ref float offset = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_offsets), (nint)(row * _groups) & _offsetMask);
            ref float laneX = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_laneX), _laneStart);
            Vector512<float> a0 = Vector512<float>.Zero, a1 = Vector512<float>.Zero, a2 = Vector512<float>.Zero, a3 = Vector512<float>.Zero;
            // Compile-time constants per width, so the loops below only bump references.
            int chunkBytes = TBits.Bits == 3 ? 48 : 64;
            int chunkElements = TBits.Bits == 2 ? 256 : 128;

            // The code values in a register: read from the field (this struct is not 64-byte aligned, so that would be a
            // cache-line split load) once per row, not once per group.
            Vector512<float> values = _table;
            if (_chunksPerGroup == 1)
            {
                // One chunk per group (W4G128, W2G256): the group's table q * s - s * z (the dequantized weights, exact), one chunk, next group.
                ref byte chunk = ref codes;
                ref float chunkX = ref laneX;
                ref float groupScale = ref scale;
                ref float groupOffset = ref offset;
                nint offsetStep = _offsetMask & 1;
                Vector512<float> table = Vector512.FusedMultiplyAdd(values, Vector512.Create(groupScale), Vector512.Create(groupOffset));
                for (int g = _groups; g > 1; g--)
                {
                    // The next group's table is built a group ahead, so its permutes never wait for it (about 1% faster).
                    groupScale = ref Unsafe.Add(ref groupScale, 1);
                    groupOffset = ref Unsafe.Add(ref groupOffset, offsetStep);
                    Vector512<float> next = Vector512.FusedMultiplyAdd(values, Vector512.Create(groupScale), Vector512.Create(groupOffset));
                    Chunk(table, ref chunk, ref chunkX, ref a0, ref a1, ref a2, ref a3);
                    chunk = ref Unsafe.Add(ref chunk, chunkBytes);
                    chunkX = ref Unsafe.Add(ref chunkX, chunkElements);
                    table = next;
                }

                Chunk(table, ref chunk, ref chunkX, ref a0, ref a1, ref a2, ref a3);
            }
            else if (_chunksPerGroup > 1)
            {
                // Whole chunks per group (W4G-1, W4G256): the group's table once per group, accumulate into the row accumulators.
                ref byte chunk = ref codes;
                ref float chunkX = ref laneX;
                for (int g = 0; g < _groups; g++)
                {
                    Vector512<float> table = Vector512.FusedMultiplyAdd(values, Vector512.Create(Unsafe.Add(ref scale, g)), Vector512.Create(Unsafe.Add(ref offset, g & _offsetMask)));
                    for (int c = _chunksPerGroup; c > 0; c--)
                    {
                        Chunk(table, ref chunk, ref chunkX, ref a0, ref a1, ref a2, ref a3);
                        chunk = ref Unsafe.Add(ref chunk, chunkBytes);
                        chunkX = ref Unsafe.Add(ref chunkX, chunkElements);
                    }
                }
            }
            else
            {
                // Several groups per chunk: sum the chunk unscaled, then scale each lane by its group's scale.
                int groupsPerChunk = _chunkElements / _groupSize;
                for (int c = 0; c < _fullChunks; c++)
                {
                    Vector512<float> b0 = Vector512<float>.Zero, b1 = Vector512<float>.Zero, b2 = Vector512<float>.Zero, b3 = Vector512<float>.Zero;
                    Chunk(values, ref Unsafe.Add(ref codes, (nint)c * _chunkBytes), ref Unsafe.Add(ref laneX, (nint)c * _chunkElements), ref b0, ref b1, ref b2, ref b3);
                    Vector512<float> laneScale = Avx512F.PermuteVar16x32(Vector512.LoadUnsafe(ref scale, (nuint)(c * groupsPerChunk)), _laneGroup);
                    a0 = Vector512.FusedMultiplyAdd((b0 + b1) + (b2 + b3), laneScale, a0);
                }
            }

            float sum = Reduce((a0 + a1) + (a2 + a3));
            int done = _fullChunks * _chunkElements;
            if (done < _columns)
            {
                sum += Tail(ref codes, ref scale, ref offset, done);
            }

            return _zeros is null || _folded ? sum : sum - Correction(row, ref scale);
        }

        /// <summary>The sum of the 16 lanes: halves added down to 128 bits, then two in-lane shuffles (fewer uops than Vector512.Sum).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static float Reduce(Vector512<float> v)
        {
            Vector256<float> half = v.GetLower() + v.GetUpper();
            Vector128<float> quarter = half.GetLower() + half.GetUpper();
            quarter += Vector128.Shuffle(quarter, Vector128.Create(2, 3, 0, 1));
            quarter += Vector128.Shuffle(quarter, Vector128.Create(1, 0, 3, 2));
            return quarter.ToScalar();
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Chunk(Vector512<float> table, ref byte codes, ref float x, ref Vector512<float> a0, ref Vector512<float> a1, ref Vector512<float> a2, ref Vector512<float> a3)
        {
            Vector512<int> v = Vector512.LoadUnsafe(ref Unsafe.As<byte, int>(ref codes));
            unsafe
            {
                // A prefetch past the array's end is harmless (it never faults); the codes are on the pinned heap.
                Sse.Prefetch0((byte*)Unsafe.AsPointer(ref codes) + PrefetchDistance);
            }
            if (TBits.Bits == 3)
            {
                // Lane l gets bytes 3l, 3l+1, 3l+2: its eight codes at bits 0, 3, ..., 21 (the table repeats every 8 entries).
                v = Avx512Vbmi.PermuteVar64x8(v.AsByte(), TripletSpread).AsInt32();
                a0 = Step(table, v, ref x, 0, a0);
                a1 = Step(table, Vector512.ShiftRightLogical(v, 3), ref x, 16, a1);
                a2 = Step(table, Vector512.ShiftRightLogical(v, 6), ref x, 32, a2);
                a3 = Step(table, Vector512.ShiftRightLogical(v, 9), ref x, 48, a3);
                a0 = Step(table, Vector512.ShiftRightLogical(v, 12), ref x, 64, a0);
                a1 = Step(table, Vector512.ShiftRightLogical(v, 15), ref x, 80, a1);
                a2 = Step(table, Vector512.ShiftRightLogical(v, 18), ref x, 96, a2);
                a3 = Step(table, Vector512.ShiftRightLogical(v, 21), ref x, 112, a3);
                return;
            }

            if (TBits.Bits == 4)
            {
                // Lane l's byte b (codes of elements 8l+2b, 8l+2b+1) is the low byte of lane l of a load b bytes further on:
                // the load ports do the byte shifts, and one 4-bit shift per load gives its high nibbles. Four shifts per
                // 128 weights instead of seven (the loads at +1..+3 read one byte of the next chunk, whose bits vpermps ignores).
                // This is the cheapest mix measured: each split load (+1..+3) costs about what a shift costs, the high
                // nibbles need a shift or a stored-and-reloaded (split) copy, and fewer of one means more of the other
                // (docs/quantization.md lists the variants and their times).
                Vector512<int> v1 = Vector512.LoadUnsafe(ref Unsafe.As<byte, int>(ref Unsafe.Add(ref codes, 1)));
                Vector512<int> v2 = Vector512.LoadUnsafe(ref Unsafe.As<byte, int>(ref Unsafe.Add(ref codes, 2)));
                Vector512<int> v3 = Vector512.LoadUnsafe(ref Unsafe.As<byte, int>(ref Unsafe.Add(ref codes, 3)));
                a0 = Step(table, v, ref x, 0, a0);
                a1 = Step(table, Vector512.ShiftRightLogical(v, 4), ref x, 16, a1);
                a2 = Step(table, v1, ref x, 32, a2);
                a3 = Step(table, Vector512.ShiftRightLogical(v1, 4), ref x, 48, a3);
                a0 = Step(table, v2, ref x, 64, a0);
                a1 = Step(table, Vector512.ShiftRightLogical(v2, 4), ref x, 80, a1);
                a2 = Step(table, v3, ref x, 96, a2);
                a3 = Step(table, Vector512.ShiftRightLogical(v3, 4), ref x, 112, a3);
                return;
            }

            // 2 bits: sixteen steps, four per byte of the lane, each byte read by a load 0..3 bytes further on (as for 4
            // bits) and shifted by 0, 2, 4, 6; the table repeats every four entries so the neighbouring code's bits are ignored.
            Vector512<int> u1 = Vector512.LoadUnsafe(ref Unsafe.As<byte, int>(ref Unsafe.Add(ref codes, 1)));
            Vector512<int> u2 = Vector512.LoadUnsafe(ref Unsafe.As<byte, int>(ref Unsafe.Add(ref codes, 2)));
            Vector512<int> u3 = Vector512.LoadUnsafe(ref Unsafe.As<byte, int>(ref Unsafe.Add(ref codes, 3)));
            a0 = Step(table, v, ref x, 0, a0);
            a1 = Step(table, Vector512.ShiftRightLogical(v, 2), ref x, 16, a1);
            a2 = Step(table, Vector512.ShiftRightLogical(v, 4), ref x, 32, a2);
            a3 = Step(table, Vector512.ShiftRightLogical(v, 6), ref x, 48, a3);
            a0 = Step(table, u1, ref x, 64, a0);
            a1 = Step(table, Vector512.ShiftRightLogical(u1, 2), ref x, 80, a1);
            a2 = Step(table, Vector512.ShiftRightLogical(u1, 4), ref x, 96, a2);
            a3 = Step(table, Vector512.ShiftRightLogical(u1, 6), ref x, 112, a3);
            a0 = Step(table, u2, ref x, 128, a0);
            a1 = Step(table, Vector512.ShiftRightLogical(u2, 2), ref x, 144, a1);
            a2 = Step(table, Vector512.ShiftRightLogical(u2, 4), ref x, 160, a2);
            a3 = Step(table, Vector512.ShiftRightLogical(u2, 6), ref x, 176, a3);
            a0 = Step(table, u3, ref x, 192, a0);
            a1 = Step(table, Vector512.ShiftRightLogical(u3, 2), ref x, 208, a1);
            a2 = Step(table, Vector512.ShiftRightLogical(u3, 4), ref x, 224, a2);
            a3 = Step(table, Vector512.ShiftRightLogical(u3, 6), ref x, 240, a3);
        }

        /// <summary>acc + table[low four bits of each lane] * x[offset .. offset + 16].</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector512<float> Step(Vector512<float> table, Vector512<int> lanes, ref float x, nuint offset, Vector512<float> acc)
            => Vector512.FusedMultiplyAdd(Avx512F.PermuteVar16x32(table, lanes), Vector512.LoadUnsafe(ref x, offset), acc);

        /// <summary>
        /// The elements after the last whole chunk (columns not a multiple of the chunk), one by one: s * v * x, or
        /// (s * v - s * z) * x when the zero points are folded (the offsets are all 0 otherwise).
        /// </summary>
        private float Tail(ref byte codes, ref float scale, ref float offset, int start)
        {
            System.ReadOnlySpan<byte> row = MemoryMarshal.CreateReadOnlySpan(ref codes, _rowBytes);
            float sum = 0;
            for (int j = start; j < _columns; j++)
            {
                int code = Rules.CodeBits.Get(row, j, _bits, _highNibbleFirst);
                int g = j / _groupSize;
                sum += System.MathF.FusedMultiplyAdd(_values[code], Unsafe.Add(ref scale, g), Unsafe.Add(ref offset, g & _offsetMask)) * _x[j];
            }

            return sum;
        }

        /// <summary>sum over groups of s_g * (z_g * sum of x over the group), 16 groups per step.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private float Correction(int row, ref float scale)
        {
            ref ushort zero = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_zeros!), (nint)row * _groups);
            ref float xSum = ref MemoryMarshal.GetArrayDataReference(_xSums);
            int g = 0;
            float correction = 0;
            if (_groups >= 16)
            {
                Vector512<float> acc = Vector512<float>.Zero;
                for (; g + 16 <= _groups; g += 16)
                {
                    Vector512<float> z = Vector512.ConvertToSingle(Avx512F.ConvertToVector512Int32(Vector256.LoadUnsafe(ref zero, (nuint)g)));
                    acc = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref scale, (nuint)g), z * Vector512.LoadUnsafe(ref xSum, (nuint)g), acc);
                }

                correction = Vector512.Sum(acc);
            }

            for (; g < _groups; g++)
            {
                correction += Unsafe.Add(ref scale, g) * (Unsafe.Add(ref zero, g) * Unsafe.Add(ref xSum, g));
            }

            return correction;
        }
    }
}
