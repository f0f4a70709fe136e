using System;
using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using NumForge.CompilerServices.Blocks;

namespace NumForge.Blocks
{
    /// <summary>
    /// The float-activation row kernel: a block type with a fused row dot (<see cref="IBlockRowDot{TSelf}"/>: the
    /// <c>[BlockFormat]</c> blocks) runs it on each row; any other dequantizes a row (its own dequantizer) and dots it with x in float32.
    /// </summary>
    internal unsafe struct FloatRows<TBlock> : IRowOperator
        where TBlock : unmanaged, IBlockFormat<TBlock>
    {
        /// <summary>
        /// The block type's fused row dot, or null. Boxed once per block type (a static readonly field, so optimized code
        /// knows its exact type, folds the null test and devirtualizes the call); no MatVec allocates for it.
        /// </summary>
        private static readonly IBlockRowDot<TBlock>? s_fused = default(TBlock) as IBlockRowDot<TBlock>;

        public TBlock* Weights;
        public int BlocksPerRow;
        public float* X;
        public float* Output;

        public readonly void Run(int start, int end)
        {
            if (s_fused is not null)
            {
                RunFused(s_fused, start, end);
                return;
            }

            int columns = BlocksPerRow * TBlock.BlockSize;
            float[] row = ArrayPool<float>.Shared.Rent(columns);
            try
            {
                for (int r = start; r < end; r++)
                {
                    TBlock.Dequantize(new ReadOnlySpan<TBlock>(Weights + ((long)r * BlocksPerRow), BlocksPerRow), row.AsSpan(0, columns));
                    fixed (float* w = row)
                    {
                        Output[r] = Dot(w, X, columns);
                    }
                }
            }
            finally
            {
                ArrayPool<float>.Shared.Return(row);
            }
        }

        private readonly void RunFused(IBlockRowDot<TBlock> dot, int start, int end)
        {
            var x = new ReadOnlySpan<float>(X, BlocksPerRow * TBlock.BlockSize);
            for (int r = start; r < end; r++)
            {
                Output[r] = dot.Dot(new ReadOnlySpan<TBlock>(Weights + ((long)r * BlocksPerRow), BlocksPerRow), x);
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static float Dot(float* a, float* b, int n)
        {
            int i = 0;
            float sum = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                Vector256<float> acc0 = Vector256<float>.Zero, acc1 = Vector256<float>.Zero;
                for (; i + 16 <= n; i += 16)
                {
                    acc0 = Vector256.MultiplyAddEstimate(Vector256.Load(a + i), Vector256.Load(b + i), acc0);
                    acc1 = Vector256.MultiplyAddEstimate(Vector256.Load(a + i + 8), Vector256.Load(b + i + 8), acc1);
                }

                sum = Vector256.Sum(acc0 + acc1);
            }
            else if (Vector128.IsHardwareAccelerated)
            {
                Vector128<float> acc = Vector128<float>.Zero;
                for (; i + 4 <= n; i += 4)
                {
                    acc = Vector128.MultiplyAddEstimate(Vector128.Load(a + i), Vector128.Load(b + i), acc);
                }

                sum = Vector128.Sum(acc);
            }

            for (; i < n; i++)
            {
                sum += a[i] * b[i];
            }

            return sum;
        }
    }
}
