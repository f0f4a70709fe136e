using System;
using System.Linq;
using System.Runtime.InteropServices;
using Xunit;
using static NumForge.Tests.Quant.QuantReference;

namespace NumForge.Tests.Quant
{
    /// <summary>Every code, scale and zero point of the fast quantizers against the plain reference rules.</summary>
    public class QuantRuleTests
    {
        public static TheoryData<string> WeightOnlySchemes => new()
        {
            "W4G128", "W4G-1", "W3G128", "W2G128", "W8G128", "W4G16", "W4G32", "W3G64", "W2G32", "W8G-1",
            "W4G128-sym", "W3G32-sym", "W2G16-sym", "W8G64-sym",
        };

        public static TheoryData<string> MxSchemes => new() { "MXFP8E4M3", "MXFP8E5M2", "MXFP6E3M2", "MXFP6E2M3", "MXFP4", "MXINT8" };

        private static float[] Inputs(int rows, int columns, bool adversarial, int seed)
            => adversarial ? Adversarial(rows, columns, seed) : Gaussian(rows * columns, seed).Select(v => v * 0.02f).ToArray();

        [Theory]
        [MemberData(nameof(WeightOnlySchemes))]
        public void WeightOnlyMatchesTheAwqRule(string name)
        {
            QuantScheme scheme = QuantScheme.Parse(name);
            foreach (bool adversarial in new[] { false, true })
            {
                const int Rows = 16, Columns = 256;
                float[] w = Inputs(Rows, Columns, adversarial, name.Length);
                QuantizedMatrix m = QuantizedMatrix.Quantize(w, Rows, Columns, scheme);
                ReadOnlySpan<Half> scales = m.GetScales<Half>();
                for (int r = 0; r < Rows; r++)
                {
                    for (int g = 0; g < m.GroupsPerRow; g++)
                    {
                        float[] group = w.AsSpan((r * Columns) + (g * m.GroupSize), m.GroupSize).ToArray();
                        (double scale, int zero, int[] codes) = Affine(group, scheme.Bits, scheme.Symmetric);
                        int at = (r * m.GroupsPerRow) + g;
                        Assert.True(scale == (double)scales[at], $"{name} row {r} group {g}: scale {(double)scales[at]} != {scale}");
                        Assert.True(zero == m.ZeroPoints[at], $"{name} row {r} group {g}: zero {m.ZeroPoints[at]} != {zero}");
                        for (int i = 0; i < group.Length; i++)
                        {
                            int code = m.GetCode(r, (g * m.GroupSize) + i);
                            Assert.True(codes[i] == code, $"{name} row {r} column {(g * m.GroupSize) + i} ({group[i]:R}): code {code} != {codes[i]}");
                        }
                    }
                }
            }
        }

        [Theory]
        [MemberData(nameof(MxSchemes))]
        public void MxMatchesTheOcpRule(string name)
        {
            QuantScheme scheme = QuantScheme.Parse(name);
            foreach (bool adversarial in new[] { false, true })
            {
                const int Rows = 16, Columns = 128;
                float[] w = Inputs(Rows, Columns, adversarial, 7);
                if (adversarial)
                {
                    w[(7 * Columns) + 3] = float.NaN;
                    w[(7 * Columns) + 40] = float.PositiveInfinity;
                    w[(7 * Columns) + 70] = float.NegativeInfinity;
                    w[(7 * Columns) + 100] = float.MaxValue;
                }

                QuantizedMatrix m = QuantizedMatrix.Quantize(w, Rows, Columns, scheme);
                AssertBlocks(m, w, Columns, 32, block => Mx(block, scheme.MxElement), name);
            }
        }

        [Fact]
        public void Nvfp4MatchesModelOpt()
        {
            foreach (bool adversarial in new[] { false, true })
            {
                const int Rows = 16, Columns = 128;
                float[] w = Inputs(Rows, Columns, adversarial, 11);
                QuantizedMatrix m = QuantizedMatrix.Quantize(w, Rows, Columns, QuantScheme.NVFP4);
                float tensorScale = NvTensorScale(w);
                Assert.Equal(tensorScale, m.TensorScale);
                AssertBlocks(m, w, Columns, 16, block => Nvfp4(block, tensorScale), "NVFP4");
            }
        }

