using System;
using System.Runtime.InteropServices;
using Xunit;
using static NumForge.Tests.Quant.QuantReference;

namespace NumForge.Tests.Quant
{
    /// <summary>The ggml schemes through the one QuantizedMatrix API: the same bytes, values and products as QuantizedMatrix&lt;TBlock&gt;.</summary>
    public class GgmlSchemeTests
    {
        private const int Rows = 12;
        private const int Columns = 512;

        public static TheoryData<string> Names() => new(Array.ConvertAll(QuantScheme.GgmlTypes, s => s.ToString()));

        [Theory]
        [MemberData(nameof(Names))]
        public void EveryGgmlNameWorksThroughQuantizedMatrix(string name)
        {
            switch (name)
            {
                case "Q4_0": Check<BlockQ4_0>(name); break;
                case "Q4_1": Check<BlockQ4_1>(name); break;
                case "Q5_0": Check<BlockQ5_0>(name); break;
                case "Q5_1": Check<BlockQ5_1>(name); break;
                case "Q8_0": Check<BlockQ8_0>(name); break;
                case "Q2_K": Check<BlockQ2_K>(name); break;
                case "Q3_K": Check<BlockQ3_K>(name); break;
                case "Q4_K": Check<BlockQ4_K>(name); break;
                case "Q5_K": Check<BlockQ5_K>(name); break;
                case "Q6_K": Check<BlockQ6_K>(name); break;
                default: throw new InvalidOperationException(name);
            }
        }

