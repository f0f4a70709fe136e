using System;

namespace NumForge
{
    /// <summary>
    /// One layer in AutoGPTQ's "gptq" checkpoint layout: <c>qweight</c> int32 [in * bits / 32, out] (codes packed along
    /// the input axis, LSB first), <c>qzeros</c> int32 [groups, out * bits / 32] (zero point minus one, packed along the
    /// output axis), <c>scales</c> Half [groups, out] and <c>g_idx</c> int32 [in] (each input channel's group).
    /// </summary>
    /// <param name="QWeight">The packed codes, row-major [in * bits / 32, out].</param>
    /// <param name="QZeros">The packed zero points minus one, row-major [groups, out * bits / 32].</param>
    /// <param name="Scales">The scales, row-major [groups, out].</param>
    /// <param name="GIdx">The group of each input channel, [in].</param>
    public sealed record GptqTensors(int[] QWeight, int[] QZeros, Half[] Scales, int[] GIdx);
}
