using System;
using System.Runtime.Intrinsics;
using BenchmarkDotNet.Attributes;
using NumForge.CompilerServices;
using NumForge.CompilerServices.Spans;

namespace NumForge.Benchmarks
{
    /// <summary>
    /// Each span kernel at Vector512 and at Vector256 in one process (the internal width forcing of the span
    /// converters, <see cref="SimdWidth"/>), so the per-kernel choice of width is measured on one machine at one
    /// moment: float, double and Half -> X in the default and a directed mode, and X -> float, for E4M3FN, E5M2,
    /// BFloat16, a generated <c>[FloatFormat(5, 10)]</c> and packed FP4, on inputs with 1% NaN, 1% infinities and 2%
    /// overflow among weight-like values.
    /// </summary>
    /// <remarks>
    /// <c>NF_BENCH_INPUT_BYTES</c> selects the float input sizes (default 1 MiB and 256 MiB). On a machine without
    /// AVX-512 the V512 rows run Vector512 in software and mean nothing; the header's "VectorSize" names the width.
    /// </remarks>
    [MemoryDiagnoser(false)]
    public class SpanWidthBenchmarks
    {
        private float[] floats = Array.Empty<float>();
        private float[] floatsOut = Array.Empty<float>();
        private double[] doubles = Array.Empty<double>();
        private Half[] halves = Array.Empty<Half>();
        private byte[] bytes = Array.Empty<byte>();
        private ushort[] shorts = Array.Empty<ushort>();
        private byte[] e4m3Codes = Array.Empty<byte>();
        private byte[] e5m2Codes = Array.Empty<byte>();
        private ushort[] bf16Codes = Array.Empty<ushort>();
        private ushort[] binary16Codes = Array.Empty<ushort>();
        private byte[] fp4Packed = Array.Empty<byte>();
        private byte[] fp6Packed = Array.Empty<byte>();
        private SimdWidth width;

        /// <summary>The vector width every kernel of the row runs at.</summary>
        [Params("V512", "V256")]
        public string Width { get; set; } = "V512";

        /// <summary>Bytes of float input (the double input is twice, the Half input half that).</summary>
        [ParamsSource(nameof(InputSizes))]
        public int InputBytes { get; set; }

        /// <summary>The <see cref="InputBytes"/> values: 1 MiB and 256 MiB, or those listed in <c>NF_BENCH_INPUT_BYTES</c>.</summary>
        public static int[] InputSizes => EncoderInputBenchmarks.InputSizes;

        [GlobalSetup]
        public void Setup()
        {
            width = Width == "V512" ? SimdWidth.V512 : SimdWidth.V256;
            if (width == SimdWidth.V512 && !Vector512.IsHardwareAccelerated)
            {
                Console.WriteLine("// Vector512 is not accelerated here: the V512 rows run in software.");
            }

            int n = InputBytes / 4;
            floats = new float[n];
            floatsOut = new float[n];
            doubles = new double[n];
            halves = new Half[n];
            bytes = new byte[n];
            shorts = new ushort[n];
            var random = new Random(7);
            for (int i = 0; i < n; i++)
            {
                float value = (float)((random.NextDouble() * 2 - 1) * Math.Pow(2, random.Next(-12, 6)));
                value = random.Next(100) switch
                {
                    0 => float.NaN,
                    1 => random.Next(2) == 0 ? float.PositiveInfinity : float.NegativeInfinity,
                    2 or 3 => random.Next(2) == 0 ? 1e30f : -1e30f,
                    _ => value,
                };
                floats[i] = value;
                doubles[i] = value;
                halves[i] = (Half)value;
            }

            e4m3Codes = new byte[n];
            e5m2Codes = new byte[n];
            bf16Codes = new ushort[n];
            binary16Codes = new ushort[n];
            fp4Packed = new byte[(n + 1) / 2];
            FloatSpan<Float8E4M3FN.Traits>.ConvertFromSingle<byte>(floats, e4m3Codes, MidpointRounding.ToEven, false);
            FloatSpan<Float8E5M2.Traits>.ConvertFromSingle<byte>(floats, e5m2Codes, MidpointRounding.ToEven, false);
            FloatSpan<BFloat16.Traits>.ConvertFromSingle<ushort>(floats, bf16Codes, MidpointRounding.ToEven, false);
            FloatSpan<Binary16.Traits>.ConvertFromSingle<ushort>(floats, binary16Codes, MidpointRounding.ToEven, false);
            FloatSpan<Float4E2M1FN.Traits>.ConvertFromSingleToPacked(floats, fp4Packed, MidpointRounding.ToEven, false);
            fp6Packed = new byte[FloatSpan<Float6E3M2FN.Traits>.PackedLength(n)];
            FloatSpan<Float6E3M2FN.Traits>.ConvertFromSingleToPacked(floats, fp6Packed, MidpointRounding.ToEven, false);
        }

