using System;
using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using NumForge.Blocks.Quant;
using NumForge.Blocks.Quant.Kernels;
using NumForge.Blocks.Quant.Rules;

namespace NumForge
{
    /// <summary>
    /// A weight matrix quantized with a <see cref="QuantScheme"/>: rows are output channels, columns input channels
    /// (row-major), and <see cref="MatVec(ReadOnlySpan{float}, Span{float})"/> computes <c>y = W x</c> straight from the
    /// packed codes. The planes (codes, scales, zero points) are exposed as stored; see docs/quantization.md for the
    /// rules and layouts.
    /// </summary>
    public sealed partial class QuantizedMatrix
    {
        /// <summary>Slack after the last row so vector loads of a final partial chunk stay inside the array.</summary>
        private const int CodePadding = 64;

        /// <summary>Slack after the last scale so a kernel may load 16 scales from any group.</summary>
        private const int ScalePadding = 16;

        private readonly byte[] _codes;
        private readonly int _codeStart;
        private readonly byte[] _scaleBytes;
        private readonly float[] _scaleValues;
        private readonly ushort[]? _zeros;
        private readonly int[]? _columnOrder;
        private readonly float[]? _elementValues;
        private readonly IGgmlBlocks? _ggml;
        private float[]? _zeroOffsets;

        private QuantizedMatrix(int rows, int columns, QuantScheme scheme, byte[] codes, int codeStart, byte[] scaleBytes, ushort[]? zeros, float tensorScale, int[]? columnOrder)
        {
            Rows = rows;
            Columns = columns;
            Scheme = scheme;
            GroupSize = ResolvedGroupSize(scheme, columns);
            GroupsPerRow = columns / GroupSize;
            RowBytes = CodeBits.RowBytes(columns, scheme.Bits);
            TensorScale = tensorScale;
            _codes = codes;
            _codeStart = codeStart;
            _scaleBytes = scaleBytes;
            _zeros = zeros;
            _columnOrder = columnOrder;
            _elementValues = ElementValues(scheme);
            _scaleValues = DecodeScales(scheme, scaleBytes, tensorScale);
        }

        /// <summary>A ggml scheme's matrix: the blocks live in <paramref name="ggml"/>; the planes of this class stay empty.</summary>
        private QuantizedMatrix(int rows, int columns, QuantScheme scheme, IGgmlBlocks ggml)
        {
            Rows = rows;
            Columns = columns;
            Scheme = scheme;
            GroupSize = ggml.BlockSize;
            GroupsPerRow = columns / GroupSize;
            RowBytes = GroupsPerRow * ggml.BlockBytes;
            TensorScale = 1f;
            _codes = [];
            _scaleBytes = [];
            _scaleValues = [];
            _ggml = ggml;
        }

        /// <summary>Output channels (rows of W, elements of y).</summary>
        public int Rows { get; }

        /// <summary>Input channels (columns of W, elements of x).</summary>
        public int Columns { get; }

        /// <summary>The scheme the codes are stored in.</summary>
        public QuantScheme Scheme { get; }

        /// <summary>Elements per scale: the scheme's group (block) size, or <see cref="Columns"/> for <c>G-1</c>.</summary>
        public int GroupSize { get; }

        /// <summary>Scales per row: <see cref="Columns"/> / <see cref="GroupSize"/>.</summary>
        public int GroupsPerRow { get; }

        /// <summary>Bytes of packed codes per row (the last byte of a row padded when the bits do not fill it).</summary>
        public int RowBytes { get; }

        /// <summary>
        /// The packed codes, row by row (<see cref="RowBytes"/> each), in stored column order (<see cref="ColumnOrder"/>):
        /// an LSB-first bit stream (the even element in the low nibble for 4 bits; NF4 alone puts it in the high nibble).
        /// W{N}G{M} codes are unsigned (0 .. 2^N - 1); MX/NVFP4 codes are the element format's bits; NF4 codes index the codebook.
        /// For a ggml scheme: the blocks' bytes exactly as ggml lays them out (scales inside; see <see cref="GetBlocks{TBlock}"/>).
        /// </summary>
        public ReadOnlySpan<byte> Codes => _ggml is null ? _codes.AsSpan(_codeStart, Rows * RowBytes) : _ggml.Bytes;

        /// <summary>The scale plane as stored, [rows, groups] little-endian: Half (W{N}G{M}), E8M0 bytes (MX), E4M3 bytes (NVFP4), float32 (NF4); empty for ggml schemes.</summary>
        public ReadOnlySpan<byte> ScaleBytes => _scaleBytes;

        /// <summary>
        /// Each group's multiplier as float32, [rows, groups]: the Half scale (W{N}G{M}), 2^e (MX; NaN for the 0xFF scale),
        /// E4M3 block scale times tensor scale rounded once (NVFP4), the absmax (NF4); empty for ggml schemes. The stored bits are <see cref="ScaleBytes"/>.
        /// </summary>
        public ReadOnlySpan<float> Scales => _scaleValues.AsSpan(0, _ggml is null ? Rows * GroupsPerRow : 0);

