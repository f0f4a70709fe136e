using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NumForge.Generators.Families;

namespace NumForge.Generators.Pipeline
{
    /// <summary>
    /// Checks the type a format attribute sits on (NF0001-NF0003) and turns it into a <see cref="TargetType"/>.
    /// Shared by every format attribute: the checks do not depend on the kind of format.
    /// </summary>
    internal static class TargetReader
    {
        /// <summary>Metadata names of the registered families' attributes, in registration order; a type may carry only one of them.</summary>
        public static readonly string[] FormatAttributeNames = FormatFamilies.All.Select(f => f.AttributeMetadataName).ToArray();

        /// <summary>
        /// Whether the family of <paramref name="attributeMetadataName"/> reports the target's problems: with several
        /// format attributes on one type (NF0003), only the first family in registration order speaks, so nothing is said twice.
        /// </summary>
        public static bool ReportsTargetProblems(INamedTypeSymbol symbol, string attributeMetadataName)
        {
            var present = new HashSet<string?>(symbol.GetAttributes().Select(a => a.AttributeClass?.ToDisplayString()));
            return FormatAttributeNames.First(present.Contains) == attributeMetadataName;
        }

        /// <summary>
        /// Reads the target. Adds a diagnostic for each problem found (at <paramref name="attributeLocation"/>) and
        /// returns null if there was any, else the target as plain data.
        /// </summary>
        public static TargetType? Read(
            INamedTypeSymbol symbol,
            SyntaxNode declaration,
            string attributeShortName,
            LocationInfo? attributeLocation,
            List<DiagnosticInfo> diagnostics,
            CancellationToken cancellationToken)
        {
            int before = diagnostics.Count;
            string name = symbol.Name;
            string attribute = attributeShortName;

            void Add(DiagnosticDescriptor descriptor, params string[] arguments) => diagnostics.Add(DiagnosticInfo.Create(descriptor, attributeLocation, arguments));

            // NF0001: the shape of the target itself.
            if (symbol.TypeKind != TypeKind.Struct)
            {
                string kind = symbol.IsRecord ? "a record class" : KindName(symbol.TypeKind);
                Add(DiagnosticDescriptors.TargetNotAStruct, attribute, name, kind);
            }
            else if (symbol.IsRecord)
            {
                Add(DiagnosticDescriptors.TargetIsRecordStruct, attribute, name);
            }
            else if (symbol.IsRefLikeType)
            {
                Add(DiagnosticDescriptors.TargetIsRefStruct, attribute, name);
            }
            else if (declaration is TypeDeclarationSyntax typeDeclaration && !typeDeclaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                Add(DiagnosticDescriptors.TargetNotPartial, attribute, name, AccessibilityKeyword(symbol.DeclaredAccessibility) + " " + (symbol.IsReadOnly ? "readonly " : ""));
            }

            if (symbol.IsFileLocal)
            {
                Add(DiagnosticDescriptors.TargetIsFileLocal, attribute, name);
            }

            // NF0002: generic, or nested where the generated part cannot follow.
            if (symbol.TypeParameters.Length > 0)
            {
                Add(DiagnosticDescriptors.TargetIsGeneric, attribute, name);
            }

            // Syntax nesting mirrors symbol nesting: the n-th enclosing type declaration is the n-th containing type.
            var containing = new List<string>();
            SyntaxNode? enclosing = declaration.Parent;
            for (var outer = symbol.ContainingType; outer is not null; outer = outer.ContainingType)
            {
                cancellationToken.ThrowIfCancellationRequested();
                while (enclosing is not null && enclosing is not TypeDeclarationSyntax)
                {
                    enclosing = enclosing.Parent;
                }

                var outerSyntax = enclosing as TypeDeclarationSyntax;
                enclosing = enclosing?.Parent;
                bool isPartial = outerSyntax is not null && outerSyntax.Modifiers.Any(SyntaxKind.PartialKeyword);
                if (outer.TypeParameters.Length > 0)
                {
                    Add(DiagnosticDescriptors.TargetNestedInGeneric, attribute, name, outer.Name);
                }
                else if (!isPartial)
                {
                    Add(DiagnosticDescriptors.TargetNestedInNonPartial, attribute, name, outer.Name);
                }
                else
                {
                    containing.Add(ContainingDeclaration(outerSyntax!, outer));
                }
            }

            // NF0003: one format per type, across every partial declaration.
            var formats = symbol.GetAttributes()
                .Select(a => a.AttributeClass?.ToDisplayString())
                .Where(n => n is not null && FormatAttributeNames.Contains(n))
                .Select(n => ShortName(n!))
                .ToList();
            if (formats.Count > 1)
            {
                Add(DiagnosticDescriptors.MultipleFormatAttributes, name, formats.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), string.Join(", ", formats));
            }

