using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using NumForge.Blocks.Ggml;
using Xunit;

namespace NumForge.Tests.Ggml
{
    /// <summary>
    /// ggml's NVFP4 block: every row of ../shared/vectors/ggml/nvfp4.txt.gz, adversarial rows against the plain
    /// transcription of ggml-quants.c below and against ggml itself (libggml-base.so exports quantize_row_nvfp4_ref and
    /// dequantize_row_nvfp4), the UE4M3 helpers against an exact rule with ggml's quirks named, MatVec and GGUF.
    /// </summary>
    public class Nvfp4Tests
    {
        private static readonly sbyte[] KValues = [0, 1, 2, 3, 4, 6, 8, 12, 0, -1, -2, -3, -4, -6, -8, -12];

        [Fact]
        public void Matches_every_vector_row()
        {
            var rows = GgmlVectorRows.Read("nvfp4");
            Assert.Equal(2000, rows.Count);
            Assert.All(rows, r => Assert.Equal(36, r.Bytes.Length));
            Assert.All(rows, r => Assert.Equal(64, r.Input.Length));
            float[] input = rows.SelectMany(r => r.Input).ToArray();
            byte[] expected = rows.SelectMany(r => r.Bytes).ToArray();
            float[] expectedOut = rows.SelectMany(r => r.Output).ToArray();
            BlockCheck.SameBytes(expected, BlockCheck.QuantizeBytes<BlockNVFP4>(input), 36, input, 64, "nvfp4 quantize");
            BlockCheck.SameFloats(expectedOut, BlockCheck.Dequantize<BlockNVFP4>(expected), "nvfp4 dequantize");

            // The test's own transcription agrees with the vectors too (so the adversarial rows below test the right rule).
            BlockCheck.SameBytes(expected, ReferenceQuantize(input), 36, input, 64, "nvfp4 test reference");
            BlockCheck.SameFloats(expectedOut, ReferenceDequantize(expected), "nvfp4 test reference dequantize");
        }

        [Fact]
        public void Matches_ggml_on_random_rows_and_random_bytes() => GgmlOracleTests.Check<BlockNVFP4>("nvfp4", 4000, nonFinite: true);

        [Fact]
        public void Adversarial_rows_match_the_reference_and_ggml()
        {
            float[] x = AdversarialRows();
            byte[] ours = BlockCheck.QuantizeBytes<BlockNVFP4>(x);
            BlockCheck.SameBytes(ReferenceQuantize(x), ours, 36, x, 64, "nvfp4 vs test reference");
            BlockCheck.SameBytes(GgmlNative.QuantizeRowRef("nvfp4", x, 36, 64), ours, 36, x, 64, "nvfp4 vs quantize_row_nvfp4_ref");
            BlockCheck.SameFloats(ReferenceDequantize(ours), BlockCheck.Dequantize<BlockNVFP4>(ours), "nvfp4 dequantize vs test reference");
            BlockCheck.SameFloats(GgmlNative.DequantizeRow("nvfp4", ours, x.Length), BlockCheck.Dequantize<BlockNVFP4>(ours), "nvfp4 dequantize vs dequantize_row_nvfp4");

            // Every one of the 256 scale bytes, with every code, in the dequantizer.
            byte[] blocks = new byte[64 * 36];
            for (int b = 0; b < 64; b++)
            {
                for (int s = 0; s < 4; s++)
                {
                    blocks[(b * 36) + s] = (byte)((b * 4) + s);
                }

                for (int k = 0; k < 32; k++)
                {
                    blocks[(b * 36) + 4 + k] = (byte)((b * 32) + (k * 9));
                }
            }

            BlockCheck.SameFloats(ReferenceDequantize(blocks), BlockCheck.Dequantize<BlockNVFP4>(blocks), "all scale bytes vs test reference");
            BlockCheck.SameFloats(GgmlNative.DequantizeRow("nvfp4", blocks, 64 * 64), BlockCheck.Dequantize<BlockNVFP4>(blocks), "all scale bytes vs ggml");
        }

