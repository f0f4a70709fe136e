using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NumForge.Generators.Pipeline
{
    /// <summary>Reading constant attribute arguments; anything not a well-typed constant reads as absent (the compiler reports it).</summary>
    internal static class AttributeArguments
    {
        /// <summary>
        /// Whether every argument written in <paramref name="syntax"/> bound: one that did not (an unknown property name,
        /// say) is left out of the attribute data.
        /// </summary>
        public static bool AllBound(AttributeData attribute, AttributeSyntax? syntax)
        {
            int written = syntax?.ArgumentList?.Arguments.Count ?? 0;
            return syntax is null || written == attribute.ConstructorArguments.Length + attribute.NamedArguments.Length;
        }

        /// <summary>An <c>int</c> (or an enum, as its <c>int</c> value).</summary>
        public static bool TryInt(TypedConstant constant, out int value)
        {
            value = 0;
            if (constant.Kind is not (TypedConstantKind.Primitive or TypedConstantKind.Enum) || constant.Value is not int i)
            {
                return false;
            }

            value = i;
            return true;
        }

        /// <summary>A <c>bool</c>.</summary>
        public static bool TryBool(TypedConstant constant, out bool value)
        {
            value = false;
            if (constant.Kind != TypedConstantKind.Primitive || constant.Value is not bool b)
            {
                return false;
            }

            value = b;
            return true;
        }

        /// <summary>Whether any named argument is in error.</summary>
        public static bool AnyNamedInError(AttributeData attribute)
        {
            foreach (var named in attribute.NamedArguments)
            {
                if (named.Value.Kind == TypedConstantKind.Error)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
