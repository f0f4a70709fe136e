namespace NumForge.Generators.Reading
{
    /// <summary>
    /// Names given to the posit generator's pipeline steps with <c>WithTrackingName</c>, so tests can find each step
    /// in a driver run (trackIncrementalGeneratorSteps) and check that it was cached.
    /// </summary>
    internal static class PositTrackingNames
    {
        /// <summary>The <c>ForAttributeWithMetadataName</c> step: one <see cref="PositFormatResult"/> per attributed declaration.</summary>
        public const string ReadPositFormat = "NumForge.ReadPositFormat";

        /// <summary>The diagnostics taken out of the results.</summary>
        public const string PositFormatDiagnostics = "NumForge.PositFormatDiagnostics";

        /// <summary>The results that carry a valid model.</summary>
        public const string ValidPositFormats = "NumForge.ValidPositFormats";

        /// <summary>The models themselves, which the emitter turns into source.</summary>
        public const string PositFormatModels = "NumForge.PositFormatModels";

        /// <summary>Every tracking name, for tests that walk all steps.</summary>
        public static readonly string[] All = { ReadPositFormat, PositFormatDiagnostics, ValidPositFormats, PositFormatModels };
    }
}
