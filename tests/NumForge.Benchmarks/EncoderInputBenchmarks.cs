using System;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using BenchmarkDotNet.Attributes;
using NumForge.CompilerServices;
using NumForge.CompilerServices.Spans;

namespace NumForge.Benchmarks
{
    /// <summary>
    /// float, double and Half -> X for E4M3FN, E5M2, BFloat16 and a generated <c>[FloatFormat(5, 10)]</c> on clean
    /// inputs and on inputs that hold what real tensors hold (1% NaN, 1% infinities, 2% values far beyond every
    /// format's range, at random positions), in every rounding mode, saturating or not; beside TensorPrimitives'
    /// float -> Half on the same inputs and a copy of the same float bytes (the baseline). The issue-12 targets are
    /// ratios within one run: each mode and source against the ToEven float -> X row of the same format and input.
    /// </summary>
    /// <remarks>
    /// <c>NF_BENCH_INPUT_BYTES</c> selects the float input sizes (default 1 MiB and 256 MiB), <c>NF_BENCH_INPUTS</c> the
    /// inputs (default <c>clean,mixed</c>), <c>NF_BENCH_ROUNDING</c> and <c>NF_BENCH_SATURATE</c> the modes (default all
    /// five and both; a 256 MiB run of every mode takes about a minute per row). The CPU's vector width is
    /// BenchmarkDotNet's "VectorSize" in the run header; <c>--envVars DOTNET_PreferredVectorBitWidth:256</c> caps it.
    /// </remarks>
    [MemoryDiagnoser(false)]
    public class EncoderInputBenchmarks
    {
        private float[] floats = Array.Empty<float>();
        private float[] floatsOut = Array.Empty<float>();
        private double[] doubles = Array.Empty<double>();
        private Half[] halves = Array.Empty<Half>();
        private Half[] halvesOut = Array.Empty<Half>();
        private byte[] bytes = Array.Empty<byte>();
        private ushort[] shorts = Array.Empty<ushort>();

        /// <summary>Bytes of float input (the double input is twice, the Half input half that).</summary>
        [ParamsSource(nameof(InputSizes))]
        public int InputBytes { get; set; }

        /// <summary>Clean (weight-like values only) or mixed (1% NaN, 1% ±infinity, 2% ±1e30 among them).</summary>
        [ParamsSource(nameof(Inputs))]
        public string Input { get; set; } = "clean";

        /// <summary>The <see cref="Input"/> values: clean and mixed, or those listed in <c>NF_BENCH_INPUTS</c>.</summary>
        public static string[] Inputs =>
            Environment.GetEnvironmentVariable("NF_BENCH_INPUTS") is { Length: > 0 } list ? list.Split(',') : new[] { "clean", "mixed" };

        /// <summary>The rounding of the conversions: every mode (the default, ToEven, is the row the others are held to).</summary>
        [ParamsSource(nameof(Roundings))]
        public MidpointRounding Rounding { get; set; }

        /// <summary>Saturating (overflow to the largest finite value) or the format's overflow rule.</summary>
        [ParamsSource(nameof(Saturations))]
        public bool Saturate { get; set; }

        /// <summary>The <see cref="Rounding"/> values: every mode, or those listed in <c>NF_BENCH_ROUNDING</c> (e.g. <c>ToEven,ToZero</c>).</summary>
        public static MidpointRounding[] Roundings =>
            Environment.GetEnvironmentVariable("NF_BENCH_ROUNDING") is { Length: > 0 } list
                ? Array.ConvertAll(list.Split(','), s => Enum.Parse<MidpointRounding>(s.Trim()))
                : Enum.GetValues<MidpointRounding>();

        /// <summary>The <see cref="Saturate"/> values: both, or those listed in <c>NF_BENCH_SATURATE</c> (<c>false</c>, <c>true</c>).</summary>
        public static bool[] Saturations =>
            Environment.GetEnvironmentVariable("NF_BENCH_SATURATE") is { Length: > 0 } list
                ? Array.ConvertAll(list.Split(','), s => bool.Parse(s.Trim()))
                : new[] { false, true };

