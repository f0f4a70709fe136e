using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using NumForge.CompilerServices;
using NumForge.CompilerServices.Spans;
using Xunit;

namespace NumForge.Tests.Spans
{
    /// <summary>
    /// The block loop's own paths, which short spans never reach: the aligned restart after a first unaligned block,
    /// non-temporal (streaming) stores with the prefetching loop (threshold 0) or cached stores with the plain loop
    /// (threshold <see cref="long.MaxValue"/>), and conversions in place, all against the scalar codec.
    /// </summary>
    public class BlockLoopTests
    {
        private const int Length = 4099;

        [Theory]
        [InlineData(0L)]
        [InlineData(long.MaxValue)]
        public void Encode_blocks_in_every_mode_match_scalar_at_every_destination_offset(long streamingBytes)
        {
            Assert.Null(CheckEncode<SE4M3FN, byte>(streamingBytes));
            Assert.Null(CheckEncode<SE5M2FNUZ, byte>(streamingBytes));
            Assert.Null(CheckEncode<SBinary16, ushort>(streamingBytes));
            Assert.Null(CheckEncode<SE2M1, byte>(streamingBytes));
            Assert.Null(CheckEncode<SBF16, ushort>(streamingBytes));
            Assert.Null(CheckEncode<STF32, uint>(streamingBytes));
        }

        [Theory]
        [InlineData(0L)]
        [InlineData(long.MaxValue)]
        public void Double_and_Half_encode_blocks_match_scalar_at_every_destination_offset(long streamingBytes)
        {
            Assert.Null(CheckSourceEncode<SE4M3FN, byte, TiesToEven, No, No>(streamingBytes));
            Assert.Null(CheckSourceEncode<SE4M3FN, byte, TowardPositiveInfinity, Yes, No>(streamingBytes));
            Assert.Null(CheckSourceEncode<SE5M2FNUZ, byte, TowardZero, No, No>(streamingBytes));
            Assert.Null(CheckSourceEncode<SE2M1, byte, TiesAwayFromZero, No, Yes>(streamingBytes));
            Assert.Null(CheckSourceEncode<SBinary16, ushort, TowardNegativeInfinity, No, No>(streamingBytes));
            Assert.Null(CheckSourceEncode<SBF16, ushort, TiesToEven, Yes, No>(streamingBytes));
            Assert.Null(CheckSourceEncode<STF32, uint, TowardZero, No, No>(streamingBytes));
            Assert.Null(CheckSourceEncode<SE5M2, byte, TiesAwayFromZero, No, No>(streamingBytes));
            Assert.Null(CheckSourceEncode<SE5M2, byte, TowardNegativeInfinity, Yes, No>(streamingBytes));
            Assert.Null(CheckSourceEncode<SE2M1, byte, TowardNegativeInfinity, Yes, Yes>(streamingBytes));
        }

        [Fact]
        public void Half_fields_go_to_the_lane_encoder_where_it_only_adds_a_Half_subnormal()
        {
            // Ties to even at every width; the other modes only with embedded rounding (the portable subnormal paths
            // multiply, or for ties away subtract in a way that paid microcode assists on float subnormals).
            Assert.True(LaneEncoder<SpanTraits<SE4M3FN>, TiesToEven, Vector128x32, Vector128<uint>, HalfFieldLanes>.Applies(false, out _));
            Assert.True(LaneEncoder<SpanTraits<SE5M2>, TiesToEven, Vector256x32, Vector256<uint>, HalfFieldLanes>.Applies(true, out _));
            Assert.False(LaneEncoder<SpanTraits<SE5M2>, TiesAwayFromZero, Vector256x32, Vector256<uint>, HalfFieldLanes>.Applies(false, out _));
            Assert.Equal(Avx512F.IsSupported, LaneEncoder<SpanTraits<SE5M2>, TiesAwayFromZero, Vector512x32, Vector512<uint>, HalfFieldLanes>.Applies(false, out _));
            Assert.False(LaneEncoder<SpanTraits<SE4M3FN>, TowardZero, Vector256x32, Vector256<uint>, HalfFieldLanes>.Applies(false, out _));
            Assert.Equal(Avx512F.IsSupported, LaneEncoder<SpanTraits<SE4M3FN>, TowardZero, Vector512x32, Vector512<uint>, HalfFieldLanes>.Applies(false, out _));

            // Formats whose range reaches beyond the Half's (BFloat16, TF32) or below its normals (E5M2FNUZ) widen instead.
            Assert.False(LaneEncoder<SpanTraits<STF32>, TiesToEven, Vector128x32, Vector128<uint>, HalfFieldLanes>.Applies(false, out _));
            Assert.False(LaneEncoder<SpanTraits<SE5M2FNUZ>, TiesToEven, Vector128x32, Vector128<uint>, HalfFieldLanes>.Applies(false, out _));
        }

