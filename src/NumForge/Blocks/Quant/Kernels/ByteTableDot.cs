using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NumForge.Blocks.Quant.Kernels
{
    /// <summary>
    /// The dot for 8-bit codes with a 256-entry value table (MX FP8 and INT8 elements): bytes widened to int32 indices and
    /// gathered from the table (<c>vgatherdps</c>, eight lanes: .NET has no 512-bit gather), then multiplied with x.
    /// </summary>
    internal readonly unsafe struct ByteTableDot : IGroupDot
    {
        private readonly int _width;
        private readonly float[] _values;

        public ByteTableDot(int width, float[] values)
        {
            _width = width;
            _values = values;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public float Dot(ref byte codes, ref float x, int count)
        {
            int i = 0;
            float sum = 0;
            fixed (float* table = _values)
            {
                if (_width >= 256)
                {
                    Vector256<float> acc = Vector256<float>.Zero;
                    for (; i + 8 <= count; i += 8)
                    {
                        Vector256<int> index = Avx2.ConvertToVector256Int32(Vector128.CreateScalar(Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref codes, i))).AsByte());
                        acc = Vector256.FusedMultiplyAdd(Avx2.GatherVector256(table, index, 4), Vector256.LoadUnsafe(ref x, (nuint)i), acc);
                    }

                    sum = Vector256.Sum(acc);
                }

                for (; i < count; i++)
                {
                    sum += table[Unsafe.Add(ref codes, i)] * Unsafe.Add(ref x, i);
                }
            }

            return sum;
        }
    }
}
