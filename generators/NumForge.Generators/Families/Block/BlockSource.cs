using System.Collections.Generic;
using NumForge.Generators.Emit;

namespace NumForge.Generators.Families.Block
{
    /// <summary>
    /// The generated part of one block format: the shared frame (<see cref="FormatSource"/>), the storage (an inline array
    /// of exactly the block's bytes), the nested <c>Traits</c> and the <c>IBlockFormat</c> surface, every member a one-line
    /// forwarder into <c>NumForge.CompilerServices.Blocks.BlockCodec</c> over the element and scale adapters the reader chose.
    /// </summary>
    internal sealed class BlockSource : FormatSource
    {
        private readonly BlockFormatModel _model;
        private readonly string _codec;

        private BlockSource(BlockFormatModel model)
            : base(model.Target, 8)
        {
            _model = model;
            _codec = $"global::NumForge.CompilerServices.Blocks.BlockCodec<Traits, {model.Element}, {model.Scale}>";
        }

        /// <summary>The generated source for one valid block format.</summary>
        public static string Emit(BlockFormatModel model) => new BlockSource(model).Write();

        /// <summary>For a block with a per-tensor scale, what the members without one assume.</summary>
        private string RelativeToOne => _model.PerTensorScale ? ", with a tensor scale of 1 (the overload taking one is the two-level rule)" : "";

        private string RuleName => "global::NumForge.BlockScaleRule." + _model.Rule;

        /// <summary>The layout in words, e.g. <c>a Half scale (2 bytes), then 32 Int4 codes (16 bytes)</c>.</summary>
        private string Layout => $"a {_model.ScaleName} scale ({Int(_model.ScaleBytes)} bytes){(_model.ZeroBytes == 1 ? ", a zero point (1 byte)" : "")}, then {Int(_model.BlockSize)} codes of {_model.ElementName} ({Int(_model.ElementBits)} bits each, {Int(_model.CodeBytes)} bytes)";

        /// <inheritdoc/>
        protected override IReadOnlyList<string> Interfaces() => _model.PerTensorScale
            ? new[]
            {
                $"global::NumForge.IBlockFormat<{Self}>",
                $"global::NumForge.CompilerServices.Blocks.IBlockRowDot<{Self}>",
                $"global::NumForge.CompilerServices.Blocks.ITensorScaledBlock<{Self}>",
            }
            : new[]
            {
                $"global::NumForge.IBlockFormat<{Self}>",
                $"global::NumForge.CompilerServices.Blocks.IBlockRowDot<{Self}>",
            };

        /// <inheritdoc/>
        protected override void WriteMembers()
        {
            WriteStorage();
            WriteBlockTraits();
            WriteSurface();
        }

        private void WriteStorage()
        {
            W.Member($$"""
                #pragma warning disable CS0169, CS0649 // Read and written only as bytes, through BlockCodec.
                /// <summary>The block's {{Int(_model.BlockBytes)}} bytes: {{Layout}}.</summary>
                private readonly Storage _bytes;
                #pragma warning restore CS0169, CS0649
                """);

            W.Member($$"""
                /// <summary>{{Int(_model.BlockBytes)}} bytes inline, so the block is a blittable struct of exactly that size.</summary>
                [global::System.Runtime.CompilerServices.InlineArray({{Int(_model.BlockBytes)}})]
                private struct Storage
                {
                #pragma warning disable CS0169 // The first element of the inline array.
                    private byte _element0;
                #pragma warning restore CS0169
                }
                """);
        }