        [Theory]
        [InlineData(0L)]
        [InlineData(long.MaxValue)]
        public void Decode_blocks_match_scalar_at_every_destination_offset(long streamingBytes)
        {
            Assert.Null(CheckDecode<SE4M3FN, byte>(streamingBytes));
            Assert.Null(CheckDecode<SE5M2FNUZ, byte>(streamingBytes));
            Assert.Null(CheckDecode<SBinary16, ushort>(streamingBytes));
            Assert.Null(CheckDecode<SBF16, ushort>(streamingBytes));
            Assert.Null(CheckDecode<STF32, uint>(streamingBytes));
        }

        [Theory]
        [InlineData(0L)]
        [InlineData(long.MaxValue)]
        public void Packed_encode_blocks_match_scalar_at_every_destination_offset(long streamingBytes)
        {
            Assert.Null(CheckPacked<SE2M1, TiesToEven, Vector128x32, Vector128<uint>, No, Yes>(streamingBytes));
            Assert.Null(CheckPacked<SE2M1, TiesToEven, Vector256x32, Vector256<uint>, No, Yes>(streamingBytes));
            Assert.Null(CheckPacked<SE2M1, TiesToEven, Vector256x32, Vector256<uint>, Yes, No>(streamingBytes));
            Assert.Null(CheckPacked<SE1M1, TiesToEven, Vector256x32, Vector256<uint>, No, No>(streamingBytes));
            Assert.Null(CheckPacked<SE2M1, TowardZero, Vector256x32, Vector256<uint>, No, Yes>(streamingBytes));
            Assert.Null(CheckPacked<SE2M1, TowardPositiveInfinity, Vector128x32, Vector128<uint>, Yes, Yes>(streamingBytes));
            Assert.Null(CheckPacked<SE2M1, TiesToEven, Vector512x32, Vector512<uint>, No, Yes>(streamingBytes));
            Assert.Null(CheckPacked<SE1M1, TowardZero, Vector512x32, Vector512<uint>, Yes, No>(streamingBytes));
        }

        [Theory]
        [InlineData(0L)]
        [InlineData(long.MaxValue)]
        public void Packed_nibble_decode_blocks_match_scalar_at_every_destination_offset(long streamingBytes)
        {
            Assert.Null(CheckPackedDecode<SE2M1, Vector128x32, Vector128<uint>>(streamingBytes));
            Assert.Null(CheckPackedDecode<SE2M1, Vector256x32, Vector256<uint>>(streamingBytes));
            Assert.Null(CheckPackedDecode<SE2M1, Vector512x32, Vector512<uint>>(streamingBytes));
            Assert.Null(CheckPackedDecode<SE1M1, Vector256x32, Vector256<uint>>(streamingBytes));
            Assert.Null(CheckPackedDecode<SE1M1, Vector512x32, Vector512<uint>>(streamingBytes));
        }

