using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NumForge.Generators.Pipeline;

namespace NumForge.Generators.Families.Block
{
    /// <summary>
    /// The block family: <c>[BlockFormat(element or codebook, blockSize, ScaleType = ..., ScaleRule = ..., HighNibbleFirst = ..., PerTensorScale = ...)]</c>
    /// read and checked by <see cref="BlockSpec"/> (NF0040-NF0047), written by <see cref="BlockSource"/> as an
    /// <c>IBlockFormat</c> struct over <c>BlockCodec</c>.
    /// </summary>
    internal sealed class BlockFamily : FormatFamily<BlockFormatModel>
    {
        /// <summary>NF0040. The element is not a NumForge integer or float format.</summary>
        public static readonly DiagnosticDescriptor ElementNotAFormat = DiagnosticDescriptors.SpecError("NF0040", "Block element is not a NumForge integer or float format");

        /// <summary>NF0041. The element is wider than 8 bits.</summary>
        public static readonly DiagnosticDescriptor ElementTooWide = DiagnosticDescriptors.SpecError("NF0041", "Block element wider than 8 bits");

        /// <summary>NF0042. The block size is not a power of two from 8 to 1024.</summary>
        public static readonly DiagnosticDescriptor BlockSizeOutOfRange = DiagnosticDescriptors.SpecError("NF0042", "Block size out of range");

        /// <summary>NF0043. The scale type cannot hold a block scale.</summary>
        public static readonly DiagnosticDescriptor ScaleTypeNotSupported = DiagnosticDescriptors.SpecError("NF0043", "Block scale type not supported");

        /// <summary>NF0044. The scale rule does not fit the element.</summary>
        public static readonly DiagnosticDescriptor RuleDoesNotFitElement = DiagnosticDescriptors.SpecError("NF0044", "Block scale rule does not fit the element");

        /// <summary>NF0045. The codebook is not 16 finite, strictly increasing values.</summary>
        public static readonly DiagnosticDescriptor CodebookInvalid = DiagnosticDescriptors.SpecError("NF0045", "Block codebook is not 16 increasing values");

        /// <summary>NF0046. HighNibbleFirst on an element that is not 4 bits.</summary>
        public static readonly DiagnosticDescriptor NibbleOrderNeedsFourBits = DiagnosticDescriptors.SpecError("NF0046", "HighNibbleFirst needs a 4-bit element");

        /// <summary>NF0047. A per-tensor scale on a rule or scale type it cannot refine.</summary>
        public static readonly DiagnosticDescriptor TensorScaleDoesNotFit = DiagnosticDescriptors.SpecError("NF0047", "PerTensorScale does not fit the block");

        public static readonly BlockFamily Instance = new BlockFamily();

        private static readonly string[] Plumbing = { "_bytes", "Storage", "Traits" };

        private BlockFamily()
            : base("NumForge.BlockFormatAttribute", new[]
            {
                ElementNotAFormat, ElementTooWide, BlockSizeOutOfRange, ScaleTypeNotSupported, RuleDoesNotFitElement,
                CodebookInvalid, NibbleOrderNeedsFourBits, TensorScaleDoesNotFit,
            })
        {
        }

        /// <inheritdoc/>
        public override IReadOnlyList<string> ReservedMemberNames => Plumbing;

        /// <inheritdoc/>
        public override Result<BlockFormatModel>? ReadSpec(AttributeData attribute, AttributeSyntax? syntax, TargetType? target, LocationInfo? location)
        {
            if (!BlockSpec.TryRead(attribute, syntax, out var spec))
            {
                return null;
            }

            var problems = new List<DiagnosticInfo>();
            var model = spec.Check(location, problems);
            if (problems.Count > 0)
            {
                return Result<BlockFormatModel>.Invalid(problems.ToArray());
            }

            return target is null || model is null ? Result<BlockFormatModel>.Nothing : Result<BlockFormatModel>.Valid(model(target));
        }

        /// <inheritdoc/>
        public override string Emit(BlockFormatModel model) => BlockSource.Emit(model);
    }
}
