using System;
using NumForge.CompilerServices;
using Xunit;

namespace NumForge.Tests.Surface
{
    /// <summary>The generated stochastic and packed-float span members forward to the kernels with the right bits.</summary>
    public class GeneratedSpanMembersTests
    {
        private static readonly float[] Inputs = [0f, -0f, 0.3f, -1.7f, 2.5f, 5.9f, 6f, 7f, 1e9f, float.NaN, float.PositiveInfinity, 0.25f, 0.75f, -0.24f, 3.3f];

        [Fact]
        public void PackFromEqualsConvertThenPack()
        {
            foreach (MidpointRounding mode in Enum.GetValues<MidpointRounding>())
            {
                foreach (bool saturate in new[] { false, true })
                {
                    var values = new Float4E2M1FN[Inputs.Length];
                    Float4E2M1FN.ConvertFrom(Inputs, values, mode, saturate);
                    var expected = new byte[Float4E2M1FN.PackedLength(Inputs.Length)];
                    Float4E2M1FN.Pack(values, expected);

                    var packed = new byte[expected.Length];
                    Float4E2M1FN.PackFrom(Inputs, packed, mode, saturate);
                    Assert.Equal(expected, packed);
                }
            }
        }

        [Fact]
        public void UnpackToEqualsUnpackThenConvert()
        {
            var packed = new byte[Float6E3M2FN.PackedLength(64)];
            var all = new Float6E3M2FN[64];
            for (int i = 0; i < all.Length; i++)
            {
                all[i] = Float6E3M2FN.FromBits((byte)i);
            }

            Float6E3M2FN.Pack(all, packed);
            var floats = new float[64];
            Float6E3M2FN.UnpackTo(packed, floats);
            for (int i = 0; i < all.Length; i++)
            {
                Assert.Equal((float)all[i], floats[i]);
            }
        }

        [Fact]
        public void StochasticSpanIsDeterministicAndEqualsTheScalarDefinition()
        {
            var source = new float[1000];
            var random = new Random(7);
            for (int i = 0; i < source.Length; i++)
            {
                source[i] = (float)(random.NextDouble() * 20 - 10);
            }

            var first = new Float8E4M3FN[source.Length];
            var second = new Float8E4M3FN[source.Length];
            Float8E4M3FN.ConvertFromStochastic(source, first, seed: 42);
            Float8E4M3FN.ConvertFromStochastic(source, second, seed: 42);
            Assert.Equal(first, second);

            var bits = new uint[source.Length];
            for (int i = 0; i < bits.Length; i++)
            {
                bits[i] = (uint)random.Next() * 2654435761u;
            }

            var withBits = new Float8E4M3FN[source.Length];
            Float8E4M3FN.ConvertFromStochastic(source, withBits, bits);
            for (int i = 0; i < source.Length; i++)
            {
                Assert.Equal(Float8E4M3FN.FromSingleStochastic(source[i], bits[i]), withBits[i]);

                // Stochastic rounding lands on one of the two neighbours of the input.
                float down = (float)Float8E4M3FN.FromSingle(source[i], MidpointRounding.ToNegativeInfinity);
                float up = (float)Float8E4M3FN.FromSingle(source[i], MidpointRounding.ToPositiveInfinity);
                float got = (float)withBits[i];
                Assert.True(got == down || got == up, $"{source[i]} gave {got}, not {down} or {up}");
            }
        }
    }
}
