using System;
using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using NumForge.Blocks.Quant.Rules;

namespace NumForge.Blocks.Quant.Kernels
{
    /// <summary>
    /// <see cref="QuantizedMatrix.Dequantize"/> for the W{N}G{M}, MX, NVFP4 and NF4 schemes: each row's codes are
    /// unpacked to one byte each, then each group's codes are looked up in a table of every code's value, built per group
    /// with the reference formula (<c>(q - z) * s</c>, or <c>value(q) * s</c>) — the MatVec kernels' per-group table,
    /// without the FMA with x. 8-bit codes (2^8 entries would outnumber a group's codes) apply the formula per code.
    /// Every weight is computed by the same single float operation as the element-by-element reference, so the output
    /// is bit for bit the same at every width; AVX-512 looks up 16 codes with one <c>vpermps</c>.
    /// </summary>
    internal static class GroupDequantizer
    {
        /// <summary>Writes the dequantized matrix (row-major, original column order) to <paramref name="destination"/>.</summary>
        /// <param name="matrix">A matrix of a non-ggml scheme.</param>
        /// <param name="values">The element values by code (MX, NVFP4, NF4), or null for W{N}G{M} (the code is its value).</param>
        /// <param name="destination">Rows * Columns floats.</param>
        public static void Run(QuantizedMatrix matrix, float[]? values, Span<float> destination)
        {
            int columns = matrix.Columns;
            int bits = matrix.Scheme.Bits;
            bool high = matrix.Scheme.Kind == QuantSchemeKind.Nf4;
            ReadOnlySpan<int> order = matrix.ColumnOrder;
            byte[] codes = ArrayPool<byte>.Shared.Rent(columns);
            float[]? stored = order.IsEmpty ? null : ArrayPool<float>.Shared.Rent(columns);
            Span<float> table = stackalloc float[64];
            try
            {
                for (int r = 0; r < matrix.Rows; r++)
                {
                    ReadOnlySpan<byte> packed = matrix.CodeArray.AsSpan(matrix.CodeStart + (r * matrix.RowBytes), matrix.RowBytes);
                    ReadOnlySpan<byte> rowCodes = bits == 8 ? packed : Unpack(packed, codes.AsSpan(0, columns), bits, high);
                    Span<float> target = stored is null ? destination.Slice(r * columns, columns) : stored.AsSpan(0, columns);
                    Row(matrix, r, values, rowCodes, target, table);
                    if (stored is not null)
                    {
                        Span<float> output = destination.Slice(r * columns, columns);
                        for (int j = 0; j < columns; j++)
                        {
                            output[order[j]] = stored[j];
                        }
                    }
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(codes);
                if (stored is not null)
                {
                    ArrayPool<float>.Shared.Return(stored);
                }
            }
        }

        private static void Row(QuantizedMatrix matrix, int row, float[]? values, ReadOnlySpan<byte> codes, Span<float> target, Span<float> table)
        {
            int group = matrix.GroupSize;
            int bits = matrix.Scheme.Bits;
            float[] scales = matrix.ScaleValues;
            ushort[]? zeros = matrix.ZeroArray;
            bool mxInt8 = Int8BlockRowDot.Fits(matrix);
            for (int g = 0; g < matrix.GroupsPerRow; g++)
            {
                int at = (row * matrix.GroupsPerRow) + g;
                float s = scales[at];
                int z = zeros is null ? 0 : zeros[at];
                ReadOnlySpan<byte> groupCodes = codes.Slice(g * group, group);
                Span<float> output = target.Slice(g * group, group);
                if (bits == 8)
                {
                    if (zeros is not null)
                    {
                        Affine8(groupCodes, output, z, s);
                    }
                    else if (mxInt8)
                    {
                        // value(q) * s = (q / 64) * s and q * (s / 64) are one real number (2^e / 64 is an exact float), one rounding.
                        Signed8(groupCodes, output, s * (1f / 64));
                    }
                    else
                    {
                        for (int i = 0; i < groupCodes.Length; i++)
                        {
                            output[i] = values![groupCodes[i]] * s;
                        }
                    }

                    continue;
                }

                int entries = 1 << bits;
                for (int q = 0; q < entries; q++)
                {
                    table[q] = zeros is not null ? (q - z) * s : values![q] * s;
                }

                Lookup(groupCodes, output, table, entries);
            }
        }

        /// <summary>output[i] = table[codes[i]]; AVX-512: 16 codes widened to int32 and looked up with one vpermps.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Lookup(ReadOnlySpan<byte> codes, Span<float> output, Span<float> table, int entries)
        {
            int i = 0;
            if (entries <= 16 && Vector512.IsHardwareAccelerated && Avx512F.IsSupported)
            {
                // Entries past the code range are never indexed (codes are below 2^bits); load the whole 16.
                Vector512<float> lanes = Vector512.Create((ReadOnlySpan<float>)table[..16]);
                ref byte code = ref MemoryMarshal.GetReference(codes);
                ref float result = ref MemoryMarshal.GetReference(output);
                for (; i + 16 <= codes.Length; i += 16)
                {
                    Vector512<int> index = Avx512F.ConvertToVector512Int32(Vector128.LoadUnsafe(ref code, (nuint)i));
                    Avx512F.PermuteVar16x32(lanes, index).StoreUnsafe(ref result, (nuint)i);
                }
            }

            for (; i < codes.Length; i++)
            {
                output[i] = table[codes[i]];
            }
        }

        /// <summary>output[i] = (codes[i] - z) * s (W8); AVX-512 16 at a time, the same two exact steps and one rounding.</summary>
        private static void Affine8(ReadOnlySpan<byte> codes, Span<float> output, int z, float s)
        {
            int i = 0;
            if (Vector512.IsHardwareAccelerated && Avx512F.IsSupported)
            {
                ref byte code = ref MemoryMarshal.GetReference(codes);
                ref float result = ref MemoryMarshal.GetReference(output);
                Vector512<int> zero = Vector512.Create(z);
                Vector512<float> scale = Vector512.Create(s);
                for (; i + 16 <= codes.Length; i += 16)
                {
                    Vector512<int> q = Avx512F.ConvertToVector512Int32(Vector128.LoadUnsafe(ref code, (nuint)i)) - zero;
                    (Avx512F.ConvertToVector512Single(q) * scale).StoreUnsafe(ref result, (nuint)i);
                }
            }

            for (; i < codes.Length; i++)
            {
                output[i] = (codes[i] - z) * s;
            }
        }

        /// <summary>output[i] = (sbyte)codes[i] * m (MXINT8, m = 2^e / 64); AVX-512 16 at a time.</summary>
        private static void Signed8(ReadOnlySpan<byte> codes, Span<float> output, float m)
        {
            int i = 0;
            if (Vector512.IsHardwareAccelerated && Avx512F.IsSupported)
            {
                ref sbyte code = ref Unsafe.As<byte, sbyte>(ref MemoryMarshal.GetReference(codes));
                ref float result = ref MemoryMarshal.GetReference(output);
                Vector512<float> multiplier = Vector512.Create(m);
                for (; i + 16 <= codes.Length; i += 16)
                {
                    Vector512<int> q = Avx512F.ConvertToVector512Int32(Vector128.LoadUnsafe(ref code, (nuint)i));
                    (Avx512F.ConvertToVector512Single(q) * multiplier).StoreUnsafe(ref result, (nuint)i);
                }
            }

            for (; i < codes.Length; i++)
            {
                output[i] = (sbyte)codes[i] * m;
            }
        }

        /// <summary>The row's codes, one byte each (LSB-first bit stream; NF4's even code in the high nibble).</summary>
        private static ReadOnlySpan<byte> Unpack(ReadOnlySpan<byte> packed, Span<byte> codes, int bits, bool high)
        {
            int count = codes.Length;
            int done = 0;
            switch (bits)
            {
                case 4:
                    int evenShift = high ? 4 : 0;
                    if (Sse2.IsSupported)
                    {
                        // 16 bytes -> 32 codes: split the nibbles, interleave them back into element order.
                        ref byte source = ref MemoryMarshal.GetReference(packed);
                        ref byte target = ref MemoryMarshal.GetReference(codes);
                        Vector128<byte> nibble = Vector128.Create((byte)0x0F);
                        for (; done + 32 <= count; done += 32)
                        {
                            Vector128<byte> bytes = Vector128.LoadUnsafe(ref source, (nuint)(done >> 1));
                            Vector128<byte> low = bytes & nibble;
                            Vector128<byte> upper = Vector128.ShiftRightLogical(bytes.AsUInt16(), 4).AsByte() & nibble;
                            (Vector128<byte> even, Vector128<byte> odd) = high ? (upper, low) : (low, upper);
                            Sse2.UnpackLow(even, odd).StoreUnsafe(ref target, (nuint)done);
                            Sse2.UnpackHigh(even, odd).StoreUnsafe(ref target, (nuint)(done + 16));
                        }
                    }

                    for (; done + 2 <= count; done += 2)
                    {
                        int b = packed[done >> 1];
                        codes[done] = (byte)((b >> evenShift) & 0xF);
                        codes[done + 1] = (byte)((b >> (4 - evenShift)) & 0xF);
                    }

                    break;
                case 2:
                    for (; done + 4 <= count; done += 4)
                    {
                        int b = packed[done >> 2];
                        codes[done] = (byte)(b & 3);
                        codes[done + 1] = (byte)((b >> 2) & 3);
                        codes[done + 2] = (byte)((b >> 4) & 3);
                        codes[done + 3] = (byte)(b >> 6);
                    }

                    break;
                case 3:
                case 6:
                    // A run of 24 bits holds eight 3-bit or four 6-bit codes.
                    int perRun = 24 / bits;
                    int mask = (1 << bits) - 1;
                    for (int at = 0; done + perRun <= count; done += perRun, at += 3)
                    {
                        int word = packed[at] | (packed[at + 1] << 8) | (packed[at + 2] << 16);
                        for (int k = 0; k < perRun; k++)
                        {
                            codes[done + k] = (byte)((word >> (k * bits)) & mask);
                        }
                    }

                    break;
            }

            // A G-1 row that ends inside a run.
            for (; done < count; done++)
            {
                codes[done] = (byte)CodeBits.Get(packed, done, bits, high);
            }

            return codes;
        }
    }
}
