using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace NumForge.Tests.Ggml
{
    /// <summary>
    /// ggml itself as a live oracle: libggml-base.so and libggml-cpu.so from the NuGet package LLamaSharp.Backend.Cpu
    /// 0.30.0 (restored like any package, path recorded by the build), the build variant the CPU supports, loaded by
    /// full path. A machine where they cannot load fails every test that asks for them (no skip).
    /// </summary>
    internal static unsafe class GgmlNative
    {
        private static readonly Lazy<Libraries> s_libraries = new(Load);

        public static nint Base => s_libraries.Value.Base;

        public static nint Cpu => s_libraries.Value.Cpu;

        public static string Variant => s_libraries.Value.Variant;

        /// <summary>An exported function of libggml-base.so (or libggml-cpu.so when <paramref name="cpu"/>).</summary>
        public static nint Export(string name, bool cpu = false)
            => NativeLibrary.GetExport(cpu ? Cpu : Base, name);

        /// <summary>quantize_row_{type}_ref on whole blocks.</summary>
        public static byte[] QuantizeRowRef(string type, ReadOnlySpan<float> x, int blockBytes, int blockSize)
        {
            var f = (delegate* unmanaged<float*, byte*, long, void>)Export($"quantize_row_{type}_ref");
            byte[] result = new byte[x.Length / blockSize * blockBytes];
            fixed (float* px = x)
            fixed (byte* py = result)
            {
                f(px, py, x.Length);
            }

            return result;
        }

        /// <summary>dequantize_row_{type}.</summary>
        public static float[] DequantizeRow(string type, ReadOnlySpan<byte> blocks, int count)
        {
            var f = (delegate* unmanaged<byte*, float*, long, void>)Export($"dequantize_row_{type}");
            float[] result = new float[count];
            fixed (byte* px = blocks)
            fixed (float* py = result)
            {
                f(px, py, count);
            }

            return result;
        }

        private static Libraries Load()
        {
            string? package = typeof(GgmlNative).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .FirstOrDefault(a => a.Key == "LLamaSharpBackendCpuPath")?.Value;
            if (string.IsNullOrEmpty(package))
            {
                throw new InvalidOperationException("The build did not record where LLamaSharp.Backend.Cpu was restored (PkgLLamaSharp_Backend_Cpu); restore the test project.");
            }

            string variant = Avx512F.IsSupported && Avx512BW.IsSupported && Avx512DQ.IsSupported && Avx512F.VL.IsSupported ? "avx512"
                : Avx2.IsSupported && Fma.IsSupported ? "avx2"
                : Avx.IsSupported ? "avx"
                : "noavx";
            string folder = Path.Combine(package, "LLamaSharpRuntimes", "linux-x64", "native", variant);
            string basePath = Path.Combine(folder, "libggml-base.so");
            string cpuPath = Path.Combine(folder, "libggml-cpu.so");
            if (!File.Exists(basePath) || !File.Exists(cpuPath))
            {
                throw new FileNotFoundException($"ggml's native libraries are missing from {folder} (LLamaSharp.Backend.Cpu 0.30.0 layout).", basePath);
            }

            nint baseHandle = NativeLibrary.Load(basePath);
            nint cpuHandle = NativeLibrary.Load(cpuPath);

            // Without ggml_cpu_init the CPU backend's tables (fp16 and friends) are empty and the vec_dot functions return 0.
            ((delegate* unmanaged<void>)NativeLibrary.GetExport(cpuHandle, "ggml_cpu_init"))();
            return new Libraries(baseHandle, cpuHandle, variant);
        }

        private sealed record Libraries(nint Base, nint Cpu, string Variant);
    }
}
