using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace NumForge.Analyzers.Tests
{
    /// <summary>NF1006 (suggestion): low-precision arithmetic in a loop on the CPU.</summary>
    public class NF1006Tests
    {
        [Fact]
        public Task ElementWiseMapAndMathCalls() => Verify.AnalyzerWithNF1006Async("""
            using System;
            using NumForge;
            class C
            {
                static void Map(Half[] a, Half[] b, Half[] c, BFloat16[] x)
                {
                    {|NF1006:for|} (int i = 0; i < a.Length; i++)
                    {
                        c[i] = a[i] + b[i];
                    }
                    {|NF1006:foreach|} (BFloat16 v in x)
                    {
                        BFloat16 e = BFloat16.Exp(v);
                    }
                    int k = 0;
                    {|NF1006:while|} (k < a.Length)
                    {
                        c[k] *= b[k];
                        k++;
                    }
                }
            }
            """);

        [Fact]
        public Task Message() => Verify.AnalyzerWithNF1006Async("""
            using System;
            class C
            {
                static void Scale(Half[] a, Half s)
                {
                    for (int i = 0; i < a.Length; i++) a[i] = a[i] * s;
                }
            }
            """,
            new DiagnosticResult(Descriptors.NF1006).WithSpan(6, 9, 6, 12).WithArguments("Half", "a[i] * s"));

        [Fact]
        public Task OnlyTheLoopThatComputesIsReported() => Verify.AnalyzerWithNF1006Async("""
            using System;
            class C
            {
                static void Scale(Half[,] m, Half s)
                {
                    for (int r = 0; r < m.GetLength(0); r++)
                    {
                        {|NF1006:for|} (int c = 0; c < m.GetLength(1); c++)
                        {
                            m[r, c] = m[r, c] - s;
                        }
                    }
                }
            }
            """);

        [Fact]
        public Task NotReported_MovesConversionsFloatAndIntegerFormats() => Verify.AnalyzerWithNF1006Async("""
            using System;
            using NumForge;
            class C
            {
                static void Run(Half[] a, Half[] b, float[] f, Int4[] q)
                {
                    for (int i = 0; i < a.Length; i++)
                    {
                        b[i] = a[i];
                        f[i] = (float)a[i];
                        a[i] = (Half)(f[i] * 2f + 1f);
                        if (a[i] > b[i]) b[i] = a[i];
                        b[i] = Half.Max(a[i], b[i]);
                    }
                    foreach (Int4 v in q)
                    {
                        Int4 square = v * v;
                    }
                    Half once = a[0] + b[0];
                }
            }
            """);
    }
}
