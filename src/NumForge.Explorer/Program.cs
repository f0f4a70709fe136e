using System;
using System.CommandLine;
using System.CommandLine.Help;
using System.IO;
using NumForge.Explorer.Commands;

namespace NumForge.Explorer
{
    /// <summary>The <c>numforge</c> command line: wires the commands and runs them with the given output writers.</summary>
    public static class ExplorerApp
    {
        /// <summary>
        /// Parses <paramref name="args"/> and runs the command they name, writing results to <paramref name="stdout"/>
        /// and problems to <paramref name="stderr"/>. Returns the exit code: 0 on success, 1 for any problem (an unknown
        /// format, a bad number, a command-line error). Never throws for bad input and never prints a stack trace.
        /// </summary>
        /// <param name="args">The command-line arguments, e.g. <c>["encode", "Float8E4M3FN", "3.3"]</c>.</param>
        /// <param name="stdout">Where results and help go.</param>
        /// <param name="stderr">Where error messages go.</param>
        public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
        {
            ArgumentNullException.ThrowIfNull(args);
            ArgumentNullException.ThrowIfNull(stdout);
            ArgumentNullException.ThrowIfNull(stderr);

            try
            {
                ParseResult parsed = CreateRootCommand().Parse(args);
                return parsed.Invoke(new InvocationConfiguration
                {
                    Output = stdout,
                    Error = stderr,
                    EnableDefaultExceptionHandler = false,
                });
            }
            catch (ExplorerException problem)
            {
                stderr.WriteLine("numforge: " + problem.Message);
                return 1;
            }
            catch (Exception unexpected) when (unexpected is not OutOfMemoryException)
            {
                stderr.WriteLine($"numforge: internal error ({unexpected.GetType().Name}): {unexpected.Message}");
                return 1;
            }
        }

        /// <summary>Builds the command tree: <c>list</c>, <c>show</c>, <c>encode</c>, <c>decode</c>.</summary>
        internal static Command CreateRootCommand()
        {
            // A plain Command rather than RootCommand, whose name (shown in help) would be the assembly's, not the tool's.
            var root = new Command("numforge", "Explore NumForge's low-precision number formats: BFloat16, TF32, FP8, FP6, FP4 and posits.")
            {
                new HelpOption(),
                new VersionOption(),
            };
            root.Subcommands.Add(ListCommand.Create());
            root.Subcommands.Add(ShowCommand.Create());
            root.Subcommands.Add(EncodeCommand.Create());
            root.Subcommands.Add(DecodeCommand.Create());
            root.Subcommands.Add(QuantCommand.Create());
            return root;
        }
    }

    /// <summary>The process entry point.</summary>
    internal static class Program
    {
        private static int Main(string[] args) => ExplorerApp.Run(args, Console.Out, Console.Error);
    }
}
