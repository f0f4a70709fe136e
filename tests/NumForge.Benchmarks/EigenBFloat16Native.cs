using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;

namespace NumForge.Benchmarks
{
    /// <summary>
    /// Eigen's bfloat16 casts as the anchor of issue 12 (BFloat16 at least as fast as Eigen's cast): the loops of
    /// Eigen/src/Core/arch/Default/BFloat16.h (float to bfloat16 rounds to nearest even by adding 0x7FFF plus the lowest
    /// kept bit, NaN to a quiet NaN of its sign; bfloat16 to float is a shift), written as plain C and compiled when the
    /// benchmark starts with the machine's C compiler (<c>cc</c>, or <c>NF_BENCH_CC</c>) at <c>-O3 -march=native</c>,
    /// so the compiler auto-vectorizes them as it does Eigen's <c>.cast&lt;bfloat16&gt;()</c> loop. Loaded with
    /// <see cref="NativeLibrary"/>; without a compiler the Eigen rows fail with the reason and the others run.
    /// </summary>
    internal static unsafe class EigenBFloat16Native
    {
        private const string Source = """
            #include <stdint.h>
            #include <string.h>
            #include <stddef.h>
            static inline uint16_t to_bf16(float f) {
              uint32_t u; memcpy(&u, &f, 4);
              if (f != f) return (u >> 31) ? 0xFFC0 : 0x7FC0;
              u += 0x7FFFu + ((u >> 16) & 1u);
              return (uint16_t)(u >> 16);
            }
            void nf_eigen_f32_to_bf16(const float* s, uint16_t* d, size_t n) { for (size_t i = 0; i < n; i++) d[i] = to_bf16(s[i]); }
            void nf_eigen_bf16_to_f32(const uint16_t* s, float* d, size_t n) {
              for (size_t i = 0; i < n; i++) { uint32_t u = (uint32_t)s[i] << 16; memcpy(&d[i], &u, 4); }
            }
            """;

        private static readonly Lazy<nint> s_library = new(Build);

        /// <summary>float to bfloat16 bits, n elements.</summary>
        public static delegate* unmanaged<float*, ushort*, nuint, void> FromSingle
            => (delegate* unmanaged<float*, ushort*, nuint, void>)NativeLibrary.GetExport(s_library.Value, "nf_eigen_f32_to_bf16");

        /// <summary>bfloat16 bits to float, n elements.</summary>
        public static delegate* unmanaged<ushort*, float*, nuint, void> ToSingle
            => (delegate* unmanaged<ushort*, float*, nuint, void>)NativeLibrary.GetExport(s_library.Value, "nf_eigen_bf16_to_f32");

        /// <summary>Compiles and loads the anchor now (outside the measured calls); a failure surfaces in the Eigen rows instead.</summary>
        public static void TryLoad()
        {
            try
            {
                _ = s_library.Value;
            }
            catch (InvalidOperationException)
            {
                // No compiler here: the Eigen rows report it when they run.
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // The compiler could not be started: as above.
            }
        }

        private static nint Build()
        {
            string folder = Path.Combine(Path.GetTempPath(), "nf-eigen-bf16-" + Environment.ProcessId);
            Directory.CreateDirectory(folder);
            string source = Path.Combine(folder, "bf16.c");
            string library = Path.Combine(folder, "libnfbf16.so");
            File.WriteAllText(source, Source);
            string compiler = Environment.GetEnvironmentVariable("NF_BENCH_CC") is { Length: > 0 } cc ? cc : "cc";
            var start = new ProcessStartInfo(compiler, ["-O3", "-march=native", "-shared", "-fPIC", "-o", library, source])
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            };
            using Process process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start the C compiler '{compiler}'.");
            string errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"'{compiler}' failed on the Eigen bfloat16 anchor ({process.ExitCode}): {errors}");
            }

            return NativeLibrary.Load(library);
        }
    }
}
