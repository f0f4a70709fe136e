using System.Numerics;
using System.Runtime.CompilerServices;
using NumForge.CompilerServices.Spans;

namespace NumForge.CompilerServices
{
    /// <summary>
    /// float to posit codes with <see cref="PositVectorEncoder{TTraits, TOps, TV}"/>: one block is two vectors, stored
    /// narrowed to ushorts (one vector) or to bytes (half a vector). The encoder is long enough that four vectors in
    /// flight would spill registers and run out of the JIT's inlining budget.
    /// </summary>
    internal readonly struct PositEncodeBlock<TTraits, TOps, TV, TBits> : IBlockConverter
        where TTraits : struct, IPositTraits
        where TOps : struct, ISimd32<TV>
        where TV : struct
        where TBits : unmanaged, IBinaryInteger<TBits>
    {
        /// <summary>Whether this converter applies: the encoder does, and the codes are bytes or ushorts.</summary>
        public static bool Applies => PositVectorEncoder<TTraits, TOps, TV>.CanEncode
            && Unsafe.SizeOf<TBits>() <= 2 && TTraits.Bits <= 8 * Unsafe.SizeOf<TBits>();

        public static int BlockElements => TOps.Count * 2;

        public static int SourceElementSize => 4;

        public static int DestinationElementSize => Unsafe.SizeOf<TBits>();

        public static int StoreBytes => TOps.Count * 2 * Unsafe.SizeOf<TBits>();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Convert(ref byte source, ref byte destination, bool streaming)
        {
            int vectorBytes = TOps.Count * 4;
            TV first = PositVectorEncoder<TTraits, TOps, TV>.Encode(TOps.Load(ref source));
            TV second = PositVectorEncoder<TTraits, TOps, TV>.Encode(TOps.Load(ref Unsafe.Add(ref source, vectorBytes)));
            if (Unsafe.SizeOf<TBits>() == 1)
            {
                TOps.StoreNarrow8Half(first, second, ref destination, streaming);
            }
            else
            {
                TOps.StoreNarrow16(first, second, ref destination, streaming);
            }
        }
    }
}
