using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NumForge.Blocks.Ggml
{
    /// <summary>
    /// NVFP4 x Q8_0, the float operations of ggml's x86 <c>ggml_vec_dot_nvfp4_q8_0</c> in its order, so a row gives its
    /// bits: an NVFP4 block (64 elements) spans two Q8_0 activation blocks; per activation block the 32 signed E2M1
    /// values (ggml's doubled kvalues) are dotted with the codes into eight int32 lanes (lane l: elements 4l..4l+3, so
    /// lanes 0-3 are the first 16-element sub-block and 4-7 the second; exact on every path), converted, and multiplied
    /// into the row's eight float lanes with the scales d_x * ue4m3_half(d[s]) in one FMA; the lanes are summed last
    /// as ggml's <c>hsum_float_8</c> does. <see cref="DotReference"/> is the plain twin.
    /// </summary>
    internal unsafe struct Nvfp4Int8Rows : IInt8RowOperator
    {
        private const int BlockBytes = 36;

        // ggml's ggml_table_f32_ue4m3: every scale byte's halved value, so a scale costs a load and no branch.
        private static readonly float[] s_halves = Halves();

        private Int8Operands _o;

        public static int ActivationBlock => 32;

        public void Bind(byte* weights, int blocksPerRow, sbyte* codes, float* scales, int* sums16, float* output)
            => _o = new Int8Operands { Weights = weights, BlocksPerRow = blocksPerRow, Codes = codes, Scales = scales, Sums16 = sums16, Output = output };

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public readonly void Run(int start, int end)
        {
            byte* weights = _o.Weights;
            int perRow = _o.BlocksPerRow;
            float* xs = _o.Scales;
            fixed (float* halves = s_halves)
            {
                for (int r = start; r < end; r++)
                {
                    byte* w = weights + ((long)r * perRow * BlockBytes);
                    sbyte* a = _o.Codes;
                    Vector256<float> acc = Vector256<float>.Zero;
                    for (int b = 0; b < perRow; b++, w += BlockBytes, a += 64)
                    {
                        RowKernel.Prefetch(w, BlockBytes);
                        Vector256<int> first = Int8Dot.SignedSigned(Vector256<int>.Zero, Values(w + 4), Vector256.Load(a));
                        Vector256<int> second = Int8Dot.SignedSigned(Vector256<int>.Zero, Values(w + 20), Vector256.Load(a + 32));

                        // d_x * ue4m3_half(d[s]) for s = 0..3 (sub-blocks 0, 1 against activation block 2b; 2, 3 against 2b + 1).
                        Vector128<float> ue = Vector128.Create(halves[w[0]], halves[w[1]], halves[w[2]], halves[w[3]]);
                        Vector256<float> scales = (Vector128.Create(xs[2 * b], xs[2 * b], xs[(2 * b) + 1], xs[(2 * b) + 1]) * ue).ToVector256();
                        acc = Vector256.FusedMultiplyAdd(Vector256.ConvertToSingle(first), Vector256.Shuffle(scales, Vector256.Create(0, 0, 0, 0, 1, 1, 1, 1)), acc);
                        acc = Vector256.FusedMultiplyAdd(Vector256.ConvertToSingle(second), Vector256.Shuffle(scales, Vector256.Create(2, 2, 2, 2, 3, 3, 3, 3)), acc);
                    }

                    _o.Output[r] = HorizontalSum(acc);
                }
            }
        }

        /// <summary>
        /// ggml_vec_dot_nvfp4_q8_0 (x86) plainly, for one row: <paramref name="codes"/> and <paramref name="scales"/> are
        /// the Q8_0 activation (32 codes per scale). The kernel above must give the same bits.
        /// </summary>
        internal static float DotReference(ReadOnlySpan<BlockNVFP4> row, ReadOnlySpan<sbyte> codes, ReadOnlySpan<float> scales)
        {
            ReadOnlySpan<sbyte> values = GgmlMath.MxFp4Values;
            Span<float> acc = stackalloc float[8];
            acc.Clear();
            for (int b = 0; b < row.Length; b++)
            {
                for (int h = 0; h < 2; h++)
                {
                    for (int lane = 0; lane < 8; lane++)
                    {
                        int sum = 0;
                        for (int k = 0; k < 4; k++)
                        {
                            // Element e of activation block 2b + h is element j of sub-block 2h + e / 16.
                            int e = (4 * lane) + k, s = (2 * h) + (e / 16), j = e % 16;
                            byte q = row[b].Qs[(s * 8) + (j % 8)];
                            sum += values[j < 8 ? q & 0x0F : q >> 4] * codes[(64 * b) + (32 * h) + e];
                        }

                        float scale = scales[(2 * b) + h] * GgmlMath.Ue4m3Half(row[b].D[(2 * h) + (lane / 4)]);
                        acc[lane] = MathF.FusedMultiplyAdd(sum, scale, acc[lane]);
                    }
                }
            }

            // hsum_float_8: upper half plus lower, then lanes 0 + 2 and 1 + 3, then those two.
            return ((acc[4] + acc[0]) + (acc[6] + acc[2])) + ((acc[5] + acc[1]) + (acc[7] + acc[3]));
        }

        /// <summary>
        /// The 32 signed values of two sub-blocks (16 code bytes at <paramref name="q"/>) in element order: bytes 0..7's
        /// low nibbles, their high nibbles, then bytes 8..15's low and high nibbles.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector256<sbyte> Values(byte* q)
        {
            Vector128<sbyte> table = Vector128.Create((sbyte)0, 1, 2, 3, 4, 6, 8, 12, 0, -1, -2, -3, -4, -6, -8, -12);
            if (Avx2.IsSupported)
            {
                // Bytes 0..7 twice in the low 128-bit half, 8..15 twice in the high; then per 64-bit lane low or high nibbles.
                Vector256<byte> both = Avx2.BroadcastVector128ToVector256(q);
                Vector256<byte> spread = Avx2.Shuffle(both, Vector256.Create((byte)0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 8, 9, 10, 11, 12, 13, 14, 15));
                Vector256<byte> nibbles = Gfni.V256.IsSupported
                    ? Gfni.V256.GaloisFieldAffineTransform(spread, Vector256.Create(RowKernel.LowNibble, RowKernel.HighNibble, RowKernel.LowNibble, RowKernel.HighNibble).AsByte(), 0)
                    : Avx2.ShiftRightLogicalVariable(spread.AsUInt64(), Vector256.Create(0ul, 4, 0, 4)).AsByte() & Vector256.Create((byte)0x0F);
                return Avx2.Shuffle(Vector256.Create(table, table), nibbles.AsSByte());
            }

            Vector128<byte> bytes = Vector128.Load(q);
            Vector128<byte> low = bytes & Vector128.Create((byte)0x0F), high = RowKernel.Right(bytes, 4) & Vector128.Create((byte)0x0F);
            return Vector256.Create(
                RowKernel.Lookup(table.AsByte(), Vector128.Create(low.GetLower(), high.GetLower())),
                RowKernel.Lookup(table.AsByte(), Vector128.Create(low.GetUpper(), high.GetUpper()))).AsSByte();
        }

        // As hsum_float_8: the upper half added to the lower, then lanes 0 + 2 and 1 + 3, then those two.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static float HorizontalSum(Vector256<float> acc)
        {
            Vector128<float> t = acc.GetUpper() + acc.GetLower();
            return (t.GetElement(0) + t.GetElement(2)) + (t.GetElement(1) + t.GetElement(3));
        }

        private static float[] Halves()
        {
            float[] halves = new float[256];
            for (int i = 0; i < 256; i++)
            {
                halves[i] = GgmlMath.Ue4m3Half((byte)i);
            }

            return halves;
        }
    }
}
