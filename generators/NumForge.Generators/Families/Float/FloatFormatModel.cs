using NumForge.Generators.Pipeline;

namespace NumForge.Generators.Families.Float
{
    /// <summary>A valid <c>[FloatFormat]</c> spec with its target: everything the emitter needs, and nothing Roslyn.</summary>
    /// <param name="Target">The user's struct.</param>
    /// <param name="ExponentBits">Exponent field width.</param>
    /// <param name="MantissaBits">Mantissa field width.</param>
    /// <param name="Bias">Exponent bias (explicit or default).</param>
    /// <param name="Signed">Whether there is a sign bit.</param>
    /// <param name="Subnormals">Whether exponent field 0 encodes subnormals.</param>
    /// <param name="Specials">Which encodings are infinities and NaNs.</param>
    /// <param name="Overflow">The overflow behaviour as written (may be Default).</param>
    internal sealed record FloatFormatModel(
        TargetType Target,
        int ExponentBits,
        int MantissaBits,
        int Bias,
        bool Signed,
        bool Subnormals,
        SpecialValues Specials,
        OverflowBehavior Overflow) : IFormatModel;
}
