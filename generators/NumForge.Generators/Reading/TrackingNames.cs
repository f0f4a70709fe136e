namespace NumForge.Generators.Reading
{
    /// <summary>
    /// Names given to the generator's pipeline steps with <c>WithTrackingName</c>, so tests can find each step in a
    /// driver run (trackIncrementalGeneratorSteps) and check that it was cached.
    /// </summary>
    internal static class TrackingNames
    {
        /// <summary>The <c>ForAttributeWithMetadataName</c> step: one <see cref="FloatFormatResult"/> per attributed declaration.</summary>
        public const string ReadFloatFormat = "NumForge.ReadFloatFormat";

        /// <summary>The diagnostics taken out of the results.</summary>
        public const string FloatFormatDiagnostics = "NumForge.FloatFormatDiagnostics";

        /// <summary>The results that carry a valid model.</summary>
        public const string ValidFloatFormats = "NumForge.ValidFloatFormats";

        /// <summary>The models themselves, which the emitter turns into source.</summary>
        public const string FloatFormatModels = "NumForge.FloatFormatModels";

        /// <summary>Every tracking name, for tests that walk all steps.</summary>
        public static readonly string[] All = { ReadFloatFormat, FloatFormatDiagnostics, ValidFloatFormats, FloatFormatModels };
    }
}
