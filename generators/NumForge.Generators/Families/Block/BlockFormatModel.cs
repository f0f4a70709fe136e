using NumForge.Generators.Pipeline;

namespace NumForge.Generators.Families.Block
{
    /// <summary>A valid <c>[BlockFormat]</c> spec with its target: everything the block emitter needs, and nothing Roslyn.</summary>
    /// <param name="Target">The user's struct.</param>
    /// <param name="BlockSize">Elements per block.</param>
    /// <param name="Rule">The scale rule.</param>
    /// <param name="HighNibbleFirst">Whether 4-bit codes put the even element in the high nibble.</param>
    /// <param name="Element">The element adapter, e.g. <c>global::NumForge.CompilerServices.Blocks.IntElement&lt;global::NumForge.Int4.Traits&gt;</c>.</param>
    /// <param name="ElementName">The element in words, e.g. <c>Int4</c> or <c>a 16-value codebook</c>.</param>
    /// <param name="ElementBits">Bits per element code.</param>
    /// <param name="Scale">The scale adapter, e.g. <c>global::NumForge.CompilerServices.Blocks.HalfScale</c>.</param>
    /// <param name="ScaleName">The scale type's name, e.g. <c>Half</c>.</param>
    /// <param name="ScaleBytes">Bytes of the stored scale.</param>
    /// <param name="Codebook">The codebook's values as C# float literals (empty unless the element is a codebook).</param>
    /// <param name="PerTensorScale">Whether the block scales are relative to a float32 scale per tensor (NVFP4's two levels).</param>
    /// <param name="ElementMax">The element's largest magnitude (emax), for the tensor-scale docs.</param>
    /// <param name="ScaleMax">The scale type's largest finite value, for the tensor-scale docs.</param>
    internal sealed record BlockFormatModel(
        TargetType Target,
        int BlockSize,
        BlockScaleRule Rule,
        bool HighNibbleFirst,
        string Element,
        string ElementName,
        int ElementBits,
        string Scale,
        string ScaleName,
        int ScaleBytes,
        EquatableArray<string> Codebook,
        bool PerTensorScale = false,
        float ElementMax = 0,
        float ScaleMax = 0) : IFormatModel
    {
        /// <summary>Bytes of the zero point: 1 for MinMax.</summary>
        public int ZeroBytes => Rule == BlockScaleRule.MinMax ? 1 : 0;

        /// <summary>Bytes of the packed codes.</summary>
        public int CodeBytes => BlockSize * ElementBits / 8;

        /// <summary>Bytes of one block.</summary>
        public int BlockBytes => ScaleBytes + ZeroBytes + CodeBytes;
    }
}
