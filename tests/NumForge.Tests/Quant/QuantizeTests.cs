using System;
using System.Linq;
using Xunit;
using static NumForge.Tests.Quant.QuantReference;

namespace NumForge.Tests.Quant
{
    /// <summary>Error measurements, the error-minimizing option, bad input.</summary>
    public class QuantizeTests
    {
        [Theory]
        [InlineData("W4G128", 19.5)]
        [InlineData("W8G128", 44.0)]
        public void SqnrOnAGaussianMatrix(string name, double target)
        {
            const int Rows = 256, Columns = 1024;
            float[] w = Gaussian(Rows * Columns, 21);
            QuantError error = QuantizedMatrix.Quantize(w, Rows, Columns, QuantScheme.Parse(name)).Measure(w);
            Assert.True(error.SqnrDb >= target, $"{name}: {error.SqnrDb:F2} dB < {target} dB");
        }

        [Theory]
        [InlineData("W3G128")]
        [InlineData("W2G128")]
        public void ErrorMinimizingGainsAtLeastOneDecibel(string name)
        {
            const int Rows = 128, Columns = 1024;
            float[] w = Gaussian(Rows * Columns, 22);
            QuantScheme scheme = QuantScheme.Parse(name);
            double rtn = QuantizedMatrix.Quantize(w, Rows, Columns, scheme).Measure(w).SqnrDb;
            double searched = QuantizedMatrix.Quantize(w, Rows, Columns, scheme, new QuantizeOptions { MinimizeError = true }).Measure(w).SqnrDb;
            Assert.True(searched >= rtn + 1, $"{name}: RTN {rtn:F2} dB, error-minimizing {searched:F2} dB");
        }

        [Theory]
        [InlineData("W4G128")]
        [InlineData("W3G128")]
        [InlineData("W2G128")]
        [InlineData("W8G128")]
        [InlineData("W4G-1")]
        [InlineData("W4G128-sym")]
        public void ErrorMinimizingIsNeverWorsePerGroup(string name)
        {
            const int Rows = 8, Columns = 512;
            float[] w = Adversarial(Rows, Columns, 23);
            QuantScheme scheme = QuantScheme.Parse(name);
            QuantizedMatrix rtn = QuantizedMatrix.Quantize(w, Rows, Columns, scheme);
            QuantizedMatrix searched = QuantizedMatrix.Quantize(w, Rows, Columns, scheme, new QuantizeOptions { MinimizeError = true });
            float[] a = new float[w.Length], b = new float[w.Length];
            rtn.Dequantize(a);
            searched.Dequantize(b);
            for (int start = 0; start < w.Length; start += rtn.GroupSize)
            {
                double ea = 0, eb = 0;
                for (int i = start; i < start + rtn.GroupSize; i++)
                {
                    ea += ((double)a[i] - w[i]) * ((double)a[i] - w[i]);
                    eb += ((double)b[i] - w[i]) * ((double)b[i] - w[i]);
                }

                Assert.True(eb <= ea, $"{name} group at {start}: searched error {eb} > RTN error {ea}");
            }
        }

        [Fact]
        public void MeasureReportsTheErrors()
        {
            float[] w = Gaussian(4 * 256, 24);
            QuantizedMatrix m = QuantizedMatrix.Quantize(w, 4, 256, QuantScheme.W4G128);
            float[] restored = new float[w.Length];
            m.Dequantize(restored);
            double noise = 0, signal = 0, max = 0;
            for (int i = 0; i < w.Length; i++)
            {
                double e = (double)restored[i] - w[i];
                noise += e * e;
                signal += (double)w[i] * w[i];
                max = Math.Max(max, Math.Abs(e));
            }

            QuantError error = m.Measure(w);
            Assert.Equal(Math.Sqrt(noise / w.Length), error.Rmse, 12);
            Assert.Equal(10 * Math.Log10(signal / noise), error.SqnrDb, 9);
            Assert.Equal(max, error.MaxAbsError);
            Assert.Equal(4 + (16.0 + 4) / 128, error.BitsPerWeight, 12);
        }

        [Theory]
        [InlineData("W4G128", 4 + 20.0 / 128)]
        [InlineData("W4G128-sym", 4 + 16.0 / 128)]
        [InlineData("W3G128", 3 + 19.0 / 128)]
        [InlineData("W4G-1", 4 + 20.0 / 1024)]
        [InlineData("MXFP4", 4.25)]
        [InlineData("MXFP6E3M2", 6.25)]
        [InlineData("MXINT8", 8.25)]
        [InlineData("NF4", 4.5)]
        [InlineData("NVFP4", 4.5 + 32.0 / (16 * 1024))]
        public void BitsPerWeight(string name, double expected)
            => Assert.Equal(expected, QuantizedMatrix.Quantize(Gaussian(16 * 1024, 1), 16, 1024, QuantScheme.Parse(name)).BitsPerWeight, 12);

