using NumForge.Generators.Model;

namespace NumForge.Generators.Families.Integer
{
    /// <summary>A valid <c>[IntFormat]</c> declaration, as plain equatable data: the target and the spec.</summary>
    /// <param name="Target">The user's partial struct.</param>
    /// <param name="Bits">Width b, 1 to 8.</param>
    /// <param name="Signed">Whether the format is two's complement.</param>
    internal sealed record IntFormatModel(TargetType Target, int Bits, bool Signed);

    /// <summary>
    /// What reading one <c>[IntFormat]</c> declaration gives: a model when the target and spec are valid, and the
    /// diagnostics found. Plain equatable data, so the pipeline caches it.
    /// </summary>
    /// <param name="Model">The valid model, or null when nothing is to be generated.</param>
    /// <param name="Diagnostics">The problems found (empty when the model is valid).</param>
    internal sealed record IntFormatResult(IntFormatModel? Model, EquatableArray<DiagnosticInfo> Diagnostics)
    {
        /// <summary>A result with neither model nor diagnostics (e.g. arguments the compiler already rejects).</summary>
        public static IntFormatResult Nothing { get; } = new IntFormatResult(null, EquatableArray<DiagnosticInfo>.Empty);
    }

    /// <summary>
    /// Names of the integer generator's pipeline steps (<c>WithTrackingName</c>), so tests can find each step in a
    /// driver run and check that it was cached.
    /// </summary>
    internal static class IntTrackingNames
    {
        /// <summary>The <c>ForAttributeWithMetadataName</c> step: one <see cref="IntFormatResult"/> per attributed declaration.</summary>
        public const string ReadIntFormat = "NumForge.ReadIntFormat";

        /// <summary>The diagnostics taken out of the results.</summary>
        public const string IntFormatDiagnostics = "NumForge.IntFormatDiagnostics";

        /// <summary>The models themselves, which the emitter turns into source.</summary>
        public const string IntFormatModels = "NumForge.IntFormatModels";

        /// <summary>Every tracking name, for tests that walk all steps.</summary>
        public static readonly string[] All = { ReadIntFormat, IntFormatDiagnostics, IntFormatModels };
    }
}
