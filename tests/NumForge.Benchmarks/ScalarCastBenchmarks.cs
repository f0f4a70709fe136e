using System;
using System.Collections.Generic;
using BenchmarkDotNet.Attributes;

namespace NumForge.Benchmarks
{
    /// <summary>
    /// Per-element casts (<c>(X)f</c> and <c>(float)x</c>) over 65,536 weight-like floats, reported per element
    /// (OperationsPerInvoke), beside <c>(Half)f</c> and <c>(float)h</c> (issue 12's anchor; its target: at most 2 ns per
    /// element for every float format): the 16-bit formats, FP8 (OCP and FNUZ), FP6, FP4 and the exponent-only E8M0.
    /// Two inputs (<see cref="Data"/>): weights (both signs, some subnormal in FP8) and sparse activations (half of
    /// them zero, at random positions), where a cast that branches on zero or subnormal mispredicts on every other one.
    /// </summary>
    public class ScalarCastBenchmarks
    {
        // 65,536 values: a branch on the data (say, on the sign) mispredicts as it would on a real tensor. Over 4,096 the
        // branch predictor learned the whole sequence of signs, and a cast that costs 5.5 ns per element on a large
        // tensor measured 1.3 ns here.
        private const int N = 1 << 16;
        private readonly float[] floats = new float[N];
        private readonly float[] floatsOut = new float[N];
        private readonly Half[] halves = new Half[N];
        private readonly BFloat16[] bf16 = new BFloat16[N];
        private readonly Binary16[] binary16 = new Binary16[N];
        private readonly Float8E4M3FN[] e4m3 = new Float8E4M3FN[N];
        private readonly Float8E5M2[] e5m2 = new Float8E5M2[N];
        private readonly Float4E2M1FN[] fp4 = new Float4E2M1FN[N];
        private readonly Float6E3M2FN[] e3m2 = new Float6E3M2FN[N];
        private readonly Float6E2M3FN[] e2m3 = new Float6E2M3FN[N];
        private readonly Float8E8M0FNU[] e8m0 = new Float8E8M0FNU[N];
        private readonly Float8E4M3FNUZ[] e4m3fnuz = new Float8E4M3FNUZ[N];
        private readonly Float8E5M2FNUZ[] e5m2fnuz = new Float8E5M2FNUZ[N];

        /// <summary>The input: <c>weights</c> or <c>sparse</c>.</summary>
        [ParamsSource(nameof(DataKinds))]
        public string Data { get; set; } = "weights";

        /// <summary>The <see cref="Data"/> values: both, or those listed in <c>NF_BENCH_CAST_DATA</c> (e.g. <c>sparse</c>).</summary>
        public static IEnumerable<string> DataKinds() =>
            Environment.GetEnvironmentVariable("NF_BENCH_CAST_DATA") is { Length: > 0 } list ? list.Split(',') : new[] { "weights", "sparse" };

        [GlobalSetup]
        public void Setup()
        {
            var random = new Random(1);
            bool sparse = Data switch
            {
                "weights" => false,
                "sparse" => true,
                _ => throw new InvalidOperationException($"NF_BENCH_CAST_DATA: unknown input '{Data}' (weights, sparse)."),
            };
            for (int i = 0; i < N; i++)
            {
                // Weight-like values: mostly small, some subnormal in FP8, a few large; sparse: half of them zero.
                floats[i] = sparse && random.Next(2) == 0 ? 0f : (float)((random.NextDouble() * 2 - 1) * Math.Pow(2, random.Next(-12, 6)));
                halves[i] = (Half)floats[i];
                bf16[i] = (BFloat16)floats[i];
                binary16[i] = (Binary16)floats[i];
                e4m3[i] = (Float8E4M3FN)floats[i];
                e5m2[i] = (Float8E5M2)floats[i];
                fp4[i] = (Float4E2M1FN)floats[i];
                e3m2[i] = (Float6E3M2FN)floats[i];
                e2m3[i] = (Float6E2M3FN)floats[i];
                e8m0[i] = (Float8E8M0FNU)floats[i];
                e4m3fnuz[i] = (Float8E4M3FNUZ)floats[i];
                e5m2fnuz[i] = (Float8E5M2FNUZ)floats[i];
            }
        }

        [Benchmark(Baseline = true, OperationsPerInvoke = N, Description = "(Half)f")]
        public void HalfFrom()
        {
            for (int i = 0; i < N; i++)
            {
                halves[i] = (Half)floats[i];
            }
        }

        [Benchmark(OperationsPerInvoke = N, Description = "(BFloat16)f")]
        public void BFloat16From()
        {
            for (int i = 0; i < N; i++)
            {
                bf16[i] = (BFloat16)floats[i];
            }
        }

        [Benchmark(OperationsPerInvoke = N, Description = "(Binary16)f")]
        public void Binary16From()
        {
            for (int i = 0; i < N; i++)
            {
                binary16[i] = (Binary16)floats[i];
            }
        }

