using System;
using System.Numerics;
using NumForge.CompilerServices.Core;
using Xunit;

namespace NumForge.Tests.Core
{
    /// <summary><see cref="BigIntegerScaling.Truncate"/> against BigInteger division (which truncates toward zero).</summary>
    public class BigIntegerScalingTests
    {
        [Fact]
        public void TruncateIsDivisionTowardZero()
        {
            var random = new Random(9);
            var bytes = new byte[24];
            for (int i = 0; i < 5000; i++)
            {
                random.NextBytes(bytes);
                var numerator = new BigInteger(bytes.AsSpan(0, random.Next(1, bytes.Length)));
                int exponent = random.Next(-200, 60);
                BigInteger expected = exponent >= 0 ? numerator * BigInteger.Pow(2, exponent) : BigInteger.Divide(numerator, BigInteger.Pow(2, -exponent));
                Assert.Equal(expected, BigIntegerScaling.Truncate(numerator, exponent));
            }
        }

        [Theory]
        [InlineData(-7, -1, -3)]
        [InlineData(7, -1, 3)]
        [InlineData(-1, -1, 0)]
        [InlineData(-8, -3, -1)]
        [InlineData(-9, -3, -1)]
        [InlineData(-3, 2, -12)]
        [InlineData(0, -5, 0)]
        public void SmallCases(int numerator, int exponent, int expected) => Assert.Equal(new BigInteger(expected), BigIntegerScaling.Truncate(numerator, exponent));
    }
}
