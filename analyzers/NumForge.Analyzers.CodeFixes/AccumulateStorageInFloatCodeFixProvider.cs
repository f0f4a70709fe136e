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
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;

namespace NumForge.Analyzers.CodeFixes
{
    /// <summary>
    /// NF1001 "Accumulate in float" for a field or an element that a loop accumulates into (<c>_total += x[i]</c>,
    /// <c>sums[r] += a[r, k]</c>): reads it into a float local before the loop, accumulates the local, and writes it
    /// back once after the loop. Offered only where that is safe: the loop touches the field or array nowhere else, has
    /// no return, throw, goto or yield, captures neither in a lambda, and (for a field) calls no method of the field's
    /// type; an element's array is a local or parameter.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AccumulateStorageInFloatCodeFixProvider)), Shared]
    public sealed class AccumulateStorageInFloatCodeFixProvider : CodeFixProvider
    {
        /// <inheritdoc/>
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.LowPrecisionAccumulation);

        /// <inheritdoc/>
        public override FixAllProvider? GetFixAllProvider() => FixAllProvider.Create(async (fixAllContext, document, diagnostics) =>
        {
            SyntaxNode? root = await document.GetSyntaxRootAsync(fixAllContext.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return document;
            }

            // Mark every site first: each fix moves the others, and one fix may already cover several sites.
            var annotations = new Dictionary<SyntaxNode, SyntaxAnnotation>();
            foreach (Diagnostic diagnostic in diagnostics)
            {
                if (IsStorageKind(diagnostic) && FindSite(root, diagnostic) is SyntaxNode site && !annotations.ContainsKey(site))
                {
                    annotations[site] = new SyntaxAnnotation("NumForgeStorageAccumulator");
                }
            }

            document = document.WithSyntaxRoot(root.ReplaceNodes(annotations.Keys, (original, rewritten) => rewritten.WithAdditionalAnnotations(annotations[original])));
            foreach (SyntaxAnnotation annotation in annotations.Values)
            {
                root = (await document.GetSyntaxRootAsync(fixAllContext.CancellationToken).ConfigureAwait(false))!;
                SemanticModel model = (await document.GetSemanticModelAsync(fixAllContext.CancellationToken).ConfigureAwait(false))!;
                if (root.GetAnnotatedNodes(annotation).FirstOrDefault() is SyntaxNode site
                    && TryRewrite(root, model, site, fixAllContext.CancellationToken) is SyntaxNode rewritten)
                {
                    document = document.WithSyntaxRoot(rewritten);
                }
            }

            return document;
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
                if (!IsStorageKind(diagnostic) || FindSite(root, diagnostic) is not SyntaxNode site
                    || TryRewrite(root, model, site, context.CancellationToken) is not SyntaxNode rewritten)
                {
                    continue;
                }

                Document document = context.Document;
                context.RegisterCodeFix(
                    CodeAction.Create(AccumulateInFloatCodeFixProvider.Title, _ => Task.FromResult(document.WithSyntaxRoot(rewritten)), equivalenceKey: nameof(AccumulateStorageInFloatCodeFixProvider)),
                    diagnostic);
            }
        }

        private static bool IsStorageKind(Diagnostic diagnostic) =>
            diagnostic.Properties.TryGetValue(Descriptors.AccumulatorKindProperty, out string? kind) && (kind == "Field" || kind == "Element");

        private static SyntaxNode? FindSite(SyntaxNode root, Diagnostic diagnostic) =>
            root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<AssignmentExpressionSyntax>();

