using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using NumForge.CompilerServices;
using NumForge.CompilerServices.Spans;
using Xunit;

namespace NumForge.Tests.Spans
{
    /// <summary>
    /// The top-half decoder (BFloat16 to float by a widening into the top half) at every vector width, on every code,
    /// against a reference written here (the code shifted up; a NaN the quiet NaN of its sign) and the scalar codec.
    /// </summary>
    public class TopHalfDecoderTests
    {
        [Fact]
        public void Every_code_at_every_width_matches_the_reference()
        {
            // Every code three times, shifted by one element each time, so each NaN and infinity meets every lane position.
            ushort[] codes = new ushort[3 * 65536];
            for (int i = 0; i < codes.Length; i++)
            {
                codes[i] = (ushort)(i % 65537);
            }

            for (int i = 0; i < 65536; i++)
            {
                float scalar = FloatCodec<SpanTraits<SBF16>>.ToSingle((ulong)i);
                Assert.True(BitConverter.SingleToUInt32Bits(scalar) == Reference((ushort)i), $"scalar 0x{i:X4}: 0x{BitConverter.SingleToUInt32Bits(scalar):X8}");
            }

            foreach (SimdWidth width in new[] { SimdWidth.Auto, SimdWidth.V128, SimdWidth.V256, SimdWidth.V512, SimdWidth.Scalar })
            {
                if (!Available(width))
                {
                    continue;
                }

                float[] output = new float[codes.Length];
                FloatSpan<SpanTraits<SBF16>>.ToSingleCore<ushort>(codes, output, width);
                for (int i = 0; i < codes.Length; i++)
                {
                    uint actual = BitConverter.SingleToUInt32Bits(output[i]);
                    Assert.True(actual == Reference(codes[i]), $"{width} element {i} code 0x{codes[i]:X4}: 0x{actual:X8} reference 0x{Reference(codes[i]):X8}");
                }
            }

            Assert.Equal(0, TopHalfDecoder.ToSingle<SpanTraits<SBF16>>(codes, new float[codes.Length], SimdWidth.Scalar));
            Assert.Equal(0, TopHalfDecoder.ToSingle<SpanTraits<SBinary16>>(codes, new float[codes.Length], SimdWidth.Auto));
        }

        [Theory]
        [InlineData(0L)]
        [InlineData(long.MaxValue)]
        public void Blocks_match_the_reference_at_every_destination_offset(long streamingBytes)
        {
            Assert.Null(CheckOffsets<Vector512x32, Vector512<uint>>(streamingBytes));
            Assert.Null(CheckOffsets<Vector256x32, Vector256<uint>>(streamingBytes));
            Assert.Null(CheckOffsets<Vector128x32, Vector128<uint>>(streamingBytes));
        }

        [Fact]
        public void Span_conversion_at_odd_offsets_and_lengths_matches_the_reference()
        {
            var random = new Random(31);
            ushort[] codes = new ushort[1100];
            for (int i = 0; i < codes.Length; i++)
            {
                codes[i] = i % 5 == 0 ? (ushort)(0x7F80 | (random.Next(0x10000) & 0x807F)) : (ushort)random.Next(0x10000);
            }

            foreach ((int offset, int length) in new[] { (0, 1100), (1, 1099), (3, 1000), (5, 31), (7, 65), (9, 130), (2, 7) })
            {
                float[] output = new float[length + 1];
                BFloat16.ConvertTo(System.Runtime.InteropServices.MemoryMarshal.Cast<ushort, BFloat16>(codes.AsSpan(offset, length)), output.AsSpan(1, length));
                for (int i = 0; i < length; i++)
                {
                    uint actual = BitConverter.SingleToUInt32Bits(output[1 + i]);
                    Assert.True(actual == Reference(codes[offset + i]), $"offset {offset} length {length} element {i} code 0x{codes[offset + i]:X4}: 0x{actual:X8}");
                }
            }
        }

        /// <summary>The code in float's top half; a NaN code (magnitude above 0x7F80) the quiet NaN of its sign.</summary>
        private static uint Reference(ushort code)
            => (code & 0x7FFF) > 0x7F80 ? (uint)((code & 0x8000) | 0x7FC0) << 16 : (uint)code << 16;

        private static bool Available(SimdWidth width) => width switch
        {
            SimdWidth.V128 => Vector128.IsHardwareAccelerated,
            SimdWidth.V256 => Vector256.IsHardwareAccelerated,
            SimdWidth.V512 => Vector512.IsHardwareAccelerated,
            _ => true,
        };

        private static string? CheckOffsets<TOps, TV>(long streamingBytes)
            where TOps : struct, ISimd32<TV>
            where TV : struct
        {
            if (!TOps.IsHardwareAccelerated)
            {
                return null;
            }

            const int Length = 4099;
            var random = new Random(37);
            ushort[] input = new ushort[Length];
            for (int i = 0; i < Length; i++)
            {
                input[i] = i % 3 == 0 ? (ushort)(0x7F80 | (random.Next(0x10000) & 0x807F)) : (ushort)random.Next(0x10000);
            }

            for (int offset = 0; offset < 16; offset++)
            {
                float[] output = new float[Length + 16];
                int done = BlockLoop.Run(
                    ref Unsafe.As<ushort, byte>(ref input[0]),
                    ref Unsafe.As<float, byte>(ref output[offset]),
                    Length,
                    default(TopHalfDecodeBlock<TOps, TV>),
                    streamingBytes);
                if (done < Length - TopHalfDecodeBlock<TOps, TV>.BlockElements)
                {
                    return $"{typeof(TOps).Name} offset {offset}: converted {done} of {Length}";
                }

                for (int i = 0; i < done; i++)
                {
                    uint actual = BitConverter.SingleToUInt32Bits(output[offset + i]);
                    if (actual != Reference(input[i]))
                    {
                        return $"{typeof(TOps).Name} offset {offset} index {i} (0x{input[i]:X4}): block 0x{actual:X8} reference 0x{Reference(input[i]):X8}";
                    }
                }
            }

            return null;
        }
    }
}
