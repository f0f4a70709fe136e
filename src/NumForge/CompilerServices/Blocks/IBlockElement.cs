using System;
using System.ComponentModel;

namespace NumForge.CompilerServices.Blocks
{
    /// <summary>
    /// The element of a block: how values divided by the block's scale become codes of <see cref="Bits"/> bits, and back.
    /// Implemented by <see cref="IntElement{TTraits}"/>, <see cref="FloatElement{TTraits}"/> and <see cref="CodebookElement{TCodebook}"/>.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public interface IBlockElement
    {
        /// <summary>Bits of one code, 1 to 8.</summary>
        static abstract int Bits { get; }

        /// <summary>The largest element magnitude the scale maps amax to (2^(N-1) - 1 signed, 2^N - 1 unsigned, max finite for floats).</summary>
        static abstract float MaxMagnitude { get; }

        /// <summary>
        /// The smallest amax (and min-max range) the scale is computed from: 1e-5 for integers (AutoAWQ's clamp, so a constant
        /// block still gets a scale), 0 for floats and codebooks (their amax as is, as NVFP4 and NF4 take it).
        /// </summary>
        static abstract float RangeFloor { get; }

        /// <summary>floor(log2(largest finite value)): OCP MX's emax_elem (floats only).</summary>
        static abstract int MaxExponent { get; }

        /// <summary>
        /// Codes of <c>values[i] / scale</c> (plus <paramref name="zero"/> for unsigned integers), rounded to nearest and saturated.
        /// </summary>
        /// <param name="values">The block's values.</param>
        /// <param name="scale">The stored scale, finite and positive.</param>
        /// <param name="zero">The zero point (MinMax), else 0.</param>
        /// <param name="scratch">Scratch of <paramref name="values"/>' length.</param>
        /// <param name="codes">The codes, unpacked, one per byte.</param>
        static abstract void Encode(ReadOnlySpan<float> values, float scale, int zero, Span<float> scratch, Span<byte> codes);

        /// <summary>Values <c>(value(code) - zero) * scale</c> of unpacked codes.</summary>
        static abstract void Decode(ReadOnlySpan<byte> codes, float scale, int zero, Span<float> values);
    }
}