        /// <summary>The new root with the accumulator kept in a float local across its loop, or <see langword="null"/> when that is not safe.</summary>
        private static SyntaxNode? TryRewrite(SyntaxNode root, SemanticModel model, SyntaxNode site, CancellationToken cancellationToken)
        {
            if (model.GetOperation(site, cancellationToken) is not IAssignmentOperation assignment)
            {
                return null;
            }

            IOperation target = assignment.Target;
            if (LoopAnalysis.FindRepetition(assignment, target, false, out ILoopOperation? loop, out bool invariant) != RepeatKind.Loop
                || !invariant || loop?.Syntax is not StatementSyntax loopStatement)
            {
                return null;
            }

            ISymbol? symbol = target switch
            {
                IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field => field.Field,
                IArrayElementReferenceOperation { ArrayReference: ILocalReferenceOperation or IParameterReferenceOperation } element => LoopAnalysis.SymbolOf(element.ArrayReference),
                _ => null,
            };
            if (symbol is null || !IsSafe(loop, symbol, target, out List<IAssignmentOperation> sites))
            {
                return null;
            }

            ITypeSymbol lowType = target.Type!;
            Compilation compilation = model.Compilation;
            ITypeSymbol floatType = compilation.GetSpecialType(SpecialType.System_Single);
            if (!compilation.ClassifyCommonConversion(lowType, floatType).Exists || !compilation.ClassifyCommonConversion(floatType, lowType).Exists)
            {
                return null;
            }

            string baseName = symbol.Name.StartsWith("s_", System.StringComparison.Ordinal) ? symbol.Name.Substring(2) : symbol.Name.TrimStart('_');
            string name = UniqueName(model, loopStatement.SpanStart, (baseName.Length > 0 ? baseName : "accumulator") + "InFloat");
            var edits = new Dictionary<SyntaxNode, SyntaxNode>();
            foreach (IAssignmentOperation accumulation in sites)
            {
                if (Rewrite(model, accumulation, name, lowType, cancellationToken) is not ExpressionSyntax replacement)
                {
                    return null;
                }

                edits[accumulation.Syntax] = replacement.WithTriviaFrom(accumulation.Syntax);
            }

            string location = target.Syntax.WithoutTrivia().ToString();
            string typeName = lowType.ToMinimalDisplayString(model, loopStatement.SpanStart);
            StatementSyntax before = SyntaxFactory.ParseStatement("float " + name + " = (float)" + location + ";").WithAdditionalAnnotations(Formatter.Annotation);
            StatementSyntax after = SyntaxFactory.ParseStatement(location + " = (" + typeName + ")" + name + ";").WithAdditionalAnnotations(Formatter.Annotation);
            StatementSyntax newLoop = loopStatement.ReplaceNodes(edits.Keys, (original, _) => edits[original]);

            SyntaxTrivia eol = SyntaxHelpers.EndOfLine(loopStatement);
            if (loopStatement.Parent is BlockSyntax)
            {
                return root.ReplaceNode(loopStatement, new SyntaxNode[]
                {
                    before.WithLeadingTrivia(loopStatement.GetLeadingTrivia()).WithTrailingTrivia(eol),
                    newLoop,
                    after.WithLeadingTrivia(loopStatement.GetLeadingTrivia()).WithTrailingTrivia(loopStatement.GetTrailingTrivia()),
                });
            }

            BlockSyntax block = SyntaxFactory.Block(before.WithTrailingTrivia(eol), newLoop.WithoutLeadingTrivia().WithTrailingTrivia(eol), after.WithTrailingTrivia(eol))
                .WithLeadingTrivia(loopStatement.GetLeadingTrivia())
                .WithTrailingTrivia(loopStatement.GetTrailingTrivia())
                .WithAdditionalAnnotations(Formatter.Annotation);
            return root.ReplaceNode(loopStatement, block);
        }

        /// <summary>
        /// Whether the loop touches the symbol only through accumulations into <paramref name="target"/>'s location,
        /// and cannot leave early or reach the field another way.
        /// </summary>
        private static bool IsSafe(ILoopOperation loop, ISymbol symbol, IOperation target, out List<IAssignmentOperation> sites)
        {
            sites = new List<IAssignmentOperation>();
            INamedTypeSymbol? fieldOwner = (symbol as IFieldSymbol)?.ContainingType;
            foreach (IOperation operation in loop.Descendants())
            {
                switch (operation)
                {
                    case IReturnOperation:
                    case IThrowOperation:
                    case IBranchOperation { BranchKind: BranchKind.GoTo }:
                        return false;
                    case IAnonymousFunctionOperation:
                    case ILocalFunctionOperation:
                        if (operation.Descendants().Any(d => SymbolEqualityComparer.Default.Equals(LoopAnalysis.SymbolOf(d), symbol)))
                        {
                            return false;
                        }

                        break;
                    case IInvocationOperation invocation when fieldOwner is not null:
                        if (SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, fieldOwner) || invocation.TargetMethod.MethodKind == MethodKind.DelegateInvoke)
                        {
                            return false;
                        }

                        break;
                }

                if (operation is not (IFieldReferenceOperation or ILocalReferenceOperation or IParameterReferenceOperation)
                    || !SymbolEqualityComparer.Default.Equals(LoopAnalysis.SymbolOf(operation), symbol))
                {
                    continue;
                }

                IOperation location = symbol is IFieldSymbol ? operation : operation.Parent!;
                if (location is not IArrayElementReferenceOperation && symbol is not IFieldSymbol)
                {
                    return false;
                }

                if (!LoopAnalysis.SameLocation(location, target) || AccumulationOf(location) is not IAssignmentOperation site)
                {
                    return false;
                }

                if (!sites.Contains(site))
                {
                    sites.Add(site);
                }
            }

