using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NumForge.Blocks.Quant.Kernels
{
    /// <summary>
    /// Pinned arrays whose usable part starts at a 64-byte boundary (a per-thread float buffer for x, or new arrays), so
    /// the kernels' vector loads never straddle two cache lines (a split load costs two load-port cycles).
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

            start = Start(buffer);
            return buffer;
        }

        /// <summary>
        /// A new zeroed array on the pinned heap (it never moves) with at least <paramref name="length"/> elements from
        /// <paramref name="start"/> on, which is 64-byte aligned.
        /// </summary>
        public static T[] Allocate<T>(int length, out int start)
            where T : unmanaged
        {
            T[] array = GC.AllocateArray<T>(checked(length + 64), pinned: true);
            start = Start(array);
            return array;
        }

        /// <summary>The first index of a pinned array that sits on a 64-byte boundary (element sizes divide 64).</summary>
        private static unsafe int Start<T>(T[] pinned)
            where T : unmanaged
        {
            nint address = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(pinned));
            return (int)(((64 - (address & 63)) & 63) / sizeof(T));
        }
    }
}
