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

            // BFloat16's layout with another overflow or bias: re-biased too (no Half overflows them).
            Assert.Null(CheckEveryCode<SE8M7Saturate>(mode, saturate));
            Assert.Null(CheckEveryCode<SE8M7OverflowNaN>(mode, saturate));
            Assert.Null(CheckEveryCode<SE8M7Bias126>(mode, saturate));
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

        [Fact]
        public void Takes_every_format_the_top_half_encoder_takes()
        {
            // FromHalfCore has no top-half step: BFloat16's layout (TopHalfEncoder's) is re-biased from Half. The 16-bit
            // formats with 8 exponent bits that TopHalfEncoder declines go through the Half lane encoder.
            Pass(CheckTakes<BFloat16.Traits>(topHalf: true, rebias: true));
            Pass(CheckTakes<SpanTraits<SBF16>>(topHalf: true, rebias: true));
            Pass(CheckTakes<SpanTraits<SE8M7Infinity>>(topHalf: true, rebias: true));
            Pass(CheckTakes<SpanTraits<SE8M7Saturate>>(topHalf: false, rebias: true));
            Pass(CheckTakes<SpanTraits<SE8M7OverflowNaN>>(topHalf: false, rebias: true));
            Pass(CheckTakes<SpanTraits<SE8M7NoSubnormals>>(topHalf: false, rebias: false));
            Pass(CheckTakes<SpanTraits<SE8M7Bias126>>(topHalf: false, rebias: true));
            Pass(CheckTakes<SpanTraits<SE8M7FiniteNaN>>(topHalf: false, rebias: false));
        }

        [Theory]
        [MemberData(nameof(SpanInputs.ModesAndSaturation), MemberType = typeof(SpanInputs))]
        public void Every_tail_length_apart_and_in_place_matches_the_scalar_codec_at_every_width(MidpointRounding mode, bool saturate)
        {
            // The re-biased formats, and 16-bit formats with 8 exponent bits on either side of both encoders' conditions.
            Pass(CheckTails<SBF16>(mode, saturate));
            Pass(CheckTails<SE6M9>(mode, saturate));
            Pass(CheckTails<SE7M8>(mode, saturate));
            Pass(CheckTails<SE8M7Saturate>(mode, saturate));
            Pass(CheckTails<SE8M7NoSubnormals>(mode, saturate));
            Pass(CheckTails<SE8M7FiniteNaN>(mode, saturate));
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

        /// <summary>Fails with the whole message of a problem (Assert.Null shortens it).</summary>
        private static void Pass(string? problem)
        {
            if (problem != null)
            {
                Assert.Fail(problem);
            }
        }

        private static string? CheckTakes<TTraits>(bool topHalf, bool rebias)
            where TTraits : struct, IFloatTraits
        {
            bool top = TopHalfEncoder.Applies<TTraits>();
            bool re = HalfRebiasEncoder.Applies<TTraits>();
            return top == topHalf && re == rebias && (re || !top) ? null : $"{typeof(TTraits)}: top half {top}, re-bias {re}";
        }

        /// <summary>
        /// Lengths that leave every tail from none to one 512-bit vector of Halves and one more (0..33), alone and after
        /// two such vectors, into a destination apart (one element off the source's alignment) and in place (the block
        /// loop then leaves the tail to the caller); random codes with specials, ties and subnormals mixed in.
        /// </summary>
        private static string? CheckTails<TSpec>(MidpointRounding mode, bool saturate)
            where TSpec : struct, ISpanSpec
        {
            const int Vector512Halves = 32;
            ushort[] specials =
            {
                0x0000, 0x8000, 0x0001, 0x8001, 0x03FF, 0x83FF, 0x0400, 0x7BFF, 0xFBFF, 0x7C00, 0xFC00, 0x7E00, 0xFE01, 0x7D55,
                0x3C01, 0xBC01, 0x3C02, 0x3C03, 0x3C04, 0x3C08, 0xBC08, 0x3C0C, 0x3C18, 0x3C20, 0xBC20, 0x3C40, 0x0003, 0x8005,
            };
            var random = new Random(43 + ((int)mode * 2) + (saturate ? 1 : 0));
            bool rebias = HalfRebiasEncoder.Applies<SpanTraits<TSpec>>();
            foreach (SimdWidth width in Widths)
            {
                int block = SimdWidths.Resolve(width) switch
                {
                    SimdWidth.V512 => 32,
                    SimdWidth.V256 => 16,
                    SimdWidth.V128 => 8,
                    _ => int.MaxValue,
                };
                foreach (int whole in new[] { 0, 2 * Vector512Halves })
                {
                    for (int tail = 0; tail <= Vector512Halves + 1; tail++)
                    {
                        int length = whole + tail;
                        ushort[] bits = new ushort[length];
                        ushort[] expected = new ushort[length];
                        for (int i = 0; i < length; i++)
                        {
                            bits[i] = random.Next(3) == 0 ? specials[random.Next(specials.Length)] : (ushort)random.Next(65536);
                            expected[i] = (ushort)FloatCodec<SpanTraits<TSpec>>.FromHalf(BitConverter.UInt16BitsToHalf(bits[i]), mode, saturate);
                        }

                        Half[] source = Array.ConvertAll(bits, BitConverter.UInt16BitsToHalf);
                        ushort[] apart = new ushort[length + 1];
                        FloatSpan<SpanTraits<TSpec>>.FromHalfCore<ushort>(source, apart.AsSpan(1, length), mode, saturate, width);
                        ushort[] inPlace = (ushort[])bits.Clone();
                        FloatSpan<SpanTraits<TSpec>>.FromHalfCore<ushort>(MemoryMarshal.Cast<ushort, Half>(inPlace), inPlace, mode, saturate, width);
                        for (int i = 0; i < length; i++)
                        {
                            if (apart[1 + i] != expected[i] || inPlace[i] != expected[i])
                            {
                                return $"{typeof(TSpec).Name} {width} {mode} saturate {saturate} length {length} element {i} (0x{bits[i]:X4}): apart 0x{apart[1 + i]:X4} in place 0x{inPlace[i]:X4} scalar 0x{expected[i]:X4}";
                            }
                        }

                        // What the kernel leaves to the tail: less than one vector, nothing of a long span apart.
                        if (rebias && block != int.MaxValue)
                        {
                            int done = HalfRebiasEncoder.FromHalf<SpanTraits<TSpec>>(source, new ushort[length], mode, width);
                            int doneInPlace = HalfRebiasEncoder.FromHalf<SpanTraits<TSpec>>(MemoryMarshal.Cast<ushort, Half>((ushort[])bits.Clone()), new ushort[length], mode, width);
                            ushort[] again = (ushort[])bits.Clone();
                            int leftInPlace = length - HalfRebiasEncoder.FromHalf<SpanTraits<TSpec>>(MemoryMarshal.Cast<ushort, Half>(again), again, mode, width);
                            if (done != (length < block ? 0 : length) || doneInPlace != done || leftInPlace != (length < block ? length : length % block))
                            {
                                return $"{typeof(TSpec).Name} {width} length {length}: the kernel encoded {done} apart, left {leftInPlace} in place";
                            }
                        }
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

    public readonly struct SE8M7Infinity : ISpanSpec { public static FloatLayout Layout { get; } = SpecLayout.Create(8, 7, overflow: OverflowBehavior.Infinity); }

    public readonly struct SE8M7Saturate : ISpanSpec { public static FloatLayout Layout { get; } = SpecLayout.Create(8, 7, overflow: OverflowBehavior.Saturate); }

    public readonly struct SE8M7OverflowNaN : ISpanSpec { public static FloatLayout Layout { get; } = SpecLayout.Create(8, 7, overflow: OverflowBehavior.NaN); }

    public readonly struct SE8M7NoSubnormals : ISpanSpec { public static FloatLayout Layout { get; } = SpecLayout.Create(8, 7, subnormals: false); }

    public readonly struct SE8M7Bias126 : ISpanSpec { public static FloatLayout Layout { get; } = SpecLayout.Create(8, 7, 126); }

    public readonly struct SE8M7FiniteNaN : ISpanSpec { public static FloatLayout Layout { get; } = SpecLayout.Create(8, 7, specials: SpecialValues.FiniteNaN); }
#pragma warning restore SA1649, SA1402
}