        [Fact]
        public void DequantizeIsTheRuleForEveryScheme()
        {
            const int Rows = 4, Columns = 256;
            float[] w = Adversarial(Rows, Columns, 25);
            foreach (QuantScheme scheme in QuantScheme.Common)
            {
                QuantizedMatrix m = QuantizedMatrix.Quantize(w, Rows, Columns, scheme);
                float[] restored = new float[w.Length];
                m.Dequantize(restored);
                for (int r = 0; r < Rows; r++)
                {
                    for (int c = 0; c < Columns; c++)
                    {
                        int g = c / m.GroupSize;
                        int code = m.GetCode(r, c);
                        double expected = scheme.Kind switch
                        {
                            QuantSchemeKind.WeightOnly => (code - m.ZeroPoints[(r * m.GroupsPerRow) + g]) * (double)m.GetScale(r, g),
                            QuantSchemeKind.Nf4 => (float)Nf4Codebook[code] * (double)m.GetScale(r, g),
                            QuantSchemeKind.Mx when scheme.MxElement == MxElement.Int8 => (sbyte)code / 64.0 * m.GetScale(r, g),
                            _ => ElementValue(scheme, code) * m.GetScale(r, g),
                        };
                        Assert.Equal(F(expected), restored[(r * Columns) + c]);
                        Assert.Equal(m.GetScale(r, g), m.Scales[(r * m.GroupsPerRow) + g]);
                    }
                }
            }
        }

        /// <summary>
        /// The dequantizer against the element-by-element rule where its runs do not fill a row: G-1 rows ending inside a
        /// 3-bit, 2-bit or 4-bit run, groups of 16 (shorter than AVX-512's 16-code step would leave nothing over), and an
        /// AVX-512 step that leaves a tail.
        /// </summary>
        [Theory]
        [InlineData("W3G-1", 1003)]
        [InlineData("W2G-1", 1001)]
        [InlineData("W4G-1", 1003)]
        [InlineData("W8G-1", 1003)]
        [InlineData("W4G16", 272)]
        [InlineData("W2G16-sym", 48)]
        [InlineData("W3G32", 352)]
        [InlineData("MXFP6E2M3", 96)]
        [InlineData("MXFP8E5M2", 96)]
        [InlineData("MXINT8", 96)]
        [InlineData("NVFP4", 48)]
        public void DequantizeIsTheRuleAtEveryRowShape(string name, int columns)
        {
            const int Rows = 7;
            QuantScheme scheme = QuantScheme.Parse(name);
            float[] w = Adversarial(Rows, columns, columns);
            if (scheme.Kind == QuantSchemeKind.Mx)
            {
                w[(7 * columns) - 5] = float.NaN; // a NaN block dequantizes to NaN
            }

            QuantizedMatrix m = QuantizedMatrix.Quantize(w, Rows, columns, scheme);
            float[] restored = new float[w.Length + 1];
            restored[^1] = 12345;
            m.Dequantize(restored);
            Assert.Equal(12345, restored[^1]);
            for (int r = 0; r < Rows; r++)
            {
                for (int c = 0; c < columns; c++)
                {
                    int g = c / m.GroupSize;
                    int code = m.GetCode(r, c);
                    double expected = scheme.Kind switch
                    {
                        QuantSchemeKind.WeightOnly => (code - m.ZeroPoints[(r * m.GroupsPerRow) + g]) * (double)m.GetScale(r, g),
                        QuantSchemeKind.Nvfp4 => E2M1.Value(code) * m.GetScale(r, g),
                        QuantSchemeKind.Mx when scheme.MxElement == MxElement.Int8 => (sbyte)code / 64.0 * m.GetScale(r, g),
                        _ => ElementValue(scheme, code) * m.GetScale(r, g),
                    };
                    Assert.True(F(expected).Equals(restored[(r * columns) + c]), $"{name}, row {r}, column {c}: {restored[(r * columns) + c]} != {F(expected)}");
                }
            }
        }

        private static double ElementValue(QuantScheme scheme, int code) => scheme.MxElement switch
        {
            MxElement.Fp8E4M3 => E4M3.Value(code),
            MxElement.Fp8E5M2 => E5M2.Value(code),
            MxElement.Fp6E3M2 => E3M2.Value(code),
            MxElement.Fp6E2M3 => E2M3.Value(code),
            _ => E2M1.Value(code),
        };

