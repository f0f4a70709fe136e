using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Security.Cryptography;
using NumForge.CompilerServices;
using NumForge.CompilerServices.Spans;
using NumForge.Tests.Support;
using Xunit;

namespace NumForge.Tests.Spans
{
    /// <summary>
    /// Packed FP6 span conversions (four codes in three bytes) in the vector block pass
    /// (<see cref="PackedSixes{TTraits}"/>) against a plain reference: the scalar codec per element and a bit writer
    /// written here, at every width (forced in process, and in child processes at 512/256/128/scalar), every rounding
    /// mode and saturation, on random and adversarial floats at every lane position, at many lengths and offsets.
    /// </summary>
    public class PackedSixTests
    {
        // What the child process answers: the hash at the width it runs at.
        private static string ChildAnswer() => Hash(SimdWidth.Auto);

        /// <summary>The widths this process can run, scalar first.</summary>
        internal static IEnumerable<SimdWidth> LocalWidths()
        {
            yield return SimdWidth.Scalar;
            if (Vector128.IsHardwareAccelerated)
            {
                yield return SimdWidth.V128;
            }

            if (Vector256.IsHardwareAccelerated)
            {
                yield return SimdWidth.V256;
            }

            if (Vector512.IsHardwareAccelerated)
            {
                yield return SimdWidth.V512;
            }
        }

        [Fact]
        public void Encode_and_decode_equal_the_reference_at_every_width_mode_length_and_offset_E3M2()
            => Assert.Null(Check<SE3M2>());

        [Fact]
        public void Encode_and_decode_equal_the_reference_at_every_width_mode_length_and_offset_E2M3()
            => Assert.Null(Check<SE2M3>());

        [Fact]
        public void Catalog_types_run_the_block_pass_and_equal_the_reference()
        {
            // The shipped Float6 types' own traits, through the public entry points.
            float[] values = Inputs();
            foreach (MidpointRounding mode in Enum.GetValues<MidpointRounding>())
            {
                foreach (bool saturate in new[] { false, true })
                {
                    byte[] e3m2 = new byte[FloatSpan<Float6E3M2FN.Traits>.PackedLength(values.Length)];
                    FloatSpan<Float6E3M2FN.Traits>.ConvertFromSingleToPacked(values, e3m2, mode, saturate);
                    Assert.Equal(ReferencePack(values, v => (byte)FloatCodec<Float6E3M2FN.Traits>.FromSingle(v, mode, saturate)), e3m2);
                    byte[] e2m3 = new byte[FloatSpan<Float6E2M3FN.Traits>.PackedLength(values.Length)];
                    FloatSpan<Float6E2M3FN.Traits>.ConvertFromSingleToPacked(values, e2m3, mode, saturate);
                    Assert.Equal(ReferencePack(values, v => (byte)FloatCodec<Float6E2M3FN.Traits>.FromSingle(v, mode, saturate)), e2m3);
                }
            }

            Assert.True(PackedSixes<Float6E3M2FN.Traits>.Decode(new byte[3 * 64], new float[256], SimdWidth.Auto) > 0 || !Vector128.IsHardwareAccelerated);
            Assert.True(PackedSixes<Float6E2M3FN.Traits>.Encode(new float[256], new byte[3 * 64], MidpointRounding.ToEven, false, SimdWidth.Auto) > 0 || !Vector128.IsHardwareAccelerated);
        }

        [Fact]
        public void Every_code_decodes_at_every_lane_position()
        {
            // All 64 codes, each at every position of a 64-element block (a whole block at 512 bits), for both formats.
            var codes = new byte[64 * 64];
            for (int i = 0; i < codes.Length; i++)
            {
                codes[i] = (byte)((i / 64 + i) % 64);
            }

            Assert.Null(CheckDecode<SE3M2>(codes));
            Assert.Null(CheckDecode<SE2M3>(codes));
        }

        [Fact]
        public void Blocks_convert_whole_groups_only_and_leave_the_rest()
        {
            foreach (SimdWidth width in LocalWidths())
            {
                for (int n = 0; n < 200; n++)
                {
                    int done = PackedSixes<SpanTraits<SE3M2>>.Decode(new byte[(n * 6 + 7) / 8], new float[n], width);
                    Assert.True(done % 4 == 0 && done <= n, $"decode {n} at {width}: {done}");
                    done = PackedSixes<SpanTraits<SE3M2>>.Encode(new float[n], new byte[(n * 6 + 7) / 8], MidpointRounding.ToEven, false, width);
                    Assert.True(done % 4 == 0 && done <= n, $"encode {n} at {width}: {done}");
                }
            }

            // Not a 6-bit format: no block pass.
            Assert.Equal(0, PackedSixes<SpanTraits<SE2M1>>.Decode(new byte[96], new float[128], SimdWidth.Auto));
            Assert.Equal(0, PackedSixes<SpanTraits<SE4M3FN>>.Encode(new float[128], new byte[96], MidpointRounding.ToEven, false, SimdWidth.Auto));
        }

