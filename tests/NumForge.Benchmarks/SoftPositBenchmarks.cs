using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using NumForge.CompilerServices;

namespace NumForge.Benchmarks
{
    /// <summary>
    /// SoftPosit itself (C, gcc -O2, loaded from <c>NF_SOFTPOSIT_LIB</c>; see <see cref="SoftPositNativeLibrary"/>) on
    /// the operands of <see cref="PositBenchmarks{T}"/> (<see cref="PositOperands"/>, the set <c>NF_BENCH_POSIT_OPERANDS</c>
    /// picks: <c>random</c>, <c>normal</c> or <c>sparse</c>; sqrt on |b|): add, mul, div, fma and sqrt for
    /// posit16 (es 1, <see cref="Posit16E1"/>), posit&lt;16,2&gt; through SoftPosit's pX2 (<see cref="Posit16"/>) and
    /// posit32 (<see cref="Posit32"/>). One native call runs the loop over the next <see cref="PositOperands.Count"/>
    /// pairs of the set (native/softposit_loops.c; <see cref="PositOperands.Window"/>, as the NumForge rows), so the
    /// P/Invoke transition is paid once per 1024 operations; each row reports ns per operation (OperationsPerInvoke). The
    /// setup checks SoftPosit's result for every pair of the set against NumForge's, bit for bit, and throws at the first
    /// difference. Runs only when
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
        private int pairs;
        private int start;
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
            pairs = x.Length;
            a = GC.AllocateArray<T>(pairs, pinned: true);
            b = GC.AllocateArray<T>(pairs, pinned: true);
            radicands = GC.AllocateArray<T>(pairs, pinned: true);
            results = GC.AllocateArray<T>(pairs, pinned: true);
            x.CopyTo(a, 0);
            y.CopyTo(b, 0);
            PositOperands.Radicands(y).CopyTo(radicands, 0);
            pa = Unsafe.AsPointer(ref a[0]);
            pb = Unsafe.AsPointer(ref b[0]);
            pq = Unsafe.AsPointer(ref radicands[0]);
            pr = Unsafe.AsPointer(ref results[0]);

