using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NumForge.CompilerServices;
using NumForge.Generators.Pipeline;

namespace NumForge.Generators.Families.Float
{
    /// <summary>
    /// The float family: reads <c>[FloatFormat]</c>'s arguments, validates the spec with <see cref="FloatLayout.TryCreate"/>
    /// and writes the type with <see cref="FloatSource"/>.
    /// </summary>
    internal sealed class FloatFamily : FormatFamily<FloatFormatModel>
    {
        // The family's spec diagnostics (message text from the linked spec math, see DiagnosticDescriptors.SpecError).
        public static readonly DiagnosticDescriptor ExponentBitsOutOfRange = DiagnosticDescriptors.SpecError("NF0010", "Exponent width out of range");

        public static readonly DiagnosticDescriptor MantissaBitsOutOfRange = DiagnosticDescriptors.SpecError("NF0011", "Mantissa width out of range");

        public static readonly DiagnosticDescriptor BiasOutOfRange = DiagnosticDescriptors.SpecError("NF0013", "Bias gives values that are not exact doubles");

        public static readonly DiagnosticDescriptor SpecialsDoNotFit = DiagnosticDescriptors.SpecError("NF0014", "Special values do not fit the format");

        public static readonly DiagnosticDescriptor UnsignedWithUnsignedZeroNaN = DiagnosticDescriptors.SpecError("NF0015", "An unsigned format cannot use FiniteNaNUnsignedZero");

        public static readonly DiagnosticDescriptor OverflowNotAvailable = DiagnosticDescriptors.SpecError("NF0016", "Overflow behaviour not available for these special values");

        public static readonly FloatFamily Instance = new FloatFamily();

        private FloatFamily()
            : base("NumForge.FloatFormatAttribute", new[] { ExponentBitsOutOfRange, MantissaBitsOutOfRange, BiasOutOfRange, SpecialsDoNotFit, UnsignedWithUnsignedZeroNaN, OverflowNotAvailable })
        {
        }

        /// <inheritdoc/>
        public override Result<FloatFormatModel>? ReadSpec(AttributeData attribute, AttributeSyntax? syntax, TargetType? target, LocationInfo? location)
        {
            if (!FloatSpecArguments.TryRead(attribute, syntax, out var spec))
            {
                return null;
            }

            var layout = FloatLayout.TryCreate(spec.ExponentBits, spec.MantissaBits, spec.Bias, spec.Signed, spec.Subnormals, spec.Specials, spec.Overflow, out var problems);
            if (problems.Count > 0 || layout is null)
            {
                var diagnostics = new List<DiagnosticInfo>();
                foreach (var problem in problems)
                {
                    diagnostics.Add(DiagnosticDescriptors.ForSpecProblem(Descriptors, problem, location));
                }

                return Result<FloatFormatModel>.Invalid(diagnostics.ToArray());
            }

            return target is null
                ? Result<FloatFormatModel>.Nothing
                : Result<FloatFormatModel>.Valid(new FloatFormatModel(target, spec.ExponentBits, spec.MantissaBits, layout.Bias, spec.Signed, spec.Subnormals, spec.Specials, spec.Overflow));
        }

        /// <inheritdoc/>
        public override string Emit(FloatFormatModel model) => FloatSource.Emit(model);
    }
}
