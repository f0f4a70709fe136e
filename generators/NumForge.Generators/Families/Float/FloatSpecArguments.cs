using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NumForge.Generators.Pipeline;

namespace NumForge.Generators.Families.Float
{
    /// <summary>
    /// The arguments of a <c>[FloatFormat]</c> as written (<see cref="Bias"/> null when not given), and the one reader of
    /// them: the generator's <c>FloatFamily</c> and the analyzers' format resolver (which compiles this file as a
    /// link) both call <see cref="TryRead"/>. Plain values only, no symbol, so it can sit in a pipeline model.
    /// </summary>
    internal readonly record struct FloatSpecArguments(
        int ExponentBits,
        int MantissaBits,
        int? Bias,
        bool Signed,
        bool Subnormals,
        SpecialValues Specials,
        OverflowBehavior Overflow)
    {
        /// <summary>
        /// Reads the constructor and named arguments. Returns false when any argument is missing or in error (not a
        /// compile-time constant, wrong type, not bound: <paramref name="syntax"/> is null for metadata), which the
        /// compiler reports itself.
        /// </summary>
        public static bool TryRead(AttributeData attribute, AttributeSyntax? syntax, out FloatSpecArguments spec)
        {
            spec = default;
            if (attribute.AttributeConstructor is null || attribute.ConstructorArguments.Length != 2 || !AttributeArguments.AllBound(attribute, syntax))
            {
                return false;
            }

            if (!AttributeArguments.TryInt(attribute.ConstructorArguments[0], out int exponentBits) || !AttributeArguments.TryInt(attribute.ConstructorArguments[1], out int mantissaBits))
            {
                return false;
            }

            int? bias = null;
            bool signed = true;
            bool subnormals = true;
            var specials = SpecialValues.Ieee;
            var overflow = OverflowBehavior.Default;
            foreach (var named in attribute.NamedArguments)
            {
                var value = named.Value;
                bool read = true;
                switch (named.Key)
                {
                    case "Bias":
                        read = AttributeArguments.TryInt(value, out int b);
                        bias = b;
                        break;
                    case "Signed":
                        read = AttributeArguments.TryBool(value, out signed);
                        break;
                    case "Subnormals":
                        read = AttributeArguments.TryBool(value, out subnormals);
                        break;
                    case "Specials":
                        read = AttributeArguments.TryInt(value, out int s);
                        specials = (SpecialValues)s;
                        break;
                    case "Overflow":
                        read = AttributeArguments.TryInt(value, out int o);
                        overflow = (OverflowBehavior)o;
                        break;
                    default:
                        read = value.Kind != TypedConstantKind.Error;
                        break;
                }

                if (!read)
                {
                    return false;
                }
            }

            spec = new FloatSpecArguments(exponentBits, mantissaBits, bias, signed, subnormals, specials, overflow);
            return true;
        }
    }
}
