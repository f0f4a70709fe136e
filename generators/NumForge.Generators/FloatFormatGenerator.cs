using System;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using NumForge.Generators.Diagnostics;
using NumForge.Generators.Emit;
using NumForge.Generators.Model;
using NumForge.Generators.Reading;

namespace NumForge.Generators
{
    /// <summary>
    /// The NumForge float generator: for every <c>[FloatFormat]</c> partial struct, checks the spec and writes the
    /// value type's generated part. The pipeline carries only equatable data (see <see cref="FloatFormatResult"/>),
    /// so an edit elsewhere regenerates nothing; diagnostics and source are produced by separate outputs.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class FloatFormatGenerator : IIncrementalGenerator
    {
        /// <inheritdoc/>
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            IncrementalValuesProvider<FloatFormatResult> results = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    FloatFormatReader.AttributeMetadataName,
                    predicate: static (node, _) => node is BaseTypeDeclarationSyntax,
                    transform: static (ctx, ct) => FloatFormatReader.Read(ctx, ct))
                .WithTrackingName(TrackingNames.ReadFloatFormat);

            IncrementalValuesProvider<DiagnosticInfo> diagnostics = results
                .SelectMany(static (result, _) => result.Diagnostics)
                .WithTrackingName(TrackingNames.FloatFormatDiagnostics);

            context.RegisterSourceOutput(diagnostics, static (spc, info) => spc.ReportDiagnostic(info.ToDiagnostic()));

            IncrementalValuesProvider<FloatFormatModel> models = results
                .Where(static result => result.Model is not null)
                .WithTrackingName(TrackingNames.ValidFloatFormats)
                .Select(static (result, _) => result.Model!)
                .WithTrackingName(TrackingNames.FloatFormatModels);

            context.RegisterSourceOutput(models, static (spc, model) => Generate(spc, model));
        }

        private static void Generate(SourceProductionContext context, FloatFormatModel model)
            => SourceOutput.Add(context, model.Target.FullName, () => FloatFormatEmitter.HintName(model), () => FloatFormatEmitter.Emit(model));
    }
}
