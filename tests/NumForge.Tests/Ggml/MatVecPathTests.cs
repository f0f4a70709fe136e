using System;
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
    /// The int8 MatVec gives the same bits on every instruction path: a child process of this test assembly runs with
    /// AVX-512 capped, AVX-VNNI off (vpmaddubsw + vpmaddwd), AVX2 off (the portable Vector128 dot) and all intrinsics
    /// off, and its hash of many MatVec results (and of every block type's quantized bytes and dequantized values) must
    /// equal this process's (the child runs through <see cref="VectorWidthProcess"/>).
    /// </summary>
    public class MatVecPathTests
    {
        // What the child process answers: the hash and the kernel path it takes.
        private static string ChildAnswer() => $"{Hash()} {Path()}";

        public static TheoryData<string, string, string> Paths() => new()
        {
            { "V256", "DOTNET_PreferredVectorBitWidth", "256" },
            { "NoVnni", "DOTNET_EnableAVXVNNI", "0" },
            { "NoAvx2", "DOTNET_EnableAVX2", "0" },
            { "Scalar", "DOTNET_EnableHWIntrinsic", "0" },
        };

        [Theory]
        [MemberData(nameof(Paths))]
        public void Same_bits_on_every_instruction_path(string expectedPath, string variable, string value)
        {
            if (expectedPath == "NoVnni" && !AvxVnni.IsSupported)
            {
                // Nothing to turn off: the default path already is the vpmaddubsw + vpmaddwd one.
                expectedPath = Path();
            }

            string[] parts = VectorWidthProcess.Run(ChildAnswer, variable, value).Words;
            if (Avx2.IsSupported || expectedPath is "Scalar")
            {
                Assert.Equal(expectedPath, parts[1]);
            }

            Assert.Equal(Hash(), parts[0]);
        }

        // Which kernel path this process takes.
        private static string Path()
            => !Vector128.IsHardwareAccelerated ? "Scalar"
            : !Avx2.IsSupported ? "NoAvx2"
            : !AvxVnni.IsSupported ? "NoVnni"
            : Vector512.IsHardwareAccelerated ? "V512" : "V256";

        /// <summary>SHA-256 of the int8 MatVec outputs of every type with an int8 kernel, on blocks of every kind.</summary>
        internal static string Hash()
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            Add<BlockQ4_0>(hash, 37 * 32);
            Add<BlockQ8_0>(hash, 37 * 32);
            Add<BlockMXFP4>(hash, 37 * 32);
            Add<BlockNVFP4>(hash, 19 * 64);
            Add<BlockQ4_K>(hash, 5 * 256);
            Add<BlockQ6_K>(hash, 5 * 256);

            // And every block type's quantize and dequantize (their lane and vector paths exist only on some widths).
            AddBlocks<BlockQ4_0>(hash);
            AddBlocks<BlockQ4_1>(hash);
            AddBlocks<BlockQ5_0>(hash);
            AddBlocks<BlockQ5_1>(hash);
            AddBlocks<BlockQ8_0>(hash);
            AddBlocks<BlockMXFP4>(hash);
            AddBlocks<BlockNVFP4>(hash);
            AddBlocks<BlockQ2_K>(hash);
            AddBlocks<BlockQ3_K>(hash);
            AddBlocks<BlockQ4_K>(hash);
            AddBlocks<BlockQ5_K>(hash);
            AddBlocks<BlockQ6_K>(hash);
            return Convert.ToHexString(hash.GetHashAndReset());
        }

        private static void AddBlocks<TBlock>(IncrementalHash hash)
            where TBlock : unmanaged, IBlockFormat<TBlock>
        {
            int blocks = 2 * (GgmlInputs.Kinds.Length + GgmlInputs.NonFiniteKinds.Length);
            float[] x = GgmlInputs.Make(blocks, blocks, TBlock.BlockSize, [.. GgmlInputs.Kinds, .. GgmlInputs.NonFiniteKinds]);
            var quantized = new TBlock[blocks];
            TBlock.Quantize(x, quantized);
            hash.AppendData(MemoryMarshal.AsBytes(quantized.AsSpan()));
            TBlock.Dequantize(quantized, x);
            for (int i = 0; i < x.Length; i++)
            {
                x[i] = float.IsNaN(x[i]) ? float.NaN : x[i];
            }

            hash.AppendData(MemoryMarshal.AsBytes(x.AsSpan()));
        }

        private static void Add<TBlock>(IncrementalHash hash, int columns)
            where TBlock : unmanaged, IBlockFormat<TBlock>
        {
            const int rows = 23;
            float[] weights = GgmlInputs.Make(columns, rows * columns / TBlock.BlockSize, TBlock.BlockSize, GgmlInputs.Kinds);
            var matrix = QuantizedMatrix<TBlock>.Quantize(weights, rows, columns);
            float[] y = new float[rows];
            foreach (int seed in new[] { 1, 2, 3 })
            {
                float[] x = GgmlInputs.Make(seed, columns / TBlock.BlockSize, TBlock.BlockSize, GgmlInputs.Kinds);
                matrix.MatVec(x, y, MatVecActivation.Int8, maxDegreeOfParallelism: 1);

                // NaN payloads (from infinite scales of the "huge" blocks) are not part of the contract.
                for (int i = 0; i < y.Length; i++)
                {
                    y[i] = float.IsNaN(y[i]) ? float.NaN : y[i];
                }

                hash.AppendData(MemoryMarshal.AsBytes(y.AsSpan()));
            }
        }
    }
}