        [Fact]
        public void Packed_nibble_decoder_converts_whole_blocks_of_every_length_and_leaves_the_rest()
        {
            var random = new Random(17);
            foreach (SimdWidth width in new[] { SimdWidth.Auto, SimdWidth.V128, SimdWidth.V256, SimdWidth.V512, SimdWidth.Scalar })
            {
                for (int length = 0; length < 300; length++)
                {
                    byte[] packed = new byte[(length + 1) / 2];
                    random.NextBytes(packed);
                    float[] output = new float[length];
                    Array.Fill(output, -1234.5f);
                    int done = PackedDecoders.Nibbles<SpanTraits<SE2M1>>(packed, output, width);
                    Assert.True(done % 2 == 0 && done <= length, $"{width} length {length}: {done}");
                    for (int i = 0; i < length; i++)
                    {
                        float expected = i < done ? FloatCodec<SpanTraits<SE2M1>>.ToSingle((ulong)((packed[i / 2] >> (4 * (i % 2))) & 0xF) & 0xF) : -1234.5f;
                        Assert.True(BitConverter.SingleToUInt32Bits(expected) == BitConverter.SingleToUInt32Bits(output[i]), $"{width} length {length} element {i}: {output[i]} expected {expected}");
                    }
                }
            }

            // Formats wider than a nibble are not this decoder's.
            Assert.Equal(0, PackedDecoders.Nibbles<SpanTraits<SE4M3FN>>(new byte[512], new float[1024], SimdWidth.Auto));
        }

        [Theory]
        [InlineData(0L)]
        [InlineData(long.MaxValue)]
        public void Top_half_encode_blocks_match_scalar_at_every_destination_offset(long streamingBytes)
        {
            Assert.True(TopHalfEncoder.Applies<SpanTraits<SBF16>>());
            Assert.False(TopHalfEncoder.Applies<SpanTraits<SBinary16>>());
            Assert.False(TopHalfEncoder.Applies<SpanTraits<SE4M3FN>>());
            Assert.Null(CheckTopHalf<Vector128x32, Vector128<uint>>(streamingBytes));
            Assert.Null(CheckTopHalf<Vector256x32, Vector256<uint>>(streamingBytes));
            Assert.Null(CheckTopHalf<Vector512x32, Vector512<uint>>(streamingBytes));
        }

        [Fact]
        public void Top_half_encoder_equals_the_scalar_cast_on_every_top_half_and_rounding_boundary()
        {
            // Every float's top 16 bits with low halves at and around the rounding boundary (0x8000), through each width.
            ushort[] lows = { 0x0000, 0x0001, 0x7FFF, 0x8000, 0x8001, 0xFFFF };
            float[] input = new float[65536 * lows.Length];
            for (int i = 0; i < input.Length; i++)
            {
                input[i] = BitConverter.UInt32BitsToSingle(((uint)(i / lows.Length) << 16) | lows[i % lows.Length]);
            }

            foreach (SimdWidth width in new[] { SimdWidth.Auto, SimdWidth.V128, SimdWidth.V256, SimdWidth.V512 })
            {
                ushort[] output = new ushort[input.Length];
                int done = TopHalfEncoder.FromSingle<SpanTraits<SBF16>>(input, output, MidpointRounding.ToEven, saturate: false, width);
                Assert.Equal(input.Length, done);
                for (int i = 0; i < input.Length; i++)
                {
                    ulong expected = FloatCodec<SpanTraits<SBF16>>.FromSingle(input[i], MidpointRounding.ToEven, saturate: false);
                    Assert.True(output[i] == expected, $"{width} 0x{BitConverter.SingleToUInt32Bits(input[i]):X8}: block 0x{output[i]:X4} scalar 0x{expected:X4}");
                }
            }

            Assert.Equal(0, TopHalfEncoder.FromSingle<SpanTraits<SBF16>>(input, new ushort[input.Length], MidpointRounding.ToEven, saturate: false, SimdWidth.Scalar));
            Assert.Equal(0, TopHalfEncoder.FromSingle<SpanTraits<SBinary16>>(input, new ushort[input.Length], MidpointRounding.ToEven, saturate: false, SimdWidth.Auto));
        }

