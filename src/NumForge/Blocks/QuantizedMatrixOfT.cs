using System;
using System.Runtime.InteropServices;
using NumForge.Blocks;
using NumForge.Blocks.Ggml;
using NumForge.CompilerServices.Blocks;

namespace NumForge
{
    /// <summary>
    /// A row-major matrix of quantized weights in one block type (rows = output channels, columns = input channels,
    /// each row a whole number of blocks), with <c>y = W x</c>. A block declared with
    /// <see cref="BlockFormatAttribute.PerTensorScale"/> (NVFP4's two levels) keeps its float32 <see cref="TensorScale"/> here.
    /// </summary>
    /// <typeparam name="TBlock">The block type, e.g. <see cref="BlockQ4_K"/>.</typeparam>
    public sealed class QuantizedMatrix<TBlock>
        where TBlock : unmanaged, IBlockFormat<TBlock>
    {
        // Pinned, block 0 on a 64-byte boundary (see BlockStorage): the same cache-line layout, and MatVec time, every run.
        private readonly BlockStorage<TBlock> _blocks;

        /// <summary>
        /// The block type's tensor-scale members (a <c>[BlockFormat(..., PerTensorScale = true)]</c> block), or null. Boxed
        /// once per block type; a static readonly field, so optimized code folds the null test.
        /// </summary>
        private static readonly ITensorScaledBlock<TBlock>? s_tensorScaled = default(TBlock) as ITensorScaledBlock<TBlock>;

        private QuantizedMatrix(BlockStorage<TBlock> blocks, int rows, int columns, float tensorScale)
        {
            _blocks = blocks;
            Rows = rows;
            Columns = columns;
            TensorScale = tensorScale;
        }

        /// <summary>Gets the number of rows (outputs).</summary>
        public int Rows { get; }

        /// <summary>Gets the number of columns (inputs); a multiple of the block size.</summary>
        public int Columns { get; }

        /// <summary>Gets the blocks, row after row (<c>Columns / BlockSize</c> per row).</summary>
        public ReadOnlySpan<TBlock> Blocks => _blocks;

        /// <summary>
        /// Gets the float32 scale every block scale is relative to, for a block type declared with
        /// <see cref="BlockFormatAttribute.PerTensorScale"/> (<see cref="Quantize"/> computes it as the block type's
        /// <c>ComputeTensorScale</c> of the whole matrix: NVFP4's <c>amax / (6 * 448)</c>); 1 for every other block type.
        /// </summary>
        public float TensorScale { get; }

        /// <summary>Quantizes row-major <paramref name="weights"/> of <paramref name="rows"/> x <paramref name="columns"/>.</summary>
        /// <remarks>
        /// A block type with a per-tensor scale first computes <see cref="TensorScale"/> from every weight, then quantizes
        /// the blocks relative to it (so the result is byte for byte NVFP4's for the NVFP4 block).
        /// </remarks>
        /// <exception cref="ArgumentException">The shape does not fit the block size or the span.</exception>
        public static QuantizedMatrix<TBlock> Quantize(ReadOnlySpan<float> weights, int rows, int columns)
        {
            int count = BlockCount(rows, columns);
            if ((long)rows * columns != weights.Length)
            {
                throw new ArgumentException($"weights holds {weights.Length} values, not {rows} x {columns}.", nameof(weights));
            }

            var blocks = BlockStorage<TBlock>.Allocate(count);
            if (s_tensorScaled is not null)
            {
                float tensorScale = s_tensorScaled.ComputeTensorScale(weights);
                s_tensorScaled.Quantize(weights, blocks.Span, tensorScale);
                return new QuantizedMatrix<TBlock>(blocks, rows, columns, tensorScale);
            }

            TBlock.Quantize(weights, blocks.Span);
            return new QuantizedMatrix<TBlock>(blocks, rows, columns, 1f);
        }

        /// <summary>A matrix over existing blocks (copied), e.g. a tensor read from a GGUF file.</summary>
        /// <remarks>A block type with a per-tensor scale gets a tensor scale of 1; see <see cref="FromBlocks(ReadOnlySpan{TBlock}, int, int, float)"/>.</remarks>
        /// <exception cref="ArgumentException">The block count does not match the shape.</exception>
        public static QuantizedMatrix<TBlock> FromBlocks(ReadOnlySpan<TBlock> blocks, int rows, int columns) => FromBlocks(blocks, rows, columns, 1f);

        /// <summary>
        /// A matrix over existing blocks (copied) whose scales are relative to <paramref name="tensorScale"/>, e.g. an NVFP4
        /// checkpoint's blocks and its float32 <c>weight_scale_2</c>.
        /// </summary>
        /// <param name="blocks">The blocks, row after row.</param>
        /// <param name="rows">Rows (outputs).</param>
        /// <param name="columns">Columns (inputs), a multiple of the block size.</param>
        /// <param name="tensorScale">The tensor scale: finite and not negative; 1 for a block type without a per-tensor scale.</param>
        /// <exception cref="ArgumentException">The block count does not match the shape, or a tensor scale other than 1 is
        /// given for a block type without a per-tensor scale.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The tensor scale is negative, infinite or NaN.</exception>
        public static QuantizedMatrix<TBlock> FromBlocks(ReadOnlySpan<TBlock> blocks, int rows, int columns, float tensorScale)
        {
            if (!(tensorScale >= 0) || float.IsPositiveInfinity(tensorScale))
            {
                throw new ArgumentOutOfRangeException(nameof(tensorScale), tensorScale, "A tensor scale is finite and not negative.");
            }

            if (s_tensorScaled is null && tensorScale != 1f)
            {
                throw new ArgumentException($"{typeof(TBlock).Name} has no per-tensor scale (declare it with [BlockFormat(..., PerTensorScale = true)]); its tensor scale is 1, not {tensorScale}.", nameof(tensorScale));
            }

            int count = BlockCount(rows, columns);
            if (blocks.Length != count)
            {
                throw new ArgumentException($"{rows} x {columns} needs {count} blocks, not {blocks.Length}.", nameof(blocks));
            }

            var storage = BlockStorage<TBlock>.Allocate(count);
            blocks.CopyTo(storage.Span);
            return new QuantizedMatrix<TBlock>(storage, rows, columns, tensorScale);
        }

        /// <summary>Writes the dequantized matrix, row-major, to <paramref name="destination"/> (Rows x Columns values).</summary>
        public void Dequantize(Span<float> destination)
        {
            if (destination.Length < (long)Rows * Columns)
            {
                throw new ArgumentException($"destination holds {destination.Length} values, fewer than {Rows} x {Columns}.", nameof(destination));
            }

            if (s_tensorScaled is not null)
            {
                s_tensorScaled.Dequantize(_blocks, destination[..(Rows * Columns)], TensorScale);
                return;
            }

            TBlock.Dequantize(_blocks, destination[..(Rows * Columns)]);
        }

        /// <summary>
        /// <c>y = W x</c> with int8 activations where the block type has an integer kernel (Q4_0, Q8_0, MXFP4, NVFP4,
        /// Q4_K, Q6_K), float activations otherwise; rows in parallel for large matrices.
        /// </summary>
        public void MatVec(ReadOnlySpan<float> x, Span<float> y) => MatVec(x, y, MatVecActivation.Int8, -1);

        /// <summary><c>y = W x</c>.</summary>
        /// <param name="x">The input, <see cref="Columns"/> values.</param>
        /// <param name="y">The output, <see cref="Rows"/> values.</param>
        /// <param name="activation">Int8 activations (ggml's way, fastest) or float32 (dequantize and dot).</param>
        /// <param name="maxDegreeOfParallelism">Threads to use at most; -1 for every core, 1 for the calling thread only.</param>
        /// <remarks>
        /// The result is within the bound of docs/ggml.md (ggml blocks) or docs/quantization.md (declared blocks) of the
        /// exact sum of the dequantized products. A block type with a per-tensor scale multiplies each row's fused dot by
        /// <see cref="TensorScale"/> once.
        /// </remarks>
        public unsafe void MatVec(ReadOnlySpan<float> x, Span<float> y, MatVecActivation activation, int maxDegreeOfParallelism = -1)
        {
            if (x.Length < Columns)
            {
                throw new ArgumentException($"x holds {x.Length} values, fewer than the {Columns} columns.", nameof(x));
            }

            if (y.Length < Rows)
            {
                throw new ArgumentException($"y holds {y.Length} values, fewer than the {Rows} rows.", nameof(y));
            }

            x = x[..Columns];
            if (activation == MatVecActivation.Int8)
            {
                if (typeof(TBlock) == typeof(BlockQ4_0))
                {
                    RunInt8<Q4_0Int8Rows>(x, y, maxDegreeOfParallelism);
                    return;
                }

                if (typeof(TBlock) == typeof(BlockQ8_0))
                {
                    RunInt8<Q8_0Int8Rows>(x, y, maxDegreeOfParallelism);
                    return;
                }

                if (typeof(TBlock) == typeof(BlockMXFP4))
                {
                    RunInt8<MxFp4Int8Rows>(x, y, maxDegreeOfParallelism);
                    return;
                }

                if (typeof(TBlock) == typeof(BlockNVFP4))
                {
                    RunInt8<Nvfp4Int8Rows>(x, y, maxDegreeOfParallelism);
                    return;
                }

                if (typeof(TBlock) == typeof(BlockQ4_K))
                {
                    RunInt8<Q4_KInt8Rows>(x, y, maxDegreeOfParallelism);
                    return;
                }

                if (typeof(TBlock) == typeof(BlockQ6_K))
                {
                    RunInt8<Q6_KInt8Rows>(x, y, maxDegreeOfParallelism);
                    return;
                }
            }

            if (s_tensorScaled is not null)
            {
                fixed (TBlock* w = _blocks)
                fixed (float* px = x)
                fixed (float* py = y)
                {
                    var op = new TensorScaledRows<TBlock> { Weights = w, BlocksPerRow = Columns / TBlock.BlockSize, X = px, Output = py, TensorScale = TensorScale };
                    RowDriver.Run(op, Rows, RowBytes, maxDegreeOfParallelism);
                }

                return;
            }

            fixed (TBlock* w = _blocks)
            fixed (float* px = x)
            fixed (float* py = y)
            {
                var op = new FloatRows<TBlock> { Weights = w, BlocksPerRow = Columns / TBlock.BlockSize, X = px, Output = py };
                RowDriver.Run(op, Rows, RowBytes, maxDegreeOfParallelism);
            }
        }

        private long RowBytes => (long)(Columns / TBlock.BlockSize) * Marshal.SizeOf<TBlock>();

        private unsafe void RunInt8<TOperator>(ReadOnlySpan<float> x, Span<float> y, int maxDegreeOfParallelism)
            where TOperator : struct, IInt8RowOperator
        {
            Q8Activation activation = Q8Activation.ForThread(Columns, TOperator.ActivationBlock);
            activation.Quantize(x);
            fixed (TBlock* w = _blocks)
            fixed (sbyte* codes = activation.Codes)
            fixed (float* scales = activation.Scales)
            fixed (int* sums = activation.Sums16)
            fixed (float* py = y)
            {
                TOperator op = default;
                op.Bind((byte*)w, Columns / TBlock.BlockSize, codes + activation.CodeStart, scales, sums, py);
                RowDriver.Run(op, Rows, RowBytes, maxDegreeOfParallelism);
            }
        }

        private static int BlockCount(int rows, int columns)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(rows);
            ArgumentOutOfRangeException.ThrowIfNegative(columns);
            if (columns % TBlock.BlockSize != 0)
            {
                throw new ArgumentException($"columns ({columns}) must be a multiple of the block size {TBlock.BlockSize}.", nameof(columns));
            }

            long count = (long)rows * (columns / TBlock.BlockSize);
            if (count > Array.MaxLength || (long)rows * columns > int.MaxValue)
            {
                throw new ArgumentException($"{rows} x {columns} is too large for one matrix.", nameof(rows));
            }

            return (int)count;
        }
    }
}