        [Fact]
        public unsafe void Decode_equals_the_reference_at_every_destination_alignment_with_and_without_streaming()
        {
            // A 64-byte-aligned native buffer, the destination at every float offset 0..15: 8 bytes off 16 runs the
            // shifted blocks. Then the block loop directly with streaming stores from the first byte.
            const int Count = 1000;
            var random = new Random(67);
            byte[] packed = new byte[(Count * 6 + 7) / 8];
            random.NextBytes(packed);
            float* buffer = (float*)NativeMemory.AlignedAlloc((nuint)((Count + 32) * sizeof(float)), 64);
            try
            {
                foreach (SimdWidth width in LocalWidths())
                {
                    for (int offset = 0; offset < 16; offset++)
                    {
                        foreach (int count in new[] { 4, 7, 8, 9, 70, 131, 300, Count })
                        {
                            var destination = new Span<float>(buffer + offset, count);
                            destination.Fill(-7f);
                            FloatSpan<SpanTraits<SE3M2>>.PackedToSingleCore(packed, destination, width);
                            for (int i = 0; i < count; i++)
                            {
                                float want = FloatCodec<SpanTraits<SE3M2>>.ToSingle((ulong)ReferenceCode(packed, i));
                                Assert.True(BitConverter.SingleToUInt32Bits(want) == BitConverter.SingleToUInt32Bits(destination[i]), $"{width} offset {offset} count {count} element {i}");
                            }
                        }
                    }
                }

                Assert.Null(StreamingShifted<Vector128x32, Vector128<uint>>(packed, buffer));
                Assert.Null(StreamingShifted<Vector256x32, Vector256<uint>>(packed, buffer));
                if (Avx512Vbmi.IsSupported && Avx512BW.IsSupported && Vector512.IsHardwareAccelerated)
                {
                    Assert.Null(StreamingShifted<Vector512x32, Vector512<uint>>(packed, buffer));
                }
            }
            finally
            {
                NativeMemory.AlignedFree(buffer);
            }
        }

        /// <summary>The shifted blocks through <see cref="BlockLoop"/> with streaming stores (threshold 0) into a destination 8 bytes off 16.</summary>
        private static unsafe string? StreamingShifted<TOps, TV>(byte[] packed, float* buffer)
            where TOps : struct, ISimd32<TV>
            where TV : struct
        {
            if (!SixBitLanes<TOps, TV>.IsSupported)
            {
                return null;
            }

            for (int start = 0; start < 16; start += 2)
            {
                // Elements 2.. of the run into buffer + start (8 bytes off 16 for odd halves of start / 2).
                int length = 900;
                float* destination = buffer + start;
                new Span<float>(destination, length).Fill(-7f);
                int done = BlockLoop.Run(ref packed[0], ref *(byte*)destination, length, default(PackedSixDecodeBlock<SpanTraits<SE2M3>, TOps, TV, Yes>), streamingBytes: 0);
                if (done % 4 != 0 || done < length - (4 * TOps.Count))
                {
                    return $"{typeof(TV).Name}: {done} of {length}";
                }

                for (int i = 0; i < done; i++)
                {
                    float want = FloatCodec<SpanTraits<SE2M3>>.ToSingle((ulong)ReferenceCode(packed, i + 2));
                    if (BitConverter.SingleToUInt32Bits(want) != BitConverter.SingleToUInt32Bits(destination[i]))
                    {
                        return $"{typeof(TV).Name} start {start}: element {i + 2} 0x{BitConverter.SingleToUInt32Bits(destination[i]):X8} vs 0x{BitConverter.SingleToUInt32Bits(want):X8}";
                    }
                }
            }

            return null;
        }

        [Fact]
        public void Lane_pack_and_unpack_round_trip_random_codes_at_every_width()
        {
            var random = new Random(606);
            for (int round = 0; round < 200; round++)
            {
                var codes = new byte[64];
                for (int i = 0; i < codes.Length; i++)
                {
                    codes[i] = (byte)random.Next(64);
                }

                if (Vector128.IsHardwareAccelerated)
                {
                    Assert.Null(RoundTrip<Vector128x32, Vector128<uint>>(codes[..16]));
                    Assert.Null(PortablePack(codes[..16]));
                }

                if (Avx2.IsSupported)
                {
                    Assert.Null(RoundTrip<Vector256x32, Vector256<uint>>(codes[..32]));
                }

                if (Avx512Vbmi.IsSupported && Avx512BW.IsSupported)
                {
                    Assert.Null(RoundTrip<Vector512x32, Vector512<uint>>(codes));
                }
            }
        }

