using System;
using System.Runtime.InteropServices;
using NumForge.Blocks.Quant.Rules;

namespace NumForge
{
    /// <summary>GPTQ and AWQ checkpoint layouts: load into a <see cref="QuantizedMatrix"/> and save back bit for bit.</summary>
    public sealed partial class QuantizedMatrix
    {
        /// <summary>Nibble i of an AWQ GEMM word holds output column 8c + AwqOrder[i].</summary>
        private static readonly int[] s_awqOrder = [0, 2, 4, 6, 1, 3, 5, 7];

        /// <summary>
        /// Loads one layer of an AutoGPTQ "gptq" checkpoint: <paramref name="qweight"/> int32 [in * bits / 32, out] (codes
        /// packed along the input axis as an LSB-first bit stream), <paramref name="qzeros"/> int32 [groups, out * bits / 32]
        /// (zero point minus one, packed along the output axis), <paramref name="scales"/> [groups, out] and
        /// <paramref name="gIdx"/> [in] (each input channel's group, possibly permuted by act-order; the matrix then stores
        /// its columns sorted by group, see <see cref="ColumnOrder"/>). <see cref="ToGptq"/> gives the same tensors back.
        /// </summary>
        /// <param name="qweight">Packed codes.</param>
        /// <param name="qzeros">Packed zero points minus one.</param>
        /// <param name="scales">Scales.</param>
        /// <param name="gIdx">Group of each input channel.</param>
        /// <param name="bits">2, 3, 4 or 8.</param>
        /// <param name="groupSize">Input channels per group (-1: one group).</param>
        /// <param name="inFeatures">Input channels (the matrix's columns).</param>
        /// <param name="outFeatures">Output channels (the matrix's rows).</param>
        /// <exception cref="ArgumentException">A tensor's length disagrees with the shapes, the features do not fill whole
        /// int32 words, or g_idx does not give every group exactly <paramref name="groupSize"/> channels.</exception>
        public static QuantizedMatrix FromGptq(ReadOnlySpan<int> qweight, ReadOnlySpan<int> qzeros, ReadOnlySpan<Half> scales, ReadOnlySpan<int> gIdx, int bits, int groupSize, int inFeatures, int outFeatures)
        {
            QuantScheme scheme = CheckpointScheme(bits, groupSize, inFeatures, outFeatures);
            int group = ResolvedGroupSize(scheme, inFeatures);
            int groups = inFeatures / group;
            if (((long)inFeatures * bits) % 32 != 0 || ((long)outFeatures * bits) % 32 != 0)
            {
                throw new ArgumentException($"The gptq layout packs {bits}-bit values into int32 words: in_features ({inFeatures}) and out_features ({outFeatures}) times {bits} must be multiples of 32.", nameof(bits));
            }

            int weightRows = inFeatures * bits / 32;
            int zeroColumns = outFeatures * bits / 32;
            CheckLength(qweight.Length, (long)weightRows * outFeatures, "qweight", $"[{weightRows}, {outFeatures}]");
            CheckLength(qzeros.Length, (long)groups * zeroColumns, "qzeros", $"[{groups}, {zeroColumns}]");
            CheckLength(scales.Length, (long)groups * outFeatures, "scales", $"[{groups}, {outFeatures}]");
            CheckLength(gIdx.Length, inFeatures, "g_idx", $"[{inFeatures}]");
            int[]? order = ColumnOrderFromGroups(gIdx, groups, group);

            int rowBytes = CodeBits.RowBytes(inFeatures, bits);
            byte[] codes = AllocateCodes((long)outFeatures * rowBytes, out int codeStart);
            var rowCodes = new byte[inFeatures];
            for (int o = 0; o < outFeatures; o++)
            {
                for (int j = 0; j < inFeatures; j++)
                {
                    int i = order is null ? j : order[j];
                    rowCodes[j] = (byte)ReadStream(qweight, outFeatures, o, i, bits);
                }

                CodeBits.Pack(rowCodes, codes.AsSpan(codeStart + (o * rowBytes), rowBytes), bits);
            }

            var zeros = new ushort[(long)outFeatures * groups];
            var halfScales = new Half[(long)outFeatures * groups];
            for (int g = 0; g < groups; g++)
            {
                ReadOnlySpan<int> zeroRow = qzeros.Slice(g * zeroColumns, zeroColumns);
                for (int o = 0; o < outFeatures; o++)
                {
                    zeros[(o * groups) + g] = (ushort)(ReadStream(zeroRow, 1, 0, o, bits) + 1);
                    halfScales[(o * groups) + g] = scales[(g * outFeatures) + o];
                }
            }

            return new QuantizedMatrix(outFeatures, inFeatures, scheme, codes, codeStart, MemoryMarshal.AsBytes(halfScales.AsSpan()).ToArray(), zeros, 1f, order);
        }

