using System;
using System.Buffers.Binary;
using System.Runtime.Intrinsics.X86;

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

        /// <summary>Packs codes (each below 2^bits) into a row (every byte of the row's codes is written).</summary>
        public static void Pack(ReadOnlySpan<byte> codes, Span<byte> row, int bits, bool highNibbleFirst = false)
        {
            if (bits == 8)
            {
                codes.CopyTo(row);
                return;
            }

            // Eight codes at a time with one parallel bit extract: byte i of the 64-bit word holds code i, so taking the low
            // `bits` of every byte lays the codes out LSB first, exactly as the bit stream wants them (8 * bits bits).
            int done = 0;
            if (Bmi2.X64.IsSupported && bits is 2 or 3 or 4)
            {
                ulong mask = bits switch { 4 => 0x0F0F0F0F0F0F0F0FUL, 3 => 0x0707070707070707UL, _ => 0x0303030303030303UL };
                int at = 0;
                for (; done + 8 <= codes.Length; done += 8, at += bits)
                {
                    ulong packed = Bmi2.X64.ParallelBitExtract(BinaryPrimitives.ReadUInt64LittleEndian(codes.Slice(done, 8)), mask);
                    if (highNibbleFirst && bits == 4)
                    {
                        packed = ((packed & 0x0F0F0F0FUL) << 4) | ((packed >> 4) & 0x0F0F0F0FUL);
                    }

                    if (at + 4 <= row.Length)
                    {
                        // 3 bits: the fourth byte written is the next run's first byte, which that run overwrites.
                        BinaryPrimitives.WriteUInt32LittleEndian(row.Slice(at, 4), (uint)packed);
                    }
                    else
                    {
                        for (int b = 0; b < bits; b++)
                        {
                            row[at + b] = (byte)(packed >> (8 * b));
                        }
                    }
                }

                if (done == codes.Length)
                {
                    return;
                }
            }

            // The rest (or everything without BMI2) one code at a time; a run of eight codes fills whole bytes, so the
            // rest starts on a byte boundary.
            PackSlowly(codes[done..], row[(done * bits / 8)..], bits, highNibbleFirst);
        }

        private static void PackSlowly(ReadOnlySpan<byte> codes, Span<byte> row, int bits, bool highNibbleFirst)
        {
            if (bits == 4)
            {
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
            }

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
        }
    }
}
