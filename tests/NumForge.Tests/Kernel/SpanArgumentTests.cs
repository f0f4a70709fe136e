using System;
using System.Runtime.InteropServices;
using NumForge.CompilerServices;
using NumForge.Tests.Support;
using Xunit;

namespace NumForge.Tests.Kernel
{
    /// <summary>Argument rules of the span kernels (as TensorPrimitives): short destination, partial overlap, bad modes.</summary>
    public class SpanArgumentTests
    {
        [Fact]
        public void DestinationShorterThanSourceThrows()
        {
            float[] floats = [1f, 2f, 3f];
            double[] doubles = [1, 2, 3];
            Half[] halves = [(Half)1, (Half)2, (Half)3];
            byte[] codes = [0x38, 0x40, 0x44];
            Assert.Throws<ArgumentException>(() => FloatSpan<HandFloat8E4M3FN>.ConvertFromSingle<byte>(floats, new byte[2], MidpointRounding.ToEven, false));
            Assert.Throws<ArgumentException>(() => FloatSpan<HandFloat8E4M3FN>.ConvertFromDouble<byte>(doubles, new byte[2], MidpointRounding.ToEven, false));
            Assert.Throws<ArgumentException>(() => FloatSpan<HandFloat8E4M3FN>.ConvertFromHalf<byte>(halves, new byte[0], MidpointRounding.ToEven, false));
            Assert.Throws<ArgumentException>(() => FloatSpan<HandFloat8E4M3FN>.ConvertToSingle<byte>(codes, new float[2]));
            Assert.Throws<ArgumentException>(() => FloatSpan<HandFloat8E4M3FN>.ConvertToDouble<byte>(codes, new double[2]));
            Assert.Throws<ArgumentException>(() => FloatSpan<HandFloat8E4M3FN>.ConvertToHalf<byte>(codes, new Half[1]));
        }

        [Fact]
        public void LongerDestinationKeepsItsTail()
        {
            float[] floats = [1f, 2f];
            byte[] destination = [0xaa, 0xaa, 0xaa];
            FloatSpan<HandFloat8E4M3FN>.ConvertFromSingle<byte>(floats, destination, MidpointRounding.ToEven, false);
            Assert.Equal(new byte[] { 0x38, 0x40, 0xaa }, destination);
            FloatSpan<HandFloat8E4M3FN>.ConvertFromSingle<byte>(ReadOnlySpan<float>.Empty, Span<byte>.Empty, MidpointRounding.ToEven, false);
        }

        [Fact]
        public void PartlyOverlappingSpansThrow()
        {
            byte[] buffer = new byte[64];
            // float source over bytes 0..15, byte destination starting inside it.
            Assert.Throws<ArgumentException>(() =>
            {
                Span<byte> all = buffer;
                ReadOnlySpan<float> source = MemoryMarshal.Cast<byte, float>(all[..16]);
                FloatSpan<HandFloat8E4M3FN>.ConvertFromSingle<byte>(source, all.Slice(4, 4), MidpointRounding.ToEven, false);
            });
            // Same start but different element sizes (4-byte floats into 1-byte codes) is a partial overlap too.
            Assert.Throws<ArgumentException>(() =>
            {
                Span<byte> all = buffer;
                ReadOnlySpan<float> source = MemoryMarshal.Cast<byte, float>(all[..16]);
                FloatSpan<HandFloat8E4M3FN>.ConvertFromSingle<byte>(source, all[..4], MidpointRounding.ToEven, false);
            });
            // Codes to floats: the destination starts inside the source.
            Assert.Throws<ArgumentException>(() =>
            {
                Span<byte> all = buffer;
                FloatSpan<HandFloat8E4M3FN>.ConvertToSingle<byte>(all[8..16], MemoryMarshal.Cast<byte, float>(all[4..36]));
            });
            Assert.Throws<ArgumentException>(() =>
            {
                Span<byte> all = buffer;
                FloatSpan<HandBFloat16>.ConvertToDouble<ushort>(MemoryMarshal.Cast<byte, ushort>(all[2..10]), MemoryMarshal.Cast<byte, double>(all[..32]));
            });
        }

