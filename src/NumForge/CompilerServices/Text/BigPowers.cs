using System.Numerics;
using System.Runtime.CompilerServices;
using System.Threading;

namespace NumForge.CompilerServices.Text
{
    /// <summary>Powers of 5 and 10 as <see cref="BigInteger"/>, computed once on first use (thread-safe).</summary>
    internal static class BigPowers
    {
        /// <summary>Exponents below this are cached; every exponent the text kernels use is (at most ~1140).</summary>
        private const int CacheSize = 1200;

        private static readonly StrongBox<BigInteger>?[] Fives = new StrongBox<BigInteger>?[CacheSize];
        private static readonly StrongBox<BigInteger>?[] Tens = new StrongBox<BigInteger>?[CacheSize];

        /// <summary>5^k for k &gt;= 0.</summary>
        public static BigInteger Pow5(int k) => Get(Fives, 5, k);

        /// <summary>10^k for k &gt;= 0.</summary>
        public static BigInteger Pow10(int k) => Get(Tens, 10, k);

        private static BigInteger Get(StrongBox<BigInteger>?[] cache, int radix, int k)
        {
            if ((uint)k >= CacheSize)
            {
                return BigInteger.Pow(radix, k);
            }

            StrongBox<BigInteger>? box = Volatile.Read(ref cache[k]);
            if (box == null)
            {
                box = new StrongBox<BigInteger>(BigInteger.Pow(radix, k));
                Volatile.Write(ref cache[k], box);
            }

            return box.Value;
        }
    }
}
