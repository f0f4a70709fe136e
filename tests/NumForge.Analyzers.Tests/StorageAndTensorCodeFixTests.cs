using System.Threading.Tasks;
using Xunit;

namespace NumForge.Analyzers.Tests
{
    /// <summary>"Accumulate in float" for fields and elements, and "Compute in float" for TensorPrimitives over Half spans.</summary>
    public class StorageAndTensorCodeFixTests
    {
        [Fact]
        public Task AccumulateInFloat_FieldAndElement() => Verify.CodeFixAsync("""
            using System;
            class C
            {
                private Half _total;
                void Add(Half[] x, Half[] sums)
                {
                    for (int i = 0; i < x.Length; i++)
                    {
                        {|NF1001:_total += x[i]|};
                    }
                    for (int i = 0; i < x.Length; i++)
                    {
                        {|NF1001:sums[0] = sums[0] + {|NF1002:x[i] * x[i]|}|};
                    }
                }
            }
            """, """
            using System;
            class C
            {
                private Half _total;
                void Add(Half[] x, Half[] sums)
                {
                    float totalInFloat = (float)_total;
                    for (int i = 0; i < x.Length; i++)
                    {
                        totalInFloat += (float)x[i];
                    }
                    _total = (Half)totalInFloat;
                    float sumsInFloat = (float)sums[0];
                    for (int i = 0; i < x.Length; i++)
                    {
                        sumsInFloat = sumsInFloat + (float)x[i] * (float)x[i];
                    }
                    sums[0] = (Half)sumsInFloat;
                }
            }
            """);

        [Fact]
        public Task AccumulateInFloat_RowSumsInAnEmbeddedLoop() => Verify.CodeFixAsync("""
            using System;
            class C
            {
                static void RowSums(Half[,] a, Half[] sums)
                {
                    for (int r = 0; r < a.GetLength(0); r++)
                        for (int k = 0; k < a.GetLength(1); k++)
                            {|NF1001:sums[r] += a[r, k]|};
                }
            }
            """, """
            using System;
            class C
            {
                static void RowSums(Half[,] a, Half[] sums)
                {
                    for (int r = 0; r < a.GetLength(0); r++)
                    {
                        float sumsInFloat = (float)sums[r];
                        for (int k = 0; k < a.GetLength(1); k++)
                            sumsInFloat += (float)a[r, k];
                        sums[r] = (Half)sumsInFloat;
                    }
                }
            }
            """);

        [Fact]
        public Task AccumulateInFloat_TwoSitesOneLocationFixedTogether() => Verify.CodeFixAsync("""
            using System;
            class C
            {
                private static Half s_total;
                static void Add(Half[] x, Half[] y)
                {
                    for (int i = 0; i < x.Length; i++)
                    {
                        {|NF1001:s_total += x[i]|};
                        {|NF1001:s_total -= y[i]|};
                    }
                }
            }
            """, """
            using System;
            class C
            {
                private static Half s_total;
                static void Add(Half[] x, Half[] y)
                {
                    float totalInFloat = (float)s_total;
                    for (int i = 0; i < x.Length; i++)
                    {
                        totalInFloat += (float)x[i];
                        totalInFloat -= (float)y[i];
                    }
                    s_total = (Half)totalInFloat;
                }
            }
            """);

        [Fact]
        public Task AccumulateInFloat_NotOfferedWhereUnsafe() => Verify.NoCodeFixAsync("""
            using System;
            class C
            {
                private Half _total;
                private Half _other;
                Half Peek() => _total;
                void Add(Half[] x, Half[] sums, int[] bin)
                {
                    for (int i = 0; i < x.Length; i++)
                    {
                        {|NF1001:_total += x[i]|};
                        if (_total > x[i]) break;
                    }
                    for (int i = 0; i < x.Length; i++)
                    {
                        {|NF1001:_other += x[i]|};
                        Peek();
                    }
                    for (int i = 0; i < x.Length; i++)
                    {
                        {|NF1001:sums[0] += x[i]|};
                        if (x[i] > sums[1]) return;
                    }
                    for (int i = 0; i < x.Length; i++)
                    {
                        {|NF1001:sums[bin[i]] += x[i]|};
                    }
                }
            }
            """);

        [Fact]
        public Task ComputeInFloat_TensorSum() => Verify.CodeFixAsync("""
            using System;
            using System.Numerics.Tensors;
            class C
            {
                static Half Total(Half[] x)
                {
                    Half s = {|NF1002:TensorPrimitives.Sum<Half>(x)|};
                    return s;
                }
            }
            """, """
            using System;
            using System.Numerics.Tensors;
            class C
            {
                static Half Total(Half[] x)
                {
                    float[] xSingle = new float[x.Length];
                    TensorPrimitives.ConvertToSingle(x, xSingle);
                    Half s = (Half)TensorPrimitives.Sum(xSingle);
                    return s;
                }
            }
            """);

        [Fact]
        public Task ComputeInFloat_TensorDotWidenedAndSoftMax() => Verify.CodeFixAsync("""
            using System;
            using System.Numerics.Tensors;
            class C
            {
                static float Run(Half[] x, Half[] y, Half[] probabilities)
                {
                    float d = (float){|NF1002:TensorPrimitives.Dot<Half>(x, y)|};
                    {|NF1002:TensorPrimitives.SoftMax<Half>(x, probabilities)|};
                    return d;
                }
            }
            """, """
            using System;
            using System.Numerics.Tensors;
            class C
            {
                static float Run(Half[] x, Half[] y, Half[] probabilities)
                {
                    float[] xSingle = new float[x.Length];
                    TensorPrimitives.ConvertToSingle(x, xSingle);
                    float[] ySingle = new float[y.Length];
                    TensorPrimitives.ConvertToSingle(y, ySingle);
                    float d = TensorPrimitives.Dot(xSingle, ySingle);
                    float[] xSingle2 = new float[x.Length];
                    TensorPrimitives.ConvertToSingle(x, xSingle2);
                    float[] probabilitiesSingle = new float[probabilities.Length];
                    TensorPrimitives.SoftMax(xSingle2, probabilitiesSingle);
                    TensorPrimitives.ConvertToHalf(probabilitiesSingle, probabilities);
                    return d;
                }
            }
            """, iterations: 2, fixAllIterations: 1);

        [Fact]
        public Task ComputeInFloat_NotOfferedForNumForgeSpansOrExpressionBodies() => Verify.NoCodeFixAsync("""
            using System;
            using System.Numerics.Tensors;
            using NumForge;
            class C
            {
                static Half Run(Half[] x) => {|NF1002:TensorPrimitives.Sum<Half>(x)|};
                static BFloat16 Run(BFloat16[] x)
                {
                    BFloat16 s = {|NF1002:TensorPrimitives.Sum<BFloat16>(x)|};
                    return s;
                }
                static Half Slice(Half[] x)
                {
                    Half s = {|NF1002:TensorPrimitives.Sum<Half>(x.AsSpan(1))|};
                    return s;
                }
            }
            """);
    }
}
