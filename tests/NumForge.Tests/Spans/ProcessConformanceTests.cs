using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using NumForge.CompilerServices;
using NumForge.CompilerServices.Spans;
using Xunit;

namespace NumForge.Tests.Spans
{
    /// <summary>
    /// The span converters give the same bits with Vector512 disabled and with all hardware acceleration disabled.
    /// The test runs this test assembly itself in child processes (<c>dotnet NumForge.Tests.dll</c>) with
    /// <c>DOTNET_EnableAVX512F=0</c> or <c>DOTNET_EnableHWIntrinsic=0</c>; a module initializer sees
    /// <c>NUMFORGE_SPAN_HASH_OUT</c>, writes a hash of many conversions to that file and exits before the test host's
    /// entry point runs.
    /// </summary>
    public class ProcessConformanceTests
    {
        private const string OutputVariable = "NUMFORGE_SPAN_HASH_OUT";

#pragma warning disable CA2255 // a module initializer in a test assembly, used only as a child-process entry point
        [ModuleInitializer]
#pragma warning restore CA2255
        internal static void ChildEntryPoint()
        {
            string? output = Environment.GetEnvironmentVariable(OutputVariable);
            if (string.IsNullOrEmpty(output))
            {
                return;
            }

            File.WriteAllText(output, $"{Hash(SimdWidth.Auto)} {FloatSpan<SpanTraits<SE4M3FN>>.Resolve(SimdWidth.Auto)}");
            Environment.Exit(0);
        }

        /// <summary>SHA-256 of the bytes of many span conversions (every entry point, several formats, every mode).</summary>
        internal static string Hash(SimdWidth width)
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            float[] floats = SpanInputs.Every(SpanInputs.Floats, 3);
            double[] doubles = SpanInputs.Every(SpanInputs.Doubles, 3);
            Half[] halves = SpanInputs.Halves();
            Add<SE4M3FN, byte>(hash, floats, doubles, halves, width);
            Add<SE5M2, byte>(hash, floats, doubles, halves, width);
            Add<SE2M1, byte>(hash, floats, doubles, halves, width);
            Add<SE8M0, byte>(hash, floats, doubles, halves, width);
            Add<SBF16, ushort>(hash, floats, doubles, halves, width);
            Add<SBinary16, ushort>(hash, floats, doubles, halves, width);
            Add<STF32, uint>(hash, floats, doubles, halves, width);
            return Convert.ToHexString(hash.GetHashAndReset());
        }

        private static void Add<TSpec, TBits>(IncrementalHash hash, float[] floats, double[] doubles, Half[] halves, SimdWidth width)
            where TSpec : struct, ISpanSpec
            where TBits : unmanaged, System.Numerics.IBinaryInteger<TBits>
        {
            var codes = new TBits[floats.Length];
            var codesFromDouble = new TBits[doubles.Length];
            var codesFromHalf = new TBits[halves.Length];
            foreach (MidpointRounding mode in Enum.GetValues<MidpointRounding>())
            {
                foreach (bool saturate in new[] { false, true })
                {
                    FloatSpan<SpanTraits<TSpec>>.FromSingleCore<TBits, NoRandom>(floats, codes, mode, saturate, 0, default, width);
                    hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(codes.AsSpan()));
                    FloatSpan<SpanTraits<TSpec>>.FromDoubleCore<TBits>(doubles, codesFromDouble, mode, saturate, width);
                    hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(codesFromDouble.AsSpan()));
                    FloatSpan<SpanTraits<TSpec>>.FromHalfCore<TBits>(halves, codesFromHalf, mode, saturate, width);
                    hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(codesFromHalf.AsSpan()));
                }
            }

            FloatSpan<SpanTraits<TSpec>>.FromSingleCore<TBits, SeededRandom>(floats, codes, MidpointRounding.ToEven, false, 7, default, width);
            hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(codes.AsSpan()));

            var singles = new float[codes.Length];
            var wide = new double[codes.Length];
            var narrow = new Half[codes.Length];
            for (int i = 0; i < codes.Length; i++)
            {
                codes[i] = TBits.CreateTruncating(BitConverter.SingleToUInt32Bits(floats[i]));
            }

            FloatSpan<SpanTraits<TSpec>>.ToSingleCore<TBits>(codes, singles, width);
            FloatSpan<SpanTraits<TSpec>>.ToDoubleCore<TBits>(codes, wide, width);
            FloatSpan<SpanTraits<TSpec>>.ToHalfCore<TBits>(codes, narrow, width);
            hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(singles.AsSpan()));
            hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(wide.AsSpan()));
            hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(narrow.AsSpan()));

            if (TSpec.Layout.TotalBits <= 8)
            {
                var packed = new byte[FloatSpan<SpanTraits<TSpec>>.PackedLength(floats.Length)];
                FloatSpan<SpanTraits<TSpec>>.FromSingleToPackedCore(floats, packed, MidpointRounding.ToEven, false, width);
                hash.AppendData(packed);
                FloatSpan<SpanTraits<TSpec>>.PackedToSingleCore(packed, singles, width);
                hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(singles.AsSpan()));
            }
        }

        [Fact]
        public void Same_bits_without_AVX512_and_without_any_hardware_acceleration()
        {
            string scalar = Hash(SimdWidth.Scalar);
            Assert.Equal(scalar, Hash(SimdWidth.Auto));

            (string noAvx512, string noAvx512Width) = RunChild("DOTNET_EnableAVX512F");
            (string noSimd, string noSimdWidth) = RunChild("DOTNET_EnableHWIntrinsic");
            Assert.Equal("Scalar", noSimdWidth);
            Assert.NotEqual("V512", noAvx512Width);
            Assert.Equal(scalar, noAvx512);
            Assert.Equal(scalar, noSimd);
        }

        private static (string Hash, string Width) RunChild(string disable)
        {
            string assembly = typeof(ProcessConformanceTests).Assembly.Location;
            string output = Path.Combine(Path.GetTempPath(), $"numforge-span-hash-{Guid.NewGuid():N}.txt");
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.ArgumentList.Add("exec");
            start.ArgumentList.Add(assembly);
            start.Environment[OutputVariable] = output;
            start.Environment[disable] = "0";
            using Process process = Process.Start(start)!;
            string stdout = process.StandardOutput.ReadToEnd();
            string stderr = process.StandardError.ReadToEnd();
            Assert.True(process.WaitForExit(600_000), "child process timed out");
            Assert.True(process.ExitCode == 0 && File.Exists(output), $"child with {disable}=0 failed ({process.ExitCode}): {stdout} {stderr}");
            string[] parts = File.ReadAllText(output).Split(' ');
            File.Delete(output);
            return (parts[0], parts[1]);
        }
    }
}
