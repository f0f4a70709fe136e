using System;
using System.Linq;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Security.Cryptography;
using NumForge.Blocks.Ggml;
using NumForge.Tests.Support;
using Xunit;

namespace NumForge.Tests.Ggml
{
    /// <summary>
    /// NVFP4's int8 MatVec kernel (<see cref="Nvfp4Int8Rows"/>): bit for bit against ggml's own
    /// <c>ggml_vec_dot_nvfp4_q8_0</c> (libggml-cpu.so, the live oracle) on the same Q8_0 activation blocks, and against
    /// its plain twin <see cref="Nvfp4Int8Rows.DotReference"/>, on random rows of several lengths, random bytes and every
    /// UE4M3 scale byte; the same bits with each instruction path switched off in a child process; and
    /// <see cref="QuantizedMatrix{TBlock}.MatVec(ReadOnlySpan{float}, Span{float}, MatVecActivation, int)"/> with int8
    /// activations within the bound of docs/ggml.md.
    /// </summary>
    public class Nvfp4Int8Tests
    {
        public static TheoryData<int> Lengths => new() { 64, 128, 192, 640, 4096 };

        public static TheoryData<string, string, string> Paths() => new()
        {
            { "V256", "DOTNET_PreferredVectorBitWidth", "256" },
            { "V128", "DOTNET_PreferredVectorBitWidth", "128" },
            { "NoVnni", "DOTNET_EnableAVXVNNI", "0" },
            { "NoGfni", "DOTNET_EnableGFNI", "0" },
            { "NoAvx2", "DOTNET_EnableAVX2", "0" },
            { "Scalar", "DOTNET_EnableHWIntrinsic", "0" },
        };

        [Theory]
        [MemberData(nameof(Lengths))]
        public void Quantized_rows_match_ggml_vec_dot_bit_for_bit(int length)
        {
            const int rows = 24;
            float[] weights = GgmlInputs.Make(length, rows * length / 64, 64, GgmlInputs.Kinds);
            var blocks = new BlockNVFP4[rows * length / 64];
            BlockNVFP4.Quantize(weights, blocks);
            foreach (int seed in new[] { 1, 2 })
            {
                CheckAgainstGgml(blocks, rows, Activation(seed, length, wideScales: false), $"quantized rows, n = {length}, seed {seed}");
            }
        }

        [Theory]
        [MemberData(nameof(Lengths))]
        public void Random_bytes_and_wide_scales_match_ggml_vec_dot_bit_for_bit(int length)
        {
            const int rows = 16;
            var blocks = RandomBlocks(new Random(length), rows * length / 64);
            CheckAgainstGgml(blocks, rows, Activation(length + 1, length, wideScales: true), $"random bytes, n = {length}");
        }

        [Fact]
        public void Every_ue4m3_scale_byte_matches_ggml_vec_dot_bit_for_bit()
        {
            // Row r holds all 256 scale bytes (four per block), shifted by r, against codes of every value.
            const int rows = 8, length = 64 * 64;
            var blocks = RandomBlocks(new Random(9), rows * 64);
            for (int r = 0; r < rows; r++)
            {
                for (int i = 0; i < 64; i++)
                {
                    for (int s = 0; s < 4; s++)
                    {
                        blocks[(r * 64) + i].D[s] = (byte)((4 * i) + s + (37 * r));
                    }
                }
            }

            foreach (bool wide in new[] { false, true })
            {
                CheckAgainstGgml(blocks, rows, Activation(21, length, wide), $"every scale byte, wide activation scales {wide}");
            }

            // And the extreme codes: every weight value +-12 against activations +-127.
            var extreme = (Codes: new sbyte[length], Scales: Enumerable.Repeat(1f, length / 32).ToArray(), Half: Enumerable.Repeat(BitConverter.HalfToUInt16Bits((Half)1), length / 32).ToArray());
            Array.Fill(extreme.Codes, (sbyte)-127);
            foreach (ref BlockNVFP4 b in blocks.AsSpan())
            {
                for (int j = 0; j < 32; j++)
                {
                    b.Qs[j] = 0x77;
                }
            }

            CheckAgainstGgml(blocks, rows, extreme, "extreme codes");
        }

