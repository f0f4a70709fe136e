using NumForge.Generators.Model;

namespace NumForge.Generators.Reading
{
    /// <summary>
    /// What reading one <c>[PositFormat]</c> declaration gives: a model when the target and spec are valid, and the
    /// diagnostics found. Plain equatable data, so the pipeline caches it.
    /// </summary>
    /// <param name="Model">The valid model, or null when nothing is to be generated.</param>
    /// <param name="Diagnostics">The problems found (empty when the model is valid).</param>
    internal sealed record PositFormatResult(PositFormatModel? Model, EquatableArray<DiagnosticInfo> Diagnostics)
    {
        /// <summary>A result with neither model nor diagnostics (e.g. arguments the compiler already rejects).</summary>
        public static PositFormatResult Nothing { get; } = new PositFormatResult(null, EquatableArray<DiagnosticInfo>.Empty);

        public static PositFormatResult Valid(PositFormatModel model) => new PositFormatResult(model, EquatableArray<DiagnosticInfo>.Empty);

        public static PositFormatResult Invalid(params DiagnosticInfo[] diagnostics) => new PositFormatResult(null, diagnostics.ToEquatableArray());
    }
}
