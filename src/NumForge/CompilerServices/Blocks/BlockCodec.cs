using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NumForge.Blocks.Quant.Rules;

namespace NumForge.CompilerServices.Blocks
{
    /// <summary>
    /// Quantizes and dequantizes the blocks a <see cref="BlockFormatAttribute"/> declares. One block is, in order: the
    /// scale (<typeparamref name="TScale"/>, little-endian), a one-byte zero point (<see cref="BlockScaleRule.MinMax"/> only),
    /// then <c>BlockSize</c> codes of <c>TElement.Bits</c> bits as an LSB-first bit stream (4 bits: the even element in the
    /// low nibble, or the high one with <see cref="IBlockTraits.HighNibbleFirst"/>). The rules, per block:
    /// <list type="bullet">
    /// <item>a block holding NaN or infinity stores the positive quiet NaN scale, zero point 0 and zero codes (it dequantizes to NaN);</item>
    /// <item><see cref="BlockScaleRule.AbsMax"/>: <c>s = store(max(amax, floor) / emax)</c>, codes of <c>x / s</c>;</item>
    /// <item><see cref="BlockScaleRule.MinMax"/>: <c>s = store(max(max - min, floor) / (2^N - 1))</c>,
    /// <c>zero = clamp(-round(min / s), 0, 2^N - 1)</c>, codes <c>clamp(round(x / s) + zero, 0, 2^N - 1)</c>;</item>
    /// <item><see cref="BlockScaleRule.PowerOfTwo"/>: <c>s = 2^clamp(floor(log2(amax)) - emax_elem)</c> to the powers of two the
    /// scale type holds (an all-zero block gets the smallest), codes of <c>x / s</c>;</item>
    /// <item>a zero stored scale (an all-zero block, or one whose scale underflows) stores zero codes.</item>
    /// </list>
    /// "store" rounds to the scale type to nearest even, saturating; the floor is <see cref="IBlockElement.RangeFloor"/>.
    /// Values dequantize as <c>(value(code) - zero) * s</c> in float32. A block with <see cref="IBlockTraits.PerTensorScale"/>
    /// follows the two-level rule instead (BlockCodec.TensorScale.cs).
    /// </summary>
    /// <typeparam name="TTraits">The block's constants.</typeparam>
    /// <typeparam name="TElement">The element.</typeparam>
    /// <typeparam name="TScale">The scale type.</typeparam>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static partial class BlockCodec<TTraits, TElement, TScale>
        where TTraits : struct, IBlockTraits
        where TElement : struct, IBlockElement
        where TScale : struct, IBlockScale
    {
        /// <summary>The quiet NaN with the sign bit clear (<see cref="float.NaN"/> has it set), so a NaN scale is stored positive.</summary>
        private static float PositiveNaN => BitConverter.Int32BitsToSingle(0x7FC0_0000);

        /// <summary>Gets the elements per block.</summary>
        public static int BlockSize => TTraits.BlockSize;

        /// <summary>Gets the bytes of the zero point: 1 for <see cref="BlockScaleRule.MinMax"/>, else 0.</summary>
        public static int ZeroBytes => TTraits.ScaleRule == BlockScaleRule.MinMax ? 1 : 0;

        /// <summary>Gets the bytes of the packed codes.</summary>
        public static int CodeBytes => TTraits.BlockSize * TElement.Bits / 8;

        /// <summary>Gets the bytes of one block: scale, zero point, codes.</summary>
        public static int BlockBytes => TScale.Bytes + ZeroBytes + CodeBytes;

        /// <summary>Quantizes <paramref name="source"/> (<c>destination.Length * BlockSize</c> values) into blocks.</summary>
        /// <remarks>A block with a per-tensor scale is quantized relative to a tensor scale of 1.</remarks>
        /// <exception cref="ArgumentException">The lengths do not match.</exception>
        public static void Quantize<TBlock>(ReadOnlySpan<float> source, Span<TBlock> destination)
            where TBlock : unmanaged
        {
            if (TTraits.PerTensorScale)
            {
                QuantizeRelative(source, destination, 1f);
                return;
            }

            if (source.Length != (long)destination.Length * TTraits.BlockSize)
            {
                throw new ArgumentException($"source holds {source.Length} values; {destination.Length} blocks of {TTraits.BlockSize} need {(long)destination.Length * TTraits.BlockSize}.", nameof(source));
            }

            Span<byte> bytes = BytesOf(destination);
            Span<float> scratch = stackalloc float[ChunkBlocks * TTraits.BlockSize];
            Span<byte> codes = stackalloc byte[ChunkBlocks * TTraits.BlockSize];
            Span<float> scales = stackalloc float[ChunkBlocks];
            Span<int> zeros = stackalloc int[ChunkBlocks];
            for (int b = 0; b < destination.Length; b += ChunkBlocks)
            {
                int count = Math.Min(ChunkBlocks, destination.Length - b);
                QuantizeChunk(source.Slice(b * TTraits.BlockSize, count * TTraits.BlockSize), bytes.Slice(b * BlockBytes, count * BlockBytes), scratch, codes, scales[..count], zeros[..count]);
            }
        }

        /// <summary>Dequantizes blocks into <paramref name="destination"/> (<c>source.Length * BlockSize</c> values).</summary>
        /// <remarks>A block with a per-tensor scale is dequantized with a tensor scale of 1.</remarks>
        /// <exception cref="ArgumentException">The lengths do not match.</exception>
        public static void Dequantize<TBlock>(ReadOnlySpan<TBlock> source, Span<float> destination)
            where TBlock : unmanaged => DequantizeScaled(source, destination, 1f);

        /// <summary>Dequantizes blocks, each block's scale times <paramref name="tensorScale"/> where the block has a per-tensor scale.</summary>
        private static void DequantizeScaled<TBlock>(ReadOnlySpan<TBlock> source, Span<float> destination, float tensorScale)
            where TBlock : unmanaged
        {
            if (destination.Length != (long)source.Length * TTraits.BlockSize)
            {
                throw new ArgumentException($"destination holds {destination.Length} values; {source.Length} blocks of {TTraits.BlockSize} give {(long)source.Length * TTraits.BlockSize}.", nameof(destination));
            }

            ReadOnlySpan<byte> bytes = BytesOf(source);
            Span<byte> codes = stackalloc byte[ChunkBlocks * TTraits.BlockSize];
            Span<float> scales = stackalloc float[ChunkBlocks];
            Span<int> zeros = stackalloc int[ChunkBlocks];
            for (int b = 0; b < source.Length; b += ChunkBlocks)
            {
                int count = Math.Min(ChunkBlocks, source.Length - b);
                DequantizeChunk(bytes.Slice(b * BlockBytes, count * BlockBytes), destination.Slice(b * TTraits.BlockSize, count * TTraits.BlockSize), codes, scales[..count], zeros[..count], tensorScale);
            }
        }

        /// <summary>
        /// The float32 dot of the dequantized <paramref name="blocks"/> with <paramref name="x"/>, fused (no row is written):
        /// each weight is computed exactly as <see cref="Dequantize{TBlock}"/> computes it, the products accumulated in float32
        /// in any order, so <c>|result - sum_i w_i x_i| &lt;= gamma_n * sum_i |w_i x_i| + n * 2^-149</c> with
        /// <c>gamma_n = n u / (1 - n u)</c>, <c>u = 2^-24</c>, n the number of values (the last term: products that underflow). Vectorized at 512 and 256 bits (see <see cref="IBlockRowDot{TSelf}"/>).
        /// </summary>
        /// <exception cref="ArgumentException">x does not hold <c>blocks.Length * BlockSize</c> values.</exception>
        public static float Dot<TBlock>(ReadOnlySpan<TBlock> blocks, ReadOnlySpan<float> x)
            where TBlock : unmanaged => Dot(blocks, x, NumForge.Blocks.Quant.Kernels.VectorWidth.Available);

        /// <summary><see cref="Dot{TBlock}(ReadOnlySpan{TBlock}, ReadOnlySpan{float})"/> at a given vector width (512, 256, 0), at most the machine's.</summary>
        internal static float Dot<TBlock>(ReadOnlySpan<TBlock> blocks, ReadOnlySpan<float> x, int width)
            where TBlock : unmanaged
        {
            if (x.Length != (long)blocks.Length * TTraits.BlockSize)
            {
                throw new ArgumentException($"x holds {x.Length} values; {blocks.Length} blocks of {TTraits.BlockSize} need {(long)blocks.Length * TTraits.BlockSize}.", nameof(x));
            }

            return BlockDot<TTraits, TElement, TScale>.Dot(BytesOf(blocks), x, Math.Min(width, NumForge.Blocks.Quant.Kernels.VectorWidth.Available));
        }

        /// <summary>Gets the stored scale of a block as float32 (NaN for a block that held NaN or infinity).</summary>
        public static float GetScale<TBlock>(in TBlock block)
            where TBlock : unmanaged => TScale.Load(BytesOf(in block));

        /// <summary>Gets the zero point of a block (0 unless the rule is <see cref="BlockScaleRule.MinMax"/>).</summary>
        public static int GetZeroPoint<TBlock>(in TBlock block)
            where TBlock : unmanaged => ZeroBytes == 0 ? 0 : BytesOf(in block)[TScale.Bytes];

        /// <summary>Gets the code of element <paramref name="index"/> of a block.</summary>
        /// <exception cref="ArgumentOutOfRangeException">The index is not in the block.</exception>
        public static int GetCode<TBlock>(in TBlock block, int index)
            where TBlock : unmanaged
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, TTraits.BlockSize);
            return CodeBits.Get(BytesOf(in block)[(TScale.Bytes + ZeroBytes)..], index, TElement.Bits, TTraits.HighNibbleFirst);
        }

        /// <summary>Quantizes one block of values into its bytes.</summary>
        /// <param name="values">BlockSize values.</param>
        /// <param name="block">BlockBytes bytes.</param>
        /// <param name="scratch">BlockSize floats of scratch.</param>
        /// <param name="codes">BlockSize bytes of scratch.</param>
        public static void QuantizeBlock(ReadOnlySpan<float> values, Span<byte> block, Span<float> scratch, Span<byte> codes)
        {
            if (TTraits.PerTensorScale)
            {
                Span<float> quotients = stackalloc float[TTraits.BlockSize];
                Span<float> marks = stackalloc float[1];
                QuantizeRelativeChunk(values[..TTraits.BlockSize], block[..BlockBytes], scratch, codes, quotients, marks, 1f);
                return;
            }

            Span<float> scale = stackalloc float[1];
            Span<int> zero = stackalloc int[1];
            QuantizeChunk(values[..TTraits.BlockSize], block[..BlockBytes], scratch, codes, scale, zero);
        }

        /// <summary>Dequantizes one block's bytes into its values.</summary>
        /// <param name="block">BlockBytes bytes.</param>
        /// <param name="values">BlockSize values.</param>
        /// <param name="codes">BlockSize bytes of scratch.</param>
        public static void DequantizeBlock(ReadOnlySpan<byte> block, Span<float> values, Span<byte> codes)
        {
            Span<float> scale = stackalloc float[1];
            Span<int> zero = stackalloc int[1];
            DequantizeChunk(block[..BlockBytes], values[..TTraits.BlockSize], codes, scale, zero, 1f);
        }

        /// <summary>Blocks per chunk: the element's span converter runs once per chunk of about 4096 values.</summary>
        private static int ChunkBlocks => Math.Max(1, 4096 / TTraits.BlockSize);

        /// <summary>Quantizes <c>scales.Length</c> blocks: each block's scale and zero point, then every code at once.</summary>
        private static void QuantizeChunk(ReadOnlySpan<float> values, Span<byte> blocks, Span<float> scratch, Span<byte> codes, Span<float> scales, Span<int> zeros)
        {
            int n = TTraits.BlockSize;
            for (int k = 0; k < scales.Length; k++)
            {
                Span<byte> block = blocks.Slice(k * BlockBytes, BlockBytes);
                float scale = ChooseScale(values.Slice(k * n, n), block, out int zero);
                if (ZeroBytes != 0)
                {
                    block[TScale.Bytes] = (byte)zero;
                }

                // A NaN or zero scale stores zero codes (cleared below, marked by a negative scale); the encoder
                // still runs on the whole chunk, with any finite scale.
                scales[k] = scale > 0 ? scale : -1f;
                zeros[k] = zero;
            }

            TElement.Encode(values, scales, zeros, n, scratch, codes);
            for (int k = 0; k < scales.Length; k++)
            {
                Span<byte> block = blocks.Slice(k * BlockBytes, BlockBytes);
                Span<byte> packed = block.Slice(TScale.Bytes + ZeroBytes, CodeBytes);
                if (scales[k] > 0)
                {
                    CodeBits.Pack(codes.Slice(k * n, n), packed, TElement.Bits, TTraits.HighNibbleFirst);
                }
                else
                {
                    packed.Clear();
                }
            }
        }

        /// <summary>The rule: writes the block's scale, returns it as stored (NaN or 0 when the codes are to be zero) and the zero point.</summary>
        private static float ChooseScale(ReadOnlySpan<float> values, Span<byte> block, out int zero)
        {
            float amax = AbsMax.Of(values, out bool finite);
            Span<byte> scaleBytes = block[..TScale.Bytes];
            zero = 0;
            if (!finite)
            {
                return TScale.Store(PositiveNaN, scaleBytes);
            }

            if (TTraits.ScaleRule == BlockScaleRule.PowerOfTwo)
            {
                int exponent = amax == 0 ? TScale.MinPowerExponent
                    : Math.Clamp(MathF.ILogB(amax) - TElement.MaxExponent, TScale.MinPowerExponent, TScale.MaxPowerExponent);
                float power = TScale.Store(MathF.ScaleB(1f, exponent), scaleBytes);
                return amax == 0 ? 0 : power;
            }

            if (TTraits.ScaleRule == BlockScaleRule.MinMax)
            {
                MinMax(values, out float min, out float max);
                float maxq = TElement.MaxMagnitude;
                float scale = TScale.Store(MathF.Max(max - min, TElement.RangeFloor) / maxq, scaleBytes);
                zero = scale > 0 ? (int)Math.Clamp(-MathF.Round(min / scale), 0f, maxq) : 0;
                return scale;
            }

            return TScale.Store(MathF.Max(amax, TElement.RangeFloor) / TElement.MaxMagnitude, scaleBytes);
        }

        /// <summary>
        /// Dequantizes <c>scales.Length</c> blocks: each block's scale (times the tensor scale, rounded once, for a block with
        /// a per-tensor scale), zero point and codes, then every value at once.
        /// </summary>
        private static void DequantizeChunk(ReadOnlySpan<byte> blocks, Span<float> values, Span<byte> codes, Span<float> scales, Span<int> zeros, float tensorScale)
        {
            int n = TTraits.BlockSize;
            for (int k = 0; k < scales.Length; k++)
            {
                ReadOnlySpan<byte> block = blocks.Slice(k * BlockBytes, BlockBytes);
                scales[k] = TTraits.PerTensorScale ? TScale.Load(block) * tensorScale : TScale.Load(block);
                zeros[k] = ZeroBytes == 0 ? 0 : block[TScale.Bytes];
                Unpack(block.Slice(TScale.Bytes + ZeroBytes, CodeBytes), codes.Slice(k * n, n));
            }

            TElement.Decode(codes, scales, zeros, n, values);
        }

        private static void Unpack(ReadOnlySpan<byte> packed, Span<byte> codes)
        {
            switch (TElement.Bits)
            {
                case 8:
                    packed.CopyTo(codes);
                    return;
                case 4:
                    int low = TTraits.HighNibbleFirst ? 4 : 0;
                    for (int i = 0; i < packed.Length; i++)
                    {
                        codes[2 * i] = (byte)((packed[i] >> low) & 0xF);
                        codes[(2 * i) + 1] = (byte)((packed[i] >> (4 - low)) & 0xF);
                    }

                    return;
                default:
                    for (int i = 0; i < codes.Length; i++)
                    {
                        codes[i] = (byte)CodeBits.Get(packed, i, TElement.Bits);
                    }

                    return;
            }
        }

        private static void MinMax(ReadOnlySpan<float> values, out float min, out float max)
        {
            min = float.PositiveInfinity;
            max = float.NegativeInfinity;
            foreach (float v in values)
            {
                min = MathF.Min(min, v);
                max = MathF.Max(max, v);
            }
        }

        private static Span<byte> BytesOf<TBlock>(Span<TBlock> blocks)
            where TBlock : unmanaged
        {
            CheckSize<TBlock>();
            return MemoryMarshal.AsBytes(blocks);
        }

        private static ReadOnlySpan<byte> BytesOf<TBlock>(ReadOnlySpan<TBlock> blocks)
            where TBlock : unmanaged
        {
            CheckSize<TBlock>();
            return MemoryMarshal.AsBytes(blocks);
        }

        private static ReadOnlySpan<byte> BytesOf<TBlock>(in TBlock block)
            where TBlock : unmanaged => BytesOf(new ReadOnlySpan<TBlock>(in block));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void CheckSize<TBlock>()
            where TBlock : unmanaged
        {
            if (Unsafe.SizeOf<TBlock>() != BlockBytes)
            {
                throw new InvalidOperationException($"{typeof(TBlock).Name} is {Unsafe.SizeOf<TBlock>()} bytes, not the {BlockBytes} its block format needs; a block type declares no fields of its own.");
            }
        }
    }
}
