using System;
using System.Runtime.InteropServices;

namespace NumForge.Blocks.Quant.Rules
{
    /// <summary>
    /// OCP MX v1.0 (section 6.3): 32 elements share the E8M0 scale 2^(floor(log2(amax)) - emax_elem), the exponent
    /// clamped to -127..127; elements are V / scale rounded to nearest even and saturated. An all-zero block gets scale
    /// byte 0x00 and zero codes; a block holding NaN or infinity gets the NaN scale 0xFF and zero codes.
    /// </summary>
    internal static class MxRule
    {
        public const int BlockSize = 32;

        public const byte NaNScale = 0xFF;

        /// <summary>emax of the element format: E4M3 8, E5M2 15, E3M2 4, E2M3 2, E2M1 2, INT8 0.</summary>
        public static int ElementEmax(MxElement element) => element switch
        {
            MxElement.Fp8E4M3 => 8,
            MxElement.Fp8E5M2 => 15,
            MxElement.Fp6E3M2 => 4,
            MxElement.Fp6E2M3 => 2,
            MxElement.Fp4E2M1 => 2,
            MxElement.Int8 => 0,
            _ => throw new ArgumentOutOfRangeException(nameof(element)),
        };

        /// <summary>Quantizes one row (a whole number of blocks) into unpacked codes and one scale byte per block.</summary>
        /// <remarks>The scaled argument is scratch of the row's length.</remarks>
        public static void QuantizeRow(ReadOnlySpan<float> row, MxElement element, Span<byte> codes, Span<byte> scales, Span<float> scaled)
        {
            int emax = ElementEmax(element);
            for (int b = 0; b < scales.Length; b++)
            {
                ReadOnlySpan<float> block = row.Slice(b * BlockSize, BlockSize);
                Span<float> target = scaled.Slice(b * BlockSize, BlockSize);
                float amax = AbsMax.Of(block, out bool finite);
                bool special = !finite;

                if (special || amax == 0)
                {
                    scales[b] = special ? NaNScale : (byte)0;
                    target.Clear();
                    continue;
                }

                int exponent = Math.Clamp(MathF.ILogB(amax) - emax, -127, 127);
                scales[b] = (byte)(exponent + 127);
                float x = MathF.ScaleB(1f, exponent);
                for (int i = 0; i < BlockSize; i++)
                {
                    target[i] = block[i] / x;
                }
            }

            EncodeElements(scaled, element, codes);
        }

        /// <summary>Rounds already-scaled values to element codes (nearest even, saturating), with the catalog converters.</summary>
        public static void EncodeElements(ReadOnlySpan<float> scaled, MxElement element, Span<byte> codes)
        {
            const MidpointRounding Even = MidpointRounding.ToEven;
            switch (element)
            {
                case MxElement.Fp8E4M3:
                    Float8E4M3FN.ConvertFrom(scaled, MemoryMarshal.Cast<byte, Float8E4M3FN>(codes), Even, saturate: true);
                    break;
                case MxElement.Fp8E5M2:
                    Float8E5M2.ConvertFrom(scaled, MemoryMarshal.Cast<byte, Float8E5M2>(codes), Even, saturate: true);
                    break;
                case MxElement.Fp6E3M2:
                    Float6E3M2FN.ConvertFrom(scaled, MemoryMarshal.Cast<byte, Float6E3M2FN>(codes), Even, saturate: true);
                    break;
                case MxElement.Fp6E2M3:
                    Float6E2M3FN.ConvertFrom(scaled, MemoryMarshal.Cast<byte, Float6E2M3FN>(codes), Even, saturate: true);
                    break;
                case MxElement.Fp4E2M1:
                    Float4E2M1FN.ConvertFrom(scaled, MemoryMarshal.Cast<byte, Float4E2M1FN>(codes), Even, saturate: true);
                    break;
                default:
                    // INT8: value = int8 / 64, saturating at +-127/64 (the symmetric range, as the MX reference code does).
                    for (int i = 0; i < scaled.Length; i++)
                    {
                        codes[i] = (byte)(sbyte)Math.Clamp(MathF.Round(scaled[i] * 64f), -127f, 127f);
                    }

                    break;
            }
        }

        /// <summary>The value of every element code: 256 entries for 8 bits, 64 for 6, 16 for 4.</summary>
        public static float[] ElementValues(MxElement element)
        {
            int count = element switch
            {
                MxElement.Fp6E3M2 or MxElement.Fp6E2M3 => 64,
                MxElement.Fp4E2M1 => 16,
                _ => 256,
            };
            var values = new float[count];
            for (int code = 0; code < count; code++)
            {
                byte bits = (byte)code;
                values[code] = element switch
                {
                    MxElement.Fp8E4M3 => (float)Float8E4M3FN.FromBits(bits),
                    MxElement.Fp8E5M2 => (float)Float8E5M2.FromBits(bits),
                    MxElement.Fp6E3M2 => (float)Float6E3M2FN.FromBits(bits),
                    MxElement.Fp6E2M3 => (float)Float6E2M3FN.FromBits(bits),
                    MxElement.Fp4E2M1 => (float)Float4E2M1FN.FromBits(bits),
                    _ => (sbyte)bits / 64f,
                };
            }

            return values;
        }

        /// <summary>The scale a scale byte stands for: 2^(byte - 127); NaN for 0xFF.</summary>
        public static float ScaleValue(byte scale) => scale == NaNScale ? float.NaN : MathF.ScaleB(1f, scale - 127);
    }
}
