namespace NumForge.Generators.Pipeline
{
    /// <summary>
    /// What reading one attributed declaration gives, for any family: a model when the target and spec are valid, and
    /// the diagnostics found. Plain equatable data, so the pipeline caches it.
    /// </summary>
    /// <typeparam name="T">The family's model.</typeparam>
    /// <param name="Model">The valid model, or null when nothing is to be generated.</param>
    /// <param name="Diagnostics">The problems found (empty when the model is valid).</param>
    internal sealed record Result<T>(T? Model, EquatableArray<DiagnosticInfo> Diagnostics)
        where T : class
    {
        /// <summary>A result with neither model nor diagnostics (e.g. arguments the compiler already rejects).</summary>
        public static Result<T> Nothing { get; } = new Result<T>(null, EquatableArray<DiagnosticInfo>.Empty);

        public static Result<T> Valid(T model) => new Result<T>(model, EquatableArray<DiagnosticInfo>.Empty);

        public static Result<T> Invalid(params DiagnosticInfo[] diagnostics) => new Result<T>(null, diagnostics.ToEquatableArray());
    }
}
