using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NumForge.Blocks
{
    /// <summary>
    /// A matrix's blocks on the pinned heap with block 0 at a 64-byte boundary. A plain <c>TBlock[]</c> lands at a
    /// different 8- or 16-byte phase of a cache line each run, so which of the kernels' loads straddle two lines (and
    /// the MatVec time) changed from run to run; here the layout is the same every time, and the array never moves.
    /// Matrices of more than 2 GiB keep an ordinary array. Reads as a span, and pins by <c>fixed</c> as an array does.
    /// </summary>
    internal readonly struct BlockStorage<TBlock>
        where TBlock : unmanaged
    {
        private readonly byte[]? _bytes;
        private readonly TBlock[]? _array;
        private readonly int _start;
        private readonly int _count;

        private BlockStorage(byte[]? bytes, TBlock[]? array, int start, int count)
        {
            _bytes = bytes;
            _array = array;
            _start = start;
            _count = count;
        }

        /// <summary>Gets the blocks.</summary>
        public Span<TBlock> Span
            => _bytes is { } bytes
                ? MemoryMarshal.CreateSpan(ref Unsafe.As<byte, TBlock>(ref bytes[_start]), _count)
                : _array.AsSpan();

        /// <summary>Zeroed storage for <paramref name="count"/> blocks.</summary>
        public static unsafe BlockStorage<TBlock> Allocate(int count)
        {
            long bytes = (long)count * sizeof(TBlock);
            if (bytes > Array.MaxLength - 64)
            {
                return new BlockStorage<TBlock>(null, new TBlock[count], 0, count);
            }

            byte[] storage = GC.AllocateArray<byte>((int)bytes + 64, pinned: true);
            nint address = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(storage));
            return new BlockStorage<TBlock>(storage, null, (int)((64 - (address & 63)) & 63), count);
        }

        /// <summary>Block 0, for <c>fixed</c>.</summary>
        public ref TBlock GetPinnableReference() => ref MemoryMarshal.GetReference(Span);

        /// <summary>The blocks as a read-only span.</summary>
        public static implicit operator ReadOnlySpan<TBlock>(BlockStorage<TBlock> storage) => storage.Span;
    }
}
