using System.Collections.Generic;

namespace NumForge
{
    /// <summary>One tensor of a safetensors file, as its header describes it (checked against the file).</summary>
    /// <param name="Name">The tensor's name.</param>
    /// <param name="Dtype">The safetensors dtype name (<c>F32</c>, <c>BF16</c>, <c>F8_E4M3</c>, <c>I32</c>, <c>F4</c>, ...).</param>
    /// <param name="Shape">The dimensions, outermost first.</param>
    /// <param name="Offset">Byte offset of the data from the start of the data section.</param>
    /// <param name="ByteLength">Bytes of data.</param>
    public sealed record SafeTensorInfo(string Name, string Dtype, IReadOnlyList<long> Shape, long Offset, long ByteLength)
    {
        /// <summary>Elements: the product of <see cref="Shape"/> (1 for a scalar).</summary>
        public long ElementCount
        {
            get
            {
                long count = 1;
                foreach (long d in Shape)
                {
                    count *= d;
                }

                return count;
            }
        }
    }
}