        [Theory]
        [MemberData(nameof(Paths))]
        public void Same_bits_on_every_instruction_path(string path, string variable, string value)
        {
            VectorWidthProcess.Child child = VectorWidthProcess.Run(ChildAnswer, variable, value);
            switch (path)
            {
                case "V256" or "V128" or "Scalar":
                    Assert.Equal(path, child.Width);
                    break;
                case "NoVnni":
                    Assert.Equal("False", child.Words[2]);
                    break;
                case "NoGfni":
                    Assert.Equal("False", child.Words[3]);
                    break;
                case "NoAvx2":
                    Assert.Equal("False", child.Words[4]);
                    break;
            }

            // The child's kernel outputs equal the plain twin's (run here), its MatVec outputs this process's MatVec.
            Assert.Equal(ReferenceHash(), child.Words[0]);
            Assert.Equal(MatVecHash(), child.Words[1]);
        }

        [Fact]
        public void This_process_kernel_and_MatVec_hashes_match_the_twin()
        {
            Assert.Equal(ReferenceHash(), KernelHash());
            Assert.Equal(64, MatVecHash().Length);
        }

        [Theory]
        [InlineData(1, 256)]
        [InlineData(37, 512)]
        [InlineData(64, 1024)]
        [InlineData(1100, 2048)]
        public void MatVec_int8_is_the_kernel_on_the_quantized_activation_and_within_the_bound(int rows, int columns)
        {
            var random = new Random((rows * 31) + columns);
            float[] weights = GgmlInputs.Make(rows + columns, rows * columns / 64, 64, ["gauss0.02", "gauss1", "outlier", "laplace", "uniformoffset", "zero"]);
            float[] x = new float[columns];
            for (int j = 0; j < columns; j++)
            {
                x[j] = (float)((random.NextDouble() * 2) - 1) * (j % 97 == 0 ? 50 : 1);
            }

            var matrix = QuantizedMatrix<BlockNVFP4>.Quantize(weights, rows, columns);
            float[] w = new float[rows * columns];
            matrix.Dequantize(w);
            float[] yInt8 = new float[rows], ySerial = new float[rows], yDefault = new float[rows], yFloat = new float[rows];
            matrix.MatVec(x, yInt8, MatVecActivation.Int8);
            matrix.MatVec(x, ySerial, MatVecActivation.Int8, maxDegreeOfParallelism: 1);
            matrix.MatVec(x, yDefault);
            matrix.MatVec(x, yFloat, MatVecActivation.Float);
            Assert.Equal(yInt8, ySerial);
            Assert.Equal(yInt8, yDefault);

            // Each row is the plain twin on the activation Q8Activation makes of x.
            var activation = new Q8Activation(columns, 32);
            activation.Quantize(x);
            int perRow = columns / 64;
            for (int r = 0; r < rows; r++)
            {
                float twin = Nvfp4Int8Rows.DotReference(matrix.Blocks.Slice(r * perRow, perRow), activation.Codes, activation.Scales);
                Assert.True(BitConverter.SingleToInt32Bits(twin) == BitConverter.SingleToInt32Bits(yInt8[r]), $"row {r}: MatVec {yInt8[r]} vs the twin {twin}");
            }

            // docs/ggml.md: int8 |y - exact| <= sum |w| delta + (n/32 + 16) 2^-22 sum |w| (|x| + delta); float (n + 16) 2^-23 ...
            double[] delta = new double[columns];
            for (int b = 0; b < columns; b += 32)
            {
                double amax = 0;
                for (int j = b; j < b + 32; j++)
                {
                    amax = Math.Max(amax, Math.Abs(x[j]));
                }

                delta.AsSpan(b, 32).Fill(amax / 127 * 0.5 * 1.001);
            }

            double epsilonInt8 = ((columns / 32.0) + 16) * Math.Pow(2, -22), epsilonFloat = (columns + 16) * Math.Pow(2, -23);
            bool differs = false;
            for (int r = 0; r < rows; r++)
            {
                double exact = 0, magnitude = 0, quantization = 0;
                for (int j = 0; j < columns; j++)
                {
                    double wj = w[(r * columns) + j];
                    exact += wj * x[j];
                    magnitude += Math.Abs(wj) * (Math.Abs(x[j]) + delta[j]);
                    quantization += Math.Abs(wj) * delta[j];
                }

                double int8Bound = quantization + (epsilonInt8 * magnitude);
                Assert.True(Math.Abs(yInt8[r] - exact) <= int8Bound, $"row {r}: int8 path {yInt8[r]} vs exact {exact}, bound {int8Bound}");
                Assert.True(Math.Abs(yFloat[r] - exact) <= epsilonFloat * magnitude, $"row {r}: float path {yFloat[r]} vs exact {exact}");
                Assert.True(Math.Abs(yInt8[r] - yFloat[r]) <= int8Bound + (epsilonFloat * magnitude), $"row {r}: int8 {yInt8[r]} vs float {yFloat[r]}");
                differs |= yInt8[r] != yFloat[r];
            }

            // The int8 path is taken (its activation rounding shows), not the float one.
            Assert.True(differs || rows * columns < 1024);
        }

