using System;
using System.Runtime.InteropServices;

namespace NumForge.Blocks.Quant
{
    /// <summary>
    /// The door from <see cref="QuantizedMatrix"/> to the ggml block types: a ggml scheme's matrix is a
    /// <see cref="QuantizedMatrix{TBlock}"/> held behind this interface, so every scheme answers the one API.
    /// </summary>
    internal interface IGgmlBlocks
    {
        /// <summary>The block type (<c>BlockQ4_0</c> ...).</summary>
        Type BlockType { get; }

        /// <summary>Elements per block.</summary>
        int BlockSize { get; }

        /// <summary>Bytes per block.</summary>
        int BlockBytes { get; }

        /// <summary>The blocks' bytes, row after row, as ggml lays them out.</summary>
        ReadOnlySpan<byte> Bytes { get; }

        /// <summary>The typed matrix (a <see cref="QuantizedMatrix{TBlock}"/>).</summary>
        object Matrix { get; }

        void Dequantize(Span<float> destination);

        void MatVec(ReadOnlySpan<float> x, Span<float> y, MatVecActivation activation, int maxDegreeOfParallelism);
    }

    /// <summary>A <see cref="QuantizedMatrix{TBlock}"/> behind <see cref="IGgmlBlocks"/>.</summary>
    internal sealed class GgmlBlocks<TBlock>(QuantizedMatrix<TBlock> matrix) : IGgmlBlocks
        where TBlock : unmanaged, IBlockFormat<TBlock>
    {
        public Type BlockType => typeof(TBlock);

        public int BlockSize => TBlock.BlockSize;

        public int BlockBytes => Marshal.SizeOf<TBlock>();

        public ReadOnlySpan<byte> Bytes => MemoryMarshal.AsBytes(matrix.Blocks);

        public object Matrix => matrix;

        public void Dequantize(Span<float> destination) => matrix.Dequantize(destination);

        public void MatVec(ReadOnlySpan<float> x, Span<float> y, MatVecActivation activation, int maxDegreeOfParallelism)
            => matrix.MatVec(x, y, activation, maxDegreeOfParallelism);
    }

    /// <summary>Which block type each ggml scheme name quantizes with.</summary>
    internal static class GgmlBlocks
    {
        /// <summary>Quantizes with the block type <paramref name="scheme"/> names (its columns already checked).</summary>
        public static IGgmlBlocks Quantize(QuantScheme scheme, ReadOnlySpan<float> weights, int rows, int columns) => scheme.ToString() switch
        {
            "Q4_0" => Wrap(QuantizedMatrix<BlockQ4_0>.Quantize(weights, rows, columns)),
            "Q4_1" => Wrap(QuantizedMatrix<BlockQ4_1>.Quantize(weights, rows, columns)),
            "Q5_0" => Wrap(QuantizedMatrix<BlockQ5_0>.Quantize(weights, rows, columns)),
            "Q5_1" => Wrap(QuantizedMatrix<BlockQ5_1>.Quantize(weights, rows, columns)),
            "Q8_0" => Wrap(QuantizedMatrix<BlockQ8_0>.Quantize(weights, rows, columns)),
            "Q2_K" => Wrap(QuantizedMatrix<BlockQ2_K>.Quantize(weights, rows, columns)),
            "Q3_K" => Wrap(QuantizedMatrix<BlockQ3_K>.Quantize(weights, rows, columns)),
            "Q4_K" => Wrap(QuantizedMatrix<BlockQ4_K>.Quantize(weights, rows, columns)),
            "Q5_K" => Wrap(QuantizedMatrix<BlockQ5_K>.Quantize(weights, rows, columns)),
            "Q6_K" => Wrap(QuantizedMatrix<BlockQ6_K>.Quantize(weights, rows, columns)),
            _ => throw new ArgumentException($"{scheme} is not a ggml block type.", nameof(scheme)),
        };

        /// <summary>The scheme of a block type, or false when <typeparamref name="TBlock"/> has no scheme name.</summary>
        public static bool TrySchemeOf<TBlock>(out QuantScheme scheme)
            where TBlock : unmanaged, IBlockFormat<TBlock>
        {
            string name = typeof(TBlock).Name;
            scheme = default;

            // BlockMXFP4 and BlockNVFP4 are ggml's blocks, but their names parse as the OCP and NVIDIA schemes: no scheme.
            return name.StartsWith("Block", StringComparison.Ordinal) && name != "BlockMXFP4" && name != "BlockNVFP4" && QuantScheme.TryParse(name["Block".Length..], out scheme) && scheme.Kind == QuantSchemeKind.Ggml;
        }

        public static IGgmlBlocks Wrap<TBlock>(QuantizedMatrix<TBlock> matrix)
            where TBlock : unmanaged, IBlockFormat<TBlock>
            => new GgmlBlocks<TBlock>(matrix);
    }
}
