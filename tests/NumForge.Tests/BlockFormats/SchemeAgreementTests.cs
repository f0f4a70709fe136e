using System;
using System.Linq;
using System.Runtime.InteropServices;
using Xunit;

namespace NumForge.Tests.BlockFormats
{
    /// <summary>
    /// Where a declared block's rule is one of QuantScheme's, the two agree byte for byte (codes, scales, zero points)
    /// and value for value: [BlockFormat(typeof(UInt4), 128, MinMax)] is W4G128, Int4 AbsMax is W4G32-sym, the
    /// PowerOfTwo floats are MXFP4/MXFP8E4M3/MXFP6E3M2, and the NF4 codebook block is NF4.
    /// </summary>
    public class SchemeAgreementTests
    {
        private const int Rows = 8;
        private const int Columns = 256;

        private static float[] Weights(int seed)
        {
            float[] w = Inputs.Random(Rows * Columns, new Random(seed), 0.05f).ToArray();
            w[17] = 0.9f;                         // an outlier
            Array.Clear(w, Columns, 128);         // an all-zero group in row 1
            w[(2 * Columns) + 5] = 4f;            // amax exactly a power of two
            w[(3 * Columns) + 70] = MathF.BitDecrement(4f);
            return w;
        }

        [Fact]
        public void W4G128_equals_the_declared_MinMax_UInt4_block()
        {
            float[] w = Weights(1);
            var matrix = QuantizedMatrix.Quantize(w, Rows, Columns, QuantScheme.Parse("W4G128"));
            var blocks = Quantize<DeclaredW4G128>(w);
            int groups = Columns / 128;
            for (int r = 0; r < Rows; r++)
            {
                for (int g = 0; g < groups; g++)
                {
                    var block = blocks[(r * groups) + g];
                    byte[] bytes = MemoryMarshal.AsBytes(new[] { block }.AsSpan()).ToArray();
                    int group = (r * groups) + g;
                    Assert.Equal(matrix.ScaleBytes.Slice(group * 2, 2).ToArray(), bytes[..2]);
                    Assert.Equal(matrix.ZeroPoints[group], bytes[2]);
                    Assert.Equal(matrix.Codes.Slice((r * matrix.RowBytes) + (g * 64), 64).ToArray(), bytes[3..]);
                }
            }

            AssertSameValues<DeclaredW4G128>(matrix, blocks);
        }

        [Fact]
        public void W4G32_symmetric_equals_the_declared_AbsMax_Int4_block()
        {
            float[] w = Weights(2);
            var matrix = QuantizedMatrix.Quantize(w, Rows, Columns, QuantScheme.Parse("W4G32-sym"));
            var blocks = Quantize<DeclaredW4G32Sym>(w);
            for (int b = 0; b < blocks.Length; b++)
            {
                int r = b / (Columns / 32), g = b % (Columns / 32);
                Assert.Equal(matrix.GetScale(r, g), blocks[b].Scale);
                for (int i = 0; i < 32; i++)
                {
                    // W{N}G{M}-sym stores q + 8 (zero point 8); the Int4 block stores q as two's complement.
                    Assert.Equal(matrix.GetCode(r, (g * 32) + i), blocks[b].GetCode(i) ^ 8);
                }
            }

            AssertSameValues<DeclaredW4G32Sym>(matrix, blocks);
        }

        [Fact]
        public void Mxfp4_equals_the_declared_PowerOfTwo_E2M1_block() => AssertSameBytes<DeclaredMxfp4>("MXFP4", 1, 16);

        [Fact]
        public void Mxfp8_equals_the_declared_PowerOfTwo_E4M3_block() => AssertSameBytes<DeclaredMxfp8E4M3>("MXFP8E4M3", 1, 32);

        [Fact]
        public void Mxfp6_equals_the_declared_PowerOfTwo_E3M2_block() => AssertSameBytes<DeclaredMxfp6E3M2>("MXFP6E3M2", 1, 24);

        [Fact]
        public void MxInt8_equals_the_declared_PowerOfTwo_Int8_block() => AssertSameBytes<DeclaredMxInt8>("MXINT8", 1, 32);

        [Fact]
        public void Nf4_equals_the_declared_codebook_block() => AssertSameBytes<DeclaredNf4>("NF4", 4, 32);

