using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace NumForge.Analyzers
{
    /// <summary>Recognizes LINQ <c>Aggregate</c> calls and the sums their lambdas compute.</summary>
    internal static class AggregateLambdas
    {
        /// <summary>Whether the method is <c>Enumerable</c>/<c>ParallelEnumerable</c>/<c>Queryable</c> in System.Linq.</summary>
        public static bool IsLinqAggregate(IMethodSymbol method)
        {
            INamedTypeSymbol type = method.ContainingType;
            return (type.Name == "Enumerable" || type.Name == "ParallelEnumerable" || type.Name == "Queryable")
                && type.ContainingNamespace is { Name: "Linq", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } };
        }

        /// <summary>The Aggregate lambda that directly contains a return, or <see langword="null"/>.</summary>
        public static IAnonymousFunctionOperation? Find(IOperation returned)
        {
            for (IOperation? current = returned.Parent; current is not null; current = current.Parent)
            {
                if (current is ILocalFunctionOperation)
                {
                    return null;
                }

                if (current is IAnonymousFunctionOperation lambda)
                {
                    IOperation? parent = lambda.Parent;
                    while (parent is IDelegateCreationOperation || parent is IConversionOperation)
                    {
                        parent = parent.Parent;
                    }

                    return parent is IArgumentOperation { Parent: IInvocationOperation invocation }
                        && invocation.TargetMethod.Name == "Aggregate" && IsLinqAggregate(invocation.TargetMethod)
                        && lambda.Symbol.Parameters.Length == 2
                        ? lambda
                        : null;
                }
            }

            return null;
        }

        /// <summary>Whether a lambda's result is <c>acc + x</c>, <c>x + acc</c> or <c>acc - x</c> with acc its first parameter.</summary>
        public static bool IsSum(IOperation result, IAnonymousFunctionOperation lambda)
        {
            if (result is not IBinaryOperation binary)
            {
                return false;
            }

            IParameterSymbol accumulator = lambda.Symbol.Parameters[0];
            bool left = LoopAnalysis.Strip(binary.LeftOperand) is IParameterReferenceOperation l && SymbolEqualityComparer.Default.Equals(l.Parameter, accumulator);
            bool right = LoopAnalysis.Strip(binary.RightOperand) is IParameterReferenceOperation r && SymbolEqualityComparer.Default.Equals(r.Parameter, accumulator);
            return binary.OperatorKind == BinaryOperatorKind.Add ? left || right : binary.OperatorKind == BinaryOperatorKind.Subtract && left;
        }
    }
}
