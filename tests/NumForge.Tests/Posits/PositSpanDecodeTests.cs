using System;
using System.Numerics;
using NumForge.CompilerServices;
using Xunit;

namespace NumForge.Tests.Posits
{
    /// <summary>
    /// Posit-to-float spans (the table, read eight codes per gather where AVX2 has one) against the codec: every code,
    /// every length to 40 at odd offsets (the gather's tail), and codes with bits above the format's width.
    /// </summary>
    public class PositSpanDecodeTests
    {
        [Fact]
        public void Every_code_decodes_as_the_codec_does()
        {
            Assert.Null(Check<P8E0, byte>());
            Assert.Null(Check<P8E2, byte>());
            Assert.Null(Check<P6E1, byte>());
            Assert.Null(Check<P16E1, ushort>());
            Assert.Null(Check<P16E2, ushort>());
            Assert.Null(Check<P12E3, ushort>());
        }

        private static string? Check<TTraits, TBits>()
            where TTraits : struct, IPositTraits
            where TBits : unmanaged, IBinaryInteger<TBits>
        {
            // Every storage value, so codes of narrow formats come with garbage above their width too.
            int count = 1 << (8 * System.Runtime.CompilerServices.Unsafe.SizeOf<TBits>());
            var codes = new TBits[count];
            for (int i = 0; i < count; i++)
            {
                codes[i] = TBits.CreateTruncating(i);
            }

            var values = new float[count];
            PositSpan<TTraits>.ConvertToSingle<TBits>(codes, values);
            for (int i = 0; i < count; i++)
            {
                uint expected = BitConverter.SingleToUInt32Bits(PositCodec<TTraits>.ToSingle((ulong)i & TTraits.CodeMask));
                if (BitConverter.SingleToUInt32Bits(values[i]) != expected)
                {
                    return $"{typeof(TTraits).Name} code 0x{i:X}: span 0x{BitConverter.SingleToUInt32Bits(values[i]):X8} codec 0x{expected:X8}";
                }
            }

            for (int length = 0; length <= 40; length++)
            {
                int offset = (length * 7) % 13;
                var part = new float[length + 3];
                PositSpan<TTraits>.ConvertToSingle<TBits>(codes.AsSpan(offset * 5, length), part.AsSpan(length % 3, length));
                for (int i = 0; i < length; i++)
                {
                    uint expected = BitConverter.SingleToUInt32Bits(PositCodec<TTraits>.ToSingle(ulong.CreateTruncating(codes[(offset * 5) + i]) & TTraits.CodeMask));
                    if (BitConverter.SingleToUInt32Bits(part[(length % 3) + i]) != expected)
                    {
                        return $"{typeof(TTraits).Name} length {length} index {i}: wrong value";
                    }
                }
            }

            return null;
        }
    }
}
