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
    /// The NumForge posit generator: for every <c>[PositFormat]</c> partial struct, checks the spec and writes the
    /// value type's generated part. The pipeline carries only equatable data (see <see cref="PositFormatResult"/>),
    /// so an edit elsewhere regenerates nothing; diagnostics and source are produced by separate outputs.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class PositFormatGenerator : IIncrementalGenerator
    {
        /// <inheritdoc/>
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            IncrementalValuesProvider<PositFormatResult> results = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    PositFormatReader.AttributeMetadataName,
                    predicate: static (node, _) => node is BaseTypeDeclarationSyntax,
                    transform: static (ctx, ct) => PositFormatReader.Read(ctx, ct))
                .WithTrackingName(PositTrackingNames.ReadPositFormat);

            IncrementalValuesProvider<DiagnosticInfo> diagnostics = results
                .SelectMany(static (result, _) => result.Diagnostics)
                .WithTrackingName(PositTrackingNames.PositFormatDiagnostics);

            context.RegisterSourceOutput(diagnostics, static (spc, info) => spc.ReportDiagnostic(info.ToDiagnostic()));

            IncrementalValuesProvider<PositFormatModel> models = results
                .Where(static result => result.Model is not null)
                .WithTrackingName(PositTrackingNames.ValidPositFormats)
                .Select(static (result, _) => result.Model!)
                .WithTrackingName(PositTrackingNames.PositFormatModels);

            context.RegisterSourceOutput(models, static (spc, model) => Generate(spc, model));
        }

        private static void Generate(SourceProductionContext context, PositFormatModel model)
            => SourceOutput.Add(context, model.Target.FullName, () => PositFormatEmitter.HintName(model), () => PositFormatEmitter.Emit(model));
    }
}
