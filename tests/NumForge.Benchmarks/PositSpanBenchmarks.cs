using System;
using System.Numerics;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using NumForge.CompilerServices;
using NumForge.CompilerServices.Spans;

namespace NumForge.Benchmarks
{
    /// <summary>
    /// Posit span arithmetic, ns per element over <see cref="Operands"/> elements (the operands of
    /// <see cref="PositBenchmarks{T}"/>: within a few binades of 1, never zero; the addends likewise): Add, Multiply and
    /// FusedMultiplyAdd as the public span calls run them (vector lanes where they apply: float lanes for the posit16s,
    /// double lanes for Posit32), each at 256 bits (beside the public call's widest width, 512 bits on AVX-512
    /// hardware) and each at the scalar width (the element-by-element kernels), so the rows show what the lanes buy per
    /// operation, per posit width and per vector width.
    /// </summary>
    [GenericTypeArguments(typeof(Posit16E1), typeof(Posit16E1.Traits), typeof(ushort))]
    [GenericTypeArguments(typeof(Posit16), typeof(Posit16.Traits), typeof(ushort))]
    [GenericTypeArguments(typeof(Posit32), typeof(Posit32.Traits), typeof(uint))]
    public class PositSpanBenchmarks<TPosit, TTraits, TBits>
        where TPosit : struct
        where TTraits : struct, IPositTraits
        where TBits : unmanaged, IBinaryInteger<TBits>
    {
        public const int Operands = 1024;

        private TBits[] a = Array.Empty<TBits>();
        private TBits[] b = Array.Empty<TBits>();
        private TBits[] c = Array.Empty<TBits>();
        private TBits[] results = Array.Empty<TBits>();

        [GlobalSetup]
        public void Setup()
        {
            var random = new Random(1);
            a = new TBits[Operands];
            b = new TBits[Operands];
            c = new TBits[Operands];
            results = new TBits[Operands];
            for (int i = 0; i < Operands; i++)
            {
                a[i] = Code((random.NextDouble() + 0.25) * Math.Pow(2, random.Next(-4, 5)) * (random.Next(2) * 2 - 1));
                b[i] = Code((random.NextDouble() + 0.25) * Math.Pow(2, random.Next(-4, 5)));
                c[i] = Code((random.NextDouble() + 0.25) * Math.Pow(2, random.Next(-4, 5)) * (random.Next(2) * 2 - 1));
            }
        }

        [Benchmark(OperationsPerInvoke = Operands, Description = "span add")]
        public void SpanAdd() => PositSpan<TTraits>.Add<TBits>(a, b, results);

        [Benchmark(OperationsPerInvoke = Operands, Description = "span mul")]
        public void SpanMul() => PositSpan<TTraits>.Multiply<TBits>(a, b, results);

        [Benchmark(OperationsPerInvoke = Operands, Description = "span fma")]
        public void SpanFma() => PositSpan<TTraits>.FusedMultiplyAdd<TBits>(a, b, c, results);

        [Benchmark(OperationsPerInvoke = Operands, Description = "span add (256-bit lanes)")]
        public void SpanAdd256() => PositSpan<TTraits>.BinaryCore<TBits, AddLanes>(a, b, results, SimdWidth.V256);

        [Benchmark(OperationsPerInvoke = Operands, Description = "span mul (256-bit lanes)")]
        public void SpanMul256() => PositSpan<TTraits>.BinaryCore<TBits, MultiplyLanes>(a, b, results, SimdWidth.V256);

        [Benchmark(OperationsPerInvoke = Operands, Description = "span fma (256-bit lanes)")]
        public void SpanFma256() => PositSpan<TTraits>.FusedMultiplyAddCore<TBits>(a, b, c, results, SimdWidth.V256);

        [Benchmark(OperationsPerInvoke = Operands, Description = "span add (scalar kernels)")]
        public void SpanAddScalar() => PositSpan<TTraits>.BinaryCore<TBits, AddLanes>(a, b, results, SimdWidth.Scalar);

        [Benchmark(OperationsPerInvoke = Operands, Description = "span mul (scalar kernels)")]
        public void SpanMulScalar() => PositSpan<TTraits>.BinaryCore<TBits, MultiplyLanes>(a, b, results, SimdWidth.Scalar);

        [Benchmark(OperationsPerInvoke = Operands, Description = "span fma (scalar kernels)")]
        public void SpanFmaScalar() => PositSpan<TTraits>.FusedMultiplyAddCore<TBits>(a, b, c, results, SimdWidth.Scalar);

        private static TBits Code(double value) => TBits.CreateTruncating(PositCodec<TTraits>.FromDouble(value));
    }
}