            return sites.Count > 0;
        }

        /// <summary>The accumulation a location takes part in: the target of <c>t += v</c>/<c>t -= v</c>, or the target or stored operand of <c>t = t + v</c>.</summary>
        private static IAssignmentOperation? AccumulationOf(IOperation location)
        {
            IOperation? parent = location.Parent;
            if (parent is ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Subtract } compound && compound.Target == location)
            {
                return compound;
            }

            if (parent is ISimpleAssignmentOperation simple && simple.Target == location && IsDirectSum(simple))
            {
                return simple;
            }

            if (parent is IBinaryOperation && parent.Parent is ISimpleAssignmentOperation outer && outer.Value == parent && IsDirectSum(outer)
                && LoopAnalysis.SameLocation(outer.Target, location))
            {
                return outer;
            }

            return null;
        }

        private static bool IsDirectSum(ISimpleAssignmentOperation assignment) =>
            assignment.Value is IBinaryOperation binary && SummedValueFlow.IsAccumulatingValue(binary, assignment.Target);

        /// <summary><c>t += v</c> -> <c>name += (float)v</c>; <c>t = t + v</c> -> <c>name = name + (float)v</c>.</summary>
        private static ExpressionSyntax? Rewrite(SemanticModel model, IAssignmentOperation accumulation, string name, ITypeSymbol lowType, CancellationToken cancellationToken)
        {
            IdentifierNameSyntax local = SyntaxFactory.IdentifierName(name);
            if (accumulation.Syntax is not AssignmentExpressionSyntax syntax)
            {
                return null;
            }

            if (accumulation is ICompoundAssignmentOperation)
            {
                return syntax.WithLeft(local.WithTriviaFrom(syntax.Left)).WithRight(Widen(model, syntax.Right, lowType, cancellationToken).WithTriviaFrom(syntax.Right));
            }

            if (SyntaxHelpers.WalkDownParentheses(syntax.Right) is not BinaryExpressionSyntax binary || accumulation is not ISimpleAssignmentOperation simple
                || simple.Value is not IBinaryOperation sum)
            {
                return null;
            }

            bool leftIsTarget = LoopAnalysis.SameLocation(sum.LeftOperand, simple.Target);
            ExpressionSyntax left = leftIsTarget ? local.WithTriviaFrom(binary.Left) : Widen(model, binary.Left, lowType, cancellationToken).WithTriviaFrom(binary.Left);
            ExpressionSyntax right = leftIsTarget ? Widen(model, binary.Right, lowType, cancellationToken).WithTriviaFrom(binary.Right) : local.WithTriviaFrom(binary.Right);
            return syntax.WithLeft(local.WithTriviaFrom(syntax.Left)).WithRight(binary.WithLeft(left).WithRight(right).WithTriviaFrom(syntax.Right));
        }

        /// <summary>A low-precision value as a float: (Half)(float expr) -> expr; a * b -> (float)a * (float)b; else (float)value.</summary>
        private static ExpressionSyntax Widen(SemanticModel model, ExpressionSyntax value, ITypeSymbol lowType, CancellationToken cancellationToken)
        {
            ExpressionSyntax inner = SyntaxHelpers.WalkDownParentheses(value);
            if (FormatResolver.IsFloatOrDouble(model.GetTypeInfo(value, cancellationToken).Type))
            {
                return value;
            }

            if (inner is CastExpressionSyntax cast && model.GetTypeInfo(cast.Expression, cancellationToken).Type?.SpecialType == SpecialType.System_Single)
            {
                return SyntaxHelpers.AsOperand(SyntaxHelpers.WalkDownParentheses(cast.Expression));
            }

            if (inner is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.MultiplyExpression } product
                && SymbolEqualityComparer.Default.Equals(model.GetTypeInfo(product.Left, cancellationToken).Type, lowType)
                && SymbolEqualityComparer.Default.Equals(model.GetTypeInfo(product.Right, cancellationToken).Type, lowType))
            {
                return product.WithLeft(SyntaxHelpers.Cast(SyntaxHelpers.Float, product.Left)).WithRight(SyntaxHelpers.Cast(SyntaxHelpers.Float, product.Right));
            }

            return SyntaxHelpers.Cast(SyntaxHelpers.Float, value);
        }

        private static string UniqueName(SemanticModel model, int position, string name)
        {
            string candidate = name;
            for (int i = 2; model.LookupSymbols(position, name: candidate).Length > 0; i++)
            {
                candidate = name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return candidate;
        }
    }
}
