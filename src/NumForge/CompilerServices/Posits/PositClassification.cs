using System.ComponentModel;

namespace NumForge.CompilerServices.Posits
{
    /// <summary>
    /// <c>INumberBase</c>'s predicates for a posit format, over codes. NaR, the one exception value, answers as NaN
    /// does; posits have no infinities and no subnormals; <c>IsPositive</c> is "zero or greater", as for integers.
    /// </summary>
    /// <typeparam name="TTraits">The format's constants.</typeparam>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class PositClassification<TTraits>
        where TTraits : struct, IPositTraits
    {
        /// <summary>Whether the code is NaR, the posit counterpart of NaN.</summary>
        public static bool IsNaN(ulong code) => PositCodec<TTraits>.IsNaR(code);

        /// <summary>Always false: posits have no infinities.</summary>
        public static bool IsInfinity(ulong code) => false;

        /// <summary>Always false: posits have no infinities.</summary>
        public static bool IsPositiveInfinity(ulong code) => false;

        /// <summary>Always false: posits have no infinities.</summary>
        public static bool IsNegativeInfinity(ulong code) => false;

        /// <summary>Whether the code is a real number (everything but NaR).</summary>
        public static bool IsFinite(ulong code) => PositCodec<TTraits>.IsReal(code);

        /// <summary>Whether the code is nonzero and real (posits have no subnormals).</summary>
        public static bool IsNormal(ulong code) => code != 0 && PositCodec<TTraits>.IsReal(code);

        /// <summary>Always false: posits have no subnormals.</summary>
        public static bool IsSubnormal(ulong code) => false;

        /// <summary>Whether the code is zero.</summary>
        public static bool IsZero(ulong code) => PositCodec<TTraits>.IsZero(code);

        /// <summary>Whether the value is less than zero (NaR is not).</summary>
        public static bool IsNegative(ulong code) => PositCodec<TTraits>.IsNegative(code);

        /// <summary>Whether the value is zero or greater (NaR is not), as <see cref="int.IsPositive"/>.</summary>
        public static bool IsPositive(ulong code) => !PositCodec<TTraits>.IsNegative(code) && PositCodec<TTraits>.IsReal(code);

        /// <summary>Whether the value is an integer.</summary>
        public static bool IsInteger(ulong code) => PositCodec<TTraits>.IsInteger(code);

        /// <summary>Whether the value is an even integer.</summary>
        public static bool IsEvenInteger(ulong code) => PositCodec<TTraits>.IsEvenInteger(code);

        /// <summary>Whether the value is an odd integer.</summary>
        public static bool IsOddInteger(ulong code) => PositCodec<TTraits>.IsOddInteger(code);

        /// <summary>Whether the value is a positive power of two.</summary>
        public static bool IsPow2(ulong code) => PositCodec<TTraits>.IsPow2(code);

        /// <summary>Whether the value is a real number (not NaR).</summary>
        public static bool IsRealNumber(ulong code) => PositCodec<TTraits>.IsReal(code);

        /// <summary>Always true: every encoding is canonical.</summary>
        public static bool IsCanonical(ulong code) => true;

        /// <summary>Always false: a real format has no imaginary part.</summary>
        public static bool IsComplexNumber(ulong code) => false;

        /// <summary>Always false: a real format has no imaginary part.</summary>
        public static bool IsImaginaryNumber(ulong code) => false;
    }
}
