using System;
using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;
using NumForge.CompilerServices;
using NumForge.CompilerServices.Spans;

namespace NumForge.Benchmarks
{
    /// <summary>
    /// float -> X and X -> float over N = InputBytes / 4 elements (the float side holds InputBytes), side by side with
    /// TensorPrimitives' Half converters, per-element cast loops, and a copy of the same InputBytes (the memory limit).
    /// </summary>
    /// <remarks>
    /// <c>NF_BENCH_STREAMING=off</c> turns the block loop's non-temporal stores off (every size then stores through the
    /// cache), for the A/B of streaming against cached stores at 256 MiB; <c>NF_BENCH_PREFETCH_DISTANCE</c> sets how far
    /// ahead the block loop prefetches its source beyond 8 MiB (bytes; 0 turns prefetching off; default 4096).
    /// </remarks>
    [MemoryDiagnoser(false)]
    public unsafe class ConversionBenchmarks
    {
        private float[] floats = Array.Empty<float>();
        private float[] floatsOut = Array.Empty<float>();
        private Half[] halves = Array.Empty<Half>();
        private BFloat16[] bf16 = Array.Empty<BFloat16>();
        private Float8E4M3FN[] e4m3 = Array.Empty<Float8E4M3FN>();
        private Float8E5M2[] e5m2 = Array.Empty<Float8E5M2>();
        private Float4E2M1FN[] fp4 = Array.Empty<Float4E2M1FN>();
        private byte[] fp4Packed = Array.Empty<byte>();
        private byte[] fp6Packed = Array.Empty<byte>();
        private byte[] fp6E2M3Packed = Array.Empty<byte>();
        private Binary16[] binary16 = Array.Empty<Binary16>();

        /// <summary>Bytes of float input: 4 KiB, 1 MiB, 256 MiB.</summary>
        /// <remarks>Defaults to all three; <c>NF_BENCH_INPUT_BYTES</c> (comma-separated byte counts) selects a subset.</remarks>
        [ParamsSource(nameof(InputSizes))]
        public int InputBytes { get; set; }

        /// <summary>The <see cref="InputBytes"/> values: 4 KiB, 1 MiB, 256 MiB, or those listed in <c>NF_BENCH_INPUT_BYTES</c>.</summary>
        public static int[] InputSizes =>
            Environment.GetEnvironmentVariable("NF_BENCH_INPUT_BYTES") is { Length: > 0 } list
                ? Array.ConvertAll(list.Split(','), s => int.Parse(s.Trim(), System.Globalization.CultureInfo.InvariantCulture))
                : new[] { 4 << 10, 1 << 20, 256 << 20 };

        [GlobalSetup]
        public void Setup()
        {
            BlockLoop.StreamingThreshold = Environment.GetEnvironmentVariable("NF_BENCH_STREAMING") == "off" ? long.MaxValue : BlockLoop.StreamingBytes;
            BlockLoop.PrefetchDistance = Environment.GetEnvironmentVariable("NF_BENCH_PREFETCH_DISTANCE") is { Length: > 0 } distance
                ? int.Parse(distance, System.Globalization.CultureInfo.InvariantCulture)
                : BlockLoop.DefaultPrefetchDistance;
            EigenBFloat16Native.TryLoad();
            int n = InputBytes / 4;
            floats = new float[n];
            floatsOut = new float[n];
            var random = new Random(1);
            for (int i = 0; i < n; i++)
            {
                // Weight-like values: mostly small, some subnormal in FP8, a few large.
                floats[i] = (float)((random.NextDouble() * 2 - 1) * Math.Pow(2, random.Next(-12, 6)));
            }

            halves = new Half[n];
            bf16 = new BFloat16[n];
            e4m3 = new Float8E4M3FN[n];
            e5m2 = new Float8E5M2[n];
            fp4 = new Float4E2M1FN[n];
            fp4Packed = new byte[(n + 1) / 2];
            binary16 = new Binary16[n];
            TensorPrimitives.ConvertToHalf(floats, halves);
            BFloat16.ConvertFrom(floats, bf16);
            Float8E4M3FN.ConvertFrom(floats, e4m3);
            Float8E5M2.ConvertFrom(floats, e5m2);
            Float4E2M1FN.ConvertFrom(floats, fp4);
            FloatSpan<Float4E2M1FN.Traits>.ConvertFromSingleToPacked(floats, fp4Packed, MidpointRounding.ToEven, false);
            fp6Packed = new byte[FloatSpan<Float6E3M2FN.Traits>.PackedLength(n)];
            fp6E2M3Packed = new byte[FloatSpan<Float6E2M3FN.Traits>.PackedLength(n)];
            FloatSpan<Float6E3M2FN.Traits>.ConvertFromSingleToPacked(floats, fp6Packed, MidpointRounding.ToEven, false);
            FloatSpan<Float6E2M3FN.Traits>.ConvertFromSingleToPacked(floats, fp6E2M3Packed, MidpointRounding.ToEven, false);
            Binary16.ConvertFrom(floats, binary16);
        }

