using System;
using System.ComponentModel;

namespace NumForge.CompilerServices.Blocks
{
    /// <summary>
    /// Implemented (explicitly, as one-line forwarders) by a <see cref="BlockFormatAttribute"/> block declared with
    /// <see cref="BlockFormatAttribute.PerTensorScale"/>, so that <see cref="QuantizedMatrix{TBlock}"/>, which is generic over
    /// <see cref="IBlockFormat{TSelf}"/> only, finds the tensor-scale members: it tests <c>default(TBlock)</c> once per
    /// block type (a static readonly field, so the JIT folds the test and devirtualizes the calls). It never reads <c>this</c>.
    /// </summary>
    /// <typeparam name="TSelf">The block type.</typeparam>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public interface ITensorScaledBlock<TSelf>
        where TSelf : unmanaged
    {
        /// <summary>The tensor scale of <paramref name="tensor"/>: <c>amax / (emax * scale_max)</c>, amax over its finite values.</summary>
        /// <param name="tensor">Every value of the tensor.</param>
        /// <returns>The float32 tensor scale, 0 for a tensor without a nonzero finite value.</returns>
        float ComputeTensorScale(ReadOnlySpan<float> tensor);

        /// <summary>Quantizes <paramref name="source"/> into blocks whose scales are relative to <paramref name="tensorScale"/>.</summary>
        /// <param name="source">The values, <c>destination.Length * BlockSize</c> of them.</param>
        /// <param name="destination">The blocks.</param>
        /// <param name="tensorScale">The tensor scale: finite and not negative.</param>
        void Quantize(ReadOnlySpan<float> source, Span<TSelf> destination, float tensorScale);

        /// <summary>Dequantizes blocks whose scales are relative to <paramref name="tensorScale"/>.</summary>
        /// <param name="source">The blocks.</param>
        /// <param name="destination">The values, <c>source.Length * BlockSize</c> of them.</param>
        /// <param name="tensorScale">The tensor scale: finite and not negative.</param>
        void Dequantize(ReadOnlySpan<TSelf> source, Span<float> destination, float tensorScale);
    }
}
