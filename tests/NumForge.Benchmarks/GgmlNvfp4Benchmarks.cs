using System;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;

namespace NumForge.Benchmarks
{
    /// <summary>
    /// ggml's NVFP4 block (<see cref="BlockNVFP4"/>) on 256 x 4096 Gaussian weights (sigma 0.02):
    /// quantize and dequantize beside ggml's <c>quantize_row_nvfp4_ref</c> and <c>dequantize_row_nvfp4</c> (libggml-base.so
    /// from LLamaSharp.Backend.Cpu), single-threaded, the same bytes and values out; and one MatVec (float path). Ratios are
    /// against ggml.
    /// </summary>
    [MemoryDiagnoser(false)]
    public unsafe class GgmlNvfp4Benchmarks
    {
        private const int Rows = 256;
        private const int Columns = 4096;
        private const int Values = Rows * Columns;

        private float[] _weights = [];
        private float[] _values = [];
        private float[] _x = [];
        private float[] _y = [];
        private byte[] _ggmlBytes = [];
        private BlockNVFP4[] _blocks = [];
        private QuantizedMatrix<BlockNVFP4>? _matrix;
        private delegate* unmanaged<float*, byte*, long, void> _quantizeRef;
        private delegate* unmanaged<byte*, float*, long, void> _dequantizeRow;

        [GlobalSetup]
        public void Setup()
        {
            var random = new Random(1);
            _weights = new float[Values];
            for (int i = 0; i < _weights.Length; i++)
            {
                _weights[i] = (float)(0.02 * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
            }

            _x = new float[Columns];
            for (int i = 0; i < _x.Length; i++)
            {
                _x[i] = (float)((random.NextDouble() * 2) - 1);
            }

            _y = new float[Rows];
            _values = new float[Values];
            _blocks = new BlockNVFP4[Values / 64];
            _ggmlBytes = new byte[_blocks.Length * 36];
            _quantizeRef = (delegate* unmanaged<float*, byte*, long, void>)GgmlNativeLibrary.Base("quantize_row_nvfp4_ref");
            _dequantizeRow = (delegate* unmanaged<byte*, float*, long, void>)GgmlNativeLibrary.Base("dequantize_row_nvfp4");

            // Only fair if both sides compute the same thing.
            NumForgeQuantize();
            GgmlQuantizeRef();
            if (!MemoryMarshal.AsBytes(_blocks.AsSpan()).SequenceEqual(_ggmlBytes))
            {
                throw new InvalidOperationException("NumForge's NVFP4 bytes differ from ggml's quantize_row_nvfp4_ref.");
            }

            float[] theirs = new float[Values];
            fixed (byte* q = _ggmlBytes)
            fixed (float* y = theirs)
            {
                _dequantizeRow(q, y, Values);
            }

            NumForgeDequantize();
            if (!MemoryMarshal.AsBytes(theirs.AsSpan()).SequenceEqual(MemoryMarshal.AsBytes(_values.AsSpan())))
            {
                throw new InvalidOperationException("NumForge's NVFP4 values differ from ggml's dequantize_row_nvfp4.");
            }

            _matrix = QuantizedMatrix<BlockNVFP4>.FromBlocks(_blocks, Rows, Columns);
        }

        [Benchmark(Baseline = true, Description = "ggml quantize_row_nvfp4_ref (256 x 4096)")]
        public byte GgmlQuantizeRef()
        {
            fixed (float* x = _weights)
            fixed (byte* q = _ggmlBytes)
            {
                _quantizeRef(x, q, Values);
            }

            return _ggmlBytes[0];
        }

        [Benchmark(Description = "NumForge BlockNVFP4.Quantize (256 x 4096)")]
        public void NumForgeQuantize() => BlockNVFP4.Quantize(_weights, _blocks);

        [Benchmark(Description = "ggml dequantize_row_nvfp4 (256 x 4096)")]
        public float GgmlDequantize()
        {
            fixed (byte* q = _ggmlBytes)
            fixed (float* y = _values)
            {
                _dequantizeRow(q, y, Values);
            }

            return _values[0];
        }

        [Benchmark(Description = "NumForge BlockNVFP4.Dequantize (256 x 4096)")]
        public void NumForgeDequantize() => BlockNVFP4.Dequantize(_blocks, _values);

        [Benchmark(Description = "NumForge MatVec, float path, one thread (256 x 4096)")]
        public void NumForgeMatVec() => _matrix!.MatVec(_x, _y, MatVecActivation.Float, maxDegreeOfParallelism: 1);
    }
}
