using System;
using Xunit;

namespace NumForge.Tests.Ggml
{
    /// <summary>
    /// A single-threaded MatVec allocates nothing once warm (the int8 activation and offset terms are the calling
    /// thread's reusable buffers, the float path rents its row), and reusing those buffers never leaks one call's
    /// activation into the next.
    /// </summary>
    public class MatVecAllocationTests
    {
        [Fact]
        public void Q4_0() => Check<BlockQ4_0>(MatVecActivation.Int8);

        [Fact]
        public void Q8_0() => Check<BlockQ8_0>(MatVecActivation.Int8);

        [Fact]
        public void MXFP4() => Check<BlockMXFP4>(MatVecActivation.Int8);

        [Fact]
        public void NVFP4() => Check<BlockNVFP4>(MatVecActivation.Int8);

        [Fact]
        public void Q4_K() => Check<BlockQ4_K>(MatVecActivation.Int8);

        [Fact]
        public void Q6_K() => Check<BlockQ6_K>(MatVecActivation.Int8);

        [Fact]
        public void Float_path() => Check<BlockQ5_K>(MatVecActivation.Float);

        private static void Check<TBlock>(MatVecActivation activation)
            where TBlock : unmanaged, IBlockFormat<TBlock>
        {
            const int rows = 64, columns = 4096;
            var matrix = QuantizedMatrix<TBlock>.Quantize(GgmlInputs.Make(1, rows * columns / TBlock.BlockSize, TBlock.BlockSize, ["gauss0.02"]), rows, columns);
            float[] x1 = GgmlInputs.Make(2, columns / 32, 32, ["gauss1"]);
            float[] x2 = GgmlInputs.Make(3, columns / 32, 32, ["uniform"]);
            float[] first = new float[rows], again = new float[rows], other = new float[rows];
            matrix.MatVec(x1, first, activation, maxDegreeOfParallelism: 1);
            matrix.MatVec(x2, other, activation, maxDegreeOfParallelism: 1);

            // A real per-call allocation shows in every window of 20 calls; a one-off runtime allocation on this
            // thread (tiered compilation promoting a method while the machine is loaded) shows in one window only.
            long allocated = 0;
            for (int window = 0; window < 3; window++)
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                for (int i = 0; i < 10; i++)
                {
                    matrix.MatVec(x2, other, activation, maxDegreeOfParallelism: 1);
                    matrix.MatVec(x1, again, activation, maxDegreeOfParallelism: 1);
                }

                allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                if (allocated == 0)
                {
                    break;
                }
            }

            Assert.True(allocated == 0, $"{typeof(TBlock).Name} MatVec allocated {allocated} bytes in each of three windows of 20 warm calls");
            Assert.Equal(first, again);
        }
    }
}