        [Fact]
        public void Vector_kernels_equal_their_plain_twins()
        {
            float[] x = GgmlInputs.Make(77, 3000, 64, GgmlInputs.Kinds.Concat(GgmlInputs.NonFiniteKinds).ToArray()).Concat(AdversarialRows()).ToArray();
            var reference = new BlockNVFP4[x.Length / 64];
            BlockNVFP4.QuantizeReference(x, reference);
            byte[] referenceBytes = MemoryMarshal.AsBytes(reference.AsSpan()).ToArray();
            BlockCheck.SameBytes(referenceBytes, BlockCheck.QuantizeBytes<BlockNVFP4>(x), 36, x, 64, "optimized vs reference quantizer");
            byte[] noise = new byte[reference.Length * 36];
            new Random(8).NextBytes(noise);
            foreach (byte[] bytes in new[] { referenceBytes, noise })
            {
                float[] expected = new float[bytes.Length / 36 * 64];
                BlockNVFP4.DequantizeReference(MemoryMarshal.Cast<byte, BlockNVFP4>(bytes), expected);
                BlockCheck.SameFloats(expected, BlockCheck.Dequantize<BlockNVFP4>(bytes), "optimized vs reference dequantizer");
            }
        }

        [Fact]
        public void Special_rows_give_ggmls_bytes()
        {
            // All zero (either sign): scale 0, codes 0, output +0 everywhere.
            float[] zeros = new float[64];
            zeros.AsSpan(16).Fill(-0.0f);
            var block = Quantize(zeros);
            Assert.Equal(new byte[36], Bytes(block));
            Assert.All(Dequantize(block), v => Assert.Equal(0u, BitConverter.SingleToUInt32Bits(v)));

            // NaN never becomes the maximum and takes code 0; +-inf clamps the scale to 0x7E and takes code 0 (every error is inf).
            float[] x = new float[64];
            x[0] = float.NaN;
            x[1] = 3f;
            x[16] = float.PositiveInfinity;
            x[17] = -5f;
            x[32] = float.NegativeInfinity;
            x[48] = -1e30f;
            x[49] = -3000f;
            block = Quantize(x);
            Assert.Equal(ToUe4m3Reference(3f / 6f), block.GetScaleCode(0));
            Assert.Equal(0x7E, block.GetScaleCode(1));
            Assert.Equal(0x7E, block.GetScaleCode(2));
            Assert.Equal(0x7E, block.GetScaleCode(3));
            Assert.Equal(0, block.Qs[0] & 0x0F);
            Assert.Equal(0, block.Qs[8] & 0x0F);
            Assert.Equal(0, block.Qs[16] & 0x0F);
            Assert.Equal(0, block.Qs[24] & 0x0F); // -1e30: every candidate's error rounds to 1e30, so the first (0) wins
            Assert.Equal(15, block.Qs[25] & 0x0F); // -3000 saturates to -12 * 224
            Assert.Equal(-12f * 224f, Dequantize(block)[49]);
            Assert.Throws<ArgumentOutOfRangeException>(() => block.GetScaleCode(4));
            Assert.Throws<ArgumentOutOfRangeException>(() => block.GetScaleCode(-1));

            // Elements j and j + 8 of each sub-block share a byte.
            x = new float[64];
            x[16 + 3] = 6f;
            x[16 + 11] = -6f;
            block = Quantize(x);
            Assert.Equal(0x38, block.GetScaleCode(1)); // 1.0, dequantized as 0.5 * kvalues
            Assert.Equal(0x07 | (0x0F << 4), block.Qs[8 + 3]);
        }

        [Fact]
        public void Ue4m3_decoder_is_half_the_ue4m3_value_on_every_byte()
        {
            for (int c = 0; c < 256; c++)
            {
                int e = (c >> 3) & 15, m = c & 7;
                double value = (c & 0x7F) == 0 || c == 0x7F ? 0 : e == 0 ? m * Math.Pow(2, -9) : (1 + (m / 8.0)) * Math.Pow(2, e - 7);
                Assert.Equal(BitConverter.SingleToUInt32Bits((float)(value / 2)), BitConverter.SingleToUInt32Bits(GgmlMath.Ue4m3Half((byte)c)));
            }

            Assert.Equal(224f, GgmlMath.Ue4m3Half(0x7E));
            Assert.Equal(0f, GgmlMath.Ue4m3Half(0x7F));
            Assert.Equal(240f, GgmlMath.Ue4m3Half(0xFF)); // the top bit is ignored, the 0x7F test is not
        }

