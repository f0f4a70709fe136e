using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;
using Xunit.Abstractions;

namespace NumForge.Analyzers.Tests.BuildTiming
{
    /// <summary>
    /// The projects of the build-time measurement (docs/diagnostics/measure-build.sh): the planted 100,000-line
    /// project, the realistic one, and the control analyzer that only reports the planted diagnostics.
    /// </summary>
    public class BuildTimingProjectTests
    {
        private readonly ITestOutputHelper _output;

        public BuildTimingProjectTests(ITestOutputHelper output)
        {
            _output = output;
        }

        /// <summary>The realistic project compiles, no analyzer throws, and exactly the planted findings come out.</summary>
        [Fact]
        [Trait("Category", "Exhaustive")]
        public async Task RealisticProjectHasOnlyItsPlantedFindings()
        {
            var files = StandInProject.Generated("Realistic", RealisticProject.Files, RealisticProject.GenerateFile);
            int lines = StandInProject.Lines(files);
            var trees = StandInProject.Trees(files);
            var compilation = StandInProject.Compile("RealisticProject", trees);
            var errors = compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
            Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors.Take(10)));

            var exceptions = new List<string>();
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                (exception, analyzer, diagnostic) => { lock (exceptions) { exceptions.Add(exception.ToString()); } },
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false);
            ImmutableArray<Diagnostic> diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create(Verify.AllAnalyzers()), options).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            foreach (var group in diagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key))
            {
                _output.WriteLine($"{group.Key}: {group.Count()} ({string.Join(", ", group.Select(d => Path.GetFileName(d.Location.SourceTree!.FilePath)).Distinct().Take(3))}, ...)");
            }

            Assert.True(lines >= 100_000, $"only {lines} lines generated");
            Assert.Empty(exceptions);
            Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");

            // Every finding sits in a planted file: the running Half sum (NF1001, plus NF1006 for its Half add) and the
            // softmax denominator summed in Half (NF1001 for the running sum, NF1002 twice: Exp summed and the sum
            // dividing every element, NF1006 for the Half arithmetic in the loop).
            Assert.Equal(RealisticProject.PlantedSums + RealisticProject.PlantedSoftmaxes, diagnostics.Count(d => d.Id == "NF1001"));
            Assert.Equal(2 * RealisticProject.PlantedSoftmaxes, diagnostics.Count(d => d.Id == "NF1002"));
            Assert.Equal(RealisticProject.PlantedSums + RealisticProject.PlantedSoftmaxes, diagnostics.Count(d => d.Id == "NF1006"));
            Assert.Equal((2 * RealisticProject.PlantedSums) + (4 * RealisticProject.PlantedSoftmaxes), diagnostics.Length);
            Assert.All(diagnostics, d => Assert.True(IsPlanted(d.Location.SourceTree!.FilePath), d.ToString()));

            static bool IsPlanted(string path)
            {
                int n = int.Parse(Path.GetFileNameWithoutExtension(path).Substring("Realistic".Length), System.Globalization.CultureInfo.InvariantCulture);
                return n % 50 == 3 || n % 100 == 4;
            }
        }

        /// <summary>
        /// Writes <c>planted/</c> and <c>realistic/</c> (each a buildable csproj of 1,000 generated files, the NumForge
        /// analyzers an <c>Analyzer</c> item switched off by <c>-p:NumForgeAnalyzers=false</c>, the control analyzer
        /// switched on by <c>-p:PlantedReporter=true</c>) under <c>NUMFORGE_BUILD_TIMING_DIR</c>, with a copy of the
        /// analyzer assembly so later rebuilds of the repository do not change what is measured.
        /// </summary>
        [Fact]
        [Trait("Category", "Exhaustive")]
        public async Task WritesTheBuildTimingProjects()
        {
            string root = Environment.GetEnvironmentVariable("NUMFORGE_BUILD_TIMING_DIR") is { Length: > 0 } configured
                ? configured
                : Path.Combine(AppContext.BaseDirectory, "BuildTiming");
            string analyzers = Path.Combine(root, "analyzers");
            Directory.CreateDirectory(analyzers);
            string numForge = Path.Combine(analyzers, "NumForge.Analyzers.dll");
            File.Copy(typeof(MixedPrecisionAnalyzer).Assembly.Location, numForge, overwrite: true);
            string reporter = Path.Combine(analyzers, "NumForge.Timing.PlantedReporter.dll");
            IReadOnlyList<Diagnostic> sites = await PlantedReporter.PlantedSitesAsync();
            PlantedReporter.Write(reporter, sites);
            _output.WriteLine($"the control analyzer reports {sites.Count} diagnostics per planted file: {string.Join(", ", sites.Select(s => s.Id + " " + s.Severity))}");

            WriteProject(Path.Combine(root, "planted"), "Generated", LargeProjectTests.GenerateFile, numForge, reporter);
            WriteProject(Path.Combine(root, "realistic"), "Realistic", RealisticProject.GenerateFile, numForge, reporter);
            _output.WriteLine("wrote " + root);
            Assert.Equal(1001, Directory.GetFiles(Path.Combine(root, "planted"), "*.cs").Length);
            Assert.Equal(1001, Directory.GetFiles(Path.Combine(root, "realistic"), "*.cs").Length);
        }

        private static void WriteProject(string directory, string prefix, Func<int, string> generate, string numForge, string reporter)
        {
            Directory.CreateDirectory(directory);
            foreach (string old in Directory.GetFiles(directory, "*.cs"))
            {
                File.Delete(old);
            }

            // Empty Directory.Build.* so nothing of an enclosing repository leaks in; the SDK's default analyzers stay on.
            File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), "<Project />\n");
            File.WriteAllText(Path.Combine(directory, "Directory.Build.targets"), "<Project />\n");
            File.WriteAllText(Path.Combine(directory, "TimingProject.csproj"), $$"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <ImplicitUsings>disable</ImplicitUsings>
                    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
                    <NoWarn>$(NoWarn);CS0219</NoWarn>
                  </PropertyGroup>
                  <ItemGroup Condition="'$(NumForgeAnalyzers)' != 'false'">
                    <Analyzer Include="{{numForge}}" />
                  </ItemGroup>
                  <ItemGroup Condition="'$(PlantedReporter)' == 'true'">
                    <Analyzer Include="{{reporter}}" />
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(directory, "StandIns.cs"), StandIns.Source);
            for (int i = 0; i < 1000; i++)
            {
                File.WriteAllText(Path.Combine(directory, $"{prefix}{i:D4}.cs"), generate(i));
            }
        }
    }
}
