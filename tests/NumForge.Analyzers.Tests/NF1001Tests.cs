using System.Threading.Tasks;
using Xunit;

namespace NumForge.Analyzers.Tests
{
    /// <summary>NF1001: low-precision accumulation in a loop, one test per pattern and one per "not flagged" case.</summary>
    public class NF1001Tests
    {
        [Fact]
        public Task CompoundAddIntoLocalInForLoop() => Verify.AnalyzerAsync("""
            using System;
            class C
            {
                static Half Sum(Half[] x)
                {
                    Half sum = (Half)0f;
                    for (int i = 0; i < x.Length; i++)
                    {
                        {|NF1001:sum += x[i]|};
                    }
                    return sum;
                }
            }
            """);

        [Fact]
        public Task MessageSaysWhatAccumulates() => Verify.AnalyzerAsync("""
            using System;
            class C
            {
                static Half Sum(Half[] x)
                {
                    Half sum = default;
                    foreach (Half v in x)
                    {
                        sum += v;
                    }
                    return sum;
                }
            }
            """,
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult(Descriptors.NF1001)
                .WithSpan(9, 13, 9, 21)
                .WithArguments("'sum' accumulates", "Half"));

        [Fact]
        public Task CompoundSubtractInForeach() => Verify.AnalyzerAsync("""
            using System;
            class C
            {
                static Half Remaining(Half budget, Half[] costs)
                {
                    foreach (Half c in costs)
                    {
                        {|NF1001:budget -= c|};
                    }
                    return budget;
                }
            }
            """);

        [Fact]
        public Task ExplicitAddOfProductInWhileLoop() => Verify.AnalyzerAsync("""
            using System;
            class C
            {
                static Half Dot(Half[] x, Half[] y)
                {
                    Half acc = default;
                    int i = 0;
                    while (i < x.Length)
                    {
                        {|NF1001:acc = acc + x[i] * y[i]|};
                        i++;
                    }
                    return acc;
                }
            }
            """);

        [Fact]
        public Task AddWithAccumulatorOnTheRightInDoLoop() => Verify.AnalyzerAsync("""
            using System;
            class C
            {
                static Half Sum(Half[] x)
                {
                    Half acc = default;
                    int i = 0;
                    do
                    {
                        {|NF1001:acc = x[i] + acc|};
                        i++;
                    }
                    while (i < x.Length);
                    return acc;
                }
            }
            """);

        [Fact]
        public Task AddComputedInFloatButStoredInHalf() => Verify.AnalyzerAsync("""
            using System;
            class C
            {
                static Half Sum(float[] x)
                {
                    Half acc = default;
                    for (int i = 0; i < x.Length; i++)
                    {
                        {|NF1001:acc = (Half)((float)acc + x[i])|};
                    }
                    return acc;
                }
            }
            """);

        [Fact]
        public Task IntoField() => Verify.AnalyzerAsync("""
            using System;
            class C
            {
                private Half _total;
                private static Half s_total;
                void Add(Half[] x)
                {
                    for (int i = 0; i < x.Length; i++)
                    {
                        {|NF1001:_total += x[i]|};
                        {|NF1001:this._total += x[i]|};
                        {|NF1001:s_total += x[i]|};
                    }
                }
            }
            """);

        [Fact]
        public Task IntoArrayElementWithInvariantIndex() => Verify.AnalyzerAsync("""
            using System;
            class C
            {
                static void RowSums(Half[,] a, Half[] sums)
                {
                    for (int r = 0; r < a.GetLength(0); r++)
                    {
                        for (int k = 0; k < a.GetLength(1); k++)
                        {
                            {|NF1001:sums[r] += a[r, k]|};
                        }
                    }
                }
            }
            """);

        [Fact]
        public Task MatrixMultiplyInnerLoop() => Verify.AnalyzerAsync("""
            using System;
            class C
            {
                static void MatMul(NumForge.BFloat16[,] a, NumForge.BFloat16[,] b, NumForge.BFloat16[,] c, int n)
                {
                    for (int i = 0; i < n; i++)
                        for (int j = 0; j < n; j++)
                            for (int k = 0; k < n; k++)
                                {|NF1001:c[i, j] += a[i, k] * b[k, j]|};
                }
            }
            """);

