using System;
using System.Collections.Generic;
using NumForge.CompilerServices;
using NumForge.Tests.Support;
using Xunit;

namespace NumForge.Tests.Kernel
{
    /// <summary>The hand-written traits agree with FloatLayout, and FloatLayout agrees with DESIGN.md's catalog table.</summary>
    public class TraitsTests
    {
        public static TheoryData<string> AllSpecs()
        {
            var data = new TheoryData<string>();
            foreach (FormatSpec spec in Specs.All)
            {
                data.Add(spec.Name);
            }

            return data;
        }

        private static readonly Dictionary<string, Func<TraitsValues>> s_hand = new()
        {
            ["BFloat16"] = TraitsValues.Of<HandBFloat16>,
            ["TensorFloat32"] = TraitsValues.Of<HandTensorFloat32>,
            ["Float8E5M2"] = TraitsValues.Of<HandFloat8E5M2>,
            ["Float8E4M3"] = TraitsValues.Of<HandFloat8E4M3>,
            ["Float8E3M4"] = TraitsValues.Of<HandFloat8E3M4>,
            ["Float8E4M3FN"] = TraitsValues.Of<HandFloat8E4M3FN>,
            ["Float8E4M3FNUZ"] = TraitsValues.Of<HandFloat8E4M3FNUZ>,
            ["Float8E5M2FNUZ"] = TraitsValues.Of<HandFloat8E5M2FNUZ>,
            ["Float8E4M3B11FNUZ"] = TraitsValues.Of<HandFloat8E4M3B11FNUZ>,
            ["Float8E8M0FNU"] = TraitsValues.Of<HandFloat8E8M0FNU>,
            ["Float6E2M3FN"] = TraitsValues.Of<HandFloat6E2M3FN>,
            ["Float6E3M2FN"] = TraitsValues.Of<HandFloat6E3M2FN>,
            ["Float4E2M1FN"] = TraitsValues.Of<HandFloat4E2M1FN>,
            ["Binary16"] = TraitsValues.Of<HandBinary16>,
            ["Binary32"] = TraitsValues.Of<HandBinary32>,
            ["Binary64"] = TraitsValues.Of<HandBinary64>,
            ["E5M2Saturating"] = TraitsValues.Of<HandE5M2Saturating>,
            ["E4M3OverflowNaN"] = TraitsValues.Of<HandE4M3OverflowNaN>,
            ["E4M3FNSaturating"] = TraitsValues.Of<HandE4M3FNSaturating>,
            ["E3M3Bias1"] = TraitsValues.Of<HandE3M3Bias1>,
            ["E7M8Bias0"] = TraitsValues.Of<HandE7M8Bias0>,
        };

        public static TraitsValues HandTraits(string name) => s_hand[name]();

        [Theory]
        [MemberData(nameof(AllSpecs))]
        public void HandTraitsAgreeWithFloatLayout(string name)
        {
            FormatSpec spec = Specs.Get(name);
            Assert.Equal(TraitsValues.Of(spec.Layout), HandTraits(name));
        }

        [Fact]
        public void EveryCatalogSpecHasHandTraits()
        {
            foreach (FormatSpec spec in Specs.All)
            {
                Assert.True(s_hand.ContainsKey(spec.Name), spec.Name);
            }
        }

        // DESIGN.md section 3: max finite, min normal, min subnormal (Epsilon).
        [Theory]
        [InlineData("BFloat16", 3.3895313892515355E+38, -126, -133)]
        [InlineData("TensorFloat32", 3.4011621342146535E+38, -126, -136)]
        [InlineData("Float8E5M2", 57344.0, -14, -16)]
        [InlineData("Float8E4M3", 240.0, -6, -9)]
        [InlineData("Float8E3M4", 15.5, -2, -6)]
        [InlineData("Float8E4M3FN", 448.0, -6, -9)]
        [InlineData("Float8E4M3FNUZ", 240.0, -7, -10)]
        [InlineData("Float8E5M2FNUZ", 57344.0, -15, -17)]
        [InlineData("Float8E4M3B11FNUZ", 30.0, -10, -13)]
        [InlineData("Float8E8M0FNU", 1.7014118346046923E+38, -127, -127)]
        [InlineData("Float6E2M3FN", 7.5, 0, -3)]
        [InlineData("Float6E3M2FN", 28.0, -2, -4)]
        [InlineData("Float4E2M1FN", 6.0, 0, -1)]
        public void CatalogExtremesMatchTheDesignTable(string name, double max, int minNormalExponent, int epsilonExponent)
        {
            FloatLayout layout = Specs.Get(name).Layout;
            Assert.Equal(max, layout.MaxValue);
            Assert.Equal(Math.ScaleB(1.0, minNormalExponent), layout.MinNormal);
            Assert.Equal(Math.ScaleB(1.0, epsilonExponent), layout.Epsilon);

            ExactFloatReference reference = Specs.Get(name).CreateReference();
            Assert.Equal(max, reference.MaxValue);
            Assert.Equal(Math.ScaleB(1.0, epsilonExponent), reference.Magnitudes[reference.Magnitudes[0] == 0 ? 1 : 0]);
        }

        [Fact]
        public void TensorFloat32MaxIsAsDesigned()
        {
            Assert.Equal((2 - Math.ScaleB(1.0, -10)) * Math.ScaleB(1.0, 127), Specs.Get("TensorFloat32").Layout.MaxValue);
        }

        /// <summary>Every constant of an IFloatTraits, as a comparable record.</summary>
        public sealed record TraitsValues(
            int ExponentBits, int MantissaBits, int Bias, bool Signed, bool Subnormals, SpecialValues Specials, OverflowBehavior Overflow,
            ulong SignMask, ulong MagnitudeMask, ulong MaxFiniteMagnitude, ulong NaNCode, ulong PositiveInfinityCode, ulong NegativeInfinityCode,
            int MinNormalExponent, int MaxExponent)
        {
            public static TraitsValues Of<T>()
                where T : struct, IFloatTraits =>
                new(T.ExponentBits, T.MantissaBits, T.Bias, T.Signed, T.Subnormals, T.Specials, T.Overflow, T.SignMask, T.MagnitudeMask,
                    T.MaxFiniteMagnitude, T.NaNCode, T.PositiveInfinityCode, T.NegativeInfinityCode, T.MinNormalExponent, T.MaxExponent);

            public static TraitsValues Of(FloatLayout l) =>
                new(l.ExponentBits, l.MantissaBits, l.Bias, l.Signed, l.Subnormals, l.Specials, l.Overflow, l.SignMask, l.MagnitudeMask,
                    l.MaxFiniteMagnitude, l.NaNCode, l.PositiveInfinityCode, l.NegativeInfinityCode, l.MinNormalExponent, l.MaxExponent);
        }
    }
}
