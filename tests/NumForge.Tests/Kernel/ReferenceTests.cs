using System;
using NumForge.Tests.Support;
using Xunit;

namespace NumForge.Tests.Kernel
{
    /// <summary>
    /// Checks of the exact reference itself: hand-computed values from DESIGN.md section 4, and agreement with the
    /// ml_dtypes vectors (an independent oracle), so that a wrong reference cannot silently bless wrong kernels.
    /// </summary>
    public class ReferenceTests
    {
        private static ExactFloatReference Ref(string name) => Formats.Kernel(name).Reference;

        [Theory]
        // E4M3FN: round before the overflow check (464 -> 448, 465 -> NaN); saturating gives max; +inf gives NaN even saturating.
        [InlineData("Float8E4M3FN", 448.0, MidpointRounding.ToEven, false, 0x7eUL)]
        [InlineData("Float8E4M3FN", 464.0, MidpointRounding.ToEven, false, 0x7eUL)]
        [InlineData("Float8E4M3FN", 465.0, MidpointRounding.ToEven, false, 0x7fUL)]
        [InlineData("Float8E4M3FN", -465.0, MidpointRounding.ToEven, false, 0xffUL)]
        [InlineData("Float8E4M3FN", 465.0, MidpointRounding.ToEven, true, 0x7eUL)]
        [InlineData("Float8E4M3FN", 1e9, MidpointRounding.ToZero, false, 0x7eUL)]
        [InlineData("Float8E4M3FN", 1e9, MidpointRounding.ToNegativeInfinity, false, 0x7eUL)]
        [InlineData("Float8E4M3FN", -1e9, MidpointRounding.ToPositiveInfinity, false, 0xfeUL)]
        [InlineData("Float8E4M3FN", -1e9, MidpointRounding.ToNegativeInfinity, false, 0xffUL)]
        [InlineData("Float8E4M3FN", double.PositiveInfinity, MidpointRounding.ToEven, true, 0x7fUL)]
        [InlineData("Float8E4M3FN", double.PositiveInfinity, MidpointRounding.ToZero, true, 0x7fUL)]
        [InlineData("Float8E4M3FN", double.NegativeInfinity, MidpointRounding.ToEven, false, 0xffUL)]
        // E5M2: overflow to infinity; 61440 is the tie between max 57344 and 2^16 -> even (infinity).
        [InlineData("Float8E5M2", 57344.0, MidpointRounding.ToEven, false, 0x7bUL)]
        [InlineData("Float8E5M2", 61439.0, MidpointRounding.ToEven, false, 0x7bUL)]
        [InlineData("Float8E5M2", 61440.0, MidpointRounding.ToEven, false, 0x7cUL)]
        [InlineData("Float8E5M2", 61440.0, MidpointRounding.ToEven, true, 0x7bUL)]
        [InlineData("Float8E5M2", -61440.0, MidpointRounding.AwayFromZero, false, 0xfcUL)]
        [InlineData("Float8E5M2", 1e30, MidpointRounding.ToZero, false, 0x7bUL)]
        [InlineData("Float8E5M2", double.NaN, MidpointRounding.ToEven, false, 0xfeUL)] // .NET's double.NaN has the sign bit set
        [InlineData("Float8E5M2", 1.0, MidpointRounding.ToEven, false, 0x3cUL)]
        [InlineData("Float8E5M2", -0.0, MidpointRounding.ToEven, false, 0x80UL)]
        // FNUZ: negative underflow gives +0; NaN is 0x80 whatever its sign; overflow is NaN.
        [InlineData("Float8E4M3FNUZ", -1e-10, MidpointRounding.ToEven, false, 0x00UL)]
        [InlineData("Float8E4M3FNUZ", -1e-10, MidpointRounding.ToNegativeInfinity, false, 0x81UL)]
        [InlineData("Float8E4M3FNUZ", -0.0, MidpointRounding.ToEven, false, 0x00UL)]
        [InlineData("Float8E4M3FNUZ", 240.0, MidpointRounding.ToEven, false, 0x7fUL)]
        [InlineData("Float8E4M3FNUZ", 248.0, MidpointRounding.ToEven, false, 0x80UL)]
        [InlineData("Float8E4M3FNUZ", -248.0, MidpointRounding.ToEven, true, 0xffUL)]
        [InlineData("Float8E5M2FNUZ", double.NegativeInfinity, MidpointRounding.ToEven, true, 0x80UL)]
        [InlineData("Float8E4M3B11FNUZ", 30.0, MidpointRounding.ToEven, false, 0x7fUL)]
        // E8M0: ties up, 0 and negatives -> NaN or 0x00 saturating, below 2^-127 -> 0x00, inf/NaN -> 0xff.
        [InlineData("Float8E8M0FNU", 1.0, MidpointRounding.ToEven, false, 0x7fUL)]
        [InlineData("Float8E8M0FNU", 1.5, MidpointRounding.ToEven, false, 0x80UL)]
        [InlineData("Float8E8M0FNU", 1.4999, MidpointRounding.ToEven, false, 0x7fUL)]
        [InlineData("Float8E8M0FNU", 3.0, MidpointRounding.ToEven, false, 0x81UL)]
        [InlineData("Float8E8M0FNU", 0.0, MidpointRounding.ToEven, false, 0xffUL)]
        [InlineData("Float8E8M0FNU", 0.0, MidpointRounding.ToEven, true, 0x00UL)]
        [InlineData("Float8E8M0FNU", -2.0, MidpointRounding.ToEven, false, 0xffUL)]
        [InlineData("Float8E8M0FNU", -2.0, MidpointRounding.ToEven, true, 0x00UL)]
        [InlineData("Float8E8M0FNU", 1e-40, MidpointRounding.ToEven, false, 0x00UL)]
        [InlineData("Float8E8M0FNU", 1e-40, MidpointRounding.ToPositiveInfinity, false, 0x00UL)]
        [InlineData("Float8E8M0FNU", 3e38, MidpointRounding.ToEven, false, 0xffUL)]
        [InlineData("Float8E8M0FNU", 3e38, MidpointRounding.ToEven, true, 0xfeUL)]
        [InlineData("Float8E8M0FNU", 3e38, MidpointRounding.ToZero, false, 0xfeUL)]
        [InlineData("Float8E8M0FNU", double.PositiveInfinity, MidpointRounding.ToEven, true, 0xffUL)]
        [InlineData("Float8E8M0FNU", double.NaN, MidpointRounding.ToEven, true, 0xffUL)]
        // Finite formats: ±inf -> ±max; NaN -> the -0 code, -NaN -> +0 (.NET's double.NaN is -NaN).
        [InlineData("Float6E2M3FN", double.PositiveInfinity, MidpointRounding.ToEven, false, 0x1fUL)]
        [InlineData("Float6E2M3FN", double.NegativeInfinity, MidpointRounding.ToEven, false, 0x3fUL)]
        [InlineData("Float6E2M3FN", double.NaN, MidpointRounding.ToEven, false, 0x00UL)]
        [InlineData("Float6E2M3FN", 100.0, MidpointRounding.ToEven, false, 0x1fUL)]
        [InlineData("Float4E2M1FN", 5.0, MidpointRounding.ToEven, false, 0x6UL)]
        [InlineData("Float4E2M1FN", 5.0, MidpointRounding.AwayFromZero, false, 0x7UL)]
        [InlineData("Float4E2M1FN", -0.25, MidpointRounding.ToEven, false, 0x8UL)]
        [InlineData("Float4E2M1FN", -0.25, MidpointRounding.AwayFromZero, false, 0x9UL)]
        [InlineData("Float4E2M1FN", 0.75, MidpointRounding.ToEven, false, 0x2UL)]
        [InlineData("Float6E3M2FN", 28.0, MidpointRounding.ToEven, false, 0x1fUL)]
        // BF16, TF32, binary16: known codes.
        [InlineData("BFloat16", 1.0, MidpointRounding.ToEven, false, 0x3f80UL)]
        [InlineData("BFloat16", 1.00390625, MidpointRounding.ToEven, false, 0x3f80UL)] // 1 + 2^-8: tie, to even
        [InlineData("BFloat16", 1.01171875, MidpointRounding.ToEven, false, 0x3f82UL)] // 1 + 3*2^-8: tie, to even
        [InlineData("TensorFloat32", 1.00048828125, MidpointRounding.AwayFromZero, false, 0x1fc01UL)] // 1 + 2^-11: tie, away
        [InlineData("TensorFloat32", 1.00048828125, MidpointRounding.ToEven, false, 0x1fc00UL)]
        [InlineData("Binary16", 1e6, MidpointRounding.ToZero, false, 0x7bffUL)]
        [InlineData("Binary16", 65520.0, MidpointRounding.ToEven, false, 0x7c00UL)]
        [InlineData("Binary16", 65519.99, MidpointRounding.ToEven, false, 0x7bffUL)]
        [InlineData("Binary16", 5.960464477539063E-08, MidpointRounding.ToEven, false, 0x0001UL)]
        [InlineData("Binary16", 2.9802322387695312E-08, MidpointRounding.ToEven, false, 0x0000UL)] // half the smallest subnormal: tie to 0
        [InlineData("Binary16", -2.9802322387695312E-08, MidpointRounding.AwayFromZero, false, 0x8001UL)]
        [InlineData("Binary16", -1e-30, MidpointRounding.ToPositiveInfinity, false, 0x8000UL)]
        public void ReferenceGivesTheDesignedCode(string format, double input, MidpointRounding mode, bool saturate, ulong expected)
        {
            Assert.Equal(expected, Ref(format).Round(input, mode, saturate));
            Assert.Equal(expected, Ref(format).Round(ExactValue.FromDouble(input), mode, saturate));
            Assert.Equal(expected, Formats.Get(format).FromDouble(input, mode, saturate));
        }

