using System.Numerics;
using System.Runtime.CompilerServices;

namespace NumForge.CompilerServices.Spans
{
    /// <summary>
    /// float to codes with <see cref="NearestEvenEncoder{TTraits, TOps, TV}"/>: one block is one store of codes
    /// (four vectors narrowed to bytes, two to ushorts, or one of uints). Overflow, infinity and NaN lanes get their
    /// codes in line (<see cref="NearestEvenEncoder{TTraits, TOps, TV}.EncodeInLane"/>), without a branch on the data.
    /// With <typeparamref name="TClamp"/> set, overflow clamps and only NaN lanes are selected. With
    /// <typeparamref name="TPacked"/> set (byte codes of at most 4 bits), the block's codes are stored packed two per
    /// byte, low nibble first, in the same pass.
    /// </summary>
    internal readonly struct NearestEvenBlock<TTraits, TOps, TV, TBits, TClamp, TPacked> : IBlockConverter
        where TTraits : struct, IFloatTraits
        where TOps : struct, ISimd32<TV>
        where TV : struct
        where TBits : unmanaged, IBinaryInteger<TBits>
        where TClamp : struct, IFlag
        where TPacked : struct, IFlag
    {
        // Only the flag: the constants are static per format, and a converter this small copies for free.
        private readonly bool saturate;

        public NearestEvenBlock(bool saturate) => this.saturate = saturate;

        public static int BlockElements => TOps.Count * 4 / Unsafe.SizeOf<TBits>();

        public static int SourceElementSize => 4;

        public static int DestinationElementSize => Unsafe.SizeOf<TBits>();

        public static int DestinationUnitElements => TPacked.Value ? 2 : 1;

        public static int StoreBytes => TPacked.Value ? TOps.Count * 2 : TOps.Count * 4;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Convert(ref byte source, ref byte destination, bool streaming)
        {
            ref readonly NearestEvenEncoder<TTraits, TOps, TV>.Constants k = ref NearestEvenEncoder<TTraits, TOps, TV>.For(saturate);
            int vectorBytes = TOps.Count * 4;
            if (Unsafe.SizeOf<TBits>() == 1)
            {
                TV c0 = NearestEvenEncoder<TTraits, TOps, TV>.EncodeInLane(TOps.Load(ref source), k, TClamp.Value);
                TV c1 = NearestEvenEncoder<TTraits, TOps, TV>.EncodeInLane(TOps.Load(ref Unsafe.Add(ref source, vectorBytes)), k, TClamp.Value);
                TV c2 = NearestEvenEncoder<TTraits, TOps, TV>.EncodeInLane(TOps.Load(ref Unsafe.Add(ref source, 2 * vectorBytes)), k, TClamp.Value);
                TV c3 = NearestEvenEncoder<TTraits, TOps, TV>.EncodeInLane(TOps.Load(ref Unsafe.Add(ref source, 3 * vectorBytes)), k, TClamp.Value);
                if (TPacked.Value)
                {
                    TOps.StorePackedNibbles(c0, c1, c2, c3, ref destination, streaming);
                }
                else
                {
                    TOps.StoreNarrow8(c0, c1, c2, c3, ref destination, streaming);
                }
            }
            else if (Unsafe.SizeOf<TBits>() == 2)
            {
                TV c0 = NearestEvenEncoder<TTraits, TOps, TV>.EncodeInLane(TOps.Load(ref source), k, TClamp.Value);
                TV c1 = NearestEvenEncoder<TTraits, TOps, TV>.EncodeInLane(TOps.Load(ref Unsafe.Add(ref source, vectorBytes)), k, TClamp.Value);
                TOps.StoreNarrow16(c0, c1, ref destination, streaming);
            }
            else
            {
                TOps.Store(NearestEvenEncoder<TTraits, TOps, TV>.EncodeInLane(TOps.Load(ref source), k, TClamp.Value), ref destination, streaming);
            }
        }
    }

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