        private static void Check<TBlock>(string name)
            where TBlock : unmanaged, IBlockFormat<TBlock>
        {
            float[] w = Gaussian(Rows * Columns, 21);
            w[5] = 0.9f; // an outlier
            w.AsSpan(Columns, Columns).Clear(); // an all-zero row
            QuantScheme scheme = QuantScheme.Parse(name);
            QuantizedMatrix m = QuantizedMatrix.Quantize(w, Rows, Columns, scheme);
            QuantizedMatrix<TBlock> reference = QuantizedMatrix<TBlock>.Quantize(w, Rows, Columns);

            // The planes: the blocks, byte for byte, and nothing else.
            Assert.Equal(scheme, m.Scheme);
            Assert.Equal(typeof(TBlock), m.BlockType);
            Assert.Equal(typeof(TBlock), m.ScaleType);
            Assert.Equal(TBlock.BlockSize, m.GroupSize);
            Assert.Equal(Columns / TBlock.BlockSize, m.GroupsPerRow);
            Assert.Equal(m.GroupsPerRow * Marshal.SizeOf<TBlock>(), m.RowBytes);
            Assert.True(MemoryMarshal.AsBytes(reference.Blocks).SequenceEqual(m.Codes));
            Assert.True(MemoryMarshal.AsBytes(reference.Blocks).SequenceEqual(MemoryMarshal.AsBytes(m.GetBlocks<TBlock>())));
            Assert.True(m.ScaleBytes.IsEmpty && m.Scales.IsEmpty && m.ZeroPoints.IsEmpty && m.ColumnOrder.IsEmpty);
            Assert.Equal(8.0 * Marshal.SizeOf<TBlock>() / TBlock.BlockSize, m.BitsPerWeight);
            Assert.Throws<InvalidOperationException>(() => m.GetCode(0, 0));
            Assert.Throws<InvalidOperationException>(() => m.GetScale(0, 0));
            Assert.Throws<InvalidOperationException>(() => m.GetScales<float>().Length);
            Assert.Throws<InvalidOperationException>(() => m.ToGptq());
            Assert.Throws<InvalidOperationException>(() => m.ToAwq());
            if (typeof(TBlock) != typeof(BlockQ8_0))
            {
                Assert.Throws<InvalidOperationException>(() => m.GetBlocks<BlockQ8_0>().Length);
            }

            // Dequantize: value for value.
            float[] restored = new float[Rows * Columns], expected = new float[Rows * Columns];
            m.Dequantize(restored);
            reference.Dequantize(expected);
            Assert.Equal(expected, restored);

            // Measure against a plain double computation.
            QuantError error = m.Measure(w);
            double signal = 0, noise = 0, max = 0;
            for (int i = 0; i < w.Length; i++)
            {
                double e = (double)expected[i] - w[i];
                signal += (double)w[i] * w[i];
                noise += e * e;
                max = Math.Max(max, Math.Abs(e));
            }

            Assert.Equal(Math.Sqrt(noise / w.Length), error.Rmse, 12);
            Assert.Equal(10 * Math.Log10(signal / noise), error.SqnrDb, 9);
            Assert.Equal(max, error.MaxAbsError);
            Assert.Equal(m.BitsPerWeight, error.BitsPerWeight);

            // MatVec: float activations by default, the same numbers as the block matrix, within the bound of the exact sum.
            float[] x = Gaussian(Columns, 22);
            float[] y = new float[Rows], blockY = new float[Rows], bound = new float[Rows];
            m.MatVec(x, y);
            reference.MatVec(x, blockY, MatVecActivation.Float);
            Assert.Equal(blockY, y);
            m.MatVecErrorBound(x, bound);
            for (int r = 0; r < Rows; r++)
            {
                double exact = 0, magnitude = 0;
                for (int c = 0; c < Columns; c++)
                {
                    exact += (double)expected[(r * Columns) + c] * x[c];
                    magnitude += Math.Abs((double)expected[(r * Columns) + c] * x[c]);
                }

                Assert.True(Math.Abs(y[r] - exact) <= bound[r] + (Columns * Math.ScaleB(1.0, -53) * magnitude), $"{name} row {r}: |{y[r]} - {exact}| > {bound[r]}");
            }

            // Int8 activations: ggml's int8 kernels, as QuantizedMatrix<TBlock> runs them; threading changes nothing.
            float[] int8 = new float[Rows], blockInt8 = new float[Rows], serial = new float[Rows];
            m.MatVec(x, int8, new MatVecOptions { Int8Activations = true });
            m.MatVec(x, serial, new MatVecOptions { Int8Activations = true, SingleThreaded = true });
            reference.MatVec(x, blockInt8, MatVecActivation.Int8);
            Assert.Equal(blockInt8, int8);
            Assert.Equal(int8, serial);
            Assert.Throws<NotSupportedException>(() => m.MatVecErrorBound(x, bound, new MatVecOptions { Int8Activations = true }));

            // MatMul is one MatVec per vector; FromBlocks gives the same matrix back.
            float[] batch = new float[2 * Rows];
            m.MatMul([.. x, .. x], 2, batch);
            Assert.Equal(y, batch.AsSpan(0, Rows).ToArray());
            Assert.Equal(y, batch.AsSpan(Rows).ToArray());
            QuantizedMatrix copy = QuantizedMatrix.FromBlocks<TBlock>(m.GetBlocks<TBlock>(), Rows, Columns);
            Assert.Equal(scheme, copy.Scheme);
            Assert.True(m.Codes.SequenceEqual(copy.Codes));
        }

        [Fact]
        public void BadShapesAndTypesAreArgumentErrors()
        {
            QuantScheme q4k = QuantScheme.Parse("Q4_K");
            ArgumentException columns = Assert.Throws<ArgumentException>(() => QuantizedMatrix.Quantize(new float[2 * 128], 2, 128, q4k));
            Assert.Contains("256", columns.Message, StringComparison.Ordinal);
            Assert.Throws<ArgumentException>(() => QuantizedMatrix.Quantize(new float[255], 1, 256, q4k));
            Assert.Throws<ArgumentException>(() => QuantizedMatrix.Quantize([float.NaN, .. new float[255]], 1, 256, q4k));
            Assert.Throws<ArgumentException>(() => QuantizedMatrix.FromBlocks<BlockQ4_0>(new BlockQ4_0[3], 2, 64));
            Assert.Throws<ArgumentException>(() => QuantizedMatrix.FromBlocks<BlockMXFP4>(new BlockMXFP4[2], 1, 64));
            QuantizedMatrix w4 = QuantizedMatrix.Quantize(Gaussian(128, 1), 1, 128, QuantScheme.W4G128);
            Assert.Null(w4.BlockType);
            Assert.Throws<InvalidOperationException>(() => w4.GetBlocks<BlockQ4_0>().Length);
        }
    }
}
