using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using NumForge.CompilerServices;
using NumForge.CompilerServices.Spans;
using Xunit;

namespace NumForge.Tests.Spans
{
    /// <summary>
    /// Half to BFloat16 (and the other 16-bit formats that hold every Half as a normal number) in 16-bit lanes, in
    /// every rounding mode, saturating or not: every one of the 65,536 Half codes and mixed inputs with specials at
    /// every lane position, at every width, against a reference written here (the Half's exact value split at the
    /// format's unit in double) and against the scalar cast.
    /// </summary>
    public class HalfRebiasEncoderTests
    {
        [Fact]
        public void Applies_to_the_formats_that_hold_every_Half_as_a_normal_number()
        {
            Assert.True(HalfRebiasEncoder.Applies<SpanTraits<SBF16>>());
            Assert.True(HalfRebiasEncoder.Applies<SpanTraits<SE6M9>>());
            Assert.True(HalfRebiasEncoder.Applies<SpanTraits<SE7M8>>());

            // Half itself, 8-bit formats, a bias too small for 2^-24 to be normal, one too large for 2^16 to be finite.
            Assert.False(HalfRebiasEncoder.Applies<SpanTraits<SBinary16>>());
            Assert.False(HalfRebiasEncoder.Applies<SpanTraits<SE5M2>>());
            Assert.False(HalfRebiasEncoder.Applies<SpanTraits<SE4M3FN>>());
            Assert.False(HalfRebiasEncoder.Applies<SpanTraits<SE6M9Bias20>>());
            Assert.False(HalfRebiasEncoder.Applies<SpanTraits<SE6M9Bias47>>());
            Assert.Equal(0, HalfRebiasEncoder.FromHalf<SpanTraits<SBinary16>>(SpanInputs.Halves(), new ushort[65536], MidpointRounding.ToEven, SimdWidth.Auto));
            Assert.Equal(0, HalfRebiasEncoder.FromHalf<SpanTraits<SBF16>>(SpanInputs.Halves(), new ushort[65536], MidpointRounding.ToEven, SimdWidth.Scalar));
        }

        [Theory]
        [MemberData(nameof(SpanInputs.ModesAndSaturation), MemberType = typeof(SpanInputs))]
        public void Every_Half_code_matches_the_reference_and_the_scalar_cast_at_every_width(MidpointRounding mode, bool saturate)
        {
            Assert.Null(CheckEveryCode<SBF16>(mode, saturate));
            Assert.Null(CheckEveryCode<SE6M9>(mode, saturate));
            Assert.Null(CheckEveryCode<SE7M8>(mode, saturate));
        }

        [Theory]
        [MemberData(nameof(SpanInputs.ModesAndSaturation), MemberType = typeof(SpanInputs))]
        public void Mixed_inputs_with_specials_at_every_lane_position_match_the_scalar_cast_at_every_offset_and_length(MidpointRounding mode, bool saturate)
        {
            // 1% NaN, 1% infinities, 2% beyond Half's range (infinities as Halves), ties and subnormals, through the span
            // entry point (blocks, the edge blocks, the scalar tail) on unaligned slices.
            Half[] input = Array.ConvertAll(SpanInputs.Mixed(), f => (Half)f);
            foreach (SimdWidth width in Widths)
            {
                foreach ((int offset, int length) in new[] { (0, input.Length), (1, input.Length - 1), (3, 1000), (5, 31), (7, 65), (9, 130), (11, 8) })
                {
                    ReadOnlySpan<Half> source = input.AsSpan(offset, length);
                    ushort[] output = new ushort[length + 3];
                    FloatSpan<SpanTraits<SBF16>>.FromHalfCore<ushort>(source, output.AsSpan(3, length), mode, saturate, width);
                    for (int i = 0; i < length; i++)
                    {
                        ushort expected = Reference<SBF16>(BitConverter.HalfToUInt16Bits(source[i]), mode);
                        Assert.True(output[3 + i] == expected, $"{width} {mode} saturate {saturate} offset {offset} length {length} element {i} (0x{BitConverter.HalfToUInt16Bits(source[i]):X4}): 0x{output[3 + i]:X4} reference 0x{expected:X4}");
                        Assert.True(FloatCodec<SpanTraits<SBF16>>.FromHalf(source[i], mode, saturate) == expected, $"scalar {mode} 0x{BitConverter.HalfToUInt16Bits(source[i]):X4}");
                    }
                }
            }
        }

