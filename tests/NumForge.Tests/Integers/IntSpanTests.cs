using System;
using Xunit;
using System.Collections.Generic;
using System.Linq;
using NumForge.CompilerServices.Integers;
using NumForge.CompilerServices.Spans;

namespace NumForge.Tests.Integers
{
    /// <summary>
    /// The integer span kernels: every vector width (forced in-process) equals the scalar code and the plain reference
    /// on boundary floats in every rounding mode, and packing round-trips at every length 0..300 from unaligned offsets.
    /// </summary>
    public abstract class IntSpanTests<T>
        where T : struct, IIntTraits
    {
        private static readonly IntReference R = new(T.Bits, T.Signed);

        public static TheoryData<string> Widths => new() { nameof(SimdWidth.Scalar), nameof(SimdWidth.V128), nameof(SimdWidth.V256), nameof(SimdWidth.V512) };

        /// <summary>Boundary floats, shuffled with a fixed seed so each vector holds a mix, repeated past several blocks.</summary>
        private static float[] Inputs()
        {
            float[] boundary = IntCodecTests<T>.BoundaryFloats().ToArray();
            var random = new Random(1234);
            random.Shuffle(boundary);
            return boundary;
        }

        [Theory]
        [MemberData(nameof(Widths))]
        public void Quantizing_equals_the_reference_in_every_mode_at_every_width(string widthName)
        {
            SimdWidth width = Enum.Parse<SimdWidth>(widthName);
            float[] source = Inputs();
            byte[] codes = new byte[source.Length + 3];
            foreach (MidpointRounding mode in Enum.GetValues<MidpointRounding>())
            {
                for (int offset = 0; offset < 3; offset++)
                {
                    Array.Fill(codes, (byte)0xAA);
                    IntSpan<T>.FromSingleCore(source.AsSpan(offset), codes.AsSpan(offset, source.Length - offset), mode, width);
                    for (int i = offset; i < source.Length; i++)
                    {
                        if (R.Code(R.Quantize(source[i], mode)) != codes[i])
                        {
                            Assert.Fail($"{mode} {width}: {source[i]:R} gave code {codes[i]}, expected {R.Code(R.Quantize(source[i], mode))}");
                        }
                    }
                }
            }
        }

        [Theory]
        [MemberData(nameof(Widths))]
        public void Widening_gives_every_value_exactly_at_every_width(string widthName)
        {
            SimdWidth width = Enum.Parse<SimdWidth>(widthName);
            byte[] codes = Enumerable.Range(0, 777).Select(i => (byte)(i * 37 & R.Mask)).ToArray();
            float[] floats = new float[codes.Length];
            for (int offset = 0; offset < 3; offset++)
            {
                IntSpan<T>.ToSingleCore(codes.AsSpan(offset), floats.AsSpan(offset), width);
                for (int i = offset; i < codes.Length; i++)
                {
                    Assert.Equal((float)R.Wrap(codes[i]), floats[i]);
                }
            }
        }

        [Theory]
        [MemberData(nameof(Widths))]
        public void Packing_round_trips_at_every_length_and_offset_and_matches_the_bit_stream(string widthName)
        {
            SimdWidth width = Enum.Parse<SimdWidth>(widthName);
            var random = new Random(T.Bits * 2 + (T.Signed ? 1 : 0));
            byte[] codes = new byte[303];
            for (int i = 0; i < codes.Length; i++)
            {
                codes[i] = (byte)(random.Next(256) & R.Mask);
            }

            for (int length = 0; length <= 300; length++)
            {
                int offset = length % 3;
                ReadOnlySpan<byte> source = codes.AsSpan(offset, length);
                int packedLength = IntSpan<T>.PackedLength(length);
                Assert.Equal((length * T.Bits + 7) / 8, packedLength);
                byte[] packed = new byte[packedLength + 5];
                IntSpan<T>.PackCore(source, packed.AsSpan(1 + offset, packedLength), width);
                Assert.Equal(ReferencePack(source), packed.AsSpan(1 + offset, packedLength).ToArray());
                byte[] unpacked = new byte[length + 4];
                IntSpan<T>.UnpackCore(packed.AsSpan(1 + offset, packedLength), unpacked.AsSpan(offset + 1, length), width);
                Assert.Equal(source.ToArray(), unpacked.AsSpan(offset + 1, length).ToArray());
            }
        }

        [Theory]
        [MemberData(nameof(Widths))]
        public void Packed_float_conversions_equal_quantize_then_pack_at_every_width(string widthName)
        {
            SimdWidth width = Enum.Parse<SimdWidth>(widthName);
            float[] source = Inputs().Concat(Inputs()).Concat(Inputs()).ToArray();
            foreach (MidpointRounding mode in new[] { MidpointRounding.ToEven, MidpointRounding.AwayFromZero, MidpointRounding.ToNegativeInfinity })
            {
                foreach (int length in new[] { 0, 1, 7, 63, 1023, 1024, 1025, source.Length })
                {
                    byte[] packed = new byte[IntSpan<T>.PackedLength(length)];
                    IntSpan<T>.PackFromSingleCore(source.AsSpan(0, length), packed, mode, width);
                    byte[] codes = source.Take(length).Select(x => R.Code(R.Quantize(x, mode))).ToArray();
                    Assert.Equal(ReferencePack(codes), packed);
                    float[] back = new float[length];
                    IntSpan<T>.UnpackToSingleCore(packed, back, width);
                    Assert.Equal(codes.Select(c => (float)R.Wrap(c)).ToArray(), back);
                }
            }
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void Word_packing_equals_the_bit_stream_with_and_without_BMI2(bool useBmi2)
        {
            if (useBmi2)
            {
                // This build machine has BMI2; elsewhere the PEXT/PDEP path cannot run and only the shift path is checked.
                Assert.True(System.Runtime.Intrinsics.X86.Bmi2.X64.IsSupported || !System.Runtime.Intrinsics.X86.Avx2.IsSupported, "an AVX2 machine without BMI2");
                if (!System.Runtime.Intrinsics.X86.Bmi2.X64.IsSupported)
                {
                    useBmi2 = false;
                }
            }

            var random = new Random(T.Bits * 7 + 3);
            for (int length = 0; length <= 130; length++)
            {
                byte[] codes = new byte[length];
                for (int i = 0; i < length; i++)
                {
                    codes[i] = (byte)(random.Next(256) & R.Mask);
                }

                byte[] expected = ReferencePack(codes);
                byte[] packed = new byte[expected.Length];
                int done = IntSpan<T>.PackWords(codes, packed, useBmi2);
                IntSpan<T>.PackScalar(codes.AsSpan(done), packed.AsSpan(done * T.Bits / 8));
                Assert.Equal(expected, packed);
                Assert.True(done % 8 == 0 && (done + 8 > length || (done / 8 * T.Bits) + 8 > packed.Length), $"words stopped early at {done} of {length}");

                byte[] unpacked = new byte[length];
                done = IntSpan<T>.UnpackWords(packed, unpacked, useBmi2);
                IntSpan<T>.UnpackScalar(packed.AsSpan(done * T.Bits / 8), unpacked.AsSpan(done));
                Assert.Equal(codes, unpacked);
            }
        }

        [Theory]
        [MemberData(nameof(Widths))]
        public void Quantizing_Half_equals_the_reference_in_every_mode_at_every_width(string widthName)
        {
            SimdWidth width = Enum.Parse<SimdWidth>(widthName);

            // Every finite and special Half pattern, past a chunk boundary.
            Half[] source = Enumerable.Range(0, 65536).Select(i => BitConverter.UInt16BitsToHalf((ushort)i)).ToArray();
            byte[] codes = new byte[source.Length];
            foreach (MidpointRounding mode in Enum.GetValues<MidpointRounding>())
            {
                IntSpan<T>.FromHalfCore(source, codes, mode, width);
                for (int i = 0; i < source.Length; i++)
                {
                    byte expected = R.Code(R.Quantize((double)source[i], mode));
                    if (expected != codes[i])
                    {
                        Assert.Fail($"{mode} {width}: {source[i]} gave code {codes[i]}, expected {expected}");
                    }
                }
            }
        }

        /// <summary>The layout written out plainly: value i's bit j is bit (i·b + j) of the stream, bit k of the stream is bit k % 8 of byte k / 8.</summary>
        private static byte[] ReferencePack(ReadOnlySpan<byte> codes)
        {
            byte[] packed = new byte[(codes.Length * T.Bits + 7) / 8];
            for (int i = 0; i < codes.Length; i++)
            {
                for (int j = 0; j < T.Bits; j++)
                {
                    int bit = i * T.Bits + j;
                    packed[bit / 8] |= (byte)(((codes[i] >> j) & 1) << (bit % 8));
                }
            }

            return packed;
        }
    }

#pragma warning disable SA1402 // One concrete class per format, next to the cases they run.
    public sealed class IntSpanS1Tests : IntSpanTests<S1> { }
    public sealed class IntSpanU1Tests : IntSpanTests<U1> { }
    public sealed class IntSpanS2Tests : IntSpanTests<S2> { }
    public sealed class IntSpanU2Tests : IntSpanTests<U2> { }
    public sealed class IntSpanS3Tests : IntSpanTests<S3> { }
    public sealed class IntSpanU3Tests : IntSpanTests<U3> { }
    public sealed class IntSpanS4Tests : IntSpanTests<S4> { }
    public sealed class IntSpanU4Tests : IntSpanTests<U4> { }
    public sealed class IntSpanS5Tests : IntSpanTests<S5> { }
    public sealed class IntSpanU5Tests : IntSpanTests<U5> { }
    public sealed class IntSpanS6Tests : IntSpanTests<S6> { }
    public sealed class IntSpanU6Tests : IntSpanTests<U6> { }
    public sealed class IntSpanS7Tests : IntSpanTests<S7> { }
    public sealed class IntSpanU7Tests : IntSpanTests<U7> { }
    public sealed class IntSpanS8Tests : IntSpanTests<S8> { }
    public sealed class IntSpanU8Tests : IntSpanTests<U8> { }
#pragma warning restore SA1402
}
