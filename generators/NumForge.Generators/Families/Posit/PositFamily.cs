using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NumForge.CompilerServices;
using NumForge.Generators.Pipeline;

namespace NumForge.Generators.Families.Posit
{
    /// <summary>
    /// The posit family: reads <c>[PositFormat]</c>'s arguments, validates the spec with <see cref="PositLayout.TryCreate"/>
    /// (NF0020-NF0022) and writes the type with <see cref="PositSource"/>.
    /// </summary>
    internal sealed class PositFamily : FormatFamily<PositFormatModel>
    {
        // The family's spec diagnostics (message text from the linked spec math, see DiagnosticDescriptors.SpecError).
        public static readonly DiagnosticDescriptor PositBitsOutOfRange = DiagnosticDescriptors.SpecError("NF0020", "Posit width out of range");

        public static readonly DiagnosticDescriptor PositExponentBitsOutOfRange = DiagnosticDescriptors.SpecError("NF0021", "Posit exponent width out of range");

        public static readonly DiagnosticDescriptor PositValuesNotDoubles = DiagnosticDescriptors.SpecError("NF0022", "Posit extreme values are not doubles");

        public static readonly PositFamily Instance = new PositFamily();

        private PositFamily()
            : base("NumForge.PositFormatAttribute", new[] { PositBitsOutOfRange, PositExponentBitsOutOfRange, PositValuesNotDoubles })
        {
        }

        /// <inheritdoc/>
        public override Result<PositFormatModel>? ReadSpec(AttributeData attribute, AttributeSyntax? syntax, TargetType? target, LocationInfo? location)
        {
            if (!PositSpecArguments.TryRead(attribute, syntax, out var spec))
            {
                return null;
            }

            (int bits, int exponentBits) = (spec.Bits, spec.ExponentBits);

            var layout = PositLayout.TryCreate(bits, exponentBits, out var problems);
            if (problems.Count > 0 || layout is null)
            {
                var diagnostics = new List<DiagnosticInfo>();
                foreach (var problem in problems)
                {
                    diagnostics.Add(DiagnosticDescriptors.ForSpecProblem(Descriptors, problem, location));
                }

                return Result<PositFormatModel>.Invalid(diagnostics.ToArray());
            }

            return target is null ? Result<PositFormatModel>.Nothing : Result<PositFormatModel>.Valid(new PositFormatModel(target, bits, exponentBits));
        }

        /// <inheritdoc/>
        public override string Emit(PositFormatModel model) => PositSource.Emit(model);
    }
}