        /// <summary>
        /// Saves a W{N}G{M} matrix in AutoGPTQ's "gptq" layout (see <see cref="FromGptq"/>): a matrix loaded from a
        /// checkpoint gives back exactly the tensors it was loaded from.
        /// </summary>
        /// <exception cref="InvalidOperationException">Not a W{N}G{M} matrix; the sizes do not fill whole int32 words; or a
        /// zero point of 0, which the format's zero-minus-one convention cannot store.</exception>
        public GptqTensors ToGptq()
        {
            int bits = Scheme.Bits;
            RequireWeightOnly("gptq");
            if (((long)Columns * bits) % 32 != 0 || ((long)Rows * bits) % 32 != 0)
            {
                throw new InvalidOperationException($"The gptq layout needs in_features ({Columns}) and out_features ({Rows}) times {bits} to be multiples of 32.");
            }

            int groups = GroupsPerRow;
            int zeroColumns = Rows * bits / 32;
            var qweight = new int[(long)(Columns * bits / 32) * Rows];
            var qzeros = new int[(long)groups * zeroColumns];
            var scales = new Half[(long)groups * Rows];
            var gIdx = new int[Columns];
            for (int j = 0; j < Columns; j++)
            {
                gIdx[_columnOrder is null ? j : _columnOrder[j]] = j / GroupSize;
            }

            ReadOnlySpan<Half> halves = GetScales<Half>();
            for (int o = 0; o < Rows; o++)
            {
                ReadOnlySpan<byte> rowCodes = _codes.AsSpan(_codeStart + (o * RowBytes), RowBytes);
                for (int j = 0; j < Columns; j++)
                {
                    WriteStream(qweight, Rows, o, _columnOrder is null ? j : _columnOrder[j], bits, CodeBits.Get(rowCodes, j, bits));
                }

                for (int g = 0; g < groups; g++)
                {
                    int zero = _zeros![(o * groups) + g];
                    if (zero == 0)
                    {
                        throw new InvalidOperationException($"Row {o}, group {g} has zero point 0, which the gptq layout (it stores zero - 1 in {bits} bits) cannot hold.");
                    }

                    WriteStream(qzeros.AsSpan(g * zeroColumns, zeroColumns), 1, 0, o, bits, (zero - 1) & ((1 << bits) - 1));
                    scales[(g * Rows) + o] = halves[(o * groups) + g];
                }
            }

            return new GptqTensors(qweight, qzeros, scales, gIdx);
        }

