using System;
using System.Linq;
using Xunit;

namespace NumForge.Tests.Quant
{
    /// <summary>GPTQ and AWQ layouts against packers written the way AutoGPTQ's and AutoAWQ's pack() are.</summary>
    public class CheckpointTests
    {
        /// <summary>AutoGPTQ's QuantLinear.pack loop, one column of [in] values into [in * bits / 32] words.</summary>
        private static uint[] GptqPack(int[] values, int bits)
        {
            var words = new uint[values.Length * bits / 32];
            int i = 0, row = 0;
            while (row < words.Length)
            {
                if (bits is 2 or 4 or 8)
                {
                    for (int j = i; j < i + (32 / bits); j++)
                    {
                        words[row] |= (uint)values[j] << (bits * (j - i));
                    }

                    i += 32 / bits;
                    row++;
                }
                else
                {
                    for (int j = i; j < i + 10; j++)
                    {
                        words[row] |= (uint)values[j] << (3 * (j - i));
                    }

                    i += 10;
                    words[row] |= (uint)values[i] << 30;
                    row++;
                    words[row] |= ((uint)values[i] >> 2) & 1;
                    i++;
                    for (int j = i; j < i + 10; j++)
                    {
                        words[row] |= (uint)values[j] << ((3 * (j - i)) + 1);
                    }

                    i += 10;
                    words[row] |= (uint)values[i] << 31;
                    row++;
                    words[row] |= ((uint)values[i] >> 1) & 0x3;
                    i++;
                    for (int j = i; j < i + 10; j++)
                    {
                        words[row] |= (uint)values[j] << ((3 * (j - i)) + 2);
                    }

                    i += 10;
                    row++;
                }
            }

            return words;
        }

        private sealed record Layer(int Bits, int GroupSize, int In, int Out, int[,] Codes, int[,] Zeros, Half[,] Scales, int[] GIdx);

        /// <summary>A random layer: codes [out, in], zeros [groups, out] in 1..2^bits, scales [groups, out], act-order g_idx.</summary>
        private static Layer RandomLayer(int bits, int groupSize, int inFeatures, int outFeatures, bool actOrder, int seed)
        {
            var random = new Random(seed);
            int groups = inFeatures / groupSize;
            var codes = new int[outFeatures, inFeatures];
            var zeros = new int[groups, outFeatures];
            var scales = new Half[groups, outFeatures];
            for (int o = 0; o < outFeatures; o++)
            {
                for (int i = 0; i < inFeatures; i++)
                {
                    codes[o, i] = random.Next(1 << bits);
                }

                for (int g = 0; g < groups; g++)
                {
                    zeros[g, o] = random.Next(1, (1 << bits) + 1);
                    scales[g, o] = (Half)(random.NextDouble() * 0.01);
                }
            }

            int[] permutation = Enumerable.Range(0, inFeatures).ToArray();
            if (actOrder)
            {
                random.Shuffle(permutation);
            }

            var gIdx = new int[inFeatures];
            for (int k = 0; k < inFeatures; k++)
            {
                gIdx[permutation[k]] = k / groupSize;
            }

            return new Layer(bits, groupSize, inFeatures, outFeatures, codes, zeros, scales, gIdx);
        }

        private static GptqTensors PackGptq(Layer layer)
        {
            int groups = layer.In / layer.GroupSize;
            var qweight = new int[layer.In * layer.Bits / 32 * layer.Out];
            for (int o = 0; o < layer.Out; o++)
            {
                uint[] column = GptqPack(Enumerable.Range(0, layer.In).Select(i => layer.Codes[o, i]).ToArray(), layer.Bits);
                for (int w = 0; w < column.Length; w++)
                {
                    qweight[(w * layer.Out) + o] = (int)column[w];
                }
            }

            var qzeros = new int[groups * layer.Out * layer.Bits / 32];
            var scales = new Half[groups * layer.Out];
            for (int g = 0; g < groups; g++)
            {
                uint[] row = GptqPack(Enumerable.Range(0, layer.Out).Select(o => (layer.Zeros[g, o] - 1) & ((1 << layer.Bits) - 1)).ToArray(), layer.Bits);
                row.Select(v => (int)v).ToArray().CopyTo(qzeros, g * row.Length);
                for (int o = 0; o < layer.Out; o++)
                {
                    scales[(g * layer.Out) + o] = layer.Scales[g, o];
                }
            }

            return new GptqTensors(qweight, qzeros, scales, layer.GIdx);
        }

