using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using NumForge.CompilerServices;
using NumForge.CompilerServices.Spans;
using Xunit;

namespace NumForge.Tests.Spans
{
    /// <summary>
    /// The top-half encoder (float to BFloat16 by a per-mode bias on float's bits) in every rounding mode, saturating
    /// or not, at every vector width, against a reference written here with doubles (the two neighbouring codes and
    /// their midpoint, all exact) and against the scalar codec.
    /// </summary>
    public class TopHalfEncoderTests
    {
        private static readonly ushort[] Lows = { 0x0000, 0x0001, 0x7FFF, 0x8000, 0x8001, 0xFFFF };

        [Theory]
        [MemberData(nameof(SpanInputs.ModesAndSaturation), MemberType = typeof(SpanInputs))]
        public void Every_top_half_and_rounding_boundary_matches_the_reference_at_every_width(MidpointRounding mode, bool saturate)
        {
            // Every top half (NaN payloads, infinities, the largest finite value, subnormals, zeros of both signs) with
            // low halves at and around the rounding boundary; consecutive specials land on every lane position.
            float[] input = new float[65536 * Lows.Length];
            for (int i = 0; i < input.Length; i++)
            {
                input[i] = BitConverter.UInt32BitsToSingle(((uint)(i / Lows.Length) << 16) | Lows[i % Lows.Length]);
            }

            ushort[] expected = new ushort[input.Length];
            for (int i = 0; i < input.Length; i++)
            {
                expected[i] = Reference(input[i], mode, saturate);
                ulong scalar = FloatCodec<SpanTraits<SBF16>>.FromSingle(input[i], mode, saturate);
                Assert.True(scalar == expected[i], $"scalar {mode} saturate {saturate} 0x{BitConverter.SingleToUInt32Bits(input[i]):X8}: 0x{scalar:X4} reference 0x{expected[i]:X4}");
            }

            foreach (SimdWidth width in new[] { SimdWidth.Auto, SimdWidth.V128, SimdWidth.V256, SimdWidth.V512 })
            {
                if (!Available(width))
                {
                    continue;
                }

                ushort[] output = new ushort[input.Length];
                int done = TopHalfEncoder.FromSingle<SpanTraits<SBF16>>(input, output, mode, saturate, width);
                Assert.Equal(input.Length, done);
                AssertEqual(input, expected, output, $"{width} {mode} saturate {saturate}");
            }

            Assert.Equal(0, TopHalfEncoder.FromSingle<SpanTraits<SBF16>>(input, new ushort[input.Length], mode, saturate, SimdWidth.Scalar));
            Assert.Equal(0, TopHalfEncoder.FromSingle<SpanTraits<SBinary16>>(input, new ushort[input.Length], mode, saturate, SimdWidth.Auto));
        }

        [Theory]
        [MemberData(nameof(SpanInputs.ModesAndSaturation), MemberType = typeof(SpanInputs))]
        public void Span_conversion_of_random_bits_at_every_offset_and_length_matches_the_reference(MidpointRounding mode, bool saturate)
        {
            // Through the span entry point (blocks, the edge blocks, the scalar tail) on unaligned slices.
            var random = new Random(12 + (int)mode + (saturate ? 100 : 0));
            float[] input = new float[1200];
            for (int i = 0; i < input.Length; i++)
            {
                input[i] = i % 3 == 0 ? SpanInputs.Floats[random.Next(SpanInputs.Floats.Length)] : BitConverter.UInt32BitsToSingle((uint)random.NextInt64(1L << 32));
            }

            foreach (SimdWidth width in new[] { SimdWidth.Auto, SimdWidth.V128, SimdWidth.V256, SimdWidth.V512, SimdWidth.Scalar })
            {
                if (!Available(width))
                {
                    continue;
                }

                foreach ((int offset, int length) in new[] { (0, 1200), (1, 1199), (3, 1000), (5, 31), (7, 65), (9, 130) })
                {
                    ReadOnlySpan<float> source = input.AsSpan(offset, length);
                    ushort[] output = new ushort[length + 3];
                    FloatSpan<SpanTraits<SBF16>>.FromSingleCore<ushort, NoRandom>(source, output.AsSpan(3, length), mode, saturate, 0, default, width);
                    for (int i = 0; i < length; i++)
                    {
                        ushort expected = Reference(source[i], mode, saturate);
                        Assert.True(output[3 + i] == expected, $"{width} {mode} saturate {saturate} offset {offset} length {length} element {i} (0x{BitConverter.SingleToUInt32Bits(source[i]):X8}): 0x{output[3 + i]:X4} reference 0x{expected:X4}");
                    }
                }
            }
        }

