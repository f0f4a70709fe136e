using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace NumForge.Analyzers.Tests
{
    /// <summary>NF1002 following the data: values stored in locals, elements and fields and summed later; low-precision sums fed to Sqrt, Log or a division of every element.</summary>
    public class NF1002FlowTests
    {
        [Fact]
        public Task SoftMaxWithExpStoredInAnArrayAndSummedInASecondLoop() => Verify.AnalyzerAsync("""
            using System;
            class C
            {
                static void SoftMax(Half[] x, Half[] e, Half max)
                {
                    for (int i = 0; i < x.Length; i++)
                    {
                        e[i] = {|NF1002:Half.Exp(x[i] - max)|};
                    }
                    float sum = 0f;
                    for (int i = 0; i < x.Length; i++)
                    {
                        sum += (float)e[i];
                    }
                    for (int i = 0; i < x.Length; i++)
                    {
                        e[i] = (Half)((float)e[i] / sum);
                    }
                }
            }
            """);

        [Fact]
        public Task ExpStoredInALocalMessage() => Verify.AnalyzerAsync("""
            using System;
            class C
            {
                static Half LogSumExp(Half[] x)
                {
                    Half sum = default;
                    foreach (Half v in x)
                    {
                        Half t = {|#0:Half.Exp(v)|};
                        {|NF1001:sum += t|};
                    }
                    return {|NF1002:Half.Log(sum)|};
                }
            }
            """,
            new DiagnosticResult(Descriptors.NF1002).WithLocation(0).WithArguments("'Half.Exp' is stored in 't' and then summed in a loop", "Half"));

        [Fact]
        public Task ExpStoredInASpanElementAndInAField() => Verify.AnalyzerAsync("""
            using System;
            using NumForge;
            class C
            {
                private BFloat16 _last;
                float Run(BFloat16[] x, Span<BFloat16> e)
                {
                    float total = 0f;
                    for (int i = 0; i < x.Length; i++)
                    {
                        e[i] = {|NF1002:BFloat16.Exp(x[i])|};
                        _last = {|NF1002:BFloat16.Log(x[i])|};
                        total += (float)_last;
                    }
                    for (int i = 0; i < e.Length; i++)
                    {
                        total = total + (float)e[i];
                    }
                    return total;
                }
            }
            """);

        [Fact]
        public Task VarianceWithSquareStoredOrSummedDirectly() => Verify.AnalyzerAsync("""
            using System;
            class C
            {
                static float Variance(Half[] x, Half mean)
                {
                    float acc = 0f;
                    for (int i = 0; i < x.Length; i++)
                    {
                        Half d = x[i] - mean;
                        Half sq = {|#0:d * d|};
                        acc += (float)sq;
                        acc += (float)({|NF1002:(x[i] - mean) * (x[i] - mean)|});
                    }
                    return acc / x.Length;
                }
            }
            """,
            new DiagnosticResult(Descriptors.NF1002).WithLocation(0).WithArguments("The square 'd * d' is stored in 'sq' and then summed in a loop", "Half"));

        [Fact]
        public Task ProductStoredAndSummedInLowPrecision() => Verify.AnalyzerAsync("""
            using System;
            class C
            {
                static Half Dot(Half[] a, Half[] b)
                {
                    Half acc = default;
                    for (int i = 0; i < a.Length; i++)
                    {
                        Half p = {|NF1002:a[i] * b[i]|};
                        {|NF1001:acc += p|};
                    }
                    return acc;
                }
            }
            """);

        [Fact]
        public Task RmsNormWithSumOfSquaresFeedingSqrt() => Verify.AnalyzerAsync("""
            using System;
            class C
            {
                static void RmsNorm(Half[] x, Half[] y)
                {
                    Half ss = default;
                    for (int i = 0; i < x.Length; i++)
                    {
                        {|NF1001:ss += {|NF1002:x[i] * x[i]|}|};
                    }
                    Half rms = {|#0:Half.Sqrt(ss / (Half)(float)x.Length)|};
                    float scale = 1f / {|NF1002:MathF.Sqrt((float)ss)|};
                    for (int i = 0; i < x.Length; i++)
                    {
                        y[i] = x[i] / rms;
                    }
                }
            }
            """,
            new DiagnosticResult(Descriptors.NF1002).WithLocation(0).WithArguments("The sum 'ss' feeds 'Half.Sqrt' (a norm or standard deviation) and is accumulated", "Half"));

        [Fact]
        public Task EveryElementDividedByALowPrecisionSum() => Verify.AnalyzerAsync("""
            using System;
            class C
            {
                static void Normalize(Half[] x, Half[] y)
                {
                    Half total = default;
                    foreach (Half v in x)
                    {
                        {|NF1001:total += v|};
                    }
                    for (int i = 0; i < x.Length; i++)
                    {
                        y[i] = {|#0:x[i] / total|};
                        x[i] = (Half)({|NF1002:(float)x[i] / (float)total|});
                    }
                    for (int i = 0; i < y.Length; i++)
                    {
                        {|NF1002:y[i] /= total|};
                    }
                }
            }
            """,
            new DiagnosticResult(Descriptors.NF1002).WithLocation(0).WithArguments("The sum 'total' divides every element (a normalization) and is accumulated", "Half"));

        // ----- not flagged -----

        [Fact]
        public Task NotFlagged_ExpStoredButNeverSummed() => Verify.AnalyzerAsync("""
            using System;
            class C
            {
                static void Map(Half[] x, Half[] e, Half[] y)
                {
                    for (int i = 0; i < x.Length; i++)
                    {
                        e[i] = Half.Exp(x[i]);
                    }
                    for (int i = 0; i < x.Length; i++)
                    {
                        y[i] = e[i] * e[0];
                    }
                    Half first = Half.Exp(x[0]);
                    y[0] = first;
                }
            }
            """);

        [Fact]
        public Task NotFlagged_FloatAccumulatorFedWithHalfThenSqrtAndDivision() => Verify.AnalyzerAsync("""
            using System;
            class C
            {
                static void Normalize(Half[] x, Half[] y)
                {
                    float ss = 0f;
                    float total = 0f;
                    for (int i = 0; i < x.Length; i++)
                    {
                        ss += (float)x[i] * (float)x[i];
                        total += (float)x[i];
                        total += (float)(x[i] * y[i]);
                    }
                    float norm = MathF.Sqrt(ss);
                    for (int i = 0; i < x.Length; i++)
                    {
                        y[i] = (Half)((float)x[i] / total / norm);
                    }
                }
            }
            """);

        [Fact]
        public Task NotFlagged_DivisionByMaxAndProductsNotSummed() => Verify.AnalyzerAsync("""
            using System;
            class C
            {
                static void Scale(Half[] x, Half[] y)
                {
                    Half max = Half.NegativeInfinity;
                    foreach (Half v in x)
                    {
                        max = Half.Max(max, v);
                    }
                    for (int i = 0; i < x.Length; i++)
                    {
                        y[i] = x[i] / max;
                        Half p = x[i] * y[i];
                        y[i] = p;
                    }
                    Half root = Half.Sqrt(max);
                }
            }
            """);
    }
}
