using System.Numerics;

namespace NumForge.CompilerServices
{
    /// <summary>What a 17- to 32-bit code's top bits say, for the tables that decode such codes by them (built once per type).</summary>
    public static partial class PositCodec<TTraits>
    {
        /// <summary>
        /// The scale that the top <paramref name="indexBits"/> bits (<paramref name="top"/>, the sign first) of a code give,
        /// in the two's complement reading (a positive code is (1 + f) × 2^scale, a negative one (f - 2) × 2^scale), and the
        /// payload bits its regime, the regime's terminating bit and its exponent take; false when they run past those bits,
        /// so that the top bits do not decode the code (0 and NaR among them).
        /// </summary>
        private static bool TryReadTopBits(int top, int indexBits, out int scale, out int fieldBits)
        {
            int payloadBits = indexBits - 1, es = TTraits.ExponentBits;
            ulong payload = (ulong)top << (64 - payloadBits);                 // the payload bits, left-aligned
            bool ones = (long)payload < 0;
            int run = BitOperations.LeadingZeroCount(ones ? ~payload : payload);
            fieldBits = run + 1 + es;
            if (run >= payloadBits || fieldBits > payloadBits)
            {
                scale = 0;
                return false;                                               // the regime or exponent runs past the top bits
            }

            int k = ones ? run - 1 : -run;
            int exponent = es == 0 ? 0 : (int)((payload << (run + 1)) >> (64 - es));
            int raw = (k << es) + exponent;
            scale = top >> payloadBits != 0 ? ~raw : raw;
            return true;
        }
    }
}