        [Fact]
        public void In_place_conversion_of_a_32_bit_format_matches_scalar()
        {
            var random = new Random(7);
            for (int offset = 0; offset < 8; offset++)
            {
                float[] buffer = new float[Length + 8];
                for (int i = 0; i < buffer.Length; i++)
                {
                    buffer[i] = SpanInputs.Floats[random.Next(SpanInputs.Floats.Length)];
                }

                Span<float> source = buffer.AsSpan(offset, Length);
                ulong[] expected = new ulong[Length];
                for (int i = 0; i < Length; i++)
                {
                    expected[i] = FloatCodec<SpanTraits<STF32>>.FromSingle(source[i], MidpointRounding.ToEven, false);
                }

                Span<uint> codes = MemoryMarshal.Cast<float, uint>(source);
                FloatSpan<SpanTraits<STF32>>.FromSingleCore<uint, NoRandom>(source, codes, MidpointRounding.ToEven, false, 0, default, SimdWidth.Auto);
                for (int i = 0; i < Length; i++)
                {
                    Assert.True(expected[i] == codes[i], $"offset {offset} index {i}: in place 0x{codes[i]:X} scalar 0x{expected[i]:X}");
                }
            }
        }

        private static string? CheckEncode<TSpec, TBits>(long streamingBytes)
            where TSpec : struct, ISpanSpec
            where TBits : unmanaged, IBinaryInteger<TBits>
            => CheckEncode<TSpec, TBits, TiesToEven>(streamingBytes)
                ?? CheckEncode<TSpec, TBits, TiesAwayFromZero>(streamingBytes)
                ?? CheckEncode<TSpec, TBits, TowardZero>(streamingBytes)
                ?? CheckEncode<TSpec, TBits, TowardNegativeInfinity>(streamingBytes)
                ?? CheckEncode<TSpec, TBits, TowardPositiveInfinity>(streamingBytes);

        private static string? CheckEncode<TSpec, TBits, TMode>(long streamingBytes)
            where TSpec : struct, ISpanSpec
            where TBits : unmanaged, IBinaryInteger<TBits>
            where TMode : struct, IRoundingMode
            => CheckEncode<TSpec, TBits, TMode, Vector128x32, Vector128<uint>, No, No>(streamingBytes)
                ?? CheckEncode<TSpec, TBits, TMode, Vector256x32, Vector256<uint>, No, No>(streamingBytes)
                ?? CheckEncode<TSpec, TBits, TMode, Vector256x32, Vector256<uint>, Yes, No>(streamingBytes)
                ?? CheckEncode<TSpec, TBits, TMode, Vector128x32, Vector128<uint>, Yes, Yes>(streamingBytes)
                ?? CheckEncode<TSpec, TBits, TMode, Vector256x32, Vector256<uint>, Yes, Yes>(streamingBytes)
                ?? CheckEncode<TSpec, TBits, TMode, Vector512x32, Vector512<uint>, No, No>(streamingBytes)
                ?? CheckEncode<TSpec, TBits, TMode, Vector512x32, Vector512<uint>, Yes, Yes>(streamingBytes);

