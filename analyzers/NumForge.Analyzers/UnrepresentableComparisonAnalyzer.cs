using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using NumForge.CompilerServices;

namespace NumForge.Analyzers
{
    /// <summary>
    /// NF1005: a low-precision value widened to float or double and compared with a constant its format cannot
    /// represent: <c>(float)h == 0.1f</c> is never true (Half holds 0.0999755859375, not 0.1), and
    /// <c>(float)h &gt; 70000f</c> is false for every finite Half. Ordering comparisons with an in-range constant are a
    /// well-defined threshold and stay quiet.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class UnrepresentableComparisonAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc/>
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.NF1005);

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
                start.RegisterOperationAction(c => Analyze(c, resolver), OperationKind.Binary);
            });
        }

        private static void Analyze(OperationAnalysisContext context, FormatResolver resolver)
        {
            var comparison = (IBinaryOperation)context.Operation;
            BinaryOperatorKind op = comparison.OperatorKind;
            if (op is not (BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals or BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual or BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual))
            {
                return;
            }

            // Orient as (widened low-precision value) op (constant).
            IOperation? widened = Widened(comparison.LeftOperand);
            IOperation constantSide = comparison.RightOperand;
            if (widened is null)
            {
                widened = Widened(comparison.RightOperand);
                constantSide = comparison.LeftOperand;
                op = Flip(op);
            }

            if (widened is null || !LoopAnalysis.TryGetNumber(constantSide.ConstantValue, out double constant)
                || double.IsNaN(constant) || double.IsInfinity(constant))
            {
                return;
            }

            NumForgeOptions options = resolver.GetOptions(comparison.Syntax.SyntaxTree);
            if (!resolver.IsLowPrecision(widened.Type, options, out LowPrecisionFormat format) || format.Layout is not FloatLayout layout)
            {
                return;
            }

            ConstantOutcome outcome = ConstantRounding.Classify(layout, constant, out double rounded);
            if (outcome == ConstantOutcome.Representable && rounded == constant)
            {
                return;
            }

            string type = widened.Type!.Name;
            string text = constantSide.ConstantValue.Value is System.IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : Format(constant);
            string becomes = type + " rounds it to " + Becomes(outcome, rounded);
            string verdict;
            string why;
            if (op is BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals)
            {
                verdict = op == BinaryOperatorKind.Equals ? "is never true" : "is always true";
                why = text + " is not a " + type + " value (" + becomes + ")";
            }
            else
            {
                double highest = layout.MaxValue;
                double lowest = layout.Signed ? -layout.MaxValue : (layout.HasZero ? 0 : layout.MinNormal);
                bool above = constant > highest;
                bool below = constant < lowest;
                if (!above && !below)
                {
                    return;
                }

                bool lessThan = op is BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual;
                bool alwaysTrue = above == lessThan;
                verdict = layout.HasInfinity || layout.HasNaN
                    ? (alwaysTrue ? "is true for every finite value" : "is false for every finite value")
                    : (alwaysTrue ? "is always true" : "is never true");
                why = text + (above ? " is above the largest " : " is below the smallest ") + type + ", " + Format(above ? highest : lowest) + " (" + becomes + ")";
            }

            context.ReportDiagnostic(Diagnostic.Create(Descriptors.NF1005, comparison.Syntax.GetLocation(), comparison.Syntax.ToString(), verdict, why));
        }

        /// <summary>The low-precision operand of a widening to float or double, else <see langword="null"/>.</summary>
        private static IOperation? Widened(IOperation operand)
        {
            // (float)h compared with a double constant arrives as double((float)h).
            while (operand is IConversionOperation { IsImplicit: true } outer && FormatResolver.IsFloatOrDouble(outer.Type) && FormatResolver.IsFloatOrDouble(outer.Operand.Type))
            {
                operand = outer.Operand;
            }

            if (operand is IConversionOperation conversion && FormatResolver.IsFloatOrDouble(conversion.Type)
                && conversion.Operand.Type is { SpecialType: SpecialType.None, TypeKind: TypeKind.Struct })
            {
                return conversion.Operand;
            }

            return null;
        }

        private static BinaryOperatorKind Flip(BinaryOperatorKind op) => op switch
        {
            BinaryOperatorKind.LessThan => BinaryOperatorKind.GreaterThan,
            BinaryOperatorKind.LessThanOrEqual => BinaryOperatorKind.GreaterThanOrEqual,
            BinaryOperatorKind.GreaterThan => BinaryOperatorKind.LessThan,
            BinaryOperatorKind.GreaterThanOrEqual => BinaryOperatorKind.LessThanOrEqual,
            _ => op,
        };

        private static string Becomes(ConstantOutcome outcome, double rounded) => outcome switch
        {
            ConstantOutcome.Infinity => rounded < 0 ? "-infinity" : "infinity",
            ConstantOutcome.NaN => "NaN",
            ConstantOutcome.Zero => "zero",
            _ => Format(rounded),
        };

        private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
    }
}
