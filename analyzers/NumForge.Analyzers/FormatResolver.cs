using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using NumForge.Generators.Families.Float;
using NumForge.Generators.Families.Integer;
using NumForge.Generators.Families.Posit;

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

        // The attribute arguments are read by the generator's own readers (linked source, see the .csproj), so the
        // analyzers and the generator never disagree about a spec; an unreadable spec (the compiler reports it) is not
        // low precision, except that every integer format is.
        private static LowPrecisionFormat ReadFloatFormat(AttributeData attribute, string? id)
        {
            if (!FloatSpecArguments.TryRead(attribute, null, out FloatSpecArguments spec))
            {
                return new LowPrecisionFormat(FormatKind.Float, false, null, 0, 0, id);
            }

            var layout = LowPrecisionFormat.CreateLayout(spec.ExponentBits, spec.MantissaBits, spec.Bias, spec.Signed, spec.Subnormals, spec.Specials, spec.Overflow);
            bool low = LowPrecisionFormat.IsFloatLowPrecision(spec.ExponentBits, spec.MantissaBits, layout);
            return new LowPrecisionFormat(FormatKind.Float, low, layout, 0, 0, id);
        }

        private static LowPrecisionFormat ReadIntFormat(AttributeData attribute, string? id)
        {
            bool read = IntSpecArguments.TryRead(attribute, null, out IntSpecArguments spec);
            int bits = read && spec.Bits is > 0 and < 63 ? spec.Bits : 0;
            return new LowPrecisionFormat(FormatKind.Integer, true, null, 0, 0, id, bits, spec.Signed);
        }

        private static LowPrecisionFormat ReadPositFormat(AttributeData attribute, string? id)
        {
            if (!PositSpecArguments.TryRead(attribute, null, out PositSpecArguments spec))
            {
                return new LowPrecisionFormat(FormatKind.Posit, false, null, 0, 0, id);
            }

            return new LowPrecisionFormat(FormatKind.Posit, LowPrecisionFormat.IsPositLowPrecision(spec.Bits, spec.ExponentBits), null, spec.Bits, spec.ExponentBits, id);
        }
    }
}