        private void WriteBlockTraits()
        {
            bool codebook = _model.Codebook.Count > 0;
            W.Open($$"""
                /// <summary>The block's constants, computed by the generator; BlockCodec is specialised over them.</summary>
                [global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
                public readonly struct Traits : global::NumForge.CompilerServices.Blocks.IBlockTraits{{(codebook ? ", global::NumForge.CompilerServices.Blocks.ICodebook" : "")}}
                """);
            W.Member($$"""
                /// <inheritdoc/>
                public static int BlockSize => {{Int(_model.BlockSize)}};
                """);
            W.Member($$"""
                /// <inheritdoc/>
                public static global::NumForge.BlockScaleRule ScaleRule => {{RuleName}};
                """);
            W.Member($$"""
                /// <inheritdoc/>
                public static bool HighNibbleFirst => {{Bool(_model.HighNibbleFirst)}};
                """);
            if (_model.PerTensorScale)
            {
                W.Member("""
                    /// <inheritdoc/>
                    public static bool PerTensorScale => true;
                    """);
            }
            if (codebook)
            {
                W.Member($$"""
                    /// <inheritdoc/>
                    public static global::System.ReadOnlySpan<float> Values => new float[] { {{string.Join(", ", _model.Codebook)}} };
                    """);
            }

            W.Close();
        }

        private void WriteSurface()
        {
            Member($$"""
                /// <summary>Gets the number of elements one block holds: {{Int(_model.BlockSize)}}.</summary>
                public static int BlockSize => {{Int(_model.BlockSize)}};
                """);

            Member($$"""
                /// <summary>Gets the bytes of one block: {{Int(_model.BlockBytes)}}.</summary>
                public static int SizeInBytes => {{Int(_model.BlockBytes)}};
                """);

            Member($$"""
                /// <summary>Quantizes <paramref name="source"/> into blocks ({{_model.Rule}} rule; see <c>BlockScaleRule</c>){{RelativeToOne}}.</summary>
                /// <param name="source">The values, <c>destination.Length * BlockSize</c> of them.</param>
                /// <param name="destination">The blocks to write.</param>
                /// <exception cref="global::System.ArgumentException">The lengths do not match.</exception>
                public static void Quantize(global::System.ReadOnlySpan<float> source, global::System.Span<{{Self}}> destination) => {{_codec}}.Quantize(source, destination);
                """);

            Member($$"""
                /// <summary>Dequantizes blocks into values: <c>(value(code) - zero) * scale</c> in float32{{RelativeToOne}}.</summary>
                /// <param name="source">The blocks.</param>
                /// <param name="destination">The values, <c>source.Length * BlockSize</c> of them.</param>
                /// <exception cref="global::System.ArgumentException">The lengths do not match.</exception>
                public static void Dequantize(global::System.ReadOnlySpan<{{Self}}> source, global::System.Span<float> destination) => {{_codec}}.Dequantize(source, destination);
                """);

            Member($$"""
                /// <summary>Gets the block's stored {{_model.ScaleName}} scale as float32{{(_model.PerTensorScale ? ", relative to the tensor scale" : "")}} (NaN for a block that held NaN or infinity).</summary>
                public {{ReadOnly}}float Scale => {{_codec}}.GetScale(in this);
                """);

            if (_model.ZeroBytes == 1)
            {
                Member($$"""
                    /// <summary>Gets the block's zero point: the code that stands for 0.</summary>
                    public {{ReadOnly}}int ZeroPoint => {{_codec}}.GetZeroPoint(in this);
                    """);
            }

            Member($$"""
                /// <summary>Gets the code of element <paramref name="index"/> (0 to {{Int(_model.BlockSize - 1)}}).</summary>
                /// <param name="index">The element.</param>
                /// <returns>The element's {{Int(_model.ElementBits)}}-bit code.</returns>
                /// <exception cref="global::System.ArgumentOutOfRangeException">The index is not in the block.</exception>
                public {{ReadOnly}}int GetCode(int index) => {{_codec}}.GetCode(in this, index);
                """);

            if (_model.PerTensorScale)
            {
                WriteTensorScaleSurface();
            }

            W.Member($$"""
                /// <inheritdoc/>
                {{ReadOnly}}float global::NumForge.CompilerServices.Blocks.IBlockRowDot<{{Self}}>.Dot(global::System.ReadOnlySpan<{{Self}}> blocks, global::System.ReadOnlySpan<float> x) => {{_codec}}.Dot(blocks, x);
                """);
        }
    
