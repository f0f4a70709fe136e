using System;
using System.Diagnostics;
using System.IO;
using Xunit;

namespace NumForge.Tests.Support
{
    /// <summary>
    /// Runs this test assembly again as a child process (<c>dotnet exec NumForge.Tests.dll</c>) with one runtime knob set,
    /// to test another instruction path. The child's module initializer sees <paramref name="outputVariable"/>, writes its
    /// space-separated answer to that file and exits before the test host's entry point runs.
    /// </summary>
    internal static class ChildProcess
    {
        // The parent's own width and instruction-set knobs must not leak into the child: it sees only the one it is given.
        private static readonly string[] Knobs =
        [
            "DOTNET_PreferredVectorBitWidth", "DOTNET_EnableHWIntrinsic", "DOTNET_EnableAVX2", "DOTNET_EnableAVXVNNI", "DOTNET_EnableAVX512",
        ];

        /// <summary>Runs the child with <paramref name="variable"/>=<paramref name="value"/> and returns the words it wrote.</summary>
        public static string[] Run(string outputVariable, string variable, string value)
        {
            string output = Path.Combine(Path.GetTempPath(), $"numforge-child-{Guid.NewGuid():N}.txt");
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.ArgumentList.Add("exec");
            start.ArgumentList.Add(typeof(ChildProcess).Assembly.Location);
            start.Environment[outputVariable] = output;
            foreach (string knob in Knobs)
            {
                start.Environment.Remove(knob);
            }

            start.Environment[variable] = value;
            using Process process = Process.Start(start)!;
            string stdout = process.StandardOutput.ReadToEnd();
            string stderr = process.StandardError.ReadToEnd();
            Assert.True(process.WaitForExit(600_000), "child process timed out");
            Assert.True(process.ExitCode == 0 && File.Exists(output), $"child with {variable}={value} failed ({process.ExitCode}): {stdout} {stderr}");
            string[] parts = File.ReadAllText(output).Split(' ');
            File.Delete(output);
            return parts;
        }
    }
}
