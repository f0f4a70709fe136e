using System;
using NumForge.Blocks.Ggml;
using Xunit;

namespace NumForge.Tests.Ggml
{
    /// <summary>
    /// QuantizedMatrix{TBlock}.MatVec against the exact sum (in double) of the dequantized products, within the bound of
    /// docs/ggml.md, for int8 and float activations, single-threaded and parallel.
    /// </summary>
    public class MatVecTests
    {
        public static TheoryData<int, int> Shapes => new() { { 1, 256 }, { 37, 512 }, { 64, 1024 }, { 1100, 2048 } };

        [Theory]
        [MemberData(nameof(Shapes))]
        public void Q4_0(int rows, int columns) => Check<BlockQ4_0>(rows, columns, 32, null);

        [Theory]
        [MemberData(nameof(Shapes))]
        public void Q8_0(int rows, int columns) => Check<BlockQ8_0>(rows, columns, 32, null);

        [Theory]
        [MemberData(nameof(Shapes))]
        public void MXFP4(int rows, int columns) => Check<BlockMXFP4>(rows, columns, 32, null);

        [Theory]
        [MemberData(nameof(Shapes))]
        public void NVFP4(int rows, int columns) => Check<BlockNVFP4>(rows, columns, 32, null);

        [Theory]
        [MemberData(nameof(Shapes))]
        public void Q4_K(int rows, int columns) => Check<BlockQ4_K>(rows, columns, 256, Q4KMinimums);

        [Theory]
        [MemberData(nameof(Shapes))]
        public void Q6_K(int rows, int columns) => Check<BlockQ6_K>(rows, columns, 256, null);

        [Fact]
        public void Types_without_an_int8_kernel_use_the_float_path()
        {
            Check<BlockQ5_K>(20, 512, 256, Q5KMinimums);
            Check<BlockQ4_1>(20, 512, 32, null, float.NaN);
        }

        [Fact]
        public void Shapes_and_lengths_are_checked()
        {
            Assert.Throws<ArgumentException>(() => QuantizedMatrix<BlockQ4_0>.Quantize(new float[100], 2, 50));
            Assert.Throws<ArgumentException>(() => QuantizedMatrix<BlockQ4_0>.Quantize(new float[64], 1, 32));
            var m = QuantizedMatrix<BlockQ4_0>.Quantize(new float[64], 2, 32);
            Assert.Throws<ArgumentException>(() => m.MatVec(new float[31], new float[2]));
            Assert.Throws<ArgumentException>(() => m.MatVec(new float[32], new float[1]));
            Assert.Throws<ArgumentException>(() => QuantizedMatrix<BlockQ4_0>.FromBlocks(new BlockQ4_0[3], 2, 32));
            Assert.Equal(2, QuantizedMatrix<BlockQ4_0>.FromBlocks(m.Blocks, 2, 32).Rows);
        }

        // The sub-block minimum dmin * m of each element (the bound's mu term), for the formats that have one.
        private static double[] Q4KMinimums(QuantizedMatrix<BlockQ4_K> m) => KMinimums(m.Blocks, b => (b.DMin, b.Scales));

        private static double[] Q5KMinimums(QuantizedMatrix<BlockQ5_K> m) => KMinimums(m.Blocks, b => (b.DMin, b.Scales));

        private static double[] KMinimums<TBlock>(ReadOnlySpan<TBlock> blocks, Func<TBlock, (ushort DMin, Bytes12 Scales)> parts)
        {
            double[] mu = new double[blocks.Length * 256];
            for (int i = 0; i < blocks.Length; i++)
            {
                (ushort dmin, Bytes12 scales) = parts(blocks[i]);
                for (int s = 0; s < 8; s++)
                {
                    KQuantScales.Get(s, scales, out _, out int min);
                    mu.AsSpan((i * 256) + (s * 32), 32).Fill(Math.Abs((double)(float)BitConverter.UInt16BitsToHalf(dmin) * min));
                }
            }

            return mu;
        }

        private static void Check<TBlock>(int rows, int columns, int activationBlock, Func<QuantizedMatrix<TBlock>, double[]>? minimums, float nanProbe = 0)
            where TBlock : unmanaged, IBlockFormat<TBlock>
        {
            var random = new Random(rows * 31 + columns);
            float[] weights = GgmlInputs.Make(rows + columns, rows * columns / TBlock.BlockSize, TBlock.BlockSize, ["gauss0.02", "gauss1", "outlier", "laplace", "uniformoffset", "zero"]);
            float[] x = new float[columns];
            for (int j = 0; j < columns; j++)
            {
                x[j] = (float)(random.NextDouble() * 2 - 1) * (j % 97 == 0 ? 50 : 1);
            }

            var matrix = QuantizedMatrix<TBlock>.Quantize(weights, rows, columns);
            Assert.Equal(rows, matrix.Rows);
            Assert.Equal(columns, matrix.Columns);
            float[] w = new float[rows * columns];
            matrix.Dequantize(w);
            double[] mu = minimums?.Invoke(matrix) ?? new double[rows * columns];

            double[] delta = new double[columns];
            for (int b = 0; b < columns; b += activationBlock)
            {
                double amax = 0;
                for (int j = b; j < b + activationBlock; j++)
                {
                    amax = Math.Max(amax, Math.Abs(x[j]));
                }

                delta.AsSpan(b, activationBlock).Fill(amax / 127 * 0.5 * 1.001);
            }

            double epsilonInt8 = (columns / 32.0 + 16) * Math.Pow(2, -22);
            double epsilonFloat = (columns + 16) * Math.Pow(2, -23);
            float[] yInt8 = new float[rows], yInt8Serial = new float[rows], yFloat = new float[rows], yDefault = new float[rows];
            matrix.MatVec(x, yInt8, MatVecActivation.Int8);
            matrix.MatVec(x, yInt8Serial, MatVecActivation.Int8, maxDegreeOfParallelism: 1);
            matrix.MatVec(x, yFloat, MatVecActivation.Float);
            matrix.MatVec(x, yDefault);
            Assert.Equal(yInt8, yInt8Serial);
            Assert.Equal(yInt8, yDefault);
            bool hasInt8Kernel = !float.IsNaN(nanProbe) && typeof(TBlock) != typeof(BlockQ5_K);
            for (int r = 0; r < rows; r++)
            {
                double exact = 0, magnitude = 0, quantization = 0;
                for (int j = 0; j < columns; j++)
                {
                    double wj = w[(r * columns) + j];
                    exact += wj * x[j];
                    magnitude += (Math.Abs(wj) + mu[(r * columns) + j]) * (Math.Abs(x[j]) + delta[j]);
                    quantization += Math.Abs(wj) * delta[j];
                }

                double floatBound = epsilonFloat * magnitude;
                double int8Bound = hasInt8Kernel ? quantization + (epsilonInt8 * magnitude) : floatBound;
                Assert.True(Math.Abs(yFloat[r] - exact) <= floatBound, $"row {r}: float path {yFloat[r]} vs exact {exact}, bound {floatBound}");
                Assert.True(Math.Abs(yInt8[r] - exact) <= int8Bound, $"row {r}: int8 path {yInt8[r]} vs exact {exact}, bound {int8Bound}");
            }
        }
    }
}
