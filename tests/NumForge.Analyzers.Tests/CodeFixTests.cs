using System.Threading.Tasks;
using Xunit;

namespace NumForge.Analyzers.Tests
{
    /// <summary>Code fixes: NF1001 "Accumulate in float" and NF1002 "Compute in float", before and after.</summary>
    public class CodeFixTests
    {
        [Fact]
        public Task AccumulateInFloat_LocalSumConvertedBackWhereItLeaves() => Verify.CodeFixAsync("""
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
            """, """
            using System;
            class C
            {
                static Half Sum(Half[] x)
                {
                    float sum = 0f;
                    for (int i = 0; i < x.Length; i++)
                    {
                        sum += (float)x[i];
                    }
                    return (Half)sum;
                }
            }
            """);

        [Fact]
        public Task AccumulateInFloat_ProductsInFloat() => Verify.CodeFixAsync("""
            using System;
            class C
            {
                static Half Dot(Half[] x, Half[] y, Half scale)
                {
                    var acc = Half.Zero;
                    for (int i = 0; i < x.Length; i++)
                    {
                        {|NF1001:acc = acc + x[i] * y[i]|};
                    }
                    Half result = acc * scale;
                    return result;
                }
            }
            """, """
            using System;
            class C
            {
                static Half Dot(Half[] x, Half[] y, Half scale)
                {
                    float acc = 0f;
                    for (int i = 0; i < x.Length; i++)
                    {
                        acc = acc + (float)x[i] * (float)y[i];
                    }
                    Half result = (Half)acc * scale;
                    return result;
                }
            }
            """);

        [Fact]
        public Task AccumulateInFloat_NumForgeTypeAndFloatComputedValue() => Verify.CodeFixAsync("""
            using NumForge;
            class C
            {
                static float Mean(float[] x)
                {
                    BFloat16 total = default;
                    foreach (float v in x)
                    {
                        {|NF1001:total = (BFloat16)((float)total + v)|};
                    }
                    return (float)total / x.Length;
                }
            }
            """, """
            using NumForge;
            class C
            {
                static float Mean(float[] x)
                {
                    float total = 0f;
                    foreach (float v in x)
                    {
                        total = total + v;
                    }
                    return total / x.Length;
                }
            }
            """);

        [Fact]
        public Task AccumulateInFloat_SubtractionAndTwoSites() => Verify.CodeFixAsync("""
            using System;
            class C
            {
                static Half Net(Half[] gains, Half[] losses)
                {
                    Half net = (Half)1.5f;
                    for (int i = 0; i < gains.Length; i++)
                    {
                        {|NF1001:net += gains[i]|};
                        {|NF1001:net -= losses[i] - gains[i]|};
                    }
                    Console.WriteLine(net);
                    return net;
                }
            }
            """, """
            using System;
            class C
            {
                static Half Net(Half[] gains, Half[] losses)
                {
                    float net = 1.5f;
                    for (int i = 0; i < gains.Length; i++)
                    {
                        net += (float)gains[i];
                        net -= (float)(losses[i] - gains[i]);
                    }
                    Console.WriteLine((Half)net);
                    return (Half)net;
                }
            }
            """);

        [Fact]
        public Task AccumulateInFloat_LoopCounter() => Verify.CodeFixAsync("""
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
            """, """
            using System;
            class C
            {
                static int Count(Half step)
                {
                    int n = 0;
                    for (float t = 0f; (Half)t < (Half)1f; t += (float)step)
                    {
                        n++;
                    }
                    return n;
                }
            }
            """);

        [Fact]
        public Task AccumulateInFloat_NotOfferedWhenPassedByReference() => Verify.NoCodeFixAsync("""
            using System;
            class C
            {
                static void Touch(ref Half h) { }
                static Half Sum(Half[] x)
                {
                    Half sum = default;
                    foreach (var v in x)
                    {
                        {|NF1001:sum += v|};
                    }
                    Touch(ref sum);
                    return sum;
                }
            }
            """);

        [Fact]
        public Task ComputeInFloat_ExpConvertedToFloat() => Verify.CodeFixAsync("""
            using System;
            class C
            {
                static float Denominator(Half[] x, Half max)
                {
                    float sum = 0f;
                    for (int i = 0; i < x.Length; i++)
                    {
                        sum += (float){|NF1002:Half.Exp(x[i] - max)|};
                    }
                    return sum;
                }
            }
            """, """
            using System;
            class C
            {
                static float Denominator(Half[] x, Half max)
                {
                    float sum = 0f;
                    for (int i = 0; i < x.Length; i++)
                    {
                        sum += float.Exp((float)(x[i] - max));
                    }
                    return sum;
                }
            }
            """);

        [Fact]
        public Task ComputeInFloat_PowWithTwoArguments() => Verify.CodeFixAsync("""
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
                    return sum;
                }
            }
            """, """
            using NumForge;
            class C
            {
                static double Variance(Float8E5M2[] x, Float8E5M2 mean, Float8E5M2 two)
                {
                    double sum = 0;
                    for (int i = 0; i < x.Length; i++)
                    {
                        sum = sum + float.Pow((float)(x[i] - mean), (float)two);
                    }
                    return sum;
                }
            }
            """);

        [Fact]
        public Task BothFixesInTurn_LogSumExp() => Verify.CodeFixAsync("""
            using System;
            class C
            {
                static Half LogSumExp(Half[] x)
                {
                    Half sum = default;
                    foreach (var v in x)
                    {
                        {|NF1001:sum += {|NF1002:Half.Exp(v)|}|};
                    }
                    return {|NF1002:Half.Log(sum)|};
                }
            }
            """, """
            using System;
            class C
            {
                static Half LogSumExp(Half[] x)
                {
                    float sum = 0f;
                    foreach (var v in x)
                    {
                        sum += float.Exp((float)v);
                    }
                    return Half.Log((Half)sum);
                }
            }
            """, iterations: 2);
    }
}
