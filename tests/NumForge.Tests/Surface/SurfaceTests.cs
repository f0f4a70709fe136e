using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NumForge.CompilerServices;
using NumForge.Tests.Kernel;
using NumForge.Tests.Support;
using Xunit;

namespace NumForge.Tests.Surface
{
    /// <summary>Checks specific to the generated public surface: its traits, size, constants and span argument rules.</summary>
    public class SurfaceTests
    {
        [Fact]
        public void GeneratedTraitsEqualTheHandWrittenOnes()
        {
            Assert.Equal(TraitsTests.HandTraits("BFloat16"), TraitsTests.TraitsValues.Of<BFloat16.Traits>());
            Assert.Equal(TraitsTests.HandTraits("TensorFloat32"), TraitsTests.TraitsValues.Of<TensorFloat32.Traits>());
            Assert.Equal(TraitsTests.HandTraits("Float8E5M2"), TraitsTests.TraitsValues.Of<Float8E5M2.Traits>());
            Assert.Equal(TraitsTests.HandTraits("Float8E4M3"), TraitsTests.TraitsValues.Of<Float8E4M3.Traits>());
            Assert.Equal(TraitsTests.HandTraits("Float8E3M4"), TraitsTests.TraitsValues.Of<Float8E3M4.Traits>());
            Assert.Equal(TraitsTests.HandTraits("Float8E4M3FN"), TraitsTests.TraitsValues.Of<Float8E4M3FN.Traits>());
            Assert.Equal(TraitsTests.HandTraits("Float8E4M3FNUZ"), TraitsTests.TraitsValues.Of<Float8E4M3FNUZ.Traits>());
            Assert.Equal(TraitsTests.HandTraits("Float8E5M2FNUZ"), TraitsTests.TraitsValues.Of<Float8E5M2FNUZ.Traits>());
            Assert.Equal(TraitsTests.HandTraits("Float8E4M3B11FNUZ"), TraitsTests.TraitsValues.Of<Float8E4M3B11FNUZ.Traits>());
            Assert.Equal(TraitsTests.HandTraits("Float8E8M0FNU"), TraitsTests.TraitsValues.Of<Float8E8M0FNU.Traits>());
            Assert.Equal(TraitsTests.HandTraits("Float6E2M3FN"), TraitsTests.TraitsValues.Of<Float6E2M3FN.Traits>());
            Assert.Equal(TraitsTests.HandTraits("Float6E3M2FN"), TraitsTests.TraitsValues.Of<Float6E3M2FN.Traits>());
            Assert.Equal(TraitsTests.HandTraits("Float4E2M1FN"), TraitsTests.TraitsValues.Of<Float4E2M1FN.Traits>());
            Assert.Equal(TraitsTests.HandTraits("Binary16"), TraitsTests.TraitsValues.Of<Binary16.Traits>());
            Assert.Equal(TraitsTests.HandTraits("Binary32"), TraitsTests.TraitsValues.Of<Binary32.Traits>());
        }

        [Fact]
        public void EveryTypeIsExactlyItsBitContainer()
        {
            Assert.Equal(2, Unsafe.SizeOf<BFloat16>());
            Assert.Equal(4, Unsafe.SizeOf<TensorFloat32>());
            Assert.Equal(1, Unsafe.SizeOf<Float8E5M2>());
            Assert.Equal(1, Unsafe.SizeOf<Float8E8M0FNU>());
            Assert.Equal(1, Unsafe.SizeOf<Float6E2M3FN>());
            Assert.Equal(1, Unsafe.SizeOf<Float4E2M1FN>());
            Assert.Equal(2, Unsafe.SizeOf<Binary16>());
            Assert.Equal(4, Unsafe.SizeOf<Binary32>());
        }

