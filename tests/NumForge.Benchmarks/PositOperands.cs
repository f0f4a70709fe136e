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
    /// <item><c>sparse</c>: the random set with a zero at half of a's places, chosen at random (as after a ReLU): a kernel
    /// that branches on a zero operand mispredicts every other operation.</item>
    /// </list>
    /// Both draw from the caller's generator (callers seed <c>new Random(1)</c>), so a set is the same in every run and
    /// in both benchmark classes. The sqrt rows take <see cref="Radicands{T}"/> of b (|b|), which is b itself for the
    /// random set.
    /// <para>
    /// A set holds <see cref="Pairs"/> pairs (65,536 unless <c>NF_BENCH_POSIT_PAIRS</c> says otherwise); each invocation
    /// of a row computes the next <see cref="Count"/> of them (<see cref="Window"/>), so the sequence of operands repeats
    /// only every <see cref="Pairs"/> operations. Over a set of 1,024 pairs the branch predictor learns the whole sequence
    /// and SoftPosit's branches on signs and regime lengths stop mispredicting: on the AMD machine SoftPosit's posit16
    /// mul took 4.9 ns per operation over 4,096 pairs and 30.6 ns over 16,384 (NumForge: 2.7 and 3.2 ns).
    /// </para>
    /// </remarks>
    internal static class PositOperands
    {
        /// <summary>Pairs per invocation of a row; a power of two (the fma rows wrap with <c>&amp; (Count - 1)</c>).</summary>
        public const int Count = 1024;

        /// <summary>The environment variable that sets <see cref="Pairs"/> (a power of two, at least <see cref="Count"/>).</summary>
        public const string PairsVariable = "NF_BENCH_POSIT_PAIRS";

        /// <summary>Pairs in a set: 65,536, or <see cref="PairsVariable"/>'s value.</summary>
        public static int Pairs
        {
            get
            {
                string? text = Environment.GetEnvironmentVariable(PairsVariable);
                if (string.IsNullOrEmpty(text))
                {
                    return 65_536;
                }

                return int.TryParse(text, out int pairs) && pairs >= Count && BitOperations.IsPow2(pairs)
                    ? pairs
                    : throw new InvalidOperationException($"{PairsVariable}={text}: expected a power of two of at least {Count}.");
            }
        }

        /// <summary>The start of the next invocation's <see cref="Count"/> pairs in a set of <paramref name="pairs"/>: advances <paramref name="start"/>.</summary>
        public static int Window(ref int start, int pairs)
        {
            int current = start;
            start = (start + Count) & (pairs - 1);
            return current;
        }

        /// <summary>The environment variable that picks the operand set: <c>random</c> (default), <c>normal</c> or <c>sparse</c>.</summary>
        public const string Variable = "NF_BENCH_POSIT_OPERANDS";

        /// <summary>The operand set <see cref="Variable"/> names; throws on an unknown name rather than measure something else.</summary>
        public static string Set
        {
            get
            {
                string? set = Environment.GetEnvironmentVariable(Variable);
                return string.IsNullOrEmpty(set) ? "random" : set is "random" or "normal" or "sparse"
                    ? set
                    : throw new InvalidOperationException($"{Variable}={set}: expected 'random', 'normal' or 'sparse'.");
            }
        }

        /// <summary><see cref="Pairs"/> pairs of the set <see cref="Set"/> names, drawn from <paramref name="random"/>.</summary>
        public static (T[] A, T[] B) Create<T>(Random random)
            where T : struct, INumber<T>
        {
            string set = Set;
            bool normal = set == "normal";
            int pairs = Pairs;
            var a = new T[pairs];
            var b = new T[pairs];
            for (int i = 0; i < pairs; i++)
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
                    if (set == "sparse" && random.Next(2) == 0)
                    {
                        a[i] = T.Zero;
                    }
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