        [Theory]
        [InlineData(0L)]
        [InlineData(long.MaxValue)]
        public void Directed_and_saturating_blocks_match_the_reference_at_every_destination_offset(long streamingBytes)
        {
            Assert.Null(CheckOffsets<TowardPositiveInfinity, Yes, Vector512x32, Vector512<uint>>(MidpointRounding.ToPositiveInfinity, true, streamingBytes));
            Assert.Null(CheckOffsets<TowardNegativeInfinity, No, Vector256x32, Vector256<uint>>(MidpointRounding.ToNegativeInfinity, false, streamingBytes));
            Assert.Null(CheckOffsets<TiesAwayFromZero, Yes, Vector128x32, Vector128<uint>>(MidpointRounding.AwayFromZero, true, streamingBytes));
            Assert.Null(CheckOffsets<TowardZero, No, Vector512x32, Vector512<uint>>(MidpointRounding.ToZero, false, streamingBytes));
        }

        /// <summary>
        /// The BFloat16 code of <paramref name="value"/>: the truncated code and the next one away from zero bracket
        /// the value; the mode picks one (exact comparisons in double); a pick past the largest finite value is
        /// infinity, or the largest finite value when saturating. NaN gives the quiet NaN of its sign.
        /// </summary>
        private static ushort Reference(float value, MidpointRounding mode, bool saturate)
        {
            uint bits = BitConverter.SingleToUInt32Bits(value);
            bool negative = (bits >> 31) != 0;
            ushort sign = negative ? (ushort)0x8000 : (ushort)0;
            if (float.IsNaN(value))
            {
                return (ushort)(sign | 0x7FC0);
            }

            int down = (int)((bits >> 16) & 0x7FFF);
            if ((bits & 0xFFFF) == 0)
            {
                // Exact (zeros and infinities included).
                return (ushort)(sign | down);
            }

            int up = down + 1;
            double magnitude = Math.Abs((double)value);
            double low = Math.Abs((double)BitConverter.UInt32BitsToSingle((uint)down << 16));
            double high = up == 0x7F80 ? Math.ScaleB(1.0, 128) : Math.Abs((double)BitConverter.UInt32BitsToSingle((uint)up << 16));
            double middle = (low + high) / 2;
            bool roundUp = mode switch
            {
                MidpointRounding.ToEven => magnitude > middle || (magnitude == middle && (down & 1) != 0),
                MidpointRounding.AwayFromZero => magnitude >= middle,
                MidpointRounding.ToZero => false,
                MidpointRounding.ToPositiveInfinity => !negative,
                MidpointRounding.ToNegativeInfinity => negative,
                _ => throw new ArgumentOutOfRangeException(nameof(mode)),
            };
            int code = roundUp ? up : down;
            if (code == 0x7F80 && saturate)
            {
                code = 0x7F7F;
            }

            return (ushort)(sign | code);
        }

        private static bool Available(SimdWidth width) => width switch
        {
            SimdWidth.V128 => Vector128.IsHardwareAccelerated,
            SimdWidth.V256 => Vector256.IsHardwareAccelerated,
            SimdWidth.V512 => Vector512.IsHardwareAccelerated,
            _ => true,
        };

        private static void AssertEqual(float[] input, ushort[] expected, ushort[] output, string what)
        {
            for (int i = 0; i < input.Length; i++)
            {
                Assert.True(output[i] == expected[i], $"{what} 0x{BitConverter.SingleToUInt32Bits(input[i]):X8}: block 0x{output[i]:X4} reference 0x{expected[i]:X4}");
            }
        }

        private static string? CheckOffsets<TMode, TSaturate, TOps, TV>(MidpointRounding mode, bool saturate, long streamingBytes)
            where TMode : struct, IRoundingMode
            where TSaturate : struct, IFlag
            where TOps : struct, ISimd32<TV>
            where TV : struct
        {
            if (!TOps.IsHardwareAccelerated)
            {
                return null;
            }

            const int Length = 4099;
            var random = new Random(29);
            float[] input = new float[Length];
            for (int i = 0; i < Length; i++)
            {
                input[i] = i % 2 == 0 ? SpanInputs.Floats[random.Next(SpanInputs.Floats.Length)] : BitConverter.UInt32BitsToSingle((uint)random.NextInt64(1L << 32));
            }

            for (int offset = 0; offset < 16; offset++)
            {
                ushort[] output = new ushort[Length + 16];
                int done = BlockLoop.Run(
                    ref Unsafe.As<float, byte>(ref input[0]),
                    ref Unsafe.As<ushort, byte>(ref output[offset]),
                    Length,
                    default(TopHalfEncodeBlock<SingleLanes, TMode, TSaturate, TOps, TV>),
                    streamingBytes);
                if (done < Length - TopHalfEncodeBlock<SingleLanes, TMode, TSaturate, TOps, TV>.BlockElements)
                {
                    return $"{typeof(TOps).Name} offset {offset}: converted {done} of {Length}";
                }

                for (int i = 0; i < done; i++)
                {
                    ushort expected = Reference(input[i], mode, saturate);
                    if (output[offset + i] != expected)
                    {
                        return $"{typeof(TOps).Name} {mode} offset {offset} index {i} (0x{BitConverter.SingleToUInt32Bits(input[i]):X8}): block 0x{output[offset + i]:X4} reference 0x{expected:X4}";
                    }
                }
            }

            return null;
        }
    }
}