        // What the child process answers: the kernel's hash, MatVec's hash, and which instruction sets it had.
        private static string ChildAnswer() => $"{KernelHash()} {MatVecHash()} {AvxVnni.IsSupported} {Gfni.IsSupported} {Avx2.IsSupported}";

        private static (BlockNVFP4[] Blocks, int Rows, (sbyte[] Codes, float[] Scales, ushort[] Half) Activation) PathInputs()
        {
            const int rows = 12, length = 64 * 64;
            var blocks = RandomBlocks(new Random(31), rows * 64);
            for (int i = 0; i < blocks.Length; i++)
            {
                for (int s = 0; s < 4; s++)
                {
                    blocks[i].D[s] = (byte)((4 * i) + s);
                }
            }

            return (blocks, rows, Activation(32, length, wideScales: true));
        }

        private static string KernelHash()
        {
            var (blocks, rows, a) = PathInputs();
            return Hash(Kernel(blocks, rows, a.Codes, a.Scales));
        }

        private static string ReferenceHash()
        {
            var (blocks, rows, a) = PathInputs();
            int perRow = blocks.Length / rows;
            return Hash(Enumerable.Range(0, rows).Select(r => Nvfp4Int8Rows.DotReference(blocks.AsSpan(r * perRow, perRow), a.Codes, a.Scales)).ToArray());
        }

        private static string MatVecHash()
        {
            const int rows = 23, columns = 37 * 64;
            var matrix = QuantizedMatrix<BlockNVFP4>.Quantize(GgmlInputs.Make(columns, rows * columns / 64, 64, GgmlInputs.Kinds), rows, columns);
            float[] all = new float[3 * rows];
            foreach (int seed in new[] { 1, 2, 3 })
            {
                float[] x = GgmlInputs.Make(seed, columns / 64, 64, GgmlInputs.Kinds);
                matrix.MatVec(x, all.AsSpan((seed - 1) * rows, rows), MatVecActivation.Int8, maxDegreeOfParallelism: 1);
            }

            return Hash(all);
        }

        private static string Hash(float[] values)
        {
            // NaN payloads are not part of the contract.
            float[] canonical = values.Select(v => float.IsNaN(v) ? float.NaN : v).ToArray();
            return Convert.ToHexString(SHA256.HashData(MemoryMarshal.AsBytes(canonical.AsSpan())));
        }

