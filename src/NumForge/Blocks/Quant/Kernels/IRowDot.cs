namespace NumForge.Blocks.Quant.Kernels
{
    /// <summary>An operator struct that computes one output row of a quantized MatVec; <see cref="MatVecDriver"/> runs it.</summary>
    internal interface IRowDot
    {
        /// <summary>y[row] = sum over the row's groups of scale * (sum of value(code) * x - zero * sum of x).</summary>
        float Row(int row);
    }

    /// <summary>
    /// A group dot that can also leave its sums unreduced, so a row kernel scales each group's vector into one row
    /// accumulator and reduces once per row instead of once per group.
    /// </summary>
    internal interface IVectorGroupDot : IGroupDot
    {
        /// <summary>Lane sums of value(code) * x over <c>count</c> codes (a multiple of 32).</summary>
        System.Runtime.Intrinsics.Vector512<float> Partial512(ref byte codes, ref float x, int count);

        /// <summary>Lane sums of value(code) * x over <c>count</c> codes (a multiple of 16).</summary>
        System.Runtime.Intrinsics.Vector256<float> Partial256(ref byte codes, ref float x, int count);
    }

    /// <summary>An operator struct for the inner loop: the dot product of <c>count</c> packed codes' values with x.</summary>
    internal interface IGroupDot
    {
        /// <summary>Sum of value(code i) * x[i] for the <paramref name="count"/> codes starting at byte <paramref name="codes"/>.</summary>
        float Dot(ref byte codes, ref float x, int count);
    }
}
