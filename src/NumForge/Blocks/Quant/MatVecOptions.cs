namespace NumForge
{
    /// <summary>Options for <see cref="QuantizedMatrix.MatVec(System.ReadOnlySpan{float}, System.Span{float}, MatVecOptions)"/>.</summary>
    public readonly record struct MatVecOptions
    {
        /// <summary>Run on the calling thread only (by default large matrices use every core).</summary>
        public bool SingleThreaded { get; init; }

        /// <summary>
        /// Widest vector the kernels may use, in bits (512, 256, or 0 for scalar; null: the widest); values above what the machine has are
        /// lowered to it. Tests pin each width; leave it unset (the widest available).
        /// </summary>
        internal int? VectorBits { get; init; }
    }
}
