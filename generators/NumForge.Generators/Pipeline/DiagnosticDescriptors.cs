using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using NumForge.CompilerServices;
using NumForge.Generators.Families;

namespace NumForge.Generators.Pipeline
{
    /// <summary>
    /// The diagnostics every family shares (NF0001-NF0004 on the target, NF0099), each message in its descriptor's
    /// format with the specifics as arguments; one descriptor per message shape, so an ID may have several (as in
    /// CommunityToolkit.Mvvm). A family's spec diagnostics live in its folder and are listed by <see cref="All"/>.
    /// </summary>
    internal static class DiagnosticDescriptors
    {
        /// <summary>Where the help pages live: one page per ID, <c>docs/diagnostics/NFxxxx.md</c>.</summary>
        public const string HelpLinkBase = "https://github.com/numforge/numforge/blob/main/docs/diagnostics/";

        /// <summary>Category of every spec and target diagnostic.</summary>
        public const string SpecCategory = "NumForge.Spec";

        /// <summary>
        /// A family's spec error: its sentence comes from the linked spec math (shared with the analyzers), so the message
        /// format is <c>{0}</c> and the title says what kind of problem it is.
        /// </summary>
        /// <param name="id">The NFxxxx ID; its help page is <c>docs/diagnostics/{id}.md</c>.</param>
        /// <param name="title">What kind of problem it is.</param>
        public static DiagnosticDescriptor SpecError(string id, string title) =>
            new DiagnosticDescriptor(id, title, "{0}", SpecCategory, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + id + ".md");

        /// <summary>Category of the internal-error diagnostic.</summary>
        public const string GeneratorCategory = "NumForge.Generator";

        private const string NotPartialStructTitle = "A format attribute needs a partial struct";
        private const string TargetShapeTitle = "A format type cannot be generic or nested in a non-partial or generic type";
        private const string InternalErrorTitle = "Internal generator error";
        private const string InternalErrorDescription = "The NumForge generator met an unexpected condition and generated nothing for this type. Please report it with the message.";

#pragma warning disable RS1032 // The messages keep the wording users, tests and docs/diagnostics already quote.
        public static readonly DiagnosticDescriptor TargetNotAStruct = new DiagnosticDescriptor(
            id: "NF0001",
            title: NotPartialStructTitle,
            messageFormat: "[{0}] is on '{1}', which is {2}; a format must be a partial struct. Write 'public readonly partial struct {1}' instead.",
            category: SpecCategory,
            defaultSeverity: DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            helpLinkUri: HelpLinkBase + "NF0001.md");

        public static readonly DiagnosticDescriptor TargetIsRecordStruct = new DiagnosticDescriptor(
            id: "NF0001",
            title: NotPartialStructTitle,
            messageFormat: "[{0}] is on '{1}', which is a record struct; the generated part supplies equality, hashing and ToString, which would collide with the record's. Write 'public readonly partial struct {1}' instead.",
            category: SpecCategory,
            defaultSeverity: DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            helpLinkUri: HelpLinkBase + "NF0001.md");

        public static readonly DiagnosticDescriptor TargetIsRefStruct = new DiagnosticDescriptor(
            id: "NF0001",
            title: NotPartialStructTitle,
            messageFormat: "[{0}] is on '{1}', which is a ref struct; a format type must be usable in arrays, spans and generic math. Remove 'ref': 'public readonly partial struct {1}'.",
            category: SpecCategory,
            defaultSeverity: DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            helpLinkUri: HelpLinkBase + "NF0001.md");

        public static readonly DiagnosticDescriptor TargetNotPartial = new DiagnosticDescriptor(
            id: "NF0001",
            title: NotPartialStructTitle,
            messageFormat: "[{0}] is on '{1}', which is not partial; the generator adds the format's members in another part. Add 'partial': '{2}partial struct {1}'.",
            category: SpecCategory,
            defaultSeverity: DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            helpLinkUri: HelpLinkBase + "NF0001.md");

        public static readonly DiagnosticDescriptor TargetIsFileLocal = new DiagnosticDescriptor(
            id: "NF0001",
            title: NotPartialStructTitle,
            messageFormat: "[{0}] is on '{1}', which is file-local; the generated part lives in another file and cannot see it. Remove 'file' and use 'internal' instead.",
            category: SpecCategory,
            defaultSeverity: DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            helpLinkUri: HelpLinkBase + "NF0001.md");

        public static readonly DiagnosticDescriptor TargetIsGeneric = new DiagnosticDescriptor(
            id: "NF0002",
            title: TargetShapeTitle,
            messageFormat: "[{0}] is on '{1}', which is generic; a format type cannot have type parameters. Remove them, and declare one struct per format.",
            category: SpecCategory,
            defaultSeverity: DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            helpLinkUri: HelpLinkBase + "NF0002.md");

        public static readonly DiagnosticDescriptor TargetNestedInGeneric = new DiagnosticDescriptor(
            id: "NF0002",
            title: TargetShapeTitle,
            messageFormat: "[{0}] is on '{1}', which is nested in the generic type '{2}'; a format type cannot be nested in a generic type. Move '{1}' out of '{2}'.",
            category: SpecCategory,
            defaultSeverity: DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            helpLinkUri: HelpLinkBase + "NF0002.md");