            if (diagnostics.Count > before)
            {
                return null;
            }

            containing.Reverse();
            string? ns = symbol.ContainingNamespace is { IsGlobalNamespace: false } n2 ? n2.ToDisplayString() : null;
            return new TargetType(
                ns,
                name,
                AccessibilityKeyword(symbol.DeclaredAccessibility),
                symbol.IsReadOnly,
                containing.ToEquatableArray(),
                UserMembers(symbol).ToEquatableArray(),
                symbol.Interfaces
                    .Select(i => i.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat))
                    .Distinct()
                    .OrderBy(s => s, System.StringComparer.Ordinal)
                    .ToEquatableArray());
        }

        /// <summary>The short attribute name as written in C#, e.g. <c>FloatFormat</c>.</summary>
        public static string ShortName(string metadataName)
        {
            string simple = metadataName.Substring(metadataName.LastIndexOf('.') + 1);
            return simple.EndsWith("Attribute", System.StringComparison.Ordinal) ? simple.Substring(0, simple.Length - "Attribute".Length) : simple;
        }

        /// <summary>The C# keyword(s) of an accessibility.</summary>
        public static string AccessibilityKeyword(Accessibility accessibility) => accessibility switch
        {
            Accessibility.Public => "public",
            Accessibility.Private => "private",
            Accessibility.Protected => "protected",
            Accessibility.ProtectedOrInternal => "protected internal",
            Accessibility.ProtectedAndInternal => "private protected",
            _ => "internal",
        };

        /// <summary>The keys of the members declared in every part of the type (see <see cref="MemberKey"/>).</summary>
        private static IEnumerable<string> UserMembers(INamedTypeSymbol symbol) => symbol.GetMembers()
            .Where(m => !m.IsImplicitlyDeclared)
            .Select(MemberKey.OfSymbol)
            .OfType<string>()
            .Distinct()
            .OrderBy(s => s, System.StringComparer.Ordinal);

        private static string KindName(TypeKind kind) => kind switch
        {
            TypeKind.Class => "a class",
            TypeKind.Interface => "an interface",
            TypeKind.Enum => "an enum",
            TypeKind.Delegate => "a delegate",
            _ => "not a struct",
        };

        private static string ContainingDeclaration(TypeDeclarationSyntax syntax, INamedTypeSymbol symbol)
        {
            var parts = new List<string>();
            foreach (var modifier in syntax.Modifiers)
            {
                if (modifier.IsKind(SyntaxKind.StaticKeyword) || modifier.IsKind(SyntaxKind.ReadOnlyKeyword) || modifier.IsKind(SyntaxKind.RefKeyword) || modifier.IsKind(SyntaxKind.UnsafeKeyword))
                {
                    parts.Add(modifier.ValueText);
                }
            }

            parts.Add("partial");
            parts.Add(syntax switch
            {
                RecordDeclarationSyntax record => record.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword) ? "record struct" : "record",
                StructDeclarationSyntax => "struct",
                InterfaceDeclarationSyntax => "interface",
                _ => "class",
            });
            parts.Add(symbol.Name);
            return string.Join(" ", parts);
        }
    }
}
