using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NumForge.Generators.Pipeline
{
    /// <summary>
    /// The one pipeline every family runs through: <c>ForAttributeWithMetadataName</c> on the family's attribute, the
    /// shared target checks (NF0001-NF0004), the family's spec reading, then two outputs: diagnostics, and source for
    /// each valid model. Only equatable data flows between the steps, so an edit elsewhere regenerates nothing.
    /// </summary>
    internal static class FormatPipeline
    {
        public static void Register<TModel>(IncrementalGeneratorInitializationContext context, FormatFamily<TModel> family)
            where TModel : class, IFormatModel, IEquatable<TModel>
        {
            IncrementalValuesProvider<Result<TModel>> results = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    family.AttributeMetadataName,
                    predicate: static (node, _) => node is BaseTypeDeclarationSyntax,
                    transform: (ctx, ct) => Read(family, ctx, ct))
                .WithTrackingName(TrackingNames.Read);

            IncrementalValuesProvider<DiagnosticInfo> diagnostics = results
                .SelectMany(static (result, _) => result.Diagnostics)
                .WithTrackingName(TrackingNames.Diagnostics);

            context.RegisterSourceOutput(diagnostics, static (spc, info) => spc.ReportDiagnostic(info.ToDiagnostic()));

            IncrementalValuesProvider<TModel> models = results
                .Where(static result => result.Model is not null)
                .WithTrackingName(TrackingNames.Valid)
                .Select(static (result, _) => result.Model!)
                .WithTrackingName(TrackingNames.Models);

            context.RegisterSourceOutput(models, (spc, model) => SourceOutput.Add(spc, model.Target, () => family.Emit(model)));
        }

        /// <summary>
        /// The <c>ForAttributeWithMetadataName</c> transform: target checks, then the family's spec. Never throws (except
        /// for cancellation): an unexpected exception becomes NF0099.
        /// </summary>
        public static Result<TModel> Read<TModel>(FormatFamily<TModel> family, GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
            where TModel : class, IFormatModel, IEquatable<TModel>
        {
            LocationInfo? location = null;
            try
            {
                if (context.TargetSymbol is not INamedTypeSymbol symbol || context.Attributes.IsDefaultOrEmpty)
                {
                    return Result<TModel>.Nothing;
                }

                if (string.IsNullOrEmpty(symbol.Name) || (context.TargetNode is BaseTypeDeclarationSyntax { Identifier.IsMissing: true }))
                {
                    // A declaration still being typed; the compiler reports it.
                    return Result<TModel>.Nothing;
                }

                var attribute = AttributeOn(context);
                var attributeSyntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
                location = LocationInfo.From(attributeSyntax?.GetLocation()) ?? LocationInfo.From(context.TargetNode.GetLocation());

                var diagnostics = new List<DiagnosticInfo>();
                var target = TargetReader.Read(symbol, context.TargetNode, family.AttributeShortName, location, diagnostics, cancellationToken);
                if (target is not null)
                {
                    AddReservedNameConflicts(family, target, location, diagnostics);
                }

                if (!TargetReader.ReportsTargetProblems(symbol, family.AttributeMetadataName))
                {
                    // Several format attributes (NF0003): the first family reports the target's problems; say nothing twice.
                    diagnostics.Clear();
                    target = null;
                }

                var spec = family.ReadSpec(attribute, attributeSyntax, target, location);
                if (spec is null)
                {
                    // The compiler already reports arguments that are not constants or do not bind; add nothing.
                    return new Result<TModel>(null, diagnostics.ToEquatableArray());
                }

                diagnostics.AddRange(spec.Diagnostics);
                if (diagnostics.Count > 0 || spec.Model is null || target is null)
                {
                    return new Result<TModel>(null, diagnostics.ToEquatableArray());
                }

                return spec;
            }
            catch (OperationCanceledException)
            {
                throw;
            }
            catch (Exception ex)
            {
                return Result<TModel>.Invalid(InternalError(family, ex, location));
            }
        }

        /// <summary>An NF0099 diagnostic for an unexpected exception while reading.</summary>
        public static DiagnosticInfo InternalError(FormatFamily family, Exception ex, LocationInfo? location) =>
            DiagnosticInfo.Create(DiagnosticDescriptors.ReadFailed, location, family.AttributeShortName, ex.GetType().FullName ?? "", ex.Message);

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

        /// <summary>NF0004: a user member named like one the generated part always writes; one diagnostic per such name.</summary>
        private static void AddReservedNameConflicts(FormatFamily family, TargetType target, LocationInfo? location, List<DiagnosticInfo> diagnostics)
        {
            var declared = new HashSet<string>(target.UserMembers.Select(MemberKey.NameOf), StringComparer.Ordinal);
            foreach (string reserved in family.ReservedMemberNames)
            {
                if (declared.Contains(reserved))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ReservedMemberName, location, target.Name, reserved, family.AttributeShortName));
                }
            }
        }
    }
}
