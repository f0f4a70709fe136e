using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NumForge.CompilerServices;
using NumForge.Generators.Pipeline;

namespace NumForge.Generators.Families.Integer
{
    /// <summary>
    /// The integer family: reads <c>[IntFormat]</c>'s arguments, validates the spec with <see cref="IntLayout.TryCreate"/>
    /// (NF0030-NF0039; today NF0030) and writes the type with <see cref="IntSource"/>.
    /// </summary>
    internal sealed class IntFamily : FormatFamily<IntFormatModel>
    {
        // The sentence comes from the linked spec math (shared with the analyzers), so the message format is {0}.
        public static readonly DiagnosticDescriptor IntBitsOutOfRange = new DiagnosticDescriptor("NF0030", "Integer width out of range", "{0}", DiagnosticDescriptors.SpecCategory, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: DiagnosticDescriptors.HelpLinkBase + "NF0030.md");

        public static readonly IntFamily Instance = new IntFamily();

        private IntFamily()
            : base("NumForge.IntFormatAttribute", new[] { IntBitsOutOfRange })
        {
        }

        /// <inheritdoc/>
        public override Result<IntFormatModel>? ReadSpec(AttributeData attribute, AttributeSyntax? syntax, TargetType? target, LocationInfo? location)
        {
            if (!TryReadArguments(attribute, syntax, out int bits, out bool signed))
            {
                return null;
            }

            var layout = IntLayout.TryCreate(bits, signed, out var problems);
            if (problems.Count > 0 || layout is null)
            {
                var diagnostics = new List<DiagnosticInfo>();
                foreach (var problem in problems)
                {
                    diagnostics.Add(DiagnosticDescriptors.ForSpecProblem(Descriptors, problem, location));
                }

                return Result<IntFormatModel>.Invalid(diagnostics.ToArray());
            }

            return target is null ? Result<IntFormatModel>.Nothing : Result<IntFormatModel>.Valid(new IntFormatModel(target, bits, signed));
        }

        /// <inheritdoc/>
        public override string Emit(IntFormatModel model) => IntSource.Emit(model);

        /// <summary>
        /// Reads <c>bits</c> and the named <c>Signed</c> (default true). Returns false when an argument is missing or in
        /// error, which the compiler reports itself.
        /// </summary>
        internal static bool TryReadArguments(AttributeData attribute, AttributeSyntax? syntax, out int bits, out bool signed)
        {
            bits = 0;
            signed = true;
            if (attribute.AttributeConstructor is null || attribute.ConstructorArguments.Length != 1 || !AttributeArguments.AllBound(attribute, syntax)
                || !AttributeArguments.TryInt(attribute.ConstructorArguments[0], out bits) || AttributeArguments.AnyNamedInError(attribute))
            {
                return false;
            }

            foreach (var named in attribute.NamedArguments)
            {
                if (named.Key == "Signed" && !AttributeArguments.TryBool(named.Value, out signed))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