        [Fact]
        public void InPlaceWithSameElementSizeIsAllowed()
        {
            // TF32 codes live in uints: converting floats in place over the same memory is allowed, as TensorPrimitives allows.
            float[] values = [1f, -2.5f, 3.0000002f, float.MaxValue, float.NaN];
            float[] copy = (float[])values.Clone();
            Span<uint> codes = MemoryMarshal.Cast<float, uint>(values.AsSpan());
            FloatSpan<HandTensorFloat32>.ConvertFromSingle<uint>(values, codes, MidpointRounding.ToEven, false);
            for (int i = 0; i < copy.Length; i++)
            {
                Assert.Equal(FloatCodec<HandTensorFloat32>.FromSingle(copy[i], MidpointRounding.ToEven, false), codes[i]);
            }
        }

        [Fact]
        public void UndefinedRoundingModeThrows()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => FloatSpan<HandFloat8E4M3FN>.ConvertFromSingle<byte>(new float[1], new byte[1], (MidpointRounding)5, false));
            Assert.Throws<ArgumentOutOfRangeException>(() => FloatSpan<HandFloat8E4M3FN>.ConvertFromDouble<byte>(new double[1], new byte[1], (MidpointRounding)(-1), false));
        }

        [Fact]
        public void ConvertToMasksBitsAboveTheFormat()
        {
            // A byte holding an FP4 code in its low nibble: the high nibble is not part of the value.
            float[] result = new float[2];
            FloatSpan<HandFloat4E2M1FN>.ConvertToSingle<byte>([0xf1, 0x37], result);
            Assert.Equal(new[] { 0.5f, 6f }, result);
        }

        [Theory]
        [InlineData(0, 0)]
        [InlineData(1, 1)]
        [InlineData(2, 1)]
        [InlineData(3, 2)]
        [InlineData(9, 5)]
        public void PackedLengthOfFp4IsTwoPerByte(int count, int bytes) => Assert.Equal(bytes, FloatSpan<HandFloat4E2M1FN>.PackedLength(count));

        [Theory]
        [InlineData(0, 0)]
        [InlineData(1, 1)]
        [InlineData(4, 3)]
        [InlineData(5, 4)]
        [InlineData(8, 6)]
        public void PackedLengthOfFp6IsFourPerThreeBytes(int count, int bytes) => Assert.Equal(bytes, FloatSpan<HandFloat6E2M3FN>.PackedLength(count));

        [Fact]
        public void PackUnpackRoundTripsAndIsLittleEndian()
        {
            byte[] fp4 = [0x1, 0x2, 0xf, 0x8, 0x7];
            byte[] packed = new byte[FloatSpan<HandFloat4E2M1FN>.PackedLength(fp4.Length)];
            FloatSpan<HandFloat4E2M1FN>.Pack<byte>(fp4, packed);
            Assert.Equal(new byte[] { 0x21, 0x8f, 0x07 }, packed); // low nibble first
            byte[] back = new byte[fp4.Length];
            FloatSpan<HandFloat4E2M1FN>.Unpack<byte>(packed, back);
            Assert.Equal(fp4, back);

            byte[] fp6 = [0x3f, 0x01, 0x20, 0x15];
            byte[] packed6 = new byte[3];
            FloatSpan<HandFloat6E2M3FN>.Pack<byte>(fp6, packed6);
            // bits laid end to end little-endian: 0x3f | 0x01<<6 | 0x20<<12 | 0x15<<18 = 0x54_0000 | 0x2_0000 | 0x40 | 0x3f
            uint word = 0x3fu | (0x01u << 6) | (0x20u << 12) | (0x15u << 18);
            Assert.Equal(new[] { (byte)word, (byte)(word >> 8), (byte)(word >> 16) }, packed6);
            byte[] back6 = new byte[4];
            FloatSpan<HandFloat6E2M3FN>.Unpack<byte>(packed6, back6);
            Assert.Equal(fp6, back6);

            Assert.Throws<ArgumentException>(() => FloatSpan<HandFloat6E2M3FN>.Pack<byte>(fp6, new byte[2]));
            Assert.Throws<ArgumentException>(() => FloatSpan<HandFloat6E2M3FN>.Unpack<byte>(new byte[2], new byte[4]));
        }
    }
}
