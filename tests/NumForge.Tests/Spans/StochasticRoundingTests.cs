using System;
using NumForge.CompilerServices;
using NumForge.CompilerServices.Spans;
using Xunit;

namespace NumForge.Tests.Spans
{
    /// <summary>Stochastic rounding: deterministic per (seed, index), independent of width and chunking, and unbiased.</summary>
    public class StochasticRoundingTests
    {
        private static float[] Repeat(float value, int count)
        {
            var result = new float[count];
            Array.Fill(result, value);
            return result;
        }

        [Fact]
        public void Same_seed_same_bits_at_every_width_and_chunking()
        {
            float[] source = SpanInputs.Every(SpanInputs.Floats, 11);
            var reference = new byte[source.Length];
            FloatSpan<SpanTraits<SE4M3FN>>.ConvertFromSingleStochastic<byte>(source, reference, 42UL);
            foreach (SimdWidth width in new[] { SimdWidth.Scalar, SimdWidth.V128, SimdWidth.V256, SimdWidth.V512 })
            {
                var other = new byte[source.Length];
                FloatSpan<SpanTraits<SE4M3FN>>.FromSingleCore<byte, SeededRandom>(source, other, MidpointRounding.ToEven, false, 42UL, default, width);
                Assert.Equal(reference, other);
            }

            // A prefix converts to the prefix of the whole (the bits of element i depend only on i).
            var prefix = new byte[1001];
            FloatSpan<SpanTraits<SE4M3FN>>.ConvertFromSingleStochastic<byte>(source.AsSpan(0, 1001), prefix, 42UL);
            Assert.Equal(reference.AsSpan(0, 1001).ToArray(), prefix);

            var again = new byte[source.Length];
            FloatSpan<SpanTraits<SE4M3FN>>.ConvertFromSingleStochastic<byte>(source, again, 42UL);
            Assert.Equal(reference, again);

            var otherSeed = new byte[source.Length];
            FloatSpan<SpanTraits<SE4M3FN>>.ConvertFromSingleStochastic<byte>(source, otherSeed, 43UL);
            Assert.NotEqual(reference, otherSeed);
        }

        [Fact]
        public void Random_bits_overload_uses_the_given_bits()
        {
            float[] source = Repeat(0.3f, 64);
            var zeros = new uint[64];
            var ones = new uint[64];
            Array.Fill(ones, uint.MaxValue);
            var down = new byte[64];
            var up = new byte[64];
            FloatSpan<SpanTraits<SE4M3FN>>.ConvertFromSingleStochastic<byte>(source, down, zeros);
            FloatSpan<SpanTraits<SE4M3FN>>.ConvertFromSingleStochastic<byte>(source, up, ones);

            // 0.3 lies between 0.28125 (0x29) and 0.3125 (0x2A): bits 0 always round up (fraction > 0), all-ones never.
            Assert.All(down, b => Assert.Equal(0x2A, b));
            Assert.All(up, b => Assert.Equal(0x29, b));
            Assert.Throws<ArgumentException>(() => FloatSpan<SpanTraits<SE4M3FN>>.ConvertFromSingleStochastic<byte>(source, down, new uint[63]));
        }

        [Theory]
        [InlineData(0.3f)] // E4M3FN normal
        [InlineData(-0.3f)]
        [InlineData(0.0031f)] // E4M3FN subnormal (below 2^-6)
        [InlineData(-0.0009f)] // below the smallest subnormal: rounds to 0 or 2^-9
        [InlineData(300.0f)]
        [InlineData(1.0f + 1.0f / 3.0f)]
        public void Mean_equals_the_value_within_statistical_error_E4M3FN(float value) => AssertUnbiased<SE4M3FN>(value);

        [Theory]
        [InlineData(1.0001f)]
        [InlineData(-3.14159f)]
        [InlineData(1e-39f)] // float subnormal, BF16 subnormal
        public void Mean_equals_the_value_within_statistical_error_BF16(float value) => AssertUnbiased<SBF16>(value);

        [Theory]
        [InlineData(0.7f)]
        [InlineData(2.4f)]
        [InlineData(-5.1f)]
        public void Mean_equals_the_value_within_statistical_error_E2M1(float value) => AssertUnbiased<SE2M1>(value);

        private static void AssertUnbiased<TSpec>(float value)
            where TSpec : struct, ISpanSpec
        {
            const int N = 200_000;
            float[] source = Repeat(value, N);
            var codes = new ushort[N];
            FloatSpan<SpanTraits<TSpec>>.ConvertFromSingleStochastic<ushort>(source, codes, 0xC0FFEEUL);
            var decoded = new double[N];
            FloatSpan<SpanTraits<TSpec>>.ConvertToDouble<ushort>(codes, decoded);

            double down = FloatCodec<SpanTraits<TSpec>>.ToDouble(FloatCodec<SpanTraits<TSpec>>.FromSingle(value, MidpointRounding.ToZero, false));
            double up = FloatCodec<SpanTraits<TSpec>>.ToDouble(FloatCodec<SpanTraits<TSpec>>.FromSingle(value, value < 0 ? MidpointRounding.ToNegativeInfinity : MidpointRounding.ToPositiveInfinity, false));
            Assert.All(decoded, d => Assert.True(d == down || d == up, $"{d} is neither neighbour {down} nor {up}"));

            double mean = 0;
            foreach (double d in decoded)
            {
                mean += d;
            }

            mean /= N;
            double p = (value - down) / (up - down);
            double standardError = Math.Abs(up - down) * Math.Sqrt(p * (1 - p) / N);
            Assert.True(Math.Abs(mean - value) <= 4 * standardError + 1e-12 * Math.Abs(value), $"mean {mean} vs value {value}: off by {Math.Abs(mean - value)}, 4 standard errors = {4 * standardError}");
            Assert.True(p is > 0 and < 1, "the test value must lie strictly between two codes");
        }
    }
}