        [Fact]
        public void Ue4m3_encoder_quirks()
        {
            // Mantissa rounding is half away from zero (RNE would give 0x38 for 1.0625).
            Assert.Equal(0x39, GgmlMath.ToUe4m3(1.0625f));
            Assert.Equal(0x38, GgmlMath.ToUe4m3(MathF.BitDecrement(1.0625f)));

            // 0x77 (240) is the largest code below saturation; from 248 (rounding to 256) every scale is 0x7E (448).
            Assert.Equal(0x77, GgmlMath.ToUe4m3(240f));
            Assert.Equal(0x77, GgmlMath.ToUe4m3(MathF.BitDecrement(248f)));
            Assert.Equal(0x7E, GgmlMath.ToUe4m3(248f));
            Assert.Equal(0x7E, GgmlMath.ToUe4m3(300f));
            Assert.Equal(0x7E, GgmlMath.ToUe4m3(448f));
            Assert.Equal(0x7E, GgmlMath.ToUe4m3(float.PositiveInfinity));

            // Subnormal: (int)(v*512 + 0.5f) capped at 7, so [7.5*2^-9, 2^-6) gives 7, not 8.
            Assert.Equal(0x08, GgmlMath.ToUe4m3(MathF.Pow(2, -6)));
            Assert.Equal(0x07, GgmlMath.ToUe4m3(MathF.BitDecrement(MathF.Pow(2, -6))));
            Assert.Equal(0x07, GgmlMath.ToUe4m3(7.5f * MathF.Pow(2, -9)));

            // The float32 add moves the 0/1 threshold one ulp below 2^-10 (0.5 - 2^-25 + 0.5 rounds to 1 by ties-to-even).
            float tenth = MathF.Pow(2, -10);
            Assert.Equal(1, GgmlMath.ToUe4m3(tenth));
            Assert.Equal(1, GgmlMath.ToUe4m3(MathF.BitDecrement(tenth)));
            Assert.Equal(0, GgmlMath.ToUe4m3(MathF.BitDecrement(MathF.BitDecrement(tenth))));
            Assert.Equal(0, GgmlMath.ToUe4m3(float.NaN));
            Assert.Equal(0, GgmlMath.ToUe4m3(-1f));
            Assert.Equal(0, GgmlMath.ToUe4m3(float.Epsilon));
        }

        [Fact]
        public void Ue4m3_encoder_matches_the_exact_rule_on_a_sweep()
        {
            // Every float whose low 12 mantissa bits are one of a few patterns (both sides of every rounding edge).
            uint[] lows = [0x000, 0x001, 0x7FF, 0x800, 0x801, 0xFFF, 0x5A5];
            for (uint high = 0; high < (1u << 20); high++)
            {
                foreach (uint low in lows)
                {
                    float v = BitConverter.UInt32BitsToSingle((high << 12) | low);
                    Assert.Equal(ToUe4m3Exact(v), GgmlMath.ToUe4m3(v));
                }
            }
        }

        [Fact]
        [Trait("Category", "Exhaustive")]
        public void Ue4m3_encoder_matches_the_exact_rule_on_every_float()
        {
            for (long bits = 0; bits <= uint.MaxValue; bits++)
            {
                float v = BitConverter.UInt32BitsToSingle((uint)bits);
                byte expected = ToUe4m3Exact(v);
                byte actual = GgmlMath.ToUe4m3(v);
                if (expected != actual)
                {
                    Assert.Fail($"{bits:x8}: expected {expected:x2}, actual {actual:x2}");
                }
            }
        }

        [Fact]
        public void Lengths_that_do_not_match_are_argument_exceptions()
        {
            Assert.Equal(36, Marshal.SizeOf<BlockNVFP4>());
            Assert.Equal(36, BlockCheck.SizeOf<BlockNVFP4>());
            Assert.Equal(64, BlockNVFP4.BlockSize);
            Assert.Throws<ArgumentException>(() => BlockNVFP4.Quantize(new float[63], new BlockNVFP4[1]));
            Assert.Throws<ArgumentException>(() => BlockNVFP4.Quantize(new float[128], new BlockNVFP4[1]));
            Assert.Throws<ArgumentException>(() => BlockNVFP4.Dequantize(new BlockNVFP4[2], new float[64]));
            Assert.Throws<ArgumentException>(() => BlockNVFP4.Dequantize(new BlockNVFP4[1], new float[65]));
        }