        /// <summary>
        /// The element type of the scale plane: <see cref="Half"/>, <see cref="Float8E8M0FNU"/>, <see cref="Float8E4M3FN"/> or
        /// <see cref="float"/>; for a ggml scheme the block type, whose blocks hold their own scales (<see cref="GetBlocks{TBlock}"/>).
        /// </summary>
        public Type ScaleType => Scheme.Kind switch
        {
            QuantSchemeKind.Ggml => _ggml!.BlockType,
            QuantSchemeKind.WeightOnly => typeof(Half),
            QuantSchemeKind.Mx => typeof(Float8E8M0FNU),
            QuantSchemeKind.Nvfp4 => typeof(Float8E4M3FN),
            _ => typeof(float),
        };

        /// <summary>
        /// Zero points [rows, groups] for W{N}G{M} schemes (2^(N-1) throughout for the symmetric variant; up to 2^N for a
        /// GPTQ checkpoint, whose zero-minus-one convention can store 2^N); empty for the other schemes.
        /// </summary>
        public ReadOnlySpan<ushort> ZeroPoints => _zeros;

        /// <summary>NVFP4's float32 tensor scale (<c>amax / (6 * 448)</c>); 1 for the other schemes.</summary>
        public float TensorScale { get; }

        /// <summary>
        /// Where each stored column came from: stored column j holds input channel <c>ColumnOrder[j]</c> (a GPTQ act-order
        /// checkpoint, sorted by group). Empty when the columns are in their natural order.
        /// </summary>
        public ReadOnlySpan<int> ColumnOrder => _columnOrder;

        /// <summary>Stored bits per weight: codes, scales, zero points (N bits each) and the tensor scale.</summary>
        public double BitsPerWeight
        {
            get
            {
                if (_ggml is not null)
                {
                    return 8.0 * _ggml.BlockBytes / _ggml.BlockSize;
                }

                double weights = (double)Rows * Columns;
                double groups = (double)Rows * GroupsPerRow;
                double scaleBits = Scheme.Kind switch
                {
                    QuantSchemeKind.WeightOnly => 16 + (Scheme.Symmetric ? 0 : Scheme.Bits),
                    QuantSchemeKind.Nf4 => 32,
                    _ => 8,
                };
                double tensorBits = Scheme.Kind == QuantSchemeKind.Nvfp4 ? 32 : 0;
                return Scheme.Bits + ((groups * scaleBits) + tensorBits) / weights;
            }
        }

        internal byte[] CodeArray => _codes;

        /// <summary>Where row 0 starts in <see cref="CodeArray"/>: the codes are 64-byte aligned (see <see cref="AllocateCodes"/>).</summary>
        internal int CodeStart => _codeStart;

        /// <summary>
        /// A zeroed code plane of <paramref name="bytes"/> bytes plus padding, on the pinned heap so it never moves, with
        /// row 0 at a 64-byte boundary (<paramref name="start"/>): the AVX-512 kernels then never split a load of a
        /// 64-byte-aligned chunk across two cache lines.
        /// </summary>
        private static unsafe byte[] AllocateCodes(long bytes, out int start)
        {
            byte[] codes = GC.AllocateArray<byte>(checked((int)(bytes + CodePadding + 63)), pinned: true);
            nint address = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(codes));
            start = (int)((64 - (address & 63)) & 63);
            return codes;
        }

        internal float[] ScaleValues => _scaleValues;

        internal ushort[]? ZeroArray => _zeros;

        /// <summary>
        /// Each group's <c>-s_g * z_g</c> as float32, [rows, groups], built on first use (W{N}G{M} only; null otherwise):
        /// the lane kernel's group table <c>q * s - s * z</c> is then one FMA and equals the dequantized weights exactly
        /// (a Half scale has 11 significant bits, a zero point at most 9, so both products are exact floats).
        /// </summary>
        internal float[]? ZeroOffsets
        {
            get
            {
                if (_zeros is null)
                {
                    return null;
                }

                // A race builds the same array twice; either copy is right.
                float[]? offsets = Volatile.Read(ref _zeroOffsets);
                if (offsets is null)
                {
                    offsets = new float[_zeros.Length];
                    for (int i = 0; i < offsets.Length; i++)
                    {
                        offsets[i] = -(_scaleValues[i] * _zeros[i]);
                    }

                    Volatile.Write(ref _zeroOffsets, offsets);
                }

                return offsets;
            }
        }

        /// <summary>The scale plane reinterpreted as <typeparamref name="T"/> (zero copy); T must be <see cref="ScaleType"/>.</summary>
        /// <exception cref="InvalidOperationException">T is not the scale type.</exception>
        public ReadOnlySpan<T> GetScales<T>()
            where T : unmanaged
        {
            ThrowIfGgml("scales");
            if (typeof(T) != ScaleType)
            {
                throw new InvalidOperationException($"{Scheme} stores its scales as {ScaleType.Name}, not {typeof(T).Name}.");
            }

            return MemoryMarshal.Cast<byte, T>(_scaleBytes);
        }

