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
        /// <summary>
        /// How far ahead of its use the weight stream is requested: the hardware prefetcher restarts at every 4 KiB page,
        /// and a matrix streamed from L3 or memory read 10-25% faster with these hints (4096 x 4096, Q4_0 to Q8_0).
        /// </summary>
        public const int PrefetchDistance = 2048;

        /// <summary>Asks for the cache lines of bytes [<paramref name="p"/>, + <paramref name="bytes"/>), <see cref="PrefetchDistance"/> ahead.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static unsafe void Prefetch(byte* p, int bytes)
        {
            if (Sse.IsSupported)
            {
                for (int i = 0; i < bytes; i += 64)
                {
                    Sse.Prefetch0(p + PrefetchDistance + i);
                }
            }
        }

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

        /// <summary>
        /// Each byte's bits moved by the GF(2) bit matrix <paramref name="matrix"/> (GFNI vgf2p8affineqb: a shift and
        /// a mask in one instruction), else by <paramref name="shift"/> (left if positive) and <paramref name="mask"/>.
        /// Output bit j of a byte is the parity of (matrix byte 7 - j) AND the input byte.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<byte> MoveBits(Vector256<byte> v, ulong matrix, int shift, byte mask)
        {
            if (Gfni.V256.IsSupported)
            {
                return Gfni.V256.GaloisFieldAffineTransform(v, Vector256.Create(matrix).AsByte(), 0);
            }

            return (shift >= 0 ? Left(v, shift) : Right(v, -shift)) & Vector256.Create(mask);
        }

        /// <summary>Bits 4..7 of each byte moved to 0..3 (x &gt;&gt; 4).</summary>
        public const ulong HighNibble = 0x1020408000000000;

        /// <summary>Bits 0..3 of each byte kept (x &amp; 0x0F).</summary>
        public const ulong LowNibble = 0x0102040800000000;

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

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
                    RowKernel.Prefetch(w, 210);
                    sbyte* scales = (sbyte*)(w + 192);
                    sbyte* a = codes + (b * 256);
                    int* sums = sums16 + (b * 16);

                    // The -32 code offset: sum over sub-blocks of sc * 32 * (sum of q8), exact in int32.
                    Vector128<sbyte> sc16 = Vector128.Load(scales);
                    Vector256<short> scLow = Vector256.WidenLower(sc16.ToVector256());
                    Vector256<int> sc0 = Vector256.WidenLower(scLow), sc1 = Vector256.WidenUpper(scLow);
                    Vector256<int> offsets = (sc0 * Vector256.Load(sums)) + (sc1 * Vector256.Load(sums + 8));
                    Vector256<int> isum = offsets * -32;
                    if (Avx2.IsSupported)
                    {
                        isum += Dot256(w, a, scales);
                    }
                    else
                    {
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
                    }

                    acc = RowKernel.Accumulate(acc, isum, GgmlMath.FromHalfBits(RowKernel.Half(w + 208)) * actScales[b]);
                }

                output[r] = Vector256.Sum(acc);
            }
        }

        /// <summary>
        /// The super-block's scaled code products with AVX2, the same int32 lanes as the portable loop (lane l: bytes
        /// 4l..4l+3 of each 32, times their sub-block's scale): the 6-bit codes times the activations summed in int16
        /// pairs (vpmaddubsw, at most 2 * 63 * 127), then weighted by the int16 scales in the int16-to-int32 step
        /// (AVX-VNNI vpdpwssd, or vpmaddwd): no int32 multiply (vpmulld, two uops) per 32 elements.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector256<int> Dot256(byte* w, sbyte* a, sbyte* scales)
        {
            Vector256<int> even = Vector256<int>.Zero, odd = Vector256<int>.Zero;
            Half256(ref even, ref odd, w, w + 128, a, scales);
            Half256(ref even, ref odd, w + 64, w + 160, a + 128, scales + 8);
            return even + odd;
        }

        // 128 elements: 64 bytes of low bits, 32 of high bits, eight 16-element sub-blocks with the scales at 'scales'.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Half256(ref Vector256<int> even, ref Vector256<int> odd, byte* ql, byte* qhp, sbyte* a, sbyte* scales)
        {
            Vector256<byte> low = Vector256.Create((byte)0x0F);
            Vector256<byte> high = Vector256.Create((byte)0x30);
            Vector256<byte> qh = Vector256.Load(qhp);
            Vector256<byte> ql0 = Vector256.Load(ql);
            Vector256<byte> ql1 = Vector256.Load(ql + 32);

            // The eight scales as int16 in both 128-bit halves, for in-lane byte shuffles.
            Vector128<short> eight = Sse41.ConvertToVector128Int16(scales);
            Vector256<byte> sc = Vector256.Create(eight, eight).AsByte();
            // The high bits' pairs 0-1, 2-3, 6-7 moved to bits 4-5 (one GFNI affine transform each where present).
            Step256(ref even, (ql0 & low) | RowKernel.MoveBits(qh, 0x0000000001020000, 4, 0x30), a, sc, 0);
            Step256(ref odd, (ql1 & low) | RowKernel.MoveBits(qh, 0x0000000004080000, 2, 0x30), a + 32, sc, 2);
            Step256(ref even, RowKernel.MoveBits(ql0, RowKernel.HighNibble, -4, 0x0F) | (qh & high), a + 64, sc, 4);
            Step256(ref odd, RowKernel.MoveBits(ql1, RowKernel.HighNibble, -4, 0x0F) | RowKernel.MoveBits(qh, 0x0000000040800000, -2, 0x30), a + 96, sc, 6);
        }

        // 32 codes against 32 activations: sub-block k in the low 128-bit half, k + 1 in the high half.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Step256(ref Vector256<int> acc, Vector256<byte> u, sbyte* a, Vector256<byte> sc, int k)
        {
            Vector256<short> products = Avx2.MultiplyAddAdjacent(u, Vector256.Load(a));
            short lowScale = (short)((2 * k) | (((2 * k) + 1) << 8)), highScale = (short)(((2 * k) + 2) | (((2 * k) + 3) << 8));
            Vector256<short> s = Avx2.Shuffle(sc, Vector256.Create(Vector128.Create(lowScale), Vector128.Create(highScale)).AsByte()).AsInt16();
            acc = AvxVnni.IsSupported ? AvxVnni.MultiplyWideningAndAdd(acc, products, s) : acc + Avx2.MultiplyAddAdjacent(products, s);
        }

        // Lanes 0-3 hold the first 16 elements' sums, lanes 4-7 the next 16's: [s[k] x4, s[k+1] x4].
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector256<int> Spread(Vector256<int> scales, int k)
            => Avx2.IsSupported
                ? Avx2.PermuteVar8x32(scales, Vector256.Create(k, k, k, k, k + 1, k + 1, k + 1, k + 1))
                : Vector256.Create(Vector128.Create(scales[k]), Vector128.Create(scales[k + 1]));
    }
}
