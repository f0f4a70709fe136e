using NumForge.Generators.Pipeline;

namespace NumForge.Generators.Families.Integer
{
    /// <summary>A valid <c>[IntFormat]</c> spec with its target: everything the integer emitter needs, and nothing Roslyn.</summary>
    /// <param name="Target">The user's struct.</param>
    /// <param name="Bits">Width b, 1 to 8.</param>
    /// <param name="Signed">Whether the format is two's complement.</param>
    internal sealed record IntFormatModel(TargetType Target, int Bits, bool Signed) : IFormatModel;
}
