using System;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;

namespace NumForge.Benchmarks
{
    /// <summary>
    /// Quantizing 256 x 4096 Gaussian weights (sigma 0.02, as GgmlBenchmarks) to each of ggml's eleven block types:
    /// NumForge's <c>Quantize</c> beside ggml's <c>quantize_row_{type}_ref</c> (libggml-base.so from
    /// LLamaSharp.Backend.Cpu, through a function pointer), single-threaded, the same bytes out. Ratios are against ggml.
    /// </summary>
    [MemoryDiagnoser(false)]
    public unsafe class GgmlQuantizeBenchmarks
    {
        private const int Values = 256 * 4096;

        private float[] _weights = [];
        private byte[] _quantized = [];
        private Action _numForgeQuantize = () => { };
        private delegate* unmanaged<float*, byte*, long, void> _quantizeRef;

        /// <summary>The ggml block type.</summary>
        /// <remarks>All eleven by default; <c>NF_BENCH_GGML_TYPES</c> (comma-separated, e.g. "Q2_K,Q3_K") selects a subset.</remarks>
        [ParamsSource(nameof(Types))]
        public string Type { get; set; } = "Q2_K";

        /// <summary>The <see cref="Type"/> values: every block type, or those in <c>NF_BENCH_GGML_TYPES</c>.</summary>
        public static string[] Types =>
            Environment.GetEnvironmentVariable("NF_BENCH_GGML_TYPES") is { Length: > 0 } list
                ? Array.ConvertAll(list.Split(','), t => t.Trim())
                : ["Q4_0", "Q4_1", "Q5_0", "Q5_1", "Q8_0", "MXFP4", "Q2_K", "Q3_K", "Q4_K", "Q5_K", "Q6_K"];

        [GlobalSetup]
        public void Setup()
        {
            var random = new Random(1);
            _weights = new float[Values];
            for (int i = 0; i < _weights.Length; i++)
            {
                _weights[i] = (float)(0.02 * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
            }

            // ggml's own spelling: q4_0, mxfp4, but q2_K.
            string name = Type.ToLowerInvariant().Replace("_k", "_K", StringComparison.Ordinal);
            _quantizeRef = (delegate* unmanaged<float*, byte*, long, void>)GgmlNativeLibrary.Base($"quantize_row_{name}_ref");
            _numForgeQuantize = Type switch
            {
                "Q4_0" => Prepare<BlockQ4_0>(),
                "Q4_1" => Prepare<BlockQ4_1>(),
                "Q5_0" => Prepare<BlockQ5_0>(),
                "Q5_1" => Prepare<BlockQ5_1>(),
                "Q8_0" => Prepare<BlockQ8_0>(),
                "MXFP4" => Prepare<BlockMXFP4>(),
                "Q2_K" => Prepare<BlockQ2_K>(),
                "Q3_K" => Prepare<BlockQ3_K>(),
                "Q4_K" => Prepare<BlockQ4_K>(),
                "Q5_K" => Prepare<BlockQ5_K>(),
                "Q6_K" => Prepare<BlockQ6_K>(),
                _ => throw new ArgumentException($"Unknown ggml block type '{Type}'.", nameof(Type)),
            };
        }

        private Action Prepare<TBlock>()
            where TBlock : unmanaged, IBlockFormat<TBlock>
        {
            var blocks = new TBlock[Values / TBlock.BlockSize];
            _quantized = new byte[blocks.Length * Marshal.SizeOf<TBlock>()];

            // The benchmark is only fair if both write the same bytes.
            TBlock.Quantize(_weights, blocks);
            GgmlQuantizeRef();
            if (!MemoryMarshal.AsBytes(blocks.AsSpan()).SequenceEqual(_quantized))
            {
                throw new InvalidOperationException($"NumForge's {Type} bytes differ from ggml's quantize_row_*_ref.");
            }

            return () => TBlock.Quantize(_weights, blocks);
        }

        [Benchmark(Baseline = true, Description = "ggml quantize_row_*_ref (256 x 4096)")]
        public byte GgmlQuantizeRef()
        {
            fixed (float* x = _weights)
            fixed (byte* q = _quantized)
            {
                _quantizeRef(x, q, Values);
            }

            return _quantized[0];
        }

        [Benchmark(Description = "NumForge Quantize (256 x 4096)")]
        public void NumForgeQuantize() => _numForgeQuantize();
    }
}