        [Fact]
        public Task IntoSpanElement() => Verify.AnalyzerAsync("""
            using System;
            class C
            {
                static void Total(ReadOnlySpan<Half> x, Span<Half> result)
                {
                    for (int i = 0; i < x.Length; i++)
                    {
                        {|NF1001:result[0] += x[i]|};
                    }
                }
            }
            """);

        [Fact]
        public Task NumForgeFormatFromSource() => Verify.AnalyzerAsync("""
            using NumForge;
            class C
            {
                static Float8E4M3FN Sum(Float8E4M3FN[] x)
                {
                    Float8E4M3FN sum = Float8E4M3FN.Zero;
                    foreach (var v in x)
                    {
                        {|NF1001:sum += v|};
                    }
                    return sum;
                }
            }
            """);

        [Fact]
        public Task PositAndIntegerFormats() => Verify.AnalyzerAsync("""
            using NumForge;
            class C
            {
                static void Sum(Posit16[] p, Int4[] q)
                {
                    Posit16 ps = default;
                    Int4 qs = default;
                    for (int i = 0; i < p.Length; i++)
                    {
                        {|NF1001:ps += p[i]|};
                        {|NF1001:qs += q[i]|};
                    }
                }
            }
            """);

        [Fact]
        public Task LinqAggregateLambdas() => Verify.AnalyzerAsync("""
            using System;
            using System.Linq;
            class C
            {
                static Half Sum(Half[] x) => x.Aggregate((a, b) => {|NF1001:a + b|});
                static Half SumWithSeed(Half[] x, Half w) => x.Aggregate(Half.Zero, (acc, v) => {|NF1001:acc + v * w|});
                static Half BlockBody(Half[] x) => x.Aggregate(Half.Zero, (acc, v) => { return {|NF1001:acc - v|}; });
            }
            """);

        [Fact]
        public Task LoopCounterSteppedByFraction() => Verify.AnalyzerAsync("""
            using System;
            class C
            {
                static int Count(Half step)
                {
                    int n = 0;
                    for (Half t = (Half)0f; t < (Half)1f; {|NF1001:t += step|})
                    {
                        n++;
                    }
                    return n;
                }
            }
            """);

        [Fact]
        public Task LoopCounterMessage() => Verify.AnalyzerAsync("""
            using System;
            class C
            {
                static void Run(Half step)
                {
                    for (Half t = default; t < Half.One; t += step)
                    {
                    }
                }
            }
            """,
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult(Descriptors.NF1001)
                .WithSpan(6, 46, 6, 55)
                .WithArguments("The loop counter 't' is stepped", "Half"));

        [Fact]
        public Task LoopCountersCanBeTurnedOff() => Verify.AnalyzerAsync("""
            using System;
            class C
            {
                static void Run(Half step)
                {
                    for (Half t = default; t < Half.One; t += step)
                    {
                    }
                }
            }
            """,
            "numforge.nf1001.include_loop_counters = false");

        [Fact]
        public Task CapturedAccumulatorInLambdaOnlyWithOption() => Verify.AnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            class C
            {
                static Half Sum(List<Half> x)
                {
                    Half sum = default;
                    x.ForEach(v => {|NF1001:sum += v|});
                    return sum;
                }
            }
            """,
            "numforge.nf1001.include_lambdas = true");

        [Fact]
        public Task CapturedAccumulatorInLambdaNotFlaggedByDefault() => Verify.AnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            class C
            {
                static Half Sum(List<Half> x)
                {
                    Half sum = default;
                    x.ForEach(v => sum += v);
                    return sum;
                }
            }
            """);

        [Fact]
        public Task TypeAddedByOption() => Verify.AnalyzerAsync("""
            class C
            {
                static My.Fp8 Sum(My.Fp8[] x)
                {
                    My.Fp8 sum = default;
                    foreach (var v in x)
                    {
                        {|NF1001:sum += v|};
                    }
                    return sum;
                }
            }
            """,
            "numforge.low_precision_types = T:My.Fp8|T:Other.Type");

