using System;
using System.Threading.Tasks;

namespace NumForge.Blocks.Quant.Kernels
{
    /// <summary>
    /// Runs a row operator over every output row: on the calling thread for small matrices (or when told to), otherwise
    /// <see cref="Parallel.For(int, int, Action{int})"/> over blocks of rows, each task writing its own rows of y.
    /// </summary>
    internal static unsafe class MatVecDriver
    {
        /// <summary>Rows per task: enough work (about 64 KiB of 4-bit weights at 4096 columns) to amortize scheduling.</summary>
        private const int RowsPerTask = 32;

        /// <summary>Weights below which one thread is faster than waking the pool.</summary>
        private const long ParallelWeights = 1L << 20;

        public static void Run<TRow>(TRow kernel, int rows, int columns, Span<float> y, bool parallel)
            where TRow : struct, IRowDot
        {
            if (!parallel || (long)rows * columns < ParallelWeights || Environment.ProcessorCount == 1 || rows <= RowsPerTask)
            {
                for (int r = 0; r < rows; r++)
                {
                    y[r] = kernel.Row(r);
                }

                return;
            }

            fixed (float* output = y)
            {
                nint address = (nint)output;
                int tasks = (rows + RowsPerTask - 1) / RowsPerTask;
                Parallel.For(0, tasks, task =>
                {
                    float* target = (float*)address;
                    int end = Math.Min(rows, (task + 1) * RowsPerTask);
                    for (int r = task * RowsPerTask; r < end; r++)
                    {
                        target[r] = kernel.Row(r);
                    }
                });
            }
        }
    }
}