        [Theory]
        [InlineData(4, 32, 128, 64, false)]
        [InlineData(4, 32, 128, 64, true)]
        [InlineData(3, 32, 128, 64, true)]
        [InlineData(2, 64, 256, 32, true)]
        [InlineData(8, 16, 64, 32, true)]
        [InlineData(3, 64, 256, 96, false)]
        public void GptqRoundTripsBitForBit(int bits, int groupSize, int inFeatures, int outFeatures, bool actOrder)
        {
            Layer layer = RandomLayer(bits, groupSize, inFeatures, outFeatures, actOrder, bits * 100 + groupSize);
            GptqTensors tensors = PackGptq(layer);
            QuantizedMatrix m = QuantizedMatrix.FromGptq(tensors.QWeight, tensors.QZeros, tensors.Scales, tensors.GIdx, bits, groupSize, inFeatures, outFeatures);
            Assert.Equal(outFeatures, m.Rows);
            Assert.Equal(inFeatures, m.Columns);
            Assert.Equal(actOrder, !m.ColumnOrder.IsEmpty);

            // Dequantized as AutoGPTQ does: scales[g_idx[i], o] * (q - (stored zero + 1)).
            float[] restored = new float[outFeatures * inFeatures];
            m.Dequantize(restored);
            for (int o = 0; o < outFeatures; o++)
            {
                for (int i = 0; i < inFeatures; i++)
                {
                    int g = layer.GIdx[i];
                    float expected = (float)((layer.Codes[o, i] - layer.Zeros[g, o]) * (double)layer.Scales[g, o]);
                    Assert.Equal(expected, restored[(o * inFeatures) + i]);
                }
            }

            GptqTensors back = m.ToGptq();
            Assert.Equal(tensors.QWeight, back.QWeight);
            Assert.Equal(tensors.QZeros, back.QZeros);
            Assert.Equal(tensors.Scales, back.Scales);
            Assert.Equal(tensors.GIdx, back.GIdx);

            // MatVec with act-order columns: within the bound of the exact product.
            float[] x = QuantReference.Gaussian(inFeatures, 1);
            float[] y = new float[outFeatures], bound = new float[outFeatures];
            m.MatVec(x, y);
            m.MatVecErrorBound(x, bound);
            for (int o = 0; o < outFeatures; o++)
            {
                double exact = 0;
                for (int i = 0; i < inFeatures; i++)
                {
                    exact += (double)restored[(o * inFeatures) + i] * x[i];
                }

                Assert.True(Math.Abs(y[o] - exact) <= bound[o] * 1.0001 + 1e-30, $"row {o}");
            }
        }

        [Fact]
        public void QuantizedMatricesSaveToGptqAndLoadBack()
        {
            float[] w = QuantReference.Gaussian(64 * 256, 3);
            QuantizedMatrix m = QuantizedMatrix.Quantize(w, 64, 256, QuantScheme.W4G128);
            GptqTensors t = m.ToGptq();
            QuantizedMatrix back = QuantizedMatrix.FromGptq(t.QWeight, t.QZeros, t.Scales, t.GIdx, 4, 128, 256, 64);
            float[] a = new float[w.Length], b = new float[w.Length];
            m.Dequantize(a);
            back.Dequantize(b);
            Assert.Equal(a, b);
            Assert.True(m.Codes.SequenceEqual(back.Codes));
        }

        /// <summary>AutoAWQ's WQLinear_GEMM.from_linear pack loop.</summary>
        private static int[] AwqPack(int[,] values, int rows, int columns)
        {
            int[] orderMap = [0, 2, 4, 6, 1, 3, 5, 7];
            var packed = new int[rows * (columns / 8)];
            for (int col = 0; col < columns / 8; col++)
            {
                for (int i = 0; i < 8; i++)
                {
                    for (int r = 0; r < rows; r++)
                    {
                        packed[(r * (columns / 8)) + col] |= values[r, (col * 8) + orderMap[i]] << (i * 4);
                    }
                }
            }

            return packed;
        }

        [Theory]
        [InlineData(32, 128, 64)]
        [InlineData(128, 256, 40)]
        [InlineData(-1, 64, 16)]
        public void AwqRoundTripsBitForBit(int groupSize, int inFeatures, int outFeatures)
        {
            var random = new Random(groupSize + inFeatures);
            int group = groupSize == -1 ? inFeatures : groupSize;
            int groups = inFeatures / group;
            var intweight = new int[inFeatures, outFeatures];
            var zeros = new int[groups, outFeatures];
            var scales = new Half[groups * outFeatures];
            for (int i = 0; i < inFeatures; i++)
            {
                for (int o = 0; o < outFeatures; o++)
                {
                    intweight[i, o] = random.Next(16);
                }
            }

            for (int g = 0; g < groups; g++)
            {
                for (int o = 0; o < outFeatures; o++)
                {
                    zeros[g, o] = random.Next(16);
                    scales[(g * outFeatures) + o] = (Half)(random.NextDouble() * 0.01);
                }
            }

            int[] qweight = AwqPack(intweight, inFeatures, outFeatures);
            int[] qzeros = AwqPack(zeros, groups, outFeatures);
            QuantizedMatrix m = QuantizedMatrix.FromAwq(qweight, qzeros, scales, groupSize, inFeatures, outFeatures);
            float[] restored = new float[outFeatures * inFeatures];
            m.Dequantize(restored);
            for (int o = 0; o < outFeatures; o++)
            {
                for (int i = 0; i < inFeatures; i++)
                {
                    int g = i / group;
                    Assert.Equal((float)((intweight[i, o] - zeros[g, o]) * (double)scales[(g * outFeatures) + o]), restored[(o * inFeatures) + i]);
                }
            }

            AwqTensors back = m.ToAwq();
            Assert.Equal(qweight, back.QWeight);
            Assert.Equal(qzeros, back.QZeros);
            Assert.Equal(scales, back.Scales);
        }