        /// <summary>The double and Half encode blocks at 128 and 256 bits, at every destination offset of a store.</summary>
        private static string? CheckSourceEncode<TSpec, TBits, TMode, TSaturate, TClamp>(long streamingBytes)
            where TSpec : struct, ISpanSpec
            where TBits : unmanaged, IBinaryInteger<TBits>
            where TMode : struct, IRoundingMode
            where TSaturate : struct, IFlag
            where TClamp : struct, IFlag
            => CheckSourceEncode<TSpec, TBits, DoubleEncodeBlock<SpanTraits<TSpec>, TMode, Vector128x64, Vector128<ulong>, Vector128x32, Vector128<uint>, TBits, TSaturate, TClamp>, double>(streamingBytes, TMode.Mode, TSaturate.Value, TClamp.Value)
                ?? CheckSourceEncode<TSpec, TBits, DoubleEncodeBlock<SpanTraits<TSpec>, TMode, Vector256x64, Vector256<ulong>, Vector256x32, Vector256<uint>, TBits, TSaturate, TClamp>, double>(streamingBytes, TMode.Mode, TSaturate.Value, TClamp.Value)
                ?? CheckSourceEncode<TSpec, TBits, HalfEncodeBlock<SpanTraits<TSpec>, TMode, Vector128x32, Vector128<uint>, TBits, TSaturate, TClamp, NativeLanes>, Half>(streamingBytes, TMode.Mode, TSaturate.Value, TClamp.Value)
                ?? CheckSourceEncode<TSpec, TBits, HalfEncodeBlock<SpanTraits<TSpec>, TMode, Vector256x32, Vector256<uint>, TBits, TSaturate, TClamp, NativeLanes>, Half>(streamingBytes, TMode.Mode, TSaturate.Value, TClamp.Value)
                ?? CheckHalfFieldEncode<TSpec, TBits, TMode, Vector128x32, Vector128<uint>, TSaturate, TClamp>(streamingBytes)
                ?? CheckHalfFieldEncode<TSpec, TBits, TMode, Vector256x32, Vector256<uint>, TSaturate, TClamp>(streamingBytes)
                ?? (Vector512.IsHardwareAccelerated ? CheckHalfFieldEncode<TSpec, TBits, TMode, Vector512x32, Vector512<uint>, TSaturate, TClamp>(streamingBytes) : null);

        /// <summary>The Half encode block on Half fields (no widening), where the lane encoder takes them at this width and mode.</summary>
        private static string? CheckHalfFieldEncode<TSpec, TBits, TMode, TOps, TV, TSaturate, TClamp>(long streamingBytes)
            where TSpec : struct, ISpanSpec
            where TBits : unmanaged, IBinaryInteger<TBits>
            where TMode : struct, IRoundingMode
            where TOps : struct, ISimd32<TV>
            where TV : struct
            where TSaturate : struct, IFlag
            where TClamp : struct, IFlag
            => LaneEncoder<SpanTraits<TSpec>, TMode, TOps, TV, HalfFieldLanes>.Applies(TSaturate.Value, out _)
                ? CheckSourceEncode<TSpec, TBits, HalfEncodeBlock<SpanTraits<TSpec>, TMode, TOps, TV, TBits, TSaturate, TClamp, HalfFieldLanes>, Half>(streamingBytes, TMode.Mode, TSaturate.Value, TClamp.Value)
                : null;

        private static string? CheckSourceEncode<TSpec, TBits, TBlock, TSource>(long streamingBytes, MidpointRounding mode, bool saturate, bool clamp)
            where TSpec : struct, ISpanSpec
            where TBits : unmanaged, IBinaryInteger<TBits>
            where TBlock : struct, IBlockConverter
            where TSource : unmanaged
        {
            if (clamp && !(saturate ? LaneSpecials<SpanTraits<TSpec>, TiesToEven, Yes>.Clamps : LaneSpecials<SpanTraits<TSpec>, TiesToEven, No>.Clamps))
            {
                return $"{typeof(TSpec).Name}: a clamping check asked of a format that does not clamp";
            }

            var random = new Random(19);
            float[] pool = SpanInputs.Mixed();
            var input = new TSource[Length];
            for (int i = 0; i < Length; i++)
            {
                float value = pool[random.Next(pool.Length)];
                input[i] = typeof(TSource) == typeof(double) ? (TSource)(object)(value * (1 + (random.Next(3) - 1) * 1e-12)) : (TSource)(object)(Half)value;
            }

            for (int offset = 0; offset < 32 / Unsafe.SizeOf<TBits>(); offset++)
            {
                TBits[] output = new TBits[Length + 32];
                int done = BlockLoop.Run(ref Unsafe.As<TSource, byte>(ref input[0]), ref Unsafe.As<TBits, byte>(ref output[offset]), Length, default(TBlock), streamingBytes, streamingBytes);
                if (done < Length - TBlock.BlockElements)
                {
                    return $"{typeof(TBlock).Name} {typeof(TSpec).Name} offset {offset}: converted {done} of {Length}";
                }

                for (int i = 0; i < done; i++)
                {
                    double value = input[i] is double d ? d : (double)(Half)(object)input[i];
                    ulong expected = FloatCodec<SpanTraits<TSpec>>.FromDouble(value, mode, saturate);
                    ulong got = ulong.CreateTruncating(output[offset + i]);
                    if (got != expected)
                    {
                        return $"{typeof(TBlock).Name} {typeof(TSpec).Name} {mode} sat={saturate} offset {offset} index {i} ({value:R}): block 0x{got:X} scalar 0x{expected:X}";
                    }
                }
            }

            return null;
        }

