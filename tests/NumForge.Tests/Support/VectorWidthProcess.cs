using System;
using System.Diagnostics;
using System.IO;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using NumForge.CompilerServices.Spans;
using Xunit;

namespace NumForge.Tests.Support
{
    /// <summary>
    /// Runs a static answer method of this test assembly again in a child process (<c>dotnet exec NumForge.Tests.dll</c>)
    /// with one runtime knob set, to test another vector width or instruction path. On .NET 10
    /// <c>DOTNET_PreferredVectorBitWidth</c> caps the width (<c>DOTNET_EnableAVX512F</c> is ignored) and
    /// <c>DOTNET_EnableHWIntrinsic=0</c> turns all intrinsics off. The child's module initializer (here, the one for
    /// every test class) sees <see cref="OutputVariable"/>, writes the width it runs at and the answer's words to that
    /// file and exits before the test host's entry point runs.
    /// </summary>
    internal static class VectorWidthProcess
    {
        private const string OutputVariable = "NUMFORGE_CHILD_OUT";
        private const string AnswerVariable = "NUMFORGE_CHILD_ANSWER";

        // The parent's own width and instruction-set knobs must not leak into the child: it sees only the one it is given.
        private static readonly string[] Knobs =
        [
            "DOTNET_PreferredVectorBitWidth", "DOTNET_EnableHWIntrinsic", "DOTNET_EnableAVX2", "DOTNET_EnableAVXVNNI", "DOTNET_EnableAVX512",
        ];

        /// <summary>What a child process gave back: the width it ran at and the words of its answer.</summary>
        internal readonly record struct Child(string Width, string[] Words);

        /// <summary>The width this process's vector code runs at (V512, V256, V128 or Scalar), as the span kernels pick it.</summary>
        public static string Current => SimdWidths.Resolve(SimdWidth.Auto).ToString();

        /// <summary>
        /// Every vector width this machine has, as theory rows (width, variable, value) whose environment makes a child
        /// process run at exactly that width: 512 by the instruction set, not by <c>Vector512.IsHardwareAccelerated</c>
        /// (a parent capped at 256 bits, or a CPU whose default preferred width is 256, still has 512-bit vectors for the
        /// child that asks for them), 256, 128, and scalar with all intrinsics off.
        /// </summary>
        public static TheoryData<string, string, string> Widths()
        {
            var widths = new TheoryData<string, string, string>();
            if (Avx512F.IsSupported || Vector512.IsHardwareAccelerated)
            {
                widths.Add("V512", "DOTNET_PreferredVectorBitWidth", "512");
            }

            if (Avx2.IsSupported || Vector256.IsHardwareAccelerated)
            {
                widths.Add("V256", "DOTNET_PreferredVectorBitWidth", "256");
            }

            if (Vector128.IsHardwareAccelerated)
            {
                widths.Add("V128", "DOTNET_PreferredVectorBitWidth", "128");
            }

            widths.Add("Scalar", "DOTNET_EnableHWIntrinsic", "0");
            return widths;
        }

        /// <summary>
        /// Runs <paramref name="answer"/> in a child with <paramref name="variable"/>=<paramref name="value"/>, asserts the
        /// child ran at <paramref name="expectedWidth"/> and returns the words of its answer.
        /// </summary>
        public static string[] RunAt(string expectedWidth, Func<string> answer, string variable, string value)
        {
            Child child = Run(answer, variable, value);
            Assert.True(expectedWidth == child.Width, $"child with {variable}={value} ran at {child.Width}, not {expectedWidth}");
            return child.Words;
        }

        /// <summary>
        /// Runs <paramref name="answer"/> (a static method of this assembly, named as a method group) in a child with
        /// <paramref name="variable"/>=<paramref name="value"/> and returns the width it ran at and its answer's words.
        /// A child that fails or writes nothing fails the test with its exit code and output.
        /// </summary>
        public static Child Run(Func<string> answer, string variable, string value)
        {
            MethodInfo method = answer.Method;
            Assert.True(
                method.IsStatic && answer.Target is null && method.DeclaringType?.Assembly == typeof(VectorWidthProcess).Assembly,
                "the child's answer must be a static method of the test assembly (a method group, not a lambda)");

            string output = Path.Combine(Path.GetTempPath(), $"numforge-child-{Guid.NewGuid():N}.txt");
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.ArgumentList.Add("exec");
            start.ArgumentList.Add(typeof(VectorWidthProcess).Assembly.Location);
            start.Environment[OutputVariable] = output;
            start.Environment[AnswerVariable] = $"{method.DeclaringType!.FullName}|{method.Name}";
            foreach (string knob in Knobs)
            {
                start.Environment.Remove(knob);
            }

            start.Environment[variable] = value;
            using Process process = Process.Start(start)!;

            // Read stderr alongside stdout, so a child that fills one pipe cannot stall on the other.
            var stderr = process.StandardError.ReadToEndAsync();
            string stdout = process.StandardOutput.ReadToEnd();
            Assert.True(process.WaitForExit(600_000), $"child with {variable}={value} timed out");
            Assert.True(
                process.ExitCode == 0 && File.Exists(output),
                $"child with {variable}={value} failed ({process.ExitCode}): {stdout} {stderr.GetAwaiter().GetResult()}");
            string[] parts = File.ReadAllText(output).Split(' ');
            File.Delete(output);
            return new Child(parts[0], parts[1..]);
        }

#pragma warning disable CA2255 // a module initializer in a test assembly, used only as a child-process entry point
        [ModuleInitializer]
#pragma warning restore CA2255
        internal static void ChildEntryPoint()
        {
            string? output = Environment.GetEnvironmentVariable(OutputVariable);
            string? answer = Environment.GetEnvironmentVariable(AnswerVariable);
            if (string.IsNullOrEmpty(output) || string.IsNullOrEmpty(answer))
            {
                return;
            }

            string[] name = answer.Split('|');
            MethodInfo method = typeof(VectorWidthProcess).Assembly.GetType(name[0], throwOnError: true)!
                .GetMethod(name[1], BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic, Type.EmptyTypes)
                ?? throw new MissingMethodException(name[0], name[1]);
            File.WriteAllText(output, $"{Current} {(string)method.Invoke(null, null)!}");
            Environment.Exit(0);
        }
    }
}
