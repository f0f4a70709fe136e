using System;
using System.Numerics;

namespace NumForge.Benchmarks
{
    /// <summary>
    /// The operand pairs of the posit arithmetic rows, shared by <see cref="PositBenchmarks{T}"/> and
    /// <see cref="SoftPositBenchmarks{T}"/> so NumForge and SoftPosit compute on exactly the same values.
    /// </summary>
    internal static class PositOperands
    {
        /// <summary>Pairs per row; a power of two (the fma rows wrap with <c>&amp; (Count - 1)</c>).</summary>
        public const int Count = 1024;

        /// <summary>
        /// <see cref="Count"/> pairs drawn from <paramref name="random"/>: positive and negative a, positive b, both
        /// within a few binades of 1 (the posits' densest region), never zero. Callers seed <c>new Random(1)</c>.
        /// </summary>
        public static (T[] A, T[] B) Create<T>(Random random)
            where T : struct, INumber<T>
        {
            var a = new T[Count];
            var b = new T[Count];
            for (int i = 0; i < Count; i++)
            {
                a[i] = T.CreateSaturating((float)((random.NextDouble() + 0.25) * Math.Pow(2, random.Next(-4, 5)) * (random.Next(2) * 2 - 1)));
                b[i] = T.CreateSaturating((float)((random.NextDouble() + 0.25) * Math.Pow(2, random.Next(-4, 5))));
            }

            return (a, b);
        }
    }
}
