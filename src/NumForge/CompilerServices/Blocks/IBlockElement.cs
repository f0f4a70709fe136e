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
        /// Codes of several blocks: value i of block k becomes the code of <c>values[i] / scales[k]</c> (plus
        /// <c>zeros[k]</c> for unsigned integers), rounded to nearest and saturated. One call per chunk of blocks, so a
        /// span converter's fixed cost is paid once per chunk, not once per block.
        /// </summary>
        /// <param name="values">The blocks' values, <c>scales.Length * blockSize</c> of them.</param>
        /// <param name="scales">Each block's stored scale: finite and nonzero (a negative one marks a block whose codes are discarded).</param>
        /// <param name="zeros">Each block's zero point (MinMax), else 0.</param>
        /// <param name="blockSize">Elements per block.</param>
        /// <param name="scratch">Scratch of <paramref name="values"/>' length.</param>
        /// <param name="codes">The codes, unpacked, one per byte.</param>
        static abstract void Encode(ReadOnlySpan<float> values, ReadOnlySpan<float> scales, ReadOnlySpan<int> zeros, int blockSize, Span<float> scratch, Span<byte> codes);

        /// <summary>
        /// How the fused row dot (<see cref="BlockCodec{TTraits, TElement, TScale}.Dot{TBlock}(ReadOnlySpan{TBlock}, ReadOnlySpan{float})"/>) turns codes of more
        /// than 4 bits into values: looked up in <see cref="ValueOf"/>'s table, or converted as integers (times <see cref="Unit"/>).
        /// Codes of at most 4 bits are always looked up (one permute).
        /// </summary>
        static abstract ElementLanes Lanes { get; }

        /// <summary>The value of the integer 1 for <see cref="ElementLanes.Signed"/> and <see cref="ElementLanes.Unsigned"/> lanes (1, or 2^-(N-2) for a fixed-point element).</summary>
        static abstract float Unit { get; }

        /// <summary>The value code <paramref name="code"/> stands for, before the block's zero point and scale.</summary>
        static abstract float ValueOf(int code);

        /// <summary>Values <c>(value(code) - zeros[k]) * scales[k]</c> of the unpacked codes of several blocks.</summary>
        static abstract void Decode(ReadOnlySpan<byte> codes, ReadOnlySpan<float> scales, ReadOnlySpan<int> zeros, int blockSize, Span<float> values);
    }
}
