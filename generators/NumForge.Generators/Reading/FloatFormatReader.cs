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
    /// Reads one <c>[FloatFormat]</c> declaration: checks the target, reads the attribute's arguments, validates the
    /// spec with <see cref="FloatLayout.TryCreate"/>, and returns plain data. Never throws (except for cancellation):
    /// an unexpected exception becomes diagnostic NF0099.
    /// </summary>
    internal static class FloatFormatReader
    {
        /// <summary>Metadata name of the attribute this reader handles.</summary>
        public const string AttributeMetadataName = "NumForge.FloatFormatAttribute";

        /// <summary>The <c>ForAttributeWithMetadataName</c> transform.</summary>
        public static FloatFormatResult Read(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            LocationInfo? location = null;
            try
            {
                if (context.TargetSymbol is not INamedTypeSymbol symbol || context.Attributes.IsDefaultOrEmpty)
                {
                    return FloatFormatResult.Nothing;
                }

                if (string.IsNullOrEmpty(symbol.Name) || (context.TargetNode is BaseTypeDeclarationSyntax { Identifier.IsMissing: true }))
                {
                    // A declaration still being typed; the compiler reports it.
                    return FloatFormatResult.Nothing;
                }

                var attribute = AttributeOn(context);
                var attributeSyntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
                location = LocationInfo.From(attributeSyntax?.GetLocation()) ?? LocationInfo.From(context.TargetNode.GetLocation());

                var diagnostics = new List<DiagnosticInfo>();
                var target = TargetReader.Read(symbol, context.TargetNode, "FloatFormat", location, diagnostics, cancellationToken);
                if (target is not null)
                {
                    AddReservedNameConflicts(target, location, diagnostics);
                }

                if (!TryReadArguments(attribute, attributeSyntax, out var spec))
                {
                    // The compiler already reports arguments that are not constants or do not bind; add nothing.
                    return new FloatFormatResult(null, diagnostics.ToEquatableArray());
                }

                var layout = FloatLayout.TryCreate(spec.ExponentBits, spec.MantissaBits, spec.Bias, spec.Signed, spec.Subnormals, spec.Specials, spec.Overflow, out var problems);
                foreach (var problem in problems)
                {
                    diagnostics.Add(new DiagnosticInfo(problem.Id, problem.Message, location));
                }

                if (diagnostics.Count > 0 || layout is null || target is null)
                {
                    return new FloatFormatResult(null, diagnostics.ToEquatableArray());
                }

                return FloatFormatResult.Valid(new FloatFormatModel(
                    target,
                    spec.ExponentBits,
                    spec.MantissaBits,
                    layout.Bias,
                    spec.Signed,
                    spec.Subnormals,
                    spec.Specials,
                    spec.Overflow));
            }
            catch (OperationCanceledException)
            {
                throw;
            }
            catch (Exception ex)
            {
                return FloatFormatResult.Invalid(InternalError(ex, location));
            }
        }

        /// <summary>
        /// The attribute written on this declaration: for a partial type, <see cref="GeneratorAttributeSyntaxContext.Attributes"/>
        /// may also hold those of its other declarations.
        /// </summary>
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
        /// NF0004: a user member named like one the generated part always writes (<see cref="FloatFormatEmitter.ReservedMemberNames"/>)
        /// would be a duplicate definition; one diagnostic per such name.
        /// </summary>
        private static void AddReservedNameConflicts(TargetType target, LocationInfo? location, List<DiagnosticInfo> diagnostics)
        {
            var declared = new HashSet<string>(System.Linq.Enumerable.Select(target.UserMembers, MemberKey.NameOf), StringComparer.Ordinal);
            foreach (string reserved in FloatFormatEmitter.ReservedMemberNames)
            {
                if (declared.Contains(reserved))
                {
                    diagnostics.Add(new DiagnosticInfo("NF0004", $"'{target.Name}' declares a member named '{reserved}', which the generated [FloatFormat] part needs for itself; rename it.", location));
                }
            }
        }

        /// <summary>An NF0099 diagnostic for an unexpected exception.</summary>
        public static DiagnosticInfo InternalError(Exception ex, LocationInfo? location) =>
            new DiagnosticInfo("NF0099", $"The NumForge generator failed while reading [FloatFormat] and generated nothing for this type: {ex.GetType().FullName}: {ex.Message}", location);

        /// <summary>
        /// Reads the constructor and named arguments. Returns false when any argument is missing or in error (not a
        /// compile-time constant, wrong type), which the compiler reports itself.
        /// </summary>
        internal static bool TryReadArguments(AttributeData attribute, AttributeSyntax? syntax, out FloatSpecArguments spec)
        {
            spec = default;
            if (attribute.AttributeConstructor is null || attribute.ConstructorArguments.Length != 2)
            {
                return false;
            }

            // An argument that did not bind (an unknown property name, say) is left out of the attribute data:
            // the written arguments must all be accounted for.
            int written = syntax?.ArgumentList?.Arguments.Count ?? 0;
            if (syntax is not null && written != attribute.ConstructorArguments.Length + attribute.NamedArguments.Length)
            {
                return false;
            }

            if (!TryInt(attribute.ConstructorArguments[0], out int exponentBits) || !TryInt(attribute.ConstructorArguments[1], out int mantissaBits))
            {
                return false;
            }

            int? bias = null;
            bool signed = true;
            bool subnormals = true;
            var specials = SpecialValues.Ieee;
            var overflow = OverflowBehavior.Default;

            foreach (var named in attribute.NamedArguments)
            {
                var value = named.Value;
                switch (named.Key)
                {
                    case "Bias":
                        if (!TryInt(value, out int b))
                        {
                            return false;
                        }

                        bias = b;
                        break;
                    case "Signed":
                        if (!TryBool(value, out signed))
                        {
                            return false;
                        }

                        break;
                    case "Subnormals":
                        if (!TryBool(value, out subnormals))
                        {
                            return false;
                        }

                        break;
                    case "Specials":
                        if (!TryInt(value, out int s))
                        {
                            return false;
                        }

                        specials = (SpecialValues)s;
                        break;
                    case "Overflow":
                        if (!TryInt(value, out int o))
                        {
                            return false;
                        }

                        overflow = (OverflowBehavior)o;
                        break;
                    default:
                        if (value.Kind == TypedConstantKind.Error)
                        {
                            return false;
                        }

                        break;
                }
            }

            spec = new FloatSpecArguments(exponentBits, mantissaBits, bias, signed, subnormals, specials, overflow);
            return true;
        }

        private static bool TryInt(TypedConstant constant, out int value)
        {
            value = 0;
            if (constant.Kind is not (TypedConstantKind.Primitive or TypedConstantKind.Enum) || constant.Value is not int i)
            {
                return false;
            }

            value = i;
            return true;
        }

        private static bool TryBool(TypedConstant constant, out bool value)
        {
            value = false;
            if (constant.Kind != TypedConstantKind.Primitive || constant.Value is not bool b)
            {
                return false;
            }

            value = b;
            return true;
        }
    }

    /// <summary>The arguments of a <c>[FloatFormat]</c> as written (<see cref="Bias"/> null when not given).</summary>
    internal readonly record struct FloatSpecArguments(
        int ExponentBits,
        int MantissaBits,
        int? Bias,
        bool Signed,
        bool Subnormals,
        SpecialValues Specials,
        OverflowBehavior Overflow);
}
