using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace NumForge.Analyzers.Tests.Timing
{
    /// <summary>
    /// Wraps an analyzer and measures the CPU time of its own thread inside each callback, grouped by the operation
    /// kinds the callback was registered for, with the time spent inside <c>ReportDiagnostic</c> (the driver's
    /// filtering of a reported diagnostic, not the analyzer's work) counted apart. Thread CPU time, unlike the
    /// stopwatch that <c>-p:ReportAnalyzer=true</c> uses, does not grow when the thread waits for a core, so figures
    /// taken on a loaded machine compare with each other. Supports what the NumForge analyzers register: compilation
    /// start, operation actions, operation block start (with its operation and block end actions).
    /// </summary>
#pragma warning disable RS1001, RS1012, RS1025, RS1026, RS1036, RS1038, RS1041 // a measuring wrapper passed to the driver directly, never shipped
    internal sealed class CallbackProfiler : DiagnosticAnalyzer
    {
        private readonly DiagnosticAnalyzer _inner;

        public CallbackProfiler(DiagnosticAnalyzer inner)
        {
            _inner = inner;
        }

        /// <summary>Nanoseconds of thread CPU per callback group (e.g. "Binary", "OperationBlockStart").</summary>
        public ConcurrentDictionary<string, long[]> Groups { get; } = new ConcurrentDictionary<string, long[]>();

        /// <summary>Nanoseconds of thread CPU inside ReportDiagnostic, and the number of diagnostics reported.</summary>
        public long ReportNanoseconds => _report[0];

        public long Reports => _report[1];

        private readonly long[] _report = new long[2];

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => _inner.SupportedDiagnostics;

        public override void Initialize(AnalysisContext context)
        {
            // The inner analyzer's own settings pass through (WrappedContext), so the driver treats it as in a build.
            _inner.Initialize(new WrappedContext(this, context));
        }

        /// <summary>The CPU time of the calling thread in nanoseconds (Linux); elsewhere a stopwatch.</summary>
        public static long ThreadCpuNanoseconds()
        {
            if (OperatingSystem.IsLinux() && ClockGetTime(3 /* CLOCK_THREAD_CPUTIME_ID */, out TimeSpec time) == 0)
            {
                return (time.Seconds * 1_000_000_000) + time.Nanoseconds;
            }

            return (long)(System.Diagnostics.Stopwatch.GetTimestamp() * (1e9 / System.Diagnostics.Stopwatch.Frequency));
        }

        [StructLayout(LayoutKind.Sequential)]
        private struct TimeSpec
        {
            public long Seconds;
            public long Nanoseconds;
        }

        [DllImport("libc", EntryPoint = "clock_gettime")]
        private static extern int ClockGetTime(int clock, out TimeSpec time);

        private void Add(string group, long nanoseconds)
        {
            long[] slot = Groups.GetOrAdd(group, _ => new long[2]);
            Interlocked.Add(ref slot[0], nanoseconds);
            Interlocked.Increment(ref slot[1]);
        }

        private Action<T> Timed<T>(string group, Action<T> action) => argument =>
        {
            long start = ThreadCpuNanoseconds();
            action(argument);
            Add(group, ThreadCpuNanoseconds() - start);
        };

        private Action<OperationAnalysisContext> TimedOperation(string group, Action<OperationAnalysisContext> action) => context =>
        {
            OperationAnalysisContext wrapped = Rewrap(context);
            long start = ThreadCpuNanoseconds();
            action(wrapped);
            Add(group, ThreadCpuNanoseconds() - start);
        };

        private void TimedReport(Action<Diagnostic> report, Diagnostic diagnostic)
        {
            long start = ThreadCpuNanoseconds();
            report(diagnostic);
            Interlocked.Add(ref _report[0], ThreadCpuNanoseconds() - start);
            Interlocked.Increment(ref _report[1]);
        }

        private static readonly ConstructorInfo OperationContextConstructor = typeof(OperationAnalysisContext)
            .GetConstructors(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .OrderByDescending(c => c.GetParameters().Length)
            .First();

        /// <summary>The same context with ReportDiagnostic timed (the constructor's parameters are matched by name, as they differ between Roslyn versions).</summary>
        private OperationAnalysisContext Rewrap(OperationAnalysisContext c)
        {
            Action<Diagnostic> report = d => TimedReport(c.ReportDiagnostic, d);
            object?[] arguments = OperationContextConstructor.GetParameters().Select<ParameterInfo, object?>(p => p.Name switch
            {
                "operation" => c.Operation,
                "containingSymbol" => c.ContainingSymbol,
                "compilation" => c.Compilation,
                "options" => c.Options,
                "reportDiagnostic" => report,
                "isSupportedDiagnostic" => (Func<Diagnostic, CancellationToken, bool>)((_, _) => true),
                "getControlFlowGraph" => (Func<IOperation, Microsoft.CodeAnalysis.FlowAnalysis.ControlFlowGraph>)(o => c.GetControlFlowGraph()),
                "filterTree" => c.FilterTree,
                "filterSpan" => c.FilterSpan,
                "isGeneratedCode" => c.IsGeneratedCode,
                "cancellationToken" => c.CancellationToken,
                _ => throw new NotSupportedException("OperationAnalysisContext parameter " + p.Name),
            }).ToArray();
            return (OperationAnalysisContext)OperationContextConstructor.Invoke(arguments);
        }

        private static string GroupName(string prefix, ImmutableArray<OperationKind> kinds) => prefix + string.Join("+", kinds);

        private sealed class WrappedContext : AnalysisContext
        {
            private readonly CallbackProfiler _owner;
            private readonly AnalysisContext _inner;

            public WrappedContext(CallbackProfiler owner, AnalysisContext inner)
            {
                _owner = owner;
                _inner = inner;
            }

            public override void EnableConcurrentExecution()
            {
                _inner.EnableConcurrentExecution();
            }

            public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode)
            {
                _inner.ConfigureGeneratedCodeAnalysis(analysisMode);
            }

            public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) =>
                _inner.RegisterCompilationStartAction(start =>
                {
                    long begin = ThreadCpuNanoseconds();
                    action(new WrappedStart(_owner, start));
                    _owner.Add("CompilationStart", ThreadCpuNanoseconds() - begin);
                });

            public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => throw new NotSupportedException();

            public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => throw new NotSupportedException();

            public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => throw new NotSupportedException();

            public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw new NotSupportedException();

            public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => throw new NotSupportedException();

            public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => throw new NotSupportedException();

            public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => throw new NotSupportedException();

            public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) =>
                _inner.RegisterOperationAction(_owner.TimedOperation(GroupName(string.Empty, operationKinds), action), operationKinds);
        }

        private sealed class WrappedStart : CompilationStartAnalysisContext
        {
            private readonly CallbackProfiler _owner;
            private readonly CompilationStartAnalysisContext _inner;

            public WrappedStart(CallbackProfiler owner, CompilationStartAnalysisContext inner)
                : base(inner.Compilation, inner.Options, inner.CancellationToken)
            {
                _owner = owner;
                _inner = inner;
            }

            public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) =>
                _inner.RegisterOperationAction(_owner.TimedOperation(GroupName(string.Empty, operationKinds), action), operationKinds);

            public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => throw new NotSupportedException();

            public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => throw new NotSupportedException();

            public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => throw new NotSupportedException();

            public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => throw new NotSupportedException();

            public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw new NotSupportedException();

            public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => throw new NotSupportedException();

            public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => throw new NotSupportedException();

            public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => throw new NotSupportedException();

            public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => throw new NotSupportedException();
        }
    }
#pragma warning restore RS1001, RS1012, RS1025, RS1026, RS1036, RS1038, RS1041
}