        [Benchmark(Baseline = true, Description = "Span.CopyTo (same float bytes)")]
        public void Copy() => floats.AsSpan().CopyTo(floatsOut);

        // ---------------------------------------------------------------- encoders

        [Benchmark(Description = "E4M3FN float->X ToEven")]
        public void E4M3FNFromSingle() => FloatSpan<Float8E4M3FN.Traits>.FromSingleCore<byte, NoRandom>(floats, bytes, MidpointRounding.ToEven, false, 0, default, width);

        [Benchmark(Description = "E4M3FN float->X ToZero")]
        public void E4M3FNFromSingleToZero() => FloatSpan<Float8E4M3FN.Traits>.FromSingleCore<byte, NoRandom>(floats, bytes, MidpointRounding.ToZero, false, 0, default, width);

        [Benchmark(Description = "E4M3FN float->X saturating")]
        public void E4M3FNFromSingleSaturating() => FloatSpan<Float8E4M3FN.Traits>.FromSingleCore<byte, NoRandom>(floats, bytes, MidpointRounding.ToEven, true, 0, default, width);

        [Benchmark(Description = "E5M2 float->X ToEven")]
        public void E5M2FromSingle() => FloatSpan<Float8E5M2.Traits>.FromSingleCore<byte, NoRandom>(floats, bytes, MidpointRounding.ToEven, false, 0, default, width);

        [Benchmark(Description = "E5M2 float->X ToPositiveInfinity")]
        public void E5M2FromSingleUp() => FloatSpan<Float8E5M2.Traits>.FromSingleCore<byte, NoRandom>(floats, bytes, MidpointRounding.ToPositiveInfinity, false, 0, default, width);

        [Benchmark(Description = "BFloat16 float->X ToEven")]
        public void BFloat16FromSingle() => FloatSpan<BFloat16.Traits>.FromSingleCore<ushort, NoRandom>(floats, shorts, MidpointRounding.ToEven, false, 0, default, width);

        [Benchmark(Description = "Binary16 float->X ToEven")]
        public void Binary16FromSingle() => FloatSpan<Binary16.Traits>.FromSingleCore<ushort, NoRandom>(floats, shorts, MidpointRounding.ToEven, false, 0, default, width);

        [Benchmark(Description = "Float4E2M1FN float->packed ToEven")]
        public void Fp4FromSingle() => FloatSpan<Float4E2M1FN.Traits>.FromSingleToPackedCore(floats, fp4Packed, MidpointRounding.ToEven, false, width);

        [Benchmark(Description = "Float6E3M2FN float->packed ToEven")]
        public void Fp6FromSingle() => FloatSpan<Float6E3M2FN.Traits>.FromSingleToPackedCore(floats, fp6Packed, MidpointRounding.ToEven, false, width);

        [Benchmark(Description = "E4M3FN double->X ToEven")]
        public void E4M3FNFromDouble() => FloatSpan<Float8E4M3FN.Traits>.FromDoubleCore<byte>(doubles, bytes, MidpointRounding.ToEven, false, width);

        [Benchmark(Description = "BFloat16 double->X ToEven")]
        public void BFloat16FromDouble() => FloatSpan<BFloat16.Traits>.FromDoubleCore<ushort>(doubles, shorts, MidpointRounding.ToEven, false, width);

        [Benchmark(Description = "E4M3FN Half->X ToEven")]
        public void E4M3FNFromHalf() => FloatSpan<Float8E4M3FN.Traits>.FromHalfCore<byte>(halves, bytes, MidpointRounding.ToEven, false, width);

        // ---------------------------------------------------------------- decoders

        [Benchmark(Description = "E4M3FN X->float")]
        public void E4M3FNToSingle() => FloatSpan<Float8E4M3FN.Traits>.ToSingleCore<byte>(e4m3Codes, floatsOut, width);

        [Benchmark(Description = "E5M2 X->float")]
        public void E5M2ToSingle() => FloatSpan<Float8E5M2.Traits>.ToSingleCore<byte>(e5m2Codes, floatsOut, width);

        [Benchmark(Description = "BFloat16 X->float")]
        public void BFloat16ToSingle() => FloatSpan<BFloat16.Traits>.ToSingleCore<ushort>(bf16Codes, floatsOut, width);

        [Benchmark(Description = "Binary16 X->float")]
        public void Binary16ToSingle() => FloatSpan<Binary16.Traits>.ToSingleCore<ushort>(binary16Codes, floatsOut, width);

        [Benchmark(Description = "Float4E2M1FN packed->float")]
        public void Fp4ToSingle() => FloatSpan<Float4E2M1FN.Traits>.PackedToSingleCore(fp4Packed, floatsOut, width);

        [Benchmark(Description = "Float6E3M2FN packed->float")]
        public void Fp6ToSingle() => FloatSpan<Float6E3M2FN.Traits>.PackedToSingleCore(fp6Packed, floatsOut, width);
    }
}
