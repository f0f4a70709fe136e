using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace NumForge.Analyzers
{
    /// <summary>
    /// Per-compilation knowledge of which types are low precision. Well-known types are resolved once; each other
    /// type is classified once (its NumForge format attribute read) and cached; options are read once per tree.
    /// Lookups on the common path do not allocate.
    /// </summary>
    internal sealed class FormatResolver
    {
        private static readonly LowPrecisionFormat HalfFormat = new LowPrecisionFormat(FormatKind.Half, true, LowPrecisionFormat.HalfLayout, 0, 0, "T:System.Half");

        private readonly AnalyzerConfigOptionsProvider _optionsProvider;
        private readonly ConcurrentDictionary<ITypeSymbol, LowPrecisionFormat> _formats = new ConcurrentDictionary<ITypeSymbol, LowPrecisionFormat>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<SyntaxTree, NumForgeOptions> _options = new ConcurrentDictionary<SyntaxTree, NumForgeOptions>();

        public FormatResolver(Compilation compilation, AnalyzerConfigOptionsProvider optionsProvider)
        {
            _optionsProvider = optionsProvider;
            Compilation = compilation;
        }

        /// <summary>The compilation.</summary>
        public Compilation Compilation { get; }

        /// <summary>The options for a tree.</summary>
        public NumForgeOptions GetOptions(SyntaxTree tree)
        {
            if (_options.TryGetValue(tree, out var options))
            {
                return options;
            }

            return _options.GetOrAdd(tree, NumForgeOptions.Read(_optionsProvider.GetOptions(tree)));
        }

        /// <summary>Whether <paramref name="type"/> is low precision under <paramref name="options"/>; bails out on built-in types at once.</summary>
        public bool IsLowPrecision(ITypeSymbol? type, NumForgeOptions options, out LowPrecisionFormat format)
        {
            format = null!;
            if (type is null || type.SpecialType != SpecialType.None)
            {
                return false;
            }

            if (type.TypeKind != TypeKind.Struct && type.TypeKind != TypeKind.Class)
            {
                return false;
            }

            format = GetFormat(type);
            if (options.HasTypeLists && format.DocumentationId is string id)
            {
                if (options.ExcludedTypes.Contains(id))
                {
                    return false;
                }

                if (options.ExtraTypes.Contains(id))
                {
                    return true;
                }
            }

            return format.IsLowPrecision;
        }

        /// <summary>Whether the type is <see cref="float"/> or <see cref="double"/>.</summary>
        public static bool IsFloatOrDouble(ITypeSymbol? type) =>
            type is not null && (type.SpecialType == SpecialType.System_Single || type.SpecialType == SpecialType.System_Double);

        private LowPrecisionFormat GetFormat(ITypeSymbol type)
        {
            if (_formats.TryGetValue(type, out var format))
            {
                return format;
            }

            return _formats.GetOrAdd(type, Classify(type));
        }

        private LowPrecisionFormat Classify(ITypeSymbol type)
        {
            // System.Half by name: GetTypeByMetadataName would build the compilation's whole type-name lookup for one type.
            if (type is INamedTypeSymbol { Name: "Half", Arity: 0, ContainingType: null, ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } })
            {
                return HalfFormat;
            }

            string? id = type.OriginalDefinition.GetDocumentationCommentId();
            if (type.TypeKind == TypeKind.Struct)
            {
                foreach (AttributeData attribute in type.GetAttributes())
                {
                    INamedTypeSymbol? attributeClass = attribute.AttributeClass;
                    if (attributeClass is null || !IsInNumForgeNamespace(attributeClass))
                    {
                        continue;
                    }

                    switch (attributeClass.Name)
                    {
                        case "FloatFormatAttribute":
                            return ReadFloatFormat(attribute, id);
                        case "PositFormatAttribute":
                            return ReadPositFormat(attribute, id);
                        case "IntFormatAttribute":
                            // Every NumForge integer format (Int2, Int4, ...) has far less range than float.
                            return ReadIntFormat(attribute, id);
                    }
                }
            }

            return new LowPrecisionFormat(FormatKind.None, false, null, 0, 0, id);
        }

        private static bool IsInNumForgeNamespace(INamedTypeSymbol symbol)
        {
            INamespaceSymbol? ns = symbol.ContainingNamespace;
            return ns is not null && ns.Name == "NumForge" && ns.ContainingNamespace is { IsGlobalNamespace: true };
        }

        private static LowPrecisionFormat ReadFloatFormat(AttributeData attribute, string? id)
        {
            ImmutableArray<TypedConstant> args = attribute.ConstructorArguments;
            if (args.Length < 2 || args[0].Value is not int exponentBits || args[1].Value is not int mantissaBits)
            {
                return new LowPrecisionFormat(FormatKind.Float, false, null, 0, 0, id);
            }

            int? bias = null;
            bool signed = true;
            bool subnormals = true;
            var specials = SpecialValues.Ieee;
            var overflow = OverflowBehavior.Default;
            foreach (var named in attribute.NamedArguments)
            {
                object? value = named.Value.Value;
                switch (named.Key)
                {
                    case "Bias" when value is int b:
                        bias = b;
                        break;
                    case "Signed" when value is bool s:
                        signed = s;
                        break;
                    case "Subnormals" when value is bool n:
                        subnormals = n;
                        break;
                    case "Specials" when value is int sv:
                        specials = (SpecialValues)sv;
                        break;
                    case "Overflow" when value is int ov:
                        overflow = (OverflowBehavior)ov;
                        break;
                }
            }

            var layout = LowPrecisionFormat.CreateLayout(exponentBits, mantissaBits, bias, signed, subnormals, specials, overflow);
            bool low = LowPrecisionFormat.IsFloatLowPrecision(exponentBits, mantissaBits, layout);
            return new LowPrecisionFormat(FormatKind.Float, low, layout, 0, 0, id);
        }

        private static LowPrecisionFormat ReadIntFormat(AttributeData attribute, string? id)
        {
            ImmutableArray<TypedConstant> args = attribute.ConstructorArguments;
            int bits = args.Length >= 1 && args[0].Value is int b && b is > 0 and < 63 ? b : 0;
            bool signed = true;
            foreach (var named in attribute.NamedArguments)
            {
                if (named.Key == "Signed" && named.Value.Value is bool s)
                {
                    signed = s;
                }
            }

            return new LowPrecisionFormat(FormatKind.Integer, true, null, 0, 0, id, bits, signed);
        }

        private static LowPrecisionFormat ReadPositFormat(AttributeData attribute, string? id)
        {
            ImmutableArray<TypedConstant> args = attribute.ConstructorArguments;
            if (args.Length < 1 || args[0].Value is not int bits)
            {
                return new LowPrecisionFormat(FormatKind.Posit, false, null, 0, 0, id);
            }

            int exponentBits = args.Length > 1 && args[1].Value is int es ? es : 2;
            foreach (var named in attribute.NamedArguments)
            {
                if (named.Key == "ExponentBits" && named.Value.Value is int e)
                {
                    exponentBits = e;
                }
            }

            return new LowPrecisionFormat(FormatKind.Posit, LowPrecisionFormat.IsPositLowPrecision(bits, exponentBits), null, bits, exponentBits, id);
        }
    }
}
