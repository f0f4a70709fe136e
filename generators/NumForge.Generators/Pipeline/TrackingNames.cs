namespace NumForge.Generators.Pipeline
{
    /// <summary>
    /// Names given to the pipeline's steps with <c>WithTrackingName</c>, one scheme for every family (a step of each
    /// family carries the same name), so tests can find every step in a driver run (trackIncrementalGeneratorSteps)
    /// by reflecting over these constants and check that it was cached.
    /// </summary>
    internal static class TrackingNames
    {
        /// <summary>The <c>ForAttributeWithMetadataName</c> step: one <see cref="Result{T}"/> per attributed declaration.</summary>
        public const string Read = "NumForge.Read";

        /// <summary>The diagnostics taken out of the results.</summary>
        public const string Diagnostics = "NumForge.Diagnostics";

        /// <summary>The results that carry a valid model.</summary>
        public const string Valid = "NumForge.Valid";

        /// <summary>The models themselves, which the family's emitter turns into source.</summary>
        public const string Models = "NumForge.Models";
    }
}
