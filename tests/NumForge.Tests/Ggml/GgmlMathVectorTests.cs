using System;
using System.Runtime.Intrinsics;
using NumForge.Blocks.Ggml;
using Xunit;

namespace NumForge.Tests.Ggml
{
    /// <summary>The branch-free vector fp16 conversions of the MatVec kernels against the scalar one, on all 65536 inputs.</summary>
    public class GgmlMathVectorTests
    {
        [Fact]
        public void Vector_fp16_conversion_equals_the_scalar_one_on_every_input()
        {
            for (int h = 0; h < 65536; h += 8)
            {
                Vector256<float> wide = GgmlMath.FromHalfBits(Vector256.Create(h, h + 1, h + 2, h + 3, h + 4, h + 5, h + 6, h + 7));
                Vector128<float> narrow = GgmlMath.FromHalfBits(Vector128.Create(h + 4, h + 5, h + 6, h + 7));
                for (int k = 0; k < 8; k++)
                {
                    uint expected = BitConverter.SingleToUInt32Bits(GgmlMath.FromHalfBits((ushort)(h + k)));
                    Assert.Equal(expected, BitConverter.SingleToUInt32Bits(wide[k]));
                    if (k >= 4)
                    {
                        Assert.Equal(expected, BitConverter.SingleToUInt32Bits(narrow[k - 4]));
                    }
                }
            }
        }

        [Fact]
        public void Scalar_fp16_conversion_is_exact()
        {
            for (int h = 0; h < 65536; h++)
            {
                float expected = (float)BitConverter.UInt16BitsToHalf((ushort)h);
                float actual = GgmlMath.FromHalfBits((ushort)h);
                Assert.True(float.IsNaN(expected) ? float.IsNaN(actual) : BitConverter.SingleToUInt32Bits(expected) == BitConverter.SingleToUInt32Bits(actual), $"0x{h:x4}");
            }
        }
    }
}
