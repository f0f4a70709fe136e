using System;

namespace NumForge
{
    /// <summary>
    /// One layer in AutoAWQ's GEMM checkpoint layout (4-bit): <c>qweight</c> int32 [in, out / 8] where nibble i of word c
    /// holds output column 8c + [0, 2, 4, 6, 1, 3, 5, 7][i], <c>qzeros</c> int32 [groups, out / 8] in the same order
    /// (stored as is), and <c>scales</c> Half [groups, out].
    /// </summary>
    /// <param name="QWeight">The packed codes, row-major [in, out / 8].</param>
    /// <param name="QZeros">The packed zero points, row-major [groups, out / 8].</param>
    /// <param name="Scales">The scales, row-major [groups, out].</param>
    public sealed record AwqTensors(int[] QWeight, int[] QZeros, Half[] Scales);
}
