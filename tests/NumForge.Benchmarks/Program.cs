using BenchmarkDotNet.Running;

namespace NumForge.Benchmarks
{
    /// <summary>
    /// Runs the span-conversion (ConversionBenchmarks), posit (PositBenchmarks) and integer (IntegerBenchmarks) benchmarks. Examples:
    /// <c>dotnet run -c Release -- --filter *</c> (every size), <c>dotnet run -c Release -- --filter * --job short</c>.
    /// </summary>
    public static class Program
    {
        public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
