using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NumForge.Blocks.Ggml
{
    /// <summary>A row kernel of an int8 MatVec: ggml weight blocks dotted with a <see cref="Q8Activation"/>.</summary>
    internal unsafe interface IInt8RowOperator : IRowOperator
    {
        /// <summary>Gets the activation's block size (32 for Q8_0, 256 for Q8_K).</summary>
        static abstract int ActivationBlock { get; }

        /// <summary>Points the kernel at its data.</summary>
        void Bind(byte* weights, int blocksPerRow, sbyte* codes, float* scales, int* sums16, float* output);
    }

    /// <summary>The pointers every int8 row kernel holds.</summary>
    internal unsafe struct Int8Operands
    {
        public byte* Weights;
        public int BlocksPerRow;
        public sbyte* Codes;
        public float* Scales;
        public int* Sums16;
        public float* Output;
    }

    /// <summary>Shared helpers of the row kernels.</summary>
    internal static class RowKernel
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static unsafe ushort Half(byte* p) => Unsafe.ReadUnaligned<ushort>(p);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> Accumulate(Vector256<float> acc, Vector256<int> sums, float scale)
            => Vector256.FusedMultiplyAdd(Vector256.ConvertToSingle(sums), Vector256.Create(scale), acc);

        // Byte shifts through 16-bit lanes (one instruction); callers mask away the bits that cross between bytes.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<byte> Right(Vector256<byte> v, int n) => Vector256.ShiftRightLogical(v.AsUInt16(), n).AsByte();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<byte> Left(Vector256<byte> v, int n) => Vector256.ShiftLeft(v.AsUInt16(), n).AsByte();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<byte> Right(Vector128<byte> v, int n) => Vector128.ShiftRightLogical(v.AsUInt16(), n).AsByte();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<byte> Lookup(Vector128<byte> table, Vector128<byte> indices)
            => Ssse3.IsSupported ? Ssse3.Shuffle(table, indices) : Vector128.Shuffle(table, indices);
    }

    /// <summary>Q6_K x Q8_K: per super-block d * d_x * sum_s sc_s * ((q6 . q8)_s - 32 * (sum q8)_s), all in int32.</summary>
    internal unsafe struct Q6_KInt8Rows : IInt8RowOperator
    {
        private Int8Operands _o;

        public static int ActivationBlock => 256;

        public void Bind(byte* weights, int blocksPerRow, sbyte* codes, float* scales, int* sums16, float* output)
            => _o = new Int8Operands { Weights = weights, BlocksPerRow = blocksPerRow, Codes = codes, Scales = scales, Sums16 = sums16, Output = output };

        public void Run(int start, int end)
        {
            // The operands in locals: read through 'this' they were reloaded on every block.
            byte* weights = _o.Weights;
            int perRow = _o.BlocksPerRow;
            sbyte* codes = _o.Codes;
            float* actScales = _o.Scales;
            int* sums16 = _o.Sums16;
            float* output = _o.Output;
            Vector256<byte> low = Vector256.Create((byte)0x0F);
            Vector256<byte> high = Vector256.Create((byte)0x30);
            for (int r = start; r < end; r++)
            {
                byte* w = weights + ((long)r * perRow * 210);
                Vector256<float> acc = Vector256<float>.Zero;
                for (int b = 0; b < perRow; b++, w += 210)
                {
                    sbyte* scales = (sbyte*)(w + 192);
                    sbyte* a = codes + (b * 256);
                    int* sums = sums16 + (b * 16);

                    // The -32 code offset: sum over sub-blocks of sc * 32 * (sum of q8), exact in int32.
                    Vector128<sbyte> sc16 = Vector128.Load(scales);
                    Vector256<short> scLow = Vector256.WidenLower(sc16.ToVector256());
                    Vector256<int> sc0 = Vector256.WidenLower(scLow), sc1 = Vector256.WidenUpper(scLow);
                    Vector256<int> offsets = (sc0 * Vector256.Load(sums)) + (sc1 * Vector256.Load(sums + 8));
                    Vector256<int> isum = offsets * -32;
                    for (int h = 0; h < 2; h++)
                    {
                        byte* ql = w + (64 * h);
                        Vector256<byte> qh = Vector256.Load(w + 128 + (32 * h));
                        Vector256<byte> ql0 = Vector256.Load(ql);
                        Vector256<byte> ql1 = Vector256.Load(ql + 32);
                        sbyte* ah = a + (128 * h);
                        Vector256<byte> u0 = (ql0 & low) | (RowKernel.Left(qh, 4) & high);
                        Vector256<byte> u1 = (ql1 & low) | (RowKernel.Left(qh, 2) & high);
                        Vector256<byte> u2 = (RowKernel.Right(ql0, 4) & low) | (qh & high);
                        Vector256<byte> u3 = (RowKernel.Right(ql1, 4) & low) | (RowKernel.Right(qh, 2) & high);

                        // Sub-block scales 8h..8h+7 as pairs [s, s, s, s, t, t, t, t] per 32 elements.
                        Vector256<int> pairs01 = Spread(h == 0 ? sc0 : sc1, 0);
                        Vector256<int> pairs23 = Spread(h == 0 ? sc0 : sc1, 2);
                        Vector256<int> pairs45 = Spread(h == 0 ? sc0 : sc1, 4);
                        Vector256<int> pairs67 = Spread(h == 0 ? sc0 : sc1, 6);
                        isum += Int8Dot.UnsignedSigned(Vector256<int>.Zero, u0, Vector256.Load(ah)) * pairs01;
                        isum += Int8Dot.UnsignedSigned(Vector256<int>.Zero, u1, Vector256.Load(ah + 32)) * pairs23;
                        isum += Int8Dot.UnsignedSigned(Vector256<int>.Zero, u2, Vector256.Load(ah + 64)) * pairs45;
                        isum += Int8Dot.UnsignedSigned(Vector256<int>.Zero, u3, Vector256.Load(ah + 96)) * pairs67;
                    }

                    acc = RowKernel.Accumulate(acc, isum, GgmlMath.FromHalfBits(RowKernel.Half(w + 208)) * actScales[b]);
                }

                output[r] = Vector256.Sum(acc);
            }
        }

        // Lanes 0-3 hold the first 16 elements' sums, lanes 4-7 the next 16's: [s[k] x4, s[k+1] x4].
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector256<int> Spread(Vector256<int> scales, int k)
            => Avx2.IsSupported
                ? Avx2.PermuteVar8x32(scales, Vector256.Create(k, k, k, k, k + 1, k + 1, k + 1, k + 1))
                : Vector256.Create(Vector128.Create(scales[k]), Vector128.Create(scales[k + 1]));
    }
}
