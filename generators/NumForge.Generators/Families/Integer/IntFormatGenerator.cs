using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NumForge.Generators.Model;

namespace NumForge.Generators.Families.Integer
{
    /// <summary>
    /// The NumForge integer generator: for every <c>[IntFormat]</c> partial struct, checks the spec and writes the
    /// value type's generated part, a surface of one-line forwarders into <c>NumForge.CompilerServices.Integers</c>.
    /// The pipeline carries only equatable data (<see cref="IntFormatResult"/>); diagnostics and source are separate outputs.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class IntFormatGenerator : IIncrementalGenerator
    {
        /// <inheritdoc/>
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            IncrementalValuesProvider<IntFormatResult> results = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    IntFormatReader.AttributeMetadataName,
                    predicate: static (node, _) => node is BaseTypeDeclarationSyntax,
                    transform: static (ctx, ct) => IntFormatReader.Read(ctx, ct))
                .WithTrackingName(IntTrackingNames.ReadIntFormat);

            IncrementalValuesProvider<DiagnosticInfo> diagnostics = results
                .SelectMany(static (result, _) => result.Diagnostics)
                .WithTrackingName(IntTrackingNames.IntFormatDiagnostics);

            context.RegisterSourceOutput(diagnostics, static (spc, info) => spc.ReportDiagnostic(IntDiagnostics.ToDiagnostic(info)));

            IncrementalValuesProvider<IntFormatModel> models = results
                .Where(static result => result.Model is not null)
                .Select(static (result, _) => result.Model!)
                .WithTrackingName(IntTrackingNames.IntFormatModels);

            context.RegisterSourceOutput(models, static (spc, model) =>
                SourceOutput.Add(spc, model.Target.FullName, () => IntFormatEmitter.HintName(model), () => IntFormatEmitter.Emit(model)));
        }
    }
}
