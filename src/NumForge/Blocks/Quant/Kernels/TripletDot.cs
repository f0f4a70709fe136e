using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NumForge.Blocks.Quant.Kernels
{
    /// <summary>
    /// The 3-bit integer dot (W3): eight codes in three bytes (LSB first). Each 3-byte word is broadcast to eight lanes
    /// and shifted right by 0, 3, ..., 21 (<c>vpsrlvd</c>), masked to 3 bits, converted and multiplied with x. The loads
    /// read one byte past the word, which the matrix's code padding keeps inside the array.
    /// </summary>
    internal readonly struct TripletDot : IGroupDot
    {
        private readonly int _width;

        public TripletDot(int width) => _width = width;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public float Dot(ref byte codes, ref float x, int count)
        {
            int i = 0;
            float sum = 0;
            if (_width == 512)
            {
                Vector512<uint> shifts = Vector512.Create(0u, 3, 6, 9, 12, 15, 18, 21, 0, 3, 6, 9, 12, 15, 18, 21);
                Vector512<uint> mask = Vector512.Create(7u);
                Vector512<float> acc = Vector512<float>.Zero;
                for (; i + 16 <= count; i += 16)
                {
                    ref byte at = ref Unsafe.Add(ref codes, i / 8 * 3);
                    Vector512<uint> words = Vector512.Create(Vector256.Create(Unsafe.ReadUnaligned<uint>(ref at)), Vector256.Create(Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref at, 3))));
                    Vector512<int> values = (Avx512F.ShiftRightLogicalVariable(words, shifts) & mask).AsInt32();
                    acc = Vector512.FusedMultiplyAdd(Avx512F.ConvertToVector512Single(values), Vector512.LoadUnsafe(ref x, (nuint)i), acc);
                }

                sum = Vector512.Sum(acc);
            }
            else if (_width == 256)
            {
                Vector256<uint> shifts = Vector256.Create(0u, 3, 6, 9, 12, 15, 18, 21);
                Vector256<uint> mask = Vector256.Create(7u);
                Vector256<float> acc0 = Vector256<float>.Zero;
                Vector256<float> acc1 = Vector256<float>.Zero;
                for (; i + 16 <= count; i += 16)
                {
                    ref byte at = ref Unsafe.Add(ref codes, i / 8 * 3);
                    Vector256<int> first = (Avx2.ShiftRightLogicalVariable(Vector256.Create(Unsafe.ReadUnaligned<uint>(ref at)), shifts) & mask).AsInt32();
                    Vector256<int> second = (Avx2.ShiftRightLogicalVariable(Vector256.Create(Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref at, 3))), shifts) & mask).AsInt32();
                    acc0 = Vector256.FusedMultiplyAdd(Avx.ConvertToVector256Single(first), Vector256.LoadUnsafe(ref x, (nuint)i), acc0);
                    acc1 = Vector256.FusedMultiplyAdd(Avx.ConvertToVector256Single(second), Vector256.LoadUnsafe(ref x, (nuint)(i + 8)), acc1);
                }

                sum = Vector256.Sum(acc0 + acc1);
            }

            for (; i < count; i++)
            {
                int bit = i * 3;
                int word = Unsafe.Add(ref codes, bit >> 3) | (Unsafe.Add(ref codes, (bit >> 3) + 1) << 8);
                sum += ((word >> (bit & 7)) & 7) * Unsafe.Add(ref x, i);
            }

            return sum;
        }
    }
}