        [Fact]
        public void ReferenceDecodesKnownCodes()
        {
            Assert.Equal(ExactValue.Of(new Rational(448, 1)), Ref("Float8E4M3FN").Decode(0x7e));
            Assert.True(Ref("Float8E4M3FN").Decode(0xff).IsNaN);
            Assert.True(Ref("Float8E4M3FNUZ").Decode(0x80).IsNaN);
            Assert.Equal(ExactValue.Of(Rational.Pow2(-10)), Ref("Float8E4M3FNUZ").Decode(0x01));
            Assert.Equal(ExactValue.Of(Rational.Pow2(-127)), Ref("Float8E8M0FNU").Decode(0x00));
            Assert.Equal(ExactValue.Of(Rational.Pow2(127)), Ref("Float8E8M0FNU").Decode(0xfe));
            Assert.True(Ref("Float8E8M0FNU").Decode(0xff).IsNaN);
            Assert.Equal(ExactValue.Zero(true), Ref("Float6E2M3FN").Decode(0x20));
            Assert.Equal(ExactValue.Of(new Rational(-6, 1)), Ref("Float4E2M1FN").Decode(0xf));
            Assert.Equal(ExactValue.Infinity(true), Ref("Float8E5M2").Decode(0xfc));
            Assert.Equal(ExactValue.Of(new Rational(31, 2)), Ref("Float8E3M4").Decode(0x6f));
            Assert.Equal(256, Ref("Float8E4M3FN").Magnitudes.Length * 2 + 2); // 127 magnitudes (0..0x7e) each sign, plus 2 NaNs
            Assert.Equal(255, Ref("Float8E8M0FNU").Magnitudes.Length); // 2^-127 .. 2^127, and 0xff is NaN
        }

