// Compiled into both the runtime and the source generator (see SpecialValues.cs).
namespace NumForge
{
    /// <summary>How a <c>[BlockFormat]</c> block chooses its shared scale (and zero point).</summary>
    public enum BlockScaleRule
    {
        /// <summary>
        /// Symmetric: <c>s = max(amax, 1e-5) / emax</c> rounded to the scale type, with amax the block's largest |x| and
        /// emax the element's largest value; elements are <c>x / s</c> rounded to nearest even and saturated. For a signed
        /// integer element this is the symmetric variant of W{N}G{M}.
        /// </summary>
        AbsMax = 0,

        /// <summary>
        /// Asymmetric (unsigned integer elements): <c>s = max(max - min, 1e-5) / (2^N - 1)</c> rounded to the scale type,
        /// a zero point <c>clamp(-round(min / s), 0, 2^N - 1)</c> stored in one byte, <c>q = clamp(round(x / s) + zero)</c>:
        /// AutoAWQ's W{N}G{M} rule.
        /// </summary>
        MinMax = 1,

        /// <summary>
        /// OCP MX (float elements, or signed integers read as fixed point): the scale is <c>2^(floor(log2(amax)) - emax_elem)</c>,
        /// the exponent clamped to the powers of two the scale type holds; elements round to nearest even and saturate.
        /// A signed N-bit integer element is two's complement fixed point with N - 2 fraction bits (emax_elem 0), saturating
        /// at <c>±(2^(N-1) - 1)</c>: <c>Int8</c> gives OCP MXINT8 (value = int8 / 64).
        /// </summary>
        PowerOfTwo = 2,
    }
}
