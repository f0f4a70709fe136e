// This file is compiled into both the runtime (NumForge) and the source generator (NumForge.Generators):
// one definition of the spec vocabulary for both sides.
namespace NumForge
{
    /// <summary>Which encodings of a float format are infinities and NaNs.</summary>
    public enum SpecialValues
    {
        /// <summary>
        /// IEEE 754 style: the top exponent field is reserved; mantissa 0 is ±infinity, any other mantissa is NaN
        /// (binary32, binary16, BFloat16, TF32, E5M2, E4M3, E3M4).
        /// </summary>
        Ieee = 0,

        /// <summary>
        /// No infinities; only the all-ones exponent-and-mantissa pattern (of each sign) is NaN (E4M3FN, E8M0FNU).
        /// </summary>
        FiniteNaN = 1,

        /// <summary>
        /// No infinities and no negative zero: the negative-zero pattern is the single NaN (the FNUZ family).
        /// </summary>
        FiniteNaNUnsignedZero = 2,

        /// <summary>Every encoding is a finite number (FP6 E2M3/E3M2, FP4 E2M1).</summary>
        Finite = 3,
    }
}
