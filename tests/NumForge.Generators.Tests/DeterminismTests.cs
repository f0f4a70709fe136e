using System.Globalization;
using System.Linq;
using NumForge.Generators.Tests.Infrastructure;

namespace NumForge.Generators.Tests
{
    /// <summary>The same input gives the same text: across runs, drivers and the current culture.</summary>
    public class DeterminismTests
    {
        private static string[] Generate()
        {
            var sources = TestFormats.Golden.Select(c => c.Source.Replace("namespace Golden", "namespace Golden" + c.Name, System.StringComparison.Ordinal)).ToArray();
            var outcome = GeneratorHarness.Run(sources);
            return outcome.Sources
                .OrderBy(s => s.HintName, System.StringComparer.Ordinal)
                .Select(s => s.HintName + "\n" + s.SourceText)
                .ToArray();
        }

        [Fact]
        public void TwoRunsGiveIdenticalText()
        {
            var first = Generate();
            var second = Generate();
            Assert.Equal(TestFormats.Golden.Length, first.Length);
            Assert.Equal(first, second);
        }

        [Theory]
        [InlineData("de-DE")]
        [InlineData("fa-IR")]
        [InlineData("tr-TR")]
        public void TextDoesNotDependOnTheCurrentCulture(string culture)
        {
            var invariant = Run(CultureInfo.InvariantCulture);
            var other = Run(CultureInfo.GetCultureInfo(culture));
            Assert.Equal(invariant, other);

            static string[] Run(CultureInfo culture)
            {
                var saved = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
                try
                {
                    CultureInfo.CurrentCulture = culture;
                    CultureInfo.CurrentUICulture = culture;
                    return Generate();
                }
                finally
                {
                    (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = saved;
                }
            }
        }

        [Fact]
        public void DiagnosticsAreDeterministic()
        {
            const string source = "using NumForge;\n[FloatFormat(-3, 60, Bias = -5)] partial struct X { }\n[FloatFormat(4, 3, Signed = false, Specials = SpecialValues.FiniteNaNUnsignedZero, Overflow = OverflowBehavior.Infinity)] partial struct Y { }";
            var first = GeneratorHarness.Run(source).GeneratorDiagnostics.Select(d => d.ToString()).ToArray();
            var second = GeneratorHarness.Run(source).GeneratorDiagnostics.Select(d => d.ToString()).ToArray();
            Assert.NotEmpty(first);
            Assert.Equal(first, second);
        }
    }
}