        /// <summary>
        /// The widths a child process runs at (<see cref="VectorWidthProcess.Widths"/>): 512 by the instruction set,
        /// 256, 128, and scalar with intrinsics off.
        /// </summary>
        public static TheoryData<string, string, string> Widths() => VectorWidthProcess.Widths();

        [Theory]
        [MemberData(nameof(Widths))]
        public void Same_bits_in_a_process_at_every_vector_width_the_machine_has(string expectedWidth, string variable, string value)
        {
            string[] child = VectorWidthProcess.RunAt(expectedWidth, ChildAnswer, variable, value);
            Assert.Equal(Hash(SimdWidth.Scalar), child[0]);
        }

        [Fact]
        public void Every_width_forced_in_process_gives_the_scalar_bits()
        {
            string scalar = Hash(SimdWidth.Scalar);
            foreach (SimdWidth width in LocalWidths())
            {
                Assert.Equal(scalar, Hash(width));
            }

            Assert.Equal(scalar, Hash(SimdWidth.Auto));
        }

        /// <summary>SHA-256 of packed encodes (every mode, saturation) and decodes of the mixed and boundary inputs, both formats.</summary>
        internal static string Hash(SimdWidth width)
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            float[] values = Inputs();
            AddHash<SE3M2>(hash, values, width);
            AddHash<SE2M3>(hash, values, width);
            return Convert.ToHexString(hash.GetHashAndReset());
        }

        private static void AddHash<TSpec>(IncrementalHash hash, float[] values, SimdWidth width)
            where TSpec : struct, ISpanSpec
        {
            var packed = new byte[FloatSpan<SpanTraits<TSpec>>.PackedLength(values.Length)];
            var decoded = new float[values.Length];
            foreach (MidpointRounding mode in Enum.GetValues<MidpointRounding>())
            {
                foreach (bool saturate in new[] { false, true })
                {
                    FloatSpan<SpanTraits<TSpec>>.FromSingleToPackedCore(values, packed, mode, saturate, width);
                    hash.AppendData(packed);
                    FloatSpan<SpanTraits<TSpec>>.PackedToSingleCore(packed, decoded, width);
                    hash.AppendData(MemoryMarshal.AsBytes(decoded.AsSpan()));
                }
            }

            // Random packed bytes: every code pattern in every lane.
            var random = new Random(66);
            random.NextBytes(packed);
            FloatSpan<SpanTraits<TSpec>>.PackedToSingleCore(packed, decoded, width);
            hash.AppendData(MemoryMarshal.AsBytes(decoded.AsSpan()));
        }

        /// <summary>The mixed inputs (specials at every lane position, then 1% NaN, 1% infinities, 2% overflow), FP6 ties and boundaries, random floats.</summary>
        private static float[] Inputs()
        {
            var values = new List<float>(SpanInputs.Mixed());
            var random = new Random(6);
            for (int i = 0; i < 4000; i++)
            {
                // Near every FP6 value and midpoint of both formats (multiples of 2^-6 up to 32), and random bits.
                float grid = random.Next(-2048, 2048) / 64f;
                values.Add(random.Next(4) switch
                {
                    0 => grid,
                    1 => grid + (1f / 128),
                    2 => BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(grid) + random.Next(-2, 3)),
                    _ => BitConverter.UInt32BitsToSingle((uint)random.NextInt64(0, 1L << 32)),
                });
            }

