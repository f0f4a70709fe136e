using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NumForge.CompilerServices.Spans
{
    /// <summary>A span's first element as a byte reference: what <see cref="BlockLoop"/> and the routes of the span kernels take.</summary>
    internal static class SpanBytes
    {
        /// <summary>The first byte of <paramref name="span"/>'s elements (a reference past the end when it is empty; never read then).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static ref byte Of<T>(ReadOnlySpan<T> span)
            where T : unmanaged
            => ref Unsafe.As<T, byte>(ref MemoryMarshal.GetReference(span));

        /// <summary>The first byte of <paramref name="span"/>'s elements (a reference past the end when it is empty; never written then).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static ref byte Of<T>(Span<T> span)
            where T : unmanaged
            => ref Unsafe.As<T, byte>(ref MemoryMarshal.GetReference(span));
    }
}
