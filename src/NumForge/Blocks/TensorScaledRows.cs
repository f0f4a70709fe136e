using System;
using System.Buffers;
using NumForge.CompilerServices.Blocks;

namespace NumForge.Blocks
{
    /// <summary>
    /// The float-activation row kernel of a block type with a per-tensor scale (NVFP4's two levels): each row's fused dot
    /// (<see cref="IBlockRowDot{TSelf}"/>, relative to the tensor scale) times <see cref="TensorScale"/>, once per row rather
    /// than once per weight. A block type without a fused dot dequantizes each row with the tensor scale and dots it.
    /// </summary>
    internal unsafe struct TensorScaledRows<TBlock> : IRowOperator
        where TBlock : unmanaged, IBlockFormat<TBlock>
    {
        /// <summary>Boxed once per block type (static readonly: the JIT folds the null test and devirtualizes the call).</summary>
        private static readonly IBlockRowDot<TBlock>? s_fused = default(TBlock) as IBlockRowDot<TBlock>;

        private static readonly ITensorScaledBlock<TBlock>? s_tensorScaled = default(TBlock) as ITensorScaledBlock<TBlock>;

        public TBlock* Weights;
        public int BlocksPerRow;
        public float* X;
        public float* Output;
        public float TensorScale;

        public readonly void Run(int start, int end)
        {
            if (s_fused is not null)
            {
                var x = new ReadOnlySpan<float>(X, BlocksPerRow * TBlock.BlockSize);
                for (int r = start; r < end; r++)
                {
                    Output[r] = s_fused.Dot(new ReadOnlySpan<TBlock>(Weights + ((long)r * BlocksPerRow), BlocksPerRow), x) * TensorScale;
                }

                return;
            }

            int columns = BlocksPerRow * TBlock.BlockSize;
            float[] row = ArrayPool<float>.Shared.Rent(columns);
            try
            {
                for (int r = start; r < end; r++)
                {
                    s_tensorScaled!.Dequantize(new ReadOnlySpan<TBlock>(Weights + ((long)r * BlocksPerRow), BlocksPerRow), row.AsSpan(0, columns), TensorScale);
                    fixed (float* w = row)
                    {
                        Output[r] = FloatRows<TBlock>.Dot(w, X, columns);
                    }
                }
            }
            finally
            {
                ArrayPool<float>.Shared.Return(row);
            }
        }
    }
}
