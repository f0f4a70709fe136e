using NumForge.Generators.Pipeline;

namespace NumForge.Generators.Families.Posit
{
    /// <summary>A valid <c>[PositFormat]</c> spec with its target: everything the posit emitter needs, and nothing Roslyn.</summary>
    /// <param name="Target">The user's struct.</param>
    /// <param name="Bits">Total width n, 2 to 64.</param>
    /// <param name="ExponentBits">Exponent field width es, 0 to 4.</param>
    internal sealed record PositFormatModel(TargetType Target, int Bits, int ExponentBits) : IFormatModel;
}
