using System;
using System.Numerics;

namespace NumForge.Benchmarks
{
    /// <summary>
    /// The operand pairs of the posit arithmetic rows, shared by <see cref="PositBenchmarks{T}"/> and
    /// <see cref="SoftPositBenchmarks{T}"/> so NumForge and SoftPosit compute on exactly the same values.
    /// </summary>
    /// <remarks>
    /// The environment variable <c>NF_BENCH_POSIT_OPERANDS</c> picks the set (SoftPosit branches on signs and regime
    /// lengths, so its speed depends on it; NumForge's kernels barely do):
    /// <list type="bullet">
    /// <item><c>random</c> (the default): a of either sign, b positive, both uniform in [0.25, 1.25) times 2^k with k
    /// uniform in -4..4 (the posits' densest region), never zero.</item>
    /// <item><c>normal</c>: a and b the posits of values drawn from the normal distribution N(0, 1) (Box-Muller), as
    /// real tensors hold: both signs, mostly within a few binades of 1, a few far smaller.</item>
    /// </list>
    /// Both draw from the caller's generator (callers seed <c>new Random(1)</c>), so a set is the same in every run and
    /// in both benchmark classes. The sqrt rows take <see cref="Radicands{T}"/> of b (|b|), which is b itself for the
    /// random set.
    /// </remarks>
    internal static class PositOperands
    {
        /// <summary>Pairs per row; a power of two (the fma rows wrap with <c>&amp; (Count - 1)</c>).</summary>
        public const int Count = 1024;

        /// <summary>The environment variable that picks the operand set: <c>random</c> (default) or <c>normal</c>.</summary>
        public const string Variable = "NF_BENCH_POSIT_OPERANDS";

        /// <summary>The operand set <see cref="Variable"/> names; throws on an unknown name rather than measure something else.</summary>
        public static string Set
        {
            get
            {
                string? set = Environment.GetEnvironmentVariable(Variable);
                return string.IsNullOrEmpty(set) ? "random" : set is "random" or "normal"
                    ? set
                    : throw new InvalidOperationException($"{Variable}={set}: expected 'random' or 'normal'.");
            }
        }

        /// <summary><see cref="Count"/> pairs of the set <see cref="Set"/> names, drawn from <paramref name="random"/>.</summary>
        public static (T[] A, T[] B) Create<T>(Random random)
            where T : struct, INumber<T>
        {
            bool normal = Set == "normal";
            var a = new T[Count];
            var b = new T[Count];
            for (int i = 0; i < Count; i++)
            {
                if (normal)
                {
                    a[i] = T.CreateSaturating((float)Gaussian(random));
                    b[i] = T.CreateSaturating((float)Gaussian(random));
                }
                else
                {
                    a[i] = T.CreateSaturating((float)((random.NextDouble() + 0.25) * Math.Pow(2, random.Next(-4, 5)) * (random.Next(2) * 2 - 1)));
                    b[i] = T.CreateSaturating((float)((random.NextDouble() + 0.25) * Math.Pow(2, random.Next(-4, 5))));
                }
            }

            return (a, b);
        }

        /// <summary>The operands of the sqrt rows: |b| (b itself for the random set, whose b is positive).</summary>
        public static T[] Radicands<T>(T[] b)
            where T : struct, INumber<T>
            => Array.ConvertAll(b, T.Abs);

        /// <summary>A draw from N(0, 1) (Box-Muller; 1 - NextDouble() keeps the logarithm finite).</summary>
        private static double Gaussian(Random random)
            => Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());
    }
}
