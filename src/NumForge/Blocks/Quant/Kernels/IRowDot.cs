namespace NumForge.Blocks.Quant.Kernels
{
    /// <summary>An operator struct that computes one output row of a quantized MatVec; <see cref="MatVecDriver"/> runs it.</summary>
    internal interface IRowDot
    {
        /// <summary>y[row] = sum over the row's groups of scale * (sum of value(code) * x - zero * sum of x).</summary>
        float Row(int row);
    }

    /// <summary>An operator struct for the inner loop: the dot product of <c>count</c> packed codes' values with x.</summary>
    internal interface IGroupDot
    {
        /// <summary>Sum of value(code i) * x[i] for the <paramref name="count"/> codes starting at byte <paramref name="codes"/>.</summary>
        float Dot(ref byte codes, ref float x, int count);
    }
}
