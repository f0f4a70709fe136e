using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NumForge.CompilerServices;
using NumForge.Generators.Emit;
using NumForge.Generators.Model;

namespace NumForge.Generators.Reading
{
    /// <summary>
    /// Reads one <c>[PositFormat]</c> declaration: checks the target (shared NF0001-NF0003, <see cref="TargetReader"/>),
    /// reads the attribute's arguments, validates the spec with <see cref="PositLayout.TryCreate"/> (NF0020-NF0022), and
    /// returns plain data. Never throws (except for cancellation): an unexpected exception becomes diagnostic NF0099.
    /// </summary>
    internal static class PositFormatReader
    {
        /// <summary>Metadata name of the attribute this reader handles.</summary>
        public const string AttributeMetadataName = "NumForge.PositFormatAttribute";

        /// <summary>The <c>ForAttributeWithMetadataName</c> transform.</summary>
        public static PositFormatResult Read(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            LocationInfo? location = null;
            try
            {
                if (context.TargetSymbol is not INamedTypeSymbol symbol || context.Attributes.IsDefaultOrEmpty)
                {
                    return PositFormatResult.Nothing;
                }

                if (string.IsNullOrEmpty(symbol.Name) || (context.TargetNode is BaseTypeDeclarationSyntax { Identifier.IsMissing: true }))
                {
                    // A declaration still being typed; the compiler reports it.
                    return PositFormatResult.Nothing;
                }

                var attribute = AttributeOn(context);
                var attributeSyntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
                location = LocationInfo.From(attributeSyntax?.GetLocation()) ?? LocationInfo.From(context.TargetNode.GetLocation());

                var diagnostics = new List<DiagnosticInfo>();
                var target = TargetReader.Read(symbol, context.TargetNode, "PositFormat", location, diagnostics, cancellationToken);
                if (target is not null)
                {
                    AddReservedNameConflicts(target, location, diagnostics);
                }

                if (HasAttribute(symbol, FloatFormatReader.AttributeMetadataName))
                {
                    // Both attributes (NF0003): the float generator reports the target's problems; say nothing twice.
                    diagnostics.Clear();
                    target = null;
                }

                if (!TryReadArguments(attribute, attributeSyntax, out int bits, out int exponentBits))
                {
                    // The compiler already reports arguments that are not constants or do not bind; add nothing.
                    return new PositFormatResult(null, diagnostics.ToEquatableArray());
                }

                var layout = PositLayout.TryCreate(bits, exponentBits, out var problems);
                foreach (var problem in problems)
                {
                    diagnostics.Add(new DiagnosticInfo(problem.Id, problem.Message, location));
                }

                if (diagnostics.Count > 0 || layout is null || target is null)
                {
                    return new PositFormatResult(null, diagnostics.ToEquatableArray());
                }

                return PositFormatResult.Valid(new PositFormatModel(target, bits, exponentBits));
            }
            catch (OperationCanceledException)
            {
                throw;
            }
            catch (Exception ex)
            {
                return PositFormatResult.Invalid(InternalError(ex, location));
            }
        }

        /// <summary>
        /// NF0004: a user member named like one the generated part always writes (<see cref="PositFormatEmitter.ReservedMemberNames"/>)
        /// would be a duplicate definition; one diagnostic per such name.
        /// </summary>
        private static void AddReservedNameConflicts(TargetType target, LocationInfo? location, List<DiagnosticInfo> diagnostics)
        {
            var declared = new HashSet<string>(System.Linq.Enumerable.Select(target.UserMembers, MemberKey.NameOf), StringComparer.Ordinal);
            foreach (string reserved in PositFormatEmitter.ReservedMemberNames)
            {
                if (declared.Contains(reserved))
                {
                    diagnostics.Add(new DiagnosticInfo("NF0004", $"'{target.Name}' declares a member named '{reserved}', which the generated [PositFormat] part needs for itself; rename it.", location));
                }
            }
        }

        private static bool HasAttribute(INamedTypeSymbol symbol, string metadataName)
        {
            foreach (var attribute in symbol.GetAttributes())
            {
                if (attribute.AttributeClass?.ToDisplayString() == metadataName)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>An NF0099 diagnostic for an unexpected exception.</summary>
        public static DiagnosticInfo InternalError(Exception ex, LocationInfo? location) =>
            new DiagnosticInfo("NF0099", $"The NumForge generator failed while reading [PositFormat] and generated nothing for this type: {ex.GetType().FullName}: {ex.Message}", location);

        /// <summary>The attribute written on this declaration (a partial type's other declarations may carry others).</summary>
        private static AttributeData AttributeOn(GeneratorAttributeSyntaxContext context)
        {
            var node = context.TargetNode;
            foreach (var attribute in context.Attributes)
            {
                var reference = attribute.ApplicationSyntaxReference;
                if (reference is not null && reference.SyntaxTree == node.SyntaxTree && node.Span.Contains(reference.Span))
                {
                    return attribute;
                }
            }

            return context.Attributes[0];
        }

        /// <summary>
        /// Reads <c>bits</c> and <c>exponentBits</c> (2 when the constructor has no such parameter). Returns false when an
        /// argument is missing or in error, which the compiler reports itself.
        /// </summary>
        internal static bool TryReadArguments(AttributeData attribute, AttributeSyntax? syntax, out int bits, out int exponentBits)
        {
            bits = 0;
            exponentBits = PositLayout.StandardExponentBits;
            if (attribute.AttributeConstructor is null || attribute.ConstructorArguments.Length is < 1 or > 2)
            {
                return false;
            }

            int written = syntax?.ArgumentList?.Arguments.Count ?? 0;
            if (syntax is not null && written > attribute.ConstructorArguments.Length + attribute.NamedArguments.Length)
            {
                return false;
            }

            if (!TryInt(attribute.ConstructorArguments[0], out bits))
            {
                return false;
            }

            if (attribute.ConstructorArguments.Length == 2 && !TryInt(attribute.ConstructorArguments[1], out exponentBits))
            {
                return false;
            }

            foreach (var named in attribute.NamedArguments)
            {
                if (named.Value.Kind == TypedConstantKind.Error)
                {
                    return false;
                }
            }

            return true;
        }

        private static bool TryInt(TypedConstant constant, out int value)
        {
            value = 0;
            if (constant.Kind != TypedConstantKind.Primitive || constant.Value is not int i)
            {
                return false;
            }

            value = i;
            return true;
        }
    }
}
