using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NumForge.CompilerServices;
using NumForge.Generators.Pipeline;
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
            if (!TryReadArguments(attribute, syntax, out int bits, out bool signed))
            {
                return null;
            }

            _ = IntLayout.TryCreate(bits, signed, out var problems);
            return FromCheckedSpec(problems, target, location, checkedTarget => new IntFormatModel(checkedTarget, bits, signed));
        }

        /// <inheritdoc/>
        public override string Emit(IntFormatModel model) => IntSource.Emit(model);

        /// <summary>
        /// Reads <c>bits</c> and the named <c>Signed</c> (true when absent). False when an argument is missing, unbound or
        /// in error: the compiler reports those itself.
        /// </summary>
        internal static bool TryReadArguments(AttributeData attribute, AttributeSyntax? syntax, out int bits, out bool signed)
        {
            bits = 0;
            signed = true;
            bool read = attribute.AttributeConstructor is not null && attribute.ConstructorArguments.Length == 1
                && AttributeArguments.AllBound(attribute, syntax) && !AttributeArguments.AnyNamedInError(attribute)
                && AttributeArguments.TryInt(attribute.ConstructorArguments[0], out bits);
            foreach (var named in attribute.NamedArguments)
            {
                read &= named.Key != "Signed" || AttributeArguments.TryBool(named.Value, out signed);
            }

            return read;
        }
    }
}