        [Fact]
        public void ConstantsTheFormatCannotHoldAreWhatConvertingTheFloatConstantGives()
        {
            Assert.Equal(((Float8E4M3FN)float.PositiveInfinity).ToBits(), Float8E4M3FN.PositiveInfinity.ToBits());
            Assert.Equal(((Float8E4M3FN)float.NegativeInfinity).ToBits(), Float8E4M3FN.NegativeInfinity.ToBits());
            Assert.Equal(((Float8E4M3FNUZ)float.PositiveInfinity).ToBits(), Float8E4M3FNUZ.PositiveInfinity.ToBits());
            Assert.Equal(((Float4E2M1FN)float.PositiveInfinity).ToBits(), Float4E2M1FN.PositiveInfinity.ToBits());
            Assert.Equal((byte)0x7, Float4E2M1FN.PositiveInfinity.ToBits());
            Assert.Equal((byte)0xf, Float4E2M1FN.NegativeInfinity.ToBits());
            Assert.Equal((byte)0xff, Float8E8M0FNU.NaN.ToBits());
            Assert.Equal((byte)0x7e, Float8E4M3FN.MaxValue.ToBits());
            Assert.Equal(448f, (float)Float8E4M3FN.MaxValue);
            Assert.Equal(57344f, (float)Float8E5M2FNUZ.MaxValue);
            Assert.Equal(30f, (float)Float8E4M3B11FNUZ.MaxValue);
            Assert.Equal(15.5f, (float)Float8E3M4.MaxValue);
            Assert.Equal(MathF.ScaleB(1f, -127), (float)Float8E8M0FNU.Epsilon);
            Assert.True(Float8E5M2.IsPositiveInfinity(Float8E5M2.PositiveInfinity));
            Assert.True(Float8E4M3FN.IsNaN(Float8E4M3FN.PositiveInfinity));
            Assert.Equal(BitConverter.HalfToUInt16Bits(Half.MaxValue), Binary16.MaxValue.ToBits());
            Assert.Equal(BitConverter.HalfToUInt16Bits(Half.Epsilon), Binary16.Epsilon.ToBits());
            Assert.Equal(BitConverter.SingleToUInt32Bits(float.MaxValue), Binary32.MaxValue.ToBits());
            Assert.Equal(BitConverter.SingleToUInt32Bits(float.Epsilon), Binary32.Epsilon.ToBits());
        }

        [Fact]
        public void FromBitsMasksToTheFormatWidth()
        {
            Assert.Equal((byte)0x1, Float4E2M1FN.FromBits(0xf1).ToBits());
            Assert.Equal((byte)0x3f, Float6E2M3FN.FromBits(0xff).ToBits());
            Assert.Equal(0x7ffffu, TensorFloat32.FromBits(0xffffffffu).ToBits());
        }

        [Fact]
        public void SpanConvertersRejectShortDestinations()
        {
            float[] floats = [1f, 2f, 3f];
            double[] doubles = [1, 2, 3];
            Half[] halves = [(Half)1, (Half)2, (Half)3];
            Assert.Throws<ArgumentException>(() => Float8E4M3FN.ConvertFrom(floats, new Float8E4M3FN[2]));
            Assert.Throws<ArgumentException>(() => Float8E4M3FN.ConvertFrom(floats, new Float8E4M3FN[2], MidpointRounding.ToZero, saturate: true));
            Assert.Throws<ArgumentException>(() => BFloat16.ConvertFrom(doubles, new BFloat16[2]));
            Assert.Throws<ArgumentException>(() => BFloat16.ConvertFrom(doubles, new BFloat16[2], MidpointRounding.AwayFromZero));
            Assert.Throws<ArgumentException>(() => Float4E2M1FN.ConvertFrom(halves, new Float4E2M1FN[0]));
            Assert.Throws<ArgumentException>(() => Float4E2M1FN.ConvertFrom(halves, new Float4E2M1FN[1], MidpointRounding.ToEven));
            Assert.Throws<ArgumentException>(() => Float8E5M2.ConvertTo(new Float8E5M2[3], new float[2]));
            Assert.Throws<ArgumentException>(() => Float8E5M2.ConvertTo(new Float8E5M2[3], new double[2]));
            Assert.Throws<ArgumentException>(() => Float8E5M2.ConvertTo(new Float8E5M2[3], new Half[2]));
        }

