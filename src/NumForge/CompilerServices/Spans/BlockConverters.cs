using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

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
    /// to four vectors from bytes, two from ushorts, or one of uints), infinities and NaNs in the lanes.
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
                DecodeAndStore<TTraits, TOps, TV>.Four(a, b, c, d, ref destination, streaming, SignExtend);
            }
            else if (Unsafe.SizeOf<TBits>() == 2)
            {
                TOps.LoadWiden16(ref source, out TV a, out TV b, SignExtend);
                TOps.Store(SingleDecoder<TTraits, TOps, TV>.Decode(a, SignExtend), ref destination, streaming);
                TOps.Store(SingleDecoder<TTraits, TOps, TV>.Decode(b, SignExtend), ref Unsafe.Add(ref destination, vectorBytes), streaming);
            }
            else
            {
                TOps.Store(SingleDecoder<TTraits, TOps, TV>.Decode(TOps.Load(ref source)), ref destination, streaming);
            }
        }
    }

    /// <summary>
    /// 4-bit codes packed two per byte (low nibble first) to float, in one pass: one block is half a vector of packed
    /// bytes, split and widened to four vectors (<see cref="ISimd32{TV}.LoadWidenNibbles"/>), decoded as
    /// <see cref="DecodeBlock{TTraits, TOps, TV, TBits}"/> decodes bytes. Unpacking first into a buffer would cut the
    /// span into chunks too short for the loop's streaming stores.
    /// </summary>
    internal readonly struct PackedNibbleDecodeBlock<TTraits, TOps, TV> : IBlockConverter
        where TTraits : struct, IFloatTraits
        where TOps : struct, ISimd32<TV>
        where TV : struct
    {
        public static int BlockElements => TOps.Count * 4;

        public static int SourceElementSize => 1;

        public static int SourceUnitElements => 2;

        public static int DestinationElementSize => 4;

        public static int StoreBytes => TOps.Count * 4;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Convert(ref byte source, ref byte destination, bool streaming)
        {
            TOps.LoadWidenNibbles(ref source, out TV a, out TV b, out TV c, out TV d);
            DecodeAndStore<TTraits, TOps, TV>.Four(a, b, c, d, ref destination, streaming);
        }
    }

    /// <summary>The packed decodes that run whole blocks through <see cref="BlockLoop"/> (the caller converts the rest).</summary>
    internal static class PackedDecoders
    {
        /// <summary>
        /// Decodes the leading whole blocks of 4-bit codes packed two per byte into <paramref name="destination"/>
        /// (its length is the element count; <paramref name="source"/> holds at least half as many bytes, rounded up);
        /// returns how many elements it decoded (an even count, 0 where no vector path applies).
        /// </summary>
        public static int Nibbles<TTraits>(ReadOnlySpan<byte> source, Span<float> destination, SimdWidth width)
            where TTraits : struct, IFloatTraits
        {
            if (TTraits.ExponentBits + TTraits.MantissaBits + (TTraits.Signed ? 1 : 0) > 4 || !SingleDecoder<TTraits, Vector128x32, Vector128<uint>>.CanDecode)
            {
                return 0;
            }

            // Whole bytes only: an odd last element is the caller's.
            int length = Math.Min(destination.Length, source.Length * 2) & ~1;
            return SimdWidths.Resolve(width) switch
            {
                SimdWidth.V512 => Run<TTraits, Vector512x32, Vector512<uint>>(source, destination, length),
                SimdWidth.V256 => Run<TTraits, Vector256x32, Vector256<uint>>(source, destination, length),
                SimdWidth.V128 => Run<TTraits, Vector128x32, Vector128<uint>>(source, destination, length),
                _ => 0,
            };
        }

        private static int Run<TTraits, TOps, TV>(ReadOnlySpan<byte> source, Span<float> destination, int length)
            where TTraits : struct, IFloatTraits
            where TOps : struct, ISimd32<TV>
            where TV : struct
            => BlockLoop.Run(
                ref MemoryMarshal.GetReference(source),
                ref SpanBytes.Of(destination),
                length,
                default(PackedNibbleDecodeBlock<TTraits, TOps, TV>));
    }

    /// <summary>The decode blocks' common tail, over the streaming stores of <see cref="ISimd32{TV}"/>.</summary>
    internal static class DecodeAndStore<TTraits, TOps, TV>
        where TTraits : struct, IFloatTraits
        where TOps : struct, ISimd32<TV>
        where TV : struct
    {
        /// <summary>Four vectors of codes decoded and stored one after the other, as the byte and packed decode blocks end.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Four(TV a, TV b, TV c, TV d, ref byte destination, bool streaming, bool signExtended = false)
        {
            int vectorBytes = TOps.Count * 4;
            // Each stored as soon as it is decoded: fewer results live at once (AVX2 has 16 vector registers).
            TOps.Store(SingleDecoder<TTraits, TOps, TV>.Decode(a, signExtended), ref destination, streaming);
            TOps.Store(SingleDecoder<TTraits, TOps, TV>.Decode(b, signExtended), ref Unsafe.Add(ref destination, vectorBytes), streaming);
            TOps.Store(SingleDecoder<TTraits, TOps, TV>.Decode(c, signExtended), ref Unsafe.Add(ref destination, 2 * vectorBytes), streaming);
            TOps.Store(SingleDecoder<TTraits, TOps, TV>.Decode(d, signExtended), ref Unsafe.Add(ref destination, 3 * vectorBytes), streaming);
        }
    }
}
