using System;
using System.IO;
using System.Runtime.InteropServices;

namespace NumForge.Benchmarks
{
    /// <summary>
    /// SoftPosit (C, gcc -O2) with NumForge's loop harness (native/softposit_loops.c), built outside the repository
    /// into one shared library and named by the <c>NF_SOFTPOSIT_LIB</c> environment variable (full path); loaded by
    /// full path with <see cref="NativeLibrary"/>. See docs/benchmarks.md, "SoftPosit anchor", for the build.
    /// </summary>
    internal static class SoftPositNativeLibrary
    {
        /// <summary>The environment variable that holds the library's full path.</summary>
        public const string Variable = "NF_SOFTPOSIT_LIB";

        private static readonly Lazy<nint> s_handle = new(Load);

        /// <summary>The address of an exported harness loop (e.g. <c>sp_p16_add</c>).</summary>
        public static nint Export(string name) => NativeLibrary.TryGetExport(s_handle.Value, name, out nint address)
            ? address
            : throw new InvalidOperationException($"{Path} does not export {name}: rebuild it with the current tests/NumForge.Benchmarks/native/softposit_loops.c.");

        private static string Path => Environment.GetEnvironmentVariable(Variable) ?? "";

        private static nint Load()
        {
            string path = Path;
            if (path.Length == 0)
            {
                throw new InvalidOperationException(
                    $"{Variable} is not set: set it to the full path of the SoftPosit benchmark library (libsoftposit_bench.so), built as docs/benchmarks.md, \"SoftPosit anchor\", describes.");
            }

            if (!File.Exists(path))
            {
                throw new InvalidOperationException($"{Variable} names '{path}', which does not exist: build libsoftposit_bench.so as docs/benchmarks.md, \"SoftPosit anchor\", describes.");
            }

            return NativeLibrary.Load(path);
        }
    }
}
