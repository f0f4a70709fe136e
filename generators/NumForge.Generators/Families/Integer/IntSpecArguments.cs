using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NumForge.Generators.Pipeline;

namespace NumForge.Generators.Families.Integer
{
    /// <summary>
    /// The arguments of an <c>[IntFormat]</c>, and the one reader of them: the generator's <c>IntFamily</c> and
    /// the analyzers' format resolver (which compiles this file as a link) both call <see cref="TryRead"/>.
    /// </summary>
    internal readonly record struct IntSpecArguments(int Bits, bool Signed)
    {
        /// <summary>
        /// Reads <c>bits</c> and the named <c>Signed</c> (true when absent). False when an argument is missing, unbound or
        /// in error: the compiler reports those itself. <paramref name="syntax"/> is null for metadata.
        /// </summary>
        public static bool TryRead(AttributeData attribute, AttributeSyntax? syntax, out IntSpecArguments spec)
        {
            int bits = 0;
            bool signed = true;
            bool read = attribute.AttributeConstructor is not null && attribute.ConstructorArguments.Length == 1
                && AttributeArguments.AllBound(attribute, syntax) && !AttributeArguments.AnyNamedInError(attribute)
                && AttributeArguments.TryInt(attribute.ConstructorArguments[0], out bits);
            foreach (var named in attribute.NamedArguments)
            {
                read &= named.Key != "Signed" || AttributeArguments.TryBool(named.Value, out signed);
            }

            spec = new IntSpecArguments(bits, signed);
            return read;
        }
    }
}
