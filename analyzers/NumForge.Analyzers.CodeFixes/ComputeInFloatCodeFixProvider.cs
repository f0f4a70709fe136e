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
    /// NF1002 "Compute in float": <c>(float)Half.Exp(x)</c> becomes <c>float.Exp((float)x)</c> when <c>float</c> has the
    /// same function (same name, every parameter float) and the result is used as a float or double, so the value is
    /// never squeezed through the low-precision type. For a TensorPrimitives reduction over Half spans, converts each
    /// input once with <c>ConvertToSingle</c>, calls the float overload, and converts a span result back with
    /// <c>ConvertToHalf</c> (see <see cref="TensorInFloat"/>).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ComputeInFloatCodeFixProvider)), Shared]
    public sealed class ComputeInFloatCodeFixProvider : CodeFixProvider
    {
        /// <summary>The title of the code action.</summary>
        public const string Title = "Compute in float";

        /// <inheritdoc/>
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.LowPrecisionReduction);

        /// <inheritdoc/>
        public override FixAllProvider? GetFixAllProvider() => FixAllProvider.Create(async (fixAllContext, document, diagnostics) =>
        {
            // One call at a time on the updated document: the tensor fix picks buffer names that must not collide.
            SyntaxNode? root = await document.GetSyntaxRootAsync(fixAllContext.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return document;
            }

            var annotations = new Dictionary<SyntaxNode, (SyntaxAnnotation Annotation, string Kind)>();
            foreach (Diagnostic diagnostic in diagnostics)
            {
                if (diagnostic.Properties.TryGetValue(Descriptors.ReductionKindProperty, out string? kind) && (kind == "Tensor" || kind == "Math")
                    && root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is InvocationExpressionSyntax call)
                {
                    annotations[call] = (new SyntaxAnnotation("NumForgeComputeInFloat"), kind!);
                }
            }

            document = document.WithSyntaxRoot(root.ReplaceNodes(annotations.Keys, (original, rewritten) => rewritten.WithAdditionalAnnotations(annotations[original].Annotation)));
            foreach (var (annotation, kind) in annotations.Values)
            {
                root = (await document.GetSyntaxRootAsync(fixAllContext.CancellationToken).ConfigureAwait(false))!;
                SemanticModel model = (await document.GetSemanticModelAsync(fixAllContext.CancellationToken).ConfigureAwait(false))!;
                if (root.GetAnnotatedNodes(annotation).FirstOrDefault() is not InvocationExpressionSyntax call)
                {
                    continue;
                }

                if (kind == "Tensor")
                {
                    if (TensorInFloat.TryRewrite(root, model, call, fixAllContext.CancellationToken) is SyntaxNode rewritten)
                    {
                        document = document.WithSyntaxRoot(rewritten);
                    }
                }
                else if (TryPlan(model, call, fixAllContext.CancellationToken, out ExpressionSyntax replaced, out ExpressionSyntax replacement))
                {
                    document = document.WithSyntaxRoot(root.ReplaceNode(replaced, replacement));
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
                if (!diagnostic.Properties.TryGetValue(Descriptors.ReductionKindProperty, out string? kind))
                {
                    continue;
                }

                if (kind == "Tensor")
                {
                    if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is InvocationExpressionSyntax tensorCall
                        && TensorInFloat.TryRewrite(root, model, tensorCall, context.CancellationToken) is SyntaxNode rewritten)
                    {
                        Document tensorDocument = context.Document;
                        context.RegisterCodeFix(
                            CodeAction.Create(Title, _ => Task.FromResult(tensorDocument.WithSyntaxRoot(rewritten)), equivalenceKey: nameof(ComputeInFloatCodeFixProvider) + ".Tensor"),
                            diagnostic);
                    }

                    continue;
                }

                if (kind != "Math")
                {
                    continue;
                }

                if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not InvocationExpressionSyntax invocation
                    || !TryPlan(model, invocation, context.CancellationToken, out ExpressionSyntax replaced, out ExpressionSyntax replacement))
                {
                    continue;
                }

                Document document = context.Document;
                context.RegisterCodeFix(
                    CodeAction.Create(Title, ct => Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(replaced, replacement))), equivalenceKey: nameof(ComputeInFloatCodeFixProvider)),
                    diagnostic);
            }
        }

        private static bool TryPlan(SemanticModel model, InvocationExpressionSyntax invocation, CancellationToken cancellationToken, out ExpressionSyntax replaced, out ExpressionSyntax replacement)
        {
            replaced = invocation;
            replacement = invocation;
            if (model.GetOperation(invocation, cancellationToken) is not IInvocationOperation operation
                || operation.Parent is not IConversionOperation { Type: ITypeSymbol consumer } conversion
                || !FormatResolver.IsFloatOrDouble(consumer))
            {
                return false;
            }

            IMethodSymbol method = operation.TargetMethod;
            ITypeSymbol floatType = model.Compilation.GetSpecialType(SpecialType.System_Single);
            if (!HasFloatOverload(floatType, method))
            {
                return false;
            }

            var arguments = new List<ArgumentSyntax>();
            foreach (ArgumentSyntax argument in invocation.ArgumentList.Arguments)
            {
                ITypeSymbol? type = model.GetTypeInfo(argument.Expression, cancellationToken).Type;
                arguments.Add(SymbolEqualityComparer.Default.Equals(type, method.ReturnType)
                    ? argument.WithExpression(SyntaxHelpers.Cast(SyntaxHelpers.Float, argument.Expression))
                    : argument);
            }

            ExpressionSyntax call = SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, SyntaxHelpers.Float, SyntaxFactory.IdentifierName(method.Name)),
                invocation.ArgumentList.WithArguments(SyntaxFactory.SeparatedList(arguments, invocation.ArgumentList.Arguments.GetSeparators())));

            // (float)Half.Exp(x) -> float.Exp((float)x); an implicit widening (NumForge types) -> the call alone.
            if (!conversion.IsImplicit && conversion.Syntax is CastExpressionSyntax cast)
            {
                replaced = cast;
            }

            replacement = call.WithTriviaFrom(replaced);
            return true;
        }

        /// <summary>Whether float has a static method of the same name whose parameters are all float where the original's are the low-precision type.</summary>
        private static bool HasFloatOverload(ITypeSymbol floatType, IMethodSymbol method)
        {
            foreach (ISymbol member in floatType.GetMembers(method.Name))
            {
                if (member is not IMethodSymbol { IsStatic: true, DeclaredAccessibility: Accessibility.Public } candidate
                    || candidate.Parameters.Length != method.Parameters.Length
                    || candidate.ReturnType.SpecialType != SpecialType.System_Single)
                {
                    continue;
                }

                bool matches = true;
                for (int i = 0; i < candidate.Parameters.Length && matches; i++)
                {
                    ITypeSymbol original = method.Parameters[i].Type;
                    ITypeSymbol replacementType = candidate.Parameters[i].Type;
                    matches = SymbolEqualityComparer.Default.Equals(original, method.ReturnType)
                        ? replacementType.SpecialType == SpecialType.System_Single
                        : SymbolEqualityComparer.Default.Equals(original, replacementType);
                }

                if (matches)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
