using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace NumForge.Analyzers
{
    /// <summary>Where an accumulation site sits relative to the loops (or lambda) that repeat it.</summary>
    internal enum RepeatKind
    {
        /// <summary>Not repeated: outside any loop, or the target is fresh on every iteration.</summary>
        None,

        /// <summary>In a loop body (or condition), into a location that is the same on every iteration.</summary>
        Loop,

        /// <summary>In the increment part of a <c>for</c> loop: a loop counter.</summary>
        LoopCounter,

        /// <summary>In a lambda or local function, into a captured location (only with <c>numforge.nf1001.include_lambdas</c>).</summary>
        Lambda,
    }

    /// <summary>
    /// Operation-tree helpers: is a site repeated by a loop, is the target the same location on every iteration,
    /// do two references name the same location. None allocates; the walks are bounded by the enclosing loop.
    /// </summary>
    internal static class LoopAnalysis
    {
        /// <summary>Strips conversions (C# has no parenthesized operations).</summary>
        public static IOperation Strip(IOperation operation)
        {
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            return operation;
        }

        /// <summary>Whether the operation is a location that can accumulate: a local, parameter, field, array, span or inline-array element, or a property.</summary>
        public static bool IsStorageLocation(IOperation target) => target.Kind switch
        {
            OperationKind.LocalReference => true,
            OperationKind.ParameterReference => true,
            OperationKind.FieldReference => true,
            OperationKind.ArrayElementReference => true,
            OperationKind.PropertyReference => true,
            OperationKind.InlineArrayAccess => true,
            _ => false,
        };

        /// <summary>
        /// Finds how <paramref name="site"/> (an assignment into <paramref name="target"/>) is repeated: by an enclosing
        /// loop (innermost first) across whose iterations the target is the same location, or by a lambda when
        /// <paramref name="includeLambdas"/> is set and the target is captured.
        /// </summary>
        public static RepeatKind FindRepetition(IOperation site, IOperation target, bool includeLambdas) => FindRepetition(site, target, includeLambdas, out _, out _);

        /// <summary>
        /// As <see cref="FindRepetition(IOperation, IOperation, bool)"/>, also giving the loop that repeats the site and
        /// whether the target is the same location on every iteration of it (<paramref name="invariant"/>) or an element
        /// that a nested loop sweeps again on every iteration (<c>for k { for j { c[i, j] += ... } }</c>).
        /// </summary>
        public static RepeatKind FindRepetition(IOperation site, IOperation target, bool includeLambdas, out ILoopOperation? repeatingLoop, out bool invariant)
        {
            repeatingLoop = null;
            invariant = false;
            IOperation previous = site;
            IOperation? current = site.Parent;
            while (current is not null)
            {
                switch (current)
                {
                    case IAnonymousFunctionOperation:
                    case ILocalFunctionOperation:
                        return includeLambdas && IsCapturedFrom(target, current.Syntax.Span) ? RepeatKind.Lambda : RepeatKind.None;
                    case ILoopOperation loop:
                        if (IsOnceOnlyPart(loop, previous))
                        {
                            break;
                        }

                        if (IsSameOnEveryIteration(target, loop))
                        {
                            repeatingLoop = loop;
                            invariant = true;
                            return loop is IForLoopOperation forLoop && Contains(forLoop.AtLoopBottom, previous)
                                ? RepeatKind.LoopCounter
                                : RepeatKind.Loop;
                        }

                        if (IsSweptAgain(target, loop, site))
                        {
                            repeatingLoop = loop;
                            return RepeatKind.Loop;
                        }

                        break;
                }

                previous = current;
                current = current.Parent;
            }

            return RepeatKind.None;
        }

        /// <summary>Whether two operations refer to the same storage location (same symbol, same instance, same indices).</summary>
        public static bool SameLocation(IOperation a, IOperation b)
        {
            a = Strip(a);
            b = Strip(b);
            switch (a)
            {
                case ILocalReferenceOperation la:
                    return b is ILocalReferenceOperation lb && SymbolEqualityComparer.Default.Equals(la.Local, lb.Local);
                case IParameterReferenceOperation pa:
                    return b is IParameterReferenceOperation pb && SymbolEqualityComparer.Default.Equals(pa.Parameter, pb.Parameter);
                case IFieldReferenceOperation fa:
                    return b is IFieldReferenceOperation fb && SymbolEqualityComparer.Default.Equals(fa.Field, fb.Field) && SameInstance(fa.Instance, fb.Instance);
                case IArrayElementReferenceOperation ea:
                    if (b is not IArrayElementReferenceOperation eb || ea.Indices.Length != eb.Indices.Length || !SameLocation(ea.ArrayReference, eb.ArrayReference))
                    {
                        return false;
                    }

                    for (int i = 0; i < ea.Indices.Length; i++)
                    {
                        if (!SyntaxFactory.AreEquivalent(ea.Indices[i].Syntax, eb.Indices[i].Syntax))
                        {
                            return false;
                        }
                    }

                    return true;
                case IPropertyReferenceOperation pra:
                    if (b is not IPropertyReferenceOperation prb || !SymbolEqualityComparer.Default.Equals(pra.Property, prb.Property) || !SameInstance(pra.Instance, prb.Instance) || pra.Arguments.Length != prb.Arguments.Length)
                    {
                        return false;
                    }

                    for (int i = 0; i < pra.Arguments.Length; i++)
                    {
                        if (!SyntaxFactory.AreEquivalent(pra.Arguments[i].Value.Syntax, prb.Arguments[i].Value.Syntax))
                        {
                            return false;
                        }
                    }

                    return true;
                case IInlineArrayAccessOperation ia:
                    return b is IInlineArrayAccessOperation ib && SameLocation(ia.Instance, ib.Instance) && SyntaxFactory.AreEquivalent(ia.Argument.Syntax, ib.Argument.Syntax);
                default:
                    return false;
            }
        }

        /// <summary>Whether the operation reads (or is) the local, parameter or field that <paramref name="location"/> names.</summary>
        public static bool ReferencesSymbolOf(IOperation operation, IOperation location)
        {
            ISymbol? symbol = SymbolOf(location);
            return symbol is not null && ReferencesSymbol(operation, symbol);
        }

        /// <summary>The local, parameter or field a location names, else <see langword="null"/>.</summary>
        public static ISymbol? SymbolOf(IOperation location) => Strip(location) switch
        {
            ILocalReferenceOperation l => l.Local,
            IParameterReferenceOperation p => p.Parameter,
            IFieldReferenceOperation f => f.Field,
            _ => null,
        };

        private static bool ReferencesSymbol(IOperation operation, ISymbol symbol)
        {
            if (SymbolEqualityComparer.Default.Equals(SymbolOf(operation), symbol))
            {
                return true;
            }

            foreach (IOperation child in operation.ChildOperations)
            {
                if (ReferencesSymbol(child, symbol))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool SameInstance(IOperation? a, IOperation? b)
        {
            if (a is null || b is null)
            {
                return a is null && b is null;
            }

            if (a is IInstanceReferenceOperation && b is IInstanceReferenceOperation)
            {
                return true;
            }

            return SameLocation(a, b);
        }

        private static bool Contains(System.Collections.Immutable.ImmutableArray<IOperation> operations, IOperation operation)
        {
            foreach (IOperation item in operations)
            {
                if (item == operation)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Parts of a loop that run once, not per iteration: a for loop's initializers, a foreach collection.</summary>
        private static bool IsOnceOnlyPart(ILoopOperation loop, IOperation child) => loop switch
        {
            IForLoopOperation forLoop => Contains(forLoop.Before, child),
            IForEachLoopOperation forEach => child == forEach.Collection || child == forEach.LoopControlVariable,
            _ => false,
        };

        /// <summary>
        /// Whether a <c>++</c>/<c>--</c> counter provably stays within <paramref name="limit"/> counts: a for-loop counter
        /// compared with a constant no larger than the limit, or a local counter in the body of loops (up to its
        /// declaration) that all run a constant number of times whose product is within the limit.
        /// </summary>
        public static bool CountsWithin(IOperation increment, IOperation target, RepeatKind repeat, ILoopOperation? loop, double limit)
        {
            if (repeat == RepeatKind.LoopCounter)
            {
                return loop is IForLoopOperation { Condition: IBinaryOperation condition }
                    && TryConstantBound(condition, target, out double bound, out bool inclusive)
                    && System.Math.Abs(bound) + (inclusive ? 1 : 0) <= limit;
            }

            if (target is not ILocalReferenceOperation counter)
            {
                // A field or parameter keeps counting across calls.
                return false;
            }

            double trips = 1;
            for (IOperation? current = increment.Parent; current is not null; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation || current is ILocalFunctionOperation)
                {
                    break;
                }

                if (current is ILoopOperation enclosing)
                {
                    if (IsDeclaredInside(counter.Local, enclosing.Syntax.Span, enclosing.Syntax.SyntaxTree))
                    {
                        break;
                    }

                    if (!TryTripCount(enclosing, out double count))
                    {
                        return false;
                    }

                    trips *= count;
                }
            }

            return trips <= limit;
        }

        /// <summary>The constant that a comparison holds <paramref name="counter"/> against.</summary>
        private static bool TryConstantBound(IBinaryOperation condition, IOperation counter, out double bound, out bool inclusive)
        {
            bound = 0;
            inclusive = condition.OperatorKind is BinaryOperatorKind.LessThanOrEqual or BinaryOperatorKind.GreaterThanOrEqual;
            if (condition.OperatorKind is not (BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual or BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual or BinaryOperatorKind.NotEquals))
            {
                return false;
            }

            IOperation other;
            if (SameLocation(condition.LeftOperand, counter))
            {
                other = condition.RightOperand;
            }
            else if (SameLocation(condition.RightOperand, counter))
            {
                other = condition.LeftOperand;
            }
            else
            {
                return false;
            }

            return TryGetNumber(Strip(other).ConstantValue, out bound);
        }

        /// <summary>The number of iterations of <c>for (int i = c0; i &lt; c1; i++)</c> (or <c>&lt;=</c>, <c>i += 1</c>) with constant bounds.</summary>
        private static bool TryTripCount(ILoopOperation loop, out double count)
        {
            count = 0;
            if (loop is not IForLoopOperation { Condition: IBinaryOperation condition } forLoop || forLoop.Before.Length != 1 || forLoop.AtLoopBottom.Length != 1
                || forLoop.Before[0] is not IVariableDeclarationGroupOperation { Declarations.Length: 1 } group
                || group.Declarations[0].Declarators.Length != 1
                || group.Declarations[0].Declarators[0] is not { Initializer.Value: IOperation start } declarator
                || !TryGetNumber(start.ConstantValue, out double first))
            {
                return false;
            }

            IOperation step = forLoop.AtLoopBottom[0] is IExpressionStatementOperation statement ? statement.Operation : forLoop.AtLoopBottom[0];
            bool unitStep = step switch
            {
                IIncrementOrDecrementOperation { Kind: OperationKind.Increment, Target: ILocalReferenceOperation l } => SymbolEqualityComparer.Default.Equals(l.Local, declarator.Symbol),
                ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add, Target: ILocalReferenceOperation l, Value.ConstantValue: { HasValue: true, Value: 1 } } => SymbolEqualityComparer.Default.Equals(l.Local, declarator.Symbol),
                _ => false,
            };
            if (!unitStep || condition.OperatorKind is not (BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual)
                || Strip(condition.LeftOperand) is not ILocalReferenceOperation counter || !SymbolEqualityComparer.Default.Equals(counter.Local, declarator.Symbol)
                || !TryGetNumber(Strip(condition.RightOperand).ConstantValue, out double last))
            {
                return false;
            }

            count = System.Math.Max(0, last - first + (condition.OperatorKind == BinaryOperatorKind.LessThanOrEqual ? 1 : 0));
            return true;
        }

        /// <summary>A numeric constant as a double.</summary>
        public static bool TryGetNumber(Optional<object?> constant, out double result)
        {
            result = 0;
            if (!constant.HasValue)
            {
                return false;
            }

            switch (constant.Value)
            {
                case double d: result = d; return true;
                case float f: result = f; return true;
                case int i: result = i; return true;
                case long l: result = l; return true;
                case uint ui: result = ui; return true;
                case ulong ul: result = ul; return true;
                case short sh: result = sh; return true;
                case ushort us: result = us; return true;
                case sbyte sb: result = sb; return true;
                case byte b: result = b; return true;
                case decimal m: result = (double)m; return true;
                default: return false;
            }
        }

        /// <summary>
        /// Whether an element target is visited again on every iteration of <paramref name="loop"/>: each variable of
        /// its array and indices is either unchanged by the loop or the counter of a loop nested in it (around the
        /// site) that sweeps the same elements on each pass, as in <c>for (k) for (j) c[i, j] += a[i, k] * b[k, j]</c>.
        /// </summary>
        private static bool IsSweptAgain(IOperation target, ILoopOperation loop, IOperation site)
        {
            if (target is not (IArrayElementReferenceOperation or IPropertyReferenceOperation { Property.IsIndexer: true } or IInlineArrayAccessOperation))
            {
                return false;
            }

            bool sweptByNested = false;
            foreach (IOperation operation in target.DescendantsAndSelf())
            {
                if (operation is not ILocalReferenceOperation local || !IsIterationVariable(local.Local, loop))
                {
                    continue;
                }

                if (!IsCounterOfNestedLoop(local.Local, loop, site))
                {
                    return false;
                }

                sweptByNested = true;
            }

            return sweptByNested;
        }

        /// <summary>Whether the local is declared by the header of a loop between <paramref name="site"/> and <paramref name="outer"/>.</summary>
        private static bool IsCounterOfNestedLoop(ILocalSymbol local, ILoopOperation outer, IOperation site)
        {
            for (IOperation? current = site.Parent; current is not null && current != outer; current = current.Parent)
            {
                if (current is ILoopOperation nested && nested.Locals.Contains(local, SymbolEqualityComparer.Default) && !IsDeclaredInside(local, nested.Body.Syntax.Span, nested.Syntax.SyntaxTree))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Whether an element target that differs between iterations of the innermost loop around <paramref name="site"/>
        /// is chosen by data rather than by the loop counter alone: an index that reads an array or collection element,
        /// calls a method, converts a floating-point value, or divides, masks or shifts (many iterations map to one
        /// element), directly or through a local set once in the loop body. This is a scatter or histogram sum.
        /// </summary>
        public static bool IsScatteredElement(IOperation site, IOperation target)
        {
            ILoopOperation? loop = null;
            for (IOperation? current = site.Parent; current is not null; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation || current is ILocalFunctionOperation)
                {
                    return false;
                }

                if (current is ILoopOperation found)
                {
                    loop = found;
                    break;
                }
            }

            if (loop is null)
            {
                return false;
            }

            switch (target)
            {
                case IArrayElementReferenceOperation element:
                    foreach (IOperation index in element.Indices)
                    {
                        if (IsManyToOneIndex(index, loop, 0))
                        {
                            return true;
                        }
                    }

                    return false;
                case IPropertyReferenceOperation { Property.IsIndexer: true } indexer:
                    foreach (IArgumentOperation argument in indexer.Arguments)
                    {
                        if (IsManyToOneIndex(argument.Value, loop, 0))
                        {
                            return true;
                        }
                    }

                    return false;
                default:
                    return false;
            }
        }

        private static bool IsManyToOneIndex(IOperation index, ILoopOperation loop, int depth)
        {
            foreach (IOperation operation in index.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case IArrayElementReferenceOperation:
                    case IInvocationOperation:
                    case IPropertyReferenceOperation { Property.IsIndexer: true }:
                        if (UsesIterationVariable(operation, loop))
                        {
                            return true;
                        }

                        break;
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.Divide or BinaryOperatorKind.Remainder or BinaryOperatorKind.RightShift or BinaryOperatorKind.UnsignedRightShift or BinaryOperatorKind.And } binary:
                        if (UsesIterationVariable(binary, loop))
                        {
                            return true;
                        }

                        break;
                    case IConversionOperation conversion when conversion.Operand.Type is { SpecialType: SpecialType.System_Single or SpecialType.System_Double or SpecialType.None }
                        && conversion.Operand.Type.TypeKind == TypeKind.Struct:
                        if (UsesIterationVariable(conversion, loop))
                        {
                            return true;
                        }

                        break;
                    case ILocalReferenceOperation local when loop is IForEachLoopOperation forEach && forEach.Locals.Contains(local.Local, SymbolEqualityComparer.Default)
                        && Strip(forEach.Collection) is not (IArrayCreationOperation or IInvocationOperation { TargetMethod.Name: "Range" }):
                        // foreach (int index in indices) counts[index]++: the elements are chosen by the data.
                        return true;
                    case ILocalReferenceOperation local when depth == 0 && IsDeclaredInside(local.Local, loop.Body.Syntax.Span, loop.Syntax.SyntaxTree):
                        if (SingleInitializer(local.Local, loop.Body) is IOperation initializer && IsManyToOneIndex(initializer, loop, depth + 1))
                        {
                            return true;
                        }

                        break;
                }
            }

            return false;
        }

        /// <summary>The initializer of a local declared in <paramref name="body"/> and never assigned again, else <see langword="null"/>.</summary>
        private static IOperation? SingleInitializer(ILocalSymbol local, IOperation body)
        {
            IOperation? initializer = null;
            foreach (IOperation operation in body.Descendants())
            {
                if (operation is IVariableDeclaratorOperation declarator && SymbolEqualityComparer.Default.Equals(declarator.Symbol, local))
                {
                    initializer = declarator.Initializer?.Value;
                }
                else if (IsWriteTo(operation, local))
                {
                    return null;
                }
            }

            return initializer;
        }

        private static bool IsWriteTo(IOperation operation, ILocalSymbol local) => operation switch
        {
            IAssignmentOperation assignment => assignment.Target is ILocalReferenceOperation l && SymbolEqualityComparer.Default.Equals(l.Local, local),
            IIncrementOrDecrementOperation increment => increment.Target is ILocalReferenceOperation l && SymbolEqualityComparer.Default.Equals(l.Local, local),
            _ => false,
        };

        /// <summary>
        /// Whether <paramref name="target"/> names the same location on every iteration of <paramref name="loop"/>:
        /// a local declared outside the loop body (a for-loop counter counts as outside), a parameter, a static or
        /// this-field, or an element whose array and indices use no variable that changes from one iteration to the next.
        /// </summary>
        private static bool IsSameOnEveryIteration(IOperation target, ILoopOperation loop)
        {
            switch (target)
            {
                case ILocalReferenceOperation local:
                    // A foreach variable is a different value (or, with ref, a different element) on every iteration.
                    return !IsDeclaredInside(local.Local, loop.Body.Syntax.Span, loop.Syntax.SyntaxTree)
                        && !(loop is IForEachLoopOperation && loop.Locals.Contains(local.Local, SymbolEqualityComparer.Default));
                case IParameterReferenceOperation:
                    return true;
                default:
                    return !UsesIterationVariable(target, loop);
            }
        }

        private static bool UsesIterationVariable(IOperation operation, ILoopOperation loop)
        {
            if (operation is ILocalReferenceOperation local && IsIterationVariable(local.Local, loop))
            {
                return true;
            }

            foreach (IOperation child in operation.ChildOperations)
            {
                if (UsesIterationVariable(child, loop))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// A local whose value differs between iterations: declared anywhere in the loop (header or body), read by the
        /// loop condition, or written in the loop (increment part or body).
        /// </summary>
        private static bool IsIterationVariable(ILocalSymbol local, ILoopOperation loop)
        {
            if (IsDeclaredInside(local, loop.Syntax.Span, loop.Syntax.SyntaxTree))
            {
                return true;
            }

            IOperation? condition = loop switch
            {
                IForLoopOperation f => f.Condition,
                IWhileLoopOperation w => w.Condition,
                _ => null,
            };
            if (condition is not null && ReferencesSymbol(condition, local))
            {
                return true;
            }

            return IsWrittenIn(loop, local);
        }

        private static bool IsWrittenIn(IOperation operation, ILocalSymbol local)
        {
            switch (operation)
            {
                case IAssignmentOperation assignment when assignment.Target is ILocalReferenceOperation l && SymbolEqualityComparer.Default.Equals(l.Local, local):
                    return true;
                case IIncrementOrDecrementOperation increment when increment.Target is ILocalReferenceOperation l && SymbolEqualityComparer.Default.Equals(l.Local, local):
                    return true;
            }

            foreach (IOperation child in operation.ChildOperations)
            {
                if (IsWrittenIn(child, local))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsDeclaredInside(ILocalSymbol local, TextSpan span, SyntaxTree tree)
        {
            foreach (SyntaxReference reference in local.DeclaringSyntaxReferences)
            {
                if (reference.SyntaxTree == tree && span.Contains(reference.Span))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether a lambda (spanning <paramref name="lambdaSpan"/>) writes to a location that outlives a call of it.</summary>
        private static bool IsCapturedFrom(IOperation target, TextSpan lambdaSpan)
        {
            switch (target)
            {
                case ILocalReferenceOperation local:
                    return !IsDeclaredInside(local.Local, lambdaSpan, target.Syntax.SyntaxTree);
                case IParameterReferenceOperation parameter:
                    foreach (SyntaxReference reference in parameter.Parameter.DeclaringSyntaxReferences)
                    {
                        if (lambdaSpan.Contains(reference.Span))
                        {
                            return false;
                        }
                    }

                    return true;
                case IFieldReferenceOperation field:
                    return field.Instance is null || field.Instance is IInstanceReferenceOperation;
                default:
                    return false;
            }
        }
    }
}
