using System;
using System.Runtime.InteropServices;
using NumForge.Blocks.Ggml;

namespace NumForge
{
    /// <summary>
    /// ggml's NVFP4 block (<c>block_nvfp4</c>, 36 bytes, 64 elements): four UE4M3 scale bytes, one per 16-element
    /// sub-block, then 32 bytes of E2M1 codes. In sub-block s, byte 4 + 8s + j holds element 16s + j in its low nibble and
    /// element 16s + j + 8 in its high nibble (j = 0..7). Value kvalues[q] * ue4m3_half(d[s]), with kvalues ggml's doubled
    /// E2M1 values (as <see cref="BlockMXFP4"/>) and ue4m3_half half the UE4M3 scale.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Byte for byte with ggml's <c>quantize_row_nvfp4_ref</c>, value for value with <c>dequantize_row_nvfp4</c>: per
    /// sub-block, the scale byte is ggml's <c>ggml_fp32_to_ue4m3(amax / 6.0f)</c> and each code is MXFP4's
    /// <c>best_index_mxfp4</c> against the halved scale (the first code of least error: ties to the smaller magnitude,
    /// negatives that round to zero get code 0; NaN, infinite elements and elements so large that every candidate's float32
    /// error rounds alike, such as 1e30 against the largest scale, get code 0 too).
    /// </para>
    /// <para>
    /// There is no per-tensor scale: the UE4M3 byte is the whole scale. This is not NVIDIA's two-level NVFP4 (an FP8 E4M3
    /// scale per 16 elements relative to a float32 per-tensor scale), which is what <see cref="QuantScheme.NVFP4"/> means.
    /// </para>
    /// <para>
    /// ggml's UE4M3 conversion has quirks, kept here because they are ggml's bytes. Mantissa rounding is half away from
    /// zero, not to even. Scales from 248 (which round to 256) up to 448, and above (clamped), all become 0x7E (448): codes
    /// 0x78..0x7D are never written and 0x77 (240) is the last code below. Subnormal scales round as
    /// <c>(int)(v * 512.0f + 0.5f)</c> in float32, capped at 7, so [7.5 * 2^-9, 2^-6) becomes 0x07 instead of 0x08 and
    /// the float32 add moves the 0/1 and 1/2 thresholds one ulp down; a scale below 2^-10 minus one ulp (amax under about
    /// 6/1024) is 0 and the whole sub-block dequantizes to +0. The decoder ignores the top bit of a scale byte, except
    /// that 0x7F (not 0xFF) reads as 0.
    /// </para>
    /// </remarks>
    [StructLayout(LayoutKind.Sequential, Pack = 1)]
    public struct BlockNVFP4 : IBlockFormat<BlockNVFP4>
    {
        internal Bytes4 D;
        internal Bytes32 Qs;

        /// <inheritdoc/>
        public static int BlockSize => 64;

        /// <summary>Gets the UE4M3 scale byte of a 16-element sub-block (the scale of elements 16s .. 16s + 15).</summary>
        /// <param name="subBlock">The sub-block, 0 to 3.</param>
        /// <returns>The byte as ggml stores it (UE4M3: 4 exponent bits with bias 7, 3 mantissa bits).</returns>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="subBlock"/> is not 0 to 3.</exception>
        public readonly byte GetScaleCode(int subBlock)
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)subBlock, 3u, nameof(subBlock));
            return D[subBlock];
        }

        /// <inheritdoc/>
        public static void Quantize(ReadOnlySpan<float> source, Span<BlockNVFP4> destination)
        {
            GgmlMath.CheckLengths(source.Length, destination.Length, 64, nameof(source));
            GgmlNvfp4Kernels.Quantize(source, destination);
        }

        /// <inheritdoc/>
        public static void Dequantize(ReadOnlySpan<BlockNVFP4> source, Span<float> destination)
        {
            GgmlMath.CheckLengths(destination.Length, source.Length, 64, nameof(destination));
            GgmlNvfp4Kernels.Dequantize(source, destination);
        }

        /// <summary>quantize_row_nvfp4_ref, plainly.</summary>
        internal static void QuantizeReference(ReadOnlySpan<float> x, Span<BlockNVFP4> y)
        {
            for (int i = 0; i < y.Length; i++)
            {
                for (int s = 0; s < 4; s++)
                {
                    ReadOnlySpan<float> xb = x.Slice((i * 64) + (s * 16), 16);
                    float amax = 0;
                    for (int j = 0; j < 16; j++)
                    {
                        if (amax < MathF.Abs(xb[j]))
                        {
                            amax = MathF.Abs(xb[j]);
                        }
                    }

                    byte ue = GgmlMath.ToUe4m3(amax / 6.0f);
                    float d = GgmlMath.Ue4m3Half(ue);
                    y[i].D[s] = ue;
                    for (int j = 0; j < 8; j++)
                    {
                        y[i].Qs[(s * 8) + j] = (byte)(BlockMXFP4.BestIndex(xb[j], d) | (BlockMXFP4.BestIndex(xb[j + 8], d) << 4));
                    }
                }
            }
        }

        /// <summary>dequantize_row_nvfp4, plainly.</summary>
        internal static void DequantizeReference(ReadOnlySpan<BlockNVFP4> x, Span<float> y)
        {
            ReadOnlySpan<sbyte> values = GgmlMath.MxFp4Values;
            for (int i = 0; i < x.Length; i++)
            {
                for (int s = 0; s < 4; s++)
                {
                    float d = GgmlMath.Ue4m3Half(x[i].D[s]);
                    Span<float> yb = y.Slice((i * 64) + (s * 16), 16);
                    for (int j = 0; j < 8; j++)
                    {
                        byte q = x[i].Qs[(s * 8) + j];
                        yb[j] = values[q & 0x0F] * d;
                        yb[j + 8] = values[q >> 4] * d;
                    }
                }
            }
        }
    }
}
