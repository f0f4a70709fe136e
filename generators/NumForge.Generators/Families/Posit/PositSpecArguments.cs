using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NumForge.CompilerServices;
using NumForge.Generators.Pipeline;

namespace NumForge.Generators.Families.Posit
{
    /// <summary>
    /// The arguments of a <c>[PositFormat]</c>, and the one reader of them: the generator's <c>PositFamily</c>
    /// and the analyzers' format resolver (which compiles this file as a link) both call <see cref="TryRead"/>.
    /// </summary>
    internal readonly record struct PositSpecArguments(int Bits, int ExponentBits)
    {
        /// <summary>
        /// Reads <c>bits</c> and <c>exponentBits</c> (the standard 2 when the constructor has no such parameter). Returns
        /// false when an argument is missing or in error, which the compiler reports itself; <paramref name="syntax"/> is
        /// null for metadata.
        /// </summary>
        public static bool TryRead(AttributeData attribute, AttributeSyntax? syntax, out PositSpecArguments spec)
        {
            spec = new PositSpecArguments(0, PositLayout.StandardExponentBits);
            if (attribute.AttributeConstructor is null || attribute.ConstructorArguments.Length is < 1 or > 2)
            {
                return false;
            }

            int written = syntax?.ArgumentList?.Arguments.Count ?? 0;
            if (syntax is not null && written > attribute.ConstructorArguments.Length + attribute.NamedArguments.Length)
            {
                return false;
            }

            if (!AttributeArguments.TryInt(attribute.ConstructorArguments[0], out int bits))
            {
                return false;
            }

            int exponentBits = PositLayout.StandardExponentBits;
            if (attribute.ConstructorArguments.Length == 2 && !AttributeArguments.TryInt(attribute.ConstructorArguments[1], out exponentBits))
            {
                return false;
            }

            spec = new PositSpecArguments(bits, exponentBits);
            return !AttributeArguments.AnyNamedInError(attribute);
        }
    }
}
