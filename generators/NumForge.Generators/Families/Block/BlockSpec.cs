using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NumForge.CompilerServices;
using NumForge.Generators.Families.Float;
using NumForge.Generators.Families.Integer;
using NumForge.Generators.Pipeline;

namespace NumForge.Generators.Families.Block
{
    /// <summary>
    /// The arguments of one <c>[BlockFormat]</c>, read from the attribute (the element and scale as symbols, used only while
    /// reading) and checked: each impossible part is one NF0040-NF0047 diagnostic whose sentence says what would be valid.
    /// </summary>
    internal sealed class BlockSpec
    {
        public const int MinBlockSize = 8;
        public const int MaxBlockSize = 1024;
        public const int CodebookSize = 16;

        private const string Blocks = "global::NumForge.CompilerServices.Blocks.";
        private const string IntFormatAttribute = "NumForge.IntFormatAttribute";
        private const string FloatFormatAttribute = "NumForge.FloatFormatAttribute";

        private ITypeSymbol? _element;
        private float[]? _codebook;
        private int _blockSize;
        private ITypeSymbol? _scale;
        private int _rule;
        private bool _highNibbleFirst;
        private bool _perTensorScale;

        /// <summary>Reads the arguments; false when one is missing or in error (the compiler reports those).</summary>
        public static bool TryRead(AttributeData attribute, AttributeSyntax? syntax, out BlockSpec spec)
        {
            spec = new BlockSpec();
            if (attribute.AttributeConstructor is null || attribute.ConstructorArguments.Length != 2
                || !AttributeArguments.AllBound(attribute, syntax) || AttributeArguments.AnyNamedInError(attribute)
                || !AttributeArguments.TryInt(attribute.ConstructorArguments[1], out spec._blockSize))
            {
                return false;
            }

            var first = attribute.ConstructorArguments[0];
            if (first.Kind == TypedConstantKind.Type && first.Value is ITypeSymbol element && element.TypeKind != TypeKind.Error)
            {
                spec._element = element;
            }
            else if (first.Kind == TypedConstantKind.Array && !first.IsNull)
            {
                var values = new float[first.Values.Length];
                for (int i = 0; i < values.Length; i++)
                {
                    if (first.Values[i].Value is not float f)
                    {
                        return false;
                    }

                    values[i] = f;
                }

                spec._codebook = values;
            }
            else if (!first.IsNull)
            {
                return false;
            }

            foreach (var named in attribute.NamedArguments)
            {
                bool read = true;
                switch (named.Key)
                {
                    case "ScaleType":
                        read = named.Value.IsNull || (named.Value.Value is ITypeSymbol s && s.TypeKind != TypeKind.Error);
                        spec._scale = named.Value.IsNull ? null : named.Value.Value as ITypeSymbol;
                        break;
                    case "ScaleRule":
                        read = AttributeArguments.TryInt(named.Value, out spec._rule);
                        break;
                    case "HighNibbleFirst":
                        read = AttributeArguments.TryBool(named.Value, out spec._highNibbleFirst);
                        break;
                    case "PerTensorScale":
                        read = AttributeArguments.TryBool(named.Value, out spec._perTensorScale);
                        break;
                }

                if (!read)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// Checks the spec: each problem is added to <paramref name="problems"/>; with none, returns the model's factory.
        /// </summary>
        public Func<TargetType, BlockFormatModel>? Check(LocationInfo? location, List<DiagnosticInfo> problems)
        {
            int before = problems.Count;
            void Report(DiagnosticDescriptor descriptor, string message) => problems.Add(DiagnosticInfo.Create(descriptor, location, message));

            var rule = (BlockScaleRule)_rule;
            bool ruleDefined = _rule is >= 0 and <= 2;
            if (!ruleDefined)
            {
                Report(BlockFamily.RuleDoesNotFitElement, $"ScaleRule = {Int(_rule)} is not a BlockScaleRule; use AbsMax, MinMax or PowerOfTwo.");
            }

            if (_blockSize < MinBlockSize || _blockSize > MaxBlockSize || (_blockSize & (_blockSize - 1)) != 0)
            {
                Report(BlockFamily.BlockSizeOutOfRange, $"The block size {Int(_blockSize)} is not a power of two from {Int(MinBlockSize)} to {Int(MaxBlockSize)}; use, for example, 32 (OCP MX), 64 or 128 (W4G128).");
            }

            var element = ReadElement(Report);
            if (element is { } e && ruleDefined)
            {
                CheckRule(e, rule, Report);
                if (_highNibbleFirst && e.Bits != 4)
                {
                    Report(BlockFamily.NibbleOrderNeedsFourBits, $"HighNibbleFirst orders the two nibbles of a byte, but {e.Name} has {Int(e.Bits)} bits; remove HighNibbleFirst, or use a 4-bit element.");
                }
            }

            var scale = ReadScale(rule, Report);
            if (_perTensorScale && ruleDefined)
            {
                CheckTensorScale(rule, element, scale, Report);
            }

            if (problems.Count > before || element is null || scale is null)
            {
                return null;
            }

            var elementInfo = element.Value;
            if (rule == BlockScaleRule.PowerOfTwo && elementInfo.Kind == ElementKind.Integer)
            {
                // OCP MX's INT8 (MXINT8): two's complement read as fixed point with N - 2 fraction bits.
                elementInfo = elementInfo with { Adapter = Blocks + "FixedPointElement<" + elementInfo.Traits + ">", Name = elementInfo.Name + " (fixed point, " + Int(elementInfo.Bits - 2) + " fraction bits)" };
            }


            var scaleInfo = scale.Value;
            var codebook = _codebook is null ? EquatableArray<string>.Empty : _codebook.Select(FloatLiteral).ToArray().ToEquatableArray();
            int blockSize = _blockSize;
            bool high = _highNibbleFirst;
            bool tensorScale = _perTensorScale;
            return target => new BlockFormatModel(target, blockSize, rule, high, elementInfo.Adapter, elementInfo.Name, elementInfo.Bits, scaleInfo.Adapter, scaleInfo.Name, scaleInfo.Bytes, codebook, tensorScale, elementInfo.MaxMagnitude, scaleInfo.LargestFinite);
        }

        /// <summary>
        /// NF0047: a per-tensor scale refines AbsMax block scales of a type narrower than float32 (NVFP4's E4M3 under a float32
        /// tensor scale); the tensor scale <c>amax / (emax * scale_max)</c> needs <c>emax * scale_max</c> to be a finite float.
        /// </summary>
        private static void CheckTensorScale(BlockScaleRule rule, ElementInfo? element, ScaleInfo? scale, Action<DiagnosticDescriptor, string> report)
        {
            if (rule != BlockScaleRule.AbsMax)
            {
                string why = rule == BlockScaleRule.MinMax
                    ? "MinMax stores a zero point in the block's own units"
                    : "PowerOfTwo scales are powers of two by definition (OCP MX)";
                report(BlockFamily.TensorScaleDoesNotFit, $"PerTensorScale divides AbsMax block scales by one float32 scale per tensor (NVIDIA NVFP4), but {why}; use ScaleRule = BlockScaleRule.AbsMax, or remove PerTensorScale.");
                return;
            }

            if (element is not { } e || scale is not { } s)
            {
                return;
            }

            float product = e.MaxMagnitude * s.LargestFinite;
            if (s.Name == "float" || float.IsInfinity(product) || float.IsNaN(product))
            {
                report(BlockFamily.TensorScaleDoesNotFit, $"A per-tensor scale extends the range of a narrow block scale, but a {s.Name} scale already spans float32's range (the tensor scale amax / ({FloatText(e.MaxMagnitude)} * {FloatText(s.LargestFinite)}) would not be a float32 number); use a narrow scale type such as Float8E4M3FN (NVFP4) or Half, or remove PerTensorScale.");
            }
        }

        private readonly record struct ElementInfo(string Adapter, string Name, int Bits, ElementKind Kind, bool Signed, string Traits = "", float MaxMagnitude = 0);

        private readonly record struct ScaleInfo(string Adapter, string Name, int Bytes, float LargestFinite);

        private enum ElementKind
        {
            Integer,
            Float,
            Codebook,
        }

        private ElementInfo? ReadElement(Action<DiagnosticDescriptor, string> report)
        {
            if (_codebook is not null)
            {
                string? problem = _codebook.Length != CodebookSize ? $"The codebook holds {Int(_codebook.Length)} values"
                    : _codebook.Any(v => float.IsNaN(v) || float.IsInfinity(v)) ? "The codebook holds a NaN or an infinity"
                    : !Increasing(_codebook) ? "The codebook is not in strictly increasing order"
                    : null;
                if (problem is not null)
                {
                    report(BlockFamily.CodebookInvalid, $"{problem}; a codebook block needs exactly {Int(CodebookSize)} finite values in strictly increasing order (4-bit codes index them), such as NF4's.");
                    return null;
                }

                return new ElementInfo(Blocks + "CodebookElement<Traits>", "a 16-value codebook", 4, ElementKind.Codebook, true, MaxMagnitude: Math.Max(-_codebook[0], _codebook[CodebookSize - 1]));
            }

            if (_element is null)
            {
                report(BlockFamily.ElementNotAFormat, "The element format is null; give a NumForge integer or float format of at most 8 bits, e.g. typeof(Int4) or typeof(Float4E2M1FN), or a 16-value codebook.");
                return null;
            }

            string name = _element.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
            string traits = _element.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + ".Traits";
            var intAttribute = FindAttribute(_element, IntFormatAttribute);
            if (intAttribute is not null && IntSpecArguments.TryRead(intAttribute, null, out var intSpec))
            {
                (int bits, bool signed) = (intSpec.Bits, intSpec.Signed);
                if (bits > 8)
                {
                    report(BlockFamily.ElementTooWide, $"The element {name} has {Int(bits)} bits; a block element has at most 8.");
                    return null;
                }

                if (IntLayout.TryCreate(bits, signed, out _) is null)
                {
                    report(BlockFamily.ElementNotAFormat, $"The element {name} is not a valid integer format (see its own diagnostics); give a NumForge integer or float format of at most 8 bits.");
                    return null;
                }

                return new ElementInfo(Blocks + "IntElement<" + traits + ">", name, bits, ElementKind.Integer, signed, traits, signed ? (1 << (bits - 1)) - 1 : (1 << bits) - 1);
            }

            var floatAttribute = FindAttribute(_element, FloatFormatAttribute);
            if (floatAttribute is not null && FloatSpecArguments.TryRead(floatAttribute, null, out var f))
            {
                var layout = FloatLayout.TryCreate(f.ExponentBits, f.MantissaBits, f.Bias, f.Signed, f.Subnormals, f.Specials, f.Overflow, out _);
                if (layout is null)
                {
                    report(BlockFamily.ElementNotAFormat, $"The element {name} is not a valid float format (see its own diagnostics); give a NumForge integer or float format of at most 8 bits.");
                    return null;
                }

                if (layout.TotalBits > 8)
                {
                    report(BlockFamily.ElementTooWide, $"The element {name} has {Int(layout.TotalBits)} bits; a block element has at most 8 (an FP8, FP6 or FP4 format such as Float4E2M1FN).");
                    return null;
                }

                return new ElementInfo(Blocks + "FloatElement<" + traits + ">", name, layout.TotalBits, ElementKind.Float, layout.Signed, MaxMagnitude: (float)layout.MaxValue);
            }

            report(BlockFamily.ElementNotAFormat, $"'{name}' is not a NumForge integer or float format; a block element is a type declared with [IntFormat] or [FloatFormat] of at most 8 bits (e.g. typeof(Int4), typeof(UInt4), typeof(Float4E2M1FN)), or a 16-value codebook.");
            return null;
        }

        private static void CheckRule(ElementInfo element, BlockScaleRule rule, Action<DiagnosticDescriptor, string> report)
        {
            switch (rule)
            {
                case BlockScaleRule.AbsMax when element.Kind == ElementKind.Integer && !element.Signed:
                    report(BlockFamily.RuleDoesNotFitElement, $"AbsMax is symmetric around zero, but {element.Name} is unsigned; use a signed element (e.g. Int4), or ScaleRule = BlockScaleRule.MinMax for a zero point.");
                    break;
                case BlockScaleRule.AbsMax when element.Kind == ElementKind.Integer && element.Bits < 2:
                    report(BlockFamily.RuleDoesNotFitElement, $"AbsMax needs a signed element of at least 2 bits; {element.Name} holds only -1 and 0.");
                    break;
                case BlockScaleRule.MinMax when element.Kind != ElementKind.Integer || element.Signed:
                    report(BlockFamily.RuleDoesNotFitElement, $"MinMax stores a zero point, which needs an unsigned integer element (e.g. UInt4), not {element.Name}; use ScaleRule = BlockScaleRule.AbsMax for it.");
                    break;
                case BlockScaleRule.PowerOfTwo when element.Kind == ElementKind.Codebook:
                    report(BlockFamily.RuleDoesNotFitElement, "PowerOfTwo (OCP MX) scales float elements, or signed integers read as fixed point (MXINT8), by 2^(floor(log2(amax)) - emax), and a codebook has no emax; use ScaleRule = BlockScaleRule.AbsMax for it.");
                    break;
                case BlockScaleRule.PowerOfTwo when element.Kind == ElementKind.Integer && (!element.Signed || element.Bits < 2):
                    report(BlockFamily.RuleDoesNotFitElement, $"PowerOfTwo (OCP MX) reads an integer element as two's complement fixed point with N - 2 fraction bits (MXINT8: Int8 / 64), which needs a signed element of 2 to 8 bits, not {element.Name}; use Int8 (or another signed integer), or ScaleRule = BlockScaleRule.MinMax for a zero point.");
                    break;
            }
        }

        private ScaleInfo? ReadScale(BlockScaleRule rule, Action<DiagnosticDescriptor, string> report)
        {
            if (_scale is null)
            {
                return rule == BlockScaleRule.PowerOfTwo
                    ? new ScaleInfo(Blocks + "FloatScale<global::NumForge.Float8E8M0FNU.Traits>", "Float8E8M0FNU", 1, (float)Math.Pow(2, 127))
                    : new ScaleInfo(Blocks + "HalfScale", "Half", 2, HalfMax);
            }

            switch (_scale.SpecialType)
            {
                case SpecialType.System_Single:
                    return new ScaleInfo(Blocks + "SingleScale", "float", 4, float.MaxValue);
            }

            string name = _scale.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
            if (_scale.ToDisplayString() == "System.Half")
            {
                return new ScaleInfo(Blocks + "HalfScale", "Half", 2, HalfMax);
            }

            var floatAttribute = FindAttribute(_scale, FloatFormatAttribute);
            if (floatAttribute is not null && FloatSpecArguments.TryRead(floatAttribute, null, out var f))
            {
                var layout = FloatLayout.TryCreate(f.ExponentBits, f.MantissaBits, f.Bias, f.Signed, f.Subnormals, f.Specials, f.Overflow, out _);
                if (layout is not null && layout.TotalBits <= 32 && layout.HasNaN)
                {
                    int bytes = layout.TotalBits <= 8 ? 1 : layout.TotalBits <= 16 ? 2 : 4;
                    return new ScaleInfo(Blocks + "FloatScale<" + _scale.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + ".Traits>", name, bytes, (float)layout.MaxValue);
                }
            }

            report(BlockFamily.ScaleTypeNotSupported, $"The scale type '{name}' is not supported; use float, Half, or a NumForge float format of at most 32 bits that has a NaN (a block of NaN or infinity stores it), e.g. BFloat16, Float8E4M3FN or Float8E8M0FNU.");
            return null;
        }

        private static AttributeData? FindAttribute(ITypeSymbol type, string metadataName)
            => type.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == metadataName);

        private static bool Increasing(float[] values)
        {
            for (int i = 1; i < values.Length; i++)
            {
                if (!(values[i] > values[i - 1]))
                {
                    return false;
                }
            }

            return true;
        }

        private const float HalfMax = 65504f;

        private static string FloatText(float value) => value.ToString("R", CultureInfo.InvariantCulture);

        private static string FloatLiteral(float value) => value.ToString("R", CultureInfo.InvariantCulture) + "f";

        private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
