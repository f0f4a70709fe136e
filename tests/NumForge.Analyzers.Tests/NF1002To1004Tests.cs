using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace NumForge.Analyzers.Tests
{
    /// <summary>NF1002: reductions and normalizations computed in low precision.</summary>
    public class NF1002Tests
    {
        [Fact]
        public Task TensorPrimitivesReductionsOverHalfSpans() => Verify.AnalyzerAsync("""
            using System;
            using System.Numerics.Tensors;
            class C
            {
                static void Run(Half[] x, Half[] y, Half[] probabilities)
                {
                    Half s = {|NF1002:TensorPrimitives.Sum<Half>(x)|};
                    Half d = {|NF1002:TensorPrimitives.Dot<Half>(x, y)|};
                    Half q = {|NF1002:TensorPrimitives.SumOfSquares<Half>(x)|};
                    Half n = {|NF1002:TensorPrimitives.Norm<Half>(x)|};
                    {|NF1002:TensorPrimitives.SoftMax<Half>(x, probabilities)|};
                }
            }
            """);

        [Fact]
        public Task TensorPrimitivesOverNumForgeSpansWithMessage() => Verify.AnalyzerAsync("""
            using System;
            using System.Numerics.Tensors;
            using NumForge;
            class C
            {
                static BFloat16 Run(ReadOnlySpan<BFloat16> x) => TensorPrimitives.Sum(x);
            }
            """,
            new DiagnosticResult(Descriptors.NF1002).WithSpan(6, 54, 6, 77).WithArguments("'TensorPrimitives.Sum' reduces", "BFloat16"));

        [Fact]
        public Task ExpSummedInALoop() => Verify.AnalyzerAsync("""
            using System;
            class C
            {
                static float SoftMaxDenominator(Half[] x, Half max)
                {
                    float sum = 0f;
                    for (int i = 0; i < x.Length; i++)
                    {
                        sum += (float){|NF1002:Half.Exp(x[i] - max)|};
                    }
                    return sum;
                }
            }
            """);

        [Fact]
        public Task LogSumExpWithHalfAccumulatorReportsBoth() => Verify.AnalyzerAsync("""
            using System;
            class C
            {
                static Half LogSumExp(Half[] x)
                {
                    Half sum = default;
                    foreach (Half v in x)
                    {
                        {|NF1001:sum += {|NF1002:Half.Exp(v)|}|};
                    }
                    return {|NF1002:Half.Log(sum)|};
                }
            }
            """);

        [Fact]
        public Task VarianceWithPowAndNormWithSqrt() => Verify.AnalyzerAsync("""
            using System;
            using NumForge;
            class C
            {
                static double Variance(Float8E5M2[] x, Float8E5M2 mean, Float8E5M2 two)
                {
                    double sum = 0;
                    for (int i = 0; i < x.Length; i++)
                    {
                        sum = sum + (double){|NF1002:Float8E5M2.Pow(x[i] - mean, two)|};
                    }
                    float roots = 0;
                    for (int i = 0; i < x.Length; i++)
                    {
                        roots += 0.5f * (float){|NF1002:Float8E5M2.Sqrt(x[i])|};
                    }
                    return sum / x.Length + roots;
                }
            }
            """);

        [Fact]
        public Task ExpSummedInAggregate() => Verify.AnalyzerAsync("""
            using System;
            using System.Linq;
            class C
            {
                static float Sum(Half[] x) => x.Aggregate(0f, (acc, v) => acc + (float){|NF1002:Half.Exp(v)|});
            }
            """);

        [Fact]
        public Task NotFlagged_FloatReductionsAndUnsummedMath() => Verify.AnalyzerAsync("""
            using System;
            using System.Numerics.Tensors;
            class C
            {
                static float Run(float[] f, Half[] x, Half[] y)
                {
                    float s = TensorPrimitives.Sum(f);
                    float d = TensorPrimitives.Dot(f, f);
                    Half m = TensorPrimitives.Max<Half>(x);
                    for (int i = 0; i < x.Length; i++)
                    {
                        y[i] = Half.Exp(x[i]);
                        s += MathF.Exp((float)x[i]);
                    }
                    Half once = Half.Exp(x[0]);
                    return s + d + (float)m + (float)once;
                }
            }
            """);
    }

    /// <summary>NF1003: a loop-carried value converted from low precision to float and back on every iteration.</summary>
    public class NF1003Tests
    {
        [Fact]
        public Task RoundTripInOneExpression() => Verify.AnalyzerAsync("""
            using System;
            class C
            {
                static Half Smooth(float[] input, float decay)
                {
                    Half state = default;
                    for (int i = 0; i < input.Length; i++)
                    {
                        {|NF1003:state = (Half)((float)state * decay + input[i])|};
                    }
                    return state;
                }
            }
            """);

        [Fact]
        public Task RoundTripThroughAFloatLocal() => Verify.AnalyzerAsync("""
            using System;
            using NumForge;
            class C
            {
                static BFloat16 Scale(float[] factors)
                {
                    BFloat16 value = (BFloat16)1f;
                    foreach (float factor in factors)
                    {
                        float f = (float)value;
                        f *= factor;
                        {|NF1003:value = (BFloat16)f|};
                    }
                    return value;
                }
            }
            """,
            new DiagnosticResult[0]);

        [Fact]
        public Task Message() => Verify.AnalyzerAsync("""
            using System;
            class C
            {
                static Half Smooth(float[] input)
                {
                    Half state = default;
                    foreach (float x in input) state = (Half)((float)state * 0.5f + x);
                    return state;
                }
            }
            """,
            new DiagnosticResult(Descriptors.NF1003).WithSpan(7, 36, 7, 75).WithArguments("state", "Half", "a float local"));

        [Fact]
        public Task NotFlagged_ElementStoresAndFreshLocals() => Verify.AnalyzerAsync("""
            using System;
            class C
            {
                static void Scale(Half[] x, float a)
                {
                    Half last = default;
                    for (int i = 0; i < x.Length; i++)
                    {
                        x[i] = (Half)((float)x[i] * a);
                        Half t = (Half)((float)x[i] + 1f);
                        t = (Half)((float)t * a);
                        last = (Half)a;
                    }
                }
            }
            """);
    }

    /// <summary>NF1004: constants that overflow or underflow in a low-precision format.</summary>
    public class NF1004Tests
    {
        [Fact]
        public Task HalfOverflowsToInfinity() => Verify.AnalyzerAsync("""
            using System;
            class C
            {
                static Half H() => (Half)70000f;
            }
            """,
            new DiagnosticResult(Descriptors.NF1004).WithSpan(4, 24, 4, 36).WithArguments("70000", "Half", "overflows to infinity (its largest finite value is 65504)"));

        [Fact]
        public Task HalfRoundsUpPastTheMaximum() => Verify.AnalyzerAsync("""
            using System;
            class C
            {
                static Half[] H() => new[] { (Half)65504f, (Half)65519.99f, {|NF1004:(Half)65520f|}, {|NF1004:(Half)(-1e6)|}, (Half)float.PositiveInfinity, (Half)0f };
            }
            """);

        [Fact]
        public Task FiniteNaNFormatOverflowsToNaN() => Verify.AnalyzerAsync("""
            using NumForge;
            class C
            {
                static Float8E4M3FN[] F() => new[] { (Float8E4M3FN)448f, (Float8E4M3FN)464f, {|#0:(Float8E4M3FN)500f|} };
            }
            """,
            new DiagnosticResult(Descriptors.NF1004).WithLocation(0).WithArguments("500", "Float8E4M3FN", "overflows to NaN (its largest finite value is 448)"));

        [Fact]
        public Task FiniteFormatSaturates() => Verify.AnalyzerAsync("""
            using NumForge;
            class C
            {
                static Float4E2M1FN F() => {|#0:(Float4E2M1FN)100|};
                static SaturatingE5M2 S() => {|#1:(SaturatingE5M2)1e6|};
                static Posit16 P() => {|#2:(Posit16)1e20|};
            }
            """,
            new DiagnosticResult(Descriptors.NF1004).WithLocation(0).WithArguments("100", "Float4E2M1FN", "saturates to 6, its largest finite value"),
            new DiagnosticResult(Descriptors.NF1004).WithLocation(1).WithArguments("1000000", "SaturatingE5M2", "saturates to 57344, its largest finite value"),
            new DiagnosticResult(Descriptors.NF1004).WithLocation(2).WithArguments("1E+20", "Posit16", "saturates to 72057594037927940, its largest finite value"));

        [Fact]
        public Task UnderflowToZero() => Verify.AnalyzerAsync("""
            using System;
            using NumForge;
            class C
            {
                static Half H() => {|#0:(Half)1e-8f|};
                static Float8E4M3FNUZ F() => {|NF1004:(Float8E4M3FNUZ)(-0.0001)|};
                static Half Smallest() => (Half)6e-8f;
            }
            """,
            new DiagnosticResult(Descriptors.NF1004).WithLocation(0).WithArguments("1E-08", "Half", "underflows to zero (its smallest positive value is 5.960464477539063E-08)"));

        [Fact]
        public Task UnderflowCanBeTurnedOff() => Verify.AnalyzerAsync("""
            using System;
            class C
            {
                static Half H() => (Half)1e-8f;
                static Half Big() => {|NF1004:(Half)1e5f|};
            }
            """,
            "numforge.nf1004.report_underflow = false");

        [Fact]
        public Task UnsignedFormatWithNegativeConstant() => Verify.AnalyzerAsync("""
            using NumForge;
            class C
            {
                static Float8E8M0FNU F() => {|#0:(Float8E8M0FNU)(-2f)|};
                static Float8E8M0FNU Tiny() => (Float8E8M0FNU)1e-30f;
            }
            """,
            new DiagnosticResult(Descriptors.NF1004).WithLocation(0).WithArguments("-2", "Float8E8M0FNU", "becomes NaN (the format is unsigned)"));

        [Fact]
        public Task NotFlagged_RepresentableAndNonConstant() => Verify.AnalyzerAsync("""
            using System;
            using NumForge;
            class C
            {
                static void F(float x)
                {
                    var a = (Half)1.5f;
                    var b = (Half)x;
                    var c = (Float8E4M3FN)448f;
                    var d = (BFloat16)3e38f;
                    var e = (MyFloat32)1e38f;
                    var f = (Half)float.NaN;
                    var g = (Float8E4M3FN)0.001953125f;
                    var h = (Posit32)1e30;
                }
            }
            """);
    }
}