            // Every pair of the set, once (the fma row's next a wraps within each window of N, as in the benchmark).
            Check("add", () => add(pa, pb, pr, pairs), i => a[i] + b[i], unary: false);
            Check("mul", () => mul(pa, pb, pr, pairs), i => a[i] * b[i], unary: false);
            Check("div", () => div(pa, pb, pr, pairs), i => a[i] / b[i], unary: false);
            Check("fma", () => FmaWindows(), i => T.MultiplyAddEstimate(a[i], b[i], a[NextA(i)]), unary: false, addend: NextA);
            Check("sqrt", () => sqrt(pq, pr, pairs), i => T.Sqrt(radicands[i]), unary: true);
        }

        [Benchmark(OperationsPerInvoke = N, Description = "add")]
        public T Add()
        {
            nint s = PositOperands.Window(ref start, pairs) * sizeof(T);
            add((byte*)pa + s, (byte*)pb + s, pr, N);
            return results[N - 1];
        }

        [Benchmark(OperationsPerInvoke = N, Description = "mul")]
        public T Mul()
        {
            nint s = PositOperands.Window(ref start, pairs) * sizeof(T);
            mul((byte*)pa + s, (byte*)pb + s, pr, N);
            return results[N - 1];
        }

        [Benchmark(OperationsPerInvoke = N, Description = "div")]
        public T Div()
        {
            nint s = PositOperands.Window(ref start, pairs) * sizeof(T);
            div((byte*)pa + s, (byte*)pb + s, pr, N);
            return results[N - 1];
        }

        /// <summary>a × b + the next a, one rounding (SoftPosit's mulAdd), as PositBenchmarks' fma row.</summary>
        [Benchmark(OperationsPerInvoke = N, Description = "fma")]
        public T Fma()
        {
            nint s = PositOperands.Window(ref start, pairs) * sizeof(T);
            fma((byte*)pa + s, (byte*)pb + s, pr, N);
            return results[N - 1];
        }

        [Benchmark(OperationsPerInvoke = N, Description = "sqrt")]
        public T Sqrt()
        {
            nint s = PositOperands.Window(ref start, pairs) * sizeof(T);
            sqrt((byte*)pq + s, pr, N);
            return results[N - 1];
        }

        /// <summary>The fma rows' addend of pair <paramref name="i"/>: the next a within its window of N.</summary>
        private static int NextA(int i) => (i & ~(N - 1)) + ((i + 1) & (N - 1));

        /// <summary>SoftPosit's fma over every window of the set, into <see cref="results"/> at the window's place.</summary>
        private void FmaWindows()
        {
            for (int s = 0; s < pairs; s += N)
            {
                int bytes = s * sizeof(T);
                fma((byte*)pa + bytes, (byte*)pb + bytes, (byte*)pr + bytes, N);
            }
        }

        /// <summary>Runs SoftPosit over every pair and compares each result with NumForge's bits; throws at the first difference.</summary>
        /// <remarks>
        /// For fma a difference where NumForge's result is the exact a × b + c rounded once (a quire's) is SoftPosit's
        /// error: it is counted and reported, not thrown (SoftPosit's posit32 mulAdd misrounds a few of 65,536 pairs).
        /// </remarks>
        private void Check(string operation, Action softPosit, Func<int, T> numForge, bool unary, Func<int, int>? addend = null)
        {
            Array.Clear(results);
            softPosit();
            int softPositErrors = 0;
            string first = "";
            for (int i = 0; i < pairs; i++)
            {
                T expected = numForge(i);
                if (Bits(results[i]) != Bits(expected) && addend is not null && Bits(expected) == ExactFma(Bits(a[i]), Bits(b[i]), Bits(a[addend(i)])))
                {
                    if (softPositErrors++ == 0)
                    {
                        first = $"operand {i} (a = 0x{Bits(a[i]):X}, b = 0x{Bits(b[i]):X}, c = 0x{Bits(a[addend(i)]):X}): SoftPosit 0x{Bits(results[i]):X}, exact and NumForge 0x{Bits(expected):X}";
                    }
                }
                else if (Bits(results[i]) != Bits(expected))
                {
                    string operands = unary ? $"|b| = 0x{Bits(radicands[i]):X}" : $"a = 0x{Bits(a[i]):X}, b = 0x{Bits(b[i]):X}";
                    if (addend is not null)
                    {
                        operands += $", c = 0x{Bits(a[addend(i)]):X}";
                    }

                    throw new InvalidOperationException(
                        $"SoftPosit and NumForge disagree on {typeof(T).Name} {operation} at operand {i} ({operands}): SoftPosit 0x{Bits(results[i]):X}, NumForge 0x{Bits(expected):X}.");
                }
            }

            if (softPositErrors > 0)
            {
                Console.WriteLine($"// SoftPosit {typeof(T).Name} {operation}: {softPositErrors} of {pairs} results are not the exact result rounded once (NumForge's are); first at {first}.");
            }
        }

        /// <summary>a × b + c rounded once, through the quire (exact): the referee when SoftPosit and NumForge differ.</summary>
        private static uint ExactFma(uint x, uint y, uint c)
        {
            if (typeof(T) == typeof(Posit32))
            {
                return (uint)Exact<Posit32.Traits>(x, y, c);
            }

            return typeof(T) == typeof(Posit16) ? (uint)Exact<Posit16.Traits>(x, y, c) : (uint)Exact<Posit16E1.Traits>(x, y, c);

            static ulong Exact<TTraits>(uint x, uint y, uint c)
                where TTraits : struct, IPositTraits
            {
                Quire<TTraits> quire = Quire<TTraits>.FromPosit(c);
                quire.AddProduct(x, y);
                return quire.ToPosit();
            }
        }

        private static uint Bits(T value) => Unsafe.SizeOf<T>() == sizeof(ushort) ? Unsafe.As<T, ushort>(ref value) : Unsafe.As<T, uint>(ref value);
    }
}
