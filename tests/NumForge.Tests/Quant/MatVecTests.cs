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
            string[] names = ["W4G128", "W4G-1", "W4G16", "W4G32-sym", "W4G64", "W4G256", "W3G128", "W3G-1", "W3G32", "W3G256", "W2G128", "W2G16", "W2G-1", "W2G256", "W2G64", "W8G128", "W8G-1", "MXFP4", "MXFP8E4M3", "MXFP8E5M2", "MXFP6E3M2", "MXFP6E2M3", "MXINT8", "NVFP4", "NF4"];
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

        public static TheoryData<string, int, int> ExactSchemesAndWidths()
        {
            var data = new TheoryData<string, int, int>();
            (string Name, int Columns)[] cases = [("W4G128", 512), ("W4G-1", 1000), ("W4G16", 176), ("W4G32-sym", 512), ("W4G64", 320), ("W4G256", 512), ("W2G128", 768), ("W2G16", 528), ("W2G-1", 1000), ("W3G128", 512), ("W3G-1", 1000), ("W3G32", 352), ("W3G256", 768), ("W8G128", 512), ("MXFP4", 544), ("MXINT8", 544)];
            foreach ((string name, int columns) in cases)
            {
                foreach (int width in new[] { 512, 256, 0 })
                {
                    data.Add(name, columns, width);
                }
            }

            return data;
        }

        /// <summary>
        /// Weights that quantize exactly with scale 1 (integers spanning each group's whole code range; E2M1 values with
        /// amax 6 for MXFP4) and small integer x: every product and partial sum is an exact float, so every kernel at
        /// every width must give the exact sum itself — any misplaced code, lane or group shows.
        /// </summary>
        [Theory]
        [MemberData(nameof(ExactSchemesAndWidths))]
        public void ExactProductsAreExactAtEveryWidth(string name, int columns, int width)
        {
            QuantScheme scheme = QuantScheme.Parse(name);
            const int Rows = 9;
            int group = scheme.GroupSize == -1 ? columns : scheme.GroupSize;
            var random = new Random(name.Length * 1000 + columns);
            float[] w = new float[Rows * columns];
            float[] fp4 = [0, 0.5f, 1, 1.5f, 2, 3, 4, 6];
            int levels = (1 << scheme.Bits) - 1;
            for (int r = 0; r < Rows; r++)
            {
                for (int g = 0; g < columns / group; g++)
                {
                    Span<float> cells = w.AsSpan((r * columns) + (g * group), group);
                    int low = scheme.Symmetric ? -(levels / 2) : -random.Next(levels + 1);
                    for (int i = 0; i < group; i++)
                    {
                        cells[i] = scheme.Kind == QuantSchemeKind.Mx
                            ? fp4[random.Next(8)] * (random.Next(2) == 0 ? 1 : -1)
                            : low + random.Next(scheme.Symmetric ? levels : levels + 1);
                    }

                    // Pin both ends of the range so the scale comes out as exactly 1.
                    int bottom = random.Next(group);
                    cells[bottom] = scheme.Kind == QuantSchemeKind.Mx ? 6 : low;
                    int top = (bottom + 1 + random.Next(group - 1)) % group;
                    cells[top] = scheme.Kind == QuantSchemeKind.Mx ? -6 : (scheme.Symmetric ? levels / 2 : low + levels);
                }
            }

            QuantizedMatrix m = QuantizedMatrix.Quantize(w, Rows, columns, scheme);
            float[] restored = new float[w.Length];
            m.Dequantize(restored);
            Assert.Equal(w, restored);
            float[] x = new float[columns];
            for (int c = 0; c < columns; c++)
            {
                x[c] = random.Next(-8, 9);
            }

            float[] y = new float[Rows];
            m.MatVec(x, y, new MatVecOptions { VectorBits = width, SingleThreaded = true });
            for (int r = 0; r < Rows; r++)
            {
                double exact = 0;
                for (int c = 0; c < columns; c++)
                {
                    exact += (double)w[(r * columns) + c] * x[c];
                }

                Assert.Equal(exact, y[r]);
            }
        }

        public static TheoryData<string, int, int> UnitColumnCases()
        {
            var data = new TheoryData<string, int, int>();
            (string Name, int Columns)[] cases = [("W4G128", 512), ("W4G-1", 1000), ("W4G256", 768), ("W3G128", 384), ("W2G256", 768), ("W2G128", 512), ("W4G64", 320), ("W8G128", 256), ("NF4", 256), ("MXINT8", 256)];
            foreach ((string name, int columns) in cases)
            {
                foreach (int width in new[] { 512, 256, 0 })
                {
                    data.Add(name, columns, width);
                }
            }

            return data;
        }

        /// <summary>
        /// x = one unit column: y[r] is then exactly the dequantized weight w'[r, c] at every width ((q - z) * s is an exact
        /// float for a Half scale, so every kernel — the lane kernel's folded group tables included — must return it bit
        /// for bit), for columns in the first and last chunk, a group edge and (W4G-1 with 1000 columns) the tail.
        /// </summary>
        [Theory]
        [MemberData(nameof(UnitColumnCases))]
        public void AUnitColumnGivesTheDequantizedWeightsExactly(string name, int columns, int width)
        {
            const int Rows = 12;
            QuantizedMatrix m = QuantizedMatrix.Quantize(Gaussian(Rows * columns, columns), Rows, columns, QuantScheme.Parse(name));
            float[] restored = new float[Rows * columns];
            m.Dequantize(restored);
            int group = m.GroupSize;
            foreach (int c in new[] { 0, 1, 7, 8, 127, group - 1, group % columns, columns - 1, columns - 2 })
            {
                float[] x = new float[columns];
                x[c] = 1;
                float[] y = new float[Rows];
                m.MatVec(x, y, new MatVecOptions { VectorBits = width, SingleThreaded = true });
                for (int r = 0; r < Rows; r++)
                {
                    Assert.True(restored[(r * columns) + c] == y[r], $"{name} at {width} bits, row {r}, column {c}: {y[r]} != {restored[(r * columns) + c]}");
                }
            }
        }

        [Theory]
        [InlineData("W4G128", 512)]
        [InlineData("W4G-1", 1024)]
        [InlineData("W4G64-sym", 320)]
        [InlineData("W4G256", 768)]
        public void Int8ActivationsStayWithinTheirBoundAtEveryWidth(string name, int columns)
        {
            const int Rows = 33;
            QuantScheme scheme = QuantScheme.Parse(name);
            float[] w = Gaussian(Rows * columns, 11);
            QuantizedMatrix m = QuantizedMatrix.Quantize(w, Rows, columns, scheme);
            float[] x = Gaussian(columns, 12);
            x[3] = 40; // one large activation coarsens its block's grid
            x.AsSpan(64, 32).Clear(); // an all-zero block: d = 0
            float[] restored = new float[w.Length];
            m.Dequantize(restored);
            var options = new MatVecOptions { Int8Activations = true, SingleThreaded = true };
            float[] bound = new float[Rows], floatBound = new float[Rows];
            m.MatVecErrorBound(x, bound, options);
            m.MatVecErrorBound(x, floatBound);
            float[]? first = null;
            foreach (int width in new[] { 512, 256, 0 })
            {
                float[] y = new float[Rows];
                m.MatVec(x, y, options with { VectorBits = width });
                first ??= y;

                // The integer dots are exact and the float steps run in one order, so the width never changes a bit.
                Assert.Equal(first, y);
                for (int r = 0; r < Rows; r++)
                {
                    double exact = 0, magnitude = 0;
                    for (int c = 0; c < columns; c++)
                    {
                        exact += (double)restored[(r * columns) + c] * x[c];
                        magnitude += Math.Abs((double)restored[(r * columns) + c] * x[c]);
                    }

                    Assert.True(Math.Abs(y[r] - exact) <= bound[r] + (columns * Math.ScaleB(1.0, -53) * magnitude), $"{name} at {width}, row {r}: |{y[r]} - {exact}| > {bound[r]}");
                    Assert.True(bound[r] >= floatBound[r]);

                    // An approximation, but a close one: int8 steps of each 32-element block of x.
                    Assert.True(bound[r] <= 0.05 * magnitude, $"row {r}: bound {bound[r]} vs magnitude {magnitude}");
                }
            }

            float[] parallel = new float[Rows];
            m.MatVec(x, parallel, new MatVecOptions { Int8Activations = true });
            Assert.Equal(first, parallel);
        }

        [Theory]
        [InlineData("W3G128")]
        [InlineData("NF4")]
        [InlineData("W4G32")]
        public void Int8ActivationsAreIgnoredWithoutAnInt8Kernel(string name)
        {
            const int Rows = 8, Columns = 256;
            QuantizedMatrix m = QuantizedMatrix.Quantize(Gaussian(Rows * Columns, 13), Rows, Columns, QuantScheme.Parse(name));
            float[] x = Gaussian(Columns, 14);
            float[] plain = new float[Rows], int8 = new float[Rows], bound = new float[Rows], floatBound = new float[Rows];
            m.MatVec(x, plain);
            m.MatVec(x, int8, new MatVecOptions { Int8Activations = true });
            Assert.Equal(plain, int8);
            m.MatVecErrorBound(x, bound, new MatVecOptions { Int8Activations = true });
            m.MatVecErrorBound(x, floatBound);
            Assert.Equal(floatBound, bound);
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
