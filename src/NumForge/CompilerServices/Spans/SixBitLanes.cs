using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NumForge.CompilerServices.Spans
{
    /// <summary>
    /// 6-bit codes packed four in three bytes (element i at bit 6i, little-endian, as
    /// <see cref="FloatSpan{TTraits}.Pack{TBits}"/> lays them out) to and from four vectors of 32-bit lanes, one code per
    /// lane in element order. A load reads exactly the <c>3 * Count</c> bytes of its sixteen-code-per-128-bit block and a
    /// store writes exactly them, so a block at the end of a span stays inside it. Per width:
    /// <list type="bullet">
    /// <item>512 (VBMI): one byte permute per vector puts each code's two bytes in its lane, one variable shift aligns it;
    /// packing is two dword packs and one word pack (each 128-bit lane then holds four groups of four codes in dwords),
    /// two multiply-adds that join each dword's four codes into 24 bits (the base64 trick), one byte permute that drops
    /// every fourth byte and restores the group order.</item>
    /// <item>256 (AVX2): the same with in-lane byte shuffles (each 128-bit half decodes one group of three bytes) and,
    /// for packing, two dword permutes around the in-lane compress.</item>
    /// <item>128: a byte shuffle and a 16-bit multiply by a per-lane power of two then one shift (no variable shifts
    /// needed); packing as at 256 without the permutes (SSSE3), or by shifts and masks elsewhere.</item>
    /// </list>
    /// Lanes of an unpack may hold bits above the code (the decoders mask them off); a pack expects every lane below 64.
    /// </summary>
    internal static class SixBitLanes<TOps, TV>
        where TOps : struct, ISimd32<TV>
        where TV : struct
    {
        /// <summary>Whether this width has the instructions its pack and unpack need (else the caller takes a narrower width).</summary>
        public static bool IsSupported => TOps.Count switch
        {
            16 => Avx512Vbmi.IsSupported && Avx512BW.IsSupported,
            8 => Avx2.IsSupported,
            _ => Vector128.IsHardwareAccelerated,
        };

        /// <summary>
        /// Loads <c>3 * TOps.Count</c> bytes of packed codes and widens them to four vectors, in element order. With
        /// <paramref name="shifted"/> the vectors hold the codes from the third of the first group on (the 4 Count codes
        /// that start two codes after <paramref name="source"/>; the load reads two bytes more): a destination that sits
        /// 8 bytes off a 16-byte boundary then gets aligned (and streaming) stores.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void LoadWiden(ref byte source, out TV a, out TV b, out TV c, out TV d, bool shifted = false)
        {
            if (TOps.Count == 16)
            {
                SixBitLanes512.Unpack(ref source, out Vector512<uint> a5, out Vector512<uint> b5, out Vector512<uint> c5, out Vector512<uint> d5, shifted);
                (a, b, c, d) = (Unsafe.BitCast<Vector512<uint>, TV>(a5), Unsafe.BitCast<Vector512<uint>, TV>(b5), Unsafe.BitCast<Vector512<uint>, TV>(c5), Unsafe.BitCast<Vector512<uint>, TV>(d5));
            }
            else if (TOps.Count == 8)
            {
                SixBitLanes256.Unpack(ref source, out Vector256<uint> a2, out Vector256<uint> b2, out Vector256<uint> c2, out Vector256<uint> d2, shifted);
                (a, b, c, d) = (Unsafe.BitCast<Vector256<uint>, TV>(a2), Unsafe.BitCast<Vector256<uint>, TV>(b2), Unsafe.BitCast<Vector256<uint>, TV>(c2), Unsafe.BitCast<Vector256<uint>, TV>(d2));
            }
            else
            {
                SixBitLanes128.Unpack(ref source, out Vector128<uint> a1, out Vector128<uint> b1, out Vector128<uint> c1, out Vector128<uint> d1, shifted);
                (a, b, c, d) = (Unsafe.BitCast<Vector128<uint>, TV>(a1), Unsafe.BitCast<Vector128<uint>, TV>(b1), Unsafe.BitCast<Vector128<uint>, TV>(c1), Unsafe.BitCast<Vector128<uint>, TV>(d1));
            }
        }

        /// <summary>Packs four vectors of codes (every lane below 64, in element order) into <c>3 * TOps.Count</c> bytes.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void StorePacked(TV a, TV b, TV c, TV d, ref byte destination)
        {
            if (TOps.Count == 16)
            {
                SixBitLanes512.Pack(Unsafe.BitCast<TV, Vector512<uint>>(a), Unsafe.BitCast<TV, Vector512<uint>>(b), Unsafe.BitCast<TV, Vector512<uint>>(c), Unsafe.BitCast<TV, Vector512<uint>>(d), ref destination);
            }
            else if (TOps.Count == 8)
            {
                SixBitLanes256.Pack(Unsafe.BitCast<TV, Vector256<uint>>(a), Unsafe.BitCast<TV, Vector256<uint>>(b), Unsafe.BitCast<TV, Vector256<uint>>(c), Unsafe.BitCast<TV, Vector256<uint>>(d), ref destination);
            }
            else
            {
                SixBitLanes128.Pack(Unsafe.BitCast<TV, Vector128<uint>>(a), Unsafe.BitCast<TV, Vector128<uint>>(b), Unsafe.BitCast<TV, Vector128<uint>>(c), Unsafe.BitCast<TV, Vector128<uint>>(d), ref destination);
            }
        }
    }

    /// <summary>The shared index arithmetic of the 6-bit lanes: where code <c>e</c> of a packed run starts.</summary>
    internal static class SixBitLayout
    {
        /// <summary>The byte that holds code <paramref name="element"/>'s lowest bit.</summary>
        public static int FirstByte(int element) => 6 * element / 8;

        /// <summary>The bit of <see cref="FirstByte"/> where code <paramref name="element"/> starts: 0, 6, 4 or 2.</summary>
        public static int Shift(int element) => 6 * element % 8;

        /// <summary>The multiply-add weights that join adjacent codes: bytes (1, 64) into 12 bits, then words (1, 4096) into 24 bits.</summary>
        public static sbyte ByteWeight(int index) => (sbyte)(index % 2 == 0 ? 1 : 64);

        /// <summary>See <see cref="ByteWeight"/>.</summary>
        public static short WordWeight(int index) => (short)(index % 2 == 0 ? 1 : 4096);
    }

    /// <summary>Vector512 (VBMI) 6-bit lanes; see <see cref="SixBitLanes{TOps, TV}"/>.</summary>
    internal static class SixBitLanes512
    {
        // The 48 packed bytes sit in one register as bytes 0-31 and 16-47 (two 256-bit loads that stay inside the block):
        // source byte t is register byte t below 32, t + 16 above. Shifted blocks (two codes on) read bytes 0-31 and 18-49.
        private static readonly Vector512<byte> Unpack0 = UnpackIndices(0, 0);
        private static readonly Vector512<byte> Unpack1 = UnpackIndices(1, 0);
        private static readonly Vector512<byte> Unpack2 = UnpackIndices(2, 0);
        private static readonly Vector512<byte> Unpack3 = UnpackIndices(3, 0);
        private static readonly Vector512<byte> Shifted0 = UnpackIndices(0, 2);
        private static readonly Vector512<byte> Shifted1 = UnpackIndices(1, 2);
        private static readonly Vector512<byte> Shifted2 = UnpackIndices(2, 2);
        private static readonly Vector512<byte> Shifted3 = UnpackIndices(3, 2);
        private static readonly Vector512<uint> Shifts = Vector512.Create(0U, 6, 4, 2, 0, 6, 4, 2, 0, 6, 4, 2, 0, 6, 4, 2);
        private static readonly Vector512<uint> ShiftedShifts = Vector512.Create(4U, 2, 0, 6, 4, 2, 0, 6, 4, 2, 0, 6, 4, 2, 0, 6);
        private static readonly Vector512<byte> PackOrder = PackIndices();
        private static readonly Vector512<sbyte> ByteWeights = Vector512.Create((short)0x4001).AsSByte();
        private static readonly Vector512<short> WordWeights = Vector512.Create(0x1000_0001).AsInt16();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Unpack(ref byte source, out Vector512<uint> a, out Vector512<uint> b, out Vector512<uint> c, out Vector512<uint> d, bool shifted)
        {
            Vector512<byte> bytes = Vector256.LoadUnsafe(ref source).ToVector512Unsafe().WithUpper(Vector256.LoadUnsafe(ref Unsafe.Add(ref source, shifted ? 18 : 16)));
            Vector512<uint> shifts = shifted ? ShiftedShifts : Shifts;
            a = Avx512F.ShiftRightLogicalVariable(Avx512Vbmi.PermuteVar64x8(bytes, shifted ? Shifted0 : Unpack0).AsUInt32(), shifts);
            b = Avx512F.ShiftRightLogicalVariable(Avx512Vbmi.PermuteVar64x8(bytes, shifted ? Shifted1 : Unpack1).AsUInt32(), shifts);
            c = Avx512F.ShiftRightLogicalVariable(Avx512Vbmi.PermuteVar64x8(bytes, shifted ? Shifted2 : Unpack2).AsUInt32(), shifts);
            d = Avx512F.ShiftRightLogicalVariable(Avx512Vbmi.PermuteVar64x8(bytes, shifted ? Shifted3 : Unpack3).AsUInt32(), shifts);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Pack(Vector512<uint> a, Vector512<uint> b, Vector512<uint> c, Vector512<uint> d, ref byte destination)
        {
            // Per 128-bit lane L the packs leave dwords (a, b, c, d) each holding codes 4L..4L+3 of that vector: group
            // 4k + L of the block sits in dword 4L + k.
            Vector512<short> ab = Avx512BW.PackSignedSaturate(a.AsInt32(), b.AsInt32());
            Vector512<short> cd = Avx512BW.PackSignedSaturate(c.AsInt32(), d.AsInt32());
            Vector512<byte> codes = Avx512BW.PackUnsignedSaturate(ab, cd);
            Vector512<int> groups = Avx512BW.MultiplyAddAdjacent(Avx512BW.MultiplyAddAdjacent(codes, ByteWeights), WordWeights);
            Vector512<byte> packed = Avx512Vbmi.PermuteVar64x8(groups.AsByte(), PackOrder);
            packed.GetLower().StoreUnsafe(ref destination);
            packed.GetUpper().GetLower().StoreUnsafe(ref Unsafe.Add(ref destination, 32));
        }

        private static Vector512<byte> UnpackIndices(int vector, int codeOffset)
        {
            Span<byte> indices = stackalloc byte[64];
            int last = 47 + codeOffset;
            int upper = 16 + codeOffset;
            for (int lane = 0; lane < 16; lane++)
            {
                int element = 16 * vector + lane + codeOffset;
                int first = SixBitLayout.FirstByte(element);
                for (int k = 0; k < 4; k++)
                {
                    // Bytes past the block's last one only ever land above the code: repeat the last.
                    int t = Math.Min(first + k, last);
                    indices[(4 * lane) + k] = (byte)(t < 32 ? t : t - upper + 32);
                }
            }

            return Vector512.Create((ReadOnlySpan<byte>)indices);
        }

        private static Vector512<byte> PackIndices()
        {
            Span<byte> indices = stackalloc byte[64];
            for (int group = 0; group < 16; group++)
            {
                int dword = (4 * (group % 4)) + (group / 4);
                for (int t = 0; t < 3; t++)
                {
                    indices[(3 * group) + t] = (byte)((4 * dword) + t);
                }
            }

            return Vector512.Create((ReadOnlySpan<byte>)indices);
        }
    }

    /// <summary>Vector256 (AVX2) 6-bit lanes; see <see cref="SixBitLanes{TOps, TV}"/>.</summary>
    internal static class SixBitLanes256
    {
        // The 24 packed bytes as two 16-byte loads (bytes 0-15 and 8-23); each feeds both halves of two vectors.
        // Shifted blocks (two codes on) load bytes 0-15 and 10-25.
        private static readonly Vector256<byte> Unpack0 = UnpackIndices(0, 0, 0);
        private static readonly Vector256<byte> Unpack1 = UnpackIndices(1, 0, 0);
        private static readonly Vector256<byte> Unpack2 = UnpackIndices(2, 8, 0);
        private static readonly Vector256<byte> Unpack3 = UnpackIndices(3, 8, 0);
        private static readonly Vector256<byte> Shifted0 = UnpackIndices(0, 0, 2);
        private static readonly Vector256<byte> Shifted1 = UnpackIndices(1, 0, 2);
        private static readonly Vector256<byte> Shifted2 = UnpackIndices(2, 10, 2);
        private static readonly Vector256<byte> Shifted3 = UnpackIndices(3, 10, 2);
        private static readonly Vector256<uint> Shifts = Vector256.Create(0U, 6, 4, 2, 0, 6, 4, 2);
        private static readonly Vector256<uint> ShiftedShifts = Vector256.Create(4U, 2, 0, 6, 4, 2, 0, 6);
        private static readonly Vector256<sbyte> ByteWeights = Vector256.Create((short)0x4001).AsSByte();
        private static readonly Vector256<short> WordWeights = Vector256.Create(0x1000_0001).AsInt16();

        /// <summary>Groups 2k + L sit in dword 4L + k after the packs: back into group order.</summary>
        private static readonly Vector256<int> GroupOrder = Vector256.Create(0, 4, 1, 5, 2, 6, 3, 7);

        /// <summary>Each half's four 24-bit groups to its first 12 bytes.</summary>
        private static readonly Vector256<byte> Compress = Vector256.Create((byte)0, 1, 2, 4, 5, 6, 8, 9, 10, 12, 13, 14, 0x80, 0x80, 0x80, 0x80, 0, 1, 2, 4, 5, 6, 8, 9, 10, 12, 13, 14, 0x80, 0x80, 0x80, 0x80);

        /// <summary>The two halves' 12 bytes joined into the first 24.</summary>
        private static readonly Vector256<int> Join = Vector256.Create(0, 1, 2, 4, 5, 6, 7, 7);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Unpack(ref byte source, out Vector256<uint> a, out Vector256<uint> b, out Vector256<uint> c, out Vector256<uint> d, bool shifted)
        {
            Vector128<byte> low = Vector128.LoadUnsafe(ref source);
            Vector128<byte> high = Vector128.LoadUnsafe(ref Unsafe.Add(ref source, shifted ? 10 : 8));
            Vector256<byte> lows = Vector256.Create(low, low);
            Vector256<byte> highs = Vector256.Create(high, high);
            Vector256<uint> shifts = shifted ? ShiftedShifts : Shifts;
            a = Avx2.ShiftRightLogicalVariable(Avx2.Shuffle(lows, shifted ? Shifted0 : Unpack0).AsUInt32(), shifts);
            b = Avx2.ShiftRightLogicalVariable(Avx2.Shuffle(lows, shifted ? Shifted1 : Unpack1).AsUInt32(), shifts);
            c = Avx2.ShiftRightLogicalVariable(Avx2.Shuffle(highs, shifted ? Shifted2 : Unpack2).AsUInt32(), shifts);
            d = Avx2.ShiftRightLogicalVariable(Avx2.Shuffle(highs, shifted ? Shifted3 : Unpack3).AsUInt32(), shifts);
        }

        // Not one generic body with SixBitLanes128.PackSsse3: each line is another width's instruction (an ops struct per width, +65/-8 lines, to share four) and the JIT's code grew (DOTNET_JitDisasm: +45 bytes, a class-init check and a spill).
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Pack(Vector256<uint> a, Vector256<uint> b, Vector256<uint> c, Vector256<uint> d, ref byte destination)
        {
            Vector256<short> ab = Avx2.PackSignedSaturate(a.AsInt32(), b.AsInt32());
            Vector256<short> cd = Avx2.PackSignedSaturate(c.AsInt32(), d.AsInt32());
            Vector256<byte> codes = Avx2.PackUnsignedSaturate(ab, cd);
            Vector256<int> groups = Avx2.MultiplyAddAdjacent(Avx2.MultiplyAddAdjacent(codes, ByteWeights), WordWeights);
            Vector256<byte> ordered = Avx2.Shuffle(Avx2.PermuteVar8x32(groups, GroupOrder).AsByte(), Compress);
            Vector256<byte> packed = Avx2.PermuteVar8x32(ordered.AsInt32(), Join).AsByte();
            packed.GetLower().StoreUnsafe(ref destination);
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref destination, 16), packed.GetUpper().AsUInt64().ToScalar());
        }

        /// <summary>In-lane shuffle indices of vector <paramref name="vector"/> from the 16 bytes that start at source byte <paramref name="loaded"/>.</summary>
        private static Vector256<byte> UnpackIndices(int vector, int loaded, int codeOffset)
        {
            Span<byte> indices = stackalloc byte[32];
            for (int lane = 0; lane < 8; lane++)
            {
                int element = 8 * vector + lane + codeOffset;
                int first = SixBitLayout.FirstByte(element) - loaded;
                int half = lane / 4;
                for (int k = 0; k < 4; k++)
                {
                    // The code's bytes (two at most); the rest zero. A code that starts at bit 2 fits in its first byte.
                    bool needed = k == 0 || (k == 1 && SixBitLayout.Shift(element) > 2);
                    indices[(16 * half) + (4 * (lane % 4)) + k] = needed ? (byte)(first + k) : (byte)0x80;
                }
            }

            return Vector256.Create((ReadOnlySpan<byte>)indices);
        }
    }

    /// <summary>Vector128 6-bit lanes (SSSE3, or portable shuffles); see <see cref="SixBitLanes{TOps, TV}"/>.</summary>
    internal static class SixBitLanes128
    {
        // The 12 packed bytes as a qword and a dword; shifted blocks (two codes on) as the qwords at bytes 0 and 6.
        private static readonly Vector128<byte> Unpack0 = UnpackIndices(0, 0);
        private static readonly Vector128<byte> Unpack1 = UnpackIndices(1, 0);
        private static readonly Vector128<byte> Unpack2 = UnpackIndices(2, 0);
        private static readonly Vector128<byte> Unpack3 = UnpackIndices(3, 0);
        private static readonly Vector128<byte> Shifted0 = UnpackIndices(0, 2);
        private static readonly Vector128<byte> Shifted1 = UnpackIndices(1, 2);
        private static readonly Vector128<byte> Shifted2 = UnpackIndices(2, 2);
        private static readonly Vector128<byte> Shifted3 = UnpackIndices(3, 2);

        /// <summary>Moves each lane's code (at bit 0, 6, 4 or 2 of its low word) to bits 10-15 of that word.</summary>
        private static readonly Vector128<ushort> Align = Vector128.Create((ushort)1024, 1, 16, 1, 64, 1, 256, 1);
        private static readonly Vector128<ushort> ShiftedAlign = Vector128.Create((ushort)64, 1, 256, 1, 1024, 1, 16, 1);
        private static readonly Vector128<sbyte> ByteWeights = Vector128.Create((short)0x4001).AsSByte();
        private static readonly Vector128<short> WordWeights = Vector128.Create(0x1000_0001).AsInt16();
        private static readonly Vector128<byte> Compress = Vector128.Create((byte)0, 1, 2, 4, 5, 6, 8, 9, 10, 12, 13, 14, 0x80, 0x80, 0x80, 0x80);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Unpack(ref byte source, out Vector128<uint> a, out Vector128<uint> b, out Vector128<uint> c, out Vector128<uint> d, bool shifted)
        {
            Vector128<byte> bytes = shifted
                ? Vector128.Create(Unsafe.ReadUnaligned<ulong>(ref source), Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref source, 6))).AsByte()
                : Vector128.Create(Unsafe.ReadUnaligned<ulong>(ref source), Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref source, 8))).AsByte();
            Vector128<ushort> align = shifted ? ShiftedAlign : Align;
            a = Lanes(bytes, shifted ? Shifted0 : Unpack0, align);
            b = Lanes(bytes, shifted ? Shifted1 : Unpack1, align);
            c = Lanes(bytes, shifted ? Shifted2 : Unpack2, align);
            d = Lanes(bytes, shifted ? Shifted3 : Unpack3, align);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Pack(Vector128<uint> a, Vector128<uint> b, Vector128<uint> c, Vector128<uint> d, ref byte destination)
        {
            Vector128<byte> packed = Ssse3.IsSupported ? PackSsse3(a, b, c, d) : PackPortable(a, b, c, d);
            Unsafe.WriteUnaligned(ref destination, packed.AsUInt64().ToScalar());
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref destination, 8), packed.AsUInt32().GetElement(2));
        }

        /// <summary>The codes in the first 12 bytes, by packs and multiply-adds (SSSE3).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static Vector128<byte> PackSsse3(Vector128<uint> a, Vector128<uint> b, Vector128<uint> c, Vector128<uint> d)
        {
            Vector128<short> ab = Sse2.PackSignedSaturate(a.AsInt32(), b.AsInt32());
            Vector128<short> cd = Sse2.PackSignedSaturate(c.AsInt32(), d.AsInt32());
            Vector128<byte> codes = Sse2.PackUnsignedSaturate(ab, cd);
            Vector128<int> groups = Sse2.MultiplyAddAdjacent(Ssse3.MultiplyAddAdjacent(codes, ByteWeights), WordWeights);
            return Ssse3.Shuffle(groups.AsByte(), Compress);
        }

        /// <summary>The codes in the first 12 bytes, by narrows, shifts and masks (any platform).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static Vector128<byte> PackPortable(Vector128<uint> a, Vector128<uint> b, Vector128<uint> c, Vector128<uint> d)
        {
            Vector128<ushort> pairs = Vector128.Narrow(Vector128.Narrow(a, b), Vector128.Narrow(c, d)).AsUInt16();
            pairs = (pairs & Vector128.Create((ushort)0x00FF)) | (Vector128.ShiftRightLogical(pairs, 2) & Vector128.Create((ushort)0x0FC0));
            Vector128<uint> groups = pairs.AsUInt32();
            groups = (groups & Vector128.Create(0xFFFFU)) | (Vector128.ShiftRightLogical(groups, 4) & Vector128.Create(0x00FF_F000U));
            return Vector128.Shuffle(groups.AsByte(), Vector128.Create((byte)0, 1, 2, 4, 5, 6, 8, 9, 10, 12, 13, 14, 16, 16, 16, 16));
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector128<uint> Lanes(Vector128<byte> bytes, Vector128<byte> indices, Vector128<ushort> align)
        {
            Vector128<byte> placed = Ssse3.IsSupported ? Ssse3.Shuffle(bytes, indices) : Vector128.Shuffle(bytes, indices);
            return Vector128.ShiftRightLogical(placed.AsUInt16() * align, 10).AsUInt32();
        }

        private static Vector128<byte> UnpackIndices(int vector, int codeOffset)
        {
            // Source byte t is register byte t, or for shifted blocks t + 2 from byte 8 on (the second qword starts at 6).
            Span<byte> indices = stackalloc byte[16];
            for (int lane = 0; lane < 4; lane++)
            {
                int element = 4 * vector + lane + codeOffset;
                int first = SixBitLayout.FirstByte(element);
                int Register(int t) => codeOffset == 0 || t < 8 ? t : t + 2;
                indices[4 * lane] = (byte)Register(first);
                indices[(4 * lane) + 1] = SixBitLayout.Shift(element) > 2 ? (byte)Register(first + 1) : (byte)0x80;
                indices[(4 * lane) + 2] = 0x80;
                indices[(4 * lane) + 3] = 0x80;
            }

            return Vector128.Create((ReadOnlySpan<byte>)indices);
        }
    }
}
