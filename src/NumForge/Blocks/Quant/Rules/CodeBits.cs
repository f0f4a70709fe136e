using System;

namespace NumForge.Blocks.Quant.Rules
{
    /// <summary>
    /// Element codes packed in a row of bytes as an LSB-first bit stream: code i sits in bits i*b .. i*b+b-1 (two 4-bit
    /// codes per byte with the even one in the low nibble, four 2-bit codes per byte, eight 3-bit codes per three bytes).
    /// NF4 alone stores the even code in the HIGH nibble (bitsandbytes' layout): the highNibbleFirst arguments.
    /// </summary>
    internal static class CodeBits
    {
        /// <summary>Bytes of one row of <paramref name="count"/> codes of <paramref name="bits"/> bits (the last byte padded).</summary>
        public static int RowBytes(int count, int bits) => checked((int)(((long)count * bits + 7) / 8));

        public static int Get(ReadOnlySpan<byte> row, int index, int bits, bool highNibbleFirst = false)
        {
            switch (bits)
            {
                case 8:
                    return row[index];
                case 4:
                    int shift = ((index & 1) == 0) != highNibbleFirst ? 0 : 4;
                    return (row[index >> 1] >> shift) & 0xF;
                default:
                    long bit = (long)index * bits;
                    int at = (int)(bit >> 3);
                    int word = row[at] | (at + 1 < row.Length ? row[at + 1] << 8 : 0);
                    return (word >> (int)(bit & 7)) & ((1 << bits) - 1);
            }
        }

        /// <summary>Packs codes (each below 2^bits) into a zeroed row.</summary>
        public static void Pack(ReadOnlySpan<byte> codes, Span<byte> row, int bits, bool highNibbleFirst = false)
        {
            switch (bits)
            {
                case 8:
                    codes.CopyTo(row);
                    return;
                case 4:
                    int lowShift = highNibbleFirst ? 4 : 0;
                    int i = 0;
                    for (; i + 1 < codes.Length; i += 2)
                    {
                        row[i >> 1] = (byte)((codes[i] << lowShift) | (codes[i + 1] << (4 - lowShift)));
                    }

                    if (i < codes.Length)
                    {
                        row[i >> 1] = (byte)(codes[i] << lowShift);
                    }

                    return;
                default:
                    row[..RowBytes(codes.Length, bits)].Clear();
                    for (int k = 0; k < codes.Length; k++)
                    {
                        long bit = (long)k * bits;
                        int at = (int)(bit >> 3);
                        int value = codes[k] << (int)(bit & 7);
                        row[at] |= (byte)value;
                        if ((value >> 8) != 0)
                        {
                            row[at + 1] |= (byte)(value >> 8);
                        }
                    }

                    return;
            }
        }
    }
}
