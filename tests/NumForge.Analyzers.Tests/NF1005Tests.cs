using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace NumForge.Analyzers.Tests
{
    /// <summary>NF1005: a low-precision value compared with a constant its format cannot represent.</summary>
    public class NF1005Tests
    {
        [Fact]
        public Task EqualityWithAnUnrepresentableConstant() => Verify.AnalyzerAsync("""
            using System;
            class C
            {
                static bool Is(Half h) => {|#0:(float)h == 0.1f|};
            }
            """,
            new DiagnosticResult(Descriptors.NF1005).WithLocation(0).WithArguments("(float)h == 0.1f", "is never true", "0.1 is not a Half value (Half rounds it to 0.0999755859375)"));

        [Fact]
        public Task InequalityAndConstantOnTheLeft() => Verify.AnalyzerAsync("""
            using System;
            using NumForge;
            class C
            {
                static bool Differs(Half h) => {|#0:(float)h != 0.1f|};
                static bool Left(BFloat16 b) => {|#1:0.1 == (double)b|};
                static bool Huge(Half h) => {|#2:(float)h == 65520f|};
            }
            """,
            new DiagnosticResult(Descriptors.NF1005).WithLocation(0).WithArguments("(float)h != 0.1f", "is always true", "0.1 is not a Half value (Half rounds it to 0.0999755859375)"),
            new DiagnosticResult(Descriptors.NF1005).WithLocation(1).WithArguments("0.1 == (double)b", "is never true", "0.1 is not a BFloat16 value (BFloat16 rounds it to 0.10009765625)"),
            new DiagnosticResult(Descriptors.NF1005).WithLocation(2).WithArguments("(float)h == 65520f", "is never true", "65520 is not a Half value (Half rounds it to infinity)"));

        [Fact]
        public Task OrderingBeyondTheRange() => Verify.AnalyzerAsync("""
            using System;
            using NumForge;
            class C
            {
                static bool Above(Half h) => {|#0:(float)h > 70000f|};
                static bool Below(Float8E4M3FN f) => {|#1:(float)f < 500f|};
                static bool Saturating(Float4E2M1FN f) => {|#2:(float)f >= -7f|};
            }
            """,
            new DiagnosticResult(Descriptors.NF1005).WithLocation(0).WithArguments("(float)h > 70000f", "is false for every finite value", "70000 is above the largest Half, 65504 (Half rounds it to infinity)"),
            new DiagnosticResult(Descriptors.NF1005).WithLocation(1).WithArguments("(float)f < 500f", "is true for every finite value", "500 is above the largest Float8E4M3FN, 448 (Float8E4M3FN rounds it to NaN)"),
            new DiagnosticResult(Descriptors.NF1005).WithLocation(2).WithArguments("(float)f >= -7f", "is always true", "-7 is below the smallest Float4E2M1FN, -6 (Float4E2M1FN rounds it to -6)"));

        [Fact]
        public Task NotFlagged_RepresentableInRangeOrNotLowPrecision() => Verify.AnalyzerAsync("""
            using System;
            using NumForge;
            class C
            {
                static bool[] Run(Half h, float f, MyFloat32 w, Posit16 p)
                {
                    return new[]
                    {
                        (float)h == 0.5f,
                        (float)h > 0.1f,
                        (float)h < 65504f,
                        (double)h <= 1e-9,
                        h == (Half)0.1f,
                        f == 0.1f,
                        (float)w == 0.1f,
                        (float)h == float.NaN,
                        (float)p == 0.1f,
                    };
                }
            }
            """);
    }
}
