using NumForge.CompilerServices;
using static NumForge.Generators.Pipeline.DiagnosticDescriptors;

namespace NumForge.Generators.Families.Integer
{
    /// <summary>The integer family: <c>[IntFormat(bits, Signed = ...)]</c> checked by <see cref="IntLayout.TryCreate"/> (NF0030-NF0039), written by <see cref="IntSource"/>.</summary>
    internal sealed class IntFamily : FormatFamily<IntFormatModel>
    {
        /// <summary>NF0030. The sentence comes from the linked spec math (shared with the analyzers), so the format is <c>{0}</c>.</summary>
        public static readonly DiagnosticDescriptor IntBitsOutOfRange = DiagnosticDescriptors.SpecError("NF0030", "Integer width out of range");

        public static readonly IntFamily Instance = new IntFamily();

        private IntFamily()
            : base("NumForge.IntFormatAttribute", new[] { IntBitsOutOfRange })
        {
        }

        /// <inheritdoc/>
        public override Result<IntFormatModel>? ReadSpec(AttributeData attribute, AttributeSyntax? syntax, TargetType? target, LocationInfo? location)
        {
            if (!IntSpecArguments.TryRead(attribute, syntax, out var spec))
            {
                return null;
            }

            // Every width and signedness IntLayout accepts is a valid model; there is no derived layout to keep.
            _ = IntLayout.TryCreate(spec.Bits, spec.Signed, out var problems);
            return FromCheckedSpec(problems, target, location, checkedTarget => new IntFormatModel(checkedTarget, spec.Bits, spec.Signed));
        }

        /// <inheritdoc/>
        public override string Emit(IntFormatModel model) => IntSource.Emit(model);
    }
}