        [Fact]
        public void Nf4MatchesBitsandbytes()
        {
            foreach (bool adversarial in new[] { false, true })
            {
                const int Rows = 16, Columns = 256;
                float[] w = Inputs(Rows, Columns, adversarial, 13);
                QuantizedMatrix m = QuantizedMatrix.Quantize(w, Rows, Columns, QuantScheme.NF4);
                ReadOnlySpan<float> absMax = m.GetScales<float>();
                for (int b = 0; b < Rows * Columns / 64; b++)
                {
                    (float expected, int[] codes) = Nf4(w.AsSpan(b * 64, 64).ToArray());
                    Assert.Equal(expected, absMax[b]);
                    for (int i = 0; i < 64; i++)
                    {
                        int flat = (b * 64) + i;
                        Assert.True(codes[i] == m.GetCode(flat / Columns, flat % Columns), $"NF4 element {flat} ({w[flat]:R})");
                    }
                }
            }
        }

        [Fact]
        public void Nf4TiesGoToTheLowerCode()
        {
            // A value exactly halfway between two codes (as float32 after x / absmax): 0.5 * (c7 + c8) with absmax 1.
            float[] block = new float[64];
            block[0] = 1f;
            float mid = (float)((Nf4Codebook[7] + Nf4Codebook[8]) / 2);
            Assert.Equal((Nf4Codebook[7] + Nf4Codebook[8]) / 2, (double)mid); // exactly representable
            block[1] = mid;
            block[2] = MathF.BitIncrement(mid);
            QuantizedMatrix m = QuantizedMatrix.Quantize(block, 1, 64, QuantScheme.NF4);
            Assert.Equal(7, m.GetCode(0, 1));
            Assert.Equal(8, m.GetCode(0, 2));
            Assert.Equal(15, m.GetCode(0, 0));

            // High nibble first: byte 0 holds element 0 (code 15) high and element 1 (code 7) low.
            Assert.Equal(0xF7, m.Codes[0]);
        }

        [Fact]
        public void MxEdgeBlocks()
        {
            // amax exactly a power of two, just below it, and a saturating maximum.
            float[] block = new float[32];
            block[0] = 4f;
            block[1] = 0.75f;
            QuantizedMatrix m = QuantizedMatrix.Quantize(block, 1, 32, QuantScheme.MXFP4);
            Assert.Equal(127, m.ScaleBytes[0]); // floor(log2 4) - 2 = 0
            Assert.Equal(0x6, m.GetCode(0, 0)); // 4.0
            Assert.Equal(0x2, m.GetCode(0, 1)); // 0.75 is a tie between 0.5 (0x1) and 1.0 (0x2): the even code

            block[0] = MathF.BitDecrement(4f);
            m = QuantizedMatrix.Quantize(block, 1, 32, QuantScheme.MXFP4);
            Assert.Equal(126, m.ScaleBytes[0]); // floor(log2 3.99..) - 2 = -1: scale 0.5
            Assert.Equal(0x7, m.GetCode(0, 0)); // 7.99.. saturates to 6

            block[0] = 7.9f;
            m = QuantizedMatrix.Quantize(block, 1, 32, QuantScheme.Mx(MxElement.Fp8E4M3));
            Assert.Equal(127 + 2 - 8, m.ScaleBytes[0]);
            Assert.Equal(0x7E, m.GetCode(0, 0)); // 7.9 * 64 = 505.6 saturates to 448 (0x7E)

            // Packed FP4: even element in the low nibble.
            block.AsSpan().Clear();
            block[0] = 1f;
            block[1] = 2f;
            block[2] = 4f;
            m = QuantizedMatrix.Quantize(block, 1, 32, QuantScheme.MXFP4);
            Assert.Equal(0x42, m.Codes[0] & 0xFF); // element 0 (0.25 * 4 = 1.0 -> 0x2) low, element 1 (2 -> 0x4) high

            // Zero block, NaN block, subnormal block (exponent clamped at -127).
            m = QuantizedMatrix.Quantize(new float[64].Select((_, i) => i == 40 ? float.NaN : i >= 32 ? 1f : 0f).ToArray(), 1, 64, QuantScheme.MXFP4);
            Assert.Equal(0x00, m.ScaleBytes[0]);
            Assert.Equal(0xFF, m.ScaleBytes[1]);
            float[] restored = new float[64];
            m.Dequantize(restored);
            Assert.All(restored.Take(32), v => Assert.Equal(0f, v));
            Assert.All(restored.Skip(32), v => Assert.True(float.IsNaN(v)));

            float[] tiny = Enumerable.Repeat(float.Epsilon, 32).ToArray();
            m = QuantizedMatrix.Quantize(tiny, 1, 32, QuantScheme.MXFP4);
            Assert.Equal(0x00, m.ScaleBytes[0]); // 2^-149 / 2^2 clamps to 2^-127
        }