        private static string? CheckDecode<TSpec, TBits>(long streamingBytes)
            where TSpec : struct, ISpanSpec
            where TBits : unmanaged, IBinaryInteger<TBits>
            => CheckDecode<TSpec, TBits, Vector128x32, Vector128<uint>>(streamingBytes)
                ?? CheckDecode<TSpec, TBits, Vector256x32, Vector256<uint>>(streamingBytes);

        /// <summary>Checks one encoder variant; a clamping one (<typeparamref name="TClamp"/>) only where the codes allow it.</summary>
        private static string? CheckEncode<TSpec, TBits, TMode, TOps, TV, TSaturate, TClamp>(long streamingBytes)
            where TSpec : struct, ISpanSpec
            where TBits : unmanaged, IBinaryInteger<TBits>
            where TMode : struct, IRoundingMode
            where TOps : struct, ISimd32<TV>
            where TV : struct
            where TSaturate : struct, IFlag
            where TClamp : struct, IFlag
        {
            bool saturate = TSaturate.Value;
            if (!LaneEncoder<SpanTraits<TSpec>, TMode, TOps, TV, NativeLanes>.Applies(saturate, out bool clamps))
            {
                return $"{typeof(TSpec).Name} {typeof(TOps).Name}: the lane encoder does not apply";
            }

            if (TClamp.Value && !clamps)
            {
                return null;
            }

            var random = new Random(11);
            float[] input = new float[Length];
            for (int i = 0; i < Length; i++)
            {
                input[i] = SpanInputs.Floats[random.Next(SpanInputs.Floats.Length)];
            }

            for (int offset = 0; offset < 32 / Unsafe.SizeOf<TBits>(); offset++)
            {
                TBits[] output = new TBits[Length + 32];
                int done = BlockLoop.Run(
                    ref Unsafe.As<float, byte>(ref input[0]),
                    ref Unsafe.As<TBits, byte>(ref output[offset]),
                    Length,
                    default(SingleEncodeBlock<SpanTraits<TSpec>, TMode, TOps, TV, TBits, TSaturate, TClamp, No>),
                    streamingBytes,
                    streamingBytes);
                if (done < Length - SingleEncodeBlock<SpanTraits<TSpec>, TMode, TOps, TV, TBits, TSaturate, TClamp, No>.BlockElements)
                {
                    return $"{typeof(TSpec).Name} {typeof(TOps).Name} offset {offset}: converted {done} of {Length}";
                }

                for (int i = 0; i < done; i++)
                {
                    ulong expected = FloatCodec<SpanTraits<TSpec>>.FromSingle(input[i], TMode.Mode, saturate);
                    ulong got = ulong.CreateTruncating(output[offset + i]);
                    if (got != expected)
                    {
                        return $"{typeof(TSpec).Name} {typeof(TMode).Name} {typeof(TOps).Name} clamp={TClamp.Value} sat={saturate} offset {offset} index {i} (0x{BitConverter.SingleToUInt32Bits(input[i]):X8}): block 0x{got:X} scalar 0x{expected:X}";
                    }
                }
            }

            return null;
        }

