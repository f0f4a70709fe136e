using System.IO;

namespace NumForge.Explorer.Tests
{
    /// <summary>The result of one in-process run of the tool.</summary>
    internal sealed record RunResult(int ExitCode, string Stdout, string Stderr);

    /// <summary>Runs <see cref="ExplorerApp.Run"/> with captured output, as the process would with those arguments.</summary>
    internal static class ExplorerRunner
    {
        public static RunResult Run(params string[] args)
        {
            using var stdout = new StringWriter { NewLine = "\n" };
            using var stderr = new StringWriter { NewLine = "\n" };
            int exitCode = ExplorerApp.Run(args, stdout, stderr);
            return new RunResult(exitCode, stdout.ToString(), stderr.ToString());
        }

        /// <summary>The value after <paramref name="key"/> on the line that starts with it (after indentation), e.g. "code" -> "0x7E".</summary>
        public static string Field(this RunResult result, string key)
        {
            foreach (string line in result.Stdout.Split('\n'))
            {
                string trimmed = line.TrimStart();
                if (trimmed.StartsWith(key + " ", System.StringComparison.Ordinal))
                {
                    return trimmed[key.Length..].Trim();
                }
            }

            throw new Xunit.Sdk.XunitException($"No line '{key}' in output:\n{result.Stdout}");
        }
    }
}
