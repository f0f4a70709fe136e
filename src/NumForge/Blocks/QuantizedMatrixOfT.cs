using System;
using System.Runtime.InteropServices;
using NumForge.Blocks;
using NumForge.Blocks.Ggml;

namespace NumForge
{
    /// <summary>
    /// A row-major matrix of quantized weights in one block type (rows = output channels, columns = input channels,
    /// each row a whole number of blocks), with <c>y = W x</c>.
    /// </summary>
    /// <typeparam name="TBlock">The block type, e.g. <see cref="BlockQ4_K"/>.</typeparam>
    public sealed class QuantizedMatrix<TBlock>
        where TBlock : unmanaged, IBlockFormat<TBlock>
    {
        // Pinned, block 0 on a 64-byte boundary (see BlockStorage): the same cache-line layout, and MatVec time, every run.
        private readonly BlockStorage<TBlock> _blocks;

        private QuantizedMatrix(BlockStorage<TBlock> blocks, int rows, int columns)
        {
            _blocks = blocks;
            Rows = rows;
            Columns = columns;
        }

        /// <summary>Gets the number of rows (outputs).</summary>
        public int Rows { get; }

        /// <summary>Gets the number of columns (inputs); a multiple of the block size.</summary>
        public int Columns { get; }

        /// <summary>Gets the blocks, row after row (<c>Columns / BlockSize</c> per row).</summary>
        public ReadOnlySpan<TBlock> Blocks => _blocks;

        /// <summary>Quantizes row-major <paramref name="weights"/> of <paramref name="rows"/> x <paramref name="columns"/>.</summary>
        /// <exception cref="ArgumentException">The shape does not fit the block size or the span.</exception>
        public static QuantizedMatrix<TBlock> Quantize(ReadOnlySpan<float> weights, int rows, int columns)
        {
            int count = BlockCount(rows, columns);
            if ((long)rows * columns != weights.Length)
            {
                throw new ArgumentException($"weights holds {weights.Length} values, not {rows} x {columns}.", nameof(weights));
            }

            var blocks = BlockStorage<TBlock>.Allocate(count);
            TBlock.Quantize(weights, blocks.Span);
            return new QuantizedMatrix<TBlock>(blocks, rows, columns);
        }

        /// <summary>A matrix over existing blocks (copied), e.g. a tensor read from a GGUF file.</summary>
        /// <exception cref="ArgumentException">The block count does not match the shape.</exception>
        public static QuantizedMatrix<TBlock> FromBlocks(ReadOnlySpan<TBlock> blocks, int rows, int columns)
        {
            int count = BlockCount(rows, columns);
            if (blocks.Length != count)
            {
                throw new ArgumentException($"{rows} x {columns} needs {count} blocks, not {blocks.Length}.", nameof(blocks));
            }

            var storage = BlockStorage<TBlock>.Allocate(count);
            blocks.CopyTo(storage.Span);
            return new QuantizedMatrix<TBlock>(storage, rows, columns);
        }

        /// <summary>Writes the dequantized matrix, row-major, to <paramref name="destination"/> (Rows x Columns values).</summary>
        public void Dequantize(Span<float> destination)
        {
            if (destination.Length < (long)Rows * Columns)
            {
                throw new ArgumentException($"destination holds {destination.Length} values, fewer than {Rows} x {Columns}.", nameof(destination));
            }

            TBlock.Dequantize(_blocks, destination[..(Rows * Columns)]);
        }

        /// <summary>
        /// <c>y = W x</c> with int8 activations where the block type has an integer kernel (Q4_0, Q8_0, MXFP4, Q4_K,
        /// Q6_K), float activations otherwise; rows in parallel for large matrices.
        /// </summary>
        public void MatVec(ReadOnlySpan<float> x, Span<float> y) => MatVec(x, y, MatVecActivation.Int8, -1);

        /// <summary><c>y = W x</c>.</summary>
        /// <param name="x">The input, <see cref="Columns"/> values.</param>
        /// <param name="y">The output, <see cref="Rows"/> values.</param>
        /// <param name="activation">Int8 activations (ggml's way, fastest) or float32 (dequantize and dot).</param>
        /// <param name="maxDegreeOfParallelism">Threads to use at most; -1 for every core, 1 for the calling thread only.</param>
        /// <remarks>The result is within the bound of docs/ggml.md of the exact sum of the dequantized products.</remarks>
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