        /// <summary>The kernel, ggml and the plain twin on the same blocks and Q8_0 activation, compared bit for bit.</summary>
        private static void CheckAgainstGgml(BlockNVFP4[] blocks, int rows, (sbyte[] Codes, float[] Scales, ushort[] Half) a, string what)
        {
            int perRow = blocks.Length / rows, length = perRow * 64;
            float[] ours = Kernel(blocks, rows, a.Codes, a.Scales);
            float[] theirs = GgmlVecDot(blocks, rows, a.Codes, a.Half);
            for (int r = 0; r < rows; r++)
            {
                float twin = Nvfp4Int8Rows.DotReference(blocks.AsSpan(r * perRow, perRow), a.Codes, a.Scales);
                Assert.True(Same(theirs[r], ours[r]), $"{what}, row {r}: kernel {ours[r]} vs ggml_vec_dot_nvfp4_q8_0 {theirs[r]} (n = {length})");
                Assert.True(Same(twin, ours[r]), $"{what}, row {r}: kernel {ours[r]} vs plain twin {twin}");
            }
        }

        private static bool Same(float a, float b) => (float.IsNaN(a) && float.IsNaN(b)) || BitConverter.SingleToInt32Bits(a) == BitConverter.SingleToInt32Bits(b);

        private static unsafe float[] Kernel(BlockNVFP4[] blocks, int rows, sbyte[] codes, float[] scales)
        {
            float[] y = new float[rows];
            fixed (BlockNVFP4* w = blocks)
            fixed (sbyte* c = codes)
            fixed (float* s = scales)
            fixed (float* py = y)
            {
                Nvfp4Int8Rows op = default;
                op.Bind((byte*)w, blocks.Length / rows, c, s, null, py);
                op.Run(0, rows);
            }

            return y;
        }

        private static unsafe float[] GgmlVecDot(BlockNVFP4[] blocks, int rows, sbyte[] codes, ushort[] half)
        {
            // block_q8_0: fp16 d, then 32 int8 codes.
            byte[] q8 = new byte[half.Length * 34];
            for (int b = 0; b < half.Length; b++)
            {
                BitConverter.TryWriteBytes(q8.AsSpan(b * 34, 2), half[b]);
                MemoryMarshal.AsBytes(codes.AsSpan(b * 32, 32)).CopyTo(q8.AsSpan((b * 34) + 2));
            }

            var dot = (delegate* unmanaged<int, float*, nuint, byte*, nuint, byte*, nuint, int, void>)GgmlNative.Export("ggml_vec_dot_nvfp4_q8_0", cpu: true);
            int perRow = blocks.Length / rows;
            float[] y = new float[rows];
            fixed (BlockNVFP4* w = blocks)
            fixed (byte* a = q8)
            fixed (float* py = y)
            {
                for (int r = 0; r < rows; r++)
                {
                    dot(perRow * 64, py + r, 0, (byte*)(w + (r * perRow)), 0, a, 0, 1);
                }
            }

            return y;
        }

        private static BlockNVFP4[] RandomBlocks(Random random, int count)
        {
            byte[] bytes = new byte[count * 36];
            random.NextBytes(bytes);
            return MemoryMarshal.Cast<byte, BlockNVFP4>(bytes).ToArray();
        }

        /// <summary>
        /// A Q8_0 activation of <paramref name="length"/> values: random codes in [-127, 127] and fp16 scales (as ggml stores
        /// them), positive and moderate, or of either sign from subnormal to 65504 when <paramref name="wideScales"/>.
        /// </summary>
        private static (sbyte[] Codes, float[] Scales, ushort[] Half) Activation(int seed, int length, bool wideScales)
        {
            var random = new Random(seed);
            sbyte[] codes = new sbyte[length];
            for (int i = 0; i < length; i++)
            {
                codes[i] = (sbyte)random.Next(-127, 128);
            }

            ushort[] half = new ushort[length / 32];
            float[] scales = new float[length / 32];
            for (int b = 0; b < half.Length; b++)
            {
                Half h = wideScales
                    ? BitConverter.UInt16BitsToHalf((ushort)random.Next(0, 0xF800))
                    : (Half)(float)(Math.Pow(10, (random.NextDouble() * 4) - 4) / 127);
                if (!Half.IsFinite(h))
                {
                    h = Half.MaxValue;
                }

                half[b] = BitConverter.HalfToUInt16Bits(h);
                scales[b] = (float)h;
            }

            return (codes, scales, half);
        }
    }
}
