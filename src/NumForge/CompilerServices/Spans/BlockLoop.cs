using System.Runtime.CompilerServices;

namespace NumForge.CompilerServices.Spans
{
    /// <summary>Converts one block of a span: a whole number of vectors in, one or more whole vectors out.</summary>
    internal interface IBlockConverter
    {
        /// <summary>Elements per block.</summary>
        static abstract int BlockElements { get; }

        static abstract int SourceElementSize { get; }

        static abstract int DestinationElementSize { get; }

        /// <summary>Bytes per vector store (the alignment the loop gives the destination).</summary>
        static abstract int StoreBytes { get; }

        /// <summary>Converts the block at <paramref name="source"/> into <paramref name="destination"/>.</summary>
        void Convert(ref byte source, ref byte destination, bool streaming);
    }

    /// <summary>
    /// The loop around a block converter, as TensorPrimitives runs its kernels: the destination is pinned, the stores
    /// are aligned to the vector (a store split across two cache lines costs two), and past
    /// <see cref="StreamingBytes"/> of output they are non-temporal, so a conversion larger than the cache does not
    /// first read every destination line it is about to overwrite.
    /// </summary>
    internal static unsafe class BlockLoop
    {
        /// <summary>
        /// Destination size from which stores stream past the cache: well above what the next step of a program
        /// would find still cached (the last-level cache of a typical 2-16 core machine is 8-64 MiB).
        /// </summary>
        internal const long StreamingBytes = 8L << 20;

        /// <summary>
        /// Converts the whole blocks of <paramref name="length"/> elements; returns how many elements it converted.
        /// Stores stream when the destination holds at least <paramref name="streamingBytes"/> (tests pass 0).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int Run<TConverter>(ref byte source, ref byte destination, int length, in TConverter converter, long streamingBytes = StreamingBytes)
            where TConverter : struct, IBlockConverter
        {
            int block = TConverter.BlockElements;
            int sourceSize = TConverter.SourceElementSize;
            int destinationSize = TConverter.DestinationElementSize;
            if (length < block)
            {
                return 0;
            }

            // A local copy: calling through the 'in' parameter made the JIT copy the converter on every block.
            TConverter local = converter;
            // Source and destination apart (not a conversion in place): blocks may then overlap each other, and
            // elements converted twice get the same value twice.
            bool apart = !Overlap(ref source, (nint)length * sourceSize, ref destination, (nint)length * destinationSize);
            fixed (byte* pinned = &destination)
            {
                int i = 0;
                nint misalignment = (nint)pinned & (TConverter.StoreBytes - 1);
                if (misalignment != 0 && misalignment % destinationSize == 0 && length >= 2 * block && apart)
                {
                    // One unaligned block first; the aligned loop then starts inside it.
                    local.Convert(ref source, ref destination, false);
                    i = (int)((TConverter.StoreBytes - misalignment) / destinationSize);
                }

                // The loops advance two refs and count blocks down: fewer operations per block than indexing.
                bool aligned = (((nint)pinned + ((nint)i * destinationSize)) & (TConverter.StoreBytes - 1)) == 0;
                int blocks = (length - i) / block;
                ref byte input = ref Unsafe.Add(ref source, (nint)i * sourceSize);
                ref byte output = ref Unsafe.Add(ref destination, (nint)i * destinationSize);
                i += blocks * block;
                if (aligned && (long)blocks * block * destinationSize >= streamingBytes)
                {
                    for (; blocks > 0; blocks--)
                    {
                        local.Convert(ref input, ref output, true);
                        input = ref Unsafe.Add(ref input, block * sourceSize);
                        output = ref Unsafe.Add(ref output, block * destinationSize);
                    }
                }
                else
                {
                    for (; blocks > 0; blocks--)
                    {
                        local.Convert(ref input, ref output, false);
                        input = ref Unsafe.Add(ref input, block * sourceSize);
                        output = ref Unsafe.Add(ref output, block * destinationSize);
                    }
                }

                if (i < length && apart)
                {
                    // The rest as one last block that ends at the end, rather than element by element.
                    i = length - block;
                    local.Convert(ref Unsafe.Add(ref source, (nint)i * sourceSize), ref Unsafe.Add(ref destination, (nint)i * destinationSize), false);
                    i = length;
                }

                return i;
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static bool Overlap(ref byte first, nint firstBytes, ref byte second, nint secondBytes)
        {
            nint offset = Unsafe.ByteOffset(ref first, ref second);
            return offset < firstBytes && offset > -secondBytes;
        }
    }
}