        [Fact]
        public void Nvfp4EdgeBlocks()
        {
            // Tensor amax 2688 gives tensor scale 1; a block with amax 6 * 2^k has block scale 2^k exactly.
            float[] w = new float[48];
            w[0] = 2688f;
            w[16] = 6f;
            w[17] = MathF.BitDecrement(6f);
            w[18] = 5f; // tie between 4 and 6: even code (6 = 0x7? 4 = 0x6) -> 4
            QuantizedMatrix m = QuantizedMatrix.Quantize(w, 1, 48, QuantScheme.NVFP4);
            Assert.Equal(1f, m.TensorScale);
            Assert.Equal(0x7E, m.ScaleBytes[0]); // 448
            Assert.Equal(0x38, m.ScaleBytes[1]); // 1.0
            Assert.Equal(0x38, m.ScaleBytes[2]); // an all-zero block: 1.0 where the scale would be 0
            Assert.Equal(0x7, m.GetCode(0, 0) & 0x7); // 2688 / 448 = 6
            Assert.Equal(0x7, m.GetCode(0, 16));
            Assert.Equal(0x7, m.GetCode(0, 17));
            Assert.Equal(0x6, m.GetCode(0, 18));
        }

        [Fact]
        public void AffineTiesRoundToEven()
        {
            // A group spanning 0..15 has scale exactly 1 and zero 0; x.5 values round to the even neighbour.
            float[] w = new float[16];
            for (int i = 0; i < 16; i++)
            {
                w[i] = i;
            }

            w[3] = 2.5f;
            w[4] = 3.5f;
            QuantizedMatrix m = QuantizedMatrix.Quantize(w, 1, 16, QuantScheme.Parse("W4G16"));
            Assert.Equal(Half.One, m.GetScales<Half>()[0]);
            Assert.Equal(0, m.ZeroPoints[0]);
            Assert.Equal(2, m.GetCode(0, 3));
            Assert.Equal(4, m.GetCode(0, 4));
            Assert.Equal(0x10, m.Codes[0]); // element 0 (code 0) in the low nibble, element 1 (code 1) in the high
        }

        [Fact]
        public void DenormalScalesStayExact()
        {
            // A near-constant group: the range clamps to 1e-5 and the scale is a subnormal Half.
            float[] w = Enumerable.Range(0, 128).Select(i => 1e-7f * (i % 3)).ToArray();
            QuantizedMatrix m = QuantizedMatrix.Quantize(w, 1, 128, QuantScheme.W4G128);
            Half scale = m.GetScales<Half>()[0];
            Assert.True((float)scale < 6.1035156e-5f, "expected a subnormal Half scale");
            Assert.Equal((double)RoundToHalf(F(1e-5f / 15.0)), (double)scale);
        }

        private static void AssertBlocks(QuantizedMatrix m, float[] w, int columns, int block, Func<float[], (int Scale, int[] Codes)> reference, string name)
        {
            ReadOnlySpan<byte> scales = m.ScaleBytes;
            for (int b = 0; b < w.Length / block; b++)
            {
                float[] values = w.AsSpan(b * block, block).ToArray();
                (int scale, int[] codes) = reference(values);
                Assert.True(scale == scales[b], $"{name} block {b}: scale 0x{scales[b]:X2} != 0x{scale:X2}");
                for (int i = 0; i < block; i++)
                {
                    int flat = (b * block) + i;
                    int code = m.GetCode(flat / columns, flat % columns);
                    Assert.True(codes[i] == code, $"{name} element {flat} ({values[i]:R}): code 0x{code:X2} != 0x{codes[i]:X2}");
                }
            }
        }
    }
}
