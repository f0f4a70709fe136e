using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NumForge.Generators.Pipeline
{
    /// <summary>
    /// The signature of a type member as an equatable string, computed the same way from a declared symbol (the
    /// user's members, <see cref="OfSymbol"/>) and from a member declaration's syntax (what the emitter is about to
    /// write, <see cref="OfSyntax"/>). Two members get the same key exactly when C# would call them duplicates.
    /// </summary>
    /// <remarks>
    /// <para>Formats, after documentation IDs:</para>
    /// <list type="bullet">
    /// <item>methods, constructors and operators: <c>M:</c>, the metadata name, <c>``n</c> for a generic method of arity n,
    /// then the parameter types: <c>M:ToString()</c>, <c>M:ToString(System.String,System.IFormatProvider)</c>,
    /// <c>M:op_Addition(My.F8,My.F8)</c>, <c>M:CreateChecked``1(``0)</c>, <c>M:TryFormat(System.Span&lt;System.Char&gt;,System.Int32@,...)</c>;</item>
    /// <item>conversion operators also end in their return type, since they overload on it:
    /// <c>M:op_Explicit(System.Single)->My.F8</c>;</item>
    /// <item>everything else by its name, since it cannot overload: <c>P:MaxValue</c> (an indexer is <c>P:Item</c>),
    /// <c>F:_bits</c>, <c>E:Changed</c>, <c>T:Traits</c>.</item>
    /// </list>
    /// <para>A type is its namespace- and containing-type-qualified name with dots, type arguments in angle brackets, no
    /// nullable reference annotation and no alias: <c>System.ReadOnlySpan&lt;System.Char&gt;</c>, <c>System.Nullable&lt;System.Int32&gt;</c>.
    /// A method's type parameter is <c>``i</c> by position; <c>ref</c>, <c>out</c> and <c>in</c> add <c>@</c> (C# cannot
    /// overload on which one). An explicit interface implementation is keyed as the interface member's simple name.</para>
    /// <para>From syntax, types are read as the generator writes them: C# keywords, or names qualified with <c>global::</c>;
    /// <c>T?</c> is a nullable value type only for a keyword value type (the generator writes <c>?</c> on no other value type).</para>
    /// </remarks>
    internal static class MemberKey
    {
        public const string Method = "M:";
        public const string Property = "P:";
        public const string Field = "F:";
        public const string Event = "E:";
        public const string NestedType = "T:";

        private const string ImplicitConversion = "op_Implicit";
        private const string ExplicitConversion = "op_Explicit";
        private const string CheckedExplicitConversion = "op_CheckedExplicit";

        private static readonly CSharpParseOptions MemberParseOptions = new CSharpParseOptions(LanguageVersion.Preview, DocumentationMode.None);

        /// <summary>Whether <paramref name="key"/> is a method's (methods overload; other members do not).</summary>
        public static bool IsMethod(string key) => key.StartsWith(Method, StringComparison.Ordinal);

        /// <summary>The member's name: <c>M:CreateChecked``1(``0)</c> -> <c>CreateChecked</c>, <c>P:MaxValue</c> -> <c>MaxValue</c>.</summary>
        public static string NameOf(string key)
        {
            string name = key.Substring(2);
            int parenthesis = name.IndexOf('(');
            if (parenthesis >= 0)
            {
                name = name.Substring(0, parenthesis);
            }

            int arity = name.IndexOf("``", StringComparison.Ordinal);
            return arity >= 0 ? name.Substring(0, arity) : name;
        }

        /// <summary>
        /// The keys a declaration of <paramref name="key"/> collides with besides itself: a conversion collides with the
        /// implicit or explicit one between the same types (C# allows only one), and a checked explicit conversion with
        /// an implicit one (it needs an explicit twin, which the implicit one rules out).
        /// </summary>
        public static IEnumerable<string> CollidingKeys(string key)
        {
            yield return key;
            string name = NameOf(key);
            string signature = key.Substring(Method.Length + name.Length);
            if (name == ImplicitConversion)
            {
                yield return Method + ExplicitConversion + signature;
            }
            else if (name == ExplicitConversion || name == CheckedExplicitConversion)
            {
                yield return Method + ImplicitConversion + signature;
            }
        }

        // ================================================================ from symbols

        /// <summary>The key of a declared member, or null for one that needs none (an accessor: its property has the key).</summary>
        public static string? OfSymbol(ISymbol member)
        {
            switch (member)
            {
                case IMethodSymbol method:
                    return OfMethod(method);
                case IPropertySymbol property:
                    return Property + (property.IsIndexer ? "Item" : ImplementedName(property, property.ExplicitInterfaceImplementations));
                case IFieldSymbol field:
                    return Field + field.Name;
                case IEventSymbol @event:
                    return Event + ImplementedName(@event, @event.ExplicitInterfaceImplementations);
                case INamedTypeSymbol type:
                    return NestedType + type.Name;
                default:
                    return null;
            }
        }

        private static string? OfMethod(IMethodSymbol method)
        {
            switch (method.MethodKind)
            {
                case MethodKind.PropertyGet:
                case MethodKind.PropertySet:
                case MethodKind.EventAdd:
                case MethodKind.EventRemove:
                case MethodKind.EventRaise:
                    return null;
            }

            string name = ImplementedName(method, method.ExplicitInterfaceImplementations);
            var key = new StringBuilder(Method).Append(name);
            if (method.Arity > 0)
            {
                key.Append("``").Append(method.Arity);
            }

            key.Append('(');
            for (int i = 0; i < method.Parameters.Length; i++)
            {
                var parameter = method.Parameters[i];
                key.Append(i == 0 ? "" : ",").Append(TypeKey(parameter.Type)).Append(parameter.RefKind == RefKind.None ? "" : "@");
            }

            key.Append(')');
            if (IsConversion(name))
            {
                key.Append("->").Append(TypeKey(method.ReturnType));
            }

            return key.ToString();
        }

        private static string ImplementedName<T>(T member, System.Collections.Immutable.ImmutableArray<T> implemented)
            where T : ISymbol => implemented.IsDefaultOrEmpty ? member.Name : implemented[0].Name;

        private static string TypeKey(ITypeSymbol type)
        {
            switch (type)
            {
                case IArrayTypeSymbol array:
                    return TypeKey(array.ElementType) + "[" + new string(',', array.Rank - 1) + "]";
                case IPointerTypeSymbol pointer:
                    return TypeKey(pointer.PointedAtType) + "*";
                case ITypeParameterSymbol parameter:
                    return (parameter.TypeParameterKind == TypeParameterKind.Method ? "``" : "`") + parameter.Ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture);
                case IDynamicTypeSymbol:
                    return "System.Object";
                case INamedTypeSymbol named:
                    {
                        named = named.IsTupleType && named.TupleUnderlyingType is { } underlying ? underlying : named;
                        string prefix = named.ContainingType is { } outer
                            ? TypeKey(outer) + "."
                            : named.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." : "";
                        string arguments = named.TypeArguments.Length == 0 ? "" : "<" + string.Join(",", named.TypeArguments.Select(TypeKey)) + ">";
                        return prefix + named.Name + arguments;
                    }

                default:
                    return type.ToDisplayString();
            }
        }

        // ================================================================ from syntax

        /// <summary>
        /// Splits generated text that declares one or more members into each member's text (its doc comment included)
        /// and keys. Throws when the text does not parse: the emitter wrote invalid C#.
        /// </summary>
        public static IReadOnlyList<(string Text, IReadOnlyList<string> Keys)> ParseMembers(string text)
        {
            const string prefix = "partial struct __Members\n{\n";
            var unit = SyntaxFactory.ParseCompilationUnit(prefix + text + "\n}\n", options: MemberParseOptions);
            if (unit.ContainsDiagnostics || unit.Members.Count != 1 || unit.Members[0] is not TypeDeclarationSyntax holder)
            {
                string errors = string.Join("; ", unit.GetDiagnostics().Select(d => d.ToString()));
                throw new InvalidOperationException("Generated member text does not parse: " + errors);
            }

            var members = new List<(string, IReadOnlyList<string>)>();
            foreach (var member in holder.Members)
            {
                int start = member.FullSpan.Start - prefix.Length;
                string piece = text.Substring(start, member.Span.End - prefix.Length - start);

                // Leading blank lines separate members; the writer puts them back.
                int firstText = 0;
                while (firstText < piece.Length && char.IsWhiteSpace(piece[firstText]))
                {
                    firstText++;
                }

                int lineStart = firstText == 0 ? -1 : piece.LastIndexOf('\n', firstText - 1);
                members.Add((lineStart >= 0 ? piece.Substring(lineStart + 1) : piece, OfSyntax(member)));
            }

            return members;
        }

        /// <summary>The keys of a member declaration (a field declaration may declare several).</summary>
        public static IReadOnlyList<string> OfSyntax(MemberDeclarationSyntax member)
        {
            switch (member)
            {
                case MethodDeclarationSyntax method:
                    return new[] { MethodKey(method.Identifier.ValueText, method.TypeParameterList, method.ParameterList, null) };
                case OperatorDeclarationSyntax op:
                    return new[] { MethodKey(OperatorName(op), null, op.ParameterList, null) };
                case ConversionOperatorDeclarationSyntax conversion:
                    string name = conversion.ImplicitOrExplicitKeyword.IsKind(SyntaxKind.ImplicitKeyword) ? ImplicitConversion
                        : conversion.CheckedKeyword.IsKind(SyntaxKind.CheckedKeyword) ? CheckedExplicitConversion
                        : ExplicitConversion;
                    return new[] { MethodKey(name, null, conversion.ParameterList, conversion.Type) };
                case ConstructorDeclarationSyntax constructor:
                    bool isStatic = constructor.Modifiers.Any(SyntaxKind.StaticKeyword);
                    return new[] { MethodKey(isStatic ? ".cctor" : ".ctor", null, constructor.ParameterList, null) };
                case DestructorDeclarationSyntax:
                    return new[] { Method + "Finalize()" };
                case PropertyDeclarationSyntax property:
                    return new[] { Property + property.Identifier.ValueText };
                case IndexerDeclarationSyntax:
                    return new[] { Property + "Item" };
                case EventDeclarationSyntax @event:
                    return new[] { Event + @event.Identifier.ValueText };
                case EventFieldDeclarationSyntax eventField:
                    return eventField.Declaration.Variables.Select(v => Event + v.Identifier.ValueText).ToArray();
                case FieldDeclarationSyntax field:
                    return field.Declaration.Variables.Select(v => Field + v.Identifier.ValueText).ToArray();
                case BaseTypeDeclarationSyntax type:
                    return new[] { NestedType + type.Identifier.ValueText };
                case DelegateDeclarationSyntax @delegate:
                    return new[] { NestedType + @delegate.Identifier.ValueText };
                default:
                    throw new InvalidOperationException("No member key for " + member.Kind());
            }
        }

        private static string MethodKey(string name, TypeParameterListSyntax? typeParameters, BaseParameterListSyntax parameters, TypeSyntax? conversionType)
        {
            var methodTypeParameters = typeParameters?.Parameters.Select(p => p.Identifier.ValueText).ToList() ?? new List<string>();
            var key = new StringBuilder(Method).Append(name);
            if (methodTypeParameters.Count > 0)
            {
                key.Append("``").Append(methodTypeParameters.Count);
            }

            key.Append('(');
            for (int i = 0; i < parameters.Parameters.Count; i++)
            {
                var parameter = parameters.Parameters[i];
                bool byReference = parameter.Modifiers.Any(m => m.IsKind(SyntaxKind.RefKeyword) || m.IsKind(SyntaxKind.OutKeyword) || m.IsKind(SyntaxKind.InKeyword));
                key.Append(i == 0 ? "" : ",").Append(TypeKey(parameter.Type!, methodTypeParameters)).Append(byReference ? "@" : "");
            }

            key.Append(')');
            if (conversionType is not null)
            {
                key.Append("->").Append(TypeKey(conversionType, methodTypeParameters));
            }

            return key.ToString();
        }

        private static string TypeKey(TypeSyntax type, List<string> methodTypeParameters)
        {
            switch (type)
            {
                case PredefinedTypeSyntax predefined:
                    return KeywordType(predefined.Keyword.ValueText) ?? predefined.Keyword.ValueText;
                case NullableTypeSyntax nullable:
                    string inner = TypeKey(nullable.ElementType, methodTypeParameters);
                    return nullable.ElementType is PredefinedTypeSyntax p && IsKeywordValueType(p.Keyword.ValueText) ? "System.Nullable<" + inner + ">" : inner;
                case ArrayTypeSyntax array:
                    return TypeKey(array.ElementType, methodTypeParameters) + string.Concat(array.RankSpecifiers.Select(r => "[" + new string(',', r.Rank - 1) + "]"));
                case PointerTypeSyntax pointer:
                    return TypeKey(pointer.ElementType, methodTypeParameters) + "*";
                case TupleTypeSyntax tuple:
                    return "System.ValueTuple<" + string.Join(",", tuple.Elements.Select(e => TypeKey(e.Type, methodTypeParameters))) + ">";
                case AliasQualifiedNameSyntax aliased:
                    return TypeKey(aliased.Name, methodTypeParameters);
                case QualifiedNameSyntax qualified:
                    return TypeKey(qualified.Left, methodTypeParameters) + "." + TypeKey(qualified.Right, methodTypeParameters);
                case GenericNameSyntax generic:
                    return generic.Identifier.ValueText + "<" + string.Join(",", generic.TypeArgumentList.Arguments.Select(a => TypeKey(a, methodTypeParameters))) + ">";
                case IdentifierNameSyntax identifier:
                    string text = identifier.Identifier.ValueText;
                    int position = methodTypeParameters.IndexOf(text);
                    return position >= 0 ? "``" + position.ToString(System.Globalization.CultureInfo.InvariantCulture)
                        : text switch
                        {
                            "nint" => "System.IntPtr",
                            "nuint" => "System.UIntPtr",
                            "dynamic" => "System.Object",
                            _ => text,
                        };
                default:
                    return type.ToString();
            }
        }

        private static bool IsConversion(string name) => name == ImplicitConversion || name == ExplicitConversion || name == CheckedExplicitConversion;

        private static bool IsKeywordValueType(string keyword) => keyword != "string" && keyword != "object" && keyword != "void";

        private static string? KeywordType(string keyword) => keyword switch
        {
            "bool" => "System.Boolean",
            "byte" => "System.Byte",
            "sbyte" => "System.SByte",
            "short" => "System.Int16",
            "ushort" => "System.UInt16",
            "int" => "System.Int32",
            "uint" => "System.UInt32",
            "long" => "System.Int64",
            "ulong" => "System.UInt64",
            "char" => "System.Char",
            "float" => "System.Single",
            "double" => "System.Double",
            "decimal" => "System.Decimal",
            "string" => "System.String",
            "object" => "System.Object",
            "void" => "System.Void",
            _ => null,
        };

        /// <summary>The metadata name of an operator declaration, e.g. <c>op_Addition</c> or <c>op_CheckedUnaryNegation</c>.</summary>
        private static string OperatorName(OperatorDeclarationSyntax op)
        {
            bool unary = op.ParameterList.Parameters.Count == 1;
            string name = op.OperatorToken.Kind() switch
            {
                SyntaxKind.PlusToken => unary ? "UnaryPlus" : "Addition",
                SyntaxKind.MinusToken => unary ? "UnaryNegation" : "Subtraction",
                SyntaxKind.AsteriskToken => "Multiply",
                SyntaxKind.SlashToken => "Division",
                SyntaxKind.PercentToken => "Modulus",
                SyntaxKind.AmpersandToken => "BitwiseAnd",
                SyntaxKind.BarToken => "BitwiseOr",
                SyntaxKind.CaretToken => "ExclusiveOr",
                SyntaxKind.LessThanLessThanToken => "LeftShift",
                SyntaxKind.GreaterThanGreaterThanToken => "RightShift",
                SyntaxKind.GreaterThanGreaterThanGreaterThanToken => "UnsignedRightShift",
                SyntaxKind.EqualsEqualsToken => "Equality",
                SyntaxKind.ExclamationEqualsToken => "Inequality",
                SyntaxKind.LessThanToken => "LessThan",
                SyntaxKind.GreaterThanToken => "GreaterThan",
                SyntaxKind.LessThanEqualsToken => "LessThanOrEqual",
                SyntaxKind.GreaterThanEqualsToken => "GreaterThanOrEqual",
                SyntaxKind.ExclamationToken => "LogicalNot",
                SyntaxKind.TildeToken => "OnesComplement",
                SyntaxKind.PlusPlusToken => "Increment",
                SyntaxKind.MinusMinusToken => "Decrement",
                SyntaxKind.TrueKeyword => "True",
                SyntaxKind.FalseKeyword => "False",
                _ => throw new InvalidOperationException("No metadata name for operator " + op.OperatorToken.ValueText),
            };

            return (op.CheckedKeyword.IsKind(SyntaxKind.CheckedKeyword) ? "op_Checked" : "op_") + name;
        }
    }
}