        /// <summary>The <see cref="InputBytes"/> values: 1 MiB and 256 MiB, or those listed in <c>NF_BENCH_INPUT_BYTES</c>.</summary>
        public static int[] InputSizes =>
            Environment.GetEnvironmentVariable("NF_BENCH_INPUT_BYTES") is { Length: > 0 } list
                ? Array.ConvertAll(list.Split(','), s => int.Parse(s.Trim(), System.Globalization.CultureInfo.InvariantCulture))
                : new[] { 1 << 20, 256 << 20 };

        [GlobalSetup]
        public void Setup()
        {
            // NF_BENCH_PREFETCH_DISTANCE (bytes ahead; 0 turns prefetching off), as in ConversionBenchmarks.
            BlockLoop.PrefetchDistance = Environment.GetEnvironmentVariable("NF_BENCH_PREFETCH_DISTANCE") is { Length: > 0 } distance
                ? int.Parse(distance, System.Globalization.CultureInfo.InvariantCulture)
                : BlockLoop.DefaultPrefetchDistance;
            int n = InputBytes / 4;
            floats = new float[n];
            floatsOut = new float[n];
            doubles = new double[n];
            halves = new Half[n];
            halvesOut = new Half[n];
            bytes = new byte[n];
            shorts = new ushort[n];
            var random = new Random(7);
            for (int i = 0; i < n; i++)
            {
                float value = (float)((random.NextDouble() * 2 - 1) * Math.Pow(2, random.Next(-12, 6)));
                if (Input == "mixed")
                {
                    int roll = random.Next(100);
                    value = roll switch
                    {
                        0 => float.NaN,
                        1 => random.Next(2) == 0 ? float.PositiveInfinity : float.NegativeInfinity,
                        2 or 3 => random.Next(2) == 0 ? 1e30f : -1e30f,
                        _ => value,
                    };
                }

                floats[i] = value;
                doubles[i] = value;
                halves[i] = (Half)value;
            }
        }

        // ---------------------------------------------------------------- anchors

        [Benchmark(Baseline = true, Description = "Span.CopyTo (same float bytes)")]
        public void Copy() => floats.AsSpan().CopyTo(floatsOut);

        [Benchmark(Description = "TensorPrimitives float->Half")]
        public void TensorPrimitivesToHalf() => TensorPrimitives.ConvertToHalf(floats, halvesOut);

        /// <summary>The read floor of the float sources: every bit of the floats ORed together, four 512-bit accumulators.</summary>
        [Benchmark(Description = "read the float bytes (OR of all bits)")]
        public ulong ReadSingles() => OrAll(MemoryMarshal.AsBytes(floats.AsSpan()));

        /// <summary>The read floor of the double sources (twice the float bytes), as <see cref="ReadSingles"/>.</summary>
        [Benchmark(Description = "read the double bytes (OR of all bits)")]
        public ulong ReadDoubles() => OrAll(MemoryMarshal.AsBytes(doubles.AsSpan()));

        /// <summary>
        /// What a double source costs without NumForge's one-pass narrowing: TensorPrimitives' double -> float
        /// (rounded to nearest), the first of the two passes of <see cref="E4M3FNViaSingle"/>.
        /// </summary>
        [Benchmark(Description = "TensorPrimitives double->float")]
        public void TensorPrimitivesDoubleToSingle() => TensorPrimitives.ConvertTruncating<double, float>(doubles, floatsOut);

        /// <summary>
        /// The two-pass alternative to <see cref="E4M3FNFromDouble"/>: TensorPrimitives' double -> float, then float -> X.
        /// It rounds twice (wrong for a double just beside a midpoint of the format, or beyond the format's range in a
        /// directed mode); the one-pass row is exact. An anchor of speed only.
        /// </summary>
        [Benchmark(Description = "E4M3FN double->float->X (two passes, rounds twice)")]
        public void E4M3FNViaSingle()
        {
            TensorPrimitives.ConvertTruncating<double, float>(doubles, floatsOut);
            FloatSpan<Float8E4M3FN.Traits>.ConvertFromSingle<byte>(floatsOut, bytes, Rounding, Saturate);
        }

