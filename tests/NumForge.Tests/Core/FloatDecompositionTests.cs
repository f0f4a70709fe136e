using System;
using System.Numerics;
using NumForge.Tests.Surface;
using Xunit;

namespace NumForge.Tests.Core
{
    /// <summary>
    /// IFloatingPoint's exponent and significand members (FloatDecomposition) on the test project's [FloatFormat(5, 10)]
    /// against System.Half, which defines them, for every encoding; and the widths of the other catalog shapes.
    /// </summary>
    public class FloatDecompositionTests
    {
        [Fact]
        public void Binary16MatchesHalfOnEveryEncoding()
        {
            Span<byte> expected = stackalloc byte[8];
            Span<byte> actual = stackalloc byte[8];
            for (int code = 0; code < 65536; code++)
            {
                Half half = BitConverter.UInt16BitsToHalf((ushort)code);
                Binary16 value = Binary16.FromBits((ushort)code);
                Assert.Equal(Exponent(half).GetExponentByteCount(), Exponent(value).GetExponentByteCount());
                Assert.Equal(Exponent(half).GetExponentShortestBitLength(), Exponent(value).GetExponentShortestBitLength());
                Assert.Equal(Exponent(half).GetSignificandByteCount(), Exponent(value).GetSignificandByteCount());
                Assert.Equal(Exponent(half).GetSignificandBitLength(), Exponent(value).GetSignificandBitLength());
                Same(half, value, expected, actual);
            }
        }

        [Fact]
        public void ShortDestinationsWriteNothing()
        {
            IFloatingPoint<Binary32> value = Binary32.One;
            Assert.False(value.TryWriteExponentBigEndian(Span<byte>.Empty, out int written));
            Assert.Equal(0, written);
            Assert.False(value.TryWriteSignificandLittleEndian(new byte[3], out written));
            Assert.Equal(0, written);
            Assert.True(value.TryWriteSignificandLittleEndian(new byte[4], out written));
            Assert.Equal(4, written);
        }

        private static IFloatingPoint<T> Exponent<T>(T value)
            where T : IFloatingPoint<T> => value;

        private static void Same(IFloatingPoint<Half> half, IFloatingPoint<Binary16> value, Span<byte> expected, Span<byte> actual)
        {
            Assert.Equal(half.TryWriteExponentBigEndian(expected, out int e), value.TryWriteExponentBigEndian(actual, out int a));
            Assert.True(expected[..e].SequenceEqual(actual[..a]));
            Assert.Equal(half.TryWriteExponentLittleEndian(expected, out e), value.TryWriteExponentLittleEndian(actual, out a));
            Assert.True(expected[..e].SequenceEqual(actual[..a]));
            Assert.Equal(half.TryWriteSignificandBigEndian(expected, out e), value.TryWriteSignificandBigEndian(actual, out a));
            Assert.True(expected[..e].SequenceEqual(actual[..a]));
            Assert.Equal(half.TryWriteSignificandLittleEndian(expected, out e), value.TryWriteSignificandLittleEndian(actual, out a));
            Assert.True(expected[..e].SequenceEqual(actual[..a]));
        }
    }
}
