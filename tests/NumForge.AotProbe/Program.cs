using System;
using System.Diagnostics;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NumForge.AotProbe
{
    /// <summary>A generated IEEE binary16: the generator's output, published with the probe.</summary>
    [FloatFormat(5, 10)]
    public readonly partial struct Binary16
    {
    }

    /// <summary>
    /// Times posit arithmetic, span conversions and a scalar cast (the fastest of several timed runs after a warm-up of a
    /// second, so that the JIT has reached its optimized tier) and checks every span conversion against the scalar cast.
    /// Prints a Markdown table; exits with 1 when a check fails.
    /// </summary>
    internal static class Program
    {
        private const int Pairs = 1024;

        private const int SpanLength = 1 << 18;   // 1 MiB of floats

        private static int Main()
        {
            Console.WriteLine($"runtime: {(System.Runtime.JitInfo.GetCompiledMethodCount() > 0 ? "JIT" : "Native AOT")}, {RuntimeInformation.FrameworkDescription}; "
                + $"Vector512 {Vector512.IsHardwareAccelerated}, Vector256 {Vector256.IsHardwareAccelerated}, Vector128 {Vector128.IsHardwareAccelerated}; "
                + $"AVX-512F {Avx512F.IsSupported}, AVX2 {Avx2.IsSupported}, BMI2 {Bmi2.IsSupported}, LZCNT {Lzcnt.IsSupported}");
            Console.WriteLine();
            Console.WriteLine("| case | ns per element |");
            Console.WriteLine("|---|---:|");

            var random = new Random(7);
            Posit32[] x32 = new Posit32[Pairs], y32 = new Posit32[Pairs], r32 = new Posit32[Pairs];
            Posit16[] x16 = new Posit16[Pairs], y16 = new Posit16[Pairs], r16 = new Posit16[Pairs];
            for (int i = 0; i < Pairs; i++)
            {
                x32[i] = (Posit32)Operand(random);
                y32[i] = (Posit32)Operand(random);
                x16[i] = (Posit16)Operand(random);
                y16[i] = (Posit16)Operand(random);
            }

            Report("posit32 add", Pairs, () => Add(x32, y32, r32));
            Report("posit32 mul", Pairs, () => Multiply(x32, y32, r32));
            Report("posit32 div", Pairs, () => Divide(x32, y32, r32));
            Report("posit32 sqrt", Pairs, () => SquareRoot(y32, r32));
            Report("posit16 add", Pairs, () => Add(x16, y16, r16));
            Report("posit16 mul", Pairs, () => Multiply(x16, y16, r16));

            float[] floats = MixedFloats(random);
            double[] doubles = Array.ConvertAll(floats, f => (double)f);
            float[] decoded = new float[SpanLength];
            var e4m3 = new Float8E4M3FN[SpanLength];
            var bf16 = new BFloat16[SpanLength];
            var binary16 = new Binary16[SpanLength];
            bool ok = true;

            Report("E4M3FN float -> X, 1 MiB mixed", SpanLength, () => Float8E4M3FN.ConvertFrom(floats, e4m3, MidpointRounding.ToEven, saturate: false));
            ok &= Check("E4M3FN float -> X", e4m3, floats, f => (Float8E4M3FN)f);
            Report("E4M3FN float -> X, toward zero", SpanLength, () => Float8E4M3FN.ConvertFrom(floats, e4m3, MidpointRounding.ToZero, saturate: false));
            Report("E4M3FN double -> X", SpanLength, () => Float8E4M3FN.ConvertFrom(doubles, e4m3, MidpointRounding.ToEven, saturate: false));
            ok &= Check("E4M3FN double -> X", e4m3, floats, f => (Float8E4M3FN)f);
            Report("E4M3FN X -> float", SpanLength, () => Float8E4M3FN.ConvertTo(e4m3, decoded));
            ok &= Check("E4M3FN X -> float", decoded, e4m3, c => (float)c);
            Report("BFloat16 float -> X", SpanLength, () => BFloat16.ConvertFrom(floats, bf16, MidpointRounding.ToEven, saturate: false));
            ok &= Check("BFloat16 float -> X", bf16, floats, f => (BFloat16)f);
            Report("generated [FloatFormat(5, 10)] float -> X", SpanLength, () => Binary16.ConvertFrom(floats, binary16, MidpointRounding.ToEven, saturate: false));
            ok &= Check("[FloatFormat(5, 10)] float -> X", binary16, floats, f => (Binary16)f);

            float[] casts = floats.AsSpan(0, 1 << 16).ToArray();
            Report("(Float8E4M3FN)f, scalar", casts.Length, () => Cast(casts, e4m3));
            Report("(float)Float8E4M3FN, scalar", casts.Length, () => Widen(e4m3.AsSpan(0, casts.Length), decoded));
            Report("(BFloat16)f, scalar", casts.Length, () => Cast(casts, bf16));
            Report("(float)BFloat16, scalar", casts.Length, () => Widen(bf16.AsSpan(0, casts.Length), decoded));

            Console.WriteLine();
            Console.WriteLine(ok ? "checks: every span conversion equals the scalar casts" : "checks: FAILED");
            return ok ? 0 : 1;
        }

        // The loops as in tests/NumForge.Benchmarks/PositBenchmarks.cs: spans whose lengths the JIT knows are equal.
        private static void Add<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> r)
            where T : IAdditionOperators<T, T, T>
        {
            r = r[..x.Length];
            for (int i = 0; i < x.Length; i++)
            {
                r[i] = x[i] + y[i];
            }
        }

        private static void Multiply<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> r)
            where T : IMultiplyOperators<T, T, T>
        {
            r = r[..x.Length];
            for (int i = 0; i < x.Length; i++)
            {
                r[i] = x[i] * y[i];
            }
        }

        private static void Divide<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> r)
            where T : IDivisionOperators<T, T, T>
        {
            r = r[..x.Length];
            for (int i = 0; i < x.Length; i++)
            {
                r[i] = x[i] / y[i];
            }
        }

        private static void SquareRoot(ReadOnlySpan<Posit32> y, Span<Posit32> r)
        {
            r = r[..y.Length];
            for (int i = 0; i < y.Length; i++)
            {
                r[i] = Posit32.Sqrt(Posit32.Abs(y[i]));
            }
        }

        private static void Cast(ReadOnlySpan<float> source, Span<Float8E4M3FN> destination)
        {
            destination = destination[..source.Length];
            for (int i = 0; i < source.Length; i++)
            {
                destination[i] = (Float8E4M3FN)source[i];
            }
        }

        private static void Cast(ReadOnlySpan<float> source, Span<BFloat16> destination)
        {
            destination = destination[..source.Length];
            for (int i = 0; i < source.Length; i++)
            {
                destination[i] = (BFloat16)source[i];
            }
        }

        private static void Widen(ReadOnlySpan<Float8E4M3FN> source, Span<float> destination)
        {
            destination = destination[..source.Length];
            for (int i = 0; i < source.Length; i++)
            {
                destination[i] = (float)source[i];
            }
        }

        private static void Widen(ReadOnlySpan<BFloat16> source, Span<float> destination)
        {
            destination = destination[..source.Length];
            for (int i = 0; i < source.Length; i++)
            {
                destination[i] = (float)source[i];
            }
        }

        /// <summary>A value of random sign and magnitude between 2^-6 and 2^5 (the benchmarks' random set, tests/NumForge.Benchmarks/PositOperands.cs, with both signs).</summary>
        private static double Operand(Random random)
            => (random.Next(2) == 0 ? 1 : -1) * (random.NextDouble() + 0.25) * Math.Pow(2, random.Next(-4, 5));

        /// <summary>Weights-like floats with 1% NaN, 1% infinities and 2% values far beyond every 8-bit format's range.</summary>
        private static float[] MixedFloats(Random random)
        {
            var values = new float[SpanLength];
            for (int i = 0; i < values.Length; i++)
            {
                float value = (float)((random.NextDouble() * 2 - 1) * Math.Pow(2, random.Next(-12, 6)));
                values[i] = random.Next(100) switch
                {
                    0 => float.NaN,
                    1 => random.Next(2) == 0 ? float.PositiveInfinity : float.NegativeInfinity,
                    2 or 3 => random.Next(2) == 0 ? 1e30f : -1e30f,
                    _ => value,
                };
            }

            return values;
        }

        /// <summary>Runs <paramref name="body"/> for a second, then reports the fastest of 30 timed runs per element.</summary>
        private static void Report(string name, int elements, Action body)
        {
            var clock = Stopwatch.StartNew();
            while (clock.ElapsedMilliseconds < 1000)
            {
                body();
            }

            int repeats = Math.Max(1, (1 << 20) / elements);
            double best = double.MaxValue;
            for (int run = 0; run < 30; run++)
            {
                long start = Stopwatch.GetTimestamp();
                for (int r = 0; r < repeats; r++)
                {
                    body();
                }

                double ns = Stopwatch.GetElapsedTime(start).TotalNanoseconds / ((double)repeats * elements);
                best = Math.Min(best, ns);
            }

            Console.WriteLine($"| {name} | {best:F3} |");
        }

        /// <summary>Whether every element of <paramref name="actual"/> has the bits of the scalar conversion of its source.</summary>
        private static bool Check<TResult, TSource>(string name, TResult[] actual, TSource[] source, Func<TSource, TResult> scalar)
            where TResult : unmanaged
        {
            var expected = Array.ConvertAll(source, s => scalar(s));
            if (MemoryMarshal.AsBytes(actual.AsSpan()).SequenceEqual(MemoryMarshal.AsBytes(expected.AsSpan())))
            {
                return true;
            }

            Console.WriteLine($"{name}: the span conversion differs from the scalar cast");
            return false;
        }
    }
}