        /// <summary>
        /// Loads one layer of an AutoAWQ GEMM checkpoint (4-bit): <paramref name="qweight"/> int32 [in, out / 8] with nibble
        /// i of word c holding output column 8c + [0, 2, 4, 6, 1, 3, 5, 7][i], <paramref name="qzeros"/> int32
        /// [groups, out / 8] in the same order (stored as is) and <paramref name="scales"/> [groups, out].
        /// </summary>
        /// <param name="qweight">Packed codes.</param>
        /// <param name="qzeros">Packed zero points.</param>
        /// <param name="scales">Scales.</param>
        /// <param name="groupSize">Input channels per group (-1: one group).</param>
        /// <param name="inFeatures">Input channels (the matrix's columns).</param>
        /// <param name="outFeatures">Output channels (the matrix's rows), a multiple of 8.</param>
        /// <exception cref="ArgumentException">A tensor's length disagrees with the shapes, or out_features is not a multiple of 8.</exception>
        public static QuantizedMatrix FromAwq(ReadOnlySpan<int> qweight, ReadOnlySpan<int> qzeros, ReadOnlySpan<Half> scales, int groupSize, int inFeatures, int outFeatures)
        {
            QuantScheme scheme = CheckpointScheme(4, groupSize, inFeatures, outFeatures);
            if (outFeatures % 8 != 0)
            {
                throw new ArgumentException($"The AWQ GEMM layout packs 8 output columns per int32: out_features ({outFeatures}) must be a multiple of 8.", nameof(outFeatures));
            }

            int groups = inFeatures / ResolvedGroupSize(scheme, inFeatures);
            int words = outFeatures / 8;
            CheckLength(qweight.Length, (long)inFeatures * words, "qweight", $"[{inFeatures}, {words}]");
            CheckLength(qzeros.Length, (long)groups * words, "qzeros", $"[{groups}, {words}]");
            CheckLength(scales.Length, (long)groups * outFeatures, "scales", $"[{groups}, {outFeatures}]");

            int rowBytes = CodeBits.RowBytes(inFeatures, 4);
            byte[] codes = AllocateCodes((long)outFeatures * rowBytes, out int codeStart);
            var rowCodes = new byte[inFeatures];
            for (int o = 0; o < outFeatures; o++)
            {
                for (int i = 0; i < inFeatures; i++)
                {
                    rowCodes[i] = (byte)AwqNibble(qweight[(i * words) + (o / 8)], o);
                }

                CodeBits.Pack(rowCodes, codes.AsSpan(codeStart + (o * rowBytes), rowBytes), 4);
            }

            var zeros = new ushort[(long)outFeatures * groups];
            var halfScales = new Half[(long)outFeatures * groups];
            for (int g = 0; g < groups; g++)
            {
                for (int o = 0; o < outFeatures; o++)
                {
                    zeros[(o * groups) + g] = (ushort)AwqNibble(qzeros[(g * words) + (o / 8)], o);
                    halfScales[(o * groups) + g] = scales[(g * outFeatures) + o];
                }
            }

            return new QuantizedMatrix(outFeatures, inFeatures, scheme, codes, codeStart, MemoryMarshal.AsBytes(halfScales.AsSpan()).ToArray(), zeros, 1f, null);
        }

        /// <summary>Saves a 4-bit W4G{M} matrix in AutoAWQ's GEMM layout (see <see cref="FromAwq"/>).</summary>
        /// <exception cref="InvalidOperationException">Not a 4-bit W{N}G{M} matrix, out_features not a multiple of 8, columns
        /// stored in act-order (AWQ has no g_idx), or a zero point above 15 (from a gptq checkpoint).</exception>
        public AwqTensors ToAwq()
        {
            RequireWeightOnly("AWQ");
            if (Scheme.Bits != 4 || Rows % 8 != 0 || _columnOrder is not null)
            {
                throw new InvalidOperationException($"The AWQ GEMM layout holds 4-bit codes, out_features a multiple of 8 and columns in natural order; this matrix is {Scheme}, {Rows} rows{(_columnOrder is null ? "" : ", act-order columns")}.");
            }

            int groups = GroupsPerRow;
            int words = Rows / 8;
            var qweight = new int[(long)Columns * words];
            var qzeros = new int[(long)groups * words];
            var scales = new Half[(long)groups * Rows];
            ReadOnlySpan<Half> halves = GetScales<Half>();
            for (int o = 0; o < Rows; o++)
            {
                ReadOnlySpan<byte> rowCodes = _codes.AsSpan(_codeStart + (o * RowBytes), RowBytes);
                int shift = AwqShift(o);
                for (int i = 0; i < Columns; i++)
                {
                    qweight[(i * words) + (o / 8)] |= CodeBits.Get(rowCodes, i, 4) << shift;
                }

                for (int g = 0; g < groups; g++)
                {
                    int zero = _zeros![(o * groups) + g];
                    if (zero > 15)
                    {
                        throw new InvalidOperationException($"Row {o}, group {g} has zero point {zero}, which a 4-bit AWQ zero cannot hold.");
                    }

                    qzeros[(g * words) + (o / 8)] |= zero << shift;
                    scales[(g * Rows) + o] = halves[(o * groups) + g];
                }
            }

            return new AwqTensors(qweight, qzeros, scales);
        }

