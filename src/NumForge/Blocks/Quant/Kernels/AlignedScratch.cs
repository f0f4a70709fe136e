using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NumForge.Blocks.Quant.Kernels
{
    /// <summary>
    /// A per-thread float buffer on the pinned heap whose usable part starts at a 64-byte boundary, so the AVX-512
    /// kernels' loads of x never straddle two cache lines (a split load costs two load-port cycles).
    /// </summary>
    internal static class AlignedScratch
    {
        [ThreadStatic]
        private static float[]? t_buffer;

        /// <summary>
        /// The calling thread's buffer with at least <paramref name="length"/> floats from <paramref name="start"/> on,
        /// which is 64-byte aligned. Valid until the thread's next call (MatVec does not nest).
        /// </summary>
        public static unsafe float[] Rent(int length, out int start)
        {
            float[]? buffer = t_buffer;
            if (buffer is null || buffer.Length < length + 16)
            {
                buffer = GC.AllocateUninitializedArray<float>(length + 16, pinned: true);
                t_buffer = buffer;
            }

            nint address = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(buffer));
            start = (int)(((64 - (address & 63)) & 63) / sizeof(float));
            return buffer;
        }
    }
}