        /// <summary>The two-pass alternative to <see cref="BFloat16FromDouble"/>, as <see cref="E4M3FNViaSingle"/>.</summary>
        [Benchmark(Description = "BFloat16 double->float->X (two passes, rounds twice)")]
        public void BFloat16ViaSingle()
        {
            TensorPrimitives.ConvertTruncating<double, float>(doubles, floatsOut);
            FloatSpan<BFloat16.Traits>.ConvertFromSingle<ushort>(floatsOut, shorts, Rounding, Saturate);
        }

        // ---------------------------------------------------------------- float sources

        [Benchmark(Description = "E4M3FN float->X")]
        public void E4M3FNFromSingle() => FloatSpan<Float8E4M3FN.Traits>.ConvertFromSingle<byte>(floats, bytes, Rounding, Saturate);

        [Benchmark(Description = "E5M2 float->X")]
        public void E5M2FromSingle() => FloatSpan<Float8E5M2.Traits>.ConvertFromSingle<byte>(floats, bytes, Rounding, Saturate);

        [Benchmark(Description = "BFloat16 float->X")]
        public void BFloat16FromSingle() => FloatSpan<BFloat16.Traits>.ConvertFromSingle<ushort>(floats, shorts, Rounding, Saturate);

        [Benchmark(Description = "Binary16 float->X")]
        public void Binary16FromSingle() => FloatSpan<Binary16.Traits>.ConvertFromSingle<ushort>(floats, shorts, Rounding, Saturate);

        // ---------------------------------------------------------------- double sources

        [Benchmark(Description = "E4M3FN double->X")]
        public void E4M3FNFromDouble() => FloatSpan<Float8E4M3FN.Traits>.ConvertFromDouble<byte>(doubles, bytes, Rounding, Saturate);

        [Benchmark(Description = "E5M2 double->X")]
        public void E5M2FromDouble() => FloatSpan<Float8E5M2.Traits>.ConvertFromDouble<byte>(doubles, bytes, Rounding, Saturate);

        [Benchmark(Description = "BFloat16 double->X")]
        public void BFloat16FromDouble() => FloatSpan<BFloat16.Traits>.ConvertFromDouble<ushort>(doubles, shorts, Rounding, Saturate);

        [Benchmark(Description = "Binary16 double->X")]
        public void Binary16FromDouble() => FloatSpan<Binary16.Traits>.ConvertFromDouble<ushort>(doubles, shorts, Rounding, Saturate);

        // ---------------------------------------------------------------- Half sources

        [Benchmark(Description = "E4M3FN Half->X")]
        public void E4M3FNFromHalf() => FloatSpan<Float8E4M3FN.Traits>.ConvertFromHalf<byte>(halves, bytes, Rounding, Saturate);

        [Benchmark(Description = "E5M2 Half->X")]
        public void E5M2FromHalf() => FloatSpan<Float8E5M2.Traits>.ConvertFromHalf<byte>(halves, bytes, Rounding, Saturate);

        [Benchmark(Description = "BFloat16 Half->X")]
        public void BFloat16FromHalf() => FloatSpan<BFloat16.Traits>.ConvertFromHalf<ushort>(halves, shorts, Rounding, Saturate);

        [Benchmark(Description = "Binary16 Half->X")]
        public void Binary16FromHalf() => FloatSpan<Binary16.Traits>.ConvertFromHalf<ushort>(halves, shorts, Rounding, Saturate);

        private static ulong OrAll(ReadOnlySpan<byte> bytes)
        {
            ReadOnlySpan<Vector512<ulong>> vectors = MemoryMarshal.Cast<byte, Vector512<ulong>>(bytes);
            Vector512<ulong> a0 = default, a1 = default, a2 = default, a3 = default;
            int i = 0;
            for (; i + 4 <= vectors.Length; i += 4)
            {
                a0 |= vectors[i];
                a1 |= vectors[i + 1];
                a2 |= vectors[i + 2];
                a3 |= vectors[i + 3];
            }

            for (; i < vectors.Length; i++)
            {
                a0 |= vectors[i];
            }

            Vector512<ulong> all = (a0 | a1) | (a2 | a3);
            ulong result = 0;
            for (int lane = 0; lane < Vector512<ulong>.Count; lane++)
            {
                result |= all[lane];
            }

            return result;
        }
    }
}
