using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Diagnostics;

namespace NumForge.Analyzers
{
    /// <summary>
    /// The <c>.editorconfig</c> options of the NumForge analyzers, read once per syntax tree:
    /// <list type="bullet">
    /// <item><c>numforge.low_precision_types = T:My.Fp8|T:My.Fp16</c>: more types that count as low precision.</item>
    /// <item><c>numforge.not_low_precision_types = T:System.Half</c>: types that never count (wins over everything else).</item>
    /// <item><c>numforge.nf1001.include_lambdas = true</c>: also flag accumulation into a captured variable inside any
    /// lambda or local function (List.ForEach, Parallel.For, ...); by default only LINQ Aggregate lambdas are analyzed.</item>
    /// <item><c>numforge.nf1001.include_loop_counters = false</c>: do not flag low-precision loop counters.</item>
    /// <item><c>numforge.nf1004.report_underflow = false</c>: report only overflow, not constants that underflow to zero.</item>
    /// </list>
    /// </summary>
    internal sealed class NumForgeOptions
    {
        public const string LowPrecisionTypesKey = "numforge.low_precision_types";
        public const string NotLowPrecisionTypesKey = "numforge.not_low_precision_types";
        public const string IncludeLambdasKey = "numforge.nf1001.include_lambdas";
        public const string IncludeLoopCountersKey = "numforge.nf1001.include_loop_counters";
        public const string ReportUnderflowKey = "numforge.nf1004.report_underflow";

        /// <summary>The options when nothing is configured.</summary>
        public static readonly NumForgeOptions Default = new NumForgeOptions(ImmutableHashSet<string>.Empty, ImmutableHashSet<string>.Empty, false, true, true);

        private NumForgeOptions(ImmutableHashSet<string> extra, ImmutableHashSet<string> excluded, bool includeLambdas, bool includeLoopCounters, bool reportUnderflow)
        {
            ExtraTypes = extra;
            ExcludedTypes = excluded;
            IncludeLambdas = includeLambdas;
            IncludeLoopCounters = includeLoopCounters;
            ReportUnderflow = reportUnderflow;
        }

        /// <summary>Documentation IDs (<c>T:...</c>) of types added to the low-precision set.</summary>
        public ImmutableHashSet<string> ExtraTypes { get; }

        /// <summary>Documentation IDs of types removed from the low-precision set.</summary>
        public ImmutableHashSet<string> ExcludedTypes { get; }

        /// <summary>Whether either type list is set.</summary>
        public bool HasTypeLists => ExtraTypes.Count > 0 || ExcludedTypes.Count > 0;

        /// <summary>Whether NF1001 also looks at captured variables accumulated inside any lambda or local function.</summary>
        public bool IncludeLambdas { get; }

        /// <summary>Whether NF1001 flags low-precision loop counters.</summary>
        public bool IncludeLoopCounters { get; }

        /// <summary>Whether NF1004 reports constants that underflow to zero.</summary>
        public bool ReportUnderflow { get; }

        /// <summary>Reads the options that apply to one syntax tree.</summary>
        public static NumForgeOptions Read(AnalyzerConfigOptions options)
        {
            var extra = ReadTypes(options, LowPrecisionTypesKey);
            var excluded = ReadTypes(options, NotLowPrecisionTypesKey);
            bool includeLambdas = ReadBool(options, IncludeLambdasKey, false);
            bool includeCounters = ReadBool(options, IncludeLoopCountersKey, true);
            bool reportUnderflow = ReadBool(options, ReportUnderflowKey, true);
            if (extra.Count == 0 && excluded.Count == 0 && !includeLambdas && includeCounters && reportUnderflow)
            {
                return Default;
            }

            return new NumForgeOptions(extra, excluded, includeLambdas, includeCounters, reportUnderflow);
        }

        private static bool ReadBool(AnalyzerConfigOptions options, string key, bool defaultValue)
        {
            if (options.TryGetValue(key, out string? text) && bool.TryParse(text?.Trim(), out bool value))
            {
                return value;
            }

            return defaultValue;
        }

        /// <summary>Parses <c>T:A.B|T:C.D</c> (also <c>,</c> or <c>;</c> separated, <c>T:</c> optional) into documentation IDs.</summary>
        private static ImmutableHashSet<string> ReadTypes(AnalyzerConfigOptions options, string key)
        {
            if (!options.TryGetValue(key, out string? text) || string.IsNullOrWhiteSpace(text))
            {
                return ImmutableHashSet<string>.Empty;
            }

            var builder = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
            foreach (string part in text!.Split(new[] { '|', ',', ';' }, StringSplitOptions.RemoveEmptyEntries))
            {
                string name = part.Trim();
                if (name.Length == 0)
                {
                    continue;
                }

                if (name.StartsWith("global::", StringComparison.Ordinal))
                {
                    name = name.Substring("global::".Length);
                }

                builder.Add(name.StartsWith("T:", StringComparison.Ordinal) ? name : "T:" + name);
            }

            return builder.ToImmutable();
        }
    }
}
