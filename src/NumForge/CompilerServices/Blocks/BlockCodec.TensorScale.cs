using System;
using System.Runtime.Intrinsics;
using NumForge.Blocks.Quant.Rules;

namespace NumForge.CompilerServices.Blocks
{
    /// <summary>
    /// The two-level rule of a block with a per-tensor scale (<see cref="IBlockTraits.PerTensorScale"/>), NVIDIA NVFP4's as
    /// ModelOpt's <c>NVFP4QTensor</c> computes it, for any AbsMax element and scale type, in float32:
    /// <list type="bullet">
    /// <item>tensor scale <c>ts = amax / (emax * scale_max)</c>, amax over the tensor's finite values (NVFP4: <c>amax / (6 * 448)</c>);</item>
    /// <item>per block <c>s = store(block_amax / (emax * ts))</c>, stored as 1.0 where it rounds to 0 (ModelOpt's
    /// <c>where(scale == 0, 1.0, scale)</c>); the multiplier <c>m = s * ts</c> rounded once;</item>
    /// <item>codes encode <c>x / m</c> (the element's own rounding: nearest even and saturating for floats), a zero quotient
    /// as +0 (ModelOpt's sign test <c>x &lt; 0</c>: -0 stores the +0 code);</item>
    /// <item>a block holding NaN or infinity stores the NaN scale and zero codes; a zero tensor scale (a tensor without a
    /// nonzero finite value, or one whose scale underflows) stores 1.0 and zero codes;</item>
    /// <item>values dequantize as <c>value(code) * m</c>.</item>
    /// </list>
    /// The block's own <c>Scale</c> and fused row dot are relative to the tensor scale (a matrix multiplies each row's
    /// dot by it once).
    /// </summary>
    public static partial class BlockCodec<TTraits, TElement, TScale>
    {
        /// <summary>
        /// The tensor scale of <paramref name="tensor"/> for this block: <c>amax / (emax * scale_max)</c> in float32, amax the
        /// largest |x| over the finite values (0 when there is none).
        /// </summary>
        /// <exception cref="InvalidOperationException">The block has no per-tensor scale.</exception>
        public static float ComputeTensorScale(ReadOnlySpan<float> tensor)
        {
            RequireTensorScale();
            return FiniteAbsMax(tensor) / (TElement.MaxMagnitude * TScale.LargestFinite);
        }

        /// <summary>Quantizes <paramref name="source"/> into blocks whose scales are relative to <paramref name="tensorScale"/>.</summary>
        /// <exception cref="ArgumentException">The lengths do not match.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The tensor scale is negative, infinite or NaN.</exception>
        /// <exception cref="InvalidOperationException">The block has no per-tensor scale.</exception>
        public static void QuantizeWithTensorScale<TBlock>(ReadOnlySpan<float> source, Span<TBlock> destination, float tensorScale)
            where TBlock : unmanaged
        {
            RequireTensorScale();
            CheckTensorScale(tensorScale);
            QuantizeRelative(source, destination, tensorScale);
        }

        /// <summary>Dequantizes blocks whose scales are relative to <paramref name="tensorScale"/>: <c>value(code) * (s * ts)</c>.</summary>
        /// <exception cref="ArgumentException">The lengths do not match.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The tensor scale is negative, infinite or NaN.</exception>
        /// <exception cref="InvalidOperationException">The block has no per-tensor scale.</exception>
        public static void DequantizeWithTensorScale<TBlock>(ReadOnlySpan<TBlock> source, Span<float> destination, float tensorScale)
            where TBlock : unmanaged
        {
            RequireTensorScale();
            CheckTensorScale(tensorScale);
            DequantizeScaled(source, destination, tensorScale);
        }

        private static void QuantizeRelative<TBlock>(ReadOnlySpan<float> source, Span<TBlock> destination, float tensorScale)
            where TBlock : unmanaged
        {
            if (source.Length != (long)destination.Length * TTraits.BlockSize)
            {
                throw new ArgumentException($"source holds {source.Length} values; {destination.Length} blocks of {TTraits.BlockSize} need {(long)destination.Length * TTraits.BlockSize}.", nameof(source));
            }

            Span<byte> bytes = BytesOf(destination);
            Span<float> scratch = stackalloc float[ChunkBlocks * TTraits.BlockSize];
            Span<float> quotients = stackalloc float[ChunkBlocks * TTraits.BlockSize];
            Span<byte> codes = stackalloc byte[ChunkBlocks * TTraits.BlockSize];
            Span<float> marks = stackalloc float[ChunkBlocks];
            for (int b = 0; b < destination.Length; b += ChunkBlocks)
            {
                int count = Math.Min(ChunkBlocks, destination.Length - b);
                QuantizeRelativeChunk(source.Slice(b * TTraits.BlockSize, count * TTraits.BlockSize), bytes.Slice(b * BlockBytes, count * BlockBytes), scratch, codes, quotients, marks[..count], tensorScale);
            }
        }

