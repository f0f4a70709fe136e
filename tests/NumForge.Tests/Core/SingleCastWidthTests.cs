using System;
using NumForge.CompilerServices;
using NumForge.Tests.Support;
using Xunit;

namespace NumForge.Tests.Core
{
    /// <summary>
    /// The cast fast path <see cref="FloatCodec{TTraits}.FromSingle(float)"/> equals the general routine in a child
    /// process at each vector width the machine has, scalar included (<c>DOTNET_EnableHWIntrinsic=0</c> takes the
    /// integer clamp instead of minss): every float top half (NaN payloads of both signs, infinities, the clamps'
    /// neighbourhoods) with low halves at a 16-bit rounding boundary, for the formats whose NaN is put on a float of its
    /// own code (E5M2, E3M2, E2M3, E2M1) and E4M3FN.
    /// </summary>
    public class SingleCastWidthTests
    {
        [Theory]
        [MemberData(nameof(VectorWidthProcess.Widths), MemberType = typeof(VectorWidthProcess))]
        public void Float_cast_equals_the_general_routine_in_a_process_at_every_vector_width(string expectedWidth, string variable, string value)
        {
            string[] child = VectorWidthProcess.RunAt(expectedWidth, Mismatches, variable, value);
            Assert.Equal("none", child[0]);
        }

        [Fact]
        public void Float_cast_equals_the_general_routine_in_this_process()
        {
            Assert.Equal("none", Mismatches());
        }

        /// <summary>"none", or the first mismatch.</summary>
        internal static string Mismatches()
            => Check<Float8E5M2.Traits>() ?? Check<Float6E3M2FN.Traits>() ?? Check<Float6E2M3FN.Traits>() ?? Check<Float4E2M1FN.Traits>() ?? Check<Float8E4M3FN.Traits>() ?? "none";

        private static string? Check<TTraits>()
            where TTraits : struct, IFloatTraits
        {
            ushort[] lows = { 0x0000, 0x7FFF, 0x8000, 0x8001 };
            for (uint high = 0; high < 65536; high++)
            {
                foreach (ushort low in lows)
                {
                    float f = BitConverter.UInt32BitsToSingle((high << 16) | low);
                    ulong expected = FloatCodec<TTraits>.FromDouble(f, MidpointRounding.ToEven, saturate: false);
                    ulong actual = FloatCodec<TTraits>.FromSingle(f);
                    if (actual != expected)
                    {
                        return $"{typeof(TTraits).DeclaringType?.Name}:0x{BitConverter.SingleToUInt32Bits(f):X8}:fast:0x{actual:X}:general:0x{expected:X}";
                    }
                }
            }

            return null;
        }
    }
}
