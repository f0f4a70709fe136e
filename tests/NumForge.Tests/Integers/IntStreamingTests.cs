using System;
using NumForge.CompilerServices.Integers;
using NumForge.CompilerServices.Spans;
using Xunit;

namespace NumForge.Tests.Integers
{
    /// <summary>Conversions whose output passes BlockLoop's streaming threshold (non-temporal stores) give the scalar results.</summary>
    public class IntStreamingTests
    {
        [Fact]
        public void Large_quantize_widen_and_pack_equal_the_scalar_code()
        {
            int n = (int)(BlockLoop.StreamingBytes + 4099);
            var random = new Random(5);
            float[] source = new float[n];
            for (int i = 0; i < n; i++)
            {
                source[i] = (float)((random.NextDouble() * 2 - 1) * 12);
            }

            byte[] codes = new byte[n];
            IntSpan<S4>.FromSingleCore(source, codes, MidpointRounding.ToEven, SimdWidth.Auto);
            for (int i = 0; i < n; i++)
            {
                if (codes[i] != IntSpan<S4>.Quantize(source[i], MidpointRounding.ToEven))
                {
                    Assert.Fail($"element {i}: {source[i]:R} gave {codes[i]}");
                }
            }

            float[] widened = new float[n];
            IntSpan<S4>.ToSingleCore(codes, widened, SimdWidth.Auto);
            for (int i = 0; i < n; i++)
            {
                if (widened[i] != IntCodec<S4>.ToInt32(codes[i]))
                {
                    Assert.Fail($"element {i}: code {codes[i]} widened to {widened[i]}");
                }
            }

            byte[] packed = new byte[IntSpan<S4>.PackedLength(n)];
            byte[] scalar = new byte[packed.Length];
            IntSpan<S4>.PackCore(codes, packed, SimdWidth.Auto);
            IntSpan<S4>.PackScalar(codes, scalar);
            Assert.True(packed.AsSpan().SequenceEqual(scalar));
        }
    }
}
