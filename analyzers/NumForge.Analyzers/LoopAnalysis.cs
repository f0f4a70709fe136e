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
        public static RepeatKind FindRepetition(IOperation site, IOperation target, bool includeLambdas)
        {
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
                        if (!IsOnceOnlyPart(loop, previous) && IsSameOnEveryIteration(target, loop))
                        {
                            return loop is IForLoopOperation forLoop && Contains(forLoop.AtLoopBottom, previous)
                                ? RepeatKind.LoopCounter
                                : RepeatKind.Loop;
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
        /// Whether <paramref name="target"/> names the same location on every iteration of <paramref name="loop"/>:
        /// a local declared outside the loop body (a for-loop counter counts as outside), a parameter, a static or
        /// this-field, or an element whose array and indices use no variable that changes from one iteration to the next.
        /// </summary>
        private static bool IsSameOnEveryIteration(IOperation target, ILoopOperation loop)
        {
            switch (target)
            {
                case ILocalReferenceOperation local:
                    return !IsDeclaredInside(local.Local, loop.Body.Syntax.Span, loop.Syntax.SyntaxTree);
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
