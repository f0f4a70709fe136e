using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;

namespace NumForge.Analyzers.CodeFixes
{
    /// <summary>
    /// "Compute in float" for <c>TensorPrimitives.Sum&lt;Half&gt;(x)</c> and friends:
    /// <code>
    /// float[] xSingle = new float[x.Length];
    /// TensorPrimitives.ConvertToSingle(x, xSingle);
    /// Half s = (Half)TensorPrimitives.Sum(xSingle);
    /// </code>
    /// A destination span (SoftMax) gets a float buffer too, converted back with <c>ConvertToHalf</c> after the call.
    /// Offered for <c>System.Half</c> spans (the only type ConvertToSingle/ConvertToHalf take) named by a simple name or
    /// member access (evaluated more than once), in a statement inside a block.
    /// </summary>
    internal static class TensorInFloat
    {
        public static SyntaxNode? TryRewrite(SyntaxNode root, SemanticModel model, InvocationExpressionSyntax call, CancellationToken cancellationToken)
        {
            if (model.GetOperation(call, cancellationToken) is not IInvocationOperation invocation
                || call.Expression is not MemberAccessExpressionSyntax member
                || call.FirstAncestorOrSelf<StatementSyntax>() is not StatementSyntax statement
                || statement.Parent is not BlockSyntax)
            {
                return null;
            }

            INamedTypeSymbol? half = model.Compilation.GetTypeByMetadataName("System.Half");
            if (half is null)
            {
                return null;
            }

            ExpressionSyntax receiver = member.Expression.WithoutTrivia();
            var before = new List<StatementSyntax>();
            var after = new List<StatementSyntax>();
            var arguments = new List<ArgumentSyntax>();
            var taken = new HashSet<string>();
            foreach (IArgumentOperation argument in invocation.Arguments)
            {
                if (argument.Syntax is not ArgumentSyntax argumentSyntax || argument.Parameter is null)
                {
                    return null;
                }

                if (argument.Parameter.Type is not INamedTypeSymbol { Name: "ReadOnlySpan" or "Span", TypeArguments.Length: 1 } span
                    || !SymbolEqualityComparer.Default.Equals(span.TypeArguments[0], half))
                {
                    arguments.Add(argumentSyntax);
                    continue;
                }

                ExpressionSyntax data = argumentSyntax.Expression.WithoutTrivia();
                if (data is not (IdentifierNameSyntax or MemberAccessExpressionSyntax))
                {
                    return null;
                }

                string name = UniqueName(model, statement.SpanStart, LastName(data) + "Single", taken);
                before.Add(Parse($"float[] {name} = new float[{data}.Length];"));
                if (span.Name == "ReadOnlySpan")
                {
                    before.Add(Parse($"{receiver}.ConvertToSingle({data}, {name});"));
                }
                else
                {
                    after.Add(Parse($"{receiver}.ConvertToHalf({name}, {data});"));
                }

                arguments.Add(SyntaxFactory.Argument(SyntaxFactory.IdentifierName(name)));
            }

            if (before.Count == 0)
            {
                return null;
            }

            SimpleNameSyntax method = SyntaxFactory.IdentifierName(member.Name.Identifier.ValueText);
            ExpressionSyntax floatCall = SyntaxFactory.InvocationExpression(member.WithName(method), SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(arguments)));

            // The result: back to Half, unless it is widened at once ((float)Sum<Half>(x) -> Sum(xSingle)).
            SyntaxNode replaced = call;
            ExpressionSyntax replacement = floatCall;
            if (SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ReturnType, half))
            {
                if (invocation.Parent is IConversionOperation { IsImplicit: false, Syntax: CastExpressionSyntax cast } widening && FormatResolver.IsFloatOrDouble(widening.Type)
                    && widening.Type!.SpecialType == SpecialType.System_Single)
                {
                    replaced = cast;
                }
                else
                {
                    replacement = SyntaxFactory.CastExpression(SyntaxFactory.ParseTypeName(half.ToMinimalDisplayString(model, call.SpanStart)), floatCall);
                }
            }

            StatementSyntax newStatement = statement.ReplaceNode(replaced, replacement.WithTriviaFrom(replaced));
            var statements = new List<SyntaxNode>();
            SyntaxTriviaList indentation = statement.GetLeadingTrivia();
            SyntaxTrivia eol = SyntaxHelpers.EndOfLine(statement);
            foreach (StatementSyntax added in before)
            {
                statements.Add(added.WithLeadingTrivia(indentation).WithTrailingTrivia(eol));
            }

            statements.Add(after.Count == 0 ? newStatement : newStatement.WithTrailingTrivia(eol));
            for (int i = 0; i < after.Count; i++)
            {
                statements.Add(after[i].WithLeadingTrivia(indentation).WithTrailingTrivia(i == after.Count - 1 ? statement.GetTrailingTrivia() : SyntaxFactory.TriviaList(eol)));
            }

            return root.ReplaceNode(statement, statements);
        }

        private static StatementSyntax Parse(string text) => SyntaxFactory.ParseStatement(text).WithAdditionalAnnotations(Formatter.Annotation);

        private static string LastName(ExpressionSyntax data) => data switch
        {
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText.TrimStart('_'),
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            _ => "values",
        };

        private static string UniqueName(SemanticModel model, int position, string name, HashSet<string> taken)
        {
            string candidate = name;
            for (int i = 2; taken.Contains(candidate) || model.LookupSymbols(position, name: candidate).Length > 0; i++)
            {
                candidate = name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            taken.Add(candidate);
            return candidate;
        }
    }
}