        /// <summary>
        /// Quantizes <c>marks.Length</c> blocks: each block's scale and quotients <c>x / m</c>, then every code at once (the
        /// element encodes the quotients with a scale of 1, exactly). A mark of -1 keeps a block's codes zero.
        /// </summary>
        private static void QuantizeRelativeChunk(ReadOnlySpan<float> values, Span<byte> blocks, Span<float> scratch, Span<byte> codes, Span<float> quotients, Span<float> marks, float tensorScale)
        {
            int n = TTraits.BlockSize;
            for (int k = 0; k < marks.Length; k++)
            {
                Span<byte> block = blocks.Slice(k * BlockBytes, BlockBytes);
                ReadOnlySpan<float> x = values.Slice(k * n, n);
                Span<float> q = quotients.Slice(k * n, n);
                block.Slice(TScale.Bytes, ZeroBytes).Clear();
                float multiplier = StoreRelativeScale(x, block[..TScale.Bytes], tensorScale, out bool zeroCodes);
                marks[k] = zeroCodes ? -1f : 1f;
                if (zeroCodes)
                {
                    q.Clear();
                    continue;
                }

                for (int i = 0; i < n; i++)
                {
                    // Not "+ 0f": the explicit test says what it is for (-0 and an underflowing negative quotient give +0).
                    float quotient = x[i] / multiplier;
                    q[i] = quotient == 0 ? 0f : quotient;
                }
            }

            Span<int> zeros = stackalloc int[marks.Length];
            TElement.Encode(quotients[..(marks.Length * n)], marks, zeros, n, scratch, codes);
            for (int k = 0; k < marks.Length; k++)
            {
                Span<byte> packed = blocks.Slice((k * BlockBytes) + TScale.Bytes + ZeroBytes, CodeBytes);
                if (marks[k] > 0)
                {
                    CodeBits.Pack(codes.Slice(k * n, n), packed, TElement.Bits, TTraits.HighNibbleFirst);
                }
                else
                {
                    packed.Clear();
                }
            }
        }

        /// <summary>Writes one block's scale by the two-level rule; returns the multiplier <c>s * ts</c> its codes are relative to.</summary>
        private static float StoreRelativeScale(ReadOnlySpan<float> x, Span<byte> scaleBytes, float tensorScale, out bool zeroCodes)
        {
            float amax = AbsMax.Of(x, out bool finite);
            zeroCodes = !finite || tensorScale == 0;
            if (!finite)
            {
                return TScale.Store(PositiveNaN, scaleBytes);
            }

            if (tensorScale == 0)
            {
                return TScale.Store(1f, scaleBytes) * tensorScale;
            }

            // amax == 0 apart: with a tensor scale so small that emax * ts underflows, 0 / 0 would be NaN. A quotient past
            // float32 (only from a tensor scale the caller chose too small) saturates like any other.
            float ratio = amax == 0 ? 0f : amax / (TElement.MaxMagnitude * tensorScale);
            float scale = TScale.Store(MathF.Min(ratio, float.MaxValue), scaleBytes);
            if (scale == 0)
            {
                scale = TScale.Store(1f, scaleBytes);
            }

            return scale * tensorScale;
        }

        /// <summary>The largest |x| over the finite values of a span (0 when there is none); max is exact, so the lane order does not matter.</summary>
        private static float FiniteAbsMax(ReadOnlySpan<float> values)
        {
            int i = 0;
            float max = 0;
            if (Vector256.IsHardwareAccelerated && values.Length >= 8)
            {
                Vector256<float> infinity = Vector256.Create(float.PositiveInfinity);
                Vector256<float> acc = Vector256<float>.Zero;
                for (; i + 8 <= values.Length; i += 8)
                {
                    Vector256<float> a = Vector256.Abs(Vector256.Create(values.Slice(i, 8)));
                    acc = Vector256.Max(acc, Vector256.ConditionalSelect(Vector256.LessThan(a, infinity), a, Vector256<float>.Zero)); // NaN compares false
                }

                for (int k = 0; k < 8; k++)
                {
                    max = MathF.Max(max, acc[k]);
                }
            }

            for (; i < values.Length; i++)
            {
                float a = MathF.Abs(values[i]);
                max = a < float.PositiveInfinity ? MathF.Max(max, a) : max;
            }

            return max;
        }

        private static void RequireTensorScale()
        {
            if (!TTraits.PerTensorScale)
            {
                throw new InvalidOperationException("This block format has no per-tensor scale; declare it with [BlockFormat(..., PerTensorScale = true)].");
            }
        }

        private static void CheckTensorScale(float tensorScale)
        {
            if (!(tensorScale >= 0) || float.IsPositiveInfinity(tensorScale))
            {
                throw new ArgumentOutOfRangeException(nameof(tensorScale), tensorScale, "A tensor scale is finite and not negative (0 for an all-zero tensor).");
            }
        }
    }
}
