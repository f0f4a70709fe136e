using System;
using System.Collections.Generic;

namespace NumForge
{
    /// <summary>
    /// Declares a block (group-quantized) format of one's own on a <c>partial struct</c>: <see cref="BlockSize"/> elements
    /// of a NumForge integer or float format of at most 8 bits (or indices into a 16-entry codebook) sharing one scale of
    /// <see cref="ScaleType"/> chosen by <see cref="ScaleRule"/>. The NumForge source generator checks the spec (NF0040-NF0047)
    /// and writes a blittable <see cref="IBlockFormat{TSelf}"/> struct of exactly <c>scale bytes + zero-point byte (MinMax
    /// only) + BlockSize * bits / 8</c> bytes, usable with <see cref="QuantizedMatrix{TBlock}"/>.
    /// </summary>
    /// <remarks>
    /// Layout, in order: the scale (little-endian, its type's encoding), the zero point (one byte, <see cref="BlockScaleRule.MinMax"/>
    /// only), then the element codes as an LSB-first bit stream (element i in bits i*N .. i*N+N-1; for 4 bits the even
    /// element in the low nibble unless <see cref="HighNibbleFirst"/>). A block holding NaN or infinity stores a NaN scale
    /// and zero codes.
    /// </remarks>
    /// <example>
    /// <code>
    /// [BlockFormat(typeof(UInt4), 128, ScaleRule = BlockScaleRule.MinMax)]                       // W4G128, 67 bytes
    /// public partial struct W4Block { }
    ///
    /// [BlockFormat(typeof(Float4E2M1FN), 32, ScaleRule = BlockScaleRule.PowerOfTwo)]             // MXFP4, 17 bytes
    /// public partial struct Mxfp4Block { }
    ///
    /// [BlockFormat(typeof(Int8), 32, ScaleRule = BlockScaleRule.PowerOfTwo)]                     // MXINT8, 33 bytes
    /// public partial struct MxInt8Block { }
    ///
    /// [BlockFormat(typeof(Float4E2M1FN), 16, ScaleType = typeof(Float8E4M3FN), PerTensorScale = true)]   // NVIDIA NVFP4, 9 bytes
    /// public partial struct Nvfp4Block { }
    /// </code>
    /// </example>
    [AttributeUsage(AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
    public sealed class BlockFormatAttribute : Attribute
    {
        /// <summary>Declares a block of <paramref name="blockSize"/> elements of <paramref name="elementFormat"/>.</summary>
        /// <param name="elementFormat">A NumForge integer or float format of at most 8 bits, e.g. <c>typeof(Int4)</c>.</param>
        /// <param name="blockSize">Elements per block: a power of two from 8 to 1024.</param>
        public BlockFormatAttribute(Type elementFormat, int blockSize)
        {
            ElementFormat = elementFormat;
            BlockSize = blockSize;
        }

        /// <summary>Declares a block of <paramref name="blockSize"/> 4-bit indices into <paramref name="codebook"/>.</summary>
        /// <param name="codebook">16 finite values in strictly increasing order (e.g. NF4's).</param>
        /// <param name="blockSize">Elements per block: a power of two from 8 to 1024.</param>
        public BlockFormatAttribute(float[] codebook, int blockSize)
        {
            Codebook = codebook;
            BlockSize = blockSize;
        }

        /// <summary>Gets the element format, or <see langword="null"/> for a codebook block.</summary>
        public Type? ElementFormat { get; }

        /// <summary>Gets the codebook, or <see langword="null"/> for an element-format block.</summary>
        public IReadOnlyList<float>? Codebook { get; }

        /// <summary>Gets the number of elements per block.</summary>
        public int BlockSize { get; }

        /// <summary>
        /// Gets or sets the type of the stored scale: <see cref="float"/>, <see cref="Half"/>, or a NumForge float format
        /// of at most 32 bits that has a NaN (<see cref="BFloat16"/>, <see cref="Float8E4M3FN"/>, <see cref="Float8E8M0FNU"/>).
        /// <see langword="null"/> (the default) means <see cref="Half"/>, or <see cref="Float8E8M0FNU"/> for
        /// <see cref="BlockScaleRule.PowerOfTwo"/>.
        /// </summary>
        public Type? ScaleType { get; set; }

        /// <summary>Gets or sets how the scale is chosen. Defaults to <see cref="BlockScaleRule.AbsMax"/>.</summary>
        public BlockScaleRule ScaleRule { get; set; }

        /// <summary>
        /// Gets or sets whether, for 4-bit elements, the even element sits in the high nibble (bitsandbytes' NF4 layout)
        /// rather than the low one (OCP MX, ggml, AutoAWQ). Defaults to <see langword="false"/>.
        /// </summary>
        public bool HighNibbleFirst { get; set; }

        /// <summary>
        /// Gets or sets whether the block scales are relative to one float32 scale per tensor (two-level scaling, as
        /// NVIDIA's NVFP4 and ModelOpt compute it). Defaults to <see langword="false"/>.
        /// </summary>
        /// <remarks>
        /// With it, the tensor scale is <c>ts = amax(tensor) / (emax * scale_max)</c> (emax the element's largest
        /// magnitude, scale_max the scale type's largest finite value; amax over the finite values), each block stores
        /// <c>s = store(block_amax / (emax * ts))</c> (1.0 where that is 0) and its codes encode <c>x / (s * ts)</c>;
        /// values dequantize as <c>value(code) * (s * ts)</c>. The generated block gets
        /// <c>ComputeTensorScale(tensor)</c> and <c>Quantize</c>/<c>Dequantize</c> overloads taking the tensor scale
        /// (the <see cref="IBlockFormat{TSelf}"/> ones use a tensor scale of 1), and <see cref="QuantizedMatrix{TBlock}"/>
        /// keeps the scale as <see cref="QuantizedMatrix{TBlock}.TensorScale"/>. It needs <see cref="BlockScaleRule.AbsMax"/>
        /// and a scale type narrower than float32 (NF0047): <c>[BlockFormat(typeof(Float4E2M1FN), 16, ScaleType =
        /// typeof(Float8E4M3FN), PerTensorScale = true)]</c> is NVFP4, byte for byte <c>QuantScheme.Parse("NVFP4")</c>.
        /// </remarks>
        public bool PerTensorScale { get; set; }
    }
}
