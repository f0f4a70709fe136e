using System;
using System.Collections.Generic;
using System.Numerics;
using NumForge.CompilerServices;
using NumForge.CompilerServices.Spans;
using NumForge.Tests.Spans;
using Xunit;

namespace NumForge.Tests.Posits
{
    /// <summary>
    /// The vector float-to-posit encoder against the scalar codec, at every vector width: on every float whose
    /// significand has at most 16 bits (every posit value of at most 16 bits and every rounding midpoint between two
    /// is one) and its neighbours one unit either side, over the whole range from below minpos to above maxpos, on
    /// the span test pool, and on span lengths that leave tails.
    /// </summary>
    public class PositVectorEncoderTests
    {
        public static IEnumerable<object[]> Widths() => new[]
        {
            new object[] { (int)SimdWidth.V128 },
            new object[] { (int)SimdWidth.V256 },
            new object[] { (int)SimdWidth.V512 },
        };

        [Theory]
        [MemberData(nameof(Widths))]
        public void Matches_scalar_on_short_significands_and_their_neighbours(int widthValue)
        {
            var width = (SimdWidth)widthValue;
            Assert.Null(Check<P8E0, byte>(width));
            Assert.Null(Check<P8E2, byte>(width));
            Assert.Null(Check<P6E1, byte>(width));
            Assert.Null(Check<P3E2, byte>(width));
            Assert.Null(Check<P16E1, ushort>(width));
            Assert.Null(Check<P16E2, ushort>(width));
            Assert.Null(Check<P12E3, ushort>(width));
        }

        [Fact]
        public void The_vector_encoder_covers_the_catalog_posits_of_8_and_16_bits()
        {
            Assert.True(PositEncodeBlock<Posit8.Traits, Vector128x32, System.Runtime.Intrinsics.Vector128<uint>, byte>.Applies);
            Assert.True(PositEncodeBlock<Posit8E0.Traits, Vector128x32, System.Runtime.Intrinsics.Vector128<uint>, byte>.Applies);
            Assert.True(PositEncodeBlock<Posit16.Traits, Vector128x32, System.Runtime.Intrinsics.Vector128<uint>, ushort>.Applies);
            Assert.True(PositEncodeBlock<Posit16E1.Traits, Vector128x32, System.Runtime.Intrinsics.Vector128<uint>, ushort>.Applies);
            Assert.False(PositEncodeBlock<Posit32.Traits, Vector128x32, System.Runtime.Intrinsics.Vector128<uint>, uint>.Applies);
        }

        [Fact]
        public void Half_sources_match_scalar_on_every_half()
        {
            var halves = new Half[65536];
            for (int i = 0; i < halves.Length; i++)
            {
                halves[i] = BitConverter.UInt16BitsToHalf((ushort)i);
            }

            var codes = new ushort[halves.Length];
            PositSpan<P16E1>.ConvertFromHalf<ushort>(halves, codes);
            for (int i = 0; i < halves.Length; i++)
            {
                ulong expected = PositCodec<P16E1>.FromDouble((double)halves[i]);
                Assert.True(expected == codes[i], $"half 0x{i:X4}: span 0x{codes[i]:X4} scalar 0x{expected:X4}");
            }
        }

        private static string? Check<TTraits, TBits>(SimdWidth width)
            where TTraits : struct, IPositTraits
            where TBits : unmanaged, IBinaryInteger<TBits>
        {
            // Software Vector512 (no AVX-512 here) is slow: a subsample of the significands there.
            int stride = width == SimdWidth.V512 && !System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated ? 13 : 1;
            int significandBits = Math.Min(16, TTraits.Bits + 1);
            int range = (TTraits.Bits - 2) << TTraits.ExponentBits;
            var inputs = new List<float>();
            for (int e = -range - 3; e <= range + 3; e++)
            {
                for (int m = 0; m < 1 << significandBits; m += stride)
                {
                    uint bits = ((uint)(e + 127) << 23) | ((uint)m << (23 - significandBits));
                    inputs.Add(BitConverter.UInt32BitsToSingle(bits));
                    inputs.Add(BitConverter.UInt32BitsToSingle(bits + 1));
                    inputs.Add(BitConverter.UInt32BitsToSingle(bits - 1));
                    inputs.Add(-BitConverter.UInt32BitsToSingle(bits));
                }
            }

            inputs.AddRange(SpanInputs.Floats);
            inputs.AddRange(new[] { 0f, -0f, float.NaN, -float.NaN, float.PositiveInfinity, float.NegativeInfinity, float.MaxValue, float.MinValue, float.Epsilon, -float.Epsilon, 1e-40f });

            // Every length up to 100 too, at odd offsets, for the tails and the unaligned first block.
            float[] all = inputs.ToArray();
            var codes = new TBits[all.Length];
            PositSpan<TTraits>.FromSingleCore<TBits>(all, codes, width);
            for (int i = 0; i < all.Length; i++)
            {
                ulong expected = PositCodec<TTraits>.FromDouble(all[i]);
                ulong got = ulong.CreateTruncating(codes[i]);
                if (got != expected)
                {
                    return $"{typeof(TTraits).Name} {width} float {all[i]:R} (0x{BitConverter.SingleToUInt32Bits(all[i]):X8}): vector 0x{got:X} scalar 0x{expected:X}";
                }
            }

            for (int length = 0; length <= 100; length++)
            {
                int offset = length % 7;
                var part = new TBits[length + 8];
                PositSpan<TTraits>.FromSingleCore<TBits>(all.AsSpan(offset * 1000, length), part.AsSpan(offset % 3, length), width);
                for (int i = 0; i < length; i++)
                {
                    ulong expected = PositCodec<TTraits>.FromDouble(all[(offset * 1000) + i]);
                    if (ulong.CreateTruncating(part[(offset % 3) + i]) != expected)
                    {
                        return $"{typeof(TTraits).Name} {width} length {length} index {i}: vector 0x{part[(offset % 3) + i]:X} scalar 0x{expected:X}";
                    }
                }
            }

            return null;
        }
    }
}
