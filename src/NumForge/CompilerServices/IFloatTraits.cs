using System.ComponentModel;

namespace NumForge.CompilerServices
{
    /// <summary>
    /// The constants of one float format, implemented by the <c>Traits</c> struct that the generator nests in every
    /// <see cref="FloatFormatAttribute"/> type. The kernels in <see cref="FloatCodec{TTraits}"/> are generic over it,
    /// so the JIT specialises them per format and folds every constant. Values are those of <see cref="FloatLayout"/>.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public interface IFloatTraits
    {
        /// <summary>Width of the exponent field.</summary>
        static abstract int ExponentBits { get; }

        /// <summary>Width of the mantissa field.</summary>
        static abstract int MantissaBits { get; }

        /// <summary>Exponent bias.</summary>
        static abstract int Bias { get; }

        /// <summary>Whether the format has a sign bit.</summary>
        static abstract bool Signed { get; }

        /// <summary>Whether exponent field 0 encodes subnormals.</summary>
        static abstract bool Subnormals { get; }

        /// <summary>Which encodings are infinities and NaNs.</summary>
        static abstract SpecialValues Specials { get; }

        /// <summary>The resolved overflow behaviour (never <see cref="OverflowBehavior.Default"/>).</summary>
        static abstract OverflowBehavior Overflow { get; }

        /// <summary>Mask of the sign bit, 0 when unsigned.</summary>
        static abstract ulong SignMask { get; }

        /// <summary>Mask of the exponent and mantissa fields.</summary>
        static abstract ulong MagnitudeMask { get; }

        /// <summary>Magnitude code of the largest finite value.</summary>
        static abstract ulong MaxFiniteMagnitude { get; }

        /// <summary>The code that converting NaN gives.</summary>
        static abstract ulong NaNCode { get; }

        /// <summary>The code that converting +infinity gives.</summary>
        static abstract ulong PositiveInfinityCode { get; }

        /// <summary>The code that converting -infinity gives.</summary>
        static abstract ulong NegativeInfinityCode { get; }

        /// <summary>Unbiased exponent of the smallest normal value.</summary>
        static abstract int MinNormalExponent { get; }

        /// <summary>Unbiased exponent of the largest finite value.</summary>
        static abstract int MaxExponent { get; }
    }
}
