using System;
using System.IO;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Security.Cryptography;
using NumForge.CompilerServices;
using NumForge.CompilerServices.Spans;
using NumForge.Tests.Spans;
using NumForge.Tests.Support;
using Xunit;

namespace NumForge.Tests.Posits
{
    /// <summary>
    /// Posit32 span Add, Multiply and FusedMultiplyAdd give the scalar kernels' bits at every vector width the machine
    /// has, each in a child process of this assembly with <c>DOTNET_PreferredVectorBitWidth</c> or
    /// <c>DOTNET_EnableHWIntrinsic=0</c> (the rows of <see cref="ProcessConformanceTests.Widths"/>); the child reports the
    /// width its spans resolved to and whether the double lanes ran there.
    /// </summary>
    public class PositDoubleLaneProcessTests
    {
        private const string OutputVariable = "NUMFORGE_POSIT_LANES_HASH_OUT";

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

            SimdWidth width = SimdWidths.Resolve(SimdWidth.Auto);
            File.WriteAllText(output, $"{Hash(SimdWidth.Auto)} {width} {LanesRun(width)}");
            Environment.Exit(0);
        }

        /// <summary>Whether the posit32 double lanes apply at the width (false at the scalar width, where none run).</summary>
        internal static bool LanesRun(SimdWidth width) => width switch
        {
            SimdWidth.V512 => PositDoubleLanes<Posit32.Traits, Vector512x64, Vector512<ulong>>.Applies,
            SimdWidth.V256 => PositDoubleLanes<Posit32.Traits, Vector256x64, Vector256<ulong>>.Applies,
            SimdWidth.V128 => PositDoubleLanes<Posit32.Traits, Vector128x64, Vector128<ulong>>.Applies,
            _ => false,
        };

        /// <summary>SHA-256 of posit32 span Add, Multiply and FusedMultiplyAdd over adversarial spans and random spans of lengths 0 to 40.</summary>
        internal static string Hash(SimdWidth width)
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            Append(hash, PositDoubleLaneTests.AdversarialSpans<Posit32.Traits>(61), width);
            var random = new Random(62);
            for (int length = 0; length <= 40; length++)
            {
                Append(hash, PositDoubleLaneTests.RandomSpans<Posit32.Traits>(random, length), width);
            }

            return Convert.ToHexString(hash.GetHashAndReset());
        }

        private static void Append(IncrementalHash hash, (uint[] X, uint[] Y, uint[] Z) spans, SimdWidth width)
        {
            var result = new uint[spans.X.Length];
            PositSpan<Posit32.Traits>.BinaryCore<uint, AddLanes>(spans.X, spans.Y, result, width);
            hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(result.AsSpan()));
            PositSpan<Posit32.Traits>.BinaryCore<uint, MultiplyLanes>(spans.X, spans.Y, result, width);
            hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(result.AsSpan()));
            PositSpan<Posit32.Traits>.FusedMultiplyAddCore<uint>(spans.X, spans.Y, spans.Z, result, width);
            hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(result.AsSpan()));
        }

        [Theory]
        [MemberData(nameof(ProcessConformanceTests.Widths), MemberType = typeof(ProcessConformanceTests))]
        public void Same_bits_in_a_process_at_every_vector_width_the_machine_has(string expectedWidth, string variable, string value)
        {
            string[] parts = ChildProcess.Run(OutputVariable, variable, value);
            Assert.Equal(expectedWidth, parts[1]);
            Assert.Equal(expectedWidth != nameof(SimdWidth.Scalar), bool.Parse(parts[2]));
            Assert.Equal(Hash(SimdWidth.Scalar), parts[0]);
        }

        [Fact]
        public void The_scalar_hash_is_the_exact_kernels_hash()
        {
            // Guards the theory above: its reference is the scalar kernels, which must themselves be exact here.
            Assert.Null(PositDoubleLaneTests.Check<Posit32.Traits>(SimdWidth.Scalar, PositDoubleLaneTests.AdversarialSpans<Posit32.Traits>(61)));
        }
    }
}
