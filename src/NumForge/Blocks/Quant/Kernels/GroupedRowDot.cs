using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NumForge.Blocks.Quant.Kernels
{
    /// <summary>
    /// One output row: for each group, the inner dot of its codes with x, minus zero * (sum of the group's x) for
    /// affine schemes, times the group's scale, accumulated in float32.
    /// </summary>
    internal readonly struct GroupedRowDot<TDot> : IRowDot
        where TDot : struct, IGroupDot
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
        private readonly TDot _dot;

        public GroupedRowDot(QuantizedMatrix matrix, float[] x, int xStart, float[] xSums, TDot dot)
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
            _dot = dot;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public float Row(int row)
        {
            ref byte codes = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_codes), _codeStart + ((nint)row * _rowBytes));
            ref float x = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_x), _xStart);
            ref float scale = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_scales), (nint)row * _groups);
            float sum = 0;
            for (int g = 0; g < _groups; g++)
            {
                float dot = _dot.Dot(ref Unsafe.Add(ref codes, (nint)g * _groupBytes), ref Unsafe.Add(ref x, (nint)g * _groupSize), _groupSize);
                if (_zeros is not null)
                {
                    dot -= _zeros[(row * _groups) + g] * _xSums[g];
                }

                sum += Unsafe.Add(ref scale, g) * dot;
            }

            return sum;
        }
    }
}
