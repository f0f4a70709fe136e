using System;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using NumForge.Tests.Support;
using Xunit;
using static NumForge.Tests.Quant.QuantReference;

namespace NumForge.Tests.Quant
{
    /// <summary>
    /// Quantization gives the same planes at every vector width (512, 256, 128, no intrinsics: the BMI2 code packing,
    /// the vector rules and their scalar fallbacks), and MatVec stays within its documented bound at each, each run in a
    /// child process of this test assembly (<see cref="VectorWidthProcess"/>) with
    /// <c>DOTNET_PreferredVectorBitWidth</c> or <c>DOTNET_EnableHWIntrinsic=0</c>.
    /// </summary>
    public class QuantWidthProcessTests
    {
        /// <summary>Schemes and column counts: whole groups, a G-1 row whose codes end mid-run of eight, every packing width.</summary>
        private static readonly (string Scheme, int Columns)[] Cases =
        [
            ("W4G128", 512), ("W4G-1", 1003), ("W3G128", 640), ("W3G-1", 1003), ("W3G32", 352), ("W2G128", 768), ("W2G-1", 1001),
            ("W8G128", 256), ("MXFP4", 544), ("NVFP4", 528), ("NF4", 576), ("W4G64-sym", 320), ("MXINT8", 544), ("MXFP6E3M2", 544), ("MXFP8E4M3", 544),
        ];

        // What the child process answers: its planes, its MatVec rows outside the bound, and its width-free results.
        private static string ChildAnswer() => $"{PlaneHash()} {MatVecFailures()} {WidthFreeResultHash()}";

        private static QuantizedMatrix Matrix(string scheme, int columns, out float[] weights)
        {
            const int Rows = 24;
            weights = Gaussian(Rows * columns, columns);
            weights[5] = 0; // a -0 and an outlier in the first group
            weights[6] = -0f;
            weights[7] = 0.9f;
            return QuantizedMatrix.Quantize(weights, Rows, columns, QuantScheme.Parse(scheme), new QuantizeOptions { SingleThreaded = true });
        }

        /// <summary>SHA-256 of every plane (codes, scale bytes, zero points) of every case.</summary>
        internal static string PlaneHash()
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            foreach ((string scheme, int columns) in Cases)
            {
                QuantizedMatrix m = Matrix(scheme, columns, out _);
                hash.AppendData(m.Codes);
                hash.AppendData(m.ScaleBytes);
                hash.AppendData(MemoryMarshal.AsBytes(m.ZeroPoints));
            }

            return Convert.ToHexString(hash.GetHashAndReset());
        }

        /// <summary>
        /// SHA-256 of what must not depend on the width, at this process's width: every case's dequantized matrix, and the
        /// MatVec results of MXINT8 (its 16 lanes and reduction tree are fixed). Every process must give the same bits.
        /// </summary>
        internal static string WidthFreeResultHash()
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            foreach ((string scheme, int columns) in Cases)
            {
                QuantizedMatrix m = Matrix(scheme, columns, out _);
                float[] restored = new float[m.Rows * columns];
                m.Dequantize(restored);
                hash.AppendData(MemoryMarshal.AsBytes(restored.AsSpan()));
            }

            foreach (int columns in new[] { 544, 1024 })
            {
                QuantizedMatrix m = Matrix("MXINT8", columns, out _);
                float[] y = new float[m.Rows];
                m.MatVec(Gaussian(columns, columns + 2), y, new MatVecOptions { SingleThreaded = true });
                hash.AppendData(MemoryMarshal.AsBytes(y.AsSpan()));
            }

            return Convert.ToHexString(hash.GetHashAndReset());
        }

        /// <summary>How many rows of MatVec (at this process's width) fall outside the documented bound of the exact sum.</summary>
        internal static int MatVecFailures()
        {
            int failures = 0;
            foreach ((string scheme, int columns) in Cases)
            {
                QuantizedMatrix m = Matrix(scheme, columns, out _);
                float[] x = Gaussian(columns, columns + 1);
                float[] restored = new float[m.Rows * columns];
                m.Dequantize(restored);
                float[] y = new float[m.Rows], bound = new float[m.Rows];
                m.MatVec(x, y, new MatVecOptions { SingleThreaded = true });
                m.MatVecErrorBound(x, bound);
                for (int r = 0; r < m.Rows; r++)
                {
                    double exact = 0, magnitude = 0;
                    for (int c = 0; c < columns; c++)
                    {
                        exact += (double)restored[(r * columns) + c] * x[c];
                        magnitude += Math.Abs((double)restored[(r * columns) + c] * x[c]);
                    }

                    if (!(Math.Abs(y[r] - exact) <= bound[r] + (columns * Math.ScaleB(1.0, -53) * magnitude)))
                    {
                        failures++;
                    }
                }
            }

            return failures;
        }

        public static TheoryData<string, string, string> Widths() => VectorWidthProcess.Widths();

        [Theory]
        [MemberData(nameof(Widths))]
        public void SamePlanesAndMatVecWithinTheBoundAtEveryWidth(string width, string variable, string value)
        {
            string[] child = VectorWidthProcess.RunAt(width, ChildAnswer, variable, value);
            Assert.True(child[0] == PlaneHash(), $"{width}: the quantized planes differ from this process's");
            Assert.True(child[1] == "0", $"{width}: {child[1]} MatVec rows outside the documented bound");
            Assert.True(child[2] == WidthFreeResultHash(), $"{width}: the dequantized matrices or the MXINT8 MatVec differ from this process's in some bit");
        }

        [Fact]
        public void MatVecIsWithinTheBoundHere() => Assert.Equal(0, MatVecFailures());
    }
}