        [Fact]
        public void MatVec_float_path_is_the_dequantized_dot()
        {
            const int rows = 37, columns = 512;
            float[] weights = GgmlInputs.Make(3, rows * columns / 64, 64, ["gauss0.02", "gauss1", "outlier", "laplace", "uniformoffset", "zero"]);
            var matrix = QuantizedMatrix<BlockNVFP4>.Quantize(weights, rows, columns);
            Assert.Equal(1f, matrix.TensorScale);
            Assert.Equal(BlockCheck.QuantizeBytes<BlockNVFP4>(weights), MemoryMarshal.AsBytes(matrix.Blocks).ToArray());
            float[] w = new float[rows * columns];
            matrix.Dequantize(w);
            var random = new Random(4);
            float[] x = Enumerable.Range(0, columns).Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray();
            float[] yFloat = new float[rows], ySerial = new float[rows];
            matrix.MatVec(x, yFloat, MatVecActivation.Float);
            matrix.MatVec(x, ySerial, MatVecActivation.Float, maxDegreeOfParallelism: 1);
            Assert.Equal(yFloat, ySerial);
            double epsilon = (columns + 16) * Math.Pow(2, -23);
            for (int r = 0; r < rows; r++)
            {
                double exact = 0, magnitude = 0;
                for (int j = 0; j < columns; j++)
                {
                    exact += (double)w[(r * columns) + j] * x[j];
                    magnitude += Math.Abs((double)w[(r * columns) + j] * x[j]);
                }

                Assert.True(Math.Abs(yFloat[r] - exact) <= epsilon * magnitude, $"row {r}: {yFloat[r]} vs {exact}");
            }

            // ggml's NVFP4 is not a QuantScheme: the name NVFP4 there is NVIDIA's two-level scheme.
            Assert.Throws<ArgumentException>(() => QuantizedMatrix.FromBlocks(matrix.Blocks, rows, columns));
        }

        [Fact]
        public unsafe void Gguf_round_trip_and_ggml_reads_the_tensor()
        {
            string dir = Directory.CreateTempSubdirectory("nf-nvfp4-").FullName;
            try
            {
                string path = Path.Combine(dir, "nvfp4.gguf");
                var blocks = new BlockNVFP4[12];
                BlockNVFP4.Quantize(GgmlInputs.Make(21, 12, 64, GgmlInputs.Kinds), blocks);
                byte[] bytes = MemoryMarshal.AsBytes(blocks.AsSpan()).ToArray();
                var writer = new GgufWriter();
                writer.AddMetadata("general.architecture", "test");
                writer.AddTensor<BlockNVFP4>("w.nvfp4", blocks, 256, 3);
                writer.Save(path);

                using (GgufFile file = GgufFile.Open(path))
                {
                    GgufTensorInfo t = file.GetTensor("w.nvfp4");
                    Assert.Equal(GgmlType.NVFP4, t.Type);
                    Assert.Equal(new long[] { 256, 3 }, t.Dimensions);
                    Assert.Equal(12 * 36, t.ByteCount);
                    Assert.Equal(bytes, MemoryMarshal.AsBytes(file.GetSpan<BlockNVFP4>("w.nvfp4")).ToArray());
                    Assert.Throws<InvalidOperationException>(() => file.GetSpan<BlockMXFP4>("w.nvfp4"));
                    var m = QuantizedMatrix<BlockNVFP4>.FromBlocks(file.GetSpan<BlockNVFP4>("w.nvfp4"), 3, 256);
                    Assert.Equal(bytes, MemoryMarshal.AsBytes(m.Blocks).ToArray());
                }

                // ggml opens NumForge's file with the same type and size...
                nint ggml = 0;
                nint ctx = GgufNative.InitFromFile(path, &ggml);
                Assert.NotEqual(0, ctx);
                try
                {
                    Assert.Equal(1, GgufNative.TensorCount(ctx));
                    Assert.Equal((int)GgmlType.NVFP4, GgufNative.TensorType(ctx, 0));
                    Assert.Equal(12 * 36, GgufNative.TensorSize(ctx, 0));
                }
                finally
                {
                    GgufNative.Free(ctx);
                    GgufNative.FreeGgml(ggml);
                }

                // ...and NumForge opens an NVFP4 tensor ggml writes.
                string theirs = Path.Combine(dir, "ggml.gguf");
                ctx = GgufNative.InitEmpty();
                ggml = GgufNative.GgmlInit(1 << 20);
                try
                {
                    GgufNative.AddTensor(ctx, GgufNative.NewTensor(ggml, (int)GgmlType.NVFP4, [128, 6], "w", bytes));
                    Assert.True(GgufNative.WriteToFile(ctx, theirs));
                }
                finally
                {
                    GgufNative.Free(ctx);
                    GgufNative.FreeGgml(ggml);
                }

                using GgufFile read = GgufFile.Open(theirs);
                Assert.Equal(bytes, MemoryMarshal.AsBytes(read.GetSpan<BlockNVFP4>("w")).ToArray());
            }
            finally
            {
                Directory.Delete(dir, recursive: true);
            }
        }

