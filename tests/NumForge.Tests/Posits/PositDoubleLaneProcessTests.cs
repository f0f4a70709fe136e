using System;
using System.Security.Cryptography;
using NumForge.CompilerServices;
using NumForge.CompilerServices.Spans;
using NumForge.Tests.Support;
using Xunit;

namespace NumForge.Tests.Posits
{
    /// <summary>
    /// Posit32 span Add, Multiply and FusedMultiplyAdd give the scalar kernels' bits at every vector width the machine
    /// has, each in a child process of this assembly with <c>DOTNET_PreferredVectorBitWidth</c> or
    /// <c>DOTNET_EnableHWIntrinsic=0</c> (the rows of <see cref="VectorWidthProcess.Widths"/>); the child reports the
    /// width its spans resolved to and which calls ran double lanes there, and hashes the lanes of its width forced on
    /// too (where the public calls keep the scalar kernels because the lanes do not pay).
    /// </summary>
    public class PositDoubleLaneProcessTests
    {
        /// <summary>The child's answer: the scalar-width hash of its public calls and which calls ran double lanes.</summary>
        internal static string ChildAnswer() => $"{Hash(SimdWidth.Auto)} {LanesRun()}";

        /// <summary>Which public posit32 span calls ran double lanes here (add, mul, fma: 1 or 0 each), and whether the forced lanes did.</summary>
        internal static string LanesRun()
        {
            var spans = PositDoubleLaneTests.RandomSpans<Posit32.Traits>(new Random(63), 64);
            var result = new uint[64];
            int add = PositSpan<Posit32.Traits>.RunDoubleLanes<uint, AddLanes>(spans.X, spans.Y, spans.Z, result, SimdWidth.Auto);
            int mul = PositSpan<Posit32.Traits>.RunDoubleLanes<uint, MultiplyLanes>(spans.X, spans.Y, spans.Z, result, SimdWidth.Auto);
            int fma = PositSpan<Posit32.Traits>.RunDoubleLanes<uint, FusedMultiplyAddLanes>(spans.X, spans.Y, spans.Z, result, SimdWidth.Auto);
            int forced = PositSpan<Posit32.Traits>.RunDoubleLanes<uint, FusedMultiplyAddLanes>(spans.X, spans.Y, spans.Z, result, SimdWidth.Auto, everyWidth: true);
            return $"{Math.Sign(add)}{Math.Sign(mul)}{Math.Sign(fma)}{Math.Sign(forced)}";
        }

        /// <summary>SHA-256 of posit32 span Add, Multiply and FusedMultiplyAdd over adversarial spans and random spans of lengths 0 to 40.</summary>
        internal static string Hash(SimdWidth width)
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var adversarial = PositDoubleLaneTests.AdversarialSpans<Posit32.Traits>(61);
            Append(hash, adversarial, width);
            var random = new Random(62);
            for (int length = 0; length <= 40; length++)
            {
                Append(hash, PositDoubleLaneTests.RandomSpans<Posit32.Traits>(random, length), width);
            }

            // The lanes of the width even where the public calls do not run them (they must still be exact there).
            hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(PositDoubleLaneTests.ForcedLanes<Posit32.Traits, AddLanes>(adversarial, width).AsSpan()));
            hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(PositDoubleLaneTests.ForcedLanes<Posit32.Traits, MultiplyLanes>(adversarial, width).AsSpan()));
            hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(PositDoubleLaneTests.ForcedLanes<Posit32.Traits, FusedMultiplyAddLanes>(adversarial, width).AsSpan()));

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
        [MemberData(nameof(VectorWidthProcess.Widths), MemberType = typeof(VectorWidthProcess))]
        public void Same_bits_in_a_process_at_every_vector_width_the_machine_has(string expectedWidth, string variable, string value)
        {
            string[] parts = VectorWidthProcess.RunAt(expectedWidth, ChildAnswer, variable, value);

            // add, mul, fma in the public calls' lanes (all three at 512 bits only); the forced lanes at every vector width.
            string lanes = expectedWidth switch
            {
                "V512" => "1111",
                "V256" => "0001",
                "V128" => "0001",
                _ => "0000",
            };
            Assert.Equal(lanes, parts[1]);
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
