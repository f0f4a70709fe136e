using System.Runtime.CompilerServices;
using NumForge.CompilerServices.Spans;

namespace NumForge.CompilerServices
{
    /// <summary>
    /// a + b, a × b and a × b + c of doubles (as lane bits) rounded to odd, for posits of 17 to 32 bits
    /// (<see cref="PositDoubleLanes{TTraits, TOps, TV}"/>): the result then rounds once, correctly, to the posit.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Why it is exact: a posit of at most 32 bits has at most 30 significant bits, and every rounding boundary of the
    /// posit rounding (a code one bit longer) at most 31. A number rounded to odd in double's 53 bits (truncated, the last
    /// bit set if anything was lost) lies on the same side of every number of at most 51 significant bits as the exact
    /// value, and equals it only when the exact value does (Boldo and Melquiond), so the encoder's nearest-even rounding
    /// of it is the correct rounding of the exact result.
    /// </para>
    /// <para>
    /// Each kernel writes the exact result as t + r, t the nearest double and r an error it knows exactly as the sum of
    /// two doubles, with |r| below the gap from t to its neighbour on r's side; then t is the round-to-odd result when r
    /// is 0 or t is odd, else its neighbour toward r. A sum of two doubles rounds to 0 only when it is 0 (subnormal sums
    /// are exact), so the sign of the rounded r + r' is the sign of the exact one. Errors: TwoSum for a sum, the FMA for a
    /// product (TwoProduct). For a × b + c (p + q = a × b exactly, s + e = p + c by TwoSum): either c and -p are within a
    /// factor of 2 and s is exact (Sterbenz: e = 0, the exact result is s + q, one more TwoSum), or |s| &gt;= |p| / 4, so
    /// u = e + q is a few units of s and its own error e' is 2^-50 units of s: t + e'' = s + u by TwoSum and
    /// r = e'' + e' stays below the gap. All of it is exact while no step underflows or overflows, which
    /// <see cref="PositDoubleLanes{TTraits, TOps, TV}.Applies"/> guarantees. NaR comes in as NaN, which every step keeps
    /// (moving a NaN's last bit keeps it a NaN).
    /// </para>
    /// </remarks>
    internal static class DoubleToOddLanes<TOps, TV>
        where TOps : struct, ISimd<TV>
        where TV : struct
    {
        private static readonly TV SignBit = TOps.Create(0x8000_0000_0000_0000UL);

        /// <summary>a + b rounded to odd.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static TV Add(TV a, TV b)
        {
            TV sum = TOps.FAdd(a, b);
            return RoundToOddLanes<TOps, TV>.ToOdd(sum, RoundToOddLanes<TOps, TV>.SumError(a, b, sum));
        }

        /// <summary>a × b rounded to odd (the product's error by FMA).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static TV Multiply(TV a, TV b)
        {
            TV product = TOps.FMultiply(a, b);
            return RoundToOddLanes<TOps, TV>.ToOdd(product, Lanes64.FusedMultiplyAdd(a, b, TOps.Xor(product, SignBit)));
        }

        /// <summary>a × b + c rounded to odd (see the remarks on the type).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static TV FusedMultiplyAdd(TV a, TV b, TV c)
        {
            TV p = TOps.FMultiply(a, b);
            TV q = Lanes64.FusedMultiplyAdd(a, b, TOps.Xor(p, SignBit));
            TV s = TOps.FAdd(p, c);
            TV e = RoundToOddLanes<TOps, TV>.SumError(p, c, s);
            TV u = TOps.FAdd(e, q);
            TV uError = RoundToOddLanes<TOps, TV>.SumError(e, q, u);
            TV t = TOps.FAdd(s, u);
            TV tError = RoundToOddLanes<TOps, TV>.SumError(s, u, t);
            return RoundToOddLanes<TOps, TV>.ToOdd(t, TOps.FAdd(tError, uError));
        }
    }
}
