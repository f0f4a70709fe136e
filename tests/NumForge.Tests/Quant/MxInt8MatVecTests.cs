using System;
using Xunit;
using static NumForge.Tests.Quant.QuantReference;

namespace NumForge.Tests.Quant
{
    /// <summary>
    /// The MXINT8 row kernel: the same bits at 512, 256 and scalar width (its 16 lanes and reduction tree are fixed),
    /// within the documented bound of the exact dequantized product, on random and adversarial matrices.
    /// </summary>
    public class MxInt8MatVecTests
    {
        private static float[] Adversarial(int rows, int columns, int seed)
        {
            float[] w = Gaussian(rows * columns, seed);
            w.AsSpan(columns - 32, 32).Clear();             // row 0: an all-zero block (scale byte 0x00)
            w[columns + 3] = 1e4f;                          // row 1: one outlier drowns its block
            w[(2 * columns) + (40 % columns)] = float.NaN;              // row 2: a NaN block (scale 0xFF, the row is NaN)
            w[(3 * columns) + (70 % columns)] = float.NegativeInfinity; // row 3: an infinite weight, the same
            for (int c = 0; c < columns; c++)
            {
                w[(4 * columns) + c] *= 1e-30f;             // row 4: tiny scales (about 2^-100)
                w[(5 * columns) + c] = (c % 3) - 1;         // row 5: exact powers of two and zeros, ties of the int8 grid below
                w[(6 * columns) + c] = ((c % 64) + 0.5f) / 32; // row 6: values on halfway points of the int8 grid
            }

            return w;
        }

        [Theory]
        [InlineData(32)]
        [InlineData(64)]
        [InlineData(544)]   // an odd number of blocks: the last goes to the even accumulator
        [InlineData(4096)]
        public void SameBitsAtEveryWidthAndWithinTheBound(int columns)
        {
            const int Rows = 12;
            float[] w = Adversarial(Rows, columns, columns);
            QuantizedMatrix m = QuantizedMatrix.Quantize(w, Rows, columns, QuantScheme.Parse("MXINT8"));
            float[] x = Gaussian(columns, columns + 7);
            x[columns - 1] = 300;
            float[] restored = new float[w.Length];
            m.Dequantize(restored);
            float[] bound = new float[Rows];
            m.MatVecErrorBound(x, bound);
            float[]? first = null;
            foreach (int width in new[] { 512, 256, 0 })
            {
                float[] y = new float[Rows];
                m.MatVec(x, y, new MatVecOptions { VectorBits = width, SingleThreaded = true });
                first ??= y;
                for (int r = 0; r < Rows; r++)
                {
                    Assert.True(BitConverter.SingleToInt32Bits(first[r]) == BitConverter.SingleToInt32Bits(y[r]), $"{columns} columns, row {r}: {y[r]} at {width} bits, {first[r]} at 512");
                    double exact = 0, magnitude = 0;
                    for (int c = 0; c < columns; c++)
                    {
                        exact += (double)restored[(r * columns) + c] * x[c];
                        magnitude += Math.Abs((double)restored[(r * columns) + c] * x[c]);
                    }

                    if (double.IsNaN(exact))
                    {
                        Assert.True(float.IsNaN(y[r]), $"row {r}: a NaN block must give NaN, got {y[r]}");
                        continue;
                    }

                    Assert.True(Math.Abs(y[r] - exact) <= bound[r] + (columns * Math.ScaleB(1.0, -53) * magnitude), $"{columns} columns at {width} bits, row {r}: |{y[r]} - {exact}| > {bound[r]}");
                }
            }

            float[] parallel = new float[Rows];
            m.MatVec(x, parallel);
            Assert.Equal(first, parallel);
        }

        [Fact]
        public void InfiniteActivationsGiveTheSameBitsAtEveryWidth()
        {
            const int Rows = 8, Columns = 96;
            QuantizedMatrix m = QuantizedMatrix.Quantize(Adversarial(Rows, Columns, 3), Rows, Columns, QuantScheme.Parse("MXINT8"));
            float[] x = Gaussian(Columns, 4);
            x[33] = float.PositiveInfinity;
            float[] reference = new float[Rows];
            m.MatVec(x, reference, new MatVecOptions { VectorBits = 0, SingleThreaded = true });
            foreach (int width in new[] { 512, 256 })
            {
                float[] y = new float[Rows];
                m.MatVec(x, y, new MatVecOptions { VectorBits = width, SingleThreaded = true });
                Assert.Equal(reference, y);
            }
        }
    }
}
