using System;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using NumForge.CompilerServices;
using NumForge.CompilerServices.Spans;
using NumForge.Tests.Support;
using Xunit;

namespace NumForge.Tests.Spans
{
    /// <summary>
    /// Half to BFloat16 (and a generated <c>[FloatFormat(6, 9)]</c>) gives the scalar bits in a child process at each
    /// vector width the machine has (512, 256, 128, scalar; <see cref="VectorWidthProcess.Widths"/>), and the
    /// child reports the width that ran: every Half code and the mixed inputs, apart and in place (a tail below one
    /// vector), every mode and saturation.
    /// </summary>
    public class HalfRebiasWidthTests
    {
        /// <summary>The child's answer (its width is read back by <see cref="VectorWidthProcess"/>).</summary>
        internal static string ChildAnswer() => Hash(SimdWidth.Auto);

        [Theory]
        [MemberData(nameof(VectorWidthProcess.Widths), MemberType = typeof(VectorWidthProcess))]
        public void Same_bits_as_the_scalar_cast_in_a_process_at_every_vector_width(string expectedWidth, string variable, string value)
        {
            string[] child = VectorWidthProcess.RunAt(expectedWidth, ChildAnswer, variable, value);
            Assert.Equal(Hash(SimdWidth.Scalar), child[0]);
        }

        /// <summary>SHA-256 of the codes of every Half and of the mixed inputs, per format, mode and saturation.</summary>
        internal static string Hash(SimdWidth width)
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            Half[] every = SpanInputs.Halves();
            Half[] mixed = Array.ConvertAll(SpanInputs.Mixed(), f => (Half)f);
            Add<SBF16>(hash, every, width);
            Add<SBF16>(hash, mixed, width);
            Add<SE6M9>(hash, every, width);
            Add<SE6M9>(hash, mixed, width);
            AddInPlace<SBF16>(hash, every[..^33], width);
            AddInPlace<SE6M9>(hash, mixed[..^1], width);
            return Convert.ToHexString(hash.GetHashAndReset());
        }

        /// <summary>Converted in place: the block loop leaves the last (length mod vector) elements to the tail.</summary>
        private static void AddInPlace<TSpec>(IncrementalHash hash, Half[] input, SimdWidth width)
            where TSpec : struct, ISpanSpec
        {
            foreach (MidpointRounding mode in Enum.GetValues<MidpointRounding>())
            {
                foreach (bool saturate in new[] { false, true })
                {
                    Half[] codes = (Half[])input.Clone();
                    FloatSpan<SpanTraits<TSpec>>.FromHalfCore<ushort>(codes, MemoryMarshal.Cast<Half, ushort>(codes.AsSpan()), mode, saturate, width);
                    hash.AppendData(MemoryMarshal.AsBytes(codes.AsSpan()));
                }
            }
        }

        private static void Add<TSpec>(IncrementalHash hash, Half[] input, SimdWidth width)
            where TSpec : struct, ISpanSpec
        {
            ushort[] codes = new ushort[input.Length];
            foreach (MidpointRounding mode in Enum.GetValues<MidpointRounding>())
            {
                foreach (bool saturate in new[] { false, true })
                {
                    FloatSpan<SpanTraits<TSpec>>.FromHalfCore<ushort>(input, codes, mode, saturate, width);
                    hash.AppendData(MemoryMarshal.AsBytes(codes.AsSpan()));
                }
            }
        }
    }
}
