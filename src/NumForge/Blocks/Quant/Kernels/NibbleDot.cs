using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NumForge.Blocks.Quant.Kernels
{
    /// <summary>How 4-bit codes are read: which nibble holds the even element, and whether a code is its own value.</summary>
    internal interface INibbleMode
    {
        /// <summary>True for bitsandbytes' layout (even element in the high nibble).</summary>
        static abstract bool HighNibbleFirst { get; }

        /// <summary>True when a code's value comes from a 16-entry table; false when the value is the code (0..15).</summary>
        static abstract bool Lookup { get; }
    }

    /// <summary>W4 codes: the value is the code, even element in the low nibble.</summary>
    internal struct IntegerLowNibble : INibbleMode
    {
        public static bool HighNibbleFirst => false;

        public static bool Lookup => false;
    }

    /// <summary>FP4 codes (MXFP4, NVFP4): E2M1 values from a table, even element in the low nibble.</summary>
    internal struct TableLowNibble : INibbleMode
    {
        public static bool HighNibbleFirst => false;

        public static bool Lookup => true;
    }

    /// <summary>NF4 codes: codebook values, even element in the high nibble.</summary>
    internal struct TableHighNibble : INibbleMode
    {
        public static bool HighNibbleFirst => true;

        public static bool Lookup => true;
    }

    /// <summary>
    /// The specialised 4-bit dot: 16 bytes become 32 element values in two steps of 16 lanes (AVX-512) — split the nibbles,
    /// interleave them back into element order, widen to int32, convert (or look up with one <c>vpermps</c> in a
    /// 16-entry table) and multiply-add with x. AVX2 takes 8 bytes per step and looks up with two permutes and a blend.
    /// </summary>
    internal readonly struct NibbleDot<TMode> : IVectorGroupDot
        where TMode : struct, INibbleMode
    {
        private readonly int _width;
        private readonly float[] _values;
        private readonly Vector512<float> _table;
        private readonly Vector256<float> _tableLow;
        private readonly Vector256<float> _tableHigh;

        /// <param name="width">512, 256 or 0.</param>
        /// <param name="values">The 16 code values (lookup modes) or 0..15.</param>
        public NibbleDot(int width, float[] values)
        {
            _width = width;
            _values = values;
            _table = Vector512.Create(values);
            _tableLow = Vector256.Create(values);
            _tableHigh = Vector256.Create(values, 8);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public float Dot(ref byte codes, ref float x, int count)
        {
            int i = 0;
            float sum = 0;
            if (_width == 512)
            {
                Vector512<float> acc0 = Vector512<float>.Zero;
                Vector512<float> acc1 = Vector512<float>.Zero;
                for (; i + 32 <= count; i += 32)
                {
                    (Vector128<byte> even, Vector128<byte> odd) = Split(Vector128.LoadUnsafe(ref codes, (nuint)(i / 2)));
                    acc0 = Vector512.FusedMultiplyAdd(Values512(Sse2.UnpackLow(even, odd)), Vector512.LoadUnsafe(ref x, (nuint)i), acc0);
                    acc1 = Vector512.FusedMultiplyAdd(Values512(Sse2.UnpackHigh(even, odd)), Vector512.LoadUnsafe(ref x, (nuint)(i + 16)), acc1);
                }

                if (i + 16 <= count)
                {
                    (Vector128<byte> even, Vector128<byte> odd) = Split(Vector128.CreateScalar(Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref codes, i / 2))).AsByte());
                    acc0 = Vector512.FusedMultiplyAdd(Values512(Sse2.UnpackLow(even, odd)), Vector512.LoadUnsafe(ref x, (nuint)i), acc0);
                    i += 16;
                }

                sum = Vector512.Sum(acc0 + acc1);
            }
            else if (_width == 256)
            {
                Vector256<float> acc0 = Vector256<float>.Zero;
                Vector256<float> acc1 = Vector256<float>.Zero;
                for (; i + 16 <= count; i += 16)
                {
                    (Vector128<byte> even, Vector128<byte> odd) = Split(Vector128.CreateScalar(Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref codes, i / 2))).AsByte());
                    Vector128<byte> elements = Sse2.UnpackLow(even, odd);
                    acc0 = Vector256.FusedMultiplyAdd(Values256(Avx2.ConvertToVector256Int32(elements)), Vector256.LoadUnsafe(ref x, (nuint)i), acc0);
                    acc1 = Vector256.FusedMultiplyAdd(Values256(Avx2.ConvertToVector256Int32(Sse2.ShiftRightLogical128BitLane(elements, 8))), Vector256.LoadUnsafe(ref x, (nuint)(i + 8)), acc1);
                }

                sum = Vector256.Sum(acc0 + acc1);
            }

            for (; i < count; i++)
            {
                int b = Unsafe.Add(ref codes, i >> 1);
                int code = ((i & 1) == 0) != TMode.HighNibbleFirst ? b & 0xF : b >> 4;
                sum += (TMode.Lookup ? _values[code] : code) * Unsafe.Add(ref x, i);
            }

            return sum;
        }

        /// <summary>The unreduced 16-lane partial sums of <paramref name="count"/> (a multiple of 32) codes times x.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector512<float> Partial512(ref byte codes, ref float x, int count)
        {
            Vector512<float> acc0 = Vector512<float>.Zero;
            Vector512<float> acc1 = Vector512<float>.Zero;
            for (int i = 0; i < count; i += 32)
            {
                (Vector128<byte> even, Vector128<byte> odd) = Split(Vector128.LoadUnsafe(ref codes, (nuint)(i / 2)));
                acc0 = Vector512.FusedMultiplyAdd(Values512(Sse2.UnpackLow(even, odd)), Vector512.LoadUnsafe(ref x, (nuint)i), acc0);
                acc1 = Vector512.FusedMultiplyAdd(Values512(Sse2.UnpackHigh(even, odd)), Vector512.LoadUnsafe(ref x, (nuint)(i + 16)), acc1);
            }

            return acc0 + acc1;
        }

        /// <summary>The unreduced 8-lane partial sums of <paramref name="count"/> (a multiple of 16) codes times x.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector256<float> Partial256(ref byte codes, ref float x, int count)
        {
            Vector256<float> acc0 = Vector256<float>.Zero;
            Vector256<float> acc1 = Vector256<float>.Zero;
            for (int i = 0; i < count; i += 16)
            {
                (Vector128<byte> even, Vector128<byte> odd) = Split(Vector128.CreateScalar(Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref codes, i / 2))).AsByte());
                Vector128<byte> elements = Sse2.UnpackLow(even, odd);
                acc0 = Vector256.FusedMultiplyAdd(Values256(Avx2.ConvertToVector256Int32(elements)), Vector256.LoadUnsafe(ref x, (nuint)i), acc0);
                acc1 = Vector256.FusedMultiplyAdd(Values256(Avx2.ConvertToVector256Int32(Sse2.ShiftRightLogical128BitLane(elements, 8))), Vector256.LoadUnsafe(ref x, (nuint)(i + 8)), acc1);
            }

            return acc0 + acc1;
        }

        /// <summary>The nibbles of 16 bytes as bytes: the even elements' and the odd elements'.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static (Vector128<byte> Even, Vector128<byte> Odd) Split(Vector128<byte> packed)
        {
            Vector128<byte> mask = Vector128.Create((byte)0x0F);
            Vector128<byte> low = packed & mask;
            Vector128<byte> high = Vector128.ShiftRightLogical(packed.AsUInt16(), 4).AsByte() & mask;
            return TMode.HighNibbleFirst ? (high, low) : (low, high);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private Vector512<float> Values512(Vector128<byte> codes)
        {
            Vector512<int> wide = Avx512F.ConvertToVector512Int32(codes);
            return TMode.Lookup ? Avx512F.PermuteVar16x32(_table, wide) : Avx512F.ConvertToVector512Single(wide);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private Vector256<float> Values256(Vector256<int> codes)
        {
            if (!TMode.Lookup)
            {
                return Avx.ConvertToVector256Single(codes);
            }

            // vpermps reads the low 3 bits; bit 3 (moved to the sign) picks the upper half of the table.
            return Avx.BlendVariable(Avx2.PermuteVar8x32(_tableLow, codes), Avx2.PermuteVar8x32(_tableHigh, codes), Avx2.ShiftLeftLogical(codes, 28).AsSingle());
        }
    }
}
