using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NumForge.Blocks.Ggml
{
    /// <summary>
    /// What differs between the 32-element, one-scale weight blocks (Q4_0, MXFP4, Q8_0) in an int8 MatVec: the block
    /// layout, how the codes become unsigned bytes, their offset from the signed values, and the scale.
    /// </summary>
    internal unsafe interface IBlock32Codes
    {
        /// <summary>Gets the block's size in bytes.</summary>
        static abstract int BlockBytes { get; }

        /// <summary>Gets the offset subtracted from every unsigned code (8 for Q4_0, 12 for MXFP4's shifted table).</summary>
        static abstract int CodeOffset { get; }

        /// <summary>The scale of the block at <paramref name="block"/>.</summary>
        static abstract float Scale(byte* block);

        /// <summary>The scales of the eight consecutive blocks at <paramref name="blocks"/> (AVX2 only).</summary>
        static abstract Vector256<float> Scales8(byte* blocks);

        /// <summary>The block's 32 codes as unsigned bytes (signed value + <see cref="CodeOffset"/>), in element order.</summary>
        static abstract Vector256<byte> Unsigned(byte* block);
    }

    /// <summary>Q4_0: fp16 scale d, then 16 bytes of nibbles; value d * (q - 8).</summary>
    internal readonly unsafe struct Q4_0Codes : IBlock32Codes
    {
        public static int BlockBytes => 18;

        public static int CodeOffset => 8;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static float Scale(byte* block) => GgmlMath.FromHalfBits(RowKernel.Half(block));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> Scales8(byte* blocks)
        {
            // One gather of the eight fp16 scales (4 bytes read at each, all inside the eight blocks).
            Vector256<int> bits = Avx2.GatherVector256((int*)blocks, Vector256.Create(0, 18, 36, 54, 72, 90, 108, 126), 1);
            return GgmlMath.FromHalfBits(bits & Vector256.Create(0xffff));
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<byte> Unsigned(byte* block) => Nibbles.Unpack(block + 2);
    }

    /// <summary>MXFP4: E8M0 exponent e, then 16 bytes of E2M1 nibbles; looked up as ggml's doubled values + 12, scale 2^(e-128).</summary>
    internal readonly unsafe struct MxFp4Codes : IBlock32Codes
    {
        public static int BlockBytes => 17;

        public static int CodeOffset => 12;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static float Scale(byte* block) => GgmlMath.E8M0Half(*block);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> Scales8(byte* blocks)
        {
            Vector256<int> e = Avx2.GatherVector256((int*)blocks, Vector256.Create(0, 17, 34, 51, 68, 85, 102, 119), 1) & Vector256.Create(0xff);

            // As E8M0Half: e < 2 gives the subnormals 0x00200000 << e, otherwise the exponent field e - 1.
            Vector256<int> subnormal = Avx2.ShiftLeftLogicalVariable(Vector256.Create(0x00200000), e.AsUInt32());
            return Vector256.ConditionalSelect(Vector256.LessThan(e, Vector256.Create(2)), subnormal, Vector256.ShiftLeft(e - Vector256<int>.One, 23)).AsSingle();
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<byte> Unsigned(byte* block)
        {
            Vector256<byte> nibbles = Nibbles.Unpack(block + 1);
            Vector128<byte> table = Vector128.Create((byte)12, 13, 14, 15, 16, 18, 20, 24, 12, 11, 10, 9, 8, 6, 4, 0);
            return Avx2.IsSupported
                ? Avx2.Shuffle(Vector256.Create(table, table), nibbles)
                : Vector256.Create(RowKernel.Lookup(table, nibbles.GetLower()), RowKernel.Lookup(table, nibbles.GetUpper()));
        }
    }

    /// <summary>Q8_0: fp16 scale d, then 32 int8 codes; flipping the sign bit makes them unsigned (q + 128).</summary>
    internal readonly unsafe struct Q8_0Codes : IBlock32Codes
    {
        public static int BlockBytes => 34;

        public static int CodeOffset => 128;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static float Scale(byte* block) => GgmlMath.FromHalfBits(RowKernel.Half(block));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> Scales8(byte* blocks)
        {
            Vector256<int> bits = Avx2.GatherVector256((int*)blocks, Vector256.Create(0, 34, 68, 102, 136, 170, 204, 238), 1);
            return GgmlMath.FromHalfBits(bits & Vector256.Create(0xffff));
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<byte> Unsigned(byte* block) => Vector256.Load(block + 2) ^ Vector256.Create((byte)0x80);
    }

    /// <summary>16 bytes of two 4-bit codes each to 32 codes: low nibbles are elements 0..15, high nibbles 16..31.</summary>
    internal static unsafe class Nibbles
    {
        /// <summary>The 32 codes of the 16 bytes at <paramref name="q"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<byte> Unpack(byte* q)
        {
            if (Avx2.IsSupported)
            {
                // The 16 bytes in both halves (a broadcast load, no shuffle), the upper half shifted right by 4 and both
                // masked: two instructions (one with GFNI) where a load, a shift, a lane insert and a mask took four.
                Vector256<uint> both = Avx2.BroadcastVector128ToVector256((uint*)q);
                if (Gfni.V256.IsSupported)
                {
                    // One affine bit transform per byte: the low half keeps the low nibbles, the high half takes the high.
                    Vector256<ulong> matrices = Vector256.Create(RowKernel.LowNibble, RowKernel.LowNibble, RowKernel.HighNibble, RowKernel.HighNibble);
                    return Gfni.V256.GaloisFieldAffineTransform(both.AsByte(), matrices.AsByte(), 0);
                }

                return Avx2.ShiftRightLogicalVariable(both, Vector256.Create(0u, 0, 0, 0, 4, 4, 4, 4)).AsByte() & Vector256.Create((byte)0x0F);
            }

            Vector128<byte> bytes = Vector128.Load(q);
            return Vector256.Create(bytes, RowKernel.Right(bytes, 4)) & Vector256.Create((byte)0x0F);
        }
    }

    /// <summary>
    /// The int8 row loop of the one-scale, 32-element blocks, eight blocks at a time: per block the unsigned codes (for
    /// 4-bit codes a 16-byte broadcast load, one variable shift, one AND) and one int8 dot (AVX-VNNI vpdpbusd, or
    /// vpmaddubsw + vpmaddwd) into eight int32 lanes; the eight blocks' lanes are then summed exactly in an integer
    /// transpose-and-add tree to one lane per block, the integer offset terms added, and the eight block sums converted
    /// and multiplied into the row's accumulator with the eight scales d_w * d_x (gathered and converted at once) in one
    /// FMA. A float multiply-add per block (and its latency chain) was what bound the per-block form. Lane k of the
    /// accumulator takes blocks 8i + k; a last group of fewer than eight blocks, and every group without AVX2, computes
    /// the same lanes through <see cref="Group"/>, so the result does not depend on the path.
    /// </summary>
    internal static unsafe class Block32Int8Rows<TCodes>
        where TCodes : struct, IBlock32Codes
    {
        // This thread's offset terms, reused as Q8Activation.ForThread is.
        [ThreadStatic]
        private static int[]? t_terms;

        /// <summary>
        /// Each block's offset term -CodeOffset * (sum of its 32 activation codes), in this thread's reusable array
        /// (valid until the thread asks again).
        /// </summary>
        public static int[] OffsetTerms(int blocks, int* sums16)
        {
            int[] terms = t_terms is { } cached && cached.Length >= blocks ? cached : (t_terms = new int[blocks]);
            for (int b = 0; b < blocks; b++)
            {
                terms[b] = -TCodes.CodeOffset * (sums16[2 * b] + sums16[(2 * b) + 1]);
            }

            return terms;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static void Run(in Int8Operands o, int[] offsetTerms, int start, int end)
        {
            byte* weights = o.Weights;
            int perRow = o.BlocksPerRow;
            float* xs = o.Scales;
            int bytes = TCodes.BlockBytes;
            fixed (int* terms = offsetTerms)
            {
                for (int r = start; r < end; r++)
                {
                    byte* w = weights + ((long)r * perRow * bytes);
                    sbyte* a = o.Codes;
                    Vector256<float> acc = Vector256<float>.Zero;
                    int b = 0;
                    if (Avx2.IsSupported)
                    {
                        for (; b <= perRow - 8; b += 8, w += 8 * bytes, a += 256)
                        {
                            RowKernel.Prefetch(w, 8 * bytes);
                            Vector256<int> sums = Sums8(w, a) + Vector256.Load(terms + b);
                            acc = Vector256.FusedMultiplyAdd(Vector256.ConvertToSingle(sums), TCodes.Scales8(w) * Vector256.Load(xs + b), acc);
                        }
                    }

                    for (; b < perRow; b += 8, w += 8 * bytes, a += 256)
                    {
                        acc = Group(acc, w, a, terms + b, xs + b, Math.Min(8, perRow - b));
                    }

                    o.Output[r] = Vector256.Sum(acc);
                }
            }
        }

        /// <summary>The eight blocks' exact dot products (without offset terms), block k in lane k (AVX2).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector256<int> Sums8(byte* w, sbyte* a)
        {
            int bytes = TCodes.BlockBytes;
            Vector256<int> p01 = Pair(Dot(w, a), Dot(w + bytes, a + 32));
            Vector256<int> p23 = Pair(Dot(w + (2 * bytes), a + 64), Dot(w + (3 * bytes), a + 96));
            Vector256<int> p45 = Pair(Dot(w + (4 * bytes), a + 128), Dot(w + (5 * bytes), a + 160));
            Vector256<int> p67 = Pair(Dot(w + (6 * bytes), a + 192), Dot(w + (7 * bytes), a + 224));

            // Per 128-bit half: [d0 d1 d2 d3] from p01, p23 (and d4..d7 from p45, p67); the halves' partial sums added last.
            Vector256<int> q0 = Avx2.UnpackLow(p01.AsInt64(), p23.AsInt64()).AsInt32() + Avx2.UnpackHigh(p01.AsInt64(), p23.AsInt64()).AsInt32();
            Vector256<int> q1 = Avx2.UnpackLow(p45.AsInt64(), p67.AsInt64()).AsInt32() + Avx2.UnpackHigh(p45.AsInt64(), p67.AsInt64()).AsInt32();
            return Avx2.Permute2x128(q0, q1, 0x20) + Avx2.Permute2x128(q0, q1, 0x31);
        }

        // [x0+x2, y0+y2, x1+x3, y1+y3] per 128-bit half: two blocks' lanes interleaved and halved in count.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector256<int> Pair(Vector256<int> x, Vector256<int> y) => Avx2.UnpackLow(x, y) + Avx2.UnpackHigh(x, y);

        /// <summary>One block's dot product in eight int32 lanes (lane l: bytes 4l..4l+3).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector256<int> Dot(byte* w, sbyte* a)
        {
            Vector256<byte> u = TCodes.Unsigned(w);

            // Q8_0's codes + 128 reach 255: vpmaddubsw alone could saturate there (a constant test per instantiation).
            return TCodes.CodeOffset >= 128
                ? Int8Dot.UnsignedFullSigned(Vector256<int>.Zero, u, Vector256.Load(a))
                : Int8Dot.UnsignedSigned(Vector256<int>.Zero, u, Vector256.Load(a));
        }

        /// <summary>
        /// Up to eight blocks one at a time (the path without AVX2, and a row's last group): the same exact integer sums
        /// and scale products in the same lanes as the eight-block step, zero in the lanes past <paramref name="count"/>.
        /// </summary>
        private static Vector256<float> Group(Vector256<float> acc, byte* w, sbyte* a, int* terms, float* xs, int count)
        {
            int bytes = TCodes.BlockBytes;
            Vector256<int> sums = Vector256<int>.Zero;
            Vector256<float> scales = Vector256<float>.Zero;
            for (int k = 0; k < count; k++)
            {
                sums = sums.WithElement(k, Vector256.Sum(Dot(w + (k * bytes), a + (32 * k))) + terms[k]);
                scales = scales.WithElement(k, TCodes.Scale(w + (k * bytes)) * xs[k]);
            }

            return Vector256.FusedMultiplyAdd(Vector256.ConvertToSingle(sums), scales, acc);
        }
    }

    /// <summary>Q4_0 x Q8_0: sum over blocks of d_w * d_x * (sum q4 * q8 - 8 * sum q8), the offset folded in as an integer.</summary>
    internal unsafe struct Q4_0Int8Rows : IInt8RowOperator
    {
        private Int8Operands _o;
        private int[] _offsetTerms;

        public static int ActivationBlock => 32;

        public void Bind(byte* weights, int blocksPerRow, sbyte* codes, float* scales, int* sums16, float* output)
        {
            _o = new Int8Operands { Weights = weights, BlocksPerRow = blocksPerRow, Codes = codes, Scales = scales, Sums16 = sums16, Output = output };
            _offsetTerms = Block32Int8Rows<Q4_0Codes>.OffsetTerms(blocksPerRow, sums16);
        }

        public readonly void Run(int start, int end) => Block32Int8Rows<Q4_0Codes>.Run(in _o, _offsetTerms, start, end);
    }

    /// <summary>MXFP4 x Q8_0: codes looked up as kvalues + 12 (unsigned), the -12 * sum q8 offset folded in as an integer.</summary>
    internal unsafe struct MxFp4Int8Rows : IInt8RowOperator
    {
        private Int8Operands _o;
        private int[] _offsetTerms;

        public static int ActivationBlock => 32;

        public void Bind(byte* weights, int blocksPerRow, sbyte* codes, float* scales, int* sums16, float* output)
        {
            _o = new Int8Operands { Weights = weights, BlocksPerRow = blocksPerRow, Codes = codes, Scales = scales, Sums16 = sums16, Output = output };
            _offsetTerms = Block32Int8Rows<MxFp4Codes>.OffsetTerms(blocksPerRow, sums16);
        }

        public readonly void Run(int start, int end) => Block32Int8Rows<MxFp4Codes>.Run(in _o, _offsetTerms, start, end);
    }

    /// <summary>Q8_0 x Q8_0: sum over blocks of d_w * d_x * (sum (q8w + 128) * q8x - 128 * sum q8x), the offset as an integer.</summary>
    internal unsafe struct Q8_0Int8Rows : IInt8RowOperator
    {
        private Int8Operands _o;
        private int[] _offsetTerms;

        public static int ActivationBlock => 32;

        public void Bind(byte* weights, int blocksPerRow, sbyte* codes, float* scales, int* sums16, float* output)
        {
            _o = new Int8Operands { Weights = weights, BlocksPerRow = blocksPerRow, Codes = codes, Scales = scales, Sums16 = sums16, Output = output };
            _offsetTerms = Block32Int8Rows<Q8_0Codes>.OffsetTerms(blocksPerRow, sums16);
        }

        public readonly void Run(int start, int end) => Block32Int8Rows<Q8_0Codes>.Run(in _o, _offsetTerms, start, end);
    }
}
