using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace NumForge.Analyzers
{
    /// <summary>
    /// Follows a value through the operation tree of one method body for NF1002: is it summed in a loop, directly
    /// (<c>sum += Half.Exp(x)</c>) or after being stored in a local, field or element and read back
    /// (<c>e[i] = Half.Exp(x[i]); ... sum += e[i];</c>); and is a low-precision accumulator later fed to a square root,
    /// a logarithm or a division of every element. The walks are bounded by the method body and run only for the rare
    /// operations that start them (math calls, low-precision squares and products, square roots, divisions).
    /// </summary>
    internal static class SummedValueFlow
    {
        /// <summary>
        /// Whether the value flows, through arithmetic and conversions, into the added operand of an accumulation
        /// (<c>acc += ...</c>, <c>acc = acc + ...</c>) that a loop repeats, or into an Aggregate lambda's sum. With
        /// <paramref name="lowPrecisionSumOnly"/> the accumulator must itself be low precision.
        /// </summary>
        public static bool IsSummedInLoop(IOperation value, NumForgeOptions options, FormatResolver resolver, bool lowPrecisionSumOnly)
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
                            && (!lowPrecisionSumOnly || resolver.IsLowPrecision(compound.Target.Type, options, out _))
                            && LoopAnalysis.FindRepetition(compound, compound.Target, options.IncludeLambdas) != RepeatKind.None;
                    case ISimpleAssignmentOperation simple:
                        return previous == simple.Value
                            && LoopAnalysis.IsStorageLocation(simple.Target)
                            && IsAccumulatingValue(LoopAnalysis.Strip(simple.Value), simple.Target)
                            && (!lowPrecisionSumOnly || resolver.IsLowPrecision(simple.Target.Type, options, out _))
                            && LoopAnalysis.FindRepetition(simple, simple.Target, options.IncludeLambdas) != RepeatKind.None;
                    case IReturnOperation returned:
                        return AggregateLambdas.Find(returned) is IAnonymousFunctionOperation lambda
                            && returned.ReturnedValue is IOperation result
                            && AggregateLambdas.IsSum(LoopAnalysis.Strip(result), lambda)
                            && (!lowPrecisionSumOnly || resolver.IsLowPrecision(lambda.Symbol.Parameters[0].Type, options, out _));
                    default:
                        return false;
                }
            }

            return false;
        }

        /// <summary>Whether <paramref name="value"/> is <c>target + x</c>, <c>x + target</c> or <c>target - x</c>.</summary>
        public static bool IsAccumulatingValue(IOperation value, IOperation target)
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

        /// <summary>
        /// When the value is stored (through arithmetic and conversions) into a local, field or element, and some read
        /// of that storage in the same method body is summed in a loop, returns the storage's name; else <see langword="null"/>.
        /// </summary>
        public static string? FindStoredAndSummed(IOperation value, NumForgeOptions options, FormatResolver resolver, bool lowPrecisionSumOnly)
        {
            ISymbol? storage = null;
            bool elements = false;
            IOperation previous = value;
            for (IOperation? current = value.Parent; current is not null && storage is null; previous = current, current = current.Parent)
            {
                switch (current)
                {
                    case IConversionOperation:
                    case IUnaryOperation:
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Subtract or BinaryOperatorKind.Multiply or BinaryOperatorKind.Divide }:
                        continue;
                    case ISimpleAssignmentOperation simple when previous == simple.Value:
                        // acc = acc + value is the sum itself (the direct case), not a store.
                        storage = IsAccumulatingValue(LoopAnalysis.Strip(simple.Value), simple.Target) ? null : StorageSymbol(simple.Target, out elements);
                        break;
                    case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                        storage = declarator.Symbol;
                        break;
                    default:
                        return null;
                }

                if (storage is null)
                {
                    return null;
                }
            }

            if (storage is null)
            {
                return null;
            }

            IOperation root = Root(value);
            foreach (IOperation operation in root.Descendants())
            {
                if (IsReadOf(operation, storage, elements)
                    && IsSummedInLoop(operation, options, resolver, lowPrecisionSumOnly))
                {
                    return storage.Name;
                }
            }

            return null;
        }

        /// <summary>
        /// The low-precision local or field that a square root, logarithm or divisor reads (through arithmetic and
        /// conversions) and that the same method body accumulates in a loop that does not also contain
        /// <paramref name="consumer"/>; else <see langword="null"/>.
        /// </summary>
        public static ISymbol? FindLowPrecisionSum(IOperation operand, IOperation consumer, NumForgeOptions options, FormatResolver resolver)
        {
            ISymbol? candidate = FindLowPrecisionLeaf(operand, options, resolver, 0);
            if (candidate is null)
            {
                return null;
            }

            foreach (IOperation operation in Root(consumer).Descendants())
            {
                IOperation? target = operation switch
                {
                    ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Subtract } compound => compound.Target,
                    ISimpleAssignmentOperation simple when IsAccumulatingValue(LoopAnalysis.Strip(simple.Value), simple.Target) => simple.Target,
                    _ => null,
                };
                if (target is null || !SymbolEqualityComparer.Default.Equals(LoopAnalysis.SymbolOf(target), candidate))
                {
                    continue;
                }

                if (LoopAnalysis.FindRepetition(operation, target, false, out ILoopOperation? loop, out _) == RepeatKind.Loop
                    && loop is not null && !loop.Syntax.Span.Contains(consumer.Syntax.Span))
                {
                    return candidate;
                }
            }

            return null;
        }

        private static ISymbol? FindLowPrecisionLeaf(IOperation operand, NumForgeOptions options, FormatResolver resolver, int depth)
        {
            if (depth > 8)
            {
                return null;
            }

            switch (operand)
            {
                case IConversionOperation conversion:
                    return FindLowPrecisionLeaf(conversion.Operand, options, resolver, depth + 1);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Subtract or BinaryOperatorKind.Multiply or BinaryOperatorKind.Divide } binary:
                    return FindLowPrecisionLeaf(binary.LeftOperand, options, resolver, depth + 1)
                        ?? FindLowPrecisionLeaf(binary.RightOperand, options, resolver, depth + 1);
                case ILocalReferenceOperation:
                case IFieldReferenceOperation:
                    return resolver.IsLowPrecision(operand.Type, options, out _) ? LoopAnalysis.SymbolOf(operand) : null;
                default:
                    return null;
            }
        }

        /// <summary>The symbol behind a storage target: a local or field, or the array/span holding an element.</summary>
        private static ISymbol? StorageSymbol(IOperation target, out bool elements)
        {
            elements = false;
            switch (target)
            {
                case ILocalReferenceOperation:
                case IFieldReferenceOperation:
                    return LoopAnalysis.SymbolOf(target);
                case IArrayElementReferenceOperation element:
                    elements = true;
                    return LoopAnalysis.SymbolOf(element.ArrayReference);
                case IPropertyReferenceOperation { Property.IsIndexer: true, Instance: IOperation instance }:
                    elements = true;
                    return LoopAnalysis.SymbolOf(instance);
                default:
                    return null;
            }
        }

        private static bool IsReadOf(IOperation operation, ISymbol storage, bool elements)
        {
            ISymbol? symbol;
            if (elements)
            {
                symbol = operation switch
                {
                    IArrayElementReferenceOperation element => LoopAnalysis.SymbolOf(element.ArrayReference),
                    IPropertyReferenceOperation { Property.IsIndexer: true, Instance: IOperation instance } => LoopAnalysis.SymbolOf(instance),
                    _ => null,
                };
            }
            else
            {
                symbol = operation is ILocalReferenceOperation or IFieldReferenceOperation ? LoopAnalysis.SymbolOf(operation) : null;
            }

            if (symbol is null || !SymbolEqualityComparer.Default.Equals(symbol, storage))
            {
                return false;
            }

            return operation.Parent switch
            {
                IAssignmentOperation assignment => assignment.Target != operation,
                IIncrementOrDecrementOperation => false,
                _ => true,
            };
        }

        /// <summary>The root of the operation tree (the method body, or the field initializer).</summary>
        public static IOperation Root(IOperation operation)
        {
            while (operation.Parent is IOperation parent)
            {
                operation = parent;
            }

            return operation;
        }
    }
}
