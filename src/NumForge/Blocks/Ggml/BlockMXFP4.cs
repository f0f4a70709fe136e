using System;
using System.Runtime.InteropServices;
using NumForge.Blocks.Ggml;

namespace NumForge
{
    /// <summary>
    /// ggml's MXFP4 block (17 bytes): an E8M0 exponent byte e and 32 E2M1 codes, element j in the low nibble of byte
    /// 1 + j and element j + 16 in its high nibble (ggml's half split, not OCP's even/odd pairs). Value
    /// kvalues[q] * 2^(e - 128) with kvalues the doubled E2M1 values. Byte for byte with <c>quantize_row_mxfp4_ref</c>:
    /// e = floor(log2f(amax)) - 2 + 127, each code the first index of least |kvalues[i] * d - x| (ties to the smaller
    /// magnitude, negatives rounding to zero get code 0).
    /// </summary>
    [StructLayout(LayoutKind.Sequential, Pack = 1)]
    public struct BlockMXFP4 : IBlockFormat<BlockMXFP4>
    {
        internal byte E;
        internal Bytes16 Qs;

        /// <summary>Gets the block's E8M0 exponent byte (scale 2^(e - 127) for E2M1 element values).</summary>
        public readonly byte Exponent => E;

        /// <inheritdoc/>
        public static int BlockSize => 32;

        /// <inheritdoc/>
        public static void Quantize(ReadOnlySpan<float> source, Span<BlockMXFP4> destination)
        {
            GgmlMath.CheckLengths(source.Length, destination.Length, 32, nameof(source));
            GgmlLegacyKernels.QuantizeMxFp4(source, destination);
        }

        /// <inheritdoc/>
        public static void Dequantize(ReadOnlySpan<BlockMXFP4> source, Span<float> destination)
        {
            GgmlMath.CheckLengths(destination.Length, source.Length, 32, nameof(destination));
            GgmlLegacyKernels.DequantizeMxFp4(source, destination);
        }

        /// <summary>
        /// The exponent byte of a block with absolute maximum <paramref name="amax"/>: ggml's
        /// <c>(uint8_t)(floorf(log2f(amax)) - 2 + 127)</c> with glibc's correctly rounded log2f (so amax a few ulps
        /// below 2^k gives k) and x86's truncating conversion.
        /// </summary>
        internal static byte ExponentOf(float amax)
            => amax > 0.0f ? (byte)GgmlMath.Truncate(MathF.Floor(MathF.Log2(amax)) - 2 + 127) : (byte)0;

        /// <summary>best_index_mxfp4: the first code of least |kvalues[i] * e - x|.</summary>
        internal static int BestIndex(float x, float e)
        {
            ReadOnlySpan<sbyte> values = GgmlMath.MxFp4Values;
            int best = 0;
            float bestError = MathF.Abs((values[0] * e) - x);
            for (int i = 1; i < 16; i++)
            {
                float error = MathF.Abs((values[i] * e) - x);
                if (error < bestError)
                {
                    best = i;
                    bestError = error;
                }
            }

            return best;
        }

        /// <summary>quantize_row_mxfp4_ref, plainly.</summary>
        internal static void QuantizeReference(ReadOnlySpan<float> x, Span<BlockMXFP4> y)
        {
            for (int i = 0; i < y.Length; i++)
            {
                ReadOnlySpan<float> xb = x.Slice(i * 32, 32);
                float amax = 0;
                for (int j = 0; j < 32; j++)
                {
                    if (amax < MathF.Abs(xb[j]))
                    {
                        amax = MathF.Abs(xb[j]);
                    }
                }

                byte e = ExponentOf(amax);
                float d = GgmlMath.E8M0Half(e);
                y[i].E = e;
                for (int j = 0; j < 16; j++)
                {
                    y[i].Qs[j] = (byte)(BestIndex(xb[j], d) | (BestIndex(xb[j + 16], d) << 4));
                }
            }
        }

        /// <summary>dequantize_row_mxfp4, plainly.</summary>
        internal static void DequantizeReference(ReadOnlySpan<BlockMXFP4> x, Span<float> y)
        {
            ReadOnlySpan<sbyte> values = GgmlMath.MxFp4Values;
            for (int i = 0; i < x.Length; i++)
            {
                float d = GgmlMath.E8M0Half(x[i].E);
                for (int j = 0; j < 16; j++)
                {
                    y[(i * 32) + j] = values[x[i].Qs[j] & 0x0F] * d;
                    y[(i * 32) + j + 16] = values[x[i].Qs[j] >> 4] * d;
                }
            }
        }
    }
}
