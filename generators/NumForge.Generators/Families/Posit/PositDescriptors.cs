using Microsoft.CodeAnalysis;
using NumForge.Generators.Pipeline;

namespace NumForge.Generators.Families.Posit
{
    /// <summary>
    /// The diagnostics of <c>[PositFormat]</c> specs (NF0020-NF0022). The sentences come from <c>PositLayout.TryCreate</c>
    /// (linked spec math), so each message format is <c>{0}</c>.
    /// </summary>
    internal static class PositDescriptors
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

        public static readonly DiagnosticDescriptor[] All = { PositBitsOutOfRange, PositExponentBitsOutOfRange, PositValuesNotDoubles };
    }
}
