using System;
using BenchmarkDotNet.Attributes;

namespace NumForge.Benchmarks
{
    /// <summary>
    /// Integer formats over N = InputBytes / 4 elements: float -> Int4 quantizing (ToEven), Int4 -> float, packing
    /// Int4/UInt2/UInt1 values, packed float round trips, and a scalar per-element quantize loop as the baseline.
    /// </summary>
    [MemoryDiagnoser(false)]
    public class IntegerBenchmarks
    {
        private float[] floats = Array.Empty<float>();
        private float[] floatsOut = Array.Empty<float>();
        private Int4[] int4 = Array.Empty<Int4>();
        private UInt2[] uint2 = Array.Empty<UInt2>();
        private UInt1[] uint1 = Array.Empty<UInt1>();
        private byte[] packed = Array.Empty<byte>();

        /// <summary>Bytes of float input: 4 KiB, 1 MiB, 256 MiB (or <c>NF_BENCH_INPUT_BYTES</c>, as for ConversionBenchmarks).</summary>
        [ParamsSource(nameof(InputSizes))]
        public int InputBytes { get; set; }

        /// <summary>The <see cref="InputBytes"/> values.</summary>
        public static int[] InputSizes => ConversionBenchmarks.InputSizes;

        [GlobalSetup]
        public void Setup()
        {
            int n = InputBytes / 4;
            floats = new float[n];
            floatsOut = new float[n];
            var random = new Random(1);
            for (int i = 0; i < n; i++)
            {
                floats[i] = (float)((random.NextDouble() * 2 - 1) * 9);
            }

            int4 = new Int4[n];
            uint2 = new UInt2[n];
            uint1 = new UInt1[n];
            packed = new byte[n];
            Int4.ConvertFrom(floats, int4);
            UInt2.ConvertFrom(floats, uint2);
            UInt1.ConvertFrom(floats, uint1);
        }

        [Benchmark(Baseline = true)]
        public void QuantizeInt4ScalarLoop()
        {
            Span<Int4> destination = int4;
            for (int i = 0; i < floats.Length; i++)
            {
                destination[i] = (Int4)MathF.Round(floats[i]);
            }
        }

        [Benchmark]
        public void QuantizeInt4() => Int4.ConvertFrom(floats, int4);

        [Benchmark]
        public void WidenInt4() => Int4.ConvertTo(int4, floatsOut);

        [Benchmark]
        public void PackInt4() => Int4.Pack(int4, packed);

        [Benchmark]
        public void PackUInt2() => UInt2.Pack(uint2, packed);

        [Benchmark]
        public void PackUInt1() => UInt1.Pack(uint1, packed);

        [Benchmark]
        public void UnpackInt4() => Int4.Unpack(packed, int4);

        [Benchmark]
        public void PackFromFloatsInt4() => Int4.PackFrom(floats, packed);

        [Benchmark]
        public void UnpackToFloatsInt4() => Int4.UnpackTo(packed, floatsOut);
    }
}
