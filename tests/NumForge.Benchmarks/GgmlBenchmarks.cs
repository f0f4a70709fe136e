using System;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;

namespace NumForge.Benchmarks
{
    /// <summary>
    /// y = W x for a 4096 x 4096 matrix, single-threaded: NumForge's int8 MatVec per block type beside ggml's own CPU path
    /// (the activation quantized by ggml's quantize_row_q8_0 / q8_K, then ggml_vec_dot_{type}_q8_{0,K} per row, through
    /// function pointers into LLamaSharp.Backend.Cpu's libggml-cpu.so, the variant this CPU runs) and beside float32
    /// GEMV (TensorPrimitives.Dot per row of the dequantized matrix). Ratios are against ggml's MatVec. The quantizers
    /// are compared in <see cref="GgmlQuantizeBenchmarks"/>.
    /// </summary>
    [MemoryDiagnoser(false)]
    public unsafe class GgmlBenchmarks
    {
        private const int N = 4096;

        private float[] _weights = [];
        private float[] _dense = [];
        private float[] _x = [];
        private float[] _y = new float[N];
        // ggml's operands in 64-byte-aligned native memory, as ggml allocates tensors (and as NumForge stores its blocks).
        private byte* _ggmlWeights;
        private byte* _ggmlActivation;
        private Action _numForgeMatVec = () => { };
        private delegate* unmanaged<float*, byte*, long, void> _quantizeActivation;
        private delegate* unmanaged<int, float*, nuint, byte*, nuint, byte*, nuint, int, void> _vecDot;
        private int _rowBytes;

        /// <summary>The ggml block type.</summary>
        /// <remarks>All five by default; <c>NF_BENCH_GGML_TYPES</c> (comma-separated, e.g. "Q4_0,Q4_K") selects a subset.</remarks>
        [ParamsSource(nameof(Types))]
        public string Type { get; set; } = "Q4_0";

        /// <summary>The <see cref="Type"/> values: Q4_0, Q8_0, Q4_K, Q6_K, MXFP4, or those in <c>NF_BENCH_GGML_TYPES</c>.</summary>
        public static string[] Types =>
            Environment.GetEnvironmentVariable("NF_BENCH_GGML_TYPES") is { Length: > 0 } list
                ? Array.ConvertAll(list.Split(','), t => t.Trim())
                : ["Q4_0", "Q8_0", "Q4_K", "Q6_K", "MXFP4"];

        [GlobalSetup]
        public void Setup()
        {
            var random = new Random(1);
            _weights = new float[N * N];
            for (int i = 0; i < _weights.Length; i++)
            {
                _weights[i] = (float)(0.02 * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
            }

            _x = new float[N];
            for (int i = 0; i < N; i++)
            {
                _x[i] = (float)(random.NextDouble() * 2 - 1);
            }

            // ggml's own spelling: q4_0, q8_0, mxfp4, but q4_K, q6_K.
            string name = Type.ToLowerInvariant().Replace("_k", "_K", StringComparison.Ordinal);
            (string activation, int activationBlockBytes, int activationBlock) = Type is "Q4_K" or "Q6_K" ? ("q8_K", 292, 256) : ("q8_0", 34, 32);
            _quantizeActivation = (delegate* unmanaged<float*, byte*, long, void>)GgmlNativeLibrary.Cpu("quantize_row_" + activation);
            _vecDot = (delegate* unmanaged<int, float*, nuint, byte*, nuint, byte*, nuint, int, void>)GgmlNativeLibrary.Cpu($"ggml_vec_dot_{name}_{activation}");
            _ggmlActivation = (byte*)NativeMemory.AlignedAlloc((nuint)(N / activationBlock * activationBlockBytes), 64);
            _dense = new float[N * N];
            switch (Type)
            {
                case "Q4_0": Prepare<BlockQ4_0>(); break;
                case "Q8_0": Prepare<BlockQ8_0>(); break;
                case "Q4_K": Prepare<BlockQ4_K>(); break;
                case "Q6_K": Prepare<BlockQ6_K>(); break;
                default: Prepare<BlockMXFP4>(); break;
            }
        }

        private void Prepare<TBlock>()
            where TBlock : unmanaged, IBlockFormat<TBlock>
        {
            var matrix = QuantizedMatrix<TBlock>.Quantize(_weights, N, N);
            matrix.Dequantize(_dense);
            ReadOnlySpan<byte> bytes = MemoryMarshal.AsBytes(matrix.Blocks);
            _ggmlWeights = (byte*)NativeMemory.AlignedAlloc((nuint)bytes.Length, 64);
            bytes.CopyTo(new Span<byte>(_ggmlWeights, bytes.Length));
            _rowBytes = bytes.Length / N;
            _numForgeMatVec = () => matrix.MatVec(_x, _y, MatVecActivation.Int8, maxDegreeOfParallelism: 1);
        }

        [GlobalCleanup]
        public void Cleanup()
        {
            NativeMemory.AlignedFree(_ggmlWeights);
            NativeMemory.AlignedFree(_ggmlActivation);
            _ggmlWeights = null;
            _ggmlActivation = null;
        }

        [Benchmark(Baseline = true, Description = "ggml MatVec (q8 activation + vec_dot per row)")]
        public float GgmlMatVec()
        {
            fixed (float* x = _x)
            fixed (float* y = _y)
            {
                byte* a = _ggmlActivation;
                _quantizeActivation(x, a, N);
                for (int r = 0; r < N; r++)
                {
                    _vecDot(N, y + r, 0, _ggmlWeights + ((long)r * _rowBytes), 0, a, 0, 1);
                }
            }

            return _y[0];
        }

        [Benchmark(Description = "NumForge MatVec (int8, 1 thread)")]
        public float NumForgeMatVec()
        {
            _numForgeMatVec();
            return _y[0];
        }

        [Benchmark(Description = "float32 GEMV (TensorPrimitives.Dot per row)")]
        public float Float32Gemv()
        {
            ReadOnlySpan<float> dense = _dense;
            for (int r = 0; r < N; r++)
            {
                _y[r] = TensorPrimitives.Dot(dense.Slice(r * N, N), _x);
            }

            return _y[0];
        }
    }
}
