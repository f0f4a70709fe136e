using System;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace NumForge.Analyzers
{
    /// <summary>
    /// The NumForge mixed-precision analyzer: NF1001 (low-precision accumulation in a loop), NF1002 (reduction or
    /// normalization computed in low precision), NF1003 (low-precision value round-tripped through float on every
    /// iteration) and NF1004 (constant that overflows or underflows in a low-precision format). "Low precision" is
    /// <c>System.Half</c>, every type carrying a NumForge format attribute whose precision or range is below
    /// float's, and the types listed in <c>numforge.low_precision_types</c>.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class MixedPrecisionAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc/>
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.NF1001, Descriptors.NF1002, Descriptors.NF1003, Descriptors.NF1004);

        private static readonly ImmutableDictionary<string, string?> LocalAccumulator =
            ImmutableDictionary<string, string?>.Empty.Add(Descriptors.AccumulatorKindProperty, "Local");

        private static readonly ImmutableDictionary<string, string?> OtherAccumulator =
            ImmutableDictionary<string, string?>.Empty.Add(Descriptors.AccumulatorKindProperty, "Other");

        private static readonly ImmutableDictionary<string, string?> MathReduction =
            ImmutableDictionary<string, string?>.Empty.Add(Descriptors.ReductionKindProperty, "Math");

        private static readonly ImmutableDictionary<string, string?> TensorReduction =
            ImmutableDictionary<string, string?>.Empty.Add(Descriptors.ReductionKindProperty, "Tensor");

        /// <inheritdoc/>
        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var resolver = new FormatResolver(start.Compilation, start.Options.AnalyzerConfigOptionsProvider);
                start.RegisterOperationAction(c => AnalyzeCompoundAssignment(c, resolver), OperationKind.CompoundAssignment);
                start.RegisterOperationAction(c => AnalyzeSimpleAssignment(c, resolver), OperationKind.SimpleAssignment);
                start.RegisterOperationAction(c => AnalyzeInvocation(c, resolver), OperationKind.Invocation);
                start.RegisterOperationAction(c => AnalyzeConversion(c, resolver), OperationKind.Conversion);
            });
        }

        // ----- NF1001: acc += x, acc -= x, loop counters -----
        private static void AnalyzeCompoundAssignment(OperationAnalysisContext context, FormatResolver resolver)
        {
            var assignment = (ICompoundAssignmentOperation)context.Operation;
            if (assignment.OperatorKind != BinaryOperatorKind.Add && assignment.OperatorKind != BinaryOperatorKind.Subtract)
            {
                return;
            }

            IOperation target = assignment.Target;
            if (target.Type is not { SpecialType: SpecialType.None } || !LoopAnalysis.IsStorageLocation(target))
            {
                return;
            }

            NumForgeOptions options = resolver.GetOptions(assignment.Syntax.SyntaxTree);
            if (!resolver.IsLowPrecision(target.Type, options, out _))
            {
                return;
            }

            ReportAccumulation(context, assignment, target, options);
        }

        // ----- NF1001: acc = acc + x; NF1003: v = (Half)(... (float)v ...) -----
        private static void AnalyzeSimpleAssignment(OperationAnalysisContext context, FormatResolver resolver)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            IOperation target = assignment.Target;
            if (target.Type is not { SpecialType: SpecialType.None } || !LoopAnalysis.IsStorageLocation(target))
            {
                return;
            }

            NumForgeOptions options = resolver.GetOptions(assignment.Syntax.SyntaxTree);
            if (!resolver.IsLowPrecision(target.Type, options, out _))
            {
                return;
            }

            if (IsAccumulatingValue(LoopAnalysis.Strip(assignment.Value), target))
            {
                ReportAccumulation(context, assignment, target, options);
                return;
            }

            // NF1003: a loop-carried variable narrowed from float, which the loop also widens to float.
            if (assignment.Value is IConversionOperation narrowing
                && FormatResolver.IsFloatOrDouble(narrowing.Operand.Type)
                && LoopAnalysis.SymbolOf(target) is ISymbol symbol
                && target is not IFieldReferenceOperation { Instance: not null and not IInstanceReferenceOperation }
                && LoopAnalysis.FindRepetition(assignment, target, includeLambdas: false) == RepeatKind.Loop
                && FindEnclosingLoop(assignment) is IOperation body
                && WidensToFloat(body, symbol))
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.NF1003, assignment.Syntax.GetLocation(), symbol.Name, target.Type!.Name));
            }
        }

        /// <summary>Whether <paramref name="value"/> is <c>target + x</c>, <c>x + target</c> or <c>target - x</c>.</summary>
        private static bool IsAccumulatingValue(IOperation value, IOperation target)
        {
            if (value is not IBinaryOperation binary)
            {
                return false;
            }

            if (binary.OperatorKind == BinaryOperatorKind.Add)
            {
                return LoopAnalysis.SameLocation(binary.LeftOperand, target) || LoopAnalysis.SameLocation(binary.RightOperand, target);
            }

            return binary.OperatorKind == BinaryOperatorKind.Subtract && LoopAnalysis.SameLocation(binary.LeftOperand, target);
        }

        private static void ReportAccumulation(OperationAnalysisContext context, IOperation assignment, IOperation target, NumForgeOptions options)
        {
            RepeatKind repeat = LoopAnalysis.FindRepetition(assignment, target, options.IncludeLambdas);
            if (repeat == RepeatKind.None || (repeat == RepeatKind.LoopCounter && !options.IncludeLoopCounters))
            {
                return;
            }

            string name = LoopAnalysis.SymbolOf(target)?.Name ?? target.Syntax.ToString();
            string what = repeat == RepeatKind.LoopCounter
                ? "The loop counter '" + name + "' is stepped"
                : "'" + name + "' accumulates";
            var properties = target is ILocalReferenceOperation ? LocalAccumulator : OtherAccumulator;
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.NF1001, assignment.Syntax.GetLocation(), properties, what, target.Type!.Name));
        }

        private static IOperation? FindEnclosingLoop(IOperation operation)
        {
            for (IOperation? current = operation.Parent; current is not null; current = current.Parent)
            {
                if (current is ILoopOperation loop)
                {
                    return loop;
                }

                if (current is IAnonymousFunctionOperation || current is ILocalFunctionOperation)
                {
                    return null;
                }
            }

            return null;
        }

        private static bool WidensToFloat(IOperation operation, ISymbol symbol)
        {
            if (operation is IConversionOperation conversion
                && FormatResolver.IsFloatOrDouble(conversion.Type)
                && SymbolEqualityComparer.Default.Equals(LoopAnalysis.SymbolOf(conversion.Operand), symbol))
            {
                return true;
            }

            foreach (IOperation child in operation.ChildOperations)
            {
                if (WidensToFloat(child, symbol))
                {
                    return true;
                }
            }

            return false;
        }

        // ----- NF1002 (TensorPrimitives, Exp/Log/Pow/Sqrt summed) and NF1001 (Aggregate) -----
        private static void AnalyzeInvocation(OperationAnalysisContext context, FormatResolver resolver)
        {
            var invocation = (IInvocationOperation)context.Operation;
            IMethodSymbol method = invocation.TargetMethod;
            if (!method.IsStatic)
            {
                return;
            }

            string name = method.Name;
            if (IsSummedMathFunction(name))
            {
                AnalyzeMathCall(context, resolver, invocation);
            }
            else if (IsTensorReduction(name))
            {
                AnalyzeTensorReduction(context, resolver, invocation);
            }
            else if (name == "Aggregate")
            {
                AnalyzeAggregate(context, resolver, invocation);
            }
        }

        private static bool IsSummedMathFunction(string name) => name switch
        {
            "Exp" or "Exp2" or "Exp10" or "ExpM1" or "Exp2M1" or "Exp10M1" => true,
            "Log" or "Log2" or "Log10" or "LogP1" or "Log2P1" or "Log10P1" => true,
            "Pow" or "Sqrt" or "Hypot" or "RootN" => true,
            _ => false,
        };

        private static bool IsTensorReduction(string name) => name switch
        {
            "Sum" or "SumOfSquares" or "SumOfMagnitudes" or "Dot" or "Norm" or "SoftMax" => true,
            "Product" or "ProductOfSums" or "ProductOfDifferences" or "CosineSimilarity" or "Distance" => true,
            _ => false,
        };

        /// <summary>NF1002: <c>Half.Exp(x)</c> (or Log, Pow, Sqrt, ...) whose result is summed in a loop.</summary>
        private static void AnalyzeMathCall(OperationAnalysisContext context, FormatResolver resolver, IInvocationOperation invocation)
        {
            ITypeSymbol returnType = invocation.TargetMethod.ReturnType;
            if (returnType.SpecialType != SpecialType.None)
            {
                return;
            }

            NumForgeOptions options = resolver.GetOptions(invocation.Syntax.SyntaxTree);
            if (!resolver.IsLowPrecision(returnType, options, out _) || !IsSummedInLoop(invocation, options))
            {
                return;
            }

            string what = "'" + invocation.TargetMethod.ContainingType.Name + "." + invocation.TargetMethod.Name + "' is summed in a loop";
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.NF1002, invocation.Syntax.GetLocation(), MathReduction, what, returnType.Name));
        }

        /// <summary>
        /// Whether the value flows, through arithmetic and conversions, into the added operand of an accumulation
        /// (<c>acc += ...</c>, <c>acc = acc + ...</c>) that a loop repeats, or into an Aggregate lambda's sum.
        /// </summary>
        private static bool IsSummedInLoop(IOperation value, NumForgeOptions options)
        {
            IOperation previous = value;
            for (IOperation? current = value.Parent; current is not null; previous = current, current = current.Parent)
            {
                switch (current)
                {
                    case IConversionOperation:
                    case IUnaryOperation:
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Subtract or BinaryOperatorKind.Multiply or BinaryOperatorKind.Divide }:
                        continue;
                    case ICompoundAssignmentOperation compound:
                        return previous == compound.Value
                            && (compound.OperatorKind == BinaryOperatorKind.Add || compound.OperatorKind == BinaryOperatorKind.Subtract)
                            && LoopAnalysis.IsStorageLocation(compound.Target)
                            && LoopAnalysis.FindRepetition(compound, compound.Target, options.IncludeLambdas) != RepeatKind.None;
                    case ISimpleAssignmentOperation simple:
                        return previous == simple.Value
                            && LoopAnalysis.IsStorageLocation(simple.Target)
                            && IsAccumulatingValue(LoopAnalysis.Strip(simple.Value), simple.Target)
                            && LoopAnalysis.FindRepetition(simple, simple.Target, options.IncludeLambdas) != RepeatKind.None;
                    case IReturnOperation returned:
                        return FindAggregateLambda(returned) is IAnonymousFunctionOperation lambda
                            && returned.ReturnedValue is IOperation result
                            && IsAggregateSum(LoopAnalysis.Strip(result), lambda);
                    default:
                        return false;
                }
            }

            return false;
        }

        /// <summary>NF1002: TensorPrimitives.Sum, Dot, Norm, SoftMax, ... over low-precision spans.</summary>
        private static void AnalyzeTensorReduction(OperationAnalysisContext context, FormatResolver resolver, IInvocationOperation invocation)
        {
            IMethodSymbol method = invocation.TargetMethod;
            INamedTypeSymbol type = method.ContainingType;
            if (type.Name != "TensorPrimitives" || type.ContainingNamespace is not { Name: "Tensors", ContainingNamespace: { Name: "Numerics", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } })
            {
                return;
            }

            NumForgeOptions options = resolver.GetOptions(invocation.Syntax.SyntaxTree);
            ITypeSymbol? element = null;
            foreach (ITypeSymbol typeArgument in method.TypeArguments)
            {
                if (resolver.IsLowPrecision(typeArgument, options, out _))
                {
                    element = typeArgument;
                    break;
                }
            }

            if (element is null)
            {
                foreach (IParameterSymbol parameter in method.Parameters)
                {
                    if (parameter.Type is INamedTypeSymbol { Name: "ReadOnlySpan" or "Span", TypeArguments.Length: 1 } span
                        && resolver.IsLowPrecision(span.TypeArguments[0], options, out _))
                    {
                        element = span.TypeArguments[0];
                        break;
                    }
                }
            }

            if (element is null)
            {
                return;
            }

            string verb = method.Name == "SoftMax" ? "normalizes" : "reduces";
            string what = "'TensorPrimitives." + method.Name + "' " + verb;
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.NF1002, invocation.Syntax.GetLocation(), TensorReduction, what, element.Name));
        }

        /// <summary>NF1001: <c>values.Aggregate((acc, x) =&gt; acc + x)</c> with a low-precision accumulator.</summary>
        private static void AnalyzeAggregate(OperationAnalysisContext context, FormatResolver resolver, IInvocationOperation invocation)
        {
            if (!IsLinqAggregate(invocation.TargetMethod))
            {
                return;
            }

            foreach (IArgumentOperation argument in invocation.Arguments)
            {
                if (UnwrapLambda(argument.Value) is not IAnonymousFunctionOperation lambda || lambda.Symbol.Parameters.Length != 2)
                {
                    continue;
                }

                ITypeSymbol accumulatorType = lambda.Symbol.Parameters[0].Type;
                NumForgeOptions options = resolver.GetOptions(invocation.Syntax.SyntaxTree);
                if (!resolver.IsLowPrecision(accumulatorType, options, out _))
                {
                    return;
                }

                foreach (IOperation operation in lambda.Body.Descendants())
                {
                    if (operation is IReturnOperation { ReturnedValue: IOperation returned } && FindAggregateLambda(operation) == lambda
                        && LoopAnalysis.Strip(returned) is IBinaryOperation sum && IsAggregateSum(sum, lambda))
                    {
                        string what = "The Aggregate lambda accumulates '" + lambda.Symbol.Parameters[0].Name + "'";
                        context.ReportDiagnostic(Diagnostic.Create(Descriptors.NF1001, sum.Syntax.GetLocation(), OtherAccumulator, what, accumulatorType.Name));
                    }
                }

                return;
            }
        }

        private static bool IsLinqAggregate(IMethodSymbol method)
        {
            INamedTypeSymbol type = method.ContainingType;
            return (type.Name == "Enumerable" || type.Name == "ParallelEnumerable" || type.Name == "Queryable")
                && type.ContainingNamespace is { Name: "Linq", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } };
        }

        private static IOperation UnwrapLambda(IOperation value)
        {
            while (true)
            {
                switch (value)
                {
                    case IConversionOperation conversion:
                        value = conversion.Operand;
                        break;
                    case IDelegateCreationOperation creation:
                        value = creation.Target;
                        break;
                    default:
                        return value;
                }
            }
        }

        /// <summary>The Aggregate lambda that directly contains a return, or <see langword="null"/>.</summary>
        private static IAnonymousFunctionOperation? FindAggregateLambda(IOperation returned)
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
        private static bool IsAggregateSum(IOperation result, IAnonymousFunctionOperation lambda)
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

        // ----- NF1004: (Half)70000f, (Float8E4M3FN)500f, (Half)1e-9 -----
        private static void AnalyzeConversion(OperationAnalysisContext context, FormatResolver resolver)
        {
            var conversion = (IConversionOperation)context.Operation;
            ITypeSymbol? type = conversion.Type;
            if (type is not { SpecialType: SpecialType.None })
            {
                return;
            }

            Optional<object?> constant = conversion.Operand.ConstantValue;
            if (!constant.HasValue || !TryGetDouble(constant.Value, out double value))
            {
                return;
            }

            NumForgeOptions options = resolver.GetOptions(conversion.Syntax.SyntaxTree);
            if (!resolver.IsLowPrecision(type, options, out LowPrecisionFormat format))
            {
                return;
            }

            ConstantOutcome outcome;
            double rounded;
            if (format.Layout is not null)
            {
                outcome = ConstantRounding.Classify(format.Layout, value, out rounded);
            }
            else if (format.Kind == FormatKind.Posit)
            {
                outcome = ConstantRounding.ClassifyPosit(format.PositBits, format.PositExponentBits, value, out rounded);
            }
            else
            {
                return;
            }

            if (outcome == ConstantOutcome.Representable)
            {
                return;
            }

            string becomes;
            var layout = format.Layout;
            switch (outcome)
            {
                case ConstantOutcome.Infinity:
                    becomes = "overflows to " + (value < 0 ? "-infinity" : "infinity") + " (its largest finite value is " + Format(layout!.MaxValue) + ")";
                    break;
                case ConstantOutcome.NaN:
                    becomes = value < 0 && layout is { Signed: false }
                        ? "becomes NaN (the format is unsigned)"
                        : "overflows to NaN (its largest finite value is " + Format(layout!.MaxValue) + ")";
                    break;
                case ConstantOutcome.Saturated:
                    becomes = "saturates to " + Format(rounded) + ", its largest finite value";
                    break;
                default:
                    if (value < 0 && layout is { Signed: false })
                    {
                        becomes = "becomes zero (the format is unsigned)";
                    }
                    else if (!options.ReportUnderflow)
                    {
                        return;
                    }
                    else
                    {
                        becomes = "underflows to zero (its smallest positive value is " + Format(layout!.Epsilon) + ")";
                    }

                    break;
            }

            string text = constant.Value is IFormattable formattable ? formattable.ToString(null, CultureInfo.InvariantCulture) : value.ToString("R", CultureInfo.InvariantCulture);
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.NF1004, conversion.Syntax.GetLocation(), text, type.Name, becomes));
        }

        private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

        private static bool TryGetDouble(object? value, out double result)
        {
            switch (value)
            {
                case double d: result = d; return true;
                case float f: result = f; return true;
                case int i: result = i; return true;
                case long l: result = l; return true;
                case uint ui: result = ui; return true;
                case ulong ul: result = ul; return true;
                case short s: result = s; return true;
                case ushort us: result = us; return true;
                case sbyte sb: result = sb; return true;
                case byte b: result = b; return true;
                case decimal m: result = (double)m; return true;
                default: result = 0; return false;
            }
        }
    }
}
