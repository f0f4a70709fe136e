using System;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using NumForge.Generators.Tests.Infrastructure;

namespace NumForge.Generators.Tests
{
    /// <summary>
    /// The generated source of representative specs, compared with checked-in files in Golden/. Set
    /// NUMFORGE_UPDATE_GOLDEN=1 to rewrite them from the current emitter, then review the diff.
    /// </summary>
    public class GoldenTests
    {
        public static TheoryData<string> Cases => new(TestFormats.Golden.Select(c => c.Name));

        [Theory]
        [MemberData(nameof(Cases))]
        public void GeneratedSourceMatchesGoldenFile(string name)
        {
            var testCase = TestFormats.Golden.Single(c => c.Name == name);
            AssertGeneratesGolden(testCase.Source, testCase.HintName, name + ".g.cs.txt");
        }

        /// <summary>
        /// Runs the generator on <paramref name="source"/>, which declares one type: no diagnostic, one file named
        /// <paramref name="hintName"/> that compiles cleanly and equals Golden/<paramref name="fileName"/>.
        /// </summary>
        internal static void AssertGeneratesGolden(string source, string hintName, string fileName)
        {
            var outcome = GeneratorHarness.Run(source);
            Assert.Empty(outcome.GeneratorDiagnostics);
            var generated = Assert.Single(outcome.Sources);
            Assert.Equal(hintName, generated.HintName);
            Assert.Empty(outcome.CompilationProblems);
            AssertMatchesGolden(fileName, generated.SourceText.ToString());
        }

        /// <summary>
        /// Compares <paramref name="generated"/> with Golden/<paramref name="fileName"/>, or rewrites that file when
        /// NUMFORGE_UPDATE_GOLDEN=1 (then review the diff).
        /// </summary>
        internal static void AssertMatchesGolden(string fileName, string generated)
        {
            string actual = Normalize(generated);
            if (Environment.GetEnvironmentVariable("NUMFORGE_UPDATE_GOLDEN") == "1")
            {
                Directory.CreateDirectory(SourceGoldenDirectory());
                File.WriteAllText(Path.Combine(SourceGoldenDirectory(), fileName), actual);
                return;
            }

            string? path = FindGolden(fileName);
            Assert.True(path is not null, $"Golden/{fileName} is missing; run the tests with NUMFORGE_UPDATE_GOLDEN=1 to create it.");
            string expected = Normalize(File.ReadAllText(path!));
            Assert.True(
                expected == actual,
                $"Generated source differs from Golden/{fileName} (run with NUMFORGE_UPDATE_GOLDEN=1 to accept it).{Environment.NewLine}{FirstDifference(expected, actual)}");
        }

        private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

        private static string FirstDifference(string expected, string actual)
        {
            string[] e = expected.Split('\n');
            string[] a = actual.Split('\n');
            for (int i = 0; i < Math.Max(e.Length, a.Length); i++)
            {
                string el = i < e.Length ? e[i] : "<end>";
                string al = i < a.Length ? a[i] : "<end>";
                if (el != al)
                {
                    return $"line {i + 1}:{Environment.NewLine}  expected: {el}{Environment.NewLine}  actual:   {al}";
                }
            }

            return "(no line differs)";
        }

        /// <summary>The Golden folder in the source tree (where updates go).</summary>
        private static string SourceGoldenDirectory([CallerFilePath] string thisFile = "") =>
            Path.Combine(Path.GetDirectoryName(thisFile)!, "Golden");

        /// <summary>The golden file in the source tree, or the copy beside the test assembly when sources are not at hand.</summary>
        private static string? FindGolden(string fileName)
        {
            foreach (string directory in new[] { SourceGoldenDirectory(), Path.Combine(AppContext.BaseDirectory, "Golden") })
            {
                string path = Path.Combine(directory, fileName);
                if (File.Exists(path))
                {
                    return path;
                }
            }

            return null;
        }
    }
}
