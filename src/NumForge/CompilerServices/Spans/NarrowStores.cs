using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NumForge.CompilerServices.Spans
{
    /// <summary>
    /// The narrowing stores of the encode blocks: on AVX-512, saturating packs (one shuffle each, within 128-bit lanes)
    /// and one permute that puts the lanes back in order, where <see cref="Vector512.Narrow(Vector512{uint}, Vector512{uint})"/>
    /// compiles to a chain of vpmovdw/vpmovwb (two shuffle uops each) and inserts: fifteen shuffles per byte store
    /// against four, on the one port that AVX-512 shuffles run on. Lanes hold codes below 2^8 (bytes) or 2^16 (words),
    /// so saturation never changes one. Other widths use <see cref="ISimd32{TV}"/>'s own narrowing.
    /// </summary>
    internal static class NarrowStores
    {
        /// <summary>Four vectors of byte codes, narrowed in order and stored as one vector (<see cref="ISimd32{TV}.StoreNarrow8"/>).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Bytes<TOps, TV>(TV a, TV b, TV c, TV d, ref byte destination, bool streaming)
            where TOps : struct, ISimd32<TV>
            where TV : struct
        {
            if (typeof(TV) == typeof(Vector512<uint>) && Avx512BW.IsSupported)
            {
                Vector512<uint> bytes = PackBytes(Unsafe.BitCast<TV, Vector512<uint>>(a), Unsafe.BitCast<TV, Vector512<uint>>(b), Unsafe.BitCast<TV, Vector512<uint>>(c), Unsafe.BitCast<TV, Vector512<uint>>(d));
                TOps.Store(Unsafe.BitCast<Vector512<uint>, TV>(bytes), ref destination, streaming);
                return;
            }

            TOps.StoreNarrow8(a, b, c, d, ref destination, streaming);
        }

        /// <summary>Two vectors of 16-bit codes, narrowed in order and stored as one vector (<see cref="ISimd32{TV}.StoreNarrow16"/>).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Words<TOps, TV>(TV a, TV b, ref byte destination, bool streaming)
            where TOps : struct, ISimd32<TV>
            where TV : struct
        {
            if (typeof(TV) == typeof(Vector512<uint>) && Avx512BW.IsSupported)
            {
                // Per 128-bit lane: four words of a, then four of b; the permute orders the 64-bit groups a0..a3 b0..b3.
                Vector512<ushort> packed = Avx512BW.PackUnsignedSaturate(Unsafe.BitCast<TV, Vector512<uint>>(a).AsInt32(), Unsafe.BitCast<TV, Vector512<uint>>(b).AsInt32());
                Vector512<long> ordered = Avx512F.PermuteVar8x64(packed.AsInt64(), Vector512.Create(0L, 2, 4, 6, 1, 3, 5, 7));
                TOps.Store(Unsafe.BitCast<Vector512<uint>, TV>(ordered.AsUInt32()), ref destination, streaming);
                return;
            }

            TOps.StoreNarrow16(a, b, ref destination, streaming);
        }

        /// <summary>
        /// Four vectors of 4-bit codes, stored packed two per byte, low nibble first, as half a vector
        /// (<see cref="ISimd32{TV}.StorePackedNibbles"/>).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Nibbles<TOps, TV>(TV a, TV b, TV c, TV d, ref byte destination, bool streaming)
            where TOps : struct, ISimd32<TV>
            where TV : struct
        {
            if (typeof(TV) == typeof(Vector512<uint>) && Avx512BW.IsSupported)
            {
                // The codes in order, one per byte; each ushort then folds its high byte's code into its low byte's top nibble.
                Vector512<ushort> pairs = PackBytes(Unsafe.BitCast<TV, Vector512<uint>>(a), Unsafe.BitCast<TV, Vector512<uint>>(b), Unsafe.BitCast<TV, Vector512<uint>>(c), Unsafe.BitCast<TV, Vector512<uint>>(d)).AsUInt16();
                pairs = (pairs & Vector512.Create((ushort)0x000F)) | (Vector512.ShiftRightLogical(pairs, 4) & Vector512.Create((ushort)0x00F0));
                Vector256<byte> bytes = Avx512BW.ConvertToVector256Byte(pairs);
                unsafe
                {
                    if (streaming)
                    {
                        bytes.StoreAlignedNonTemporal((byte*)Unsafe.AsPointer(ref destination));
                    }
                    else
                    {
                        bytes.StoreUnsafe(ref destination);
                    }
                }

                return;
            }

            TOps.StorePackedNibbles(a, b, c, d, ref destination, streaming);
        }

        /// <summary>
        /// The byte codes of four vectors in order: per 128-bit lane the packs give four bytes of each of a, b, c, d;
        /// the permute gathers the 32-bit groups a0..a3 b0..b3 c0..c3 d0..d3.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector512<uint> PackBytes(Vector512<uint> a, Vector512<uint> b, Vector512<uint> c, Vector512<uint> d)
        {
            Vector512<short> ab = Avx512BW.PackSignedSaturate(a.AsInt32(), b.AsInt32());
            Vector512<short> cd = Avx512BW.PackSignedSaturate(c.AsInt32(), d.AsInt32());
            Vector512<byte> packed = Avx512BW.PackUnsignedSaturate(ab, cd);
            return Avx512F.PermuteVar16x32(packed.AsInt32(), Vector512.Create(0, 4, 8, 12, 1, 5, 9, 13, 2, 6, 10, 14, 3, 7, 11, 15)).AsUInt32();
        }
    }
}
