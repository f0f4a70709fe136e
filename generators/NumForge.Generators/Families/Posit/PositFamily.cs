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
            if (!TryReadArguments(attribute, syntax, out int bits, out int exponentBits))
            {
                return null;
            }

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

        /// <summary>
        /// Reads <c>bits</c> and <c>exponentBits</c> (2 when the constructor has no such parameter). Returns false when an
        /// argument is missing or in error, which the compiler reports itself.
        /// </summary>
        internal static bool TryReadArguments(AttributeData attribute, AttributeSyntax? syntax, out int bits, out int exponentBits)
        {
            bits = 0;
            exponentBits = PositLayout.StandardExponentBits;
            if (attribute.AttributeConstructor is null || attribute.ConstructorArguments.Length is < 1 or > 2)
            {
                return false;
            }

            int written = syntax?.ArgumentList?.Arguments.Count ?? 0;
            if (syntax is not null && written > attribute.ConstructorArguments.Length + attribute.NamedArguments.Length)
            {
                return false;
            }

            if (!AttributeArguments.TryInt(attribute.ConstructorArguments[0], out bits))
            {
                return false;
            }

            if (attribute.ConstructorArguments.Length == 2 && !AttributeArguments.TryInt(attribute.ConstructorArguments[1], out exponentBits))
            {
                return false;
            }

            return !AttributeArguments.AnyNamedInError(attribute);
        }
    }
}
