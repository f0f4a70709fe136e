using System;
using System.ComponentModel;

namespace NumForge.CompilerServices.Blocks
{
    /// <summary>The 16 values of a codebook block, strictly increasing (the generator checks them).</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public interface ICodebook
    {
        /// <summary>The code values, code i standing for <c>Values[i]</c>.</summary>
        static abstract ReadOnlySpan<float> Values { get; }
    }
}
