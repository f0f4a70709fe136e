using System;
using System.ComponentModel;

namespace NumForge.CompilerServices.Blocks
{
    /// <summary>
    /// Implemented (explicitly) by every <see cref="BlockFormatAttribute"/> block, as a one-line forwarder into
    /// <see cref="BlockCodec{TTraits, TElement, TScale}.Dot{TBlock}(ReadOnlySpan{TBlock}, ReadOnlySpan{float})"/>, so <see cref="QuantizedMatrix{TBlock}"/>'s float
    /// MatVec runs the fused row dot instead of dequantizing each row first.
    /// </summary>
    /// <remarks>
    /// An instance member only so that generic code constrained to <see cref="IBlockFormat{TSelf}"/> alone can reach it:
    /// <c>default(TBlock) as IBlockRowDot&lt;TBlock&gt;</c>, boxed once per block type into a static readonly field, whose
    /// exact type optimized code knows (the null test folds, the call is devirtualized). It never reads <c>this</c>.
    /// </remarks>
    /// <typeparam name="TSelf">The block type.</typeparam>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public interface IBlockRowDot<TSelf>
        where TSelf : unmanaged
    {
        /// <summary>The float32 dot of the dequantized <paramref name="blocks"/> with <paramref name="x"/>.</summary>
        /// <param name="blocks">A row of blocks.</param>
        /// <param name="x">The vector, <c>blocks.Length * BlockSize</c> values.</param>
        /// <returns><c>sum_i w_i x_i</c>, w the dequantized values, accumulated in float32 in any order.</returns>
        /// <exception cref="ArgumentException">The lengths do not match.</exception>
        float Dot(ReadOnlySpan<TSelf> blocks, ReadOnlySpan<float> x);
    }
}
