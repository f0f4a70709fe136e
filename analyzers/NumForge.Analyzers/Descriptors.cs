using Microsoft.CodeAnalysis;

namespace NumForge.Analyzers
{
    /// <summary>The IDs of the NumForge analyzer diagnostics (NF1001-NF1999).</summary>
    public static class DiagnosticIds
    {
        /// <summary>A low-precision value accumulated in a loop.</summary>
        public const string LowPrecisionAccumulation = "NF1001";

        /// <summary>A reduction or normalization computed in low precision.</summary>
        public const string LowPrecisionReduction = "NF1002";

        /// <summary>A loop-carried value converted from low precision to float and back on every iteration.</summary>
        public const string RoundTripInLoop = "NF1003";

        /// <summary>A constant that overflows or underflows when converted to a low-precision format.</summary>
        public const string ConstantOutOfRange = "NF1004";

        /// <summary>A low-precision value compared with a constant the format cannot represent.</summary>
        public const string UnrepresentableComparison = "NF1005";

        /// <summary>Low-precision arithmetic in a loop on the CPU.</summary>
        public const string LowPrecisionLoopArithmetic = "NF1006";
    }

    /// <summary>The descriptors of the NumForge analyzer diagnostics.</summary>
    internal static class Descriptors
    {
        /// <summary>Base address of the per-rule documentation pages.</summary>
        public const string HelpLinkBase = "https://github.com/numforge/numforge/blob/main/docs/diagnostics/";

        /// <summary>The category of every NumForge analyzer diagnostic.</summary>
        public const string Category = "NumForge.Precision";

        /// <summary>Diagnostic property naming what kind of location an NF1001 accumulator is ("Local" when the code fix applies).</summary>
        public const string AccumulatorKindProperty = "AccumulatorKind";

        /// <summary>Diagnostic property naming the NF1002 pattern ("Tensor" or "Math").</summary>
        public const string ReductionKindProperty = "ReductionKind";

        // {0}: what accumulates ("'sum' accumulates", "The loop counter 't' is stepped", ...), {1}: the type.
        public static readonly DiagnosticDescriptor NF1001 = new DiagnosticDescriptor(
            DiagnosticIds.LowPrecisionAccumulation,
            title: "Low-precision accumulation in a loop",
            messageFormat: "{0} in low-precision {1}: every step rounds to {1}, so the total loses precision, stops growing or overflows. Accumulate in float and convert once at the end.",
            category: Category,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "Summing many values in a format with fewer significand bits or less range than float loses the small terms once the total is large and can overflow to infinity or NaN. GPUs and ML frameworks accumulate fp16/bf16/fp8 products in fp32 for this reason.",
            helpLinkUri: HelpLinkBase + "NF1001.md");

        // {0}: what is computed ("'TensorPrimitives.Sum' reduces", "'Half.Exp' is summed in a loop"), {1}: the type.
        public static readonly DiagnosticDescriptor NF1002 = new DiagnosticDescriptor(
            DiagnosticIds.LowPrecisionReduction,
            title: "Reduction or normalization computed in low precision",
            messageFormat: "{0} in low-precision {1}, which overflows or loses precision for ordinary inputs. Compute it in float.",
            category: Category,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "Sums, dot products, norms and softmax, and exponentials, logarithms, powers and square roots that are summed, need float's range and precision: mixed-precision frameworks (PyTorch autocast) always run them in fp32.",
            helpLinkUri: HelpLinkBase + "NF1002.md");

        // {0}: the variable (or element), {1}: the type, {2}: where to keep it ("a float local", "a float array (...)").
        public static readonly DiagnosticDescriptor NF1003 = new DiagnosticDescriptor(
            DiagnosticIds.RoundTripInLoop,
            title: "Value converted from low precision to float and back on every iteration",
            messageFormat: "'{0}' is converted from {1} to float and back on every iteration. Keep it in {2} across the loop and convert it to {1} once after the loop.",
            category: Category,
            defaultSeverity: DiagnosticSeverity.Info,
            isEnabledByDefault: true,
            description: "A loop-carried value that is widened to float, updated and narrowed back each iteration pays two conversions per iteration and is rounded to low precision every time; keeping it in float is faster and more accurate.",
            helpLinkUri: HelpLinkBase + "NF1003.md");

        // {0}: the constant, {1}: the type, {2}: what it becomes.
        public static readonly DiagnosticDescriptor NF1004 = new DiagnosticDescriptor(
            DiagnosticIds.ConstantOutOfRange,
            title: "Constant out of range of a low-precision format",
            messageFormat: "The constant {0} converted to {1} {2}",
            category: Category,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "A constant larger than the format's largest finite value becomes infinity, NaN or the saturated maximum, and a nonzero constant no larger than half its smallest positive value becomes zero.",
            helpLinkUri: HelpLinkBase + "NF1004.md");

        // {0}: the comparison, {1}: "is never true" / "is always true" (+ qualifier), {2}: why, with the value the constant becomes.
        public static readonly DiagnosticDescriptor NF1005 = new DiagnosticDescriptor(
            DiagnosticIds.UnrepresentableComparison,
            title: "Comparison with a constant the low-precision format cannot represent",
            messageFormat: "The comparison '{0}' {1}: {2}",
            category: Category,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "A low-precision value widened to float or double only takes the values of its format. Compared for equality with a constant between two of them it is never equal; compared with a constant beyond its largest finite value the outcome is the same for every finite value. Compare with the constant converted to the format, or with a tolerance.",
            helpLinkUri: HelpLinkBase + "NF1005.md");

        // {0}: the type, {1}: the first low-precision operation in the loop.
        public static readonly DiagnosticDescriptor NF1006 = new DiagnosticDescriptor(
            DiagnosticIds.LowPrecisionLoopArithmetic,
            title: "Low-precision arithmetic in a loop on the CPU",
            messageFormat: "This loop computes in {0} ('{1}'): a CPU without {0} arithmetic converts every operation to float and back, so the loop is slower than float. Convert the data to float once before the loop and back once after it, and compute in float.",
            category: Category,
            defaultSeverity: DiagnosticSeverity.Info,
            isEnabledByDefault: true,
            description: "Half and the NumForge formats are storage formats on most CPUs: each operation widens its operands to float, computes, and rounds back (a Half add costs about 6 ns against 0.3 ns for float). Convert whole spans once (TensorPrimitives.ConvertToSingle/ConvertToHalf or NumForge's span converters), compute in float, and convert the result back.",
            helpLinkUri: HelpLinkBase + "NF1006.md");
    }
}