        // ---------------------------------------------------------------- anchors

        [Benchmark(Baseline = true, Description = "Span.CopyTo (same bytes)")]
        public void Copy() => floats.AsSpan().CopyTo(floatsOut);

        [Benchmark(Description = "TensorPrimitives float->Half")]
        public void TensorPrimitivesToHalf() => TensorPrimitives.ConvertToHalf(floats, halves);

        [Benchmark(Description = "TensorPrimitives Half->float")]
        public void TensorPrimitivesFromHalf() => TensorPrimitives.ConvertToSingle(halves, floatsOut);

        [Benchmark(Description = "Half cast loop float->Half")]
        public void HalfLoopTo()
        {
            float[] s = floats;
            Half[] d = halves;
            for (int i = 0; i < s.Length; i++)
            {
                d[i] = (Half)s[i];
            }
        }

        [Benchmark(Description = "Half cast loop Half->float")]
        public void HalfLoopFrom()
        {
            Half[] s = halves;
            float[] d = floatsOut;
            for (int i = 0; i < s.Length; i++)
            {
                d[i] = (float)s[i];
            }
        }

        // ---------------------------------------------------------------- [FloatFormat(5, 10)]

        [Benchmark(Description = "Binary16 span float->X")]
        public void Binary16To() => Binary16.ConvertFrom(floats, binary16);

        [Benchmark(Description = "Binary16 span X->float")]
        public void Binary16From() => Binary16.ConvertTo(binary16, floatsOut);

        [Benchmark(Description = "Binary16 loop float->X")]
        public void Binary16LoopTo()
        {
            float[] s = floats;
            Binary16[] d = binary16;
            for (int i = 0; i < s.Length; i++)
            {
                d[i] = (Binary16)s[i];
            }
        }

        [Benchmark(Description = "Binary16 loop X->float")]
        public void Binary16LoopFrom()
        {
            Binary16[] s = binary16;
            float[] d = floatsOut;
            for (int i = 0; i < s.Length; i++)
            {
                d[i] = (float)s[i];
            }
        }

        // ---------------------------------------------------------------- BFloat16

        [Benchmark(Description = "BFloat16 span float->X")]
        public void BFloat16To() => BFloat16.ConvertFrom(floats, bf16);

        [Benchmark(Description = "BFloat16 span X->float")]
        public void BFloat16From() => BFloat16.ConvertTo(bf16, floatsOut);

        [Benchmark(Description = "Eigen-style C loop float->bf16")]
        public void EigenToBFloat16()
        {
            fixed (float* s = floats)
            fixed (BFloat16* d = bf16)
            {
                EigenBFloat16Native.FromSingle(s, (ushort*)d, (nuint)floats.Length);
            }
        }

        [Benchmark(Description = "Eigen-style C loop bf16->float")]
        public void EigenFromBFloat16()
        {
            fixed (BFloat16* s = bf16)
            fixed (float* d = floatsOut)
            {
                EigenBFloat16Native.ToSingle((ushort*)s, d, (nuint)bf16.Length);
            }
        }

        [Benchmark(Description = "BFloat16 loop float->X")]
        public void BFloat16LoopTo()
        {
            float[] s = floats;
            BFloat16[] d = bf16;
            for (int i = 0; i < s.Length; i++)
            {
                d[i] = (BFloat16)s[i];
            }
        }

        [Benchmark(Description = "BFloat16 loop X->float")]
        public void BFloat16LoopFrom()
        {
            BFloat16[] s = bf16;
            float[] d = floatsOut;
            for (int i = 0; i < s.Length; i++)
            {
                d[i] = (float)s[i];
            }
        }

        // ---------------------------------------------------------------- Float8E4M3FN

        [Benchmark(Description = "Float8E4M3FN span float->X")]
        public void E4M3To() => Float8E4M3FN.ConvertFrom(floats, e4m3);

