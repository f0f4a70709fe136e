using System.Numerics;
using System.Runtime.CompilerServices;

namespace NumForge.CompilerServices.Spans
{
    /// <summary>A compile-time flag: a type argument the JIT folds, where a bool argument would cost a test per block.</summary>
    internal interface IFlag
    {
        static abstract bool Value { get; }
    }

    /// <summary>The flag set.</summary>
    internal readonly struct Yes : IFlag
    {
        public static bool Value => true;
    }

    /// <summary>The flag clear.</summary>
    internal readonly struct No : IFlag
    {
        public static bool Value => false;
    }

    /// <summary>
    /// Codes to float with <see cref="SingleDecoder{TTraits, TOps, TV}"/>: one block is one load of codes (widened
    /// to four vectors from bytes, two from ushorts, or one of uints); the infinity/NaN step runs only for a block
    /// that holds such a code.
    /// </summary>
    internal readonly struct DecodeBlock<TTraits, TOps, TV, TBits> : IBlockConverter
        where TTraits : struct, IFloatTraits
        where TOps : struct, ISimd32<TV>
        where TV : struct
        where TBits : unmanaged, IBinaryInteger<TBits>
    {
        /// <summary>Codes that fill their storage load sign-extended, which puts their sign in float's sign bit for free.</summary>
        private static readonly bool SignExtend = Unsafe.SizeOf<TBits>() < 4 && SingleDecoder<TTraits, TOps, TV>.FillsStorage(Unsafe.SizeOf<TBits>());

        public static int BlockElements => TOps.Count * 4 / Unsafe.SizeOf<TBits>();

        public static int SourceElementSize => Unsafe.SizeOf<TBits>();

        public static int DestinationElementSize => 4;

        public static int StoreBytes => TOps.Count * 4;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Convert(ref byte source, ref byte destination, bool streaming)
        {
            int vectorBytes = TOps.Count * 4;
            if (Unsafe.SizeOf<TBits>() == 1)
            {
                TOps.LoadWiden8(ref source, out TV a, out TV b, out TV c, out TV d, SignExtend);
                TV va = SingleDecoder<TTraits, TOps, TV>.Decode(a, out TV sa, SignExtend);
                TV vb = SingleDecoder<TTraits, TOps, TV>.Decode(b, out TV sb, SignExtend);
                TV vc = SingleDecoder<TTraits, TOps, TV>.Decode(c, out TV sc, SignExtend);
                TV vd = SingleDecoder<TTraits, TOps, TV>.Decode(d, out TV sd, SignExtend);
                if (TOps.Any(TOps.Or(TOps.Or(sa, sb), TOps.Or(sc, sd))))
                {
                    va = SingleDecoder<TTraits, TOps, TV>.WithSpecials(a, va, sa, SignExtend);
                    vb = SingleDecoder<TTraits, TOps, TV>.WithSpecials(b, vb, sb, SignExtend);
                    vc = SingleDecoder<TTraits, TOps, TV>.WithSpecials(c, vc, sc, SignExtend);
                    vd = SingleDecoder<TTraits, TOps, TV>.WithSpecials(d, vd, sd, SignExtend);
                }

                TOps.Store(va, ref destination, streaming);
                TOps.Store(vb, ref Unsafe.Add(ref destination, vectorBytes), streaming);
                TOps.Store(vc, ref Unsafe.Add(ref destination, 2 * vectorBytes), streaming);
                TOps.Store(vd, ref Unsafe.Add(ref destination, 3 * vectorBytes), streaming);
            }
            else if (Unsafe.SizeOf<TBits>() == 2)
            {
                TOps.LoadWiden16(ref source, out TV a, out TV b, SignExtend);
                TV va = SingleDecoder<TTraits, TOps, TV>.Decode(a, out TV sa, SignExtend);
                TV vb = SingleDecoder<TTraits, TOps, TV>.Decode(b, out TV sb, SignExtend);
                if (TOps.Any(TOps.Or(sa, sb)))
                {
                    va = SingleDecoder<TTraits, TOps, TV>.WithSpecials(a, va, sa, SignExtend);
                    vb = SingleDecoder<TTraits, TOps, TV>.WithSpecials(b, vb, sb, SignExtend);
                }

                TOps.Store(va, ref destination, streaming);
                TOps.Store(vb, ref Unsafe.Add(ref destination, vectorBytes), streaming);
            }
            else
            {
                TOps.Store(SingleDecoder<TTraits, TOps, TV>.Decode(TOps.Load(ref source)), ref destination, streaming);
            }
        }
    }
}
