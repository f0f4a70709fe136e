using System.Collections.Generic;
using NumForge.CompilerServices;

namespace NumForge.Generators.Families.Posit
{
    /// <summary>
    /// The posit family: reads <c>[PositFormat]</c>'s arguments, validates the spec with <see cref="PositLayout.TryCreate"/>
    /// (NF0020-NF0022) and writes the type with <see cref="PositSource"/>.
    /// </summary>
    internal sealed class PositFamily : FormatFamily<PositFormatModel>
    {
        /// <summary>NF0020-NF0022 (each sentence from the linked <see cref="PositLayout"/>, see <see cref="DiagnosticDescriptors.SpecError"/>).</summary>
        public static readonly DiagnosticDescriptor PositBitsOutOfRange = DiagnosticDescriptors.SpecError("NF0020", "Posit width out of range"),
            PositExponentBitsOutOfRange = DiagnosticDescriptors.SpecError("NF0021", "Posit exponent width out of range"),
            PositValuesNotDoubles = DiagnosticDescriptors.SpecError("NF0022", "Posit extreme values are not doubles");

        public static readonly PositFamily Instance = new PositFamily();

        private PositFamily()
            : base("NumForge.PositFormatAttribute", new[] { PositBitsOutOfRange, PositExponentBitsOutOfRange, PositValuesNotDoubles })
        {
        }

        /// <inheritdoc/>
        public override Result<PositFormatModel>? ReadSpec(AttributeData attribute, AttributeSyntax? syntax, TargetType? target, LocationInfo? location)
            => PositSpecArguments.TryRead(attribute, syntax, out var spec)
                ? FromCheckedSpec(ProblemsOf(spec), target, location, checkedTarget => new PositFormatModel(checkedTarget, spec.Bits, spec.ExponentBits))
                : null;

        private static IReadOnlyList<SpecProblem> ProblemsOf(PositSpecArguments spec)
        {
            _ = PositLayout.TryCreate(spec.Bits, spec.ExponentBits, out var problems);
            return problems;
        }

        /// <inheritdoc/>
        public override string Emit(PositFormatModel model) => PositSource.Emit(model);
    }
}
