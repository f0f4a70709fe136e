using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NumForge.Blocks.Quant.Kernels
{
    /// <summary>
    /// One output row with one vector accumulator: each group's unreduced partial sums are multiplied by the group's
    /// scale into the row accumulator (one FMA), the zero-point corrections are summed apart, and the row is reduced
    /// once. Used when the vector width is 512 or 256 and the group size is a multiple of the step (32 or 16 codes).
    /// </summary>
    internal readonly struct VectorRowDot<TDot> : IRowDot
        where TDot : struct, IVectorGroupDot
    {
        private readonly byte[] _codes;
        private readonly int _codeStart;
        private readonly int _rowBytes;
        private readonly int _groupBytes;
        private readonly int _groupSize;
        private readonly int _groups;
        private readonly float[] _scales;
        private readonly ushort[]? _zeros;
        private readonly float[] _x;
        private readonly int _xStart;
        private readonly float[] _xSums;
        private readonly int _width;
        private readonly TDot _dot;

        public VectorRowDot(QuantizedMatrix matrix, float[] x, int xStart, float[] xSums, int width, TDot dot)
        {
            _codes = matrix.CodeArray;
            _codeStart = matrix.CodeStart;
            _rowBytes = matrix.RowBytes;
            _groupSize = matrix.GroupSize;
            _groupBytes = matrix.GroupSize * matrix.Scheme.Bits / 8;
            _groups = matrix.GroupsPerRow;
            _scales = matrix.ScaleValues;
            _zeros = matrix.ZeroArray;
            _x = x;
            _xStart = xStart;
            _xSums = xSums;
            _width = width;
            _dot = dot;
        }

        /// <summary>True when this kernel handles the matrix at that width.</summary>
        public static bool Fits(QuantizedMatrix matrix, int width)
            => (width == 512 && matrix.GroupSize % 32 == 0) || (width == 256 && matrix.GroupSize % 16 == 0);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public float Row(int row)
        {
            ref byte codes = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_codes), _codeStart + ((nint)row * _rowBytes));
            ref float x = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_x), _xStart);
            ref float scale = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_scales), (nint)row * _groups);
            float correction = 0;
            if (_zeros is not null)
            {
                ref ushort zero = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_zeros), (nint)row * _groups);
                ref float xSum = ref MemoryMarshal.GetArrayDataReference(_xSums);
                for (int g = 0; g < _groups; g++)
                {
                    correction += Unsafe.Add(ref scale, g) * (Unsafe.Add(ref zero, g) * Unsafe.Add(ref xSum, g));
                }
            }

            if (_width == 512)
            {
                Vector512<float> acc = Vector512<float>.Zero;
                for (int g = 0; g < _groups; g++)
                {
                    Vector512<float> partial = _dot.Partial512(ref Unsafe.Add(ref codes, (nint)g * _groupBytes), ref Unsafe.Add(ref x, (nint)g * _groupSize), _groupSize);
                    acc = Vector512.FusedMultiplyAdd(partial, Vector512.Create(Unsafe.Add(ref scale, g)), acc);
                }

                return Vector512.Sum(acc) - correction;
            }

            Vector256<float> acc256 = Vector256<float>.Zero;
            for (int g = 0; g < _groups; g++)
            {
                Vector256<float> partial = _dot.Partial256(ref Unsafe.Add(ref codes, (nint)g * _groupBytes), ref Unsafe.Add(ref x, (nint)g * _groupSize), _groupSize);
                acc256 = Vector256.FusedMultiplyAdd(partial, Vector256.Create(Unsafe.Add(ref scale, g)), acc256);
            }

            return Vector256.Sum(acc256) - correction;
        }
    }
}