        // Rows whose sub-block maxima sit on and beside every scale edge: each UE4M3 value times 6 and its midpoints,
        // the subnormal edge, the 240..460 saturation region, 2^-10 * 6, plus zeros, NaN, infinities and huge values.
        private static float[] AdversarialRows()
        {
            var random = new Random(8);
            var maxima = new List<float>();
            for (int c = 1; c < 0x7F; c++)
            {
                float s = 2 * GgmlMath.Ue4m3Half((byte)c);
                float next = c < 0x7E ? 2 * GgmlMath.Ue4m3Half((byte)(c + 1)) : 512f;
                foreach (float target in new[] { s * 6, (s + next) * 3 })
                {
                    float t = target;
                    for (int k = 0; k < 3; k++)
                    {
                        t = MathF.BitDecrement(t);
                    }

                    for (int k = 0; k < 7; k++, t = MathF.BitIncrement(t))
                    {
                        maxima.Add(t);
                    }
                }
            }

            foreach (float v in new[] { 6f / 1024, 7.5f * 6 / 512, 6f / 64, 240f * 6, 248f * 6, 448f * 6, 460f * 6, 1e-30f, 1e30f, float.MaxValue })
            {
                float t = v;
                for (int k = 0; k < 4; k++)
                {
                    t = MathF.BitDecrement(t);
                }

                for (int k = 0; k < 9; k++, t = MathF.BitIncrement(t))
                {
                    maxima.Add(t);
                }
            }

            int subBlocks = (maxima.Count + 3) / 4 * 4;
            var x = new float[(subBlocks + 8) * 16];
            for (int s = 0; s < subBlocks; s++)
            {
                float amax = maxima[s % maxima.Count];
                Span<float> part = x.AsSpan(s * 16, 16);
                for (int j = 0; j < 16; j++)
                {
                    // Elements on the code grid of the chosen scale and between: ties and near-ties for best_index.
                    part[j] = amax * (random.Next(-24, 25) / 24f);
                }

                part[random.Next(16)] = random.Next(2) == 0 ? amax : -amax;
            }

            Span<float> tail = x.AsSpan(subBlocks * 16);
            tail[..16].Fill(-0.0f);
            tail[16] = float.NaN;
            tail[17] = 1f;
            tail[32] = float.PositiveInfinity;
            tail[33] = 2f;
            tail[48] = float.NegativeInfinity;
            tail[64..80].Fill(float.NaN);
            tail[80] = float.MaxValue;
            tail[81] = -float.MaxValue;
            tail[96] = float.Epsilon;
            tail[112] = -float.Epsilon;
            return x;
        }

        private static BlockNVFP4 Quantize(float[] x)
        {
            var blocks = new BlockNVFP4[1];
            BlockNVFP4.Quantize(x, blocks);
            return blocks[0];
        }

        private static float[] Dequantize(BlockNVFP4 block)
        {
            float[] y = new float[64];
            BlockNVFP4.Dequantize([block], y);
            return y;
        }

        private static byte[] Bytes(BlockNVFP4 block) => MemoryMarshal.AsBytes(new[] { block }.AsSpan()).ToArray();

        // The exact rule, in double, with ggml's quirks spelled out: saturation to 0x7E from exponent 15 (after rounding),
        // round half up, subnormal codes capped at 7, and the two float32-add thresholds one ulp low (0/1 and 1/2).
        private static byte ToUe4m3Exact(float v)
        {
            if (!(v > 0))
            {
                return 0;
            }

            double d = Math.Min(v, 448.0);
            if (d < Math.Pow(2, -6))
            {
                double scaled = d * 512;
                if (scaled == 0.5 - Math.Pow(2, -25) || scaled == 1.5 - Math.Pow(2, -23))
                {
                    scaled += Math.Pow(2, -25);
                }

                return (byte)Math.Min(7, Math.Floor(scaled + 0.5));
            }

            int e = (int)Math.Floor(Math.Log2(d));
            while (Math.Pow(2, e) > d)
            {
                e--;
            }

            while (Math.Pow(2, e + 1) <= d)
            {
                e++;
            }

            double q = Math.Floor((((d / Math.Pow(2, e)) - 1) * 8) + 0.5);
            if (q == 8)
            {
                q = 0;
                e++;
            }

            return e + 7 >= 15 ? (byte)0x7E : (byte)(((e + 7) << 3) | (int)q);
        }

