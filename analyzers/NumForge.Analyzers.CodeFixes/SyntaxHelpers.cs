using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NumForge.Analyzers.CodeFixes
{
    /// <summary>Small syntax builders shared by the code fixes.</summary>
    internal static class SyntaxHelpers
    {
        /// <summary>The <c>float</c> keyword as a type.</summary>
        public static TypeSyntax Float => SyntaxFactory.PredefinedType(SyntaxFactory.Token(SyntaxKind.FloatKeyword));

        /// <summary><c>(type)expression</c>, parenthesizing the expression when a cast would bind wrongly.</summary>
        public static ExpressionSyntax Cast(TypeSyntax type, ExpressionSyntax expression)
        {
            ExpressionSyntax operand = expression.WithoutTrivia();
            if (!IsPrimary(operand))
            {
                operand = SyntaxFactory.ParenthesizedExpression(operand);
            }

            return SyntaxFactory.CastExpression(type.WithoutTrivia(), operand).WithTriviaFrom(expression);
        }

        /// <summary>Parenthesizes an expression unless it binds at least as tightly as a unary operand.</summary>
        public static ExpressionSyntax AsOperand(ExpressionSyntax expression)
        {
            if (IsPrimary(expression) || expression is CastExpressionSyntax || expression is PrefixUnaryExpressionSyntax)
            {
                return expression;
            }

            return SyntaxFactory.ParenthesizedExpression(expression.WithoutTrivia()).WithTriviaFrom(expression);
        }

        /// <summary>A float literal with the given value, e.g. <c>0f</c>, <c>1.5f</c>.</summary>
        public static ExpressionSyntax FloatLiteral(float value)
        {
            string text = value.ToString("R", CultureInfo.InvariantCulture) + "f";
            ExpressionSyntax literal = SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(text, System.Math.Abs(value)));
            return value < 0
                ? SyntaxFactory.PrefixUnaryExpression(SyntaxKind.UnaryMinusExpression, literal)
                : literal;
        }

        /// <summary>The end of line a statement ends with (the document's style), else CRLF.</summary>
        public static SyntaxTrivia EndOfLine(SyntaxNode node)
        {
            foreach (SyntaxTrivia trivia in node.GetTrailingTrivia())
            {
                if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
                {
                    return trivia;
                }
            }

            return SyntaxFactory.CarriageReturnLineFeed;
        }

        /// <summary>Strips parentheses.</summary>
        public static ExpressionSyntax WalkDownParentheses(ExpressionSyntax expression)
        {
            while (expression is ParenthesizedExpressionSyntax parenthesized)
            {
                expression = parenthesized.Expression;
            }

            return expression;
        }

        private static bool IsPrimary(ExpressionSyntax expression) => expression is IdentifierNameSyntax
            or GenericNameSyntax
            or MemberAccessExpressionSyntax
            or InvocationExpressionSyntax
            or ElementAccessExpressionSyntax
            or LiteralExpressionSyntax
            or ParenthesizedExpressionSyntax
            or ThisExpressionSyntax
            or DefaultExpressionSyntax
            or ObjectCreationExpressionSyntax
            or ImplicitObjectCreationExpressionSyntax;
    }
}
