using System;
using System.IO;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Security.Cryptography;
using NumForge.CompilerServices;
using NumForge.CompilerServices.Spans;
using NumForge.Tests.Support;
using Xunit;

namespace NumForge.Tests.Spans
{
    /// <summary>
    /// The span converters give the same bits at every vector width the machine has (512, 256, 128, scalar), each run
    /// in a child process of this test assembly (<c>dotnet exec NumForge.Tests.dll</c>) with
    /// <c>DOTNET_PreferredVectorBitWidth</c> or <c>DOTNET_EnableHWIntrinsic=0</c>; a module initializer sees
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

        /// <summary>SHA-256 of the bytes of many span conversions (every entry point, several formats, every mode, boundary patterns and clean values with specials at every lane position).</summary>
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

            // Clean values with specials at every lane position (NaN, infinities, overflow, ties, subnormals; for
            // doubles also ties moved by one double unit), for every entry point, mode and saturation.
            float[] mixed = SpanInputs.Mixed();
            double[] mixedDoubles = SpanInputs.MixedDoubles();
            Half[] mixedHalves = Array.ConvertAll(mixed, f => (Half)f);
            Add<SE4M3FN, byte>(hash, mixed, mixedDoubles, mixedHalves, width);
            Add<SE5M2, byte>(hash, mixed, mixedDoubles, mixedHalves, width);
            Add<SE2M1, byte>(hash, mixed, mixedDoubles, mixedHalves, width);
            Add<SBF16, ushort>(hash, mixed, mixedDoubles, mixedHalves, width);
            Add<SBinary16, ushort>(hash, mixed, mixedDoubles, mixedHalves, width);
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

        /// <summary>
        /// Every vector width this machine has, with the environment that makes a child process run at exactly that
        /// width on .NET 10: <c>DOTNET_EnableAVX512F</c> is ignored there, so Vector512 is capped with
        /// <c>DOTNET_PreferredVectorBitWidth</c> and all intrinsics are turned off with <c>DOTNET_EnableHWIntrinsic=0</c>.
        /// </summary>
        public static TheoryData<string, string, string> Widths()
        {
            var widths = new TheoryData<string, string, string>();
            // By the instruction set, not by Vector512.IsHardwareAccelerated: a parent capped at 256 bits (or a CPU whose
            // default preferred width is 256) still has 512-bit vectors for the child that asks for them.
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

        [Theory]
        [MemberData(nameof(Widths))]
        public void Same_bits_in_a_process_at_every_vector_width_the_machine_has(string expectedWidth, string variable, string value)
        {
            (string hash, string width) = RunChild(variable, value);
            Assert.Equal(expectedWidth, width);
            Assert.Equal(Hash(SimdWidth.Scalar), hash);
        }

        [Fact]
        public void Every_width_forced_in_process_gives_the_scalar_bits()
        {
            string scalar = Hash(SimdWidth.Scalar);
            Assert.Equal(scalar, Hash(SimdWidth.Auto));
            if (Vector128.IsHardwareAccelerated)
            {
                Assert.Equal(scalar, Hash(SimdWidth.V128));
            }

            if (Vector256.IsHardwareAccelerated)
            {
                Assert.Equal(scalar, Hash(SimdWidth.V256));
            }

            if (Vector512.IsHardwareAccelerated)
            {
                Assert.Equal(scalar, Hash(SimdWidth.V512));
            }
        }

        [Fact]
        public void The_width_list_covers_the_widest_width_of_this_machine()
        {
            // Guards the theory above: on an AVX-512 machine the 512-bit child must be among the cases.
            string widest = FloatSpan<SpanTraits<SE4M3FN>>.Resolve(SimdWidth.Auto).ToString();
            Assert.Contains(Widths(), row => (string)row[0] == widest);
        }

        private static (string Hash, string Width) RunChild(string variable, string value)
        {
            string[] parts = ChildProcess.Run(OutputVariable, variable, value);
            return (parts[0], parts[1]);
        }
    }
}