        // ggml_fp32_to_ue4m3 transcribed line by line (float32 arithmetic as C does it).
        private static byte ToUe4m3Reference(float x)
        {
            if (!(x > 0.0f))
            {
                return 0;
            }

            if (x > 448.0f)
            {
                x = 448.0f;
            }

            uint bits = BitConverter.SingleToUInt32Bits(x);
            int fp32Exp = (int)((bits >> 23) & 0xFF) - 127;
            int fp32Man = (int)((bits >> 20) & 0x7);
            int ue4m3Exp = fp32Exp + 7;
            if (ue4m3Exp <= 0)
            {
                int man = (int)((x * 512.0f) + 0.5f);
                if (man > 7)
                {
                    man = 7;
                }

                return man < 1 ? (byte)0 : (byte)man;
            }

            if (ue4m3Exp >= 15)
            {
                return 0x7E;
            }

            int ue4m3Man = fp32Man + (int)((bits >> 19) & 1);
            if (ue4m3Man > 7)
            {
                ue4m3Man = 0;
                ue4m3Exp++;
                if (ue4m3Exp >= 15)
                {
                    return 0x7E;
                }
            }

            return (byte)((ue4m3Exp << 3) | ue4m3Man);
        }

        // ggml_ue4m3_to_fp32, transcribed (ldexpf is exact here).
        private static float Ue4m3HalfReference(byte x)
        {
            if (x == 0 || x == 0x7F)
            {
                return 0.0f;
            }

            int exp = (x >> 3) & 0xF;
            int man = x & 0x7;
            float raw = exp == 0 ? man * MathF.Pow(2, -9) : (1.0f + (man / 8.0f)) * MathF.Pow(2, exp - 7);
            return raw * 0.5f;
        }

        private static int BestIndexReference(float x, float e)
        {
            int best = 0;
            float bestErr = MathF.Abs((KValues[0] * e) - x);
            for (int i = 1; i < 16; i++)
            {
                float err = MathF.Abs((KValues[i] * e) - x);
                if (err < bestErr)
                {
                    best = i;
                    bestErr = err;
                }
            }

            return best;
        }

        // quantize_row_nvfp4_ref transcribed onto raw bytes: d[4] then qs[32], qs[8s + j] = idx(16s + j) | idx(16s + 8 + j) << 4.
        private static byte[] ReferenceQuantize(float[] x)
        {
            byte[] y = new byte[x.Length / 64 * 36];
            for (int i = 0; i < x.Length / 64; i++)
            {
                for (int s = 0; s < 4; s++)
                {
                    int at = (i * 64) + (s * 16);
                    float amax = 0.0f;
                    for (int j = 0; j < 16; j++)
                    {
                        if (amax < MathF.Abs(x[at + j]))
                        {
                            amax = MathF.Abs(x[at + j]);
                        }
                    }

                    byte ue = ToUe4m3Reference(amax / 6.0f);
                    y[(i * 36) + s] = ue;
                    float d = Ue4m3HalfReference(ue);
                    for (int j = 0; j < 8; j++)
                    {
                        y[(i * 36) + 4 + (s * 8) + j] = (byte)(BestIndexReference(x[at + j], d) | (BestIndexReference(x[at + 8 + j], d) << 4));
                    }
                }
            }

            return y;
        }

        private static float[] ReferenceDequantize(byte[] blocks)
        {
            float[] y = new float[blocks.Length / 36 * 64];
            for (int i = 0; i < blocks.Length / 36; i++)
            {
                for (int s = 0; s < 4; s++)
                {
                    float d = Ue4m3HalfReference(blocks[(i * 36) + s]);
                    for (int j = 0; j < 8; j++)
                    {
                        byte q = blocks[(i * 36) + 4 + (s * 8) + j];
                        y[(i * 64) + (s * 16) + j] = KValues[q & 0x0F] * d;
                        y[(i * 64) + (s * 16) + j + 8] = KValues[q >> 4] * d;
                    }
                }
            }

            return y;
        }
    }
}
