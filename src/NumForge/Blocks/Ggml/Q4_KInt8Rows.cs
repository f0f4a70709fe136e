using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NumForge.Blocks.Ggml
{
    /// <summary>
    /// Q4_K x Q8_K: per super-block d * d_x * sum_s sc_s * (q4 . q8)_s - dmin * d_x * sum_s m_s * (sum q8)_s.
    /// The eight 6-bit scales and minimums are decoded once per super-block in one vector register; the nibble products
    /// are summed in int16 pairs (vpmaddubsw, at most 2 * 15 * 127) and weighted by the scales in the int16-to-int32 step
    /// (AVX-VNNI vpdpwssd, or vpmaddwd), so a scale costs no extra multiply. The integer lane sums are exact and the same
    /// on the AVX2 and portable paths, and the float steps after them are the same, so the result does not depend on the
    /// path. (A 512-bit variant measured slower: no 512-bit VNNI in .NET 10 on this hardware, three instructions per 64
    /// elements against two per 32.)
    /// </summary>
    internal unsafe struct Q4_KInt8Rows : IInt8RowOperator
    {
        private Int8Operands _o;

        // The activation's code sums per 32 elements (at most 32 * 127), as int16 for vpmaddwd against the minimums.
        private short[] _sums32;

        // This thread's reusable sums, as Q8Activation.ForThread (the MatVec finishes with them before the thread asks again).
        [ThreadStatic]
        private static short[]? t_sums32;

        public static int ActivationBlock => 256;

        public void Bind(byte* weights, int blocksPerRow, sbyte* codes, float* scales, int* sums16, float* output)
        {
            _o = new Int8Operands { Weights = weights, BlocksPerRow = blocksPerRow, Codes = codes, Scales = scales, Sums16 = sums16, Output = output };
            int count = blocksPerRow * 8;
            _sums32 = t_sums32 is { } cached && cached.Length >= count ? cached : (t_sums32 = new short[count]);
            for (int i = 0; i < count; i++)
            {
                _sums32[i] = (short)(sums16[2 * i] + sums16[(2 * i) + 1]);
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Run(int start, int end)
        {
            // The operands in locals: read through 'this' they were reloaded on every block.
            byte* weights = _o.Weights;
            int perRow = _o.BlocksPerRow;
            float* actScales = _o.Scales;
            float* output = _o.Output;

            // d * d_x of up to eight super-blocks, then dmin * d_x: converted eight at a time with AVX2 (one gather and
            // two conversions where each super-block took a conversion of its own), read back as broadcasts.
            float* dd = stackalloc float[16];

            // The eight sub-block scales of the current super-block, each as an int16 pair (one int32).
            int* pairs = stackalloc int[8];
            fixed (short* sums32 = _sums32)
            {
                for (int r = start; r < end; r++)
                {
                    byte* w = weights + ((long)r * perRow * 144);
                    sbyte* a = _o.Codes;
                    short* sums = sums32;
                    Vector256<float> acc = Vector256<float>.Zero;
                    Vector128<float> minimums = Vector128<float>.Zero;
                    for (int g = 0; g < perRow; g += 8)
                    {
                        int count = Math.Min(8, perRow - g);
                        Scales(w, actScales + g, count, dd);
                        for (int k = 0; k < count; k++, w += 144, a += 256, sums += 8)
                        {
                            RowKernel.Prefetch(w, 144);
                            Vector128<byte> packed = DecodeScales(Vector128.Load(w + 4).AsUInt32());
                            Vector128<short> mn = Vector128.WidenUpper(packed).AsInt16();
                            Vector256<int> isum;
                            if (Avx2.IsSupported)
                            {
                                // Each scale in both int16 halves of an int32, read back as a broadcast load.
                                Vector256<int> sc32 = Avx2.ConvertToVector256Int32(packed);
                                (sc32 | Vector256.ShiftLeft(sc32, 16)).Store(pairs);
                                isum = Dot256(w + 16, a, pairs);
                            }
                            else
                            {
                                isum = DotPortable(w + 16, a, Vector128.WidenLower(packed).AsInt16());
                            }

                            acc = Vector256.FusedMultiplyAdd(Vector256.ConvertToSingle(isum), Vector256.Create(dd[k]), acc);
                            Vector128<int> msum = Sse2.IsSupported ? Sse2.MultiplyAddAdjacent(mn, Vector128.Load(sums)) : Products(mn, Vector128.Load(sums));
                            minimums = Vector128.FusedMultiplyAdd(Vector128.ConvertToSingle(msum), Vector128.Create(dd[8 + k]), minimums);
                        }
                    }

                    output[r] = Vector256.Sum(acc) - Vector128.Sum(minimums);
                }
            }
        }

        /// <summary>
        /// [d * d_x] of <paramref name="count"/> super-blocks at <paramref name="w"/> into dd[0..8), [dmin * d_x] into
        /// dd[8..16): the fp16 pair at the start of each block, converted exactly, times its activation scale.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Scales(byte* w, float* xs, int count, float* dd)
        {
            if (Avx2.IsSupported && count == 8)
            {
                Vector256<int> bits = Avx2.GatherVector256((int*)w, Vector256.Create(0, 144, 288, 432, 576, 720, 864, 1008), 1);
                Vector256<float> x = Vector256.Load(xs);
                (GgmlMath.FromHalfBits(bits & Vector256.Create(0xffff)) * x).Store(dd);
                (GgmlMath.FromHalfBits(Vector256.ShiftRightLogical(bits, 16)) * x).Store(dd + 8);
                return;
            }

            for (int k = 0; k < count; k++)
            {
                Vector128<float> pair = HalvesToSingle(Unsafe.ReadUnaligned<uint>(w + (144 * k))) * Vector128.Create(xs[k]);
                dd[k] = pair.ToScalar();
                dd[8 + k] = pair.GetElement(1);
            }
        }

        /// <summary>
        /// The 12 scale bytes (as three uint32 lanes) to [sc0..sc7, m0..m7]: scales 0..3 are the low 6 bits of bytes 0..3,
        /// scales 4..7 the low nibbles of bytes 8..11 with the top two bits of bytes 0..3 above them; minimums the same
        /// from bytes 4..7 and the high nibbles of bytes 8..11.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector128<byte> DecodeScales(Vector128<uint> v)
        {
            Vector128<uint> low = v & Vector128.Create(0x3f3f3f3fu);
            Vector128<uint> top = Vector128.ShiftLeft(Vector128.ShiftRightLogical(v, 6) & Vector128.Create(0x03030303u), 4);
            if (Avx2.IsSupported)
            {
                // [low0, top0, low1, top1] | [0, nibbles of byte 8..11, 0, high nibbles] (vpsrlvd by 32 gives zero).
                Vector128<uint> bytes8 = Sse2.Shuffle(v, 0b10_10_10_10);
                Vector128<uint> nibbles = Avx2.ShiftRightLogicalVariable(bytes8, Vector128.Create(32u, 0, 32, 4)) & Vector128.Create(0x0f0f0f0fu);
                return (Sse2.UnpackLow(low, top) | nibbles).AsByte();
            }

            uint u2 = v.GetElement(2);
            return Vector128.Create(low.GetElement(0), top.GetElement(0) | (u2 & 0x0f0f0f0f), low.GetElement(1), top.GetElement(1) | ((u2 >> 4) & 0x0f0f0f0f)).AsByte();
        }

        /// <summary>The two fp16 values of <paramref name="bits"/> (low half first) as float32 in lanes 0 and 1, exactly.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector128<float> HalvesToSingle(uint bits)
            => Sse41.IsSupported
                ? GgmlMath.FromHalfBits(Sse41.ConvertToVector128Int32(Vector128.CreateScalar(bits).AsUInt16()))
                : Vector128.Create(GgmlMath.FromHalfBits((ushort)bits), GgmlMath.FromHalfBits((ushort)(bits >> 16)), 0, 0);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector256<int> Dot256(byte* q, sbyte* a, int* scalePairs)
        {
            // Two accumulators: the low-nibble and high-nibble chains of vpdpwssd run side by side.
            Vector256<int> even = Vector256<int>.Zero, odd = Vector256<int>.Zero;
            Step256(ref even, ref odd, q, a, scalePairs);
            Step256(ref even, ref odd, q + 32, a + 64, scalePairs + 2);
            Step256(ref even, ref odd, q + 64, a + 128, scalePairs + 4);
            Step256(ref even, ref odd, q + 96, a + 192, scalePairs + 6);
            return even + odd;
        }

        // 32 code bytes: low nibbles against 32 activations (sub-block j), high nibbles against the next 32 (j + 1).
        // The scales come as broadcast loads of int16 pairs (a load-port operation, where an in-lane byte shuffle per
        // sub-block took a shuffle-port cycle).
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Step256(ref Vector256<int> even, ref Vector256<int> odd, byte* q, sbyte* a, int* scalePairs)
        {
            Vector256<byte> bytes = Vector256.Load(q);
            Vector256<short> p0 = Avx2.MultiplyAddAdjacent(bytes & Vector256.Create((byte)0x0F), Vector256.Load(a));
            Vector256<short> p1 = Avx2.MultiplyAddAdjacent(RowKernel.MoveBits(bytes, RowKernel.HighNibble, -4, 0x0F), Vector256.Load(a + 32));
            Vector256<short> s0 = Vector256.Create(scalePairs[0]).AsInt16();
            Vector256<short> s1 = Vector256.Create(scalePairs[1]).AsInt16();
            if (AvxVnni.IsSupported)
            {
                even = AvxVnni.MultiplyWideningAndAdd(even, p0, s0);
                odd = AvxVnni.MultiplyWideningAndAdd(odd, p1, s1);
            }
            else
            {
                even += Avx2.MultiplyAddAdjacent(p0, s0);
                odd += Avx2.MultiplyAddAdjacent(p1, s1);
            }
        }

        // Without AVX2: the same int32 lanes (lane l sums bytes 4l..4l+3 of every 32, times their scale).
        private static Vector256<int> DotPortable(byte* q, sbyte* a, Vector128<short> scales)
        {
            Vector256<byte> low = Vector256.Create((byte)0x0F);
            Vector256<int> isum = Vector256<int>.Zero;
            for (int i = 0; i < 4; i++)
            {
                Vector256<byte> bytes = Vector256.Load(q + (32 * i));
                Vector256<int> p0 = Int8Dot.UnsignedSigned(Vector256<int>.Zero, bytes & low, Vector256.Load(a + (64 * i)));
                Vector256<int> p1 = Int8Dot.UnsignedSigned(Vector256<int>.Zero, RowKernel.Right(bytes, 4) & low, Vector256.Load(a + (64 * i) + 32));
                isum += (p0 * scales.GetElement(2 * i)) + (p1 * scales.GetElement((2 * i) + 1));
            }

            return isum;
        }

        // vpmaddwd without SSE2: lane l = a[2l] * b[2l] + a[2l+1] * b[2l+1].
        private static Vector128<int> Products(Vector128<short> a, Vector128<short> b)
        {
            Vector128<int> even = Vector128.Create(a.GetElement(0) * b.GetElement(0), a.GetElement(2) * b.GetElement(2), a.GetElement(4) * b.GetElement(4), a.GetElement(6) * b.GetElement(6));
            Vector128<int> odd = Vector128.Create(a.GetElement(1) * b.GetElement(1), a.GetElement(3) * b.GetElement(3), a.GetElement(5) * b.GetElement(5), a.GetElement(7) * b.GetElement(7));
            return even + odd;
        }
    }
}
