using System;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using NumForge.CompilerServices;

namespace NumForge.Benchmarks
{
    /// <summary>
    /// Scalar posit arithmetic (ns per add, mul, div, fma, sqrt over <see cref="Operands"/> operand pairs per invocation,
    /// the next window of a larger set each time: see <see cref="PositOperands"/>; the span rows use the first window) and span
    /// conversions (ns per element, float -> T and T -> float over <see cref="SpanLength"/> elements) for Posit8,
    /// Posit16 (es 2), Posit16E1 (SoftPosit's posit16) and Posit32, beside the same operations on float and
    /// System.Half. SoftPosit itself runs in <see cref="SoftPositBenchmarks{T}"/> over the same operands
    /// (<see cref="PositOperands"/>; <c>NF_BENCH_POSIT_OPERANDS=random|normal|sparse</c> picks the operand set, see its remarks;
    /// the sqrt row takes |b|). Each benchmark reports time per operation/element (OperationsPerInvoke). For
    /// float the "conversion" is a copy; for Half it is TensorPrimitives.ConvertToHalf/ConvertToSingle.
    /// </summary>
    [GenericTypeArguments(typeof(Posit8))]
    [GenericTypeArguments(typeof(Posit16))]
    [GenericTypeArguments(typeof(Posit16E1))]
    [GenericTypeArguments(typeof(Posit32))]
    [GenericTypeArguments(typeof(float))]
    [GenericTypeArguments(typeof(Half))]
    public class PositBenchmarks<T>
        where T : struct, INumber<T>, IRootFunctions<T>
    {
        public const int Operands = PositOperands.Count;
        public const int SpanLength = 4096;

        private T[] a = Array.Empty<T>();
        private T[] b = Array.Empty<T>();
        private T[] radicands = Array.Empty<T>();
        private T[] results = Array.Empty<T>();
        private float[] floats = Array.Empty<float>();
        private float[] floatsOut = Array.Empty<float>();
        private T[] converted = Array.Empty<T>();
        private int start;

        [GlobalSetup]
        public void Setup()
        {
            var random = new Random(1);
            (a, b) = PositOperands.Create<T>(random);
            radicands = PositOperands.Radicands(b);
            results = new T[Operands];

            floats = new float[SpanLength];
            floatsOut = new float[SpanLength];
            converted = new T[SpanLength];
            for (int i = 0; i < SpanLength; i++)
            {
                floats[i] = (float)((random.NextDouble() * 2 - 1) * Math.Pow(2, random.Next(-12, 6)));
            }

            FromFloat();
        }

        [Benchmark(OperationsPerInvoke = Operands, Description = "add")]
        public T Add()
        {
            int s = PositOperands.Window(ref start, a.Length);
            ReadOnlySpan<T> x = a.AsSpan(s, Operands), y = b.AsSpan(s, Operands);
            Span<T> r = results.AsSpan(0, Operands);   // a length the JIT knows equals the loop's: no bounds check, as in SoftPosit's C loop
            for (int i = 0; i < x.Length; i++)
            {
                r[i] = x[i] + y[i];
            }

            return r[^1];
        }

        [Benchmark(OperationsPerInvoke = Operands, Description = "mul")]
        public T Mul()
        {
            int s = PositOperands.Window(ref start, a.Length);
            ReadOnlySpan<T> x = a.AsSpan(s, Operands), y = b.AsSpan(s, Operands);
            Span<T> r = results.AsSpan(0, Operands);
            for (int i = 0; i < x.Length; i++)
            {
                r[i] = x[i] * y[i];
            }

            return r[^1];
        }

        [Benchmark(OperationsPerInvoke = Operands, Description = "div")]
        public T Div()
        {
            int s = PositOperands.Window(ref start, a.Length);
            ReadOnlySpan<T> x = a.AsSpan(s, Operands), y = b.AsSpan(s, Operands);
            Span<T> r = results.AsSpan(0, Operands);
            for (int i = 0; i < x.Length; i++)
            {
                r[i] = x[i] / y[i];
            }

            return r[^1];
        }

        [Benchmark(OperationsPerInvoke = Operands, Description = "fma")]
        public T Fma()
        {
            // a × b + the next a: MultiplyAddEstimate fuses for posits (one rounding) and float; Half rounds twice.
            int s = PositOperands.Window(ref start, a.Length);
            ReadOnlySpan<T> x = a.AsSpan(s, Operands), y = b.AsSpan(s, Operands);
            Span<T> r = results.AsSpan(0, Operands);
            for (int i = 0; i < x.Length; i++)
            {
                r[i] = T.MultiplyAddEstimate(x[i], y[i], x[(i + 1) & (Operands - 1)]);
            }

            return r[^1];
        }

        [Benchmark(OperationsPerInvoke = Operands, Description = "sqrt")]
        public T Sqrt()
        {
            int s = PositOperands.Window(ref start, a.Length);
            ReadOnlySpan<T> y = radicands.AsSpan(s, Operands);
            Span<T> r = results.AsSpan(0, Operands);
            for (int i = 0; i < y.Length; i++)
            {
                r[i] = T.Sqrt(y[i]);
            }

            return r[^1];
        }

        [Benchmark(OperationsPerInvoke = Operands, Description = "span add")]
        public void SpanAdd() => SpanArithmetic(multiply: false);

        [Benchmark(OperationsPerInvoke = Operands, Description = "span mul")]
        public void SpanMul() => SpanArithmetic(multiply: true);

        /// <summary>
        /// r = a + b or a × b over the <see cref="Operands"/> pairs in one span call: PositSpan for posits (vector lanes
        /// for Posit16 and Posit16E1, the scalar kernels for the others), TensorPrimitives for float and Half.
        /// </summary>
        private void SpanArithmetic(bool multiply)
        {
            if (typeof(T) == typeof(Posit8))
            {
                Posits<Posit8, Posit8.Traits, byte>(multiply);
            }
            else if (typeof(T) == typeof(Posit16))
            {
                Posits<Posit16, Posit16.Traits, ushort>(multiply);
            }
            else if (typeof(T) == typeof(Posit16E1))
            {
                Posits<Posit16E1, Posit16E1.Traits, ushort>(multiply);
            }
            else if (typeof(T) == typeof(Posit32))
            {
                Posits<Posit32, Posit32.Traits, uint>(multiply);
            }
            else if (multiply)
            {
                TensorPrimitives.Multiply<T>(a.AsSpan(0, Operands), b.AsSpan(0, Operands), results);
            }
            else
            {
                TensorPrimitives.Add<T>(a.AsSpan(0, Operands), b.AsSpan(0, Operands), results);
            }
        }

        private void Posits<TPosit, TTraits, TBits>(bool multiply)
            where TPosit : struct
            where TTraits : struct, IPositTraits
            where TBits : unmanaged, IBinaryInteger<TBits>
        {
            // The first window: span kernels are branch-free lanes, and their rows stay comparable with earlier runs.
            ReadOnlySpan<TBits> x = MemoryMarshal.Cast<T, TBits>(a.AsSpan(0, Operands)), y = MemoryMarshal.Cast<T, TBits>(b.AsSpan(0, Operands));
            Span<TBits> r = MemoryMarshal.Cast<T, TBits>(results.AsSpan());
            if (multiply)
            {
                PositSpan<TTraits>.Multiply(x, y, r);
            }
            else
            {
                PositSpan<TTraits>.Add(x, y, r);
            }
        }

        [Benchmark(OperationsPerInvoke = SpanLength, Description = "span float->T")]
        public void FromFloat()
        {
            Span<T> d = converted;
            if (typeof(T) == typeof(Posit8))
            {
                Posit8.ConvertFrom(floats, MemoryMarshal.Cast<T, Posit8>(d));
            }
            else if (typeof(T) == typeof(Posit16))
            {
                Posit16.ConvertFrom(floats, MemoryMarshal.Cast<T, Posit16>(d));
            }
            else if (typeof(T) == typeof(Posit16E1))
            {
                Posit16E1.ConvertFrom(floats, MemoryMarshal.Cast<T, Posit16E1>(d));
            }
            else if (typeof(T) == typeof(Posit32))
            {
                Posit32.ConvertFrom(floats, MemoryMarshal.Cast<T, Posit32>(d));
            }
            else if (typeof(T) == typeof(Half))
            {
                TensorPrimitives.ConvertToHalf(floats, MemoryMarshal.Cast<T, Half>(d));
            }
            else
            {
                floats.AsSpan().CopyTo(MemoryMarshal.Cast<T, float>(d));
            }
        }

        [Benchmark(OperationsPerInvoke = SpanLength, Description = "span T->float")]
        public void ToFloat()
        {
            ReadOnlySpan<T> s = converted;
            if (typeof(T) == typeof(Posit8))
            {
                Posit8.ConvertTo(MemoryMarshal.Cast<T, Posit8>(s), floatsOut);
            }
            else if (typeof(T) == typeof(Posit16))
            {
                Posit16.ConvertTo(MemoryMarshal.Cast<T, Posit16>(s), floatsOut);
            }
            else if (typeof(T) == typeof(Posit16E1))
            {
                Posit16E1.ConvertTo(MemoryMarshal.Cast<T, Posit16E1>(s), floatsOut);
            }
            else if (typeof(T) == typeof(Posit32))
            {
                Posit32.ConvertTo(MemoryMarshal.Cast<T, Posit32>(s), floatsOut);
            }
            else if (typeof(T) == typeof(Half))
            {
                TensorPrimitives.ConvertToSingle(MemoryMarshal.Cast<T, Half>(s), floatsOut);
            }
            else
            {
                MemoryMarshal.Cast<T, float>(s).CopyTo(floatsOut);
            }
        }

        [Benchmark(OperationsPerInvoke = SpanLength, Description = "loop (T)f")]
        public T LoopFromFloat()
        {
            float[] s = floats;
            T[] d = converted;
            for (int i = 0; i < s.Length; i++)
            {
                d[i] = T.CreateSaturating(s[i]);
            }

            return d[^1];
        }
    }
}
