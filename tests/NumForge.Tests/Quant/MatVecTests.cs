using System;
using System.Linq;
using Xunit;
using static NumForge.Tests.Quant.QuantReference;

namespace NumForge.Tests.Quant
{
    /// <summary>MatVec against the exact sum of the dequantized products, at every vector width, within the documented bound.</summary>
    public class MatVecTests
    {
        public static TheoryData<string, int> SchemesAndWidths()
        {
            var data = new TheoryData<string, int>();
            string[] names = ["W4G128", "W4G-1", "W4G16", "W4G32-sym", "W3G128", "W2G128", "W2G16", "W8G128", "W8G-1", "MXFP4", "MXFP8E4M3", "MXFP8E5M2", "MXFP6E3M2", "MXFP6E2M3", "MXINT8", "NVFP4", "NF4"];
            foreach (string name in names)
            {
                foreach (int width in new[] { 512, 256, 0 })
                {
                    data.Add(name, width);
                }
            }

            return data;
        }

        [Theory]
        [MemberData(nameof(SchemesAndWidths))]
        public void WithinTheDocumentedBound(string name, int width)
        {
            QuantScheme scheme = QuantScheme.Parse(name);
            // Columns that leave a tail after the widest step for G-1 (and every kernel's chunk edges).
            int columns = scheme.GroupSize == -1 ? 1000 : 512;
            const int Rows = 40;
            float[] w = Gaussian(Rows * columns, 3);
            QuantizedMatrix m = QuantizedMatrix.Quantize(w, Rows, columns, scheme);
            float[] x = Gaussian(columns, 4);
            float[] restored = new float[Rows * columns];
            m.Dequantize(restored);

            float[] y = new float[Rows];
            m.MatVec(x, y, new MatVecOptions { VectorBits = width, SingleThreaded = true });
            float[] bound = new float[Rows];
            m.MatVecErrorBound(x, bound);
            for (int r = 0; r < Rows; r++)
            {
                double exact = 0, magnitude = 0;
                for (int c = 0; c < columns; c++)
                {
                    exact += (double)restored[(r * columns) + c] * x[c];
                    magnitude += Math.Abs((double)restored[(r * columns) + c] * x[c]);
                }

                // The double sum itself is within columns * 2^-53 * magnitude of the exact sum.
                double slack = columns * Math.ScaleB(1.0, -53) * magnitude;
                Assert.True(Math.Abs(y[r] - exact) <= bound[r] + slack, $"{name} at {width} bits, row {r}: |{y[r]} - {exact}| > {bound[r]}");
                Assert.True(bound[r] <= 1e-3 * (magnitude + 1e-30) * columns, "the bound should be a rounding-sized bound");
            }
        }

        [Theory]
        [InlineData("W4G128")]
        [InlineData("NF4")]
        [InlineData("W3G128")]
        public void ParallelAndSerialAgreeExactly(string name)
        {
            // Each row is computed by one thread in the same order, so threading never changes a result.
            const int Rows = 512, Columns = 2048;
            QuantizedMatrix m = QuantizedMatrix.Quantize(Gaussian(Rows * Columns, 5), Rows, Columns, QuantScheme.Parse(name));
            float[] x = Gaussian(Columns, 6);
            float[] serial = new float[Rows], parallel = new float[Rows];
            m.MatVec(x, serial, new MatVecOptions { SingleThreaded = true });
            m.MatVec(x, parallel);
            Assert.Equal(serial, parallel);
        }

        [Fact]
        public void MatMulIsOneMatVecPerVector()
        {
            const int Rows = 24, Columns = 256, Batch = 3;
            QuantizedMatrix m = QuantizedMatrix.Quantize(Gaussian(Rows * Columns, 8), Rows, Columns, QuantScheme.W4G128);
            float[] x = Gaussian(Batch * Columns, 9);
            float[] y = new float[Batch * Rows];
            m.MatMul(x, Batch, y);
            float[] inferred = new float[Batch * Rows];
            m.MatMul(x, inferred);
            Assert.Equal(y, inferred);
            Assert.Throws<ArgumentException>(() => m.MatMul(x.AsSpan(1), inferred));
            for (int b = 0; b < Batch; b++)
            {
                float[] single = new float[Rows];
                m.MatVec(x.AsSpan(b * Columns, Columns), single);
                Assert.Equal(single, y.AsSpan(b * Rows, Rows).ToArray());
            }
        }

        [Fact]
        public void BadSpansAreArgumentErrors()
        {
            QuantizedMatrix m = QuantizedMatrix.Quantize(Gaussian(8 * 128, 1), 8, 128, QuantScheme.W4G128);
            Assert.Contains("128 columns", Assert.Throws<ArgumentException>(() => m.MatVec(new float[127], new float[8])).Message, StringComparison.Ordinal);
            Assert.Contains("too short", Assert.Throws<ArgumentException>(() => m.MatVec(new float[128], new float[7])).Message, StringComparison.Ordinal);
            Assert.Throws<ArgumentException>(() => m.MatMul(new float[255], 2, new float[16]));
            Assert.Throws<ArgumentException>(() => m.MatMul(new float[256], 2, new float[15]));
            Assert.Throws<ArgumentException>(() => m.Dequantize(new float[1023]));
            Assert.Throws<ArgumentException>(() => m.Measure(new float[1023]));
        }
    }
}
