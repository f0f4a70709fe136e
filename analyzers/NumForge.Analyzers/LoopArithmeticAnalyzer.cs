using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace NumForge.Analyzers
{
    /// <summary>
    /// NF1006 (suggestion): a loop that computes in a low-precision floating-point format (Half, a NumForge float or
    /// posit format). CPUs without arithmetic in that format convert every operation to float and back, so the loop
    /// is slower than the same loop in float. Reported once per loop, at its keyword, for the arithmetic directly in
    /// it (not in nested loops, lambdas or local functions); a loop that only moves or converts values is quiet.
    /// Integer formats are left out: their arithmetic is not a float round trip.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class LoopArithmeticAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc/>
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.NF1006);

        /// <inheritdoc/>
        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            // Generated code is never analyzed (no Analyze flag), so every diagnostic lies in user code; ReportDiagnostics
            // only tells the driver not to re-check that, which it would do by resolving every declaration of a file
            // on the first diagnostic there (docs/diagnostics/performance.md).
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(start =>
            {
                if (!LowPrecisionPresence.IsPossible(start.Compilation, start.Options.AnalyzerConfigOptionsProvider))
                {
                    return;
                }

                var resolver = new FormatResolver(start.Compilation, start.Options.AnalyzerConfigOptionsProvider);
                start.RegisterOperationAction(c => Analyze(c, resolver), OperationKind.Loop);
            });
        }

        private static void Analyze(OperationAnalysisContext context, FormatResolver resolver)
        {
            var loop = (ILoopOperation)context.Operation;
            NumForgeOptions options = resolver.GetOptions(loop.Syntax.SyntaxTree);
            IOperation? first = null;
            ITypeSymbol? type = null;
            foreach (IOperation child in loop.ChildOperations)
            {
                if (loop is IForEachLoopOperation forEach && child == forEach.Collection)
                {
                    continue;
                }

                if (FindArithmetic(child, resolver, options, out type) is IOperation found)
                {
                    first = found;
                    break;
                }
            }

            if (first is null)
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(Descriptors.NF1006, loop.Syntax.GetFirstToken().GetLocation(), type!.Name, first.Syntax.ToString()));
        }

        /// <summary>The first low-precision arithmetic operation in source order, not descending into nested loops or functions.</summary>
        private static IOperation? FindArithmetic(IOperation operation, FormatResolver resolver, NumForgeOptions options, out ITypeSymbol? type)
        {
            type = null;
            switch (operation)
            {
                case ILoopOperation:
                case IAnonymousFunctionOperation:
                case ILocalFunctionOperation:
                    return null;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Subtract or BinaryOperatorKind.Multiply or BinaryOperatorKind.Divide or BinaryOperatorKind.Remainder } binary
                    when IsFloatingLowPrecision(binary.Type, resolver, options):
                    type = binary.Type;
                    return binary;
                case ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Subtract or BinaryOperatorKind.Multiply or BinaryOperatorKind.Divide or BinaryOperatorKind.Remainder } compound
                    when IsFloatingLowPrecision(compound.Target.Type, resolver, options):
                    type = compound.Target.Type;
                    return compound;
                case IIncrementOrDecrementOperation increment when IsFloatingLowPrecision(increment.Target.Type, resolver, options):
                    type = increment.Target.Type;
                    return increment;
                case IInvocationOperation { TargetMethod: { IsStatic: true } method } invocation
                    when IsMathFunction(method.Name) && IsFloatingLowPrecision(method.ReturnType, resolver, options)
                         && SymbolEqualityComparer.Default.Equals(method.ReturnType, method.ContainingType):
                    type = method.ReturnType;
                    return invocation;
            }

            foreach (IOperation child in operation.ChildOperations)
            {
                if (FindArithmetic(child, resolver, options, out type) is IOperation found)
                {
                    return found;
                }
            }

            return null;
        }

        private static bool IsFloatingLowPrecision(ITypeSymbol? type, FormatResolver resolver, NumForgeOptions options) =>
            type is { SpecialType: SpecialType.None }
            && resolver.IsLowPrecision(type, options, out LowPrecisionFormat format)
            && format.Kind != FormatKind.Integer;

        private static bool IsMathFunction(string name) => name switch
        {
            "Exp" or "Exp2" or "Exp10" or "ExpM1" or "Log" or "Log2" or "Log10" or "LogP1" => true,
            "Pow" or "Sqrt" or "Cbrt" or "Hypot" or "RootN" or "FusedMultiplyAdd" or "Tanh" or "Sin" or "Cos" or "Tan" or "Atan" or "Atan2" => true,
            _ => false,
        };
    }
}
