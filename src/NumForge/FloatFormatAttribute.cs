using System;

namespace NumForge
{
    /// <summary>
    /// Declares a binary floating-point format on a <c>partial struct</c>. The NumForge source generator writes the
    /// whole value type: bit-exact conversions, correctly rounded arithmetic, generic math, parsing, formatting and
    /// span converters.
    /// </summary>
    /// <example>
    /// <code>
    /// [FloatFormat(exponentBits: 4, mantissaBits: 3, Specials = SpecialValues.FiniteNaN)]
    /// public readonly partial struct Float8E4M3FN { }
    /// </code>
    /// </example>
    [AttributeUsage(AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
    public sealed class FloatFormatAttribute : Attribute
    {
        /// <summary>Declares a float format with the given field widths.</summary>
        /// <param name="exponentBits">Width of the exponent field, 1 to 11.</param>
        /// <param name="mantissaBits">Width of the mantissa (trailing significand) field, 0 to 52.</param>
        public FloatFormatAttribute(int exponentBits, int mantissaBits)
        {
            ExponentBits = exponentBits;
            MantissaBits = mantissaBits;
            Bias = exponentBits >= 1 && exponentBits <= 31 ? (1 << (exponentBits - 1)) - 1 : 0;
        }

        /// <summary>Width of the exponent field.</summary>
        public int ExponentBits { get; }

        /// <summary>Width of the mantissa (trailing significand) field.</summary>
        public int MantissaBits { get; }

        /// <summary>Exponent bias; defaults to 2^(exponentBits-1) - 1.</summary>
        public int Bias { get; set; }

        /// <summary>Whether the format has a sign bit (default <see langword="true"/>; <see langword="false"/> for E8M0-style formats).</summary>
        public bool Signed { get; set; } = true;

        /// <summary>
        /// Whether exponent field 0 encodes subnormals and zero (default <see langword="true"/>); <see langword="false"/>
        /// makes it encode normal values, as in E8M0, and the format then has no zero.
        /// </summary>
        public bool Subnormals { get; set; } = true;

        /// <summary>Which encodings are infinities and NaNs (default <see cref="SpecialValues.Ieee"/>).</summary>
        public SpecialValues Specials { get; set; } = SpecialValues.Ieee;

        /// <summary>What a conversion gives past the largest finite value (default: the format's natural choice).</summary>
        public OverflowBehavior Overflow { get; set; } = OverflowBehavior.Default;
    }
}
