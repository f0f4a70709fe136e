using System;

namespace NumForge
{
    /// <summary>
    /// A fixed-layout block of quantized values: a blittable struct of exactly the reference format's size holding
    /// <see cref="BlockSize"/> elements, their shared scale(s) and codes.
    /// </summary>
    /// <typeparam name="TSelf">The block type itself.</typeparam>
    public interface IBlockFormat<TSelf>
        where TSelf : unmanaged, IBlockFormat<TSelf>
    {
        /// <summary>Gets the number of elements one block holds.</summary>
        static abstract int BlockSize { get; }

        /// <summary>Quantizes <paramref name="source"/> into blocks.</summary>
        /// <param name="source">The values, <c>destination.Length * BlockSize</c> of them.</param>
        /// <param name="destination">The blocks to write.</param>
        /// <exception cref="ArgumentException">The lengths do not match.</exception>
        static abstract void Quantize(ReadOnlySpan<float> source, Span<TSelf> destination);

        /// <summary>Dequantizes blocks into values.</summary>
        /// <param name="source">The blocks.</param>
        /// <param name="destination">The values, <c>source.Length * BlockSize</c> of them.</param>
        /// <exception cref="ArgumentException">The lengths do not match.</exception>
        static abstract void Dequantize(ReadOnlySpan<TSelf> source, Span<float> destination);
    }
}