        [Theory]
        [InlineData(0L)]
        [InlineData(long.MaxValue)]
        public void Blocks_match_the_reference_at_every_destination_offset_streaming_or_not(long streamingBytes)
        {
            Assert.Null(CheckOffsets<TiesToEven, Vector512x16, Vector512<ushort>>(MidpointRounding.ToEven, streamingBytes));
            Assert.Null(CheckOffsets<TowardPositiveInfinity, Vector512x16, Vector512<ushort>>(MidpointRounding.ToPositiveInfinity, streamingBytes));
            Assert.Null(CheckOffsets<TowardNegativeInfinity, Vector256x16, Vector256<ushort>>(MidpointRounding.ToNegativeInfinity, streamingBytes));
            Assert.Null(CheckOffsets<TiesAwayFromZero, Vector128x16, Vector128<ushort>>(MidpointRounding.AwayFromZero, streamingBytes));
            Assert.Null(CheckOffsets<TowardZero, Vector256x16, Vector256<ushort>>(MidpointRounding.ToZero, streamingBytes));
        }

        /// <summary>The widths this process can run, and scalar.</summary>
        internal static SimdWidth[] Widths => Array.FindAll(
            new[] { SimdWidth.Auto, SimdWidth.V512, SimdWidth.V256, SimdWidth.V128, SimdWidth.Scalar },
            width => width switch
            {
                SimdWidth.V128 => Vector128.IsHardwareAccelerated,
                SimdWidth.V256 => Vector256.IsHardwareAccelerated,
                SimdWidth.V512 => Vector512.IsHardwareAccelerated,
                _ => true,
            });

        /// <summary>
        /// The code of Half <paramref name="bits"/> in the 16-bit format <typeparamref name="TSpec"/> (every Half a
        /// normal number of it), written plainly: NaN is the quiet NaN of its sign, infinities and zeros keep theirs;
        /// a finite |value| lies between q and q + 1 units of 2^(k - M) (k its binary exponent, q an integer of M + 1
        /// bits, all exact in double), and the mode picks.
        /// </summary>
        internal static ushort Reference<TSpec>(ushort bits, MidpointRounding mode)
            where TSpec : struct, ISpanSpec
        {
            FloatLayout layout = TSpec.Layout;
            int m = layout.MantissaBits;
            int infinity = ((1 << layout.ExponentBits) - 1) << m;
            bool negative = (bits & 0x8000) != 0;
            int sign = bits & 0x8000;
            int magnitude = bits & 0x7FFF;
            if (magnitude > 0x7C00)
            {
                return (ushort)(sign | infinity | (1 << (m - 1)));
            }

            if (magnitude == 0x7C00)
            {
                return (ushort)(sign | infinity);
            }

            if (magnitude == 0)
            {
                return (ushort)sign;
            }

            double value = Math.Abs((double)BitConverter.UInt16BitsToHalf(bits));
            int k = Math.ILogB(value);
            double unit = Math.ScaleB(1.0, k - m);
            double q = Math.Floor(value / unit);
            double rest = value - (q * unit);
            bool up = mode switch
            {
                MidpointRounding.ToEven => rest > unit / 2 || (rest == unit / 2 && q % 2 == 1),
                MidpointRounding.AwayFromZero => rest >= unit / 2,
                MidpointRounding.ToZero => false,
                MidpointRounding.ToPositiveInfinity => rest > 0 && !negative,
                MidpointRounding.ToNegativeInfinity => rest > 0 && negative,
                _ => throw new ArgumentOutOfRangeException(nameof(mode)),
            };

            // q holds the leading bit: it lands in the exponent field, and a rounding up to 2^(M + 1) carries into it.
            long code = ((long)(k + layout.Bias - 1) << m) + (long)q + (up ? 1 : 0);
            return (ushort)(sign | (int)code);
        }

