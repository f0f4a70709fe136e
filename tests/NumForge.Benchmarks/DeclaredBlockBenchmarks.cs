using System;
using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;

namespace NumForge.Benchmarks
{
    /// <summary>
    /// [BlockFormat] blocks (generated, over BlockCodec) beside the QuantScheme they equal, on a 4096 x 4096 Gaussian
    /// matrix (QuantBenchmarks' size), single-threaded: quantize (64 MiB of float32 input), dequantize, and MatVec
    /// (declared blocks run QuantizedMatrix&lt;TBlock&gt;'s float path, the fused BlockCodec.Dot row kernel) beside
    /// float32 GEMV (TensorPrimitives.Dot per row, the baseline) and the schemes' own kernels. Run:
    /// <c>dotnet run -c Release --project tests/NumForge.Benchmarks -- --filter '*DeclaredBlockBenchmarks*'</c>.
    /// </summary>
    public class DeclaredBlockBenchmarks
    {
        private const int Rows = 4096;
        private const int Columns = 4096;

        private float[] weights = Array.Empty<float>();
        private float[] output = Array.Empty<float>();
        private float[] x = Array.Empty<float>();
        private float[] y = Array.Empty<float>();
        private DeclaredW4G128[] w4Blocks = Array.Empty<DeclaredW4G128>();
        private DeclaredMxfp4[] mxBlocks = Array.Empty<DeclaredMxfp4>();
        private QuantizedMatrix<DeclaredW4G128> w4Matrix = null!;
        private QuantizedMatrix<DeclaredMxfp4> mxMatrix = null!;
        private QuantizedMatrix<DeclaredMxInt8> mxInt8Matrix = null!;
        private QuantizedMatrix mxInt8Scheme = null!;
        private QuantizedMatrix w4Scheme = null!;
        private QuantizedMatrix mxScheme = null!;

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
            w4Blocks = new DeclaredW4G128[weights.Length / 128];
            mxBlocks = new DeclaredMxfp4[weights.Length / 32];
            w4Matrix = QuantizedMatrix<DeclaredW4G128>.Quantize(weights, Rows, Columns);
            mxMatrix = QuantizedMatrix<DeclaredMxfp4>.Quantize(weights, Rows, Columns);
            w4Scheme = QuantizedMatrix.Quantize(weights, Rows, Columns, QuantScheme.Parse("W4G128"));
            mxScheme = QuantizedMatrix.Quantize(weights, Rows, Columns, QuantScheme.Parse("MXFP4"));
            mxInt8Matrix = QuantizedMatrix<DeclaredMxInt8>.Quantize(weights, Rows, Columns);
            mxInt8Scheme = QuantizedMatrix.Quantize(weights, Rows, Columns, QuantScheme.Parse("MXINT8"));
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
        public void QuantizeDeclaredW4G128() => DeclaredW4G128.Quantize(weights, w4Blocks);

        [Benchmark]
        public QuantizedMatrix QuantizeSchemeW4G128() => QuantizedMatrix.Quantize(weights, Rows, Columns, QuantScheme.Parse("W4G128"), new QuantizeOptions { SingleThreaded = true });

        [Benchmark]
        public void QuantizeDeclaredMxfp4() => DeclaredMxfp4.Quantize(weights, mxBlocks);

        [Benchmark]
        public QuantizedMatrix QuantizeSchemeMxfp4() => QuantizedMatrix.Quantize(weights, Rows, Columns, QuantScheme.Parse("MXFP4"), new QuantizeOptions { SingleThreaded = true });

        [Benchmark]
        public void DequantizeDeclaredW4G128() => w4Matrix.Dequantize(output);

        [Benchmark]
        public void DequantizeSchemeW4G128() => w4Scheme.Dequantize(output);

        [Benchmark]
        public void DequantizeDeclaredMxfp4() => mxMatrix.Dequantize(output);

        [Benchmark]
        public void MatVecDeclaredW4G128() => w4Matrix.MatVec(x, y, MatVecActivation.Float, 1);

        [Benchmark]
        public void MatVecSchemeW4G128() => w4Scheme.MatVec(x, y, new MatVecOptions { SingleThreaded = true });

        [Benchmark]
        public void MatVecDeclaredMxfp4() => mxMatrix.MatVec(x, y, MatVecActivation.Float, 1);

        [Benchmark]
        public void MatVecSchemeMxfp4() => mxScheme.MatVec(x, y, new MatVecOptions { SingleThreaded = true });

        [Benchmark]
        public void MatVecDeclaredMxInt8() => mxInt8Matrix.MatVec(x, y, MatVecActivation.Float, 1);

        [Benchmark]
        public void MatVecSchemeMxInt8() => mxInt8Scheme.MatVec(x, y, new MatVecOptions { SingleThreaded = true });
    }
}
