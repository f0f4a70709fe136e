using System.Runtime.CompilerServices;

namespace NumForge.CompilerServices.Spans
{
    /// <summary>
    /// The random bits of seeded stochastic rounding: a counter-based hash of (seed, element index), so the bits of
    /// element i do not depend on the vector width, on chunking, or on the other elements. Two rounds of a 32-bit
    /// integer finaliser (Wellons' lowbias32, full avalanche) keyed by the two halves of the seed; a scalar and a
    /// vector form that agree.
    /// </summary>
    internal static class StochasticBits
    {
        /// <summary>The two per-call keys derived from the seed.</summary>
        public static (ulong Key0, ulong Key1) Keys(ulong seed)
        {
            uint k1 = Mix((uint)(seed >> 32) ^ 0x9E37_79B9u);
            uint k0 = Mix((uint)seed ^ k1);
            return (k0, k1);
        }

        /// <summary>The 32 random bits of element <paramref name="index"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static uint Bits(uint index, ulong key0, ulong key1) => Mix(Mix(index ^ (uint)key0) + (uint)key1);

        /// <summary>The random bits of elements start .. start + Count - 1 (32-bit lanes).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static TV Bits<TOps, TV>(int start, ulong key0, ulong key1)
            where TOps : struct, ISimd<TV>
            where TV : struct
            => Mix<TOps, TV>(TOps.Add(Mix<TOps, TV>(TOps.Xor(TOps.Indices(start), TOps.Create(key0))), TOps.Create(key1)));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static uint Mix(uint x)
        {
            x ^= x >> 16;
            x *= 0x21F0_AAADu;
            x ^= x >> 15;
            x *= 0xD35A_2D97u;
            x ^= x >> 15;
            return x;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static TV Mix<TOps, TV>(TV x)
            where TOps : struct, ISimd<TV>
            where TV : struct
        {
            x = TOps.Xor(x, TOps.ShiftRight(x, 16));
            x = TOps.Multiply(x, TOps.Create(0x21F0_AAADu));
            x = TOps.Xor(x, TOps.ShiftRight(x, 15));
            x = TOps.Multiply(x, TOps.Create(0xD35A_2D97u));
            x = TOps.Xor(x, TOps.ShiftRight(x, 15));
            return x;
        }
    }
}
