using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Xunit;

namespace NumForge.Tests.Ggml
{
    /// <summary>Comparisons shared by the ggml block tests: bytes exactly, floats bit for bit (NaN as NaN).</summary>
    internal static class BlockCheck
    {
        public static byte[] QuantizeBytes<TBlock>(ReadOnlySpan<float> x)
            where TBlock : unmanaged, IBlockFormat<TBlock>
        {
            var blocks = new TBlock[x.Length / TBlock.BlockSize];
            TBlock.Quantize(x, blocks);
            return MemoryMarshal.AsBytes(blocks.AsSpan()).ToArray();
        }

        public static float[] Dequantize<TBlock>(ReadOnlySpan<byte> bytes)
            where TBlock : unmanaged, IBlockFormat<TBlock>
        {
            ReadOnlySpan<TBlock> blocks = MemoryMarshal.Cast<byte, TBlock>(bytes);
            var values = new float[blocks.Length * TBlock.BlockSize];
            TBlock.Dequantize(blocks, values);
            return values;
        }

        public static void SameBytes(ReadOnlySpan<byte> expected, ReadOnlySpan<byte> actual, int blockBytes, ReadOnlySpan<float> input, int blockSize, string what)
        {
            Assert.Equal(expected.Length, actual.Length);
            for (int b = 0; b < expected.Length / blockBytes; b++)
            {
                ReadOnlySpan<byte> e = expected.Slice(b * blockBytes, blockBytes);
                ReadOnlySpan<byte> a = actual.Slice(b * blockBytes, blockBytes);
                if (!e.SequenceEqual(a))
                {
                    Assert.Fail($"{what}: block {b} differs.\n input {Hex(input.Slice(b * blockSize, blockSize))}\n expected {Convert.ToHexString(e)}\n actual   {Convert.ToHexString(a)}");
                }
            }
        }

        public static void SameFloats(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual, string what)
        {
            Assert.Equal(expected.Length, actual.Length);
            for (int i = 0; i < expected.Length; i++)
            {
                bool same = float.IsNaN(expected[i]) ? float.IsNaN(actual[i]) : BitConverter.SingleToUInt32Bits(expected[i]) == BitConverter.SingleToUInt32Bits(actual[i]);
                if (!same)
                {
                    Assert.Fail($"{what}: element {i}: expected {BitConverter.SingleToUInt32Bits(expected[i]):x8} ({expected[i]}), actual {BitConverter.SingleToUInt32Bits(actual[i]):x8} ({actual[i]})");
                }
            }
        }

        public static int SizeOf<TBlock>()
            where TBlock : unmanaged => Unsafe.SizeOf<TBlock>();

        private static string Hex(ReadOnlySpan<float> x)
        {
            var s = new System.Text.StringBuilder();
            foreach (float v in x)
            {
                s.Append(BitConverter.SingleToUInt32Bits(v).ToString("x8", System.Globalization.CultureInfo.InvariantCulture));
            }

            return s.ToString();
        }
    }
}
