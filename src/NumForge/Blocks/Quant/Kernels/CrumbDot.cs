using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NumForge.Blocks.Quant.Kernels
{
    /// <summary>
    /// The 2-bit integer dot (W2): four codes per byte, element 0 in the low bits. The four bit pairs of each byte are
    /// split into four byte vectors and interleaved back into element order (two byte unpacks, then a 16-bit unpack).
    /// </summary>
    internal readonly struct CrumbDot : IGroupDot
    {
        private readonly int _width;

        public CrumbDot(int width) => _width = width;

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
                    (Vector128<ushort> low, Vector128<ushort> high) = Pairs(Vector128.CreateScalar(Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref codes, i / 4))).AsByte());
                    Vector128<byte> first = Sse2.UnpackLow(low, high).AsByte();
                    Vector128<byte> second = Sse2.UnpackHigh(low, high).AsByte();
                    acc0 = Vector512.FusedMultiplyAdd(Avx512F.ConvertToVector512Single(Avx512F.ConvertToVector512Int32(first)), Vector512.LoadUnsafe(ref x, (nuint)i), acc0);
                    acc1 = Vector512.FusedMultiplyAdd(Avx512F.ConvertToVector512Single(Avx512F.ConvertToVector512Int32(second)), Vector512.LoadUnsafe(ref x, (nuint)(i + 16)), acc1);
                }

                sum = Vector512.Sum(acc0 + acc1);
            }
            else if (_width == 256)
            {
                Vector256<float> acc0 = Vector256<float>.Zero;
                Vector256<float> acc1 = Vector256<float>.Zero;
                for (; i + 16 <= count; i += 16)
                {
                    (Vector128<ushort> low, Vector128<ushort> high) = Pairs(Vector128.CreateScalar(Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref codes, i / 4))).AsByte());
                    Vector128<byte> elements = Sse2.UnpackLow(low, high).AsByte();
                    acc0 = Vector256.FusedMultiplyAdd(Avx.ConvertToVector256Single(Avx2.ConvertToVector256Int32(elements)), Vector256.LoadUnsafe(ref x, (nuint)i), acc0);
                    acc1 = Vector256.FusedMultiplyAdd(Avx.ConvertToVector256Single(Avx2.ConvertToVector256Int32(Sse2.ShiftRightLogical128BitLane(elements, 8))), Vector256.LoadUnsafe(ref x, (nuint)(i + 8)), acc1);
                }

                sum = Vector256.Sum(acc0 + acc1);
            }

            for (; i < count; i++)
            {
                sum += ((Unsafe.Add(ref codes, i >> 2) >> ((i & 3) * 2)) & 3) * Unsafe.Add(ref x, i);
            }

            return sum;
        }

        /// <summary>Bytes [e0 e1 e0' e1' ...] and [e2 e3 ...] for each packed byte, as 16-bit pairs ready to interleave.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static (Vector128<ushort> Low, Vector128<ushort> High) Pairs(Vector128<byte> packed)
        {
            Vector128<byte> mask = Vector128.Create((byte)3);
            Vector128<ushort> wide = packed.AsUInt16();
            Vector128<byte> p0 = packed & mask;
            Vector128<byte> p1 = Vector128.ShiftRightLogical(wide, 2).AsByte() & mask;
            Vector128<byte> p2 = Vector128.ShiftRightLogical(wide, 4).AsByte() & mask;
            Vector128<byte> p3 = Vector128.ShiftRightLogical(wide, 6).AsByte() & mask;
            return (Sse2.UnpackLow(p0, p1).AsUInt16(), Sse2.UnpackLow(p2, p3).AsUInt16());
        }
    }
}