        [Fact]
        public void PlanesThatDisagreeAreRejected()
        {
            Layer layer = RandomLayer(4, 32, 128, 64, true, 9);
            GptqTensors t = PackGptq(layer);
            Assert.Contains("qweight has", Assert.Throws<ArgumentException>(() => QuantizedMatrix.FromGptq(t.QWeight.AsSpan(1), t.QZeros, t.Scales, t.GIdx, 4, 32, 128, 64)).Message, StringComparison.Ordinal);
            Assert.Contains("qzeros has", Assert.Throws<ArgumentException>(() => QuantizedMatrix.FromGptq(t.QWeight, t.QZeros.AsSpan(1), t.Scales, t.GIdx, 4, 32, 128, 64)).Message, StringComparison.Ordinal);
            Assert.Contains("scales has", Assert.Throws<ArgumentException>(() => QuantizedMatrix.FromGptq(t.QWeight, t.QZeros, t.Scales.AsSpan(1), t.GIdx, 4, 32, 128, 64)).Message, StringComparison.Ordinal);
            Assert.Contains("g_idx has", Assert.Throws<ArgumentException>(() => QuantizedMatrix.FromGptq(t.QWeight, t.QZeros, t.Scales, t.GIdx.AsSpan(1), 4, 32, 128, 64)).Message, StringComparison.Ordinal);
            int[] badGroups = (int[])t.GIdx.Clone();
            badGroups[0] = 7;
            Assert.Contains("outside the 4 groups", Assert.Throws<ArgumentException>(() => QuantizedMatrix.FromGptq(t.QWeight, t.QZeros, t.Scales, badGroups, 4, 32, 128, 64)).Message, StringComparison.Ordinal);
            badGroups[0] = (t.GIdx[0] + 1) % 4;
            Assert.Contains("every group must have 32", Assert.Throws<ArgumentException>(() => QuantizedMatrix.FromGptq(t.QWeight, t.QZeros, t.Scales, badGroups, 4, 32, 128, 64)).Message, StringComparison.Ordinal);
            Assert.Contains("multiple of the group size", Assert.Throws<ArgumentException>(() => QuantizedMatrix.FromGptq(t.QWeight, t.QZeros, t.Scales, t.GIdx, 4, 256, 128, 64)).Message, StringComparison.Ordinal);
            Assert.Throws<ArgumentOutOfRangeException>(() => QuantizedMatrix.FromGptq(t.QWeight, t.QZeros, t.Scales, t.GIdx, 5, 32, 128, 64));
            Assert.Contains("multiple of 8", Assert.Throws<ArgumentException>(() => QuantizedMatrix.FromAwq(new int[128], new int[4], new Half[4 * 12], 32, 128, 12)).Message, StringComparison.Ordinal);
            Assert.Contains("qzeros has", Assert.Throws<ArgumentException>(() => QuantizedMatrix.FromAwq(new int[128 * 8], new int[3], new Half[4 * 64], 32, 128, 64)).Message, StringComparison.Ordinal);

            // Act-order columns cannot be written as AWQ; GPTQ zero 16 cannot be a 4-bit AWQ zero; MX is not a checkpoint layout.
            QuantizedMatrix actOrder = QuantizedMatrix.FromGptq(t.QWeight, t.QZeros, t.Scales, t.GIdx, 4, 32, 128, 64);
            Assert.Throws<InvalidOperationException>(() => actOrder.ToAwq());
            Assert.Throws<InvalidOperationException>(() => QuantizedMatrix.Quantize(new float[64 * 32], 64, 32, QuantScheme.MXFP4).ToGptq());
            float[] positive = Enumerable.Repeat(1f, 128).Concat(Enumerable.Repeat(2f, 128)).ToArray();
            Assert.Contains("zero point 0", Assert.Throws<InvalidOperationException>(() => QuantizedMatrix.Quantize(positive.Concat(new float[256 * 7]).ToArray(), 8, 256, QuantScheme.W4G128).ToGptq()).Message, StringComparison.Ordinal);
        }
    }
}