        [Fact]
        public void Mx_special_blocks_agree_too()
        {
            float[] w = Weights(3);
            w[40] = float.NaN;                    // a NaN block
            w[(4 * Columns) + 100] = float.PositiveInfinity;
            var matrix = QuantizedMatrix.Quantize(w, Rows, Columns, QuantScheme.Parse("MXFP4"));
            var blocks = Quantize<DeclaredMxfp4>(w);
            byte[] bytes = MemoryMarshal.AsBytes(blocks.AsSpan()).ToArray();
            for (int b = 0; b < blocks.Length; b++)
            {
                Assert.Equal(matrix.ScaleBytes[b], bytes[b * 17]);
            }

            Assert.Equal(0xFF, bytes[17]);
            Assert.Equal(0x00, bytes[(Columns / 32 * 1) * 17]); // row 1's all-zero group
        }

        [Fact]
        public void QuantizedMatrix_of_a_declared_block_runs_MatVec_within_the_float32_bound()
        {
            float[] w = Weights(4);
            var matrix = QuantizedMatrix<DeclaredW4G128>.Quantize(w, Rows, Columns);
            float[] dequantized = new float[w.Length];
            matrix.Dequantize(dequantized);
            float[] x = Inputs.Random(Columns, new Random(9), 1f).ToArray();
            foreach (var activation in new[] { MatVecActivation.Int8, MatVecActivation.Float })
            {
                float[] y = new float[Rows];
                matrix.MatVec(x, y, activation, 1);
                for (int r = 0; r < Rows; r++)
                {
                    double exact = 0, magnitude = 0;
                    for (int c = 0; c < Columns; c++)
                    {
                        exact += (double)dequantized[(r * Columns) + c] * x[c];
                        magnitude += Math.Abs((double)dequantized[(r * Columns) + c] * x[c]);
                    }

                    // Float32 accumulation of n products (any order, fused or not): |error| <= gamma_n * sum |w x|.
                    double u = Math.ScaleB(1.0, -24), bound = Columns * u / (1 - (Columns * u)) * magnitude;
                    Assert.True(Math.Abs(y[r] - exact) <= bound, $"row {r}: {y[r]} vs {exact}, bound {bound}");
                }
            }
        }

        private static TBlock[] Quantize<TBlock>(float[] w)
            where TBlock : unmanaged, IBlockFormat<TBlock>
        {
            var blocks = new TBlock[w.Length / TBlock.BlockSize];
            TBlock.Quantize(w, blocks);
            return blocks;
        }

        /// <summary>Block b = [scale bytes of group b][codes of group b]: the scheme's planes interleaved.</summary>
        private static void AssertSameBytes<TBlock>(string scheme, int scaleBytes, int codeBytes)
            where TBlock : unmanaged, IBlockFormat<TBlock>
        {
            float[] w = Weights(5);
            var matrix = QuantizedMatrix.Quantize(w, Rows, Columns, QuantScheme.Parse(scheme));
            var blocks = Quantize<TBlock>(w);
            byte[] bytes = MemoryMarshal.AsBytes(blocks.AsSpan()).ToArray();
            int perRow = Columns / TBlock.BlockSize;
            for (int b = 0; b < blocks.Length; b++)
            {
                int r = b / perRow, g = b % perRow;
                byte[] block = bytes.AsSpan(b * (scaleBytes + codeBytes), scaleBytes + codeBytes).ToArray();
                Assert.Equal(matrix.ScaleBytes.Slice(b * scaleBytes, scaleBytes).ToArray(), block[..scaleBytes]);
                Assert.Equal(matrix.Codes.Slice((r * matrix.RowBytes) + (g * codeBytes), codeBytes).ToArray(), block[scaleBytes..]);
            }

            AssertSameValues<TBlock>(matrix, blocks);
        }

        private static void AssertSameValues<TBlock>(QuantizedMatrix matrix, TBlock[] blocks)
            where TBlock : unmanaged, IBlockFormat<TBlock>
        {
            float[] expected = new float[Rows * Columns];
            matrix.Dequantize(expected);
            float[] actual = new float[Rows * Columns];
            TBlock.Dequantize(blocks, actual);
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.True(expected[i].Equals(actual[i]), $"value {i}: {expected[i]:R} vs {actual[i]:R}");
            }
        }
    }
}
