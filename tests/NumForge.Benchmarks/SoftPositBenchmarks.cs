using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;

namespace NumForge.Benchmarks
{
    /// <summary>
    /// SoftPosit itself (C, gcc -O2, loaded from <c>NF_SOFTPOSIT_LIB</c>; see <see cref="SoftPositNativeLibrary"/>) on
    /// the operands of <see cref="PositBenchmarks{T}"/> (<see cref="PositOperands"/>, the set <c>NF_BENCH_POSIT_OPERANDS</c>
    /// picks: <c>random</c> or <c>normal</c>; sqrt on |b|): add, mul, div, fma and sqrt for
    /// posit16 (es 1, <see cref="Posit16E1"/>), posit&lt;16,2&gt; through SoftPosit's pX2 (<see cref="Posit16"/>) and
    /// posit32 (<see cref="Posit32"/>). One native call runs the whole loop of <see cref="PositOperands.Count"/>
    /// operations (native/softposit_loops.c), so the P/Invoke transition is paid once per 1024 operations; each row
    /// reports ns per operation (OperationsPerInvoke) and writes the same result array as the NumForge row. The setup
    /// checks every SoftPosit result against NumForge's, bit for bit, and throws at the first difference. Runs only when
    /// selected, e.g. <c>--filter '*PositBenchmarks*' --join</c>.
    /// </summary>
    [GenericTypeArguments(typeof(Posit16E1))]
    [GenericTypeArguments(typeof(Posit16))]
    [GenericTypeArguments(typeof(Posit32))]
    public unsafe class SoftPositBenchmarks<T>
        where T : unmanaged, INumber<T>, IRootFunctions<T>
    {
        private const int N = PositOperands.Count;

        private T[] a = Array.Empty<T>();
        private T[] b = Array.Empty<T>();
        private T[] radicands = Array.Empty<T>();
        private T[] results = Array.Empty<T>();
        private void* pa;
        private void* pb;
        private void* pq;
        private void* pr;
        private delegate* unmanaged<void*, void*, void*, int, void> add;
        private delegate* unmanaged<void*, void*, void*, int, void> mul;
        private delegate* unmanaged<void*, void*, void*, int, void> div;
        private delegate* unmanaged<void*, void*, void*, int, void> fma;
        private delegate* unmanaged<void*, void*, int, void> sqrt;

        [GlobalSetup]
        public void Setup()
        {
            string prefix = typeof(T) == typeof(Posit16E1) ? "sp_p16"
                : typeof(T) == typeof(Posit16) ? "sp_px2_16"
                : typeof(T) == typeof(Posit32) ? "sp_p32"
                : throw new NotSupportedException($"SoftPosit has no loop for {typeof(T).Name}.");
            add = (delegate* unmanaged<void*, void*, void*, int, void>)SoftPositNativeLibrary.Export(prefix + "_add");
            mul = (delegate* unmanaged<void*, void*, void*, int, void>)SoftPositNativeLibrary.Export(prefix + "_mul");
            div = (delegate* unmanaged<void*, void*, void*, int, void>)SoftPositNativeLibrary.Export(prefix + "_div");
            fma = (delegate* unmanaged<void*, void*, void*, int, void>)SoftPositNativeLibrary.Export(prefix + "_fma");
            sqrt = (delegate* unmanaged<void*, void*, int, void>)SoftPositNativeLibrary.Export(prefix + "_sqrt");

            // Pinned for the process's life, so each row is one native call with no per-call pinning.
            (T[] x, T[] y) = PositOperands.Create<T>(new Random(1));
            a = GC.AllocateArray<T>(N, pinned: true);
            b = GC.AllocateArray<T>(N, pinned: true);
            radicands = GC.AllocateArray<T>(N, pinned: true);
            results = GC.AllocateArray<T>(N, pinned: true);
            x.CopyTo(a, 0);
            y.CopyTo(b, 0);
            PositOperands.Radicands(y).CopyTo(radicands, 0);
            pa = Unsafe.AsPointer(ref a[0]);
            pb = Unsafe.AsPointer(ref b[0]);
            pq = Unsafe.AsPointer(ref radicands[0]);
            pr = Unsafe.AsPointer(ref results[0]);

            Check("add", Add, i => a[i] + b[i], unary: false);
            Check("mul", Mul, i => a[i] * b[i], unary: false);
            Check("div", Div, i => a[i] / b[i], unary: false);
            Check("fma", Fma, i => T.MultiplyAddEstimate(a[i], b[i], a[(i + 1) & (N - 1)]), unary: false);
            Check("sqrt", Sqrt, i => T.Sqrt(radicands[i]), unary: true);
        }

        [Benchmark(OperationsPerInvoke = N, Description = "add")]
        public T Add()
        {
            add(pa, pb, pr, N);
            return results[N - 1];
        }

        [Benchmark(OperationsPerInvoke = N, Description = "mul")]
        public T Mul()
        {
            mul(pa, pb, pr, N);
            return results[N - 1];
        }

        [Benchmark(OperationsPerInvoke = N, Description = "div")]
        public T Div()
        {
            div(pa, pb, pr, N);
            return results[N - 1];
        }

        /// <summary>a × b + the next a, one rounding (SoftPosit's mulAdd), as PositBenchmarks' fma row.</summary>
        [Benchmark(OperationsPerInvoke = N, Description = "fma")]
        public T Fma()
        {
            fma(pa, pb, pr, N);
            return results[N - 1];
        }

        [Benchmark(OperationsPerInvoke = N, Description = "sqrt")]
        public T Sqrt()
        {
            sqrt(pq, pr, N);
            return results[N - 1];
        }

        /// <summary>Runs one SoftPosit row and compares each result with NumForge's bits; throws at the first difference.</summary>
        private void Check(string operation, Func<T> row, Func<int, T> numForge, bool unary)
        {
            Array.Clear(results);
            _ = row();
            for (int i = 0; i < N; i++)
            {
                T expected = numForge(i);
                if (Bits(results[i]) != Bits(expected))
                {
                    string operands = unary ? $"|b| = 0x{Bits(radicands[i]):X}" : $"a = 0x{Bits(a[i]):X}, b = 0x{Bits(b[i]):X}";
                    throw new InvalidOperationException(
                        $"SoftPosit and NumForge disagree on {typeof(T).Name} {operation} at operand {i} ({operands}): SoftPosit 0x{Bits(results[i]):X}, NumForge 0x{Bits(expected):X}.");
                }
            }
        }

        private static uint Bits(T value) => Unsafe.SizeOf<T>() == sizeof(ushort) ? Unsafe.As<T, ushort>(ref value) : Unsafe.As<T, uint>(ref value);
    }
}