        private static string? CheckEveryCode<TSpec>(MidpointRounding mode, bool saturate)
            where TSpec : struct, ISpanSpec
        {
            Half[] input = SpanInputs.Halves();
            ushort[] expected = new ushort[input.Length];
            for (int i = 0; i < input.Length; i++)
            {
                expected[i] = Reference<TSpec>((ushort)i, mode);
                ulong scalar = FloatCodec<SpanTraits<TSpec>>.FromHalf(input[i], mode, saturate);
                if (scalar != expected[i])
                {
                    return $"{typeof(TSpec).Name} scalar {mode} saturate {saturate} 0x{i:X4}: 0x{scalar:X4} reference 0x{expected[i]:X4}";
                }
            }

            foreach (SimdWidth width in Widths)
            {
                ushort[] output = new ushort[input.Length];
                if (width != SimdWidth.Scalar && HalfRebiasEncoder.FromHalf<SpanTraits<TSpec>>(input, output, mode, width) != input.Length)
                {
                    return $"{typeof(TSpec).Name} {width}: the kernel did not take every element";
                }

                Array.Clear(output);
                FloatSpan<SpanTraits<TSpec>>.FromHalfCore<ushort>(input, output, mode, saturate, width);
                for (int i = 0; i < input.Length; i++)
                {
                    if (output[i] != expected[i])
                    {
                        return $"{typeof(TSpec).Name} {width} {mode} saturate {saturate} 0x{i:X4}: 0x{output[i]:X4} reference 0x{expected[i]:X4}";
                    }
                }
            }

            return null;
        }

        private static string? CheckOffsets<TMode, TOps, TV>(MidpointRounding mode, long streamingBytes)
            where TMode : struct, IRoundingMode
            where TOps : struct, ISimd16<TV>
            where TV : struct
        {
            if (!TOps.IsHardwareAccelerated)
            {
                return null;
            }

            const int Length = 4099;
            var random = new Random(31);
            Half[] input = new Half[Length];
            for (int i = 0; i < Length; i++)
            {
                input[i] = BitConverter.UInt16BitsToHalf((ushort)random.Next(65536));
            }

            int block = HalfRebiasEncodeBlock<SpanTraits<SBF16>, TMode, TOps, TV>.BlockElements;
            for (int offset = 0; offset < 32; offset++)
            {
                ushort[] output = new ushort[Length + 32];
                int done = BlockLoop.Run(
                    ref Unsafe.As<Half, byte>(ref input[0]),
                    ref Unsafe.As<ushort, byte>(ref output[offset]),
                    Length,
                    default(HalfRebiasEncodeBlock<SpanTraits<SBF16>, TMode, TOps, TV>),
                    streamingBytes);
                if (done < Length - block)
                {
                    return $"{typeof(TOps).Name} offset {offset}: converted {done} of {Length}";
                }

                for (int i = 0; i < done; i++)
                {
                    ushort expected = Reference<SBF16>(BitConverter.HalfToUInt16Bits(input[i]), mode);
                    if (output[offset + i] != expected)
                    {
                        return $"{typeof(TOps).Name} {mode} offset {offset} index {i} (0x{BitConverter.HalfToUInt16Bits(input[i]):X4}): block 0x{output[offset + i]:X4} reference 0x{expected:X4}";
                    }
                }
            }

            return null;
        }
    }

#pragma warning disable SA1649, SA1402 // small spec structs live together
    public readonly struct SE6M9 : ISpanSpec { public static FloatLayout Layout { get; } = SpecLayout.Create(6, 9); }

    public readonly struct SE7M8 : ISpanSpec { public static FloatLayout Layout { get; } = SpecLayout.Create(7, 8); }

    public readonly struct SE6M9Bias20 : ISpanSpec { public static FloatLayout Layout { get; } = SpecLayout.Create(6, 9, 20); }

    public readonly struct SE6M9Bias47 : ISpanSpec { public static FloatLayout Layout { get; } = SpecLayout.Create(6, 9, 47); }
#pragma warning restore SA1649, SA1402
}
