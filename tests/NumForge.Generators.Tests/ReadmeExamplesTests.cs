using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NumForge.Generators.Tests.Infrastructure;

namespace NumForge.Generators.Tests
{
    /// <summary>Every <c>csharp</c> block in README.md compiles with the generator, runs, and prints what it says.</summary>
    public sealed class ReadmeExamplesTests
    {
        [Fact]
        public void ReadmeHasExamples() => Assert.NotEmpty(CSharpBlocks());

        [Theory]
        [MemberData(nameof(Blocks))]
        public void ExampleCompilesRunsAndPrintsWhatItSays(int index)
        {
            string code = CSharpBlocks()[index];
            var tree = GeneratorHarness.Parse(code, $"Readme{index}.cs");

            // A README example is an app, not a documented library: its public types need no XML comments (CS1591).
            var options = GeneratorHarness.CompilationOptions.WithOutputKind(OutputKind.ConsoleApplication);
            options = options.WithSpecificDiagnosticOptions(options.SpecificDiagnosticOptions.SetItem("CS1591", ReportDiagnostic.Suppress));
            var compilation = GeneratorHarness.CreateCompilation(tree).WithOptions(options);
            GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
            Assert.Empty(generatorDiagnostics);
            var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
            Assert.True(problems.Count == 0, "README example " + index + " does not compile cleanly:\n" + string.Join("\n", problems));

            using var stream = new MemoryStream();
            var emit = output.Emit(stream);
            Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
            var assembly = Assembly.Load(stream.ToArray());

            var printed = new StringWriter();
            TextWriter original = Console.Out;
            try
            {
                Console.SetOut(printed);
                assembly.EntryPoint!.Invoke(null, assembly.EntryPoint.GetParameters().Length == 0 ? null : new object[] { Array.Empty<string>() });
            }
            finally
            {
                Console.SetOut(original);
            }

            Match expected = Regex.Match(code, @"// prints: (.*)");
            if (expected.Success)
            {
                Assert.Equal(expected.Groups[1].Value.Trim(), printed.ToString().Trim());
            }
        }

        public static TheoryData<int> Blocks()
        {
            var data = new TheoryData<int>();
            for (int i = 0; i < CSharpBlocks().Length; i++)
            {
                data.Add(i);
            }

            return data;
        }

        private static string[] CSharpBlocks()
        {
            string readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
            return Regex.Matches(readme, "```csharp\\n(.*?)```", RegexOptions.Singleline)
                .Select(m => m.Groups[1].Value)
                .ToArray();
        }

        /// <summary>
        /// The folder of Toolkit.sln: above the test output, or (when NF_ARTIFACTS puts the output elsewhere) above
        /// this source file.
        /// </summary>
        private static string RepositoryRoot([System.Runtime.CompilerServices.CallerFilePath] string thisFile = "")
        {
            foreach (string start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(thisFile) ?? "" })
            {
                for (var dir = start.Length == 0 ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                {
                    if (File.Exists(Path.Combine(dir.FullName, "Toolkit.sln")))
                    {
                        return dir.FullName;
                    }
                }
            }

            throw new InvalidOperationException("Toolkit.sln not found above " + AppContext.BaseDirectory + " or " + thisFile);
        }
    }
}