            return values.ToArray();
        }

        private static string? Check<TSpec>()
            where TSpec : struct, ISpanSpec
        {
            float[] all = Inputs();
            foreach (SimdWidth width in LocalWidths())
            {
                foreach (MidpointRounding mode in Enum.GetValues<MidpointRounding>())
                {
                    foreach (bool saturate in new[] { false, true })
                    {
                        // Whole and partial blocks at every offset mod 4 and across the 8 MiB streaming size is not
                        // needed here: BlockLoop's own tests cover streaming; these lengths cover heads and tails.
                        foreach (int length in new[] { 0, 1, 3, 4, 5, 15, 16, 17, 63, 64, 65, 67, 127, 128, 129, 191, 255, 256, 257, 1000, all.Length - 7 })
                        {
                            for (int offset = 0; offset < 4; offset++)
                            {
                                string? problem = CheckOne<TSpec>(all.AsSpan(offset, Math.Min(length, all.Length - offset)), mode, saturate, width);
                                if (problem != null)
                                {
                                    return $"{problem} (length {length}, offset {offset}, {mode}, saturate {saturate}, {width})";
                                }
                            }
                        }
                    }
                }
            }

            return null;
        }

        private static string? CheckOne<TSpec>(ReadOnlySpan<float> values, MidpointRounding mode, bool saturate, SimdWidth width)
            where TSpec : struct, ISpanSpec
        {
            float[] copy = values.ToArray();
            byte[] expected = ReferencePack(copy, v => (byte)FloatCodec<SpanTraits<TSpec>>.FromSingle(v, mode, saturate));
            int packedLength = expected.Length;
            var actual = new byte[packedLength + 2];
            Array.Fill(actual, (byte)0xA5);
            FloatSpan<SpanTraits<TSpec>>.FromSingleToPackedCore(values, actual.AsSpan(1, packedLength), mode, saturate, width);
            if (actual[0] != 0xA5 || actual[^1] != 0xA5)
            {
                return "encode wrote outside its destination";
            }

            for (int i = 0; i < packedLength; i++)
            {
                if (actual[i + 1] != expected[i])
                {
                    return $"encode byte {i}: 0x{actual[i + 1]:X2}, reference 0x{expected[i]:X2}";
                }
            }

            return CheckDecodeOne<TSpec>(expected, values.Length, width);
        }

        private static string? CheckDecode<TSpec>(byte[] codes)
            where TSpec : struct, ISpanSpec
        {
            byte[] packed = ReferencePack(codes, c => c);
            foreach (SimdWidth width in LocalWidths())
            {
                string? problem = CheckDecodeOne<TSpec>(packed, codes.Length, width);
                if (problem != null)
                {
                    return $"{problem} ({width})";
                }
            }

            return null;
        }

        /// <summary>Decodes <paramref name="count"/> codes from <paramref name="packed"/> and compares each with the scalar codec of the plainly unpacked code.</summary>
        private static string? CheckDecodeOne<TSpec>(byte[] packed, int count, SimdWidth width)
            where TSpec : struct, ISpanSpec
        {
            var decoded = new float[count + 2];
            decoded[0] = 7f;
            decoded[^1] = 7f;
            FloatSpan<SpanTraits<TSpec>>.PackedToSingleCore(packed, decoded.AsSpan(1, count), width);
            if (decoded[0] != 7f || decoded[^1] != 7f)
            {
                return "decode wrote outside its destination";
            }

            for (int i = 0; i < count; i++)
            {
                int code = ReferenceCode(packed, i);
                float want = FloatCodec<SpanTraits<TSpec>>.ToSingle((ulong)code);
                if (BitConverter.SingleToUInt32Bits(want) != BitConverter.SingleToUInt32Bits(decoded[i + 1]))
                {
                    return $"decode of code 0x{code:X2} at {i}: 0x{BitConverter.SingleToUInt32Bits(decoded[i + 1]):X8}, reference 0x{BitConverter.SingleToUInt32Bits(want):X8}";
                }
            }

            return null;
        }

        /// <summary>The reference layout, bit by bit: bit j of code i is bit 6i + j of the little-endian byte run.</summary>
        private static byte[] ReferencePack<T>(IReadOnlyList<T> values, Func<T, byte> code)
        {
            var packed = new byte[(values.Count * 6 + 7) / 8];
            for (int i = 0; i < values.Count; i++)
            {
                int c = code(values[i]);
                Assert.InRange(c, 0, 63);
                for (int bit = 0; bit < 6; bit++)
                {
                    if ((c >> bit & 1) != 0)
                    {
                        int at = 6 * i + bit;
                        packed[at / 8] |= (byte)(1 << (at % 8));
                    }
                }
            }

            return packed;
        }

        private static int ReferenceCode(byte[] packed, int index)
        {
            int code = 0;
            for (int bit = 0; bit < 6; bit++)
            {
                int at = 6 * index + bit;
                code |= (packed[at / 8] >> (at % 8) & 1) << bit;
            }

            return code;
        }

        private static string? RoundTrip<TOps, TV>(byte[] codes)
            where TOps : struct, ISimd32<TV>
            where TV : struct
        {
            int n = TOps.Count;
            var lanes = new uint[4 * n];
            for (int i = 0; i < lanes.Length; i++)
            {
                lanes[i] = codes[i];
            }

            ref byte lanesRef = ref MemoryMarshal.AsBytes(lanes.AsSpan())[0];
            TV a = TOps.Load(ref lanesRef);
            TV b = TOps.Load(ref Unsafe.Add(ref lanesRef, 4 * n));
            TV c = TOps.Load(ref Unsafe.Add(ref lanesRef, 8 * n));
            TV d = TOps.Load(ref Unsafe.Add(ref lanesRef, 12 * n));
            var packed = new byte[(3 * n) + 1];
            packed[^1] = 0x5A;
            SixBitLanes<TOps, TV>.StorePacked(a, b, c, d, ref packed[0]);
            byte[] expected = ReferencePack(codes, x => x);
            if (packed[^1] != 0x5A || !packed.AsSpan(0, 3 * n).SequenceEqual(expected))
            {
                return $"pack at {n} lanes: {Convert.ToHexString(packed)} vs {Convert.ToHexString(expected)}";
            }

            string? shiftedProblem = ShiftedUnpack<TOps, TV>(codes);
            if (shiftedProblem != null)
            {
                return shiftedProblem;
            }

            SixBitLanes<TOps, TV>.LoadWiden(ref expected[0], out a, out b, out c, out d);
            var back = new uint[4 * n];
            ref byte backRef = ref MemoryMarshal.AsBytes(back.AsSpan())[0];
            TOps.Store(a, ref backRef);
            TOps.Store(b, ref Unsafe.Add(ref backRef, 4 * n));
            TOps.Store(c, ref Unsafe.Add(ref backRef, 8 * n));
            TOps.Store(d, ref Unsafe.Add(ref backRef, 12 * n));
            for (int i = 0; i < back.Length; i++)
            {
                if ((back[i] & 0x3F) != codes[i])
                {
                    return $"unpack at {n} lanes, element {i}: 0x{back[i]:X8} vs 0x{codes[i]:X2}";
                }
            }

            return null;
        }

        /// <summary>The shifted unpack: codes 2 .. 2 + 4 Count of a run of 4 Count + 4 codes, reading only their bytes.</summary>
        private static string? ShiftedUnpack<TOps, TV>(byte[] codes)
            where TOps : struct, ISimd32<TV>
            where TV : struct
        {
            int n = TOps.Count;
            var random = new Random(codes[0]);
            var run = new byte[(4 * n) + 4];
            for (int i = 0; i < run.Length; i++)
            {
                run[i] = (byte)random.Next(64);
            }

            // The bytes up to the last code's only, as at the end of a span.
            byte[] all = ReferencePack(run, x => x);
            byte[] bytes = all.AsSpan(0, ((6 * ((4 * n) + 2)) + 7) / 8).ToArray();
            SixBitLanes<TOps, TV>.LoadWiden(ref bytes[0], out TV a, out TV b, out TV c, out TV d, shifted: true);
            var back = new uint[4 * n];
            ref byte backRef = ref MemoryMarshal.AsBytes(back.AsSpan())[0];
            TOps.Store(a, ref backRef);
            TOps.Store(b, ref Unsafe.Add(ref backRef, 4 * n));
            TOps.Store(c, ref Unsafe.Add(ref backRef, 8 * n));
            TOps.Store(d, ref Unsafe.Add(ref backRef, 12 * n));
            for (int i = 0; i < back.Length; i++)
            {
                if ((back[i] & 0x3F) != run[i + 2])
                {
                    return $"shifted unpack at {n} lanes, element {i}: 0x{back[i]:X8} vs 0x{run[i + 2]:X2}";
                }
            }

            return null;
        }

        private static string? PortablePack(byte[] codes)
        {
            Vector128<uint> Lanes(int start) => Vector128.Create((uint)codes[start], codes[start + 1], codes[start + 2], codes[start + 3]);
            Vector128<byte> portable = SixBitLanes128.PackPortable(Lanes(0), Lanes(4), Lanes(8), Lanes(12));
            byte[] expected = ReferencePack(codes, x => x);
            byte[] actual = new byte[12];
            for (int i = 0; i < 12; i++)
            {
                actual[i] = portable.GetElement(i);
            }

            if (!actual.AsSpan().SequenceEqual(expected))
            {
                return $"portable pack: {Convert.ToHexString(actual)} vs {Convert.ToHexString(expected)}";
            }

            if (Ssse3.IsSupported && !SixBitLanes128.PackSsse3(Lanes(0), Lanes(4), Lanes(8), Lanes(12)).GetLower().Equals(portable.GetLower()))
            {
                return "SSSE3 and portable packs differ";
            }

            return null;
        }
    }
}
