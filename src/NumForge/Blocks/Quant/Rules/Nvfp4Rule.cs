using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NumForge.Blocks.Quant.Rules
{
    /// <summary>
    /// NVIDIA NVFP4 as ModelOpt's <c>NVFP4QTensor</c> computes it, in float32: tensor scale <c>amax(W) / (6 * 448)</c>;
    /// per 16 elements the E4M3 scale <c>e4m3(block_amax / (6 * tensor_scale))</c>, 1.0 where that is 0; elements
    /// <c>e2m1(x / (block_scale * tensor_scale))</c> rounded to nearest even and saturated at 6 (-0 gives the +0 code, as
    /// ModelOpt's sign test <c>x &lt; 0</c> does). A block scale past E4M3's range (possible only for a subnormal tensor
    /// scale) saturates to 448 where ModelOpt's cast would give NaN.
    /// </summary>
    internal static class Nvfp4Rule
    {
        public const int BlockSize = 16;

        /// <summary>E4M3's 1.0, used where the block scale would be 0.</summary>
        public const byte OneScale = 0x38;

        public static float TensorScale(float amax) => amax / (6f * 448f);

        public static void QuantizeRow(ReadOnlySpan<float> row, float tensorScale, Span<byte> codes, Span<byte> scales, Span<float> scaled)
        {
            float divisor = 6f * tensorScale;
            for (int b = 0; b < scales.Length; b++)
            {
                ReadOnlySpan<float> block = row.Slice(b * BlockSize, BlockSize);
                Span<float> target = scaled.Slice(b * BlockSize, BlockSize);
                float amax = BlockAbsMax(block);

                // A zero tensor scale (an all-zero tensor) would make 0 / 0: those blocks get scale 1.0 and zero codes.
                byte scale = tensorScale == 0 ? OneScale : ((Float8E4M3FN)(amax / divisor)).ToBits();
                if (scale == 0)
                {
                    scale = OneScale;
                }
                else if (scale == 0x7F)
                {
                    // Only a subnormal tensor scale (amax below 2^-126 * 2688) can push the ratio past 464, where the
                    // cast gives NaN; saturate to 448 instead of storing a NaN scale.
                    scale = 0x7E;
                }

                scales[b] = scale;
                float effective = BlockMultiplier(scale, tensorScale);
                if (tensorScale == 0)
                {
                    target.Clear();
                }
                else if (Vector256.IsHardwareAccelerated)
                {
                    // The same IEEE division lane by lane; -0 becomes +0 (the scalar form's "+ 0f") by a select, which no
                    // optimizer may fold away.
                    Vector256<float> divisorLanes = Vector256.Create(effective);
                    Divide(Vector256.Create(block[..8]), divisorLanes).CopyTo(target);
                    Divide(Vector256.Create(block[8..]), divisorLanes).CopyTo(target[8..]);
                }
                else
                {
                    for (int i = 0; i < BlockSize; i++)
                    {
                        target[i] = (block[i] / effective) + 0f;
                    }
                }
            }

            Float4E2M1FN.ConvertFrom(scaled, MemoryMarshal.Cast<byte, Float4E2M1FN>(codes), MidpointRounding.ToEven, saturate: true);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector256<float> Divide(Vector256<float> values, Vector256<float> divisor)
        {
            Vector256<float> quotient = values / divisor;
            return Vector256.ConditionalSelect(Vector256.Equals(quotient, Vector256<float>.Zero), Vector256<float>.Zero, quotient);
        }

        /// <summary>The largest |x| of a 16-element block (finite weights: max is exact, so the order does not matter).</summary>
        private static float BlockAbsMax(ReadOnlySpan<float> block)
        {
            if (!Vector128.IsHardwareAccelerated)
            {
                return AbsMax.Of(block, out _);
            }

            Vector128<float> m = Vector128.Max(
                Vector128.Max(Vector128.Abs(Vector128.Create(block[..4])), Vector128.Abs(Vector128.Create(block[4..8]))),
                Vector128.Max(Vector128.Abs(Vector128.Create(block[8..12])), Vector128.Abs(Vector128.Create(block[12..]))));
            m = Vector128.Max(m, Vector128.Shuffle(m, Vector128.Create(2, 3, 0, 1)));
            m = Vector128.Max(m, Vector128.Shuffle(m, Vector128.Create(1, 0, 3, 2)));
            return m.ToScalar();
        }

        /// <summary>What a block's elements are multiplied by: <c>(float)block_scale * tensor_scale</c>, rounded once in float32.</summary>
        public static float BlockMultiplier(byte scale, float tensorScale) => (float)Float8E4M3FN.FromBits(scale) * tensorScale;
    }
}
