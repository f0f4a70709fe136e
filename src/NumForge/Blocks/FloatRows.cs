using System;
using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NumForge.Blocks
{
    /// <summary>The float-activation row kernel: dequantize a row (the block type's own dequantizer), dot it with x in float32.</summary>
    internal unsafe struct FloatRows<TBlock> : IRowOperator
        where TBlock : unmanaged, IBlockFormat<TBlock>
    {
        public TBlock* Weights;
        public int BlocksPerRow;
        public float* X;
        public float* Output;

        public readonly void Run(int start, int end)
        {
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
