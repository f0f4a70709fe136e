using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NumForge.Blocks.Quant.Kernels
{
    /// <summary>
    /// The 8-bit integer dot (W8): bytes widened to int32, converted and multiplied with x. As a vector group dot it leaves
    /// its lane sums unreduced for <see cref="VectorRowDot{TDot}"/> and prefetches the codes ahead, as the lane kernel does.
    /// </summary>
    internal readonly struct ByteDot : IVectorGroupDot
    {
        /// <summary>How far ahead (bytes) the codes are prefetched: half a 4096-column W8 row, as the W4 lane kernel's 2 KiB.</summary>
        private const int PrefetchDistance = 2048;

        private readonly int _width;

        public ByteDot(int width) => _width = width;

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
                    Vector512<float> v0 = Avx512F.ConvertToVector512Single(Avx512F.ConvertToVector512Int32(Vector128.LoadUnsafe(ref codes, (nuint)i)));
                    Vector512<float> v1 = Avx512F.ConvertToVector512Single(Avx512F.ConvertToVector512Int32(Vector128.LoadUnsafe(ref codes, (nuint)(i + 16))));
                    acc0 = Vector512.FusedMultiplyAdd(v0, Vector512.LoadUnsafe(ref x, (nuint)i), acc0);
                    acc1 = Vector512.FusedMultiplyAdd(v1, Vector512.LoadUnsafe(ref x, (nuint)(i + 16)), acc1);
                }

                sum = Vector512.Sum(acc0 + acc1);
            }
            else if (_width == 256)
            {
                Vector256<float> acc0 = Vector256<float>.Zero;
                Vector256<float> acc1 = Vector256<float>.Zero;
                for (; i + 16 <= count; i += 16)
                {
                    Vector128<byte> bytes = Vector128.LoadUnsafe(ref codes, (nuint)i);
                    Vector256<float> v0 = Avx.ConvertToVector256Single(Avx2.ConvertToVector256Int32(bytes));
                    Vector256<float> v1 = Avx.ConvertToVector256Single(Avx2.ConvertToVector256Int32(Sse2.ShiftRightLogical128BitLane(bytes, 8)));
                    acc0 = Vector256.FusedMultiplyAdd(v0, Vector256.LoadUnsafe(ref x, (nuint)i), acc0);
                    acc1 = Vector256.FusedMultiplyAdd(v1, Vector256.LoadUnsafe(ref x, (nuint)(i + 8)), acc1);
                }

                sum = Vector256.Sum(acc0 + acc1);
            }

            for (; i < count; i++)
            {
                sum += Unsafe.Add(ref codes, i) * Unsafe.Add(ref x, i);
            }

            return sum;
        }

        /// <summary>The unreduced 16-lane sums of <paramref name="count"/> (a multiple of 32) codes times x.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public unsafe Vector512<float> Partial512(ref byte codes, ref float x, int count)
        {
            Vector512<float> acc0 = Vector512<float>.Zero;
            Vector512<float> acc1 = Vector512<float>.Zero;
            for (int i = 0; i < count; i += 32)
            {
                // One prefetch per 64-byte line of codes (the codes of a row start on a line: QuantizedMatrix.CodeStart).
                if ((i & 32) == 0)
                {
                    Sse.Prefetch0((byte*)Unsafe.AsPointer(ref Unsafe.Add(ref codes, i)) + PrefetchDistance);
                }

                Vector512<float> v0 = Avx512F.ConvertToVector512Single(Avx512F.ConvertToVector512Int32(Vector128.LoadUnsafe(ref codes, (nuint)i)));
                Vector512<float> v1 = Avx512F.ConvertToVector512Single(Avx512F.ConvertToVector512Int32(Vector128.LoadUnsafe(ref codes, (nuint)(i + 16))));
                acc0 = Vector512.FusedMultiplyAdd(v0, Vector512.LoadUnsafe(ref x, (nuint)i), acc0);
                acc1 = Vector512.FusedMultiplyAdd(v1, Vector512.LoadUnsafe(ref x, (nuint)(i + 16)), acc1);
            }

            return acc0 + acc1;
        }

        /// <summary>The unreduced 8-lane sums of <paramref name="count"/> (a multiple of 16) codes times x.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public unsafe Vector256<float> Partial256(ref byte codes, ref float x, int count)
        {
            Vector256<float> acc0 = Vector256<float>.Zero;
            Vector256<float> acc1 = Vector256<float>.Zero;
            for (int i = 0; i < count; i += 16)
            {
                if ((i & 48) == 0)
                {
                    Sse.Prefetch0((byte*)Unsafe.AsPointer(ref Unsafe.Add(ref codes, i)) + PrefetchDistance);
                }

                Vector128<byte> bytes = Vector128.LoadUnsafe(ref codes, (nuint)i);
                Vector256<float> v0 = Avx.ConvertToVector256Single(Avx2.ConvertToVector256Int32(bytes));
                Vector256<float> v1 = Avx.ConvertToVector256Single(Avx2.ConvertToVector256Int32(Sse2.ShiftRightLogical128BitLane(bytes, 8)));
                acc0 = Vector256.FusedMultiplyAdd(v0, Vector256.LoadUnsafe(ref x, (nuint)i), acc0);
                acc1 = Vector256.FusedMultiplyAdd(v1, Vector256.LoadUnsafe(ref x, (nuint)(i + 8)), acc1);
            }

            return acc0 + acc1;
        }
    }
}
