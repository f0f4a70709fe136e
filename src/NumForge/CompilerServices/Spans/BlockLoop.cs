using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace NumForge.CompilerServices.Spans
{
    /// <summary>Converts one block of a span: a whole number of vectors in, one or more whole vectors out.</summary>
    internal interface IBlockConverter
    {
        /// <summary>Elements per block.</summary>
        static abstract int BlockElements { get; }

        /// <summary>Bytes of one source unit: an element, or a packed group of elements.</summary>
        static abstract int SourceElementSize { get; }

        /// <summary>Elements per source unit: 1, or 2 for nibbles packed two per byte.</summary>
        static virtual int SourceUnitElements => 1;

        /// <summary>Bytes of one destination unit: an element, or a packed group of elements.</summary>
        static abstract int DestinationElementSize { get; }

        /// <summary>Elements per destination unit: 1, or 2 for nibbles packed two per byte.</summary>
        static virtual int DestinationUnitElements => 1;

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
        /// The threshold <see cref="Run"/> applies when its caller passes none: <see cref="StreamingBytes"/>, or what a
        /// benchmark sets to compare streaming with cached stores (<see cref="long.MaxValue"/> turns streaming off).
        /// </summary>
        internal static long StreamingThreshold = StreamingBytes;

        /// <summary>
        /// Source size from which the loop prefetches (<see cref="PrefetchingBlocks"/>): beyond the private caches, where
        /// the reads come from the shared cache or memory.
        /// </summary>
        internal static long PrefetchBytes = 8L << 20;

        /// <summary>
        /// How far ahead of the block the loop prefetches its source, in bytes (0 turns prefetching off, for benchmarks):
        /// enough lines in flight to cover the memory's latency at one core's bandwidth.
        /// </summary>
        internal static int PrefetchDistance = DefaultPrefetchDistance;

        /// <summary>
        /// <see cref="PrefetchDistance"/>'s default: 64 lines, a whole page ahead (256 MiB encodes on a loaded AVX-512
        /// machine: 2-16 KiB all about equal, 0.5-1 KiB short of the memory's latency).
        /// </summary>
        internal const int DefaultPrefetchDistance = 4096;

        /// <summary>
        /// Converts the whole blocks of <paramref name="length"/> elements; returns how many elements it converted.
        /// Stores stream when the destination holds at least <paramref name="streamingBytes"/> (tests pass 0; a negative
        /// value, the default, means <see cref="StreamingThreshold"/>), and the loop prefetches its source when that
        /// holds at least <paramref name="prefetchBytes"/> (likewise; a negative value means <see cref="PrefetchBytes"/>).
        /// </summary>
        /// <remarks>
        /// Never inlined: each converter's loop is then a method of its own, with the JIT's whole inlining budget for
        /// the one copy of the converter in its loop (the budget grows with the root method; a kernel of four vectors
        /// in a directed rounding mode needs most of it), rather than sharing it with the variants its caller picks between.
        /// </remarks>
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static int Run<TConverter>(ref byte source, ref byte destination, int length, in TConverter converter, long streamingBytes = -1, long prefetchBytes = -1)
            where TConverter : struct, IBlockConverter
        {
            int block = TConverter.BlockElements;
            int unitBytes = TConverter.DestinationElementSize;
            int unitElements = TConverter.DestinationUnitElements;
            if (length < block)
            {
                return 0;
            }

            if (streamingBytes < 0)
            {
                streamingBytes = StreamingThreshold;
            }

            if (prefetchBytes < 0)
            {
                prefetchBytes = PrefetchBytes;
            }

            // A local copy: calling through the 'in' parameter made the JIT copy the converter on every block.
            TConverter local = converter;

            // Source and destination apart (not a conversion in place): blocks may then overlap each other, and
            // elements converted twice get the same value twice.
            bool apart = !Overlap(ref source, SourceOffset<TConverter>(length), ref destination, DestinationOffset<TConverter>(length));
            fixed (byte* pinned = &destination)
            {
                // Where the aligned blocks start: 0, or inside a first (unaligned) block that the edge step converts.
                int start = 0;
                nint misalignment = (nint)pinned & (TConverter.StoreBytes - 1);
                bool head = misalignment != 0 && misalignment % unitBytes == 0 && length >= 2 * block && apart;
                if (head)
                {
                    start = (int)((TConverter.StoreBytes - misalignment) / unitBytes) * unitElements;
                    if (start % TConverter.SourceUnitElements != 0)
                    {
                        // The aligned store falls inside a packed source unit: no restart there.
                        head = false;
                        start = 0;
                    }
                }

                // The loop advances two refs and counts blocks down: fewer operations per block than indexing.
                int blocks = (length - start) / block;
                int end = start + (blocks * block);
                nint outputStep = DestinationOffset<TConverter>(block);
                bool streaming = (((nint)pinned + DestinationOffset<TConverter>(start)) & (TConverter.StoreBytes - 1)) == 0
                    && (long)blocks * outputStep >= streamingBytes;
                nint inputStep = SourceOffset<TConverter>(block);
                ref byte input = ref Unsafe.Add(ref source, SourceOffset<TConverter>(start));
                ref byte output = ref Unsafe.Add(ref destination, DestinationOffset<TConverter>(start));
                if (Sse.IsSupported && PrefetchDistance > 0 && (long)blocks * inputStep >= prefetchBytes)
                {
                    PrefetchingBlocks(ref local, ref input, ref output, blocks, streaming, PrefetchDistance);
                }
                else
                {
                    Blocks(ref local, ref input, ref output, blocks, streaming);
                }

                // The edges: the first block (when the loop started inside it) and the rest as one last block that
                // ends at the end, rather than element by element. Out of line: the loop's copy of the converter is
                // the only one inlined here, within the JIT's inlining budget for long kernels.
                bool tail = end < length && apart && (length - block) % unitElements == 0 && (length - block) % TConverter.SourceUnitElements == 0;
                for (int edge = head ? 0 : 1; edge < (tail ? 2 : 1); edge++)
                {
                    int at = edge == 0 ? 0 : length - block;
                    ConvertEdge(local, ref Unsafe.Add(ref source, SourceOffset<TConverter>(at)), ref Unsafe.Add(ref destination, DestinationOffset<TConverter>(at)));
                }

                return tail ? length : end;
            }
        }

        /// <summary>The blocks, one after another.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void Blocks<TConverter>(ref TConverter converter, ref byte input, ref byte output, int blocks, bool streaming)
            where TConverter : struct, IBlockConverter
        {
            TConverter local = converter;
            nint inputStep = SourceOffset<TConverter>(TConverter.BlockElements);
            nint outputStep = DestinationOffset<TConverter>(TConverter.BlockElements);
            for (; blocks > 0; blocks--)
            {
                local.Convert(ref input, ref output, streaming);
                input = ref Unsafe.Add(ref input, inputStep);
                output = ref Unsafe.Add(ref output, outputStep);
            }
        }

        /// <summary>
        /// The blocks, each first asking for the source lines <paramref name="distance"/> bytes ahead. A converter that
        /// computes for a while per line keeps too few reads in flight for one core to reach the memory's bandwidth (the
        /// out-of-order window covers only a few blocks ahead, and the hardware prefetchers stop at each 4 KiB page):
        /// without this, a float encoder at 256 MiB took the time of its reads plus the time of its arithmetic. A prefetch
        /// never faults, so those past the end of the source are harmless; one that reads a line the GC has since moved
        /// only wastes a read.
        /// </summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void PrefetchingBlocks<TConverter>(ref TConverter converter, ref byte input, ref byte output, int blocks, bool streaming, nint distance)
            where TConverter : struct, IBlockConverter
        {
            TConverter local = converter;
            nint inputStep = SourceOffset<TConverter>(TConverter.BlockElements);
            nint outputStep = DestinationOffset<TConverter>(TConverter.BlockElements);
            for (; blocks > 0; blocks--)
            {
                // One prefetch per 64-byte line of the block's source (the conditions are constants per converter).
                byte* ahead = (byte*)Unsafe.AsPointer(ref Unsafe.Add(ref input, distance));
                Sse.Prefetch0(ahead);
                if (inputStep > 64)
                {
                    Sse.Prefetch0(ahead + 64);
                }

                if (inputStep > 128)
                {
                    Sse.Prefetch0(ahead + 128);
                    Sse.Prefetch0(ahead + 192);
                }

                if (inputStep > 256)
                {
                    Sse.Prefetch0(ahead + 256);
                    Sse.Prefetch0(ahead + 320);
                    Sse.Prefetch0(ahead + 384);
                    Sse.Prefetch0(ahead + 448);
                }

                local.Convert(ref input, ref output, streaming);
                input = ref Unsafe.Add(ref input, inputStep);
                output = ref Unsafe.Add(ref output, outputStep);
            }
        }

        /// <summary>One block at an edge of the span (ordinary stores).</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void ConvertEdge<TConverter>(TConverter converter, ref byte source, ref byte destination)
            where TConverter : struct, IBlockConverter
            => converter.Convert(ref source, ref destination, false);

        /// <summary>Byte offset of element <paramref name="index"/> (a whole number of units) in the destination.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static nint DestinationOffset<TConverter>(int index)
            where TConverter : struct, IBlockConverter
            => (nint)(index / TConverter.DestinationUnitElements) * TConverter.DestinationElementSize;

        /// <summary>Byte offset of element <paramref name="index"/> (a whole number of units) in the source.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static nint SourceOffset<TConverter>(int index)
            where TConverter : struct, IBlockConverter
            => (nint)(index / TConverter.SourceUnitElements) * TConverter.SourceElementSize;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static bool Overlap(ref byte first, nint firstBytes, ref byte second, nint secondBytes)
        {
            nint offset = Unsafe.ByteOffset(ref first, ref second);
            return offset < firstBytes && offset > -secondBytes;
        }
    }
}