        /// <summary>The members of a block with a per-tensor scale: the tensor scale, and Quantize/Dequantize relative to it.</summary>
        private void WriteTensorScaleSurface()
        {
            string tensor = "global::NumForge.CompilerServices.Blocks.ITensorScaledBlock<" + Self + ">";
            Member($$"""
                /// <summary>
                /// The float32 tensor scale of <paramref name="tensor"/> (every value of one weight tensor): its largest finite |x|
                /// divided by {{FloatText(_model.ElementMax)}} * {{FloatText(_model.ScaleMax)}} (the element's largest magnitude times the {{_model.ScaleName}} scale's largest value); 0 when it holds no nonzero finite value.
                /// </summary>
                /// <param name="tensor">Every value of the tensor.</param>
                /// <returns>The tensor scale to give <see cref="Quantize(global::System.ReadOnlySpan{float}, global::System.Span{{{Self}}}, float)"/>.</returns>
                public static float ComputeTensorScale(global::System.ReadOnlySpan<float> tensor) => {{_codec}}.ComputeTensorScale(tensor);
                """);

            Member($$"""
                /// <summary>
                /// Quantizes <paramref name="source"/> into blocks whose scales are relative to <paramref name="tensorScale"/>
                /// (two-level: block scale <c>store(block_amax / ({{FloatText(_model.ElementMax)}} * tensorScale))</c>, 1.0 where 0; codes of <c>x / (scale * tensorScale)</c>).
                /// </summary>
                /// <param name="source">The values, <c>destination.Length * BlockSize</c> of them.</param>
                /// <param name="destination">The blocks to write.</param>
                /// <param name="tensorScale">The tensor scale, usually <see cref="ComputeTensorScale"/> of the whole tensor.</param>
                /// <exception cref="global::System.ArgumentException">The lengths do not match.</exception>
                /// <exception cref="global::System.ArgumentOutOfRangeException">The tensor scale is negative, infinite or NaN.</exception>
                public static void Quantize(global::System.ReadOnlySpan<float> source, global::System.Span<{{Self}}> destination, float tensorScale) => {{_codec}}.QuantizeWithTensorScale(source, destination, tensorScale);
                """);

            Member($$"""
                /// <summary>Dequantizes blocks whose scales are relative to <paramref name="tensorScale"/>: <c>value(code) * (scale * tensorScale)</c> in float32.</summary>
                /// <param name="source">The blocks.</param>
                /// <param name="destination">The values, <c>source.Length * BlockSize</c> of them.</param>
                /// <param name="tensorScale">The tensor scale the blocks were quantized with.</param>
                /// <exception cref="global::System.ArgumentException">The lengths do not match.</exception>
                /// <exception cref="global::System.ArgumentOutOfRangeException">The tensor scale is negative, infinite or NaN.</exception>
                public static void Dequantize(global::System.ReadOnlySpan<{{Self}}> source, global::System.Span<float> destination, float tensorScale) => {{_codec}}.DequantizeWithTensorScale(source, destination, tensorScale);
                """);

            W.Member($$"""
                /// <inheritdoc/>
                {{ReadOnly}}float {{tensor}}.ComputeTensorScale(global::System.ReadOnlySpan<float> tensor) => {{_codec}}.ComputeTensorScale(tensor);
                """);

            W.Member($$"""
                /// <inheritdoc/>
                {{ReadOnly}}void {{tensor}}.Quantize(global::System.ReadOnlySpan<float> source, global::System.Span<{{Self}}> destination, float tensorScale) => {{_codec}}.QuantizeWithTensorScale(source, destination, tensorScale);
                """);

            W.Member($$"""
                /// <inheritdoc/>
                {{ReadOnly}}void {{tensor}}.Dequantize(global::System.ReadOnlySpan<{{Self}}> source, global::System.Span<float> destination, float tensorScale) => {{_codec}}.DequantizeWithTensorScale(source, destination, tensorScale);
                """);
        }

        private static string FloatText(float value) => value.ToString("R", global::System.Globalization.CultureInfo.InvariantCulture);
    }
}
