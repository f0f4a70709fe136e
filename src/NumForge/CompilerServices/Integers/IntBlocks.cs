using System.Runtime.CompilerServices;
using NumForge.CompilerServices.Spans;

namespace NumForge.CompilerServices.Integers
{
    /// <summary>float to codes, for <see cref="BlockLoop"/>: four float vectors in, one vector of byte codes out.</summary>
    internal readonly struct QuantizeBlock<TTraits, TOps, TV, TRound> : IBlockConverter
        where TTraits : struct, IIntTraits
        where TOps : struct, ISimd32<TV>
        where TV : struct
        where TRound : struct, IIntRounding
    {
        public static int BlockElements => TOps.Count * 4;

        public static int SourceElementSize => 4;

        public static int DestinationElementSize => 1;

        public static int StoreBytes => TOps.Count * 4;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Convert(ref byte source, ref byte destination, bool streaming)
        {
            int vectorBytes = TOps.Count * 4;
            TV a = IntLanes<TTraits, TOps, TV>.Quantize<TRound>(TOps.Load(ref source));
            TV b = IntLanes<TTraits, TOps, TV>.Quantize<TRound>(TOps.Load(ref Unsafe.Add(ref source, vectorBytes)));
            TV c = IntLanes<TTraits, TOps, TV>.Quantize<TRound>(TOps.Load(ref Unsafe.Add(ref source, 2 * vectorBytes)));
            TV d = IntLanes<TTraits, TOps, TV>.Quantize<TRound>(TOps.Load(ref Unsafe.Add(ref source, 3 * vectorBytes)));
            TOps.StoreNarrow8(a, b, c, d, ref destination, streaming);
        }
    }

    /// <summary>Codes to float, for <see cref="BlockLoop"/>: one vector of byte codes in, four float vectors out.</summary>
    internal readonly struct DequantizeBlock<TTraits, TOps, TV> : IBlockConverter
        where TTraits : struct, IIntTraits
        where TOps : struct, ISimd32<TV>
        where TV : struct
    {
        public static int BlockElements => TOps.Count * 4;

        public static int SourceElementSize => 1;

        public static int DestinationElementSize => 4;

        public static int StoreBytes => TOps.Count * 4;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Convert(ref byte source, ref byte destination, bool streaming)
        {
            int vectorBytes = TOps.Count * 4;
            TOps.LoadWiden8(ref source, out TV a, out TV b, out TV c, out TV d);
            TOps.Store(IntLanes<TTraits, TOps, TV>.Decode(a), ref destination, streaming);
            TOps.Store(IntLanes<TTraits, TOps, TV>.Decode(b), ref Unsafe.Add(ref destination, vectorBytes), streaming);
            TOps.Store(IntLanes<TTraits, TOps, TV>.Decode(c), ref Unsafe.Add(ref destination, 2 * vectorBytes), streaming);
            TOps.Store(IntLanes<TTraits, TOps, TV>.Decode(d), ref Unsafe.Add(ref destination, 3 * vectorBytes), streaming);
        }
    }

    /// <summary>
    /// Codes to packed bytes for 4-bit formats, for <see cref="BlockLoop"/>: two vectors of codes (four per lane) in,
    /// one half-width store of packed bytes out.
    /// </summary>
    internal readonly struct PackNibblesBlock<TTraits, TOps, TV> : IBlockConverter
        where TTraits : struct, IIntTraits
        where TOps : struct, ISimd32<TV>
        where TV : struct
    {
        public static int BlockElements => TOps.Count * 8;

        public static int SourceElementSize => 1;

        public static int DestinationElementSize => 1;

        public static int DestinationUnitElements => 2;

        public static int StoreBytes => TOps.Count * 4;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Convert(ref byte source, ref byte destination, bool streaming)
        {
            TV a = IntLanes<TTraits, TOps, TV>.PackNibbles(TOps.Load(ref source));
            TV b = IntLanes<TTraits, TOps, TV>.PackNibbles(TOps.Load(ref Unsafe.Add(ref source, TOps.Count * 4)));
            TOps.StoreNarrow16(a, b, ref destination, streaming);
        }
    }

    /// <summary>
    /// Codes to packed bytes for 2-bit formats, for <see cref="BlockLoop"/>: four vectors of codes (four per lane) in,
    /// one store of packed bytes out.
    /// </summary>
    internal readonly struct PackCrumbsBlock<TTraits, TOps, TV> : IBlockConverter
        where TTraits : struct, IIntTraits
        where TOps : struct, ISimd32<TV>
        where TV : struct
    {
        public static int BlockElements => TOps.Count * 16;

        public static int SourceElementSize => 1;

        public static int DestinationElementSize => 1;

        public static int DestinationUnitElements => 4;

        public static int StoreBytes => TOps.Count * 4;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Convert(ref byte source, ref byte destination, bool streaming)
        {
            int vectorBytes = TOps.Count * 4;
            TV a = IntLanes<TTraits, TOps, TV>.PackCrumbs(TOps.Load(ref source));
            TV b = IntLanes<TTraits, TOps, TV>.PackCrumbs(TOps.Load(ref Unsafe.Add(ref source, vectorBytes)));
            TV c = IntLanes<TTraits, TOps, TV>.PackCrumbs(TOps.Load(ref Unsafe.Add(ref source, 2 * vectorBytes)));
            TV d = IntLanes<TTraits, TOps, TV>.PackCrumbs(TOps.Load(ref Unsafe.Add(ref source, 3 * vectorBytes)));
            TOps.StoreNarrow8(a, b, c, d, ref destination, streaming);
        }
    }
}
