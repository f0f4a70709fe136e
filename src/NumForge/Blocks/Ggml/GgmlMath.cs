using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NumForge.Blocks.Ggml
{
    /// <summary>
    /// The scalar primitives of ggml-quants.c with the exact semantics of an x86-64 build: float to integer
    /// conversions truncate through <c>cvttss2si</c> (NaN and out-of-range give <see cref="int.MinValue"/>, then the
    /// low bits are kept), <c>nearest_int</c> is the 1.5*2^23 magic-number add (round half to even), fp16 stores are
    /// IEEE round-to-nearest-even.
    /// </summary>
    internal static class GgmlMath
    {
        /// <summary>x86 <c>cvttss2si</c>: truncation toward zero; NaN or out of the int range gives int.MinValue.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int Truncate(float value)
            => value >= -2147483648f && value < 2147483648f ? (int)value : int.MinValue;

        /// <summary>ggml's <c>nearest_int</c>: adds 1.5*2^23 and reads the low mantissa bits (round half to even in range).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int NearestInt(float value)
        {
            float shifted = value + 12582912f;
            return (BitConverter.SingleToInt32Bits(shifted) & 0x007fffff) - 0x00400000;
        }

        /// <summary>C's <c>roundf</c> (half away from zero).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static float RoundAway(float value) => MathF.Round(value, MidpointRounding.AwayFromZero);

        /// <summary>GGML_FP32_TO_FP16: IEEE binary16 round to nearest even, overflow to infinity.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static ushort ToHalfBits(float value) => BitConverter.HalfToUInt16Bits((Half)value);

        /// <summary>
        /// GGML_FP16_TO_FP32, exact, by integer rebiasing (no float arithmetic on subnormal operands: a multiply with a
        /// subnormal input takes a microcode assist on x86, and small K-quant scales are fp16 subnormals).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static float FromHalfBits(ushort bits)
        {
            int magnitude = bits & 0x7fff;
            int sign = (bits & 0x8000) << 16;
            if ((uint)(magnitude - 0x0400) < 0x7800u)
            {
                // Normal: rebias the exponent from 15 to 127.
                return BitConverter.Int32BitsToSingle(((magnitude << 13) + 0x38000000) | sign);
            }

            if (magnitude >= 0x7c00)
            {
                // Infinity, or NaN with its payload.
                return BitConverter.Int32BitsToSingle((magnitude << 13) | 0x7f800000 | sign);
            }

            // Zero or subnormal: the mantissa times 2^-24, an exact integer conversion and power-of-two scaling.
            return BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(magnitude * (1.0f / 16777216)) | sign);
        }

        /// <summary><see cref="FromHalfBits(ushort)"/> on each lane's low 16 bits (the upper 16 must be zero), branch-free.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<float> FromHalfBits(Vector128<int> bits)
        {
            Vector128<int> magnitude = bits & Vector128.Create(0x7fff);
            Vector128<int> sign = Vector128.ShiftLeft(bits ^ magnitude, 16);
            Vector128<int> normal = Vector128.ShiftLeft(magnitude, 13) + Vector128.Create(0x38000000);

            // Infinity and NaN: the exponent rebiased once more lands on all ones (0x0f800000 + 0x70000000).
            normal += Vector128.GreaterThan(magnitude, Vector128.Create(0x7bff)) & Vector128.Create(0x38000000);
            Vector128<float> subnormal = Vector128.ConvertToSingle(magnitude) * Vector128.Create(1.0f / 16777216);
            return (Vector128.ConditionalSelect(Vector128.LessThan(magnitude, Vector128.Create(0x0400)), subnormal.AsInt32(), normal) | sign).AsSingle();
        }

        /// <summary><see cref="FromHalfBits(ushort)"/> on each lane's low 16 bits (the upper 16 must be zero), branch-free.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> FromHalfBits(Vector256<int> bits)
        {
            Vector256<int> magnitude = bits & Vector256.Create(0x7fff);
            Vector256<int> sign = Vector256.ShiftLeft(bits ^ magnitude, 16);
            Vector256<int> normal = Vector256.ShiftLeft(magnitude, 13) + Vector256.Create(0x38000000);
            normal += Vector256.GreaterThan(magnitude, Vector256.Create(0x7bff)) & Vector256.Create(0x38000000);
            Vector256<float> subnormal = Vector256.ConvertToSingle(magnitude) * Vector256.Create(1.0f / 16777216);
            return (Vector256.ConditionalSelect(Vector256.LessThan(magnitude, Vector256.Create(0x0400)), subnormal.AsInt32(), normal) | sign).AsSingle();
        }

        /// <summary>GGML_E8M0_TO_FP32_HALF: half of the E8M0 value, 2^(e - 128) (e = 0 and 1 are subnormal).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static float E8M0Half(byte e)
        {
            uint bits = e < 2 ? 0x00200000u << e : (uint)(e - 1) << 23;
            return BitConverter.UInt32BitsToSingle(bits);
        }

        /// <summary>
        /// ggml_ue4m3_to_fp32: HALF the UE4M3 value (ggml's FP4 code values are doubled), exactly. Exponent e = bits 3..6
        /// (bias 7), mantissa m = bits 0..2; e = 0 is subnormal, m * 2^-9. Bit 7 is ignored, except that 0x7F reads as 0
        /// and 0xFF does not (it reads as 240, like 0x7F would with no special case).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static float Ue4m3Half(byte code)
        {
            if (code == 0 || code == 0x7F)
            {
                return 0.0f;
            }

            int e = (code >> 3) & 0x0F;
            int m = code & 0x07;

            // (1 + m/8) * 2^(e-7) / 2 = (8 + m) * 2^(e-11); subnormal m * 2^-9 / 2 = m * 2^-10. Products exact.
            return e == 0 ? m * (1.0f / 1024) : (8 + m) * BitConverter.Int32BitsToSingle((e - 11 + 127) << 23);
        }

        /// <summary>
        /// ggml_fp32_to_ue4m3, with its quirks: NaN and v &lt;= 0 give 0; v is clamped to 448; a normal result takes the top
        /// three float32 mantissa bits plus the next bit (round half away from zero), and an exponent of 15 or more
        /// (v &gt;= 256, or from 248 on once rounded) gives 0x7E, so [240, 248) is 0x77; below 2^-6, <c>(int)(v * 512.0f + 0.5f)</c> in float32, capped at 7.
        /// </summary>
        public static byte ToUe4m3(float v)
        {
            if (!(v > 0.0f))
            {
                return 0;
            }

            if (v > 448.0f)
            {
                v = 448.0f;
            }

            uint bits = BitConverter.SingleToUInt32Bits(v);
            int e = (int)((bits >> 23) & 0xFF) - 127 + 7;
            if (e <= 0)
            {
                int m = (int)((v * 512.0f) + 0.5f);
                return m < 1 ? (byte)0 : (byte)Math.Min(m, 7);
            }

            if (e >= 15)
            {
                return 0x7E;
            }

            int mantissa = (int)((bits >> 20) & 7) + (int)((bits >> 19) & 1);
            if (mantissa > 7)
            {
                mantissa = 0;
                e++;
                if (e >= 15)
                {
                    return 0x7E;
                }
            }

            return (byte)((e << 3) | mantissa);
        }

        /// <summary>MXFP4 codes as ggml's int8 values (E2M1 doubled): 0..7 positive, 8..15 negative.</summary>
        public static ReadOnlySpan<sbyte> MxFp4Values => [0, 1, 2, 3, 4, 6, 8, 12, 0, -1, -2, -3, -4, -6, -8, -12];

        /// <summary>The lengths rule of <see cref="IBlockFormat{TSelf}"/>.</summary>
        public static void CheckLengths(int values, int blocks, int blockSize, string valuesName)
        {
            if ((long)blocks * blockSize != values)
            {
                throw new ArgumentException($"{valuesName} holds {values} values but {blocks} blocks of {blockSize} need {(long)blocks * blockSize}.", valuesName);
            }
        }
    }
}
