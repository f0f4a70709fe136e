using System;
using System.Runtime.CompilerServices;

namespace NumForge.CompilerServices
{
    /// <summary>
    /// Lookup tables in pinned arrays, addressed through a <c>static readonly nint</c>: Tier-1 code embeds such a field
    /// of an initialized class as a constant, so a kernel's table base costs one move of an immediate instead of a load
    /// of the array reference and an offset past the array header on every call.
    /// </summary>
    internal static unsafe class PinnedTable
    {
        /// <summary>A pinned copy of <paramref name="values"/> (it never moves, so its address stays valid for the process).</summary>
        public static T[] Pin<T>(T[] values)
            where T : unmanaged
        {
            T[] pinned = GC.AllocateUninitializedArray<T>(values.Length, pinned: true);
            values.CopyTo(pinned, 0);
            return pinned;
        }

        /// <summary>The address of element 0 of a pinned array from <see cref="Pin{T}"/>.</summary>
        public static nint AddressOf<T>(T[] pinned)
            where T : unmanaged
            => (nint)Unsafe.AsPointer(ref pinned[0]);

        /// <summary>Element <paramref name="index"/> of the table at <paramref name="address"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static ref T At<T>(nint address, nint index)
            where T : unmanaged
            => ref Unsafe.Add(ref Unsafe.AsRef<T>((void*)address), index);
    }
}
