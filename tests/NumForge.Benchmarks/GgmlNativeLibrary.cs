using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace NumForge.Benchmarks
{
    /// <summary>
    /// ggml's libggml-base.so and libggml-cpu.so from LLamaSharp.Backend.Cpu 0.30.0 (the build variant this CPU runs),
    /// loaded by full path; ggml_cpu_init is called before any vec_dot kernel.
    /// </summary>
    internal static unsafe class GgmlNativeLibrary
    {
        private static readonly Lazy<(nint Base, nint Cpu, string Variant)> s_handles = new(Load);

        public static string Variant => s_handles.Value.Variant;

        public static nint Base(string name) => NativeLibrary.GetExport(s_handles.Value.Base, name);

        public static nint Cpu(string name) => NativeLibrary.GetExport(s_handles.Value.Cpu, name);

        private static (nint, nint, string) Load()
        {
            string package = typeof(GgmlNativeLibrary).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .FirstOrDefault(a => a.Key == "LLamaSharpBackendCpuPath")?.Value
                ?? throw new InvalidOperationException("The build did not record where LLamaSharp.Backend.Cpu was restored.");
            string variant = Avx512F.IsSupported && Avx512BW.IsSupported && Avx512DQ.IsSupported && Avx512F.VL.IsSupported ? "avx512"
                : Avx2.IsSupported && Fma.IsSupported ? "avx2"
                : Avx.IsSupported ? "avx"
                : "noavx";
            string folder = Path.Combine(package, "LLamaSharpRuntimes", "linux-x64", "native", variant);
            nint baseHandle = NativeLibrary.Load(Path.Combine(folder, "libggml-base.so"));
            nint cpuHandle = NativeLibrary.Load(Path.Combine(folder, "libggml-cpu.so"));
            ((delegate* unmanaged<void>)NativeLibrary.GetExport(cpuHandle, "ggml_cpu_init"))();
            return (baseHandle, cpuHandle, variant);
        }
    }
}
