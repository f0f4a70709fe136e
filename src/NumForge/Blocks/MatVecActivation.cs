namespace NumForge
{
    /// <summary>How <see cref="QuantizedMatrix{TBlock}.MatVec(System.ReadOnlySpan{float}, System.Span{float}, MatVecActivation, int)"/> treats the input vector.</summary>
    public enum MatVecActivation
    {
        /// <summary>
        /// As ggml: the vector is quantized to int8 blocks (Q8_0 beside 32-element weight blocks, Q8_K beside
        /// 256-element ones; float32 scales) and the products are integer dot products. Fastest; the error bound of
        /// docs/ggml.md holds. Block types without an integer kernel use <see cref="Float"/>.
        /// </summary>
        Int8,

        /// <summary>The vector stays float32; each row is dequantized and dotted with it (only float32 rounding error).</summary>
        Float,
    }
}
