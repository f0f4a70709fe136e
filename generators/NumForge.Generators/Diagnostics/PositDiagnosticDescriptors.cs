using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using NumForge.Generators.Model;

namespace NumForge.Generators.Diagnostics
{
    /// <summary>
    /// The diagnostics of <c>[PositFormat]</c> specs (NF0020-NF0022). Messages come from <c>PositLayout.TryCreate</c>,
    /// so each message format is just <c>{0}</c>. Target problems (NF0001-NF0003) and NF0099 are the shared ones in
    /// <see cref="DiagnosticDescriptors"/>.
    /// </summary>
    internal static class PositDiagnosticDescriptors
    {
        public static readonly DiagnosticDescriptor PositBitsOutOfRange = new DiagnosticDescriptor(
            id: "NF0020",
            title: "Posit width out of range",
            messageFormat: "{0}",
            category: DiagnosticDescriptors.SpecCategory,
            defaultSeverity: DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            helpLinkUri: DiagnosticDescriptors.HelpLinkBase + "NF0020.md");

        public static readonly DiagnosticDescriptor PositExponentBitsOutOfRange = new DiagnosticDescriptor(
            id: "NF0021",
            title: "Posit exponent width out of range",
            messageFormat: "{0}",
            category: DiagnosticDescriptors.SpecCategory,
            defaultSeverity: DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            helpLinkUri: DiagnosticDescriptors.HelpLinkBase + "NF0021.md");

        public static readonly DiagnosticDescriptor PositValuesNotDoubles = new DiagnosticDescriptor(
            id: "NF0022",
            title: "Posit extreme values are not doubles",
            messageFormat: "{0}",
            category: DiagnosticDescriptors.SpecCategory,
            defaultSeverity: DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            helpLinkUri: DiagnosticDescriptors.HelpLinkBase + "NF0022.md");

        private static readonly DiagnosticDescriptor[] AllDescriptors =
        {
            PositBitsOutOfRange,
            PositExponentBitsOutOfRange,
            PositValuesNotDoubles,
        };

        /// <summary>The posit descriptors, in ID order.</summary>
        public static IReadOnlyList<DiagnosticDescriptor> All => AllDescriptors;

        /// <summary>The posit descriptor of an ID, or null.</summary>
        public static DiagnosticDescriptor? Find(string id)
        {
            foreach (var descriptor in AllDescriptors)
            {
                if (descriptor.Id == id)
                {
                    return descriptor;
                }
            }

            return null;
        }

        /// <summary>Turns carried diagnostic data back into a Roslyn diagnostic: posit IDs here, the rest as the shared table does.</summary>
        public static Diagnostic ToPositDiagnostic(this DiagnosticInfo info)
        {
            var descriptor = Find(info.Id);
            if (descriptor is null)
            {
                return info.ToDiagnostic();
            }

            return Diagnostic.Create(descriptor, info.Location?.ToLocation() ?? Location.None, info.Message);
        }
    }
}
