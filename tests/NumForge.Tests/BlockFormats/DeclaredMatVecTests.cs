using System;
using System.Linq;
using Xunit;

namespace NumForge.Tests.BlockFormats
{
    /// <summary>
    /// <c>QuantizedMatrix&lt;TBlock&gt;.MatVec</c> over declared blocks runs the fused row dot: on every core and on one
    /// (the same bits: a row is one call), each row within <c>gamma_n * sum |w x|</c> of the exact product of the
    /// dequantized matrix with x, on a matrix large enough to go parallel with adversarial rows (all zero, NaN, one outlier,
    /// cancelling), and without allocating once warm.
    /// </summary>
    public class DeclaredMatVecTests
    {
        [Fact]
        public void W4G128_parallel_and_single_threaded_within_the_bound() => Check<DeclaredW4G128>(640, 4096);

        [Fact]
        public void MxInt8_within_the_bound() => Check<DeclaredMxInt8>(96, 1024);

        [Fact]
        public void Nf4_within_the_bound() => Check<DeclaredNf4>(64, 1024);

        [Fact]
        public void Fp4_with_E4M3_scale_within_the_bound() => Check<DeclaredFp4E4M3>(48, 512);

        [Fact]
        public void A_warm_single_threaded_MatVec_allocates_nothing()
        {
            const int rows = 64, columns = 4096;
            float[] w = Inputs.Random(rows * columns, new Random(8), 0.02f).ToArray();
            var matrix = QuantizedMatrix<DeclaredW4G128>.Quantize(w, rows, columns);
            float[] x = Inputs.Random(columns, new Random(9), 1f).ToArray();
            float[] y = new float[rows];
            matrix.MatVec(x, y, MatVecActivation.Float, 1);
            long allocated = 0;
            for (int window = 0; window < 3; window++)
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                for (int i = 0; i < 20; i++)
                {
                    matrix.MatVec(x, y, MatVecActivation.Float, 1);
                }

                allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                if (allocated == 0)
                {
                    break;
                }
            }

            Assert.True(allocated == 0, $"MatVec allocated {allocated} bytes in each of three windows of 20 warm calls");
        }

        private static void Check<TBlock>(int rows, int columns)
            where TBlock : unmanaged, IBlockFormat<TBlock>
        {
            float[] w = Inputs.Random(rows * columns, new Random(rows), 0.05f).ToArray();
            Array.Clear(w, 0, columns);                                    // row 0 all zero
            w[columns + 7] = float.NaN;                                    // row 1 holds a NaN block
            w[(2 * columns) + 3] = 300f;                                   // row 2 has an outlier
            for (int c = 0; c < columns; c++)
            {
                w[(3 * columns) + c] = c % 2 == 0 ? 1f : -1f;              // row 3 cancels against x = 1
            }

            var matrix = QuantizedMatrix<TBlock>.Quantize(w, rows, columns);
            float[] dequantized = new float[w.Length];
            matrix.Dequantize(dequantized);
            float[] x = Inputs.Random(columns, new Random(5), 1f).ToArray();
            x[0] = 1f;
            x[1] = 1f;
            float[] parallel = new float[rows], single = new float[rows];
            foreach (var activation in new[] { MatVecActivation.Float, MatVecActivation.Int8 })
            {
                matrix.MatVec(x, parallel, activation);
                matrix.MatVec(x, single, activation, 1);
                Assert.Equal(single, parallel);
                double u = Math.ScaleB(1.0, -24), gamma = columns * u / (1 - (columns * u));
                for (int r = 0; r < rows; r++)
                {
                    double exact = 0, magnitude = 0;
                    for (int c = 0; c < columns; c++)
                    {
                        double p = (double)dequantized[((long)r * columns) + c] * x[c];
                        exact += p;
                        magnitude += Math.Abs(p);
                    }

                    if (double.IsNaN(exact))
                    {
                        Assert.True(float.IsNaN(single[r]), $"row {r}: expected NaN, got {single[r]:R}");
                        continue;
                    }

                    double bound = (gamma * magnitude * 1.0001) + (columns * Math.ScaleB(1.0, -149));
                    Assert.True(Math.Abs(single[r] - exact) <= bound, $"{typeof(TBlock).Name} row {r}: {single[r]:R} vs {exact:R}, bound {bound:R}");
                }
            }
        }
    }
}
