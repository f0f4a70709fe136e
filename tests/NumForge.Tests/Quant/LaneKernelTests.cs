using System;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Xunit;
using static NumForge.Tests.Quant.QuantReference;

namespace NumForge.Tests.Quant
{
    /// <summary>
    /// The AVX-512 W4 lane kernel (<c>LaneTableRowDot</c>) for W{N}G{M} groups of whole 128-element chunks, where the zero
    /// points are folded into each group's table: every table entry is exactly the dequantized weight, and MatVec at 512
    /// bits returns, bit for bit, the float32 sum a plain model of the kernel's documented order gives (so a faster variant
    /// of the kernel cannot change a result without changing this test).
    /// </summary>
    public class LaneKernelTests
    {
        /// <summary>Gaussian weights with a constant group (subnormal Half scale), an outlier and a row of one sign.</summary>
        private static QuantizedMatrix Matrix(string scheme, int rows, int columns, int seed)
        {
            float[] w = Gaussian(rows * columns, seed);
            for (int c = 0; c < 128; c++)
            {
                w[columns + c] = 0.25f; // row 1, group 0: max - min = 0, the 1e-5 range
                w[(2 * columns) + c] = Math.Abs(w[(2 * columns) + c]);
            }

            w[(3 * columns) + 77] = 40f;
            return QuantizedMatrix.Quantize(w, rows, columns, QuantScheme.Parse(scheme), new QuantizeOptions { SingleThreaded = true });
        }

        [Theory]
        [InlineData("W4G128")]
        [InlineData("W4G256")]
        [InlineData("W4G-1")]
        [InlineData("W4G128-sym")]
        public void FoldedTableEntriesAreTheDequantizedWeights(string scheme)
        {
            QuantizedMatrix m = Matrix(scheme, 8, 512, 11);
            ReadOnlySpan<ushort> zeros = m.ZeroPoints;
            for (int r = 0; r < m.Rows; r++)
            {
                for (int g = 0; g < m.GroupsPerRow; g++)
                {
                    float s = m.GetScale(r, g);
                    int z = zeros[(r * m.GroupsPerRow) + g];
                    float offset = -(s * z);
                    for (int q = 0; q < 16; q++)
                    {
                        float folded = MathF.FusedMultiplyAdd(q, s, offset);
                        float dequantized = (q - z) * s;
                        Assert.Equal(BitConverter.SingleToInt32Bits(dequantized), BitConverter.SingleToInt32Bits(folded));
                        Assert.Equal((double)(q - z) * s, folded); // and exact
                    }
                }
            }
        }

        [Theory]
        [InlineData("W4G128", 1024)]
        [InlineData("W4G256", 1024)]
        [InlineData("W4G-1", 640)]
        [InlineData("W4G128-sym", 512)]
        public void The512BitKernelGivesItsModelsBits(string scheme, int columns)
        {
            const int Rows = 12;
            QuantizedMatrix m = Matrix(scheme, Rows, columns, 12);
            float[] x = Gaussian(columns, 13);
            x[5] = 1e30f; // a wide range of products in one row
            x[6] = -3e-30f;
            float[] y = new float[Rows];
            m.MatVec(x, y, new MatVecOptions { VectorBits = 512, SingleThreaded = true });
            float[] bound = new float[Rows];
            m.MatVecErrorBound(x, bound);
            for (int r = 0; r < Rows; r++)
            {
                float model = Model(m, x, r);
                // The 512-bit kernel runs where the runtime offers 512-bit vectors (not under DOTNET_PreferredVectorBitWidth < 512).
                if (Vector512.IsHardwareAccelerated && Avx512F.IsSupported && Avx512BW.IsSupported)
                {
                    Assert.True(BitConverter.SingleToInt32Bits(model) == BitConverter.SingleToInt32Bits(y[r]), $"{scheme} row {r}: kernel {y[r]:R}, model {model:R}");
                }
                else
                {
                    // Without them another kernel runs, in another order: both lie within the bound of each other's sum.
                    Assert.True(Math.Abs((double)model - y[r]) <= 2.0 * bound[r], $"{scheme} row {r}: kernel {y[r]:R}, model {model:R}");
                }
            }
        }

        /// <summary>
        /// The kernel's arithmetic written out: per group the table <c>fma(q, s, -(s * z))</c>; per chunk of 128 elements,
        /// step k (0..7) adds <c>table[code of element 8l + k] * x[8l + k]</c> into lane l of accumulator k % 4 with one
        /// FMA; at the end of the row the four accumulators are added (a0 + a1) + (a2 + a3) and the 16 lanes reduced by
        /// halves (8, then 4), then ((l0 + l2) + (l1 + l3)).
        /// </summary>
        private static float Model(QuantizedMatrix m, float[] x, int row)
        {
            ReadOnlySpan<byte> codes = m.Codes.Slice(row * m.RowBytes, m.RowBytes);
            ReadOnlySpan<ushort> zeros = m.ZeroPoints;
            int groupSize = m.GroupsPerRow == 1 ? m.Columns : m.GroupSize;
            float[,] acc = new float[4, 16];
            float[] table = new float[16];
            for (int chunk = 0; chunk < m.Columns / 128; chunk++)
            {
                int g = chunk * 128 / groupSize;
                float s = m.GetScale(row, g);
                float offset = -(s * zeros[(row * m.GroupsPerRow) + g]);
                for (int q = 0; q < 16; q++)
                {
                    table[q] = MathF.FusedMultiplyAdd(q, s, offset);
                }

                for (int k = 0; k < 8; k++)
                {
                    for (int l = 0; l < 16; l++)
                    {
                        int element = (chunk * 128) + (8 * l) + k;
                        int code = (codes[element / 2] >> (4 * (element % 2))) & 15;
                        acc[k % 4, l] = MathF.FusedMultiplyAdd(table[code], x[element], acc[k % 4, l]);
                    }
                }
            }

            float[] v = new float[16];
            for (int l = 0; l < 16; l++)
            {
                v[l] = (acc[0, l] + acc[1, l]) + (acc[2, l] + acc[3, l]);
            }

            float[] half = new float[8];
            for (int i = 0; i < 8; i++)
            {
                half[i] = v[i] + v[i + 8];
            }

            float[] quarter = new float[4];
            for (int i = 0; i < 4; i++)
            {
                quarter[i] = half[i] + half[i + 4];
            }

            return (quarter[0] + quarter[2]) + (quarter[1] + quarter[3]);
        }
    }
}
