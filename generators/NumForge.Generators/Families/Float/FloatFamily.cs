using NumForge.CompilerServices;
using static NumForge.Generators.Pipeline.DiagnosticDescriptors;

namespace NumForge.Generators.Families.Float
{
    /// <summary>The float family: <c>[FloatFormat(...)]</c> checked by <see cref="FloatLayout.TryCreate"/> (NF0010-NF0016), written by <see cref="FloatSource"/>.</summary>
    internal sealed class FloatFamily : FormatFamily<FloatFormatModel>
    {
        // The family's spec diagnostics (message text from the linked spec math, see DiagnosticDescriptors.SpecError).
        public static readonly DiagnosticDescriptor ExponentBitsOutOfRange = SpecError("NF0010", "Exponent width out of range");

        public static readonly DiagnosticDescriptor MantissaBitsOutOfRange = SpecError("NF0011", "Mantissa width out of range");

        public static readonly DiagnosticDescriptor BiasOutOfRange = SpecError("NF0013", "Bias gives values that are not exact doubles");

        public static readonly DiagnosticDescriptor SpecialsDoNotFit = SpecError("NF0014", "Special values do not fit the format");

        public static readonly DiagnosticDescriptor UnsignedWithUnsignedZeroNaN = SpecError("NF0015", "An unsigned format cannot use FiniteNaNUnsignedZero");

        public static readonly DiagnosticDescriptor OverflowNotAvailable = SpecError("NF0016", "Overflow behaviour not available for these special values");

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

            // TryCreate gives a layout exactly when it finds no problem.
            var layout = FloatLayout.TryCreate(spec.ExponentBits, spec.MantissaBits, spec.Bias, spec.Signed, spec.Subnormals, spec.Specials, spec.Overflow, out var problems);
            return FromCheckedSpec(problems, target, location, checkedTarget => new FloatFormatModel(checkedTarget, spec.ExponentBits, spec.MantissaBits, layout!.Bias, spec.Signed, spec.Subnormals, spec.Specials, spec.Overflow));
        }

        /// <inheritdoc/>
        public override string Emit(FloatFormatModel model) => FloatSource.Emit(model);
    }
}
