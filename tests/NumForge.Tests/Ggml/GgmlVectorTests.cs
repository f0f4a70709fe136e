using System.Linq;
using Xunit;

namespace NumForge.Tests.Ggml
{
    /// <summary>Every row of ../shared/vectors/ggml: NumForge's bytes and dequantized values equal ggml's.</summary>
    public class GgmlVectorTests
    {
        [Fact]
        public void Q4_0_matches_every_vector_row() => Check<BlockQ4_0>("q4_0");

        [Fact]
        public void Q4_1_matches_every_vector_row() => Check<BlockQ4_1>("q4_1");

        [Fact]
        public void Q5_0_matches_every_vector_row() => Check<BlockQ5_0>("q5_0");

        [Fact]
        public void Q8_0_matches_every_vector_row() => Check<BlockQ8_0>("q8_0");

        [Fact]
        public void MXFP4_matches_every_vector_row() => Check<BlockMXFP4>("mxfp4");

        [Fact]
        public void Q2_K_matches_every_vector_row() => Check<BlockQ2_K>("q2_K");

        [Fact]
        public void Q4_K_matches_every_vector_row() => Check<BlockQ4_K>("q4_K");

        private static void Check<TBlock>(string name)
            where TBlock : unmanaged, IBlockFormat<TBlock>
        {
            var rows = GgmlVectorRows.Read(name);
            int size = BlockCheck.SizeOf<TBlock>();
            Assert.All(rows, r => Assert.Equal(size, r.Bytes.Length));
            Assert.All(rows, r => Assert.Equal(TBlock.BlockSize, r.Input.Length));
            float[] input = rows.SelectMany(r => r.Input).ToArray();
            byte[] expected = rows.SelectMany(r => r.Bytes).ToArray();
            float[] expectedOut = rows.SelectMany(r => r.Output).ToArray();

            byte[] actual = BlockCheck.QuantizeBytes<TBlock>(input);
            BlockCheck.SameBytes(expected, actual, size, input, TBlock.BlockSize, name + " quantize");
            BlockCheck.SameFloats(expectedOut, BlockCheck.Dequantize<TBlock>(expected), name + " dequantize");
        }
    }
}
