using System.Collections.Generic;

namespace NumForge
{
    /// <summary>One tensor of a GGUF file.</summary>
    /// <param name="Name">The tensor's name.</param>
    /// <param name="Dimensions">The dimensions, innermost (contiguous, ggml's ne[0]) first.</param>
    /// <param name="Type">The ggml type.</param>
    /// <param name="Offset">The data offset relative to the start of the data section (a multiple of the alignment).</param>
    /// <param name="ByteCount">The data size in bytes.</param>
    public sealed record GgufTensorInfo(string Name, IReadOnlyList<long> Dimensions, GgmlType Type, long Offset, long ByteCount)
    {
        /// <summary>Gets the number of elements (the product of the dimensions).</summary>
        public long ElementCount
        {
            get
            {
                long n = 1;
                foreach (long d in Dimensions)
                {
                    n *= d;
                }

                return n;
            }
        }
    }
}
