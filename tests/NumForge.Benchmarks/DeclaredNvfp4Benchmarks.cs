using System;
using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;

namespace NumForge.Benchmarks
{
    /// <summary>
    /// NVFP4 declared with [BlockFormat(..., PerTensorScale = true)] beside QuantScheme.NVFP4 (the same bytes), on
    /// DeclaredBlockBenchmarks' 4096 x 4096 Gaussian matrix, single-threaded: quantize (64 MiB of float32 input, the
    /// tensor scale included), dequantize, and MatVec (the declared block: the fused BlockCodec.Dot row kernel, times the
    /// tensor scale once per row; the scheme: its own NVFP4 kernel) beside float32 GEMV. Run:
    /// <c>dotnet run -c Release --project tests/NumForge.Benchmarks -- --filter '*DeclaredNvfp4Benchmarks*'</c>.
    /// </summary>
    public class DeclaredNvfp4Benchmarks
    {
        private const int Rows = 4096;
        private const int Columns = 4096;

        private float[] weights = Array.Empty<float>();
        private float[] output = Array.Empty<float>();
        private float[] x = Array.Empty<float>();
        private float[] y = Array.Empty<float>();
        private QuantizedMatrix<DeclaredNvfp4> declared = null!;
        private QuantizedMatrix scheme = null!;

        [GlobalSetup]
        public void Setup()
        {
            var random = new Random(1);
            weights = new float[Rows * Columns];
            for (int i = 0; i < weights.Length; i++)
            {
                weights[i] = (float)(0.02 * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
            }

            output = new float[weights.Length];
            x = new float[Columns];
            for (int i = 0; i < Columns; i++)
            {
                x[i] = (float)(random.NextDouble() - 0.5);
            }

            y = new float[Rows];
            declared = QuantizedMatrix<DeclaredNvfp4>.Quantize(weights, Rows, Columns);
            scheme = QuantizedMatrix.Quantize(weights, Rows, Columns, QuantScheme.NVFP4);
        }

        [Benchmark(Baseline = true)]
        public float Float32Gemv()
        {
            for (int r = 0; r < Rows; r++)
            {
                y[r] = TensorPrimitives.Dot(weights.AsSpan(r * Columns, Columns), x);
            }

            return y[0];
        }

        [Benchmark]
        public QuantizedMatrix<DeclaredNvfp4> QuantizeDeclaredNvfp4() => QuantizedMatrix<DeclaredNvfp4>.Quantize(weights, Rows, Columns);

        [Benchmark]
        public QuantizedMatrix QuantizeSchemeNvfp4() => QuantizedMatrix.Quantize(weights, Rows, Columns, QuantScheme.NVFP4, new QuantizeOptions { SingleThreaded = true });

        [Benchmark]
        public void DequantizeDeclaredNvfp4() => declared.Dequantize(output);

        [Benchmark]
        public void DequantizeSchemeNvfp4() => scheme.Dequantize(output);

        [Benchmark]
        public void MatVecDeclaredNvfp4() => declared.MatVec(x, y, MatVecActivation.Float, 1);

        [Benchmark]
        public void MatVecSchemeNvfp4() => scheme.MatVec(x, y, new MatVecOptions { SingleThreaded = true });
    }
}
