using Microsoft.CodeAnalysis;

namespace NumForge.Generators.Diagnostics
{
    /// <summary>
    /// The diagnostics of <c>[PositFormat]</c> specs (NF0020-NF0022). Messages come from <c>PositLayout.TryCreate</c>,
    /// so each message format is just <c>{0}</c>. Target problems (NF0001-NF0004) and NF0099 are the shared ones in
    /// <see cref="DiagnosticDescriptors"/>, whose table lists these too.
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
    }
}