        public static readonly DiagnosticDescriptor TargetNestedInNonPartial = new DiagnosticDescriptor(
            id: "NF0002",
            title: TargetShapeTitle,
            messageFormat: "[{0}] is on '{1}', which is nested in '{2}', which is not partial; the generated part must re-open '{2}'. Add 'partial' to '{2}', or move '{1}' out of it.",
            category: SpecCategory,
            defaultSeverity: DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            helpLinkUri: HelpLinkBase + "NF0002.md");

        public static readonly DiagnosticDescriptor MultipleFormatAttributes = new DiagnosticDescriptor(
            id: "NF0003",
            title: "A type can have only one format attribute",
            messageFormat: "'{0}' has {1} format attributes ({2}); a type has exactly one format. Keep one, and declare any other format on a partial struct of its own.",
            category: SpecCategory,
            defaultSeverity: DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            helpLinkUri: HelpLinkBase + "NF0003.md");

        public static readonly DiagnosticDescriptor ReservedMemberName = new DiagnosticDescriptor(
            id: "NF0004",
            title: "A format type cannot declare a member the generated part needs",
            messageFormat: "'{0}' declares a member named '{1}', which the generated [{2}] part needs for itself; rename it.",
            category: SpecCategory,
            defaultSeverity: DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            helpLinkUri: HelpLinkBase + "NF0004.md");

        public static readonly DiagnosticDescriptor ReadFailed = new DiagnosticDescriptor(
            id: "NF0099",
            title: InternalErrorTitle,
            messageFormat: "The NumForge generator failed while reading [{0}] and generated nothing for this type: {1}: {2}",
            category: GeneratorCategory,
            defaultSeverity: DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: InternalErrorDescription,
            helpLinkUri: HelpLinkBase + "NF0099.md");

        public static readonly DiagnosticDescriptor WriteFailed = new DiagnosticDescriptor(
            id: "NF0099",
            title: InternalErrorTitle,
            messageFormat: "The NumForge generator failed while writing '{0}' and generated nothing for it: {1}: {2}",
            category: GeneratorCategory,
            defaultSeverity: DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: InternalErrorDescription,
            helpLinkUri: HelpLinkBase + "NF0099.md");

        public static readonly DiagnosticDescriptor AddSourceFailed = new DiagnosticDescriptor(
            id: "NF0099",
            title: InternalErrorTitle,
            messageFormat: "The NumForge generator could not add '{0}' for '{1}': {2}",
            category: GeneratorCategory,
            defaultSeverity: DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: InternalErrorDescription,
            helpLinkUri: HelpLinkBase + "NF0099.md");

        public static readonly DiagnosticDescriptor UnknownSpecProblem = new DiagnosticDescriptor(
            id: "NF0099",
            title: InternalErrorTitle,
            messageFormat: "Spec problem {0} has no diagnostic descriptor: {1}",
            category: GeneratorCategory,
            defaultSeverity: DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: InternalErrorDescription,
            helpLinkUri: HelpLinkBase + "NF0099.md");

#pragma warning restore RS1032

        private static readonly DiagnosticDescriptor[] Shared =
        {
            TargetNotAStruct, TargetIsRecordStruct, TargetIsRefStruct, TargetNotPartial, TargetIsFileLocal,
            TargetIsGeneric, TargetNestedInGeneric, TargetNestedInNonPartial,
            MultipleFormatAttributes, ReservedMemberName,
            ReadFailed, WriteFailed, AddSourceFailed, UnknownSpecProblem,
        };

        /// <summary>Every descriptor (the shared ones and each family's), ordered by ID.</summary>
        public static IReadOnlyList<DiagnosticDescriptor> All => s_all ??= Shared
            .Concat(FormatFamilies.All.SelectMany(f => f.Descriptors))
            .OrderBy(d => d.Id, System.StringComparer.Ordinal)
            .ToArray();

        // Computed on first use: the registered families refer to this class's constants while they are built.
        private static DiagnosticDescriptor[]? s_all;

        /// <summary>A descriptor of an ID (the first, when there are several), or null if the generator has none.</summary>
        public static DiagnosticDescriptor? Find(string id) => All.FirstOrDefault(d => d.Id == id);

        /// <summary>
        /// A spec problem found by the linked spec math (<c>Specs/</c>, shared with the analyzers, which words the whole
        /// sentence), as a diagnostic of the family's descriptor for that ID; an ID without one is a generator bug, NF0099.
        /// </summary>
        public static DiagnosticInfo ForSpecProblem(IReadOnlyList<DiagnosticDescriptor> descriptors, SpecProblem problem, LocationInfo? location)
        {
            foreach (var descriptor in descriptors)
            {
                if (descriptor.Id == problem.Id)
                {
                    return DiagnosticInfo.Create(descriptor, location, problem.Message);
                }
            }

            return DiagnosticInfo.Create(UnknownSpecProblem, location, problem.Id, problem.Message);
        }

    }
}