        /// <summary>The multiplier of a group: the Half scale as float, 2^e (MX), block scale * tensor scale (NVFP4), or absmax (NF4).</summary>
        public float GetScale(int row, int group)
        {
            ThrowIfGgml("scales");
            ArgumentOutOfRangeException.ThrowIfNegative(row);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, Rows);
            ArgumentOutOfRangeException.ThrowIfNegative(group);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(group, GroupsPerRow);
            return _scaleValues[(row * GroupsPerRow) + group];
        }

        /// <summary>The code at (row, stored column).</summary>
        public int GetCode(int row, int storedColumn)
        {
            ThrowIfGgml("codes");
            ArgumentOutOfRangeException.ThrowIfNegative(row);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, Rows);
            ArgumentOutOfRangeException.ThrowIfNegative(storedColumn);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(storedColumn, Columns);
            return CodeBits.Get(_codes.AsSpan(_codeStart + (row * RowBytes), RowBytes), storedColumn, Scheme.Bits, Scheme.Kind == QuantSchemeKind.Nf4);
        }

        /// <summary>The ggml block type of a ggml scheme's matrix (<c>typeof(BlockQ4_K)</c> for <c>Q4_K</c>); null for the other schemes.</summary>
        public Type? BlockType => _ggml?.BlockType;

        /// <summary>A ggml scheme's blocks, row after row (<see cref="GroupsPerRow"/> per row), zero copy.</summary>
        /// <typeparam name="TBlock">The block type of the scheme (<see cref="BlockType"/>).</typeparam>
        /// <exception cref="InvalidOperationException">The scheme is not the ggml type <typeparamref name="TBlock"/>.</exception>
        public ReadOnlySpan<TBlock> GetBlocks<TBlock>()
            where TBlock : unmanaged, IBlockFormat<TBlock>
        {
            if (_ggml?.Matrix is not QuantizedMatrix<TBlock> blocks)
            {
                throw new InvalidOperationException($"{Scheme} is not stored in {typeof(TBlock).Name} blocks{(_ggml is null ? " (only the ggml schemes are)" : $" but in {_ggml.BlockType.Name}")}.");
            }

            return blocks.Blocks;
        }

        /// <summary>A ggml-scheme matrix over existing blocks (copied), e.g. a tensor read from a GGUF file.</summary>
        /// <typeparam name="TBlock">A ggml block type with a scheme name (<c>BlockQ4_0</c> ... <c>BlockQ6_K</c>).</typeparam>
        /// <param name="blocks">rows * columns / BlockSize blocks, row after row.</param>
        /// <param name="rows">Output channels.</param>
        /// <param name="columns">Input channels, a multiple of the block size.</param>
        /// <exception cref="ArgumentException">The block count does not match the shape, or the block type has no scheme name.</exception>
        public static QuantizedMatrix FromBlocks<TBlock>(ReadOnlySpan<TBlock> blocks, int rows, int columns)
            where TBlock : unmanaged, IBlockFormat<TBlock>
        {
            if (!GgmlBlocks.TrySchemeOf<TBlock>(out QuantScheme scheme))
            {
                throw new ArgumentException($"{typeof(TBlock).Name} is not one of the ggml schemes ({QuantScheme.ValidNames}).", nameof(blocks));
            }

            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
            return new QuantizedMatrix(rows, columns, scheme, GgmlBlocks.Wrap(QuantizedMatrix<TBlock>.FromBlocks(blocks, rows, columns)));
        }

        /// <summary>Quantizes a row-major matrix with the scheme's reference rule (see docs/quantization.md).</summary>
        /// <param name="weights">rows * columns weights, row-major (row = output channel).</param>
        /// <param name="rows">Output channels.</param>
        /// <param name="columns">Input channels: a multiple of the group size (32 for MX, 16 for NVFP4, 64 for NF4).</param>
        /// <param name="scheme">The scheme.</param>
        /// <exception cref="ArgumentException">The sizes disagree, the columns are not a multiple of the group, a weight is
        /// NaN or infinite (only MX schemes encode those), or a group's range is too wide for a Half scale.</exception>
        public static QuantizedMatrix Quantize(ReadOnlySpan<float> weights, int rows, int columns, QuantScheme scheme)
            => Quantize(weights, rows, columns, scheme, QuantizeOptions.Default);

        /// <summary>Quantizes a row-major matrix; <paramref name="options"/> may ask for the error-minimizing search or one thread.</summary>
        /// <param name="weights">rows * columns weights, row-major (row = output channel).</param>
        /// <param name="rows">Output channels.</param>
        /// <param name="columns">Input channels: a multiple of the group size (32 for MX, 16 for NVFP4, 64 for NF4).</param>
        /// <param name="scheme">The scheme.</param>
        /// <param name="options">Error-minimizing search, threading.</param>
        /// <exception cref="ArgumentException">The sizes disagree, the columns are not a multiple of the group, a weight is
        /// NaN or infinite (only MX schemes encode those), or a group's range is too wide for a Half scale.</exception>
        public static unsafe QuantizedMatrix Quantize(ReadOnlySpan<float> weights, int rows, int columns, QuantScheme scheme, QuantizeOptions options)
        {
            ArgumentNullException.ThrowIfNull(options);
            CheckShape(rows, columns, scheme);
            if ((long)weights.Length != (long)rows * columns)
            {
                throw new ArgumentException($"weights has {weights.Length} elements but rows x columns = {rows} x {columns} = {(long)rows * columns}.", nameof(weights));
            }

            float amax = scheme.Kind == QuantSchemeKind.Mx ? 0 : CheckFinite(weights, columns, scheme);
            if (scheme.Kind == QuantSchemeKind.Ggml)
            {
                return new QuantizedMatrix(rows, columns, scheme, GgmlBlocks.Quantize(scheme, weights, rows, columns));
            }

            float tensorScale = scheme.Kind == QuantSchemeKind.Nvfp4 ? Nvfp4Rule.TensorScale(amax) : 1f;
            int groupSize = ResolvedGroupSize(scheme, columns);
            int groups = columns / groupSize;
            int rowBytes = CodeBits.RowBytes(columns, scheme.Bits);
            byte[] codes = AllocateCodes((long)rows * rowBytes, out int codeStart);
            int scaleSize = scheme.Kind switch { QuantSchemeKind.WeightOnly => 2, QuantSchemeKind.Nf4 => 4, _ => 1 };
            var scales = new byte[(long)rows * groups * scaleSize];
            ushort[]? zeros = scheme.Kind == QuantSchemeKind.WeightOnly ? new ushort[(long)rows * groups] : null;

            int length = weights.Length;
            fixed (float* source = weights)
            {
                nint address = (nint)source;
                void QuantizeRows(int first, int end, RowScratch scratch)
                {
                    var all = new ReadOnlySpan<float>((float*)address, length);
                    for (int r = first; r < end; r++)
                    {
                        ReadOnlySpan<float> row = all.Slice(r * columns, columns);
                        Span<byte> rowCodes = codes.AsSpan(codeStart + (r * rowBytes), rowBytes);
                        Span<byte> rowScales = scales.AsSpan(r * groups * scaleSize, groups * scaleSize);
                        QuantizeRow(row, r, scheme, options, groupSize, tensorScale, rowCodes, rowScales, zeros.AsSpan(), scratch);
                    }
                }

                const int RowsPerTask = 16;
                bool parallel = !options.SingleThreaded && (long)rows * columns >= (1L << 18) && Environment.ProcessorCount > 1 && rows > RowsPerTask;
                if (!parallel)
                {
                    QuantizeRows(0, rows, new RowScratch(columns));
                }
                else
                {
                    try
                    {
                        int tasks = (rows + RowsPerTask - 1) / RowsPerTask;
                        Parallel.For(0, tasks, () => new RowScratch(columns), (task, _, scratch) =>
                        {
                            QuantizeRows(task * RowsPerTask, Math.Min(rows, (task + 1) * RowsPerTask), scratch);
                            return scratch;
                        }, _ => { });
                    }
                    catch (AggregateException aggregate) when (aggregate.InnerExceptions.Count > 0)
                    {
                        ExceptionDispatchInfo.Capture(aggregate.InnerExceptions[0]).Throw();
                        throw;
                    }
                }
            }

            return new QuantizedMatrix(rows, columns, scheme, codes, codeStart, scales, zeros, tensorScale, null);
        }

        private sealed class RowScratch(int columns)
        {
            public byte[] Codes { get; } = new byte[columns];

            public float[] Scaled { get; } = new float[columns];
        }

        private static void QuantizeRow(ReadOnlySpan<float> row, int r, QuantScheme scheme, QuantizeOptions options, int groupSize, float tensorScale, Span<byte> rowCodes, Span<byte> rowScales, Span<ushort> allZeros, RowScratch scratch)
        {
            Span<byte> codes = scratch.Codes;
            switch (scheme.Kind)
            {
                case QuantSchemeKind.WeightOnly:
                    int groups = row.Length / groupSize;
                    Span<Half> halfScales = MemoryMarshal.Cast<byte, Half>(rowScales);
                    for (int g = 0; g < groups; g++)
                    {
                        ReadOnlySpan<float> w = row.Slice(g * groupSize, groupSize);
                        Span<byte> c = codes.Slice(g * groupSize, groupSize);
                        (Half scale, int zero) = options.MinimizeError
                            ? AffineRule.MinimizeError(w, c, scheme.Bits, scheme.Symmetric)
                            : AffineRule.RoundToNearest(w, c, scheme.Bits, scheme.Symmetric);
                        if (!Half.IsFinite(scale))
                        {
                            throw new ArgumentException($"Row {r}, group {g} spans a range too wide for a Half scale ({scheme} needs (max - min) / {(1 << scheme.Bits) - 1} <= 65504).", "weights");
                        }

                        halfScales[g] = scale;
                        allZeros[(r * groups) + g] = (ushort)zero;
                    }

                    CodeBits.Pack(codes, rowCodes, scheme.Bits);
                    break;
                case QuantSchemeKind.Mx:
                    MxRule.QuantizeRow(row, scheme.MxElement, codes, rowScales, scratch.Scaled);
                    CodeBits.Pack(codes, rowCodes, scheme.Bits);
                    break;
                case QuantSchemeKind.Nvfp4:
                    Nvfp4Rule.QuantizeRow(row, tensorScale, codes, rowScales, scratch.Scaled);
                    CodeBits.Pack(codes, rowCodes, 4);
                    break;
                default:
                    Nf4Rule.QuantizeRow(row, codes, MemoryMarshal.Cast<byte, float>(rowScales));
                    CodeBits.Pack(codes, rowCodes, 4, highNibbleFirst: true);
                    break;
            }
        }

        /// <summary>Writes the dequantized matrix (row-major, original column order) to <paramref name="destination"/>.</summary>
        /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than rows * columns.</exception>
        public void Dequantize(Span<float> destination)
        {
            if ((long)destination.Length < (long)Rows * Columns)
            {
                throw new ArgumentException($"Destination is too short: {destination.Length} elements for a {Rows} x {Columns} matrix.", nameof(destination));
            }

            if (_ggml is not null)
            {
                _ggml.Dequantize(destination[..(Rows * Columns)]);
                return;
            }

            GroupDequantizer.Run(this, _elementValues, destination);
        }

        /// <summary>Computes <c>y = W x</c> from the packed codes (every core for large matrices).</summary>
        /// <inheritdoc cref="MatVec(ReadOnlySpan{float}, Span{float}, MatVecOptions)"/>
        public void MatVec(ReadOnlySpan<float> x, Span<float> y) => MatVec(x, y, default);

        /// <summary>
        /// Computes <c>y = W x</c> from the packed codes, dequantizing on the fly with float32 accumulation (or, with
        /// <see cref="MatVecOptions.Int8Activations"/>, integer dot products with x rounded to int8). Each <c>y[r]</c> is
        /// within <see cref="MatVecErrorBound(ReadOnlySpan{float}, Span{float}, MatVecOptions)"/> of the exact sum of the dequantized products.
        /// </summary>
        /// <param name="x">The input vector, <see cref="Columns"/> elements.</param>
        /// <param name="y">The output, at least <see cref="Rows"/> elements (the first Rows are written).</param>
        /// <param name="options">Threading (and, for tests, the vector width).</param>
        /// <exception cref="ArgumentException"><paramref name="x"/> is not Columns long, or <paramref name="y"/> is shorter than Rows.</exception>
        public void MatVec(ReadOnlySpan<float> x, Span<float> y, MatVecOptions options)
        {
            if (x.Length != Columns)
            {
                throw new ArgumentException($"x has {x.Length} elements but the matrix has {Columns} columns.", nameof(x));
            }

            if (y.Length < Rows)
            {
                throw new ArgumentException($"Destination is too short: {y.Length} elements for {Rows} rows.", nameof(y));
            }

            if (_ggml is not null)
            {
                _ggml.MatVec(x, y, options.Int8Activations ? MatVecActivation.Int8 : MatVecActivation.Float, options.SingleThreaded ? 1 : -1);
                return;
            }

            int width = VectorWidth.Resolve(options.VectorBits);
            if (options.Int8Activations && Int8NibbleRowDot.Fits(this))
            {
                Int8Activation activation = QuantizeActivation(x);
                MatVecDriver.Run(new Int8NibbleRowDot(this, activation, width), Rows, Columns, y[..Rows], !options.SingleThreaded);
                return;
            }

            // x in stored order: in the aligned per-thread buffer for the kernels that read it directly, from the pool
            // when the lane kernel reads a lane-order copy (which then takes the aligned buffer).
            int laneStart = 0, xStart = 0;
            float[]? laneX = LaneLayout.Fits(this, width) ? AlignedScratch.Rent(Columns, out laneStart) : null;
            float[] prepared = laneX is null ? AlignedScratch.Rent(Columns, out xStart) : ArrayPool<float>.Shared.Rent(Columns);
            float[] sums = ArrayPool<float>.Shared.Rent(GroupsPerRow);
            try
            {
                // The lane kernel folds whole-chunk groups' zero points into its tables: no group sums of x needed.
                Prepare(x, prepared.AsSpan(xStart, Columns), sums, groupSums: laneX is null || !LaneLayout.FoldsZeros(this));
                if (laneX is not null)
                {
                    bool nf4 = Scheme.Kind == QuantSchemeKind.Nf4;
                    LaneLayout.Prepare(prepared.AsSpan(0, Columns), laneX.AsSpan(laneStart), Scheme.Bits, nf4);
                    if (Scheme.Bits == 4)
                    {
                        MatVecDriver.Run(new LaneTableRowDot<FourBits>(this, _elementValues ?? s_nibbleCodes, laneX, laneStart, prepared, sums, nf4), Rows, Columns, y[..Rows], !options.SingleThreaded);
                    }
                    else if (Scheme.Bits == 3)
                    {
                        MatVecDriver.Run(new LaneTableRowDot<ThreeBits>(this, s_tripletCodes, laneX, laneStart, prepared, sums, nf4), Rows, Columns, y[..Rows], !options.SingleThreaded);
                    }
                    else
                    {
                        MatVecDriver.Run(new LaneTableRowDot<TwoBits>(this, s_crumbCodes, laneX, laneStart, prepared, sums, nf4), Rows, Columns, y[..Rows], !options.SingleThreaded);
                    }
                }
                else
                {
                    Run(prepared, xStart, sums, y[..Rows], !options.SingleThreaded, width);
                }
            }
            finally
            {
                if (laneX is not null)
                {
                    ArrayPool<float>.Shared.Return(prepared);
                }

                ArrayPool<float>.Shared.Return(sums);
            }
        }

        /// <summary>
        /// Multiplies a batch: <paramref name="x"/> holds <paramref name="count"/> input vectors of <see cref="Columns"/>
        /// (row-major [count, columns]) and <paramref name="y"/> receives [count, rows]; each is one <see cref="MatVec(ReadOnlySpan{float}, Span{float}, MatVecOptions)"/>.
        /// </summary>
        /// <exception cref="ArgumentException">The spans do not hold count vectors.</exception>
        public void MatMul(ReadOnlySpan<float> x, int count, Span<float> y, MatVecOptions options = default)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(count);
            if ((long)x.Length != (long)count * Columns)
            {
                throw new ArgumentException($"x has {x.Length} elements but {count} vectors of {Columns} columns need {(long)count * Columns}.", nameof(x));
            }

            if ((long)y.Length < (long)count * Rows)
            {
                throw new ArgumentException($"Destination is too short: {y.Length} elements for {count} vectors of {Rows} rows.", nameof(y));
            }

            for (int v = 0; v < count; v++)
            {
                MatVec(x.Slice(v * Columns, Columns), y.Slice(v * Rows, Rows), options);
            }
        }

        /// <summary>Multiplies a batch of <c>x.Length / Columns</c> vectors (row-major) into <paramref name="y"/> ([count, rows]).</summary>
        /// <exception cref="ArgumentException">x is not a whole number of vectors, or y is too short.</exception>
        public void MatMul(ReadOnlySpan<float> x, Span<float> y)
        {
            if (x.Length % Columns != 0)
            {
                throw new ArgumentException($"x has {x.Length} elements, not a whole number of {Columns}-column vectors.", nameof(x));
            }

            MatMul(x, x.Length / Columns, y);
        }

        /// <summary>
        /// The documented bound of <see cref="MatVec(ReadOnlySpan{float}, Span{float}, MatVecOptions)"/>: for each row,
        /// <c>|y[r] - sum_c w'[r,c] x[c]| &lt;= (Columns + GroupsPerRow + 8) * 2^-24 * sum_c |s_g| (|v_c| + |z_g|) |x_c|</c>,
        /// where w' is the dequantized weight, s_g the group's multiplier, v_c the code's value and z_g the zero point
        /// (0 outside W{N}G{M}): the float32 rounding of every product and partial sum, whatever the order. For a ggml
        /// scheme (each row dequantized by the block type, then dotted with x) it is <c>(Columns + 16) * 2^-23 * sum_c |w'[r,c] x[c]|</c>.
        /// </summary>
        /// <param name="x">The input vector.</param>
        /// <param name="bound">Receives the bound of each row.</param>
        public void MatVecErrorBound(ReadOnlySpan<float> x, Span<float> bound)
        {
            if (x.Length != Columns || bound.Length < Rows)
            {
                throw new ArgumentException($"x must have {Columns} elements and bound at least {Rows}.", nameof(x));
            }

            if (_ggml is not null)
            {
                GgmlFloatBound(x, bound);
                return;
            }

            double factor = (Columns + GroupsPerRow + 8) * Math.ScaleB(1.0, -24) * (1 + Math.ScaleB(1.0, -20));
            bool high = Scheme.Kind == QuantSchemeKind.Nf4;
            for (int r = 0; r < Rows; r++)
            {
                ReadOnlySpan<byte> rowCodes = _codes.AsSpan(_codeStart + (r * RowBytes), RowBytes);
                double sum = 0;
                for (int j = 0; j < Columns; j++)
                {
                    int g = (r * GroupsPerRow) + (j / GroupSize);
                    int code = CodeBits.Get(rowCodes, j, Scheme.Bits, high);
                    double magnitude = _zeros is null ? Math.Abs(_elementValues![code]) : code + _zeros[g];
                    sum += Math.Abs(_scaleValues[g]) * magnitude * Math.Abs(x[_columnOrder is null ? j : _columnOrder[j]]);
                }

                bound[r] = (float)(sum * factor * (1 + Math.ScaleB(1.0, -20)));
            }
        }

        /// <summary>
        /// The documented bound of <see cref="MatVec(ReadOnlySpan{float}, Span{float}, MatVecOptions)"/> with these options.
        /// Float activations: as <see cref="MatVecErrorBound(ReadOnlySpan{float}, Span{float})"/>. Int8 activations (W4 with
        /// groups of a multiple of 64): <c>sum_c |w'[r,c]| delta_c + (Columns + GroupsPerRow + 8) * 2^-24 * sum_c |s_g| (|v_c| + |z_g|) (|x_c| + delta_c)</c>,
        /// where <c>delta_c = 1.001 * d_b / 2</c> is half a step of the int8 grid of x's 32-element block b (d_b = its amax / 127):
        /// the rounding of x to int8, then float32 rounding as for float activations.
        /// </summary>
        /// <param name="x">The input vector.</param>
        /// <param name="bound">Receives the bound of each row.</param>
        /// <param name="options">The options MatVec runs with (threading does not change the bound).</param>
        /// <exception cref="NotSupportedException">Int8 activations on a ggml scheme: see docs/ggml.md for that bound.</exception>
        public void MatVecErrorBound(ReadOnlySpan<float> x, Span<float> bound, MatVecOptions options)
        {
            if (!options.Int8Activations || (_ggml is null && !Int8NibbleRowDot.Fits(this)))
            {
                MatVecErrorBound(x, bound);
                return;
            }

            if (_ggml is not null)
            {
                throw new NotSupportedException($"The int8-activation bound of {Scheme} depends on its blocks' internals; docs/ggml.md gives it.");
            }

            if (x.Length != Columns || bound.Length < Rows)
            {
                throw new ArgumentException($"x must have {Columns} elements and bound at least {Rows}.", nameof(x));
            }

            Int8Activation activation = QuantizeActivation(x);
            double factor = (Columns + GroupsPerRow + 8) * Math.ScaleB(1.0, -24) * (1 + Math.ScaleB(1.0, -20));
            for (int r = 0; r < Rows; r++)
            {
                ReadOnlySpan<byte> rowCodes = _codes.AsSpan(_codeStart + (r * RowBytes), RowBytes);
                double rounding = 0, activationError = 0;
                for (int j = 0; j < Columns; j++)
                {
                    int g = (r * GroupsPerRow) + (j / GroupSize);
                    int code = CodeBits.Get(rowCodes, j, 4, false);
                    double delta = 1.001 * activation.BlockScales[j / 32] / 2;
                    double xj = Math.Abs(x[_columnOrder is null ? j : _columnOrder[j]]);
                    double s = Math.Abs(_scaleValues[g]);
                    activationError += s * Math.Abs(code - _zeros![g]) * delta;
                    rounding += s * (code + _zeros[g]) * (xj + delta);
                }

                bound[r] = (float)((activationError + (rounding * factor)) * (1 + Math.ScaleB(1.0, -20)));
            }
        }

        /// <summary>ggml float path: each row dequantized exactly, then a float32 dot: <c>(Columns + 16) * 2^-23 * sum_c |w'[r,c] x[c]|</c>.</summary>
        private void GgmlFloatBound(ReadOnlySpan<float> x, Span<float> bound)
        {
            float[] restored = new float[(long)Rows * Columns];
            _ggml!.Dequantize(restored);
            double factor = (Columns + 16) * Math.ScaleB(1.0, -23);
            for (int r = 0; r < Rows; r++)
            {
                double sum = 0;
                for (int j = 0; j < Columns; j++)
                {
                    sum += Math.Abs((double)restored[((long)r * Columns) + j] * x[j]);
                }

                bound[r] = (float)(sum * factor * (1 + Math.ScaleB(1.0, -20)));
            }
        }

        /// <summary>x in stored column order, quantized to int8 for the int8-activation kernel.</summary>
        private Int8Activation QuantizeActivation(ReadOnlySpan<float> x)
        {
            if (_columnOrder is null)
            {
                return new Int8Activation(x, GroupSize);
            }

            float[] stored = new float[Columns];
            for (int j = 0; j < Columns; j++)
            {
                stored[j] = x[_columnOrder[j]];
            }

            return new Int8Activation(stored, GroupSize);
        }

        /// <summary>Compares the dequantized matrix with the weights it came from.</summary>
        /// <param name="original">The original weights, row-major rows * columns.</param>
        /// <exception cref="ArgumentException"><paramref name="original"/> has the wrong length.</exception>
        public QuantError Measure(ReadOnlySpan<float> original)
        {
            if ((long)original.Length != (long)Rows * Columns)
            {
                throw new ArgumentException($"original has {original.Length} elements but the matrix is {Rows} x {Columns}.", nameof(original));
            }

            float[] restored = new float[original.Length];
            Dequantize(restored);
            double signal = 0, noise = 0, max = 0;
            for (int i = 0; i < original.Length; i++)
            {
                double e = (double)restored[i] - original[i];
                signal += (double)original[i] * original[i];
                noise += e * e;
                max = Math.Max(max, Math.Abs(e));
                if (double.IsNaN(e))
                {
                    max = double.NaN;
                }
            }

            double sqnr = noise == 0 ? double.PositiveInfinity : 10 * Math.Log10(signal / noise);
            return new QuantError(Math.Sqrt(noise / original.Length), sqnr, max, BitsPerWeight);
        }

        private void Prepare(ReadOnlySpan<float> x, Span<float> prepared, float[] sums, bool groupSums)
        {
            if (_columnOrder is null)
            {
                x.CopyTo(prepared);
            }
            else
            {
                for (int j = 0; j < Columns; j++)
                {
                    prepared[j] = x[_columnOrder[j]];
                }
            }

            if (_zeros is not null && groupSums)
            {
                for (int g = 0; g < GroupsPerRow; g++)
                {
                    float sum = 0;
                    foreach (float v in prepared.Slice(g * GroupSize, GroupSize))
                    {
                        sum += v;
                    }

                    sums[g] = sum;
                }
            }
        }

        private void Run(float[] x, int xStart, float[] sums, Span<float> y, bool parallel, int width)
        {
            switch (Scheme.Kind)
            {
                case QuantSchemeKind.WeightOnly when Scheme.Bits == 4:
                    RunVector(new NibbleDot<IntegerLowNibble>(width, s_nibbleCodes), x, xStart, sums, y, parallel, width);
                    break;
                case QuantSchemeKind.WeightOnly when Scheme.Bits == 8:
                    RunVector(new ByteDot(width), x, xStart, sums, y, parallel, width);
                    break;
                case QuantSchemeKind.WeightOnly when Scheme.Bits == 2:
                    RunWith(new CrumbDot(width), x, xStart, sums, y, parallel);
                    break;
                case QuantSchemeKind.WeightOnly when Scheme.Bits == 3:
                    RunWith(new TripletDot(width), x, xStart, sums, y, parallel);
                    break;
                case QuantSchemeKind.Mx when Int8BlockRowDot.Fits(this):
                    MatVecDriver.Run(new Int8BlockRowDot(this, x, xStart, width), Rows, Columns, y, parallel);
                    break;
                case QuantSchemeKind.Mx when Scheme.Bits == 8:
                    RunWith(new ByteTableDot(width, _elementValues!), x, xStart, sums, y, parallel);
                    break;
                case QuantSchemeKind.Nvfp4:
                case QuantSchemeKind.Mx when Scheme.Bits == 4:
                    RunVector(new NibbleDot<TableLowNibble>(width, _elementValues!), x, xStart, sums, y, parallel, width);
                    break;
                case QuantSchemeKind.Nf4:
                    RunVector(new NibbleDot<TableHighNibble>(width, _elementValues!), x, xStart, sums, y, parallel, width);
                    break;
                default:
                    RunWith(new BitStreamDot(Scheme.Bits, _elementValues, false, width), x, xStart, sums, y, parallel);
                    break;
            }
        }

        /// <summary>One vector accumulator per row where the groups fit the vector step; the per-group kernel otherwise.</summary>
        private void RunVector<TDot>(TDot dot, float[] x, int xStart, float[] sums, Span<float> y, bool parallel, int width)
            where TDot : struct, IVectorGroupDot
        {
            if (width == 512 && !VectorRowDot<TDot>.Fits(this, 512))
            {
                // Groups of 16 (NVFP4, W4G16): the 256-bit row kernel takes them whole.
                width = 256;
            }

            if (VectorRowDot<TDot>.Fits(this, width))
            {
                MatVecDriver.Run(new VectorRowDot<TDot>(this, x, xStart, sums, width, dot), Rows, Columns, y, parallel);
            }
            else
            {
                RunWith(dot, x, xStart, sums, y, parallel);
            }
        }

        private void RunWith<TDot>(TDot dot, float[] x, int xStart, float[] sums, Span<float> y, bool parallel)
            where TDot : struct, IGroupDot
            => MatVecDriver.Run(new GroupedRowDot<TDot>(this, x, xStart, sums, dot), Rows, Columns, y, parallel);

        private static readonly float[] s_nibbleCodes = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15];

        private static readonly float[] s_crumbCodes = [0, 1, 2, 3];

        private static readonly float[] s_tripletCodes = [0, 1, 2, 3, 4, 5, 6, 7];

        private void ThrowIfGgml(string plane)
        {
            if (_ggml is not null)
            {
                throw new InvalidOperationException($"{Scheme} keeps its {plane} inside {_ggml.BlockType.Name} blocks: read them with GetBlocks<{_ggml.BlockType.Name}>() or Dequantize.");
            }
        }

        private static int ResolvedGroupSize(QuantScheme scheme, int columns) => scheme.GroupSize == -1 ? columns : scheme.GroupSize;

        private static void CheckShape(int rows, int columns, QuantScheme scheme)
        {
            if (scheme == default)
            {
                throw new ArgumentException("The scheme is default(QuantScheme); use QuantScheme.Parse or a named scheme.", nameof(scheme));
            }

            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
            int group = ResolvedGroupSize(scheme, columns);
            if (columns % group != 0)
            {
                throw new ArgumentException($"columns ({columns}) is not a multiple of {scheme}'s group size {group}.", nameof(columns));
            }
        }

        /// <summary>Checks that every weight is finite (what every scheme but MX needs); returns the absolute maximum.</summary>
        private static float CheckFinite(ReadOnlySpan<float> weights, int columns, QuantScheme scheme)
        {
            float amax = AbsMax.Of(weights, out bool finite);
            if (finite)
            {
                return amax;
            }

            for (int i = 0; i < weights.Length; i++)
            {
                float v = weights[i];
                if (!float.IsFinite(v))
                {
                    throw new ArgumentException($"weights[{i}] (row {i / columns}, column {i % columns}) is {v}; {scheme} needs finite weights (only the MX schemes encode NaN and infinity).", nameof(weights));
                }

                amax = MathF.Max(amax, MathF.Abs(v));
            }

            return amax;
        }

        private static float[]? ElementValues(QuantScheme scheme) => scheme.Kind switch
        {
            QuantSchemeKind.Mx => MxRule.ElementValues(scheme.MxElement),
            QuantSchemeKind.Nvfp4 => MxRule.ElementValues(MxElement.Fp4E2M1),
            QuantSchemeKind.Nf4 => Nf4Rule.Codebook.ToArray(),
            _ => null,
        };

        /// <summary>The float multipliers, followed by <see cref="ScalePadding"/> zeros so a kernel may load a whole vector of them.</summary>
        private static float[] DecodeScales(QuantScheme scheme, byte[] scaleBytes, float tensorScale)
        {
            int count = scheme.Kind switch { QuantSchemeKind.WeightOnly => scaleBytes.Length / 2, QuantSchemeKind.Nf4 => scaleBytes.Length / 4, _ => scaleBytes.Length };
            var values = new float[count + ScalePadding];
            for (int i = 0; i < count; i++)
            {
                values[i] = scheme.Kind switch
                {
                    QuantSchemeKind.WeightOnly => (float)BitConverter.UInt16BitsToHalf(BinaryPrimitives.ReadUInt16LittleEndian(scaleBytes.AsSpan(2 * i))),
                    QuantSchemeKind.Mx => MxRule.ScaleValue(scaleBytes[i]),
                    QuantSchemeKind.Nvfp4 => Nvfp4Rule.BlockMultiplier(scaleBytes[i], tensorScale),
                    _ => BinaryPrimitives.ReadSingleLittleEndian(scaleBytes.AsSpan(4 * i)),
                };
            }

            return values;
        }
    }
}