        [Fact]
        public void BadInputIsRejectedByName()
        {
            float[] w = Gaussian(4 * 256, 26);
            Assert.Contains("rows x columns", Assert.Throws<ArgumentException>(() => QuantizedMatrix.Quantize(w, 3, 256, QuantScheme.W4G128)).Message, StringComparison.Ordinal);
            Assert.Contains("not a multiple of W4G128's group size 128", Assert.Throws<ArgumentException>(() => QuantizedMatrix.Quantize(w.AsSpan(0, 4 * 192), 4, 192, QuantScheme.W4G128)).Message, StringComparison.Ordinal);
            Assert.Contains("group size 64", Assert.Throws<ArgumentException>(() => QuantizedMatrix.Quantize(w.AsSpan(0, 4 * 96), 4, 96, QuantScheme.NF4)).Message, StringComparison.Ordinal);
            Assert.Contains("group size 32", Assert.Throws<ArgumentException>(() => QuantizedMatrix.Quantize(w.AsSpan(0, 4 * 48), 4, 48, QuantScheme.MXFP4)).Message, StringComparison.Ordinal);
            Assert.Throws<ArgumentOutOfRangeException>(() => QuantizedMatrix.Quantize(ReadOnlySpan<float>.Empty, 0, 128, QuantScheme.W4G128));
            Assert.Throws<ArgumentException>(() => QuantizedMatrix.Quantize(w, 4, 256, default));

            w[300] = float.NaN;
            ArgumentException nan = Assert.Throws<ArgumentException>(() => QuantizedMatrix.Quantize(w, 4, 256, QuantScheme.W4G128));
            Assert.Contains("row 1, column 44", nan.Message, StringComparison.Ordinal);
            Assert.Throws<ArgumentException>(() => QuantizedMatrix.Quantize(w, 4, 256, QuantScheme.NVFP4));
            Assert.Throws<ArgumentException>(() => QuantizedMatrix.Quantize(w, 4, 256, QuantScheme.NF4));

            float[] wide = new float[128];
            wide[0] = -300000f;
            wide[1] = 300000f;
            Assert.Contains("too wide for a Half scale", Assert.Throws<ArgumentException>(() => QuantizedMatrix.Quantize(wide, 1, 128, QuantScheme.Parse("W2G128"))).Message, StringComparison.Ordinal);
            Assert.Throws<InvalidOperationException>(() => QuantizedMatrix.Quantize(new float[128], 1, 128, QuantScheme.W4G128).GetScales<float>());
        }

        [Fact]
        public void ParallelQuantizeEqualsSerial()
        {
            const int Rows = 256, Columns = 1024;
            float[] w = Gaussian(Rows * Columns, 27);
            foreach (QuantScheme scheme in QuantScheme.Common)
            {
                QuantizedMatrix a = QuantizedMatrix.Quantize(w, Rows, Columns, scheme);
                QuantizedMatrix b = QuantizedMatrix.Quantize(w, Rows, Columns, scheme, new QuantizeOptions { SingleThreaded = true });
                Assert.True(a.Codes.SequenceEqual(b.Codes));
                Assert.True(a.ScaleBytes.SequenceEqual(b.ScaleBytes));
                Assert.True(a.ZeroPoints.SequenceEqual(b.ZeroPoints));
            }
        }
    }

    /// <summary>The targets on the full 4096 x 4096 Gaussian matrix (minutes on a loaded machine).</summary>
    public class QuantizeExhaustiveTests
    {
        [Fact]
        [Trait("Category", "Exhaustive")]
        public void TargetsOnA4096SquareGaussian()
        {
            const int N = 4096;
            float[] w = Gaussian(N * N, 40);
            Assert.True(QuantizedMatrix.Quantize(w, N, N, QuantScheme.W4G128).Measure(w).SqnrDb >= 19.5);
            Assert.True(QuantizedMatrix.Quantize(w, N, N, QuantScheme.Parse("W8G128")).Measure(w).SqnrDb >= 44);
            foreach (string name in new[] { "W3G128", "W2G128" })
            {
                QuantScheme scheme = QuantScheme.Parse(name);
                double rtn = QuantizedMatrix.Quantize(w, N, N, scheme).Measure(w).SqnrDb;
                double searched = QuantizedMatrix.Quantize(w, N, N, scheme, new QuantizeOptions { MinimizeError = true }).Measure(w).SqnrDb;
                Assert.True(searched >= rtn + 1, $"{name}: RTN {rtn:F2} dB, error-minimizing {searched:F2} dB");
            }
        }
    }
}
