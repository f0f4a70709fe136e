using System;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using NumForge.Blocks.Ggml;

namespace NumForge.Benchmarks
{
    /// <summary>
    /// ggml's NVFP4 block (<see cref="BlockNVFP4"/>) on 256 x 4096 Gaussian weights (sigma 0.02):
    /// quantize and dequantize beside ggml's <c>quantize_row_nvfp4_ref</c> and <c>dequantize_row_nvfp4</c> (libggml-base.so
    /// from LLamaSharp.Backend.Cpu), single-threaded, the same bytes and values out; and MatVec, int8 and float path, beside
    /// ggml's own CPU MatVec (the activation quantized by libggml-cpu's <c>quantize_row_q8_0</c>, then
    /// <c>ggml_vec_dot_nvfp4_q8_0</c> per row; NumForge's kernel gives its bits on ggml's activation, checked in the setup).
    /// Ratios are against ggml, per category (Quantize, Dequantize, MatVec).
    /// </summary>
    [MemoryDiagnoser(false)]
    [GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
    [CategoriesColumn]
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
        private delegate* unmanaged<float*, byte*, long, void> _quantizeQ8;
        private delegate* unmanaged<int, float*, nuint, byte*, nuint, byte*, nuint, int, void> _vecDot;

        // ggml's operands in 64-byte-aligned native memory, as ggml allocates tensors.
        private byte* _ggmlWeights;
        private byte* _ggmlActivation;

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
            _quantizeQ8 = (delegate* unmanaged<float*, byte*, long, void>)GgmlNativeLibrary.Cpu("quantize_row_q8_0");
            _vecDot = (delegate* unmanaged<int, float*, nuint, byte*, nuint, byte*, nuint, int, void>)GgmlNativeLibrary.Cpu("ggml_vec_dot_nvfp4_q8_0");
            _ggmlWeights = (byte*)NativeMemory.AlignedAlloc((nuint)_ggmlBytes.Length, 64);
            _ggmlBytes.CopyTo(new Span<byte>(_ggmlWeights, _ggmlBytes.Length));
            _ggmlActivation = (byte*)NativeMemory.AlignedAlloc(Columns / 32 * 34, 64);
            CheckKernelOnGgmlActivation();
        }

        [GlobalCleanup]
        public void Cleanup()
        {
            NativeMemory.AlignedFree(_ggmlWeights);
            NativeMemory.AlignedFree(_ggmlActivation);
            _ggmlWeights = null;
            _ggmlActivation = null;
        }

        [BenchmarkCategory("Quantize")]
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

        [BenchmarkCategory("Quantize")]
        [Benchmark(Description = "NumForge BlockNVFP4.Quantize (256 x 4096)")]
        public void NumForgeQuantize() => BlockNVFP4.Quantize(_weights, _blocks);

        [BenchmarkCategory("Dequantize")]
        [Benchmark(Baseline = true, Description = "ggml dequantize_row_nvfp4 (256 x 4096)")]
        public float GgmlDequantize()
        {
            fixed (byte* q = _ggmlBytes)
            fixed (float* y = _values)
            {
                _dequantizeRow(q, y, Values);
            }

            return _values[0];
        }

        [BenchmarkCategory("Dequantize")]
        [Benchmark(Description = "NumForge BlockNVFP4.Dequantize (256 x 4096)")]
        public void NumForgeDequantize() => BlockNVFP4.Dequantize(_blocks, _values);

        [BenchmarkCategory("MatVec")]
        [Benchmark(Baseline = true, Description = "ggml MatVec (quantize_row_q8_0 + ggml_vec_dot_nvfp4_q8_0 per row, 256 x 4096)")]
        public float GgmlMatVec()
        {
            fixed (float* x = _x)
            fixed (float* y = _y)
            {
                _quantizeQ8(x, _ggmlActivation, Columns);
                for (int r = 0; r < Rows; r++)
                {
                    _vecDot(Columns, y + r, 0, _ggmlWeights + ((long)r * (Columns / 64 * 36)), 0, _ggmlActivation, 0, 1);
                }
            }

            return _y[0];
        }

        [BenchmarkCategory("MatVec")]
        [Benchmark(Description = "NumForge MatVec, int8 path, one thread (256 x 4096)")]
        public float NumForgeMatVecInt8()
        {
            _matrix!.MatVec(_x, _y, MatVecActivation.Int8, maxDegreeOfParallelism: 1);
            return _y[0];
        }

        [BenchmarkCategory("MatVec")]
        [Benchmark(Description = "NumForge MatVec, float path, one thread (256 x 4096)")]
        public void NumForgeMatVec() => _matrix!.MatVec(_x, _y, MatVecActivation.Float, maxDegreeOfParallelism: 1);

        // Only fair if both compute the same thing: NumForge's kernel on ggml's own Q8_0 activation gives ggml's bits.
        private void CheckKernelOnGgmlActivation()
        {
            GgmlMatVec();
            float[] theirs = (float[])_y.Clone();
            sbyte[] codes = new sbyte[Columns];
            float[] scales = new float[Columns / 32];
            for (int b = 0; b < scales.Length; b++)
            {
                byte* block = _ggmlActivation + (b * 34);
                scales[b] = (float)BitConverter.UInt16BitsToHalf(*(ushort*)block);
                new ReadOnlySpan<sbyte>(block + 2, 32).CopyTo(codes.AsSpan(b * 32));
            }

            float[] ours = new float[Rows];
            fixed (BlockNVFP4* w = _blocks)
            fixed (sbyte* c = codes)
            fixed (float* s = scales)
            fixed (float* y = ours)
            {
                Nvfp4Int8Rows op = default;
                op.Bind((byte*)w, Columns / 64, c, s, null, y);
                op.Run(0, Rows);
            }

            if (!MemoryMarshal.AsBytes(theirs.AsSpan()).SequenceEqual(MemoryMarshal.AsBytes(ours.AsSpan())))
            {
                throw new InvalidOperationException("NumForge's NVFP4 int8 kernel differs from ggml_vec_dot_nvfp4_q8_0 on ggml's activation.");
            }
        }
    }
}
