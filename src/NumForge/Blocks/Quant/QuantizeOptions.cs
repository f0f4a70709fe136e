namespace NumForge
{
    /// <summary>Options for <see cref="QuantizedMatrix.Quantize(System.ReadOnlySpan{float}, int, int, QuantScheme, QuantizeOptions)"/>.</summary>
    public sealed class QuantizeOptions
    {
        /// <summary>The defaults: the scheme's reference rule (round to nearest), on every core for large matrices.</summary>
        public static QuantizeOptions Default { get; } = new();

        /// <summary>
        /// For <c>W{N}G{M}</c> schemes: search each group's scale and zero point (clipping the range, then a least-squares
        /// refit) for the smallest squared error instead of taking the reference rule's min-max values. The result is stored
        /// the same way (Half scale, integer zero point). Other schemes ignore it. Slower than round to nearest.
        /// </summary>
        public bool MinimizeError { get; init; }

        /// <summary>Quantize on the calling thread only (by default large matrices use every core).</summary>
        public bool SingleThreaded { get; init; }
    }
}
