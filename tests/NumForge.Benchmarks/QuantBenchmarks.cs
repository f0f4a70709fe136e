using System;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;

namespace NumForge.Benchmarks
{
    /// <summary>
    /// Quantized MatVec on a 4096 x 4096 Gaussian matrix for each scheme, single-threaded and on all cores, beside
    /// float32 GEMV (TensorPrimitives.Dot per row; the baseline of the Ratio column) and a pass that only reads the
    /// packed weights (codes, scales and zero points: the memory floor of MatVec). Quantize times one whole quantization
    /// of the 64 MiB float32 input (GB/s = 0.0671 / seconds). Run (docs/benchmarks.md):
    /// <c>cd tests/NumForge.Benchmarks &amp;&amp; dotnet run -c Release -- --filter '*QuantBenchmarks*' --job short --inProcess</c>.
    /// <c>NF_BENCH_QUANT_SCHEMES</c> (comma-separated, e.g. "W4G128,W8G128") and <c>NF_BENCH_QUANT_CORES</c> ("1" single-threaded
    /// only, "all" all cores only) select a subset; a method filter such as <c>'*QuantBenchmarks.Float32Gemv*'</c> picks rows.
    /// </summary>
    public class QuantBenchmarks
    {
        public const int Size = 4096;

        private float[] weights = Array.Empty<float>();
        private float[] x = Array.Empty<float>();
        private float[] y = Array.Empty<float>();
        private float[] restored = Array.Empty<float>();
        private QuantizedMatrix matrix = null!;
        private MatVecOptions options;
        private MatVecOptions int8Options;
        private QuantizeOptions quantizeOptions = QuantizeOptions.Default;

        /// <summary>The scheme of the matrix.</summary>
        [ParamsSource(nameof(Schemes))]
        public string Scheme { get; set; } = "W4G128";

        /// <summary>False: one thread; true: every core.</summary>
        [ParamsSource(nameof(CoreModes))]
        public bool AllCores { get; set; }

        /// <summary>The <see cref="Scheme"/> values: the eight of issue 10, or those listed in <c>NF_BENCH_QUANT_SCHEMES</c>.</summary>
        public static string[] Schemes =>
            Environment.GetEnvironmentVariable("NF_BENCH_QUANT_SCHEMES") is { Length: > 0 } list
                ? Array.ConvertAll(list.Split(','), s => s.Trim())
                : ["W4G128", "W4G-1", "W8G128", "W3G128", "W2G128", "MXFP4", "NVFP4", "NF4"];

        /// <summary>The <see cref="AllCores"/> values: both, or one of them by <c>NF_BENCH_QUANT_CORES</c> ("1" or "all").</summary>
        public static bool[] CoreModes => Environment.GetEnvironmentVariable("NF_BENCH_QUANT_CORES") switch
        {
            "1" => [false],
            "all" => [true],
            _ => [false, true],
        };

        [GlobalSetup]
        public void Setup()
        {
            var random = new Random(1);
            weights = new float[Size * Size];
            for (int i = 0; i < weights.Length; i++)
            {
                weights[i] = (float)(0.02 * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
            }

            x = new float[Size];
            for (int i = 0; i < Size; i++)
            {
                x[i] = (float)(random.NextDouble() - 0.5);
            }

            y = new float[Size];
            restored = new float[Size * Size];
            matrix = QuantizedMatrix.Quantize(weights, Size, Size, QuantScheme.Parse(Scheme));
            options = new MatVecOptions { SingleThreaded = !AllCores };
            int8Options = options with { Int8Activations = true };
            quantizeOptions = new QuantizeOptions { SingleThreaded = !AllCores };
        }

        [Benchmark(Baseline = true)]
        public float Float32Gemv()
        {
            if (AllCores)
            {
                Parallel.For(0, Size / 32, block =>
                {
                    for (int r = block * 32; r < (block + 1) * 32; r++)
                    {
                        y[r] = TensorPrimitives.Dot(weights.AsSpan(r * Size, Size), x);
                    }
                });
            }
            else
            {
                for (int r = 0; r < Size; r++)
                {
                    y[r] = TensorPrimitives.Dot(weights.AsSpan(r * Size, Size), x);
                }
            }

            return y[0];
        }

        [Benchmark]
        public float MatVec()
        {
            matrix.MatVec(x, y, options);
            return y[0];
        }

        /// <summary>
        /// MatVec with x rounded to int8 first (llama.cpp's approximation; W4 schemes with groups of a multiple of 64 —
        /// W4G128, W4G-1 — have the integer kernel, the others run their float path).
        /// </summary>
        [Benchmark]
        public float MatVecInt8Activations()
        {
            matrix.MatVec(x, y, int8Options);
            return y[0];
        }

        /// <summary>Reads every packed byte once (XOR of 256-bit words): what MatVec cannot go below.</summary>
        [Benchmark]
        public ulong ReadPackedWeights()
        {
            return ReadCodes() ^ Xor(matrix.ScaleBytes) ^ Xor(MemoryMarshal.AsBytes(matrix.ZeroPoints));
        }

        /// <summary>The whole matrix dequantized to float32 (64 MiB out; one thread whatever <see cref="AllCores"/> says).</summary>
        [Benchmark]
        public float Dequantize()
        {
            matrix.Dequantize(restored);
            return restored[0];
        }

        [Benchmark]
        public int Quantize() => QuantizedMatrix.Quantize(weights, Size, Size, QuantScheme.Parse(Scheme), quantizeOptions).Rows;

        private ulong ReadCodes()
        {
            QuantizedMatrix m = matrix;
            if (!AllCores)
            {
                return Xor(m.Codes);
            }

            // Each task reads its slice of the codes (the span is re-made from the matrix inside the task).
            int tasks = Environment.ProcessorCount * 4;
            int chunk = (m.Codes.Length / tasks) & ~31;
            ulong[] partial = new ulong[tasks + 1];
            Parallel.For(0, tasks, t => partial[t] = Xor(m.Codes.Slice(t * chunk, chunk)));
            partial[tasks] = Xor(m.Codes[(tasks * chunk)..]);
            ulong result = 0;
            foreach (ulong p in partial)
            {
                result ^= p;
            }

            return result;
        }

        private static ulong Xor(ReadOnlySpan<byte> bytes)
        {
            ReadOnlySpan<Vector256<ulong>> vectors = MemoryMarshal.Cast<byte, Vector256<ulong>>(bytes);
            Vector256<ulong> acc0 = Vector256<ulong>.Zero, acc1 = Vector256<ulong>.Zero;
            int i = 0;
            for (; i + 2 <= vectors.Length; i += 2)
            {
                acc0 ^= vectors[i];
                acc1 ^= vectors[i + 1];
            }

            ulong result = 0;
            for (; i < vectors.Length; i++)
            {
                acc0 ^= vectors[i];
            }

            Vector256<ulong> acc = acc0 ^ acc1;
            for (int k = 0; k < 4; k++)
            {
                result ^= acc[k];
            }

            foreach (byte b in bytes[(vectors.Length * 32)..])
            {
                result ^= b;
            }

            return result;
        }
    }
}