        [Benchmark(Description = "Float8E4M3FN span X->float")]
        public void E4M3From() => Float8E4M3FN.ConvertTo(e4m3, floatsOut);

        [Benchmark(Description = "Float8E4M3FN loop float->X")]
        public void E4M3LoopTo()
        {
            float[] s = floats;
            Float8E4M3FN[] d = e4m3;
            for (int i = 0; i < s.Length; i++)
            {
                d[i] = (Float8E4M3FN)s[i];
            }
        }

        [Benchmark(Description = "Float8E4M3FN loop X->float")]
        public void E4M3LoopFrom()
        {
            Float8E4M3FN[] s = e4m3;
            float[] d = floatsOut;
            for (int i = 0; i < s.Length; i++)
            {
                d[i] = (float)s[i];
            }
        }

        // ---------------------------------------------------------------- Float8E5M2

        [Benchmark(Description = "Float8E5M2 span float->X")]
        public void E5M2To() => Float8E5M2.ConvertFrom(floats, e5m2);

        [Benchmark(Description = "Float8E5M2 span X->float")]
        public void E5M2From() => Float8E5M2.ConvertTo(e5m2, floatsOut);

        [Benchmark(Description = "Float8E5M2 loop float->X")]
        public void E5M2LoopTo()
        {
            float[] s = floats;
            Float8E5M2[] d = e5m2;
            for (int i = 0; i < s.Length; i++)
            {
                d[i] = (Float8E5M2)s[i];
            }
        }

        [Benchmark(Description = "Float8E5M2 loop X->float")]
        public void E5M2LoopFrom()
        {
            Float8E5M2[] s = e5m2;
            float[] d = floatsOut;
            for (int i = 0; i < s.Length; i++)
            {
                d[i] = (float)s[i];
            }
        }

        // ---------------------------------------------------------------- Float4E2M1FN (packed two per byte)

        [Benchmark(Description = "Float4E2M1FN packed float->X")]
        public void Fp4To() => FloatSpan<Float4E2M1FN.Traits>.ConvertFromSingleToPacked(floats, fp4Packed, MidpointRounding.ToEven, false);

        [Benchmark(Description = "Float4E2M1FN packed X->float")]
        public void Fp4From() => FloatSpan<Float4E2M1FN.Traits>.ConvertPackedToSingle(fp4Packed, floatsOut);

        [Benchmark(Description = "Float4E2M1FN packed X->float (block decoder)")]
        public void Fp4FromBlocks() => PackedDecoders.Nibbles<Float4E2M1FN.Traits>(fp4Packed, floatsOut, SimdWidth.Auto);

        // ---------------------------------------------------------------- Float6E3M2FN / Float6E2M3FN (packed four in three bytes)

        [Benchmark(Description = "Float6E3M2FN packed float->X")]
        public void Fp6To() => FloatSpan<Float6E3M2FN.Traits>.ConvertFromSingleToPacked(floats, fp6Packed, MidpointRounding.ToEven, false);

        [Benchmark(Description = "Float6E3M2FN packed X->float")]
        public void Fp6From() => FloatSpan<Float6E3M2FN.Traits>.ConvertPackedToSingle(fp6Packed, floatsOut);

        [Benchmark(Description = "Float6E2M3FN packed float->X")]
        public void Fp6E2M3To() => FloatSpan<Float6E2M3FN.Traits>.ConvertFromSingleToPacked(floats, fp6E2M3Packed, MidpointRounding.ToEven, false);

        [Benchmark(Description = "Float6E2M3FN packed X->float")]
        public void Fp6E2M3From() => FloatSpan<Float6E2M3FN.Traits>.ConvertPackedToSingle(fp6E2M3Packed, floatsOut);

        [Benchmark(Description = "Float4E2M1FN loop float->X (unpacked)")]
        public void Fp4LoopTo()
        {
            float[] s = floats;
            Float4E2M1FN[] d = fp4;
            for (int i = 0; i < s.Length; i++)
            {
                d[i] = (Float4E2M1FN)s[i];
            }
        }

        [Benchmark(Description = "Float4E2M1FN loop X->float (unpacked)")]
        public void Fp4LoopFrom()
        {
            Float4E2M1FN[] s = fp4;
            float[] d = floatsOut;
            for (int i = 0; i < s.Length; i++)
            {
                d[i] = (float)s[i];
            }
        }
    }
}
