using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NumForge.CompilerServices;
using NumForge.Generators.Model;
using NumForge.Generators.Reading;

namespace NumForge.Generators.Families.Integer
{
    /// <summary>
    /// Reads one <c>[IntFormat]</c> declaration: checks the target (shared NF0001-NF0004, <see cref="TargetReader"/>),
    /// reads the attribute's arguments, validates the spec with <see cref="IntLayout.TryCreate"/> (NF0030), and returns
    /// plain data. Never throws (except for cancellation): an unexpected exception becomes NF0099.
    /// </summary>
    internal static class IntFormatReader
    {
        /// <summary>Metadata name of the attribute this reader handles.</summary>
        public const string AttributeMetadataName = "NumForge.IntFormatAttribute";

        /// <summary>The other families' attributes: when one is also present, its generator reports the target's problems (NF0003).</summary>
        private static readonly string[] OtherFormatAttributes = { "NumForge.FloatFormatAttribute", "NumForge.PositFormatAttribute" };

        /// <summary>The <c>ForAttributeWithMetadataName</c> transform.</summary>
        public static IntFormatResult Read(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            LocationInfo? location = null;
            try
            {
                if (context.TargetSymbol is not INamedTypeSymbol symbol || context.Attributes.IsDefaultOrEmpty
                    || string.IsNullOrEmpty(symbol.Name) || context.TargetNode is BaseTypeDeclarationSyntax { Identifier.IsMissing: true })
                {
                    // A declaration still being typed; the compiler reports it.
                    return IntFormatResult.Nothing;
                }

                AttributeData attribute = AttributeOn(context);
                var attributeSyntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
                location = LocationInfo.From(attributeSyntax?.GetLocation()) ?? LocationInfo.From(context.TargetNode.GetLocation());

                var diagnostics = new List<DiagnosticInfo>();
                TargetType? target = TargetReader.Read(symbol, context.TargetNode, "IntFormat", location, diagnostics, cancellationToken);
                if (target is not null)
                {
                    AddReservedNameConflicts(target, location, diagnostics);
                }

                if (HasOtherFormatAttribute(symbol))
                {
                    // NF0003: the other family's generator reports the target's problems; say nothing twice.
                    diagnostics.Clear();
                    target = null;
                }

                if (!TryReadArguments(attribute, out int bits, out bool signed))
                {
                    // The compiler already reports arguments that are not constants or do not bind.
                    return new IntFormatResult(null, diagnostics.ToEquatableArray());
                }

                IntLayout? layout = IntLayout.TryCreate(bits, signed, out var problems);
                foreach (var problem in problems)
                {
                    diagnostics.Add(new DiagnosticInfo(problem.Id, problem.Message, location));
                }

                if (diagnostics.Count > 0 || layout is null || target is null)
                {
                    return new IntFormatResult(null, diagnostics.ToEquatableArray());
                }

                return new IntFormatResult(new IntFormatModel(target, bits, signed), EquatableArray<DiagnosticInfo>.Empty);
            }
            catch (OperationCanceledException)
            {
                throw;
            }
            catch (Exception ex)
            {
                var error = new DiagnosticInfo("NF0099", $"The NumForge generator failed while reading [IntFormat] and generated nothing for this type: {ex.GetType().FullName}: {ex.Message}", location);
                return new IntFormatResult(null, new[] { error }.ToEquatableArray());
            }
        }

        /// <summary>Reads <c>bits</c> and the named <c>Signed</c> (default true); false when an argument is in error (the compiler reports it).</summary>
        internal static bool TryReadArguments(AttributeData attribute, out int bits, out bool signed)
        {
            bits = 0;
            signed = true;
            if (attribute.AttributeConstructor is null || attribute.ConstructorArguments.Length != 1
                || attribute.ConstructorArguments[0].Kind != TypedConstantKind.Primitive || attribute.ConstructorArguments[0].Value is not int b)
            {
                return false;
            }

            bits = b;
            foreach (var named in attribute.NamedArguments)
            {
                if (named.Value.Kind == TypedConstantKind.Error)
                {
                    return false;
                }

                if (named.Key == "Signed" && named.Value.Value is bool s)
                {
                    signed = s;
                }
            }

            return true;
        }

        /// <summary>NF0004: a user member named like plumbing the generated part always writes.</summary>
        private static void AddReservedNameConflicts(TargetType target, LocationInfo? location, List<DiagnosticInfo> diagnostics)
        {
            var declared = new HashSet<string>(System.Linq.Enumerable.Select(target.UserMembers, MemberKey.NameOf), StringComparer.Ordinal);
            foreach (string reserved in IntFormatEmitter.ReservedMemberNames)
            {
                if (declared.Contains(reserved))
                {
                    diagnostics.Add(new DiagnosticInfo("NF0004", $"'{target.Name}' declares a member named '{reserved}', which the generated [IntFormat] part needs for itself; rename it.", location));
                }
            }
        }

        private static bool HasOtherFormatAttribute(INamedTypeSymbol symbol)
        {
            foreach (var attribute in symbol.GetAttributes())
            {
                string? name = attribute.AttributeClass?.ToDisplayString();
                if (Array.IndexOf(OtherFormatAttributes, name) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

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
    }
}
