using System;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using NumForge.CompilerServices;
using NumForge.CompilerServices.Spans;
using Xunit;

namespace NumForge.Tests.Spans
{
    /// <summary>
    /// The clamps before a directed narrowing of doubles (<see cref="DoubleNarrowings.AtLeastSingleMin"/>,
    /// <see cref="DoubleNarrowings.AtMostSingleMax"/>): finite doubles beyond float's range on one side brought to its
    /// end, everything else (infinities, NaN of either sign and payload, zeros, in-range values) kept bit for bit; and
    /// the saturating directed modes of the catalog's FN and IEEE formats take them instead of rounding to odd.
    /// </summary>
    public class DoubleNarrowingClampTests
    {
        private static readonly double SingleMax = float.MaxValue;

        private static readonly double[] Values =
        {
            0.0, -0.0, 1.0, -1.0, 1e-300, -1e-300, double.Epsilon, -double.Epsilon,
            SingleMax, -SingleMax, Math.BitIncrement(SingleMax), -Math.BitIncrement(SingleMax),
            Math.BitDecrement(SingleMax), -Math.BitDecrement(SingleMax), 1e300, -1e300, double.MaxValue, -double.MaxValue,
            double.PositiveInfinity, double.NegativeInfinity,
            BitConverter.UInt64BitsToDouble(0x7FF8_0000_0000_0000UL), BitConverter.UInt64BitsToDouble(0xFFF8_0000_0000_0000UL),
            BitConverter.UInt64BitsToDouble(0x7FF8_0000_0000_1234UL), BitConverter.UInt64BitsToDouble(0xFFF0_0000_0000_0001UL),
        };

        [Fact]
        public void AtLeastSingleMin_raises_only_finite_doubles_below_float_range()
        {
            if (!Avx512F.IsSupported)
            {
                // Without AVX-512 (or with DOTNET_EnableAVX512=0) the narrowing encoders, the clamp's only callers, must be off.
                AssertNarrowingEncodersOff();
                return;
            }

            AssertClamp(DoubleNarrowings.AtLeastSingleMin, value => double.IsFinite(value) && value < -SingleMax ? -SingleMax : value);
        }

        [Fact]
        public void AtMostSingleMax_lowers_only_finite_doubles_above_float_range()
        {
            if (!Avx512F.IsSupported)
            {
                // Without AVX-512 (or with DOTNET_EnableAVX512=0) the narrowing encoders, the clamp's only callers, must be off.
                AssertNarrowingEncodersOff();
                return;
            }

            AssertClamp(DoubleNarrowings.AtMostSingleMax, value => double.IsFinite(value) && value > SingleMax ? SingleMax : value);
        }

        [Fact]
        public void Saturating_directed_modes_clamp_instead_of_rounding_to_odd()
        {
            // E4M3FN: -infinity is NaN, the finite overflow -max when saturating; not saturating both are NaN.
            Assert.Equal(DoubleNarrowing.ClampedDown, OddNarrowedDoubleEncodeBlock<Float8E4M3FN.Traits, TowardNegativeInfinity, byte, Yes, No>.Narrowing);
            Assert.Equal(DoubleNarrowing.ClampedUp, OddNarrowedDoubleEncodeBlock<Float8E4M3FN.Traits, TowardPositiveInfinity, byte, Yes, No>.Narrowing);
            Assert.Equal(DoubleNarrowing.Down, OddNarrowedDoubleEncodeBlock<Float8E4M3FN.Traits, TowardNegativeInfinity, byte, No, No>.Narrowing);
            Assert.Equal(DoubleNarrowing.Up, OddNarrowedDoubleEncodeBlock<Float8E4M3FN.Traits, TowardPositiveInfinity, byte, No, No>.Narrowing);

            // E5M2 (IEEE): saturating keeps infinity as infinity but the finite overflow becomes ±max.
            Assert.Equal(DoubleNarrowing.ClampedDown, OddNarrowedDoubleEncodeBlock<Float8E5M2.Traits, TowardNegativeInfinity, byte, Yes, No>.Narrowing);
            Assert.Equal(DoubleNarrowing.Down, OddNarrowedDoubleEncodeBlock<Float8E5M2.Traits, TowardNegativeInfinity, byte, No, No>.Narrowing);
        }

        private static void AssertNarrowingEncodersOff()
        {
            Assert.False(OddNarrowedDoubleEncodeBlock<Float8E4M3FN.Traits, TowardNegativeInfinity, byte, Yes, No>.Exact);
            var codes = new ushort[64];
            Assert.Equal(0, TopHalfEncoder.FromDouble<BFloat16.Traits>(new double[64], codes, MidpointRounding.ToNegativeInfinity, saturate: true, SimdWidth.Auto));
        }

        private static void AssertClamp(Func<Vector512<double>, Vector512<double>> clamp, Func<double, double> expected)
        {
            // Every value at every lane position, among the others.
            for (int start = 0; start < Values.Length; start++)
            {
                var lanes = new double[8];
                for (int lane = 0; lane < 8; lane++)
                {
                    lanes[lane] = Values[(start + lane) % Values.Length];
                }

                Vector512<double> result = clamp(Vector512.Create(lanes));
                for (int lane = 0; lane < 8; lane++)
                {
                    ulong want = BitConverter.DoubleToUInt64Bits(expected(lanes[lane]));
                    ulong got = BitConverter.DoubleToUInt64Bits(result.GetElement(lane));
                    Assert.True(want == got, $"{lanes[lane]:R} (0x{BitConverter.DoubleToUInt64Bits(lanes[lane]):X16}): expected 0x{want:X16}, got 0x{got:X16}");
                }
            }
        }
    }
}
