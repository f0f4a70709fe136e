using System;
using System.Runtime.Intrinsics;
using NumForge.CompilerServices.Spans;
using Xunit;

namespace NumForge.Tests.Spans
{
    /// <summary>
    /// <see cref="BitwiseLanes.OrAnd"/> (one ternary-logic instruction with AVX-512, two operations without) against
    /// a | (b &amp; c) lane by lane, and <see cref="BitwiseLanes.SignFill"/> against the compare with zero and the sign
    /// bit, for every vector type the kernels use, on random bits and on all-ones/zero lanes.
    /// </summary>
    public class BitwiseLanesTests
    {
        [Fact]
        public void OrAnd_is_or_of_and_for_32_bit_lanes()
        {
            Check<Vector128x32, Vector128<uint>>(16);
            Check<Vector256x32, Vector256<uint>>(32);
            Check<Vector512x32, Vector512<uint>>(64);
        }

        [Fact]
        public void OrAnd_is_or_of_and_for_64_bit_lanes()
        {
            Check<Vector128x64, Vector128<ulong>>(16);
            Check<Vector256x64, Vector256<ulong>>(32);
            Check<Vector512x64, Vector512<ulong>>(64);
        }

        [Fact]
        public void SignFill_is_the_compare_with_zero_for_every_vector_type()
        {
            CheckSignFill<Vector128x32, Vector128<uint>>(16);
            CheckSignFill<Vector256x32, Vector256<uint>>(32);
            CheckSignFill<Vector512x32, Vector512<uint>>(64);
            CheckSignFill<Vector128x64, Vector128<ulong>>(16);
            CheckSignFill<Vector256x64, Vector256<ulong>>(32);
            CheckSignFill<Vector512x64, Vector512<ulong>>(64);
        }

        private static void CheckSignFill<TOps, TV>(int bytes)
            where TOps : struct, ISimd<TV>
            where TV : struct
        {
            var random = new Random(13);
            byte[] value = new byte[bytes], result = new byte[bytes], expected = new byte[bytes];
            for (int trial = 0; trial < 200; trial++)
            {
                Fill(random, value, trial);
                System.Runtime.CompilerServices.Unsafe.WriteUnaligned(ref result[0], BitwiseLanes.SignFill<TOps, TV>(Load<TV>(value)));
                System.Runtime.CompilerServices.Unsafe.WriteUnaligned(ref expected[0], TOps.GreaterThan(default, Load<TV>(value)));
                Assert.Equal(expected, result);
                int lane = TOps.LaneBits / 8;
                for (int i = 0; i < bytes; i++)
                {
                    // Every byte of a lane is 0xFF when the lane's top byte has its sign bit set, else 0.
                    Assert.Equal((value[(i / lane * lane) + lane - 1] & 0x80) != 0 ? (byte)0xFF : (byte)0, result[i]);
                }
            }
        }

        private static void Check<TOps, TV>(int bytes)
            where TOps : struct, ISimd<TV>
            where TV : struct
        {
            var random = new Random(12);
            byte[] a = new byte[bytes], b = new byte[bytes], c = new byte[bytes], result = new byte[bytes];
            for (int trial = 0; trial < 200; trial++)
            {
                Fill(random, a, trial);
                Fill(random, b, trial / 3);
                Fill(random, c, trial / 9);
                TV value = BitwiseLanes.OrAnd<TOps, TV>(Load<TV>(a), Load<TV>(b), Load<TV>(c));
                System.Runtime.CompilerServices.Unsafe.WriteUnaligned(ref result[0], value);
                for (int i = 0; i < bytes; i++)
                {
                    Assert.Equal((byte)(a[i] | (b[i] & c[i])), result[i]);
                }
            }
        }

        /// <summary>Random bytes, or (every few trials) all zeros or all ones, the masks the encoders pass.</summary>
        private static void Fill(Random random, byte[] bytes, int trial)
        {
            switch (trial % 4)
            {
                case 0:
                    Array.Fill(bytes, (byte)0);
                    break;
                case 1:
                    Array.Fill(bytes, (byte)0xFF);
                    break;
                default:
                    random.NextBytes(bytes);
                    break;
            }
        }

        private static TV Load<TV>(byte[] bytes)
            where TV : struct
            => System.Runtime.CompilerServices.Unsafe.ReadUnaligned<TV>(ref bytes[0]);
    }
}
