using System;
using NumForge.Tests.Support;
using Xunit;

namespace NumForge.Tests.Behaviour
{
    /// <summary>
    /// Bad and special inputs per DESIGN.md section 4: NaN (both signs, quiet and signalling payloads), ±infinity, ±0,
    /// huge and tiny values, in every rounding mode, saturating and not, for every format, from double, float and Half.
    /// </summary>
    public class SpecialInputTests
    {
        private static readonly double[] s_doubles =
        [
            double.NaN, -double.NaN, BitConverter.UInt64BitsToDouble(0x7ff0000000000001), BitConverter.UInt64BitsToDouble(0xfff0000000000001),
            BitConverter.UInt64BitsToDouble(0x7ff8000000000000), double.PositiveInfinity, double.NegativeInfinity, 0.0, -0.0,
            double.MaxValue, -double.MaxValue, double.Epsilon, -double.Epsilon, double.MinValue, 1e300, -1e-300,
            float.MaxValue, -float.MaxValue, float.Epsilon, -float.Epsilon, 65504.0, 65520.0, -65520.0, 1.0, -1.0,
        ];

        private static readonly float[] s_floats =
        [
            float.NaN, -float.NaN, BitConverter.UInt32BitsToSingle(0x7f800001), BitConverter.UInt32BitsToSingle(0xff800001),
            BitConverter.UInt32BitsToSingle(0x7fc00000), BitConverter.UInt32BitsToSingle(0x7fffffff), float.PositiveInfinity,
            float.NegativeInfinity, 0f, -0f, float.MaxValue, -float.MaxValue, float.Epsilon, -float.Epsilon,
        ];

        private static readonly Half[] s_halves =
        [
            Half.NaN, -Half.NaN, BitConverter.UInt16BitsToHalf(0x7c01), BitConverter.UInt16BitsToHalf(0xfc01), Half.PositiveInfinity,
            Half.NegativeInfinity, Half.Zero, Half.NegativeZero, Half.MaxValue, Half.MinValue, Half.Epsilon, -Half.Epsilon,
        ];

        [Theory]
        [MemberData(nameof(Formats.Enumerable), MemberType = typeof(Formats))]
        public void SpecialInputsInEveryModeMatchTheReference(string name)
        {
            FormatUnderTest format = Formats.Get(name);
            ExactFloatReference reference = format.Reference;
            var bad = new Mismatches($"{format} special inputs");
            foreach (MidpointRounding mode in Formats.AllModes)
            {
                foreach (bool saturate in new[] { false, true })
                {
                    string how = $"{mode}{(saturate ? " sat" : string.Empty)}";
                    foreach (double d in s_doubles)
                    {
                        ulong expected = reference.Round(d, mode, saturate);
                        ulong actual = format.FromDouble(d, mode, saturate);
                        bad.Check(actual == expected, () => $"double {Codes.F64(d)} {how}: expected {Codes.Describe(format, expected)}, got {Codes.Hex(actual, format)}");
                    }

                    foreach (float f in s_floats)
                    {
                        ulong expected = reference.Round(f, mode, saturate);
                        ulong actual = format.FromSingle(f, mode, saturate);
                        bad.Check(actual == expected, () => $"float {Codes.F32(f)} {how}: expected {Codes.Describe(format, expected)}, got {Codes.Hex(actual, format)}");
                    }

                    foreach (Half h in s_halves)
                    {
                        ulong expected = reference.Round((double)h, mode, saturate);
                        ulong actual = format.FromHalf(h, mode, saturate);
                        bad.Check(actual == expected, () => $"Half 0x{BitConverter.HalfToUInt16Bits(h):x4} {how}: expected {Codes.Describe(format, expected)}, got {Codes.Hex(actual, format)}");
                    }
                }
            }

            bad.AssertNone();
        }

        [Theory]
        [MemberData(nameof(Formats.Enumerable), MemberType = typeof(Formats))]
        public void NaNAndInfinityMapAsDesigned(string name)
        {
            // Independent of the reference: the rules of DESIGN.md section 4 spelled out per kind of format.
            FormatUnderTest format = Formats.Get(name);
            FormatSpec spec = format.Spec;
            ulong sign = spec.Signed ? 1UL << (spec.ExponentBits + spec.MantissaBits) : 0;
            ulong magnitudeMask = (1UL << (spec.ExponentBits + spec.MantissaBits)) - 1;
            ulong max = format.Reference.MaxCode;
            foreach (MidpointRounding mode in Formats.AllModes)
            {
                foreach (bool saturate in new[] { false, true })
                {
                    ulong posNaN = format.FromSingle(BitConverter.UInt32BitsToSingle(0x7fc00000), mode, saturate);
                    ulong negNaN = format.FromSingle(BitConverter.UInt32BitsToSingle(0xffc00000), mode, saturate);
                    ulong posInf = format.FromDouble(double.PositiveInfinity, mode, saturate);
                    ulong negInf = format.FromDouble(double.NegativeInfinity, mode, saturate);
                    switch (spec.Specials)
                    {
                        case NumForge.SpecialValues.Ieee:
                            ulong inf = (ulong)((1 << spec.ExponentBits) - 1) << spec.MantissaBits;
                            Assert.Equal(inf | (1UL << (spec.MantissaBits - 1)), posNaN);
                            Assert.Equal(sign | inf | (1UL << (spec.MantissaBits - 1)), negNaN);
                            Assert.Equal(inf, posInf);
                            Assert.Equal(sign | inf, negInf);
                            break;
                        case NumForge.SpecialValues.FiniteNaN:
                            Assert.Equal(magnitudeMask, posNaN);
                            Assert.Equal(sign | magnitudeMask, negNaN);
                            Assert.Equal(magnitudeMask, posInf);
                            Assert.Equal(sign | magnitudeMask, negInf);
                            break;
                        case NumForge.SpecialValues.FiniteNaNUnsignedZero:
                            Assert.Equal(sign, posNaN);
                            Assert.Equal(sign, negNaN);
                            Assert.Equal(sign, posInf);
                            Assert.Equal(sign, negInf);
                            break;
                        default:
                            Assert.Equal(sign, posNaN);
                            Assert.Equal(0UL, negNaN);
                            Assert.Equal(max, posInf);
                            Assert.Equal(sign | max, negInf);
                            break;
                    }
                }
            }
        }
    }
}
