using NumForge.Generators.Model;

namespace NumForge.Generators.Reading
{
    /// <summary>
    /// What reading one <c>[FloatFormat]</c> declaration gives: a model when the target and spec are valid, and the
    /// diagnostics found. Plain equatable data, so the pipeline caches it.
    /// </summary>
    /// <param name="Model">The valid model, or null when nothing is to be generated.</param>
    /// <param name="Diagnostics">The problems found (empty when the model is valid).</param>
    internal sealed record FloatFormatResult(FloatFormatModel? Model, EquatableArray<DiagnosticInfo> Diagnostics)
    {
        /// <summary>A result with neither model nor diagnostics (e.g. arguments the compiler already rejects).</summary>
        public static FloatFormatResult Nothing { get; } = new FloatFormatResult(null, EquatableArray<DiagnosticInfo>.Empty);

        public static FloatFormatResult Valid(FloatFormatModel model) => new FloatFormatResult(model, EquatableArray<DiagnosticInfo>.Empty);

        public static FloatFormatResult Invalid(params DiagnosticInfo[] diagnostics) => new FloatFormatResult(null, diagnostics.ToEquatableArray());
    }
}
