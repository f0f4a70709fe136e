using System;
using System.Runtime.Intrinsics;
using System.Security.Cryptography;
using NumForge.CompilerServices;
using NumForge.CompilerServices.Spans;
using NumForge.Tests.Support;
using Xunit;

namespace NumForge.Tests.Spans
{
    /// <summary>
    /// The span converters give the same bits at every vector width the machine has (512, 256, 128, scalar), each run
    /// in a child process of this test assembly (<see cref="VectorWidthProcess"/>) with
    /// <c>DOTNET_PreferredVectorBitWidth</c> or <c>DOTNET_EnableHWIntrinsic=0</c>, whose hash of many conversions must
    /// equal the scalar one.
    /// </summary>
    public class ProcessConformanceTests
    {
        // What the child process answers: the hash at the width it runs at.
        private static string ChildAnswer() => Hash(SimdWidth.Auto);

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
        public static TheoryData<string, string, string> Widths() => VectorWidthProcess.Widths();

        [Theory]
        [MemberData(nameof(Widths))]
        public void Same_bits_in_a_process_at_every_vector_width_the_machine_has(string expectedWidth, string variable, string value)
        {
            string[] child = VectorWidthProcess.RunAt(expectedWidth, ChildAnswer, variable, value);
            Assert.Equal(Hash(SimdWidth.Scalar), child[0]);
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
    }
}
