using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace NumForge.Analyzers.Tests
{
    /// <summary>NF1001 beyond one location per loop: scatter and histogram sums, elements a nested loop revisits, ++/-- counters, running products.</summary>
    public class NF1001FlowTests
    {
        [Fact]
        public Task ScatterAndHistogramSums() => Verify.AnalyzerAsync("""
            using System;
            class C
            {
                static void Histogram(Half[] x, int[] bin, Half[] w, Half[] sums, Half[] hist, Span<Half> s)
                {
                    for (int i = 0; i < x.Length; i++)
                    {
                        {|NF1001:sums[bin[i]] += w[i]|};
                        {|NF1001:hist[(int)((float)x[i] * 10f)] += Half.One|};
                        int b = bin[i];
                        {|NF1001:sums[b] = sums[b] + w[i]|};
                        {|NF1001:s[i % 4] += x[i]|};
                    }
                    foreach (Half v in x)
                    {
                        {|NF1001:hist[(int)v] += v|};
                    }
                }
            }
            """);

        [Fact]
        public Task ScatterMessage() => Verify.AnalyzerAsync("""
            using System;
            class C
            {
                static void Scatter(int[] bin, Half[] w, Half[] sums)
                {
                    for (int i = 0; i < w.Length; i++) sums[bin[i]] += w[i];
                }
            }
            """,
            new DiagnosticResult(Descriptors.NF1001).WithSpan(6, 44, 6, 64).WithArguments("'sums[bin[i]]' accumulates values scattered by a data-dependent index (a histogram or scatter sum)", "Half"));

        [Fact]
        public Task ElementsRevisitedByANestedLoop() => Verify.AnalyzerAsync("""
            using System;
            using NumForge;
            class C
            {
                static void MatMulIkj(BFloat16[,] a, BFloat16[,] b, BFloat16[,] c, int n)
                {
                    for (int i = 0; i < n; i++)
                        for (int k = 0; k < n; k++)
                            for (int j = 0; j < n; j++)
                                {|NF1001:c[i, j] += a[i, k] * b[k, j]|};
                }

                static void Train(Half[] w, Half[] g, Half lr, int epochs)
                {
                    for (int epoch = 0; epoch < epochs; epoch++)
                    {
                        for (int i = 0; i < w.Length; i++)
                        {
                            {|NF1001:w[i] -= lr * g[i]|};
                        }
                    }
                }
            }
            """);

        [Fact]
        public Task UnboundedAndLargeCounters() => Verify.AnalyzerAsync("""
            using System;
            using NumForge;
            class C
            {
                static void Count(Half[] x, Int4[] q)
                {
                    Half positives = default;
                    foreach (Half v in x)
                    {
                        if (v > Half.Zero) {|NF1001:positives++|};
                    }
                    for (Half t = default; t < (Half)4096f; {|NF1001:t++|}) { }
                    for (Half t = (Half)3000f; t > Half.Zero; {|NF1001:t--|}) { }
                    Half n = default;
                    for (int i = 0; i < 3000; i++) {|NF1001:n++|};
                    Half m = default;
                    for (int i = 0; i < 100; i++)
                        for (int j = 0; j < 100; j++)
                            {|NF1001:m++|};
                    Float8E4M3FN small = default;
                    for (int i = 0; i < 20; i++) {|NF1001:small++|};
                    Int4 c = default;
                    for (int i = 0; i < 10; i++) {|NF1001:c++|};
                }
            }
            """);

        [Fact]
        public Task CounterMessage() => Verify.AnalyzerAsync("""
            using System;
            class C
            {
                static Half Count(Half[] x)
                {
                    Half n = default;
                    foreach (Half v in x) n++;
                    return n;
                }
            }
            """,
            new DiagnosticResult(Descriptors.NF1001).WithSpan(7, 31, 7, 34).WithArguments("The counter 'n' is stepped with ++ with no constant bound within 2048, the last count Half holds exactly,", "Half"));

        [Fact]
        public Task RunningProducts() => Verify.AnalyzerAsync("""
            using System;
            using NumForge;
            class C
            {
                static Half Product(Half[] x, BFloat16[] y, BFloat16 gamma)
                {
                    Half p = Half.One;
                    BFloat16 discount = BFloat16.One;
                    for (int i = 0; i < x.Length; i++)
                    {
                        {|NF1001:p *= x[i]|};
                        {|NF1001:discount = discount * gamma|};
                    }
                    return p;
                }
            }
            """);

        [Fact]
        public Task ProductMessage() => Verify.AnalyzerAsync("""
            using System;
            class C
            {
                static Half Product(Half[] x)
                {
                    Half p = Half.One;
                    foreach (Half v in x) p *= v;
                    return p;
                }
            }
            """,
            new DiagnosticResult(Descriptors.NF1001).WithSpan(7, 31, 7, 37).WithArguments("The running product 'p' is multiplied on every iteration, which underflows or overflows,", "Half"));

        [Fact]
        public Task HistogramCountsOverDataIndices() => Verify.AnalyzerAsync("""
            using System;
            using System.Linq;
            class C
            {
                static void Valence(int[] indices, Half[] valence, Half[] c, Half[] a)
                {
                    foreach (int index in indices)
                    {
                        {|NF1001:valence[index]++|};
                        {|NF1001:c[index] += a[0]|};
                    }
                    foreach (int n in Enumerable.Range(0, c.Length))
                    {
                        c[n] += a[n];
                    }
                }
            }
            """);

        [Fact]
        public Task UnitStepAccumulationIsACounter() => Verify.AnalyzerAsync("""
            using System;
            using NumForge;
            class C
            {
                static void Count(UInt2[] frame, Half[] x)
                {
                    UInt2 small = default;
                    for (int i = 0; i < 3; i++)
                    {
                        small = small + UInt2.CreateChecked(1);
                    }
                    Half n = default;
                    for (int i = 0; i < 1000; i++)
                    {
                        n += Half.One;
                    }
                    Half m = default;
                    foreach (Half v in x)
                    {
                        {|NF1001:m += Half.One|};
                    }
                }
            }
            """);

        [Fact]
        public Task ProductComputedInFloatIsStateNotAProduct() => Verify.AnalyzerAsync("""
            using System;
            class C
            {
                static void Damp(Half[] v, float damping, int steps)
                {
                    for (int s = 0; s < steps; s++)
                    {
                        for (int i = 0; i < v.Length; i++)
                        {
                            {|NF1003:v[i] = (Half)((float)v[i] * damping)|};
                        }
                    }
                }
            }
            """);

        // ----- not flagged -----

        [Fact]
        public Task NotFlagged_CountersBoundedWithinTheExactRange() => Verify.AnalyzerAsync("""
            using System;
            using NumForge;
            class C
            {
                static void Count(Int4[] q)
                {
                    for (Half t = default; t < (Half)100f; t++) { }
                    for (Half t = default; (float)t <= 2047f; t++) { }
                    for (Half t = default; t < (Half)2048f; t++) { }
                    Half n = default;
                    for (int i = 0; i < 2048; i++) n++;
                    Half m = default;
                    for (int i = 0; i < 40; i++)
                        for (int j = 1; j <= 50; j++)
                            m++;
                    Float8E4M3FN small = default;
                    for (int i = 0; i < 16; i++) small++;
                    Int4 c = default;
                    for (int i = 0; i < 7; i++) c++;
                    int k = 0;
                    foreach (Int4 v in q) k++;
                }
            }
            """);

        [Fact]
        public Task NotFlagged_ElementWiseScatterFreeAndFloatSums() => Verify.AnalyzerAsync("""
            using System;
            class C
            {
                static void Run(Half[] a, Half[] c, int[] bin, float[] fsums, Half s)
                {
                    for (int i = 0; i < a.Length - 1; i++)
                    {
                        c[i + 1] += a[i];
                        c[2 * i] += a[i];
                        fsums[bin[i]] += (float)a[i];
                        c[i] *= s;
                        c[i] = c[i] * s;
                    }
                    for (int pass = 0; pass < 3; pass++)
                    {
                        for (int i = 0; i < a.Length; i++)
                        {
                            c[pass * a.Length + i] += a[i];
                        }
                    }
                    float product = 1f;
                    foreach (Half v in a) product *= (float)v;
                }
            }
            """);
    }
}
