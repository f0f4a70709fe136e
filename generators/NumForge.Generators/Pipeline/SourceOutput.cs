using System;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace NumForge.Generators.Pipeline
{
    /// <summary>Adds one generated file, turning any failure into NF0099 so the generator never throws.</summary>
    internal static class SourceOutput
    {
        /// <summary>The file name: namespace- and containing-type-qualified, e.g. <c>My.App.Outer.Float8.g.cs</c>.</summary>
        public static string HintName(TargetType target)
        {
            var name = new StringBuilder();
            foreach (char c in target.FullName)
            {
                // Hint names allow letters, digits and a few punctuation marks; anything else becomes '_'.
                name.Append(char.IsLetterOrDigit(c) || c == '.' || c == '_' ? c : '_');
            }

            return name.Append(".g.cs").ToString();
        }

        public static void Add(SourceProductionContext context, TargetType target, Func<string> emit)
        {
            string hint = HintName(target);
            string source;
            try
            {
                source = emit();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                context.ReportDiagnostic(DiagnosticInfo.Create(DiagnosticDescriptors.WriteFailed, null, target.FullName, ex.GetType().FullName ?? "", ex.Message).ToDiagnostic());
                return;
            }

            try
            {
                context.AddSource(hint, SourceText.From(source, Encoding.UTF8));
            }
            catch (ArgumentException ex)
            {
                // A duplicate or invalid hint name: two targets that map to the same file name.
                context.ReportDiagnostic(DiagnosticInfo.Create(DiagnosticDescriptors.AddSourceFailed, null, hint, target.FullName, ex.Message).ToDiagnostic());
            }
        }
    }
}