        [Fact]
        public void ReferenceArithmeticFollowsIeeeSignsOfZero()
        {
            ExactValue one = ExactValue.Of(Rational.One);
            ExactValue minusOne = ExactValue.Of(-Rational.One);
            Assert.Equal(ExactValue.Zero(false), ExactFloatReference.Add(one, minusOne, MidpointRounding.ToEven));
            Assert.Equal(ExactValue.Zero(true), ExactFloatReference.Add(one, minusOne, MidpointRounding.ToNegativeInfinity));
            Assert.Equal(ExactValue.Zero(true), ExactFloatReference.Add(ExactValue.Zero(true), ExactValue.Zero(true), MidpointRounding.ToEven));
            Assert.Equal(ExactValue.Zero(false), ExactFloatReference.Add(ExactValue.Zero(true), ExactValue.Zero(false), MidpointRounding.ToEven));
            Assert.True(ExactFloatReference.Add(ExactValue.Infinity(false), ExactValue.Infinity(true), MidpointRounding.ToEven).IsNaN);
            Assert.True(ExactFloatReference.Multiply(ExactValue.Infinity(false), ExactValue.Zero(false)).IsNaN);
            Assert.Equal(ExactValue.Infinity(true), ExactFloatReference.Divide(minusOne, ExactValue.Zero(false)));
            Assert.Equal(ExactValue.Zero(true), ExactFloatReference.Divide(minusOne, ExactValue.Infinity(false)));
        }

        /// <summary>The reference agrees with ml_dtypes' own decode and f32 conversion vectors (its documented defects removed).</summary>
        [Theory]
        [MemberData(nameof(Formats.WithVectors), MemberType = typeof(Formats))]
        public void ReferenceAgreesWithMlDtypesVectors(string name)
        {
            ExactFloatReference reference = Formats.Kernel(name).Reference;
            string tag = Specs.Get(name).VectorName!;
            var bad = new Mismatches($"reference vs ml_dtypes {tag}");
            foreach (ulong[] row in VectorFiles.Read(tag + ".decode"))
            {
                ExactValue v = reference.Decode(row[0]);
                float f = BitConverter.UInt32BitsToSingle((uint)row[1]);
                bool ok = v.IsNaN ? float.IsNaN(f) && float.IsNegative(f) == v.Negative : ExactValue.FromDouble(f) == v;
                bad.Check(ok, () => $"decode 0x{row[0]:x}: reference {v}, file {f:R}");
            }

            foreach ((string suffix, MidpointRounding mode, bool saturate) in MlDtypesFiles.ConversionKinds(name))
            {
                foreach (ulong[] row in VectorFiles.Read($"f32_to_{tag}.{suffix}"))
                {
                    float f = BitConverter.UInt32BitsToSingle((uint)row[0]);
                    ulong expected = reference.Round(f, mode, saturate);
                    bad.Check(MlDtypesFiles.CodeMatches(reference, row[1], expected), () => $"{suffix} {Codes.F32(f)}: reference 0x{expected:x}, file 0x{row[1]:x}");
                }
            }

            foreach (ulong[] row in VectorFiles.Read($"f64_to_{tag}.rne"))
            {
                double d = BitConverter.UInt64BitsToDouble(row[0]);
                ulong expected = reference.Round(d, MidpointRounding.ToEven, false);
                bad.Check(MlDtypesFiles.CodeMatches(reference, row[1], expected), () => $"f64 {Codes.F64(d)}: reference 0x{expected:x}, file 0x{row[1]:x}");
            }

            bad.AssertNone();
        }
    }
}
