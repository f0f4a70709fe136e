using NumForge.CompilerServices.Core;
using Xunit;

namespace NumForge.Tests.Core
{
    /// <summary><see cref="FormatBits"/> reinterprets formats of every container size, both ways.</summary>
    public class FormatBitsTests
    {
        [Fact]
        public void RoundTripsEveryContainerSize()
        {
            for (int bits = 0; bits < 256; bits++)
            {
                Assert.Equal((ulong)bits, FormatBits.ToCode(Float8E4M3FN.FromBits((byte)bits)));
                Assert.Equal((byte)bits, FormatBits.FromCode<Float8E4M3FN>((ulong)bits).ToBits());
            }

            foreach (ulong code in new ulong[] { 0, 1, 0x7F, 0x80, 0xFF, 0x1234, 0x8000, 0xFFFF, 0x8000_0000, 0xFFFF_FFFF, 0x8000_0000_0000_0000, ulong.MaxValue })
            {
                Assert.Equal((ushort)code, FormatBits.FromCode<BFloat16>(code).ToBits());
                Assert.Equal((ulong)(ushort)code, FormatBits.ToCode(BFloat16.FromBits((ushort)code)));
                Assert.Equal((uint)code, FormatBits.FromCode<Posit32>(code).ToBits());
                Assert.Equal((ulong)(uint)code, FormatBits.ToCode(Posit32.FromBits((uint)code)));
                Assert.Equal(code, FormatBits.FromCode<Posit64>(code).ToBits());
                Assert.Equal(code, FormatBits.ToCode(Posit64.FromBits(code)));
            }
        }
    }
}
