namespace NumForge
{
    /// <summary>Options for <see cref="QuantizedMatrix.MatVec(System.ReadOnlySpan{float}, System.Span{float}, MatVecOptions)"/>.</summary>
    public readonly record struct MatVecOptions
    {
        /// <summary>Run on the calling thread only (by default large matrices use every core).</summary>
        public bool SingleThreaded { get; init; }

        /// <summary>
        /// Quantize x to int8 first, as llama.cpp does (ggml's Q8_0 rule: blocks of 32, scale amax / 127, round to
        /// nearest even), and multiply with integer dot products. An approximation: the result is the product with the
        /// int8-rounded x, within the bound of <see cref="QuantizedMatrix.MatVecErrorBound(System.ReadOnlySpan{float}, System.Span{float}, MatVecOptions)"/>.
        /// Used by W4 schemes whose groups are a multiple of 64 columns and by the ggml schemes with an int8 kernel;
        /// the other schemes ignore it (float activations).
        /// </summary>
        public bool Int8Activations { get; init; }

        /// <summary>
        /// Widest vector the kernels may use, in bits (512, 256, or 0 for scalar; null: the widest); values above what the machine has are
        /// lowered to it. Tests pin each width; leave it unset (the widest available).
        /// </summary>
        internal int? VectorBits { get; init; }
    }
}