        private static string? CheckPacked<TSpec, TMode, TOps, TV, TSaturate, TClamp>(long streamingBytes)
            where TSpec : struct, ISpanSpec
            where TMode : struct, IRoundingMode
            where TOps : struct, ISimd32<TV>
            where TV : struct
            where TSaturate : struct, IFlag
            where TClamp : struct, IFlag
        {
            bool saturate = TSaturate.Value;
            var random = new Random(17);
            float[] input = new float[Length];
            for (int i = 0; i < Length; i++)
            {
                input[i] = SpanInputs.Floats[random.Next(SpanInputs.Floats.Length)];
            }

            if (!LaneEncoder<SpanTraits<TSpec>, TMode, TOps, TV, NativeLanes>.Applies(saturate, out bool clamps))
            {
                return $"{typeof(TSpec).Name}: the lane encoder does not apply";
            }

            if (TClamp.Value && !clamps)
            {
                return $"{typeof(TSpec).Name}: a clamping check asked of a format that does not clamp";
            }

            for (int offset = 0; offset < 24; offset++)
            {
                byte[] output = new byte[(Length / 2) + 32];
                int done = BlockLoop.Run(
                    ref Unsafe.As<float, byte>(ref input[0]),
                    ref output[offset],
                    Length,
                    default(SingleEncodeBlock<SpanTraits<TSpec>, TMode, TOps, TV, byte, TSaturate, TClamp, Yes>),
                    streamingBytes,
                    streamingBytes);
                if (done % 2 != 0 || done < Length - SingleEncodeBlock<SpanTraits<TSpec>, TMode, TOps, TV, byte, TSaturate, TClamp, Yes>.BlockElements)
                {
                    return $"{typeof(TSpec).Name} offset {offset}: converted {done} of {Length}";
                }

                for (int i = 0; i < done; i++)
                {
                    ulong expected = FloatCodec<SpanTraits<TSpec>>.FromSingle(input[i], TMode.Mode, saturate);
                    int got = (output[offset + (i / 2)] >> (4 * (i % 2))) & 0xF;
                    if ((ulong)got != expected)
                    {
                        return $"{typeof(TSpec).Name} {typeof(TOps).Name} clamp={TClamp.Value} offset {offset} index {i}: packed 0x{got:X} scalar 0x{expected:X}";
                    }
                }
            }

            return null;
        }

        private static string? CheckDecode<TSpec, TBits, TOps, TV>(long streamingBytes)
            where TSpec : struct, ISpanSpec
            where TBits : unmanaged, IBinaryInteger<TBits>
            where TOps : struct, ISimd32<TV>
            where TV : struct
        {
            var random = new Random(13);
            ulong mask = TSpec.Layout.SignMask | TSpec.Layout.MagnitudeMask;
            TBits[] codes = new TBits[Length];
            for (int i = 0; i < Length; i++)
            {
                codes[i] = TBits.CreateTruncating((ulong)random.NextInt64() & mask);
            }

            for (int offset = 0; offset < 8; offset++)
            {
                float[] output = new float[Length + 8];
                int done = BlockLoop.Run(
                    ref Unsafe.As<TBits, byte>(ref codes[0]),
                    ref Unsafe.As<float, byte>(ref output[offset]),
                    Length,
                    default(DecodeBlock<SpanTraits<TSpec>, TOps, TV, TBits>),
                    streamingBytes,
                    streamingBytes);
                if (done < Length - DecodeBlock<SpanTraits<TSpec>, TOps, TV, TBits>.BlockElements)
                {
                    return $"{typeof(TSpec).Name} {typeof(TOps).Name} offset {offset}: converted {done} of {Length}";
                }

                for (int i = 0; i < done; i++)
                {
                    uint expected = BitConverter.SingleToUInt32Bits(FloatCodec<SpanTraits<TSpec>>.ToSingle(ulong.CreateTruncating(codes[i])));
                    uint got = BitConverter.SingleToUInt32Bits(output[offset + i]);
                    if (got != expected)
                    {
                        return $"{typeof(TSpec).Name} {typeof(TOps).Name} offset {offset} code 0x{codes[i]:X}: block 0x{got:X8} scalar 0x{expected:X8}";
                    }
                }
            }

            return null;
        }

