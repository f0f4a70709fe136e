using System;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using NumForge.Generators.Diagnostics;

namespace NumForge.Generators
{
    /// <summary>Adds one generated file, turning any failure into NF0099 so the generator never throws.</summary>
    internal static class SourceOutput
    {
        public static void Add(SourceProductionContext context, string targetName, Func<string> hintName, Func<string> emit)
        {
            string hint;
            string source;
            try
            {
                hint = hintName();
                source = emit();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.InternalError,
                    Location.None,
                    $"The NumForge generator failed while writing '{targetName}' and generated nothing for it: {ex.GetType().FullName}: {ex.Message}"));
                return;
            }

            try
            {
                context.AddSource(hint, SourceText.From(source, Encoding.UTF8));
            }
            catch (ArgumentException ex)
            {
                // A duplicate or invalid hint name: two targets that map to the same file name.
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.InternalError,
                    Location.None,
                    $"The NumForge generator could not add '{hint}' for '{targetName}': {ex.Message}"));
            }
        }
    }
}
