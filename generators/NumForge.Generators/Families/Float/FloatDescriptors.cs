using Microsoft.CodeAnalysis;
using NumForge.Generators.Pipeline;

namespace NumForge.Generators.Families.Float
{
    /// <summary>
    /// The diagnostics of <c>[FloatFormat]</c> specs. The sentences come from <c>FloatLayout.TryCreate</c> (linked spec
    /// math, shared with the analyzers), so each message format is <c>{0}</c>; the title says what kind of problem it is.
    /// </summary>
    internal static class FloatDescriptors
    {
        public static readonly DiagnosticDescriptor ExponentBitsOutOfRange = new DiagnosticDescriptor(
            id: "NF0010",
            title: "Exponent width out of range",
            messageFormat: "{0}",
            category: DiagnosticDescriptors.SpecCategory,
            defaultSeverity: DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            helpLinkUri: DiagnosticDescriptors.HelpLinkBase + "NF0010.md");

        public static readonly DiagnosticDescriptor MantissaBitsOutOfRange = new DiagnosticDescriptor(
            id: "NF0011",
            title: "Mantissa width out of range",
            messageFormat: "{0}",
            category: DiagnosticDescriptors.SpecCategory,
            defaultSeverity: DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            helpLinkUri: DiagnosticDescriptors.HelpLinkBase + "NF0011.md");

        public static readonly DiagnosticDescriptor BiasOutOfRange = new DiagnosticDescriptor(
            id: "NF0013",
            title: "Bias gives values that are not exact doubles",
            messageFormat: "{0}",
            category: DiagnosticDescriptors.SpecCategory,
            defaultSeverity: DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            helpLinkUri: DiagnosticDescriptors.HelpLinkBase + "NF0013.md");

        public static readonly DiagnosticDescriptor SpecialsDoNotFit = new DiagnosticDescriptor(
            id: "NF0014",
            title: "Special values do not fit the format",
            messageFormat: "{0}",
            category: DiagnosticDescriptors.SpecCategory,
            defaultSeverity: DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            helpLinkUri: DiagnosticDescriptors.HelpLinkBase + "NF0014.md");

        public static readonly DiagnosticDescriptor UnsignedWithUnsignedZeroNaN = new DiagnosticDescriptor(
            id: "NF0015",
            title: "An unsigned format cannot use FiniteNaNUnsignedZero",
            messageFormat: "{0}",
            category: DiagnosticDescriptors.SpecCategory,
            defaultSeverity: DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            helpLinkUri: DiagnosticDescriptors.HelpLinkBase + "NF0015.md");

        public static readonly DiagnosticDescriptor OverflowNotAvailable = new DiagnosticDescriptor(
            id: "NF0016",
            title: "Overflow behaviour not available for these special values",
            messageFormat: "{0}",
            category: DiagnosticDescriptors.SpecCategory,
            defaultSeverity: DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            helpLinkUri: DiagnosticDescriptors.HelpLinkBase + "NF0016.md");

        public static readonly DiagnosticDescriptor[] All =
        {
            ExponentBitsOutOfRange, MantissaBitsOutOfRange, BiasOutOfRange, SpecialsDoNotFit, UnsignedWithUnsignedZeroNaN, OverflowNotAvailable,
        };
    }
}
