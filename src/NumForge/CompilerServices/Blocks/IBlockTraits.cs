using System.ComponentModel;

namespace NumForge.CompilerServices.Blocks
{
    /// <summary>
    /// The constants of one <see cref="BlockFormatAttribute"/> block, implemented by the <c>Traits</c> struct the generator
    /// nests in the block type. <see cref="BlockCodec{TTraits, TElement, TScale}"/> is generic over it, so the JIT folds them.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public interface IBlockTraits
    {
        /// <summary>Elements per block: a power of two from 8 to 1024.</summary>
        static abstract int BlockSize { get; }

        /// <summary>How the scale (and zero point) is chosen.</summary>
        static abstract BlockScaleRule ScaleRule { get; }

        /// <summary>Whether 4-bit elements put the even element in the high nibble.</summary>
        static abstract bool HighNibbleFirst { get; }

        /// <summary>
        /// Whether the block scales are relative to a float32 scale per tensor (<see cref="BlockFormatAttribute.PerTensorScale"/>,
        /// NVFP4's two levels); false unless the traits say so.
        /// </summary>
        static virtual bool PerTensorScale => false;
    }
}