        [Benchmark(OperationsPerInvoke = N, Description = "(Float8E4M3FN)f")]
        public void E4M3From()
        {
            for (int i = 0; i < N; i++)
            {
                e4m3[i] = (Float8E4M3FN)floats[i];
            }
        }

        [Benchmark(OperationsPerInvoke = N, Description = "(Float8E5M2)f")]
        public void E5M2From()
        {
            for (int i = 0; i < N; i++)
            {
                e5m2[i] = (Float8E5M2)floats[i];
            }
        }

        [Benchmark(OperationsPerInvoke = N, Description = "(Float4E2M1FN)f")]
        public void Fp4From()
        {
            for (int i = 0; i < N; i++)
            {
                fp4[i] = (Float4E2M1FN)floats[i];
            }
        }

        [Benchmark(OperationsPerInvoke = N, Description = "(float)h")]
        public void HalfTo()
        {
            for (int i = 0; i < N; i++)
            {
                floatsOut[i] = (float)halves[i];
            }
        }

        [Benchmark(OperationsPerInvoke = N, Description = "(float)BFloat16")]
        public void BFloat16To()
        {
            for (int i = 0; i < N; i++)
            {
                floatsOut[i] = (float)bf16[i];
            }
        }

        [Benchmark(OperationsPerInvoke = N, Description = "(float)Binary16")]
        public void Binary16To()
        {
            for (int i = 0; i < N; i++)
            {
                floatsOut[i] = (float)binary16[i];
            }
        }

        [Benchmark(OperationsPerInvoke = N, Description = "(float)Float8E4M3FN")]
        public void E4M3To()
        {
            for (int i = 0; i < N; i++)
            {
                floatsOut[i] = (float)e4m3[i];
            }
        }

        [Benchmark(OperationsPerInvoke = N, Description = "(float)Float8E5M2")]
        public void E5M2To()
        {
            for (int i = 0; i < N; i++)
            {
                floatsOut[i] = (float)e5m2[i];
            }
        }

        [Benchmark(OperationsPerInvoke = N, Description = "(float)Float4E2M1FN")]
        public void Fp4To()
        {
            for (int i = 0; i < N; i++)
            {
                floatsOut[i] = (float)fp4[i];
            }
        }

        [Benchmark(OperationsPerInvoke = N, Description = "(Float6E3M2FN)f")]
        public void Fp6E3M2From()
        {
            for (int i = 0; i < N; i++)
            {
                e3m2[i] = (Float6E3M2FN)floats[i];
            }
        }

        [Benchmark(OperationsPerInvoke = N, Description = "(float)Float6E3M2FN")]
        public void Fp6E3M2To()
        {
            for (int i = 0; i < N; i++)
            {
                floatsOut[i] = (float)e3m2[i];
            }
        }

        [Benchmark(OperationsPerInvoke = N, Description = "(Float6E2M3FN)f")]
        public void Fp6E2M3From()
        {
            for (int i = 0; i < N; i++)
            {
                e2m3[i] = (Float6E2M3FN)floats[i];
            }
        }

        [Benchmark(OperationsPerInvoke = N, Description = "(float)Float6E2M3FN")]
        public void Fp6E2M3To()
        {
            for (int i = 0; i < N; i++)
            {
                floatsOut[i] = (float)e2m3[i];
            }
        }

        [Benchmark(OperationsPerInvoke = N, Description = "(Float8E8M0FNU)f")]
        public void E8M0From()
        {
            for (int i = 0; i < N; i++)
            {
                e8m0[i] = (Float8E8M0FNU)floats[i];
            }
        }

        [Benchmark(OperationsPerInvoke = N, Description = "(float)Float8E8M0FNU")]
        public void E8M0To()
        {
            for (int i = 0; i < N; i++)
            {
                floatsOut[i] = (float)e8m0[i];
            }
        }

        [Benchmark(OperationsPerInvoke = N, Description = "(Float8E4M3FNUZ)f")]
        public void E4M3FnuzFrom()
        {
            for (int i = 0; i < N; i++)
            {
                e4m3fnuz[i] = (Float8E4M3FNUZ)floats[i];
            }
        }

        [Benchmark(OperationsPerInvoke = N, Description = "(float)Float8E4M3FNUZ")]
        public void E4M3FnuzTo()
        {
            for (int i = 0; i < N; i++)
            {
                floatsOut[i] = (float)e4m3fnuz[i];
            }
        }

        [Benchmark(OperationsPerInvoke = N, Description = "(Float8E5M2FNUZ)f")]
        public void E5M2FnuzFrom()
        {
            for (int i = 0; i < N; i++)
            {
                e5m2fnuz[i] = (Float8E5M2FNUZ)floats[i];
            }
        }

        [Benchmark(OperationsPerInvoke = N, Description = "(float)Float8E5M2FNUZ")]
        public void E5M2FnuzTo()
        {
            for (int i = 0; i < N; i++)
            {
                floatsOut[i] = (float)e5m2fnuz[i];
            }
        }
    }
}
