using System;
using System.Collections.Generic;
using System.Linq;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace NumForge.Analyzers.Tests
{
    /// <summary>
    /// The whole-project compilations the analyzer tests run over (the planted 100,000-line project, the realistic one,
    /// the review corpus): <see cref="StandIns"/> plus the project's files, nullable on, against a few .NET 10 reference assemblies.
    /// </summary>
    internal static class StandInProject
    {
        /// <summary>The reference assemblies every such project compiles against.</summary>
        public static readonly MetadataReference[] References =
        [
            Net100.References.SystemRuntime, Net100.References.SystemCollections, Net100.References.SystemLinq, Net100.References.SystemMemory,
        ];

        /// <summary>Files <c>{prefix}0000.cs</c> on, made by <paramref name="generate"/>.</summary>
        public static (string Path, string Text)[] Generated(string prefix, int count, Func<int, string> generate) =>
            Enumerable.Range(0, count).Select(i => ($"{prefix}{i:D4}.cs", generate(i))).ToArray();

        /// <summary>The lines of <paramref name="files"/>.</summary>
        public static int Lines(IEnumerable<(string Path, string Text)> files) => files.Sum(f => f.Text.Count(c => c == '\n'));

        /// <summary>The stand-ins' tree followed by one tree per file, each with its path.</summary>
        public static List<SyntaxTree> Trees(IEnumerable<(string Path, string Text)> files)
        {
            var trees = new List<SyntaxTree> { CSharpSyntaxTree.ParseText(StandIns.Source, path: "StandIns.cs") };
            trees.AddRange(files.Select(f => CSharpSyntaxTree.ParseText(f.Text, path: f.Path)));
            return trees;
        }

        /// <summary>
        /// Compiles <paramref name="trees"/> as library <paramref name="name"/> against <see cref="References"/> and
        /// <paramref name="moreReferences"/>; <paramref name="concurrentBuild"/> false for timings on one thread.
        /// </summary>
        public static CSharpCompilation Compile(string name, IEnumerable<SyntaxTree> trees, bool concurrentBuild = true, params MetadataReference[] moreReferences) =>
            CSharpCompilation.Create(
                name,
                trees,
                References.Concat(moreReferences),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: concurrentBuild));
    }
}
