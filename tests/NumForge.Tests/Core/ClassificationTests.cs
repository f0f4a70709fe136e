using NumForge.CompilerServices;
using NumForge.CompilerServices.Floats;
using NumForge.CompilerServices.Posits;
using Xunit;

namespace NumForge.Tests.Core
{
    /// <summary>
    /// The compiled INumberBase predicates against double's on the exact value, for every encoding of a float and of a
    /// posit format (NaR answering as NaN does; IsPositive of a posit as "zero or greater", as for integers).
    /// </summary>
    public class ClassificationTests
    {
        [Fact]
        public void FloatPredicatesAreDoublesOnTheExactValue()
        {
            for (ulong code = 0; code < 256; code++)
            {
                double x = FloatCodec<Float8E4M3FN.Traits>.ToDouble(code);
                Assert.Equal(double.IsNaN(x), FloatClassification<Float8E4M3FN.Traits>.IsNaN(code));
                Assert.Equal(double.IsInfinity(x), FloatClassification<Float8E4M3FN.Traits>.IsInfinity(code));
                Assert.Equal(double.IsFinite(x), FloatClassification<Float8E4M3FN.Traits>.IsFinite(code));
                Assert.Equal(x == 0, FloatClassification<Float8E4M3FN.Traits>.IsZero(code));
                Assert.Equal(double.IsNegative(x), FloatClassification<Float8E4M3FN.Traits>.IsNegative(code));
                Assert.Equal(double.IsPositive(x), FloatClassification<Float8E4M3FN.Traits>.IsPositive(code));
                Assert.Equal(double.IsInteger(x), FloatClassification<Float8E4M3FN.Traits>.IsInteger(code));
                Assert.Equal(double.IsEvenInteger(x), FloatClassification<Float8E4M3FN.Traits>.IsEvenInteger(code));
                Assert.Equal(double.IsOddInteger(x), FloatClassification<Float8E4M3FN.Traits>.IsOddInteger(code));
                Assert.Equal(double.IsPow2(x), FloatClassification<Float8E4M3FN.Traits>.IsPow2(code));
                Assert.Equal(double.IsRealNumber(x), FloatClassification<Float8E4M3FN.Traits>.IsRealNumber(code));
                Assert.Equal(code is >= 1 and < 8 or >= 0x81 and < 0x88, FloatClassification<Float8E4M3FN.Traits>.IsSubnormal(code));
            }

            for (ulong code = 0; code < 65536; code++)
            {
                double x = FloatCodec<BFloat16.Traits>.ToDouble(code);
                // Subnormal in the format (exponent field 0, mantissa not 0), though a normal double.
                bool subnormal = (code & 0x7F80) == 0 && (code & 0x7F) != 0;
                Assert.Equal(subnormal, FloatClassification<BFloat16.Traits>.IsSubnormal(code));
                Assert.Equal(double.IsFinite(x) && x != 0 && !subnormal, FloatClassification<BFloat16.Traits>.IsNormal(code));
                Assert.Equal(double.IsPositiveInfinity(x), FloatClassification<BFloat16.Traits>.IsPositiveInfinity(code));
                Assert.Equal(double.IsNegativeInfinity(x), FloatClassification<BFloat16.Traits>.IsNegativeInfinity(code));
            }
        }

        [Fact]
        public void PositPredicatesAreDoublesOnTheExactValue()
        {
            for (ulong code = 0; code < 65536; code++)
            {
                double x = PositCodec<Posit16.Traits>.ToDouble(code);
                bool nar = code == 0x8000;
                Assert.Equal(nar, PositClassification<Posit16.Traits>.IsNaN(code));
                Assert.Equal(!nar, PositClassification<Posit16.Traits>.IsFinite(code));
                Assert.Equal(!nar, PositClassification<Posit16.Traits>.IsRealNumber(code));
                Assert.False(PositClassification<Posit16.Traits>.IsInfinity(code));
                Assert.False(PositClassification<Posit16.Traits>.IsSubnormal(code));
                Assert.Equal(!nar && x != 0, PositClassification<Posit16.Traits>.IsNormal(code));
                Assert.Equal(x == 0, PositClassification<Posit16.Traits>.IsZero(code));
                Assert.Equal(!nar && x < 0, PositClassification<Posit16.Traits>.IsNegative(code));
                Assert.Equal(!nar && x >= 0, PositClassification<Posit16.Traits>.IsPositive(code));
                Assert.Equal(double.IsInteger(x), PositClassification<Posit16.Traits>.IsInteger(code));
                Assert.Equal(double.IsEvenInteger(x), PositClassification<Posit16.Traits>.IsEvenInteger(code));
                Assert.Equal(double.IsOddInteger(x), PositClassification<Posit16.Traits>.IsOddInteger(code));
                Assert.Equal(double.IsPow2(x), PositClassification<Posit16.Traits>.IsPow2(code));
            }
        }
    }
}