        private static string? CheckPackedDecode<TSpec, TOps, TV>(long streamingBytes)
            where TSpec : struct, ISpanSpec
            where TOps : struct, ISimd32<TV>
            where TV : struct
        {
            // Random bytes: both nibbles of every byte, and bits above a code narrower than its nibble, which the decode ignores.
            var random = new Random(19);
            ulong mask = TSpec.Layout.SignMask | TSpec.Layout.MagnitudeMask;
            byte[] packed = new byte[(Length + 1) / 2];
            random.NextBytes(packed);
            for (int offset = 0; offset < 16; offset++)
            {
                float[] output = new float[Length + 16];
                int done = BlockLoop.Run(
                    ref packed[0],
                    ref Unsafe.As<float, byte>(ref output[offset]),
                    Length - 1,
                    default(PackedNibbleDecodeBlock<SpanTraits<TSpec>, TOps, TV>),
                    streamingBytes,
                    streamingBytes);
                if (done < Length - 1 - PackedNibbleDecodeBlock<SpanTraits<TSpec>, TOps, TV>.BlockElements || done % 2 != 0)
                {
                    return $"{typeof(TSpec).Name} {typeof(TOps).Name} offset {offset}: converted {done} of {Length - 1}";
                }

                for (int i = 0; i < done; i++)
                {
                    ulong code = (ulong)(packed[i / 2] >> (4 * (i % 2))) & 0xF & mask;
                    uint expected = BitConverter.SingleToUInt32Bits(FloatCodec<SpanTraits<TSpec>>.ToSingle(code));
                    uint got = BitConverter.SingleToUInt32Bits(output[offset + i]);
                    if (got != expected)
                    {
                        return $"{typeof(TSpec).Name} {typeof(TOps).Name} offset {offset} element {i} code 0x{code:X}: block 0x{got:X8} scalar 0x{expected:X8}";
                    }
                }

                for (int i = done; i < Length + 16 - offset; i++)
                {
                    if (output[offset + i] != 0)
                    {
                        return $"{typeof(TSpec).Name} {typeof(TOps).Name} offset {offset}: element {i} written past what was converted";
                    }
                }
            }

            return null;
        }

        private static string? CheckTopHalf<TOps, TV>(long streamingBytes)
            where TOps : struct, ISimd32<TV>
            where TV : struct
        {
            var random = new Random(23);
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
                    default(TopHalfEncodeBlock<SingleLanes, TiesToEven, No, TOps, TV>),
                    streamingBytes,
                    streamingBytes);
                if (done < Length - TopHalfEncodeBlock<SingleLanes, TiesToEven, No, TOps, TV>.BlockElements)
                {
                    return $"{typeof(TOps).Name} offset {offset}: converted {done} of {Length}";
                }

                for (int i = 0; i < done; i++)
                {
                    ulong expected = FloatCodec<SpanTraits<SBF16>>.FromSingle(input[i], MidpointRounding.ToEven, saturate: false);
                    if (output[offset + i] != expected)
                    {
                        return $"{typeof(TOps).Name} offset {offset} index {i} (0x{BitConverter.SingleToUInt32Bits(input[i]):X8}): block 0x{output[offset + i]:X4} scalar 0x{expected:X4}";
                    }
                }
            }

            return null;
        }
    }
}
