using System;
using System.Linq;
using System.Runtime.InteropServices;
using Xunit;

namespace NumForge.Tests.Ggml
{
    /// <summary>
    /// ggml itself (libggml-base.so from LLamaSharp.Backend.Cpu) as the oracle: quantize_row_*_ref and dequantize_row_*
    /// on random rows of many distributions; NumForge's bytes and values equal ggml's on every block.
    /// </summary>
    public class GgmlOracleTests
    {
        private const int Blocks32 = 4000;
        private const int Blocks256 = 600;

        [Fact]
        public void Q4_0_matches_ggml() => Check<BlockQ4_0>("q4_0", Blocks32, nonFinite: true);

        [Fact]
        public void Q4_1_matches_ggml() => Check<BlockQ4_1>("q4_1", Blocks32, nonFinite: true);

        [Fact]
        public void Q5_0_matches_ggml() => Check<BlockQ5_0>("q5_0", Blocks32, nonFinite: true);

        [Fact]
        public void Q5_1_matches_ggml() => Check<BlockQ5_1>("q5_1", Blocks32, nonFinite: true);

        [Fact]
        public void Q8_0_matches_ggml() => Check<BlockQ8_0>("q8_0", Blocks32, nonFinite: true);

        [Fact]
        public void MXFP4_matches_ggml() => Check<BlockMXFP4>("mxfp4", Blocks32, nonFinite: true);

        [Fact]
        public void Q2_K_matches_ggml() => Check<BlockQ2_K>("q2_K", Blocks256, nonFinite: true);

        [Fact]
        public void Q3_K_matches_ggml() => Check<BlockQ3_K>("q3_K", Blocks256, nonFinite: true);

        [Fact]
        public void Q4_K_matches_ggml() => Check<BlockQ4_K>("q4_K", Blocks256, nonFinite: true);

        [Fact]
        public void Q5_K_matches_ggml() => Check<BlockQ5_K>("q5_K", Blocks256, nonFinite: true);

        [Fact]
        public void Q6_K_matches_ggml() => Check<BlockQ6_K>("q6_K", Blocks256, nonFinite: true);

        [Fact]
        public void Block_sizes_are_ggmls()
        {
            Assert.Equal(18, Marshal.SizeOf<BlockQ4_0>());
            Assert.Equal(20, Marshal.SizeOf<BlockQ4_1>());
            Assert.Equal(22, Marshal.SizeOf<BlockQ5_0>());
            Assert.Equal(24, Marshal.SizeOf<BlockQ5_1>());
            Assert.Equal(34, Marshal.SizeOf<BlockQ8_0>());
            Assert.Equal(17, Marshal.SizeOf<BlockMXFP4>());
            Assert.Equal(84, Marshal.SizeOf<BlockQ2_K>());
            Assert.Equal(110, Marshal.SizeOf<BlockQ3_K>());
            Assert.Equal(144, Marshal.SizeOf<BlockQ4_K>());
            Assert.Equal(176, Marshal.SizeOf<BlockQ5_K>());
            Assert.Equal(210, Marshal.SizeOf<BlockQ6_K>());
            Assert.Equal(18, BlockCheck.SizeOf<BlockQ4_0>());
            Assert.Equal(17, BlockCheck.SizeOf<BlockMXFP4>());
            Assert.Equal(210, BlockCheck.SizeOf<BlockQ6_K>());
        }

        [Fact]
        public void Lengths_that_do_not_match_are_argument_exceptions()
        {
            Assert.Throws<ArgumentException>(() => BlockQ4_0.Quantize(new float[33], new BlockQ4_0[1]));
            Assert.Throws<ArgumentException>(() => BlockQ4_K.Dequantize(new BlockQ4_K[2], new float[256]));
        }

        internal static void Check<TBlock>(string name, int blocks, bool nonFinite)
            where TBlock : unmanaged, IBlockFormat<TBlock>
        {
            int size = BlockCheck.SizeOf<TBlock>();
            var kinds = nonFinite ? GgmlInputs.Kinds.Concat(GgmlInputs.NonFiniteKinds).ToArray() : GgmlInputs.Kinds;
            foreach (int seed in new[] { 11, 12 })
            {
                float[] x = GgmlInputs.Make(seed + name.GetHashCode(StringComparison.Ordinal), blocks, TBlock.BlockSize, kinds);
                byte[] theirs = GgmlNative.QuantizeRowRef(name, x, size, TBlock.BlockSize);
                byte[] ours = BlockCheck.QuantizeBytes<TBlock>(x);
                BlockCheck.SameBytes(theirs, ours, size, x, TBlock.BlockSize, name + " quantize vs quantize_row_" + name + "_ref");
                BlockCheck.SameFloats(GgmlNative.DequantizeRow(name, theirs, x.Length), BlockCheck.Dequantize<TBlock>(theirs), name + " dequantize vs dequantize_row_" + name);
            }

            // Random bytes too (every code, odd scales): the dequantizers agree on blocks no quantizer writes.
            var random = new Random(5);
            byte[] noise = new byte[blocks * size];
            random.NextBytes(noise);
            BlockCheck.SameFloats(GgmlNative.DequantizeRow(name, noise, blocks * TBlock.BlockSize), BlockCheck.Dequantize<TBlock>(noise), name + " dequantize of random bytes");
        }
    }
}
