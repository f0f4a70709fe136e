using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace NumForge.Analyzers.CodeFixes
{
    /// <summary>
    /// NF1001 "Accumulate in float": for a local accumulator, declares the local as <c>float</c>, converts what is
    /// added (or assigned) to float, and converts the local back to its low-precision type wherever its value is read
    /// (where the value leaves the loop). Offered when the type converts to and from float and the local is a single
    /// declarator never passed by reference.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AccumulateInFloatCodeFixProvider)), Shared]
    public sealed class AccumulateInFloatCodeFixProvider : CodeFixProvider
    {
        /// <summary>The title of the code action.</summary>
        public const string Title = "Accumulate in float";

        /// <inheritdoc/>
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.LowPrecisionAccumulation);

        /// <inheritdoc/>
        public override FixAllProvider? GetFixAllProvider() => FixAllProvider.Create(async (fixAllContext, document, diagnostics) =>
        {
            SyntaxNode? root = await document.GetSyntaxRootAsync(fixAllContext.CancellationToken).ConfigureAwait(false);
            SemanticModel? model = await document.GetSemanticModelAsync(fixAllContext.CancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return document;
            }

            var declarators = new List<VariableDeclaratorSyntax>();
            foreach (Diagnostic diagnostic in diagnostics)
            {
                if (FindFixableLocal(root, model, diagnostic, fixAllContext.CancellationToken) is VariableDeclaratorSyntax declarator && !declarators.Contains(declarator))
                {
                    declarators.Add(declarator);
                }
            }

            return await WidenAsync(document, declarators, fixAllContext.CancellationToken).ConfigureAwait(false);
        });

        /// <inheritdoc/>
        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            SemanticModel? model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return;
            }

            foreach (Diagnostic diagnostic in context.Diagnostics)
            {
                if (FindFixableLocal(root, model, diagnostic, context.CancellationToken) is not VariableDeclaratorSyntax declarator)
                {
                    continue;
                }

                Document document = context.Document;
                context.RegisterCodeFix(
                    CodeAction.Create(Title, ct => WidenAsync(document, new[] { declarator }, ct), equivalenceKey: nameof(AccumulateInFloatCodeFixProvider)),
                    diagnostic);
            }
        }

        /// <summary>The declarator of the local accumulator a diagnostic is about, when the fix applies to it.</summary>
        private static VariableDeclaratorSyntax? FindFixableLocal(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (!diagnostic.Properties.TryGetValue(Descriptors.AccumulatorKindProperty, out string? kind) || kind != "Local")
            {
                return null;
            }

            SyntaxNode node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (node.FirstAncestorOrSelf<AssignmentExpressionSyntax>() is not AssignmentExpressionSyntax assignment
                || model.GetSymbolInfo(assignment.Left, cancellationToken).Symbol is not ILocalSymbol local
                || Plan.Create(model, local, cancellationToken) is null)
            {
                return null;
            }

            return local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) as VariableDeclaratorSyntax;
        }

        /// <summary>Widens each local in turn (marked with annotations, since every edit moves the others).</summary>
        private static async Task<Document> WidenAsync(Document document, IReadOnlyList<VariableDeclaratorSyntax> declarators, CancellationToken cancellationToken)
        {
            SyntaxNode root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
            var annotations = new Dictionary<SyntaxNode, SyntaxAnnotation>();
            foreach (VariableDeclaratorSyntax declarator in declarators)
            {
                annotations[declarator] = new SyntaxAnnotation("NumForgeAccumulator");
            }

            root = root.ReplaceNodes(annotations.Keys, (original, rewritten) => rewritten.WithAdditionalAnnotations(annotations[original]));
            document = document.WithSyntaxRoot(root);
            foreach (SyntaxAnnotation annotation in annotations.Values)
            {
                root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
                SemanticModel model = (await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false))!;
                if (root.GetAnnotatedNodes(annotation).FirstOrDefault() is not VariableDeclaratorSyntax declarator
                    || model.GetDeclaredSymbol(declarator, cancellationToken) is not ILocalSymbol local
                    || Plan.Create(model, local, cancellationToken) is not Plan plan)
                {
                    continue;
                }

                document = document.WithSyntaxRoot(root.ReplaceNodes(plan.Edits.Keys, (original, rewritten) => plan.Edits[original](rewritten)));
            }

            return document;
        }

        /// <summary>The edits that widen one local: original node -> how to rewrite it (given its rewritten descendants).</summary>
        private sealed class Plan
        {
            private Plan(Dictionary<SyntaxNode, Func<SyntaxNode, SyntaxNode>> edits)
            {
                Edits = edits;
            }

            public Dictionary<SyntaxNode, Func<SyntaxNode, SyntaxNode>> Edits { get; }

            public static Plan? Create(SemanticModel model, ILocalSymbol local, CancellationToken cancellationToken)
            {
                ITypeSymbol type = local.Type;
                Compilation compilation = model.Compilation;
                ITypeSymbol floatType = compilation.GetSpecialType(SpecialType.System_Single);
                if (!compilation.ClassifyCommonConversion(type, floatType).Exists || !compilation.ClassifyCommonConversion(floatType, type).Exists)
                {
                    return null;
                }

                if (local.DeclaringSyntaxReferences.Length != 1
                    || local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax declarator
                    || declarator.Parent is not VariableDeclarationSyntax declaration
                    || declaration.Variables.Count != 1
                    || declarator.SyntaxTree != model.SyntaxTree
                    || (declaration.Parent is not LocalDeclarationStatementSyntax { IsConst: false, UsingKeyword.RawKind: 0 } && declaration.Parent is not ForStatementSyntax))
                {
                    return null;
                }

                SyntaxNode? scope = declaration.Parent is ForStatementSyntax forStatement ? forStatement : declaration.Parent?.Parent;
                if (scope is null)
                {
                    return null;
                }

                TypeSyntax lowType = declaration.Type.IsVar
                    ? SyntaxFactory.ParseTypeName(type.ToMinimalDisplayString(model, declaration.SpanStart))
                    : declaration.Type.WithoutTrivia();

                var edits = new Dictionary<SyntaxNode, Func<SyntaxNode, SyntaxNode>>();
                edits[declaration.Type] = rewritten => SyntaxHelpers.Float.WithTriviaFrom(rewritten);
                if (declarator.Initializer is { Value: ExpressionSyntax initial })
                {
                    AddWiden(edits, model, local, initial, cancellationToken);
                }

                var bare = new HashSet<SyntaxNode>();
                var references = scope.DescendantNodes()
                    .OfType<IdentifierNameSyntax>()
                    .Where(n => n.Identifier.ValueText == local.Name && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(n, cancellationToken).Symbol, local))
                    .ToList();

                foreach (IdentifierNameSyntax reference in references)
                {
                    SyntaxNode parent = reference.Parent!;
                    if (parent is ArgumentSyntax { RefKindKeyword.RawKind: not 0 } || parent is RefExpressionSyntax)
                    {
                        return null;
                    }

                    if (parent is AssignmentExpressionSyntax assignment && assignment.Left == reference)
                    {
                        bare.Add(reference);
                        ExpressionSyntax value = assignment.Right;
                        if (assignment.IsKind(SyntaxKind.SimpleAssignmentExpression)
                            && SyntaxHelpers.WalkDownParentheses(value) is BinaryExpressionSyntax binary
                            && (binary.IsKind(SyntaxKind.AddExpression) || binary.IsKind(SyntaxKind.SubtractExpression)))
                        {
                            ExpressionSyntax left = SyntaxHelpers.WalkDownParentheses(binary.Left);
                            ExpressionSyntax right = SyntaxHelpers.WalkDownParentheses(binary.Right);
                            if (IsReferenceTo(left, local, model, cancellationToken))
                            {
                                bare.Add(left);
                                AddWiden(edits, model, local, binary.Right, cancellationToken, asOperand: true);
                                continue;
                            }

                            if (binary.IsKind(SyntaxKind.AddExpression) && IsReferenceTo(right, local, model, cancellationToken))
                            {
                                bare.Add(right);
                                AddWiden(edits, model, local, binary.Left, cancellationToken, asOperand: true);
                                continue;
                            }
                        }

                        AddWiden(edits, model, local, value, cancellationToken);
                    }
                }

                foreach (IdentifierNameSyntax reference in references)
                {
                    if (bare.Contains(reference))
                    {
                        continue;
                    }

                    SyntaxNode parent = reference.Parent!;
                    if (parent is PrefixUnaryExpressionSyntax || parent is PostfixUnaryExpressionSyntax || parent is ArgumentSyntax { Parent.Parent: InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } } })
                    {
                        continue;
                    }

                    if (parent is CastExpressionSyntax cast && FormatResolver.IsFloatOrDouble(model.GetTypeInfo(cast.Type, cancellationToken).Type))
                    {
                        // (float)acc is now just acc; (double)acc stays as written.
                        if (model.GetTypeInfo(cast.Type, cancellationToken).Type!.SpecialType == SpecialType.System_Single)
                        {
                            edits[cast] = rewritten => ((CastExpressionSyntax)rewritten).Expression.WithTriviaFrom(rewritten);
                        }

                        continue;
                    }

                    if (edits.ContainsKey(reference))
                    {
                        continue;
                    }

                    // A read: the value leaves the accumulator here, so it goes back to the low-precision type.
                    edits[reference] = rewritten => SyntaxHelpers.AsOperand(SyntaxHelpers.Cast(lowType, (ExpressionSyntax)rewritten));
                }

                return new Plan(edits);
            }

            private static bool IsReferenceTo(ExpressionSyntax expression, ILocalSymbol local, SemanticModel model, CancellationToken cancellationToken) =>
                expression is IdentifierNameSyntax && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(expression, cancellationToken).Symbol, local);

            /// <summary>Records how a value stored into the local becomes a float.</summary>
            private static void AddWiden(Dictionary<SyntaxNode, Func<SyntaxNode, SyntaxNode>> edits, SemanticModel model, ILocalSymbol local, ExpressionSyntax value, CancellationToken cancellationToken, bool asOperand = false)
            {
                ExpressionSyntax inner = SyntaxHelpers.WalkDownParentheses(value);
                if (IsReferenceTo(inner, local, model, cancellationToken))
                {
                    return;
                }

                ITypeSymbol? valueType = model.GetTypeInfo(value, cancellationToken).Type;
                if (FormatResolver.IsFloatOrDouble(valueType))
                {
                    return;
                }

                IOperation? operation = model.GetOperation(inner, cancellationToken);

                // A constant converted to the low-precision type: write the float constant, e.g. (Half)0 -> 0f.
                if (operation is IConversionOperation { Operand.ConstantValue: { HasValue: true, Value: object constant } } && IsNumber(constant))
                {
                    float number = Convert.ToSingle(constant, System.Globalization.CultureInfo.InvariantCulture);
                    edits[value] = rewritten => SyntaxHelpers.FloatLiteral(number).WithTriviaFrom(rewritten);
                    return;
                }

                if (inner is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.DefaultLiteralExpression } || inner is DefaultExpressionSyntax
                    || (operation is IPropertyReferenceOperation { Property: { IsStatic: true, Name: "Zero" } }))
                {
                    edits[value] = rewritten => SyntaxHelpers.FloatLiteral(0f).WithTriviaFrom(rewritten);
                    return;
                }

                if (operation is IPropertyReferenceOperation { Property: { IsStatic: true, Name: "One" } })
                {
                    edits[value] = rewritten => SyntaxHelpers.FloatLiteral(1f).WithTriviaFrom(rewritten);
                    return;
                }

                // (Half)(float expression) -> the float expression itself.
                if (inner is CastExpressionSyntax cast && model.GetTypeInfo(cast.Expression, cancellationToken).Type?.SpecialType == SpecialType.System_Single)
                {
                    edits[value] = rewritten =>
                    {
                        var expression = ((CastExpressionSyntax)SyntaxHelpers.WalkDownParentheses((ExpressionSyntax)rewritten)).Expression;
                        return (asOperand ? SyntaxHelpers.AsOperand(expression) : SyntaxHelpers.WalkDownParentheses(expression)).WithTriviaFrom(rewritten);
                    };
                    return;
                }

                // a * b in low precision -> (float)a * (float)b: products in float, as fp32-accumulating hardware does.
                if (inner is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.MultiplyExpression } product
                    && SymbolEqualityComparer.Default.Equals(model.GetTypeInfo(product.Left, cancellationToken).Type, local.Type)
                    && SymbolEqualityComparer.Default.Equals(model.GetTypeInfo(product.Right, cancellationToken).Type, local.Type))
                {
                    edits[value] = rewritten =>
                    {
                        var multiply = (BinaryExpressionSyntax)SyntaxHelpers.WalkDownParentheses((ExpressionSyntax)rewritten);
                        return multiply
                            .WithLeft(SyntaxHelpers.Cast(SyntaxHelpers.Float, multiply.Left))
                            .WithRight(SyntaxHelpers.Cast(SyntaxHelpers.Float, multiply.Right))
                            .WithTriviaFrom(rewritten);
                    };
                    return;
                }

                edits[value] = rewritten => SyntaxHelpers.Cast(SyntaxHelpers.Float, (ExpressionSyntax)rewritten);
            }

            private static bool IsNumber(object value) => value is float or double or int or long or short or sbyte or byte or ushort or uint or ulong or decimal;
        }
    }
}