        [Fact]
        public Task TypeRemovedByOption() => Verify.AnalyzerAsync("""
            using System;
            class C
            {
                static Half Sum(Half[] x)
                {
                    Half sum = default;
                    foreach (var v in x)
                    {
                        sum += v;
                    }
                    return sum;
                }
            }
            """,
            "numforge.not_low_precision_types = T:System.Half");

        // ----- not flagged -----

        [Fact]
        public Task ElementWiseMapIsNotFlagged() => Verify.AnalyzerAsync("""
            using System;
            class C
            {
                static void Add(Half[] a, Half[] b, Half[] c, Half[,] m)
                {
                    for (int i = 0; i < a.Length; i++)
                    {
                        c[i] = a[i] + b[i];
                        c[i] += a[i];
                        c[i] = c[i] + b[i];
                        for (int j = 0; j < a.Length; j++)
                        {
                            m[i, j] += a[j];
                        }
                    }

                    int k = 0;
                    while (k < a.Length)
                    {
                        c[k] += b[k];
                        k++;
                    }

                    foreach (int n in new[] { 0, 1 })
                    {
                        c[n] += a[n];
                    }
                }
            }
            """);

        [Fact]
        public Task MaxAndMinReductionsAreNotFlagged() => Verify.AnalyzerAsync("""
            using System;
            class C
            {
                static Half Max(Half[] x)
                {
                    Half max = Half.NegativeInfinity;
                    Half min = Half.PositiveInfinity;
                    for (int i = 0; i < x.Length; i++)
                    {
                        max = Half.Max(max, x[i]);
                        if (x[i] < min) min = x[i];
                    }
                    return max - min;
                }
            }
            """);

        [Fact]
        public Task FloatOrDoubleAccumulatorIsNotFlagged() => Verify.AnalyzerAsync("""
            using System;
            class C
            {
                static float Sum(Half[] x, Half[] y)
                {
                    float sum = 0f;
                    double total = 0;
                    for (int i = 0; i < x.Length; i++)
                    {
                        sum += (float)x[i] * (float)y[i];
                        total = total + (double)x[i];
                    }
                    return sum + (float)total;
                }
            }
            """);

        [Fact]
        public Task WideFormatAccumulatorIsNotFlagged() => Verify.AnalyzerAsync("""
            using NumForge;
            class C
            {
                static MyFloat32 Sum(MyFloat32[] x, Posit32[] p)
                {
                    MyFloat32 sum = default;
                    Posit32 ps = default;
                    for (int i = 0; i < x.Length; i++)
                    {
                        sum += x[i];
                        ps += p[i];
                    }
                    return sum;
                }
            }
            """);

        [Fact]
        public Task SingleAdditionOutsideALoopIsNotFlagged() => Verify.AnalyzerAsync("""
            using System;
            class C
            {
                private Half _h;
                static Half Add(Half a, Half b)
                {
                    Half sum = a;
                    sum += b;
                    sum = sum + b;
                    return sum;
                }
                void Bump(Half b) => _h += b;
            }
            """);

        [Fact]
        public Task LocalDeclaredInsideTheLoopIsNotFlagged() => Verify.AnalyzerAsync("""
            using System;
            class C
            {
                static void Bias(Half[] x, Half b, Half[] y)
                {
                    for (int i = 0; i < x.Length; i++)
                    {
                        Half t = x[i];
                        t += b;
                        y[i] = t;
                    }
                }
            }
            """);

        [Fact]
        public Task MaxAggregateAndIntegerLoopsAreNotFlagged() => Verify.AnalyzerAsync("""
            using System;
            using System.Linq;
            class C
            {
                static Half Max(Half[] x) => x.Aggregate((a, b) => a > b ? a : b);
                static int Count(int[] x)
                {
                    int n = 0;
                    for (int i = 0; i < x.Length; i++) n += x[i];
                    return n;
                }
            }
            """);

        [Fact]
        public Task GenericAccumulatorIsNotFlagged() => Verify.AnalyzerAsync("""
            using System.Collections.Generic;
            using System.Numerics;
            class C
            {
                static T Sum<T>(IEnumerable<T> values) where T : INumber<T>
                {
                    T total = T.Zero;
                    foreach (T value in values) total += value;
                    return total;
                }
            }
            """);
    }
}
