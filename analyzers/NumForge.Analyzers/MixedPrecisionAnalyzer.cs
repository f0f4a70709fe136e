using System;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
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

        private static readonly ImmutableDictionary<string, string?> FieldAccumulator =
            ImmutableDictionary<string, string?>.Empty.Add(Descriptors.AccumulatorKindProperty, "Field");

        private static readonly ImmutableDictionary<string, string?> ElementAccumulator =
            ImmutableDictionary<string, string?>.Empty.Add(Descriptors.AccumulatorKindProperty, "Element");

        private static readonly ImmutableDictionary<string, string?> OtherAccumulator =
            ImmutableDictionary<string, string?>.Empty.Add(Descriptors.AccumulatorKindProperty, "Other");

        private static readonly ImmutableDictionary<string, string?> MathReduction =
            ImmutableDictionary<string, string?>.Empty.Add(Descriptors.ReductionKindProperty, "Math");

        private static readonly ImmutableDictionary<string, string?> ProductReduction =
            ImmutableDictionary<string, string?>.Empty.Add(Descriptors.ReductionKindProperty, "Product");

        private static readonly ImmutableDictionary<string, string?> NormalizationReduction =
            ImmutableDictionary<string, string?>.Empty.Add(Descriptors.ReductionKindProperty, "Normalization");

        private static readonly ImmutableDictionary<string, string?> TensorReduction =
            ImmutableDictionary<string, string?>.Empty.Add(Descriptors.ReductionKindProperty, "Tensor");

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
                start.RegisterOperationAction(c => AnalyzeCompoundAssignment(c, resolver), OperationKind.CompoundAssignment);
                start.RegisterOperationAction(c => AnalyzeSimpleAssignment(c, resolver), OperationKind.SimpleAssignment);
                start.RegisterOperationAction(c => AnalyzeInvocation(c, resolver), OperationKind.Invocation);
                start.RegisterOperationAction(c => AnalyzeConversion(c, resolver), OperationKind.Conversion);
                start.RegisterOperationAction(c => AnalyzeIncrement(c, resolver), OperationKind.Increment, OperationKind.Decrement);
                start.RegisterOperationAction(c => AnalyzeBinary(c, resolver), OperationKind.Binary);
            });
        }

        // ----- NF1001: acc += x, acc -= x, loop counters -----
        private static void AnalyzeCompoundAssignment(OperationAnalysisContext context, FormatResolver resolver)
        {
            var assignment = (ICompoundAssignmentOperation)context.Operation;
            if (assignment.OperatorKind == BinaryOperatorKind.Divide)
            {
                if (IsFloatingOrUnknown(assignment.Type))
                {
                    AnalyzeNormalizingDivision(context, resolver, assignment, assignment.Value);
                }

                return;
            }

            if (assignment.OperatorKind != BinaryOperatorKind.Add && assignment.OperatorKind != BinaryOperatorKind.Subtract && assignment.OperatorKind != BinaryOperatorKind.Multiply)
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

            ReportAccumulation(context, resolver, assignment, target, options, assignment.OperatorKind == BinaryOperatorKind.Multiply ? Accumulation.Product : Accumulation.Sum);
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

            IOperation value = LoopAnalysis.Strip(assignment.Value);
            if (SummedValueFlow.IsAccumulatingValue(value, target))
            {
                ReportAccumulation(context, resolver, assignment, target, options, Accumulation.Sum);
                return;
            }

            // A running product computed in the format itself; one computed in float and narrowed back is NF1003 below.
            if (value is IBinaryOperation { OperatorKind: BinaryOperatorKind.Multiply } product
                && SymbolEqualityComparer.Default.Equals(product.Type, target.Type)
                && (LoopAnalysis.SameLocation(product.LeftOperand, target) || LoopAnalysis.SameLocation(product.RightOperand, target)))
            {
                ReportAccumulation(context, resolver, assignment, target, options, Accumulation.Product);
                return;
            }

            // NF1003: a loop-carried variable (or an element every pass revisits) narrowed from float, which the loop also widens to float.
            if (assignment.Value is IConversionOperation narrowing
                && FormatResolver.IsFloatOrDouble(narrowing.Operand.Type)
                && target is not IFieldReferenceOperation { Instance: not null and not IInstanceReferenceOperation }
                && LoopAnalysis.FindRepetition(assignment, target, false, out ILoopOperation? loop, out _) == RepeatKind.Loop)
            {
                if (LoopAnalysis.SymbolOf(target) is ISymbol symbol)
                {
                    if (FindEnclosingLoop(assignment) is IOperation body && WidensToFloat(body, symbol))
                    {
                        context.ReportDiagnostic(Diagnostic.Create(Descriptors.NF1003, assignment.Syntax.GetLocation(), symbol.Name, target.Type!.Name, "a float local"));
                    }
                }
                else if (target is IArrayElementReferenceOperation element && loop is not null && WidensLocationToFloat(loop.Body, target))
                {
                    string name = LoopAnalysis.SymbolOf(element.ArrayReference)?.Name ?? element.ArrayReference.Syntax.ToString();
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.NF1003, assignment.Syntax.GetLocation(), target.Syntax.ToString(), target.Type!.Name, "a float array (a float copy of '" + name + "')"));
                }
            }
        }

        private static bool WidensLocationToFloat(IOperation operation, IOperation location)
        {
            foreach (IOperation descendant in operation.DescendantsAndSelf())
            {
                if (descendant is IConversionOperation conversion && FormatResolver.IsFloatOrDouble(conversion.Type)
                    && LoopAnalysis.SameLocation(conversion.Operand, location) && LoopAnalysis.Strip(conversion.Operand).Kind == location.Kind)
                {
                    return true;
                }
            }

            return false;
        }

        // ----- NF1001: ++ and -- on a low-precision counter that may pass the last count the format holds exactly -----
        private static void AnalyzeIncrement(OperationAnalysisContext context, FormatResolver resolver)
        {
            var increment = (IIncrementOrDecrementOperation)context.Operation;
            IOperation target = increment.Target;
            if (target.Type is not { SpecialType: SpecialType.None } || !LoopAnalysis.IsStorageLocation(target))
            {
                return;
            }

            NumForgeOptions options = resolver.GetOptions(increment.Syntax.SyntaxTree);
            if (!resolver.IsLowPrecision(target.Type, options, out LowPrecisionFormat format))
            {
                return;
            }

            RepeatKind repeat = LoopAnalysis.FindRepetition(increment, target, options.IncludeLambdas, out ILoopOperation? loop, out _);
            string op = increment.Kind == OperationKind.Increment ? "++" : "--";
            if (repeat == RepeatKind.None)
            {
                // valence[index]++ over data-chosen elements: a histogram count.
                if (LoopAnalysis.IsScatteredElement(increment, target))
                {
                    string name = NameOf(target);
                    string counted = "'" + name + "' is counted with " + op + " at a data-dependent index (a histogram)";
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.NF1001, increment.Syntax.GetLocation(), OtherAccumulator, counted, target.Type!.Name));
                }

                return;
            }

            if (repeat == RepeatKind.LoopCounter && !options.IncludeLoopCounters)
            {
                return;
            }

            double limit = format.ExactCountLimit;
            if (limit > 0 && LoopAnalysis.CountsWithin(increment, target, repeat, loop, limit))
            {
                return;
            }

            string bound = limit > 0
                ? " with no constant bound within " + Format(limit) + ", the last count " + target.Type!.Name + " holds exactly,"
                : string.Empty;
            string what = (repeat == RepeatKind.LoopCounter ? "The loop counter '" : "The counter '") + NameOf(target) + "' is stepped with " + op + bound;
            var properties = target is ILocalReferenceOperation ? LocalAccumulator : OtherAccumulator;
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.NF1001, increment.Syntax.GetLocation(), properties, what, target.Type!.Name));
        }

        private enum Accumulation
        {
            Sum,
            Product,
        }

        /// <summary>Whether the accumulation adds or subtracts exactly one: a constant 1, a static <c>One</c>, or <c>CreateChecked(1)</c>-style.</summary>
        private static bool IsUnitStep(IOperation assignment, IOperation target)
        {
            IOperation? step = assignment switch
            {
                ICompoundAssignmentOperation compound => compound.Value,
                ISimpleAssignmentOperation { Value: IOperation value } when LoopAnalysis.Strip(value) is IBinaryOperation binary =>
                    LoopAnalysis.SameLocation(binary.LeftOperand, target) ? binary.RightOperand : binary.LeftOperand,
                _ => null,
            };
            if (step is null)
            {
                return false;
            }

            step = LoopAnalysis.Strip(step);
            if (LoopAnalysis.TryGetNumber(step.ConstantValue, out double constant))
            {
                return constant == 1;
            }

            return step switch
            {
                IPropertyReferenceOperation { Property: { IsStatic: true, Name: "One" } } => true,
                IInvocationOperation { TargetMethod.Name: "CreateChecked" or "CreateSaturating" or "CreateTruncating", Arguments.Length: 1 } create =>
                    LoopAnalysis.TryGetNumber(LoopAnalysis.Strip(create.Arguments[0].Value).ConstantValue, out double one) && one == 1,
                _ => false,
            };
        }

        private static void ReportAccumulation(OperationAnalysisContext context, FormatResolver resolver, IOperation assignment, IOperation target, NumForgeOptions options, Accumulation kind)
        {
            RepeatKind repeat = LoopAnalysis.FindRepetition(assignment, target, options.IncludeLambdas, out ILoopOperation? loop, out bool invariant);
            if (repeat == RepeatKind.None ? kind != Accumulation.Sum : repeat == RepeatKind.LoopCounter && !options.IncludeLoopCounters)
            {
                return;
            }

            string what;
            ImmutableDictionary<string, string?> properties = OtherAccumulator;
            if (repeat == RepeatKind.None)
            {
                // A scatter or histogram sum: the element differs between iterations, but is chosen by data, so it is hit again and again.
                if (!LoopAnalysis.IsScatteredElement(assignment, target))
                {
                    return;
                }

                what = "'" + NameOf(target) + "' accumulates values scattered by a data-dependent index (a histogram or scatter sum)";
            }
            else if (kind == Accumulation.Product)
            {
                what = "The running product '" + NameOf(target) + "' is multiplied on every iteration, which underflows or overflows,";
            }
            else
            {
                // acc += 1 (or One, CreateChecked(1)) is a counter: quiet when it provably stays where the format counts exactly.
                if (IsUnitStep(assignment, target) && resolver.IsLowPrecision(target.Type, options, out LowPrecisionFormat format)
                    && format.ExactCountLimit > 0 && LoopAnalysis.CountsWithin(assignment, target, repeat, loop, format.ExactCountLimit))
                {
                    return;
                }

                what = repeat == RepeatKind.LoopCounter
                    ? "The loop counter '" + NameOf(target) + "' is stepped"
                    : "'" + NameOf(target) + "' accumulates";
                properties = target switch
                {
                    ILocalReferenceOperation => LocalAccumulator,
                    IFieldReferenceOperation when invariant && repeat == RepeatKind.Loop => FieldAccumulator,
                    IArrayElementReferenceOperation or IPropertyReferenceOperation { Property.IsIndexer: true } when invariant && repeat == RepeatKind.Loop => ElementAccumulator,
                    _ => OtherAccumulator,
                };
            }

            context.ReportDiagnostic(Diagnostic.Create(Descriptors.NF1001, assignment.Syntax.GetLocation(), properties, what, target.Type!.Name));
        }

        /// <summary>The name a message uses for an accumulation target: its variable, else its source text.</summary>
        private static string NameOf(IOperation target) => LoopAnalysis.SymbolOf(target)?.Name ?? target.Syntax.ToString();

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
            if (IsNormalizingFunction(name))
            {
                AnalyzeNormalizingCall(context, resolver, invocation);
            }

            if (IsSummedMathFunction(name))
            {
                AnalyzeMathCall(context, resolver, invocation);
            }
            else if (name is "CreateChecked" or "CreateSaturating" or "CreateTruncating")
            {
                AnalyzeIntegerCreate(context, resolver, invocation);
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
            if (!resolver.IsLowPrecision(returnType, options, out _))
            {
                return;
            }

            string function = "'" + invocation.TargetMethod.ContainingType.Name + "." + invocation.TargetMethod.Name + "'";
            string what;
            if (SummedValueFlow.IsSummedInLoop(invocation, options, resolver, lowPrecisionSumOnly: false))
            {
                what = function + " is summed in a loop";
            }
            else if (SummedValueFlow.FindStoredAndSummed(invocation, options, resolver, lowPrecisionSumOnly: false) is string storage)
            {
                what = function + " is stored in '" + storage + "' and then summed in a loop";
            }
            else
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(Descriptors.NF1002, invocation.Syntax.GetLocation(), MathReduction, what, returnType.Name));
        }

        private static bool IsNormalizingFunction(string name) => name switch
        {
            "Sqrt" or "ReciprocalSqrtEstimate" or "Log" or "Log2" or "Log10" or "LogP1" => true,
            _ => false,
        };

        /// <summary>NF1002: a low-precision sum fed to a square root or a logarithm (a norm, standard deviation or log-sum-exp).</summary>
        private static void AnalyzeNormalizingCall(OperationAnalysisContext context, FormatResolver resolver, IInvocationOperation invocation)
        {
            if (invocation.Arguments.Length == 0)
            {
                return;
            }

            NumForgeOptions options = resolver.GetOptions(invocation.Syntax.SyntaxTree);
            if (SummedValueFlow.FindLowPrecisionSum(invocation.Arguments[0].Value, invocation, options, resolver) is not ISymbol sum)
            {
                return;
            }

            string kind = invocation.TargetMethod.Name.StartsWith("Log", StringComparison.Ordinal) ? "(a log-sum-exp)" : "(a norm or standard deviation)";
            string what = "The sum '" + sum.Name + "' feeds '" + invocation.TargetMethod.ContainingType.Name + "." + invocation.TargetMethod.Name + "' " + kind + " and is accumulated";
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.NF1002, invocation.Syntax.GetLocation(), NormalizationReduction, what, TypeOf(sum).Name));
        }

        /// <summary>NF1002: every element divided, in a loop, by a sum accumulated in low precision (a normalization).</summary>
        private static void AnalyzeNormalizingDivision(OperationAnalysisContext context, FormatResolver resolver, IOperation division, IOperation divisor)
        {
            if (FindEnclosingLoop(division) is null)
            {
                return;
            }

            NumForgeOptions options = resolver.GetOptions(division.Syntax.SyntaxTree);
            if (SummedValueFlow.FindLowPrecisionSum(divisor, division, options, resolver) is not ISymbol sum)
            {
                return;
            }

            string what = "The sum '" + sum.Name + "' divides every element (a normalization) and is accumulated";
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.NF1002, division.Syntax.GetLocation(), NormalizationReduction, what, TypeOf(sum).Name));
        }

        /// <summary>
        /// Whether a division can normalize: float, double or a non-built-in type (Half, a NumForge format). Integer,
        /// decimal and other built-in divisions are skipped before any walk.
        /// </summary>
        private static bool IsFloatingOrUnknown(ITypeSymbol? type) =>
            type is not null && (type.SpecialType is SpecialType.None or SpecialType.System_Single or SpecialType.System_Double);

        private static ITypeSymbol TypeOf(ISymbol symbol) => symbol switch
        {
            ILocalSymbol local => local.Type,
            IFieldSymbol field => field.Type,
            IParameterSymbol parameter => parameter.Type,
            _ => throw new ArgumentException("not a variable", nameof(symbol)),
        };

        // ----- NF1002: low-precision squares (and stored products) that are summed; NF1002: divisions by a low-precision sum -----
        private static void AnalyzeBinary(OperationAnalysisContext context, FormatResolver resolver)
        {
            var binary = (IBinaryOperation)context.Operation;
            if (binary.OperatorKind == BinaryOperatorKind.Divide)
            {
                if (IsFloatingOrUnknown(binary.Type))
                {
                    AnalyzeNormalizingDivision(context, resolver, binary, binary.RightOperand);
                }

                return;
            }

            if (binary.OperatorKind != BinaryOperatorKind.Multiply || binary.Type is not { SpecialType: SpecialType.None })
            {
                return;
            }

            NumForgeOptions options = resolver.GetOptions(binary.Syntax.SyntaxTree);
            if (!resolver.IsLowPrecision(binary.Type, options, out _))
            {
                return;
            }

            // A square overflows first (Half: from 256); a product of two values only counts when stored and summed in low precision.
            bool square = SyntaxFactory.AreEquivalent(LoopAnalysis.Strip(binary.LeftOperand).Syntax, LoopAnalysis.Strip(binary.RightOperand).Syntax);
            string what;
            if (square && SummedValueFlow.IsSummedInLoop(binary, options, resolver, lowPrecisionSumOnly: false))
            {
                what = "The square '" + binary.Syntax.ToString() + "' is summed in a loop";
            }
            else if (SummedValueFlow.FindStoredAndSummed(binary, options, resolver, lowPrecisionSumOnly: !square) is string storage)
            {
                what = (square ? "The square '" : "The product '") + binary.Syntax.ToString() + "' is stored in '" + storage + "' and then summed in a loop";
            }
            else
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(Descriptors.NF1002, binary.Syntax.GetLocation(), ProductReduction, what, binary.Type.Name));
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
            if (!AggregateLambdas.IsLinqAggregate(invocation.TargetMethod))
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
                    if (operation is IReturnOperation { ReturnedValue: IOperation returned } && AggregateLambdas.Find(operation) == lambda
                        && LoopAnalysis.Strip(returned) is IBinaryOperation sum && AggregateLambdas.IsSum(sum, lambda))
                    {
                        string what = "The Aggregate lambda accumulates '" + lambda.Symbol.Parameters[0].Name + "'";
                        context.ReportDiagnostic(Diagnostic.Create(Descriptors.NF1001, sum.Syntax.GetLocation(), OtherAccumulator, what, accumulatorType.Name));
                    }
                }

                return;
            }
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

            if (format.Kind == FormatKind.Integer)
            {
                if (format.IntegerBits > 0 && TryGetInteger(constant.Value, out long integer) && (integer < format.IntegerMin || integer > format.IntegerMax))
                {
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.NF1004, conversion.Syntax.GetLocation(), Invariant(integer), type.Name, "becomes " + Invariant(Wrap(integer, format)) + " (it wraps; " + type.Name + " holds " + Invariant(format.IntegerMin) + " to " + Invariant(format.IntegerMax) + ")"));
                }

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

        /// <summary>NF1004 for integer formats: <c>UInt2.CreateChecked(5)</c> throws, CreateSaturating clamps, CreateTruncating wraps.</summary>
        private static void AnalyzeIntegerCreate(OperationAnalysisContext context, FormatResolver resolver, IInvocationOperation invocation)
        {
            ITypeSymbol type = invocation.TargetMethod.ContainingType;
            if (invocation.Arguments.Length != 1 || !SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ReturnType, type)
                || !TryGetInteger(LoopAnalysis.Strip(invocation.Arguments[0].Value).ConstantValue is { HasValue: true } c ? c.Value : null, out long integer))
            {
                return;
            }

            NumForgeOptions options = resolver.GetOptions(invocation.Syntax.SyntaxTree);
            if (!resolver.IsLowPrecision(type, options, out LowPrecisionFormat format) || format.Kind != FormatKind.Integer || format.IntegerBits == 0
                || (integer >= format.IntegerMin && integer <= format.IntegerMax))
            {
                return;
            }

            string range = type.Name + " holds " + Invariant(format.IntegerMin) + " to " + Invariant(format.IntegerMax);
            string becomes = invocation.TargetMethod.Name switch
            {
                "CreateChecked" => "throws OverflowException (" + range + ")",
                "CreateSaturating" => "saturates to " + Invariant(integer < format.IntegerMin ? format.IntegerMin : format.IntegerMax) + " (" + range + ")",
                _ => "becomes " + Invariant(Wrap(integer, format)) + " (it wraps; " + range + ")",
            };
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.NF1004, invocation.Syntax.GetLocation(), Invariant(integer), type.Name, becomes));
        }

        /// <summary>The value modulo 2^bits, read back as the format's signed or unsigned integer.</summary>
        private static long Wrap(long value, LowPrecisionFormat format)
        {
            long modulus = 1L << format.IntegerBits;
            long wrapped = ((value % modulus) + modulus) % modulus;
            return format.IntegerSigned && wrapped > format.IntegerMax ? wrapped - modulus : wrapped;
        }

        private static bool TryGetInteger(object? value, out long result)
        {
            switch (value)
            {
                case int i: result = i; return true;
                case long l: result = l; return true;
                case uint ui: result = ui; return true;
                case short s: result = s; return true;
                case ushort us: result = us; return true;
                case sbyte sb: result = sb; return true;
                case byte b: result = b; return true;
                case ulong ul when ul <= long.MaxValue: result = (long)ul; return true;
                default: result = 0; return false;
            }
        }

        private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);

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
