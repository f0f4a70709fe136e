using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using NumForge.Generators.Pipeline;

namespace NumForge.Generators.Tests.Infrastructure
{
    /// <summary>
    /// The one incremental-caching check, for every family (after NetEscapades.EnumGenerators' TestHelpers): the tracked
    /// steps are found by reflection over <see cref="TrackingNames"/>' constants, the generator runs twice with an
    /// unrelated edit between, every tracked step output of the second run must be Cached or Unchanged, and no output
    /// of any step may hold a symbol, syntax node, location or compilation.
    /// </summary>
    internal static class IncrementalCaching
    {
        private static readonly Type[] Banned = { typeof(ISymbol), typeof(SyntaxNode), typeof(Location), typeof(Compilation), typeof(SemanticModel), typeof(SyntaxTree) };

        /// <summary>The values of every public <c>const string</c> of <see cref="TrackingNames"/>.</summary>
        public static IReadOnlyList<string> TrackingNameConstants() => typeof(TrackingNames)
            .GetFields(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Where(f => f.IsLiteral && !f.IsInitOnly && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToArray();

        /// <summary>
        /// Runs the generator on <paramref name="program"/> beside <paramref name="broken"/> (a declaration with an error)
        /// and a class <c>Other</c>, edits only <c>Other</c>, and asserts that the second run reused everything.
        /// Returns the first run.
        /// </summary>
        public static GeneratorRunResult AssertCachedAfterUnrelatedEdit(string program, string broken)
        {
            var other = GeneratorHarness.Parse("public static class Other { public static int F() => 1; }", "Other.cs");
            var compilation = GeneratorHarness.CreateCompilation(
                GeneratorHarness.Parse(program, "Program.cs"),
                GeneratorHarness.Parse(broken, "Broken.cs"),
                other);
            var edited = compilation.ReplaceSyntaxTree(other, GeneratorHarness.Parse("public static class Other { public static int F() => 1 + 1; }", "Other.cs"));
            return AssertSecondRunCached(compilation, edited).First;
        }

        /// <summary>
        /// Runs the generator on <paramref name="compilation"/>, then on <paramref name="edited"/> with the same driver,
        /// and asserts that the second run reused everything. Returns both runs for further checks.
        /// </summary>
        public static (GeneratorRunResult First, GeneratorRunResult Second) AssertSecondRunCached(Compilation compilation, Compilation edited)
        {
            var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
            var first = driver.GetRunResult().Results.Single();
            driver = driver.RunGenerators(edited);
            var second = driver.GetRunResult().Results.Single();

            Assert.Null(first.Exception);
            Assert.Null(second.Exception);
            Assert.Equal(
                first.GeneratedSources.Select(s => s.SourceText.ToString()),
                second.GeneratedSources.Select(s => s.SourceText.ToString()));
            Assert.Equal(first.Diagnostics.Select(d => d.ToString()), second.Diagnostics.Select(d => d.ToString()));

            var names = TrackingNameConstants();
            Assert.NotEmpty(names);
            foreach (string name in names)
            {
                Assert.True(first.TrackedSteps.ContainsKey(name), $"step {name} was not tracked");
                foreach (var step in first.TrackedSteps[name])
                {
                    foreach (var (value, _) in step.Outputs)
                    {
                        AssertPlainData(value, name);
                    }
                }

                foreach (var step in second.TrackedSteps[name])
                {
                    foreach (var (value, reason) in step.Outputs)
                    {
                        Assert.True(
                            reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                            $"step {name} output was {reason}: {value}");
                    }
                }
            }

            // The outputs (AddSource / ReportDiagnostic) were not run again either.
            Assert.All(
                second.TrackedOutputSteps.SelectMany(o => o.Value).SelectMany(s => s.Outputs),
                o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
            return (first, second);
        }

        /// <summary>Walks a step output's object graph (fields, arrays) and fails on any Roslyn symbol, node, location or compilation.</summary>
        public static void AssertPlainData(object? value, string step)
        {
            var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
            Walk(value, step);

            void Walk(object? node, string path)
            {
                if (node is null)
                {
                    return;
                }

                var type = node.GetType();
                Assert.False(Banned.Any(b => b.IsAssignableFrom(type)), $"{path} holds a {type.FullName}");
                if (type.IsPrimitive || type.IsEnum || node is string || type.IsPointer || node is Delegate || !seen.Add(node))
                {
                    return;
                }

                if (node is IEnumerable sequence && type.IsArray)
                {
                    int i = 0;
                    foreach (object? item in sequence)
                    {
                        Walk(item, $"{path}[{i++}]");
                    }

                    return;
                }

                for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
                {
                    foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                    {
                        if (field.FieldType.IsPointer)
                        {
                            continue;
                        }

                        Walk(field.GetValue(node), path + "." + field.Name);
                    }
                }
            }
        }
    }
}
