using Microsoft.CodeAnalysis;
using NumForge.Generators.Diagnostics;
using NumForge.Generators.Model;

namespace NumForge.Generators.Families.Integer
{
    /// <summary>
    /// The diagnostics of <c>[IntFormat]</c> specs (NF0030-NF0039; today NF0030). Messages come from
    /// <c>IntLayout.TryCreate</c>, so each message format is just <c>{0}</c>. Target problems (NF0001-NF0004) and NF0099
    /// are the shared ones in <see cref="DiagnosticDescriptors"/>.
    /// </summary>
    internal static class IntDiagnostics
    {
        public static readonly DiagnosticDescriptor IntBitsOutOfRange = new DiagnosticDescriptor(
            id: "NF0030",
            title: "Integer width out of range",
            messageFormat: "{0}",
            category: DiagnosticDescriptors.SpecCategory,
            defaultSeverity: DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            helpLinkUri: DiagnosticDescriptors.HelpLinkBase + "NF0030.md");

        /// <summary>The integer family's descriptors, in ID order.</summary>
        public static readonly DiagnosticDescriptor[] All = { IntBitsOutOfRange };

        /// <summary>Turns carried diagnostic data into a Roslyn diagnostic: the family's IDs here, shared IDs by the shared table.</summary>
        public static Diagnostic ToDiagnostic(DiagnosticInfo info)
        {
            foreach (var descriptor in All)
            {
                if (descriptor.Id == info.Id)
                {
                    return Diagnostic.Create(descriptor, info.Location?.ToLocation() ?? Location.None, info.Message);
                }
            }

            return info.ToDiagnostic();
        }
    }
}