        [Fact]
        public void SpanConvertersRejectPartlyOverlappingSpans()
        {
            byte[] buffer = new byte[64];
            Assert.Throws<ArgumentException>(() =>
            {
                Span<byte> all = buffer;
                Float8E4M3FN.ConvertFrom(MemoryMarshal.Cast<byte, float>(all[..16]), MemoryMarshal.Cast<byte, Float8E4M3FN>(all.Slice(3, 4)));
            });
            Assert.Throws<ArgumentException>(() =>
            {
                Span<byte> all = buffer;
                BFloat16.ConvertFrom(MemoryMarshal.Cast<byte, double>(all[..32]), MemoryMarshal.Cast<byte, BFloat16>(all[8..16]), MidpointRounding.ToZero);
            });
            Assert.Throws<ArgumentException>(() =>
            {
                Span<byte> all = buffer;
                Float8E5M2.ConvertTo(MemoryMarshal.Cast<byte, Float8E5M2>(all[4..12]), MemoryMarshal.Cast<byte, float>(all[..32]));
            });
        }

        [Fact]
        public void SpanConvertersAcceptInPlaceConversionOfSameSizedElements()
        {
            float[] values = [1f, -2.5f, 3.0000002f, float.MaxValue, float.NaN];
            float[] copy = (float[])values.Clone();
            Span<TensorFloat32> codes = MemoryMarshal.Cast<float, TensorFloat32>(values.AsSpan());
            TensorFloat32.ConvertFrom(values, codes, MidpointRounding.AwayFromZero);
            for (int i = 0; i < copy.Length; i++)
            {
                Assert.Equal(TensorFloat32.FromSingle(copy[i], MidpointRounding.AwayFromZero).ToBits(), codes[i].ToBits());
            }
        }

        [Fact]
        public void UndefinedRoundingModesThrow()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => Float8E4M3FN.FromSingle(1f, (MidpointRounding)5));
            Assert.Throws<ArgumentOutOfRangeException>(() => BFloat16.FromDouble(1.0, (MidpointRounding)(-1)));
            Assert.Throws<ArgumentOutOfRangeException>(() => Float8E4M3FN.ConvertFrom(new float[1], new Float8E4M3FN[1], (MidpointRounding)9));
            Assert.Throws<ArgumentOutOfRangeException>(() => Float8E4M3FN.Add(Float8E4M3FN.One, Float8E4M3FN.One, (MidpointRounding)9));
        }

        [Fact]
        public void TensorFloat32AwayFromZeroIsCvtRna()
        {
            // cvt.rna.tf32.f32: add half an ulp of TF32 (bit 12) to the magnitude and truncate the low 13 bits; NaN stays NaN.
            var random = new Random(19);
            for (int i = 0; i < 200_000; i++)
            {
                uint bits = (uint)random.Next(int.MinValue, int.MaxValue);
                float f = BitConverter.UInt32BitsToSingle(bits);
                uint actual = TensorFloat32.FromSingle(f, MidpointRounding.AwayFromZero).ToBits();
                if (float.IsNaN(f))
                {
                    Assert.True(TensorFloat32.IsNaN(TensorFloat32.FromBits(actual)));
                    continue;
                }

                uint rounded = float.IsInfinity(f) ? bits : ((bits & 0x7fffffffu) + 0x1000u) & 0xffffe000u | (bits & 0x80000000u);
                if ((rounded & 0x7f800000u) == 0x7f800000u)
                {
                    rounded = (rounded & 0x80000000u) | 0x7f800000u;
                }

                Assert.Equal(rounded >> 13, actual);
            }
        }
    }
}