        private static int AwqShift(int column) => 4 * Array.IndexOf(s_awqOrder, column % 8);

        private static int AwqNibble(int word, int column) => (int)((uint)word >> AwqShift(column)) & 0xF;

        private void RequireWeightOnly(string layout)
        {
            if (Scheme.Kind != QuantSchemeKind.WeightOnly)
            {
                throw new InvalidOperationException($"The {layout} layout holds W{{N}}G{{M}} matrices; this one is {Scheme}.");
            }
        }

        private static QuantScheme CheckpointScheme(int bits, int groupSize, int inFeatures, int outFeatures)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inFeatures);
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outFeatures);
            if (bits is not (2 or 3 or 4 or 8))
            {
                throw new ArgumentOutOfRangeException(nameof(bits), bits, "Checkpoint codes have 2, 3, 4 or 8 bits.");
            }

            if (!(groupSize == -1 || (groupSize is >= 16 and <= 1024 && (groupSize & (groupSize - 1)) == 0)))
            {
                throw new ArgumentOutOfRangeException(nameof(groupSize), groupSize, "The group size must be -1 or a power of two from 16 to 1024.");
            }

            if (groupSize != -1 && inFeatures % groupSize != 0)
            {
                throw new ArgumentException($"in_features ({inFeatures}) is not a multiple of the group size {groupSize}.", nameof(inFeatures));
            }

            return QuantScheme.WeightOnly(bits, groupSize);
        }

        private static void CheckLength(int actual, long expected, string name, string shape)
        {
            if (actual != expected)
            {
                throw new ArgumentException($"{name} has {actual} elements but its shape {shape} needs {expected}.", name);
            }
        }

        /// <summary>Stable order of the columns by group; null when that is the natural order. Every group must hold exactly <paramref name="groupSize"/> columns.</summary>
        private static int[]? ColumnOrderFromGroups(ReadOnlySpan<int> gIdx, int groups, int groupSize)
        {
            var counts = new int[groups];
            bool natural = true;
            for (int i = 0; i < gIdx.Length; i++)
            {
                int g = gIdx[i];
                if ((uint)g >= (uint)groups)
                {
                    throw new ArgumentException($"g_idx[{i}] is {g}, outside the {groups} groups.", "gIdx");
                }

                counts[g]++;
                natural &= g == i / groupSize;
            }

            for (int g = 0; g < groups; g++)
            {
                if (counts[g] != groupSize)
                {
                    throw new ArgumentException($"g_idx puts {counts[g]} input channels in group {g}; every group must have {groupSize}.", "gIdx");
                }
            }

            if (natural)
            {
                return null;
            }

            var next = new int[groups];
            for (int g = 0; g < groups; g++)
            {
                next[g] = g * groupSize;
            }

            var order = new int[gIdx.Length];
            for (int i = 0; i < gIdx.Length; i++)
            {
                order[next[gIdx[i]]++] = i;
            }

            return order;
        }

        /// <summary>Value <paramref name="index"/> of an LSB-first bit stream of int32 words running down column <paramref name="column"/> (row stride <paramref name="stride"/>).</summary>
        private static int ReadStream(ReadOnlySpan<int> words, int stride, int column, int index, int bits)
        {
            long bit = (long)index * bits;
            int word = (int)(bit >> 5);
            int offset = (int)(bit & 31);
            ulong value = (uint)words[(word * stride) + column];
            if (offset + bits > 32)
            {
                value |= (ulong)(uint)words[((word + 1) * stride) + column] << 32;
            }

            return (int)(value >> offset) & ((1 << bits) - 1);
        }

        private static void WriteStream(Span<int> words, int stride, int column, int index, int bits, int value)
        {
            long bit = (long)index * bits;
            int word = (int)(bit >> 5);
            int offset = (int)(bit & 31);
            ulong shifted = (ulong)(uint)value << offset;
            words[(word * stride) + column] |= (int)(uint)shifted;
            if (offset + bits > 32)
            {
                words[((word + 1) * stride) + column] |= (int)(uint)(shifted >> 32);
            }
        }
    }
}
