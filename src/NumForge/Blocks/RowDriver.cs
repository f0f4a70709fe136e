using System;
using System.Threading.Tasks;

namespace NumForge.Blocks
{
    /// <summary>One MatVec kernel: computes the outputs of rows [start, end). A struct holding pointers; no state is shared between calls.</summary>
    internal interface IRowOperator
    {
        /// <summary>Computes rows <paramref name="start"/> to <paramref name="end"/> (exclusive).</summary>
        void Run(int start, int end);
    }

    /// <summary>
    /// The one loop around every row kernel: small matrices run on the calling thread, large ones in row blocks over
    /// <see cref="Parallel.For(int, int, ParallelOptions, Action{int})"/>. A new kernel is a new <see cref="IRowOperator"/>, not a new loop.
    /// </summary>
    internal static class RowDriver
    {
        /// <summary>Weight bytes below which a matrix runs single-threaded (thread hand-off costs more than it saves).</summary>
        internal const long ParallelBytes = 1L << 20;

        /// <summary>Runs <paramref name="op"/> over <paramref name="rows"/> rows of <paramref name="bytesPerRow"/> weight bytes each.</summary>
        public static void Run<TOperator>(TOperator op, int rows, long bytesPerRow, int maxDegreeOfParallelism)
            where TOperator : struct, IRowOperator
        {
            int workers = maxDegreeOfParallelism <= 0 ? Environment.ProcessorCount : Math.Min(maxDegreeOfParallelism, Environment.ProcessorCount);
            if (workers <= 1 || rows < 2 || rows * bytesPerRow < ParallelBytes)
            {
                op.Run(0, rows);
                return;
            }

            RunParallel(op, rows, bytesPerRow, workers);
        }

        // Apart from Run because the lambda's captures are allocated on entry to the method that declares them: the
        // single-threaded path allocates nothing.
        private static void RunParallel<TOperator>(TOperator op, int rows, long bytesPerRow, int workers)
            where TOperator : struct, IRowOperator
        {
            // A few row blocks per worker (load balance), each at least 64 KiB of weights.
            int blocks = Math.Min(rows, Math.Max(workers, (int)Math.Min(workers * 4L, rows * bytesPerRow / (64 << 10))));
            int perBlock = (rows + blocks - 1) / blocks;
            blocks = (rows + perBlock - 1) / perBlock;
            var options = new ParallelOptions { MaxDegreeOfParallelism = workers };
            Parallel.For(0, blocks, options, b =>
            {
                int start = b * perBlock;
                op.Run(start, Math.Min(rows, start + perBlock));
            });
        }
    }
}
