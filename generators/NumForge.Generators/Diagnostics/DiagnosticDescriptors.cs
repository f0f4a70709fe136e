using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using NumForge.Generators.Model;

namespace NumForge.Generators.Diagnostics
{
    /// <summary>
    /// Every diagnostic the generator reports. Messages are built by the reader (or by <c>FloatLayout</c> for spec
    /// problems), so each descriptor's message format is just <c>{0}</c>; the title says what kind of problem it is.
    /// </summary>
    internal static class DiagnosticDescriptors
    {
        /// <summary>Where the help pages live: one page per ID, <c>docs/diagnostics/NFxxxx.md</c>.</summary>
        public const string HelpLinkBase = "https://github.com/numforge/numforge/blob/main/docs/diagnostics/";

        /// <summary>Category of every spec and target diagnostic.</summary>
        public const string SpecCategory = "NumForge.Spec";

        /// <summary>Category of the internal-error diagnostic.</summary>
        public const string GeneratorCategory = "NumForge.Generator";

        public static readonly DiagnosticDescriptor TargetNotPartialStruct = new DiagnosticDescriptor(
            id: "NF0001",
            title: "A format attribute needs a partial struct",
            messageFormat: "{0}",
            category: SpecCategory,
            defaultSeverity: DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            helpLinkUri: HelpLinkBase + "NF0001.md");

        public static readonly DiagnosticDescriptor UnsupportedTargetShape = new DiagnosticDescriptor(
            id: "NF0002",
            title: "A format type cannot be generic or nested in a non-partial or generic type",
            messageFormat: "{0}",
            category: SpecCategory,
            defaultSeverity: DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            helpLinkUri: HelpLinkBase + "NF0002.md");

        public static readonly DiagnosticDescriptor MultipleFormatAttributes = new DiagnosticDescriptor(
            id: "NF0003",
            title: "A type can have only one format attribute",
            messageFormat: "{0}",
            category: SpecCategory,
            defaultSeverity: DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            helpLinkUri: HelpLinkBase + "NF0003.md");

        public static readonly DiagnosticDescriptor ReservedMemberName = new DiagnosticDescriptor(
            id: "NF0004",
            title: "A format type cannot declare a member the generated part needs",
            messageFormat: "{0}",
            category: SpecCategory,
            defaultSeverity: DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            helpLinkUri: HelpLinkBase + "NF0004.md");

        public static readonly DiagnosticDescriptor ExponentBitsOutOfRange = new DiagnosticDescriptor(
            id: "NF0010",
            title: "Exponent width out of range",
            messageFormat: "{0}",
            category: SpecCategory,
            defaultSeverity: DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            helpLinkUri: HelpLinkBase + "NF0010.md");

        public static readonly DiagnosticDescriptor MantissaBitsOutOfRange = new DiagnosticDescriptor(
            id: "NF0011",
            title: "Mantissa width out of range",
            messageFormat: "{0}",
            category: SpecCategory,
            defaultSeverity: DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            helpLinkUri: HelpLinkBase + "NF0011.md");

        public static readonly DiagnosticDescriptor BiasOutOfRange = new DiagnosticDescriptor(
            id: "NF0013",
            title: "Bias gives values that are not exact doubles",
            messageFormat: "{0}",
            category: SpecCategory,
            defaultSeverity: DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            helpLinkUri: HelpLinkBase + "NF0013.md");

        public static readonly DiagnosticDescriptor SpecialsDoNotFit = new DiagnosticDescriptor(
            id: "NF0014",
            title: "Special values do not fit the format",
            messageFormat: "{0}",
            category: SpecCategory,
            defaultSeverity: DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            helpLinkUri: HelpLinkBase + "NF0014.md");

        public static readonly DiagnosticDescriptor UnsignedWithUnsignedZeroNaN = new DiagnosticDescriptor(
            id: "NF0015",
            title: "An unsigned format cannot use FiniteNaNUnsignedZero",
            messageFormat: "{0}",
            category: SpecCategory,
            defaultSeverity: DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            helpLinkUri: HelpLinkBase + "NF0015.md");

        public static readonly DiagnosticDescriptor OverflowNotAvailable = new DiagnosticDescriptor(
            id: "NF0016",
            title: "Overflow behaviour not available for these special values",
            messageFormat: "{0}",
            category: SpecCategory,
            defaultSeverity: DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            helpLinkUri: HelpLinkBase + "NF0016.md");

        public static readonly DiagnosticDescriptor InternalError = new DiagnosticDescriptor(
            id: "NF0099",
            title: "Internal generator error",
            messageFormat: "{0}",
            category: GeneratorCategory,
            defaultSeverity: DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: "The NumForge generator met an unexpected condition and generated nothing for this type. Please report it with the message.",
            helpLinkUri: HelpLinkBase + "NF0099.md");

        private static readonly DiagnosticDescriptor[] AllDescriptors =
        {
            TargetNotPartialStruct,
            UnsupportedTargetShape,
            MultipleFormatAttributes,
            ReservedMemberName,
            ExponentBitsOutOfRange,
            MantissaBitsOutOfRange,
            BiasOutOfRange,
            SpecialsDoNotFit,
            UnsignedWithUnsignedZeroNaN,
            OverflowNotAvailable,
            PositDiagnosticDescriptors.PositBitsOutOfRange,
            PositDiagnosticDescriptors.PositExponentBitsOutOfRange,
            PositDiagnosticDescriptors.PositValuesNotDoubles,
            InternalError,
        };

        private static readonly Dictionary<string, DiagnosticDescriptor> ById = Index(AllDescriptors);

        /// <summary>All descriptors, in ID order.</summary>
        public static IReadOnlyList<DiagnosticDescriptor> All => AllDescriptors;

        /// <summary>The help page of a diagnostic ID.</summary>
        public static string HelpLink(string id) => HelpLinkBase + id + ".md";

        /// <summary>The descriptor of an ID, or null if the generator has none.</summary>
        public static DiagnosticDescriptor? Find(string id) => ById.TryGetValue(id, out var descriptor) ? descriptor : null;

        /// <summary>Turns carried diagnostic data back into a Roslyn diagnostic.</summary>
        public static Diagnostic ToDiagnostic(this DiagnosticInfo info)
        {
            var location = info.Location?.ToLocation() ?? Location.None;
            var descriptor = Find(info.Id);
            if (descriptor is null)
            {
                // A spec problem whose ID has no descriptor is a generator bug; say so rather than drop it.
                return Diagnostic.Create(InternalError, location, $"Spec problem {info.Id} has no diagnostic descriptor: {info.Message}");
            }

            return Diagnostic.Create(descriptor, location, info.Message);
        }


        private static Dictionary<string, DiagnosticDescriptor> Index(params DiagnosticDescriptor[] descriptors)
        {
            var map = new Dictionary<string, DiagnosticDescriptor>();
            foreach (var descriptor in descriptors)
            {
                map.Add(descriptor.Id, descriptor);
            }

            return map;
        }
    }
}
