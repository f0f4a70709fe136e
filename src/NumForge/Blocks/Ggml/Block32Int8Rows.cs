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
        public static Vector256<byte> Unsigned(byte* block) => Nibbles.Unpack(Vector128.Load(block + 2));
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
            Vector256<byte> nibbles = Nibbles.Unpack(Vector128.Load(block + 1));
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
    internal static class Nibbles
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<byte> Unpack(Vector128<byte> q) => Vector256.Create(q, RowKernel.Right(q, 4)) & Vector256.Create((byte)0x0F);
    }

    /// <summary>
    /// The int8 row loop of the one-scale, 32-element blocks: per block the unsigned codes (for 4-bit codes one 16-byte
    /// load, one shift, one AND), one int8 dot (AVX-VNNI vpdpbusd, or vpmaddubsw + vpmaddwd) started from the block's
    /// integer offset term, one conversion and one FMA with the block's scale. The scales of eight blocks are gathered and converted at once
    /// (a lane permute per block), and even and odd blocks go to two accumulators so the FMAs do not wait on each other.
    /// The AVX2 and portable paths compute the same lanes in the same order, so the result does not depend on the path.
    /// </summary>
    internal static unsafe class Block32Int8Rows<TCodes>
        where TCodes : struct, IBlock32Codes
    {
        // This thread's offset terms, reused as Q8Activation.ForThread is (lanes 1..7 are never written, so stay zero).
        [ThreadStatic]
        private static int[]? t_terms;

        /// <summary>
        /// Each block's offset term -CodeOffset * (sum of its 32 activation codes) in lane 0 of eight int32 lanes, in
        /// this thread's reusable array (valid until the thread asks again).
        /// </summary>
        public static int[] OffsetTerms(int blocks, int* sums16)
        {
            int[] terms = t_terms is { } cached && cached.Length >= blocks * 8 ? cached : (t_terms = new int[blocks * 8]);
            for (int b = 0; b < blocks; b++)
            {
                terms[8 * b] = -TCodes.CodeOffset * (sums16[2 * b] + sums16[(2 * b) + 1]);
            }

            return terms;
        }

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
                    int* t = terms;
                    Vector256<float> even = Vector256<float>.Zero, odd = Vector256<float>.Zero;
                    int b = 0;
                    if (Avx2.IsSupported)
                    {
                        for (; b <= perRow - 8; b += 8, w += 8 * bytes, a += 256, t += 64)
                        {
                            Vector256<float> s = TCodes.Scales8(w) * Vector256.Load(xs + b);
                            even = Block(even, w, a, t, Avx2.PermuteVar8x32(s, Vector256.Create(0)));
                            odd = Block(odd, w + bytes, a + 32, t + 8, Avx2.PermuteVar8x32(s, Vector256.Create(1)));
                            even = Block(even, w + (2 * bytes), a + 64, t + 16, Avx2.PermuteVar8x32(s, Vector256.Create(2)));
                            odd = Block(odd, w + (3 * bytes), a + 96, t + 24, Avx2.PermuteVar8x32(s, Vector256.Create(3)));
                            even = Block(even, w + (4 * bytes), a + 128, t + 32, Avx2.PermuteVar8x32(s, Vector256.Create(4)));
                            odd = Block(odd, w + (5 * bytes), a + 160, t + 40, Avx2.PermuteVar8x32(s, Vector256.Create(5)));
                            even = Block(even, w + (6 * bytes), a + 192, t + 48, Avx2.PermuteVar8x32(s, Vector256.Create(6)));
                            odd = Block(odd, w + (7 * bytes), a + 224, t + 56, Avx2.PermuteVar8x32(s, Vector256.Create(7)));
                        }
                    }

                    // The rest (every block without AVX2): b is even here, so parity picks the same accumulator as above.
                    for (; b <= perRow - 2; b += 2, w += 2 * bytes, a += 64, t += 16)
                    {
                        even = Block(even, w, a, t, Vector256.Create(TCodes.Scale(w) * xs[b]));
                        odd = Block(odd, w + bytes, a + 32, t + 8, Vector256.Create(TCodes.Scale(w + bytes) * xs[b + 1]));
                    }

                    if (b < perRow)
                    {
                        even = Block(even, w, a, t, Vector256.Create(TCodes.Scale(w) * xs[b]));
                    }

                    o.Output[r] = Vector256.Sum(even + odd);
                }
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector256<float> Block(Vector256<float> acc, byte* w, sbyte* a, int* offsetTerm, Vector256<float> scale)
        {
            Vector256<byte> u = TCodes.Unsigned(w);

            // Q8_0's codes + 128 reach 255: vpmaddubsw alone could saturate there (a constant test per instantiation).
            Vector256<int> dot = TCodes.CodeOffset >= 128
                ? Int8Dot.UnsignedFullSigned(Vector256.Load(offsetTerm), u, Vector256.Load(a))
                : Int8Dot.UnsignedSigned(Vector256.Load(offsetTerm), u, Vector256.Load(a));
            return Vector256.FusedMultiplyAdd(Vector256.ConvertToSingle(dot), scale, acc);
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
