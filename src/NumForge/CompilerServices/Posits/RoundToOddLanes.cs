using System.Runtime.CompilerServices;
using NumForge.CompilerServices.Spans;

namespace NumForge.CompilerServices
{
    /// <summary>
    /// The two steps every lane rounding to odd shares (posit16 in float lanes, <see cref="PositLaneArithmetic{TTraits, TOps, TV}"/>;
    /// posit32 in double lanes, <see cref="DoubleToOddLanes{TOps, TV}"/>): the exact error of a nearest sum, and the
    /// round-to-odd result from the nearest one and its error. The lane width is <typeparamref name="TOps"/>'s.
    /// </summary>
    internal static class RoundToOddLanes<TOps, TV>
        where TOps : struct, ISimd<TV>
        where TV : struct
    {
        private static readonly TV One = TOps.Create(1);

        /// <summary>The exact error a + b - sum of the nearest sum (Knuth's TwoSum, any order of magnitudes).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static TV SumError(TV a, TV b, TV sum)
        {
            TV bVirtual = TOps.FSubtract(sum, a);
            TV aVirtual = TOps.FSubtract(sum, bVirtual);
            return TOps.FAdd(TOps.FSubtract(a, aVirtual), TOps.FSubtract(b, bVirtual));
        }

        /// <summary>
        /// The round-to-odd result from the nearest one and the sign of its error: unchanged when exact or odd, else one
        /// unit toward the exact value (the magnitude's bits up when the error has the result's sign, down otherwise).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static TV ToOdd(TV nearest, TV error)
        {
            TV zero = default;
            TV move = TOps.AndNot(TOps.Equal(TOps.And(nearest, One), zero), TOps.FEqual(error, zero));
            TV down = BitwiseLanes.SignFill<TOps, TV>(TOps.Xor(nearest, error));
            return TOps.Add(nearest, TOps.And(move, TOps.Or(down, One)));
        }
    }
}
