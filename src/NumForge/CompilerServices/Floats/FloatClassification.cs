using System.ComponentModel;

namespace NumForge.CompilerServices.Floats
{
    /// <summary>
    /// <c>INumberBase</c>'s predicates for a float format, over codes: each as <see cref="double"/>'s namesake answers
    /// for the format's exact value (every value of a float format is an exact double).
    /// </summary>
    /// <typeparam name="TTraits">The format's constants.</typeparam>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class FloatClassification<TTraits>
        where TTraits : struct, IFloatTraits
    {
        /// <summary>Whether the code is a NaN.</summary>
        public static bool IsNaN(ulong code) => FloatCodec<TTraits>.IsNaN(code);

        /// <summary>Whether the code is ±infinity.</summary>
        public static bool IsInfinity(ulong code) => FloatCodec<TTraits>.IsInfinity(code);

        /// <summary>Whether the code is +infinity.</summary>
        public static bool IsPositiveInfinity(ulong code) => FloatCodec<TTraits>.IsPositiveInfinity(code);

        /// <summary>Whether the code is -infinity.</summary>
        public static bool IsNegativeInfinity(ulong code) => FloatCodec<TTraits>.IsNegativeInfinity(code);

        /// <summary>Whether the code is finite (not NaN, not infinite).</summary>
        public static bool IsFinite(ulong code) => FloatCodec<TTraits>.IsFinite(code);

        /// <summary>Whether the code is normal (finite, nonzero, not subnormal).</summary>
        public static bool IsNormal(ulong code) => FloatCodec<TTraits>.IsNormal(code);

        /// <summary>Whether the code is subnormal.</summary>
        public static bool IsSubnormal(ulong code) => FloatCodec<TTraits>.IsSubnormal(code);

        /// <summary>Whether the code is ±0.</summary>
        public static bool IsZero(ulong code) => FloatCodec<TTraits>.IsZero(code);

        /// <summary>Whether the sign bit is set (true for -0 and negative NaNs, as <see cref="double.IsNegative"/>).</summary>
        public static bool IsNegative(ulong code) => FloatCodec<TTraits>.IsNegative(code);

        /// <summary>Whether the sign bit is clear (true for +0 and positive NaNs, as <see cref="double.IsPositive"/>).</summary>
        public static bool IsPositive(ulong code) => !FloatCodec<TTraits>.IsNegative(code);

        /// <summary>Whether the value is an integer.</summary>
        public static bool IsInteger(ulong code) => FloatCodec<TTraits>.IsInteger(code);

        /// <summary>Whether the value is an even integer.</summary>
        public static bool IsEvenInteger(ulong code) => double.IsEvenInteger(FloatCodec<TTraits>.ToDouble(code));

        /// <summary>Whether the value is an odd integer.</summary>
        public static bool IsOddInteger(ulong code) => double.IsOddInteger(FloatCodec<TTraits>.ToDouble(code));

        /// <summary>Whether the value is a positive power of two.</summary>
        public static bool IsPow2(ulong code) => double.IsPow2(FloatCodec<TTraits>.ToDouble(code));

        /// <summary>Whether the value is a real number (not NaN).</summary>
        public static bool IsRealNumber(ulong code) => !FloatCodec<TTraits>.IsNaN(code);

        /// <summary>Always true: every encoding is canonical.</summary>
        public static bool IsCanonical(ulong code) => true;

        /// <summary>Always false: a real format has no imaginary part.</summary>
        public static bool IsComplexNumber(ulong code) => false;

        /// <summary>Always false: a real format has no imaginary part.</summary>
        public static bool IsImaginaryNumber(ulong code) => false;
    }
}
