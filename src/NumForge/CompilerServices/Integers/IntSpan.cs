using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using NumForge.CompilerServices.Spans;

namespace NumForge.CompilerServices.Integers
{
    /// <summary>
    /// The span converters of a narrow integer format: quantizing (round to the nearest integer in a
    /// <see cref="MidpointRounding"/> mode, saturate, NaN to 0), widening to float, and packed storage (b bits per
    /// value end to end, element 0 in the lowest bits of byte 0). float spans and the 1-, 2- and 4-bit packings run
    /// vectorized (Vector128/256/512 through <see cref="BlockLoop"/>); Half spans widen exactly and take the float
    /// kernel; the 3-, 5-, 6- and 7-bit packings move eight codes per word (BMI2 PEXT/PDEP, or shifts); double
    /// sources and every tail run the scalar code, which defines the results.
    /// </summary>
    /// <typeparam name="TTraits">The format's constants.</typeparam>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class IntSpan<TTraits>
        where TTraits : struct, IIntTraits
    {
        // ---------------------------------------------------------------- quantizing and widening

        /// <summary>Rounds each float to the nearest integer in <paramref name="rounding"/>, saturating at the range; NaN gives 0.</summary>
        public static void ConvertFromSingle<TSelf>(ReadOnlySpan<float> source, Span<TSelf> destination, MidpointRounding rounding)
            where TSelf : unmanaged, INumericFormat<TSelf, byte>
        {
            ValidateMode(rounding);
            SpanChecks.ValidateConversion(source, destination);
            FromSingleCore(source, Codes(destination), rounding, SimdWidth.Auto);
        }

        /// <summary>Rounds each double to the nearest integer in <paramref name="rounding"/>, saturating at the range; NaN gives 0.</summary>
        public static void ConvertFromDouble<TSelf>(ReadOnlySpan<double> source, Span<TSelf> destination, MidpointRounding rounding)
            where TSelf : unmanaged, INumericFormat<TSelf, byte>
        {
            ValidateMode(rounding);
            SpanChecks.ValidateConversion(source, destination);
            Span<byte> codes = Codes(destination);
            for (int i = 0; i < source.Length; i++)
            {
                codes[i] = Quantize(source[i], rounding);
            }
        }

        /// <summary>Rounds each Half to the nearest integer in <paramref name="rounding"/>, saturating at the range; NaN gives 0.</summary>
        public static void ConvertFromHalf<TSelf>(ReadOnlySpan<Half> source, Span<TSelf> destination, MidpointRounding rounding)
            where TSelf : unmanaged, INumericFormat<TSelf, byte>
        {
            ValidateMode(rounding);
            SpanChecks.ValidateConversion(source, destination);
            FromHalfCore(source, Codes(destination), rounding, SimdWidth.Auto);
        }

        /// <summary>Converts each value to float (exactly).</summary>
        public static void ConvertToSingle<TSelf>(ReadOnlySpan<TSelf> source, Span<float> destination)
            where TSelf : unmanaged, INumericFormat<TSelf, byte>
        {
            SpanChecks.ValidateConversion(source, destination);
            ToSingleCore(Codes(source), destination, SimdWidth.Auto);
        }

        /// <summary>Converts each value to double (exactly).</summary>
        public static void ConvertToDouble<TSelf>(ReadOnlySpan<TSelf> source, Span<double> destination)
            where TSelf : unmanaged, INumericFormat<TSelf, byte>
        {
            SpanChecks.ValidateConversion(source, destination);
            ReadOnlySpan<byte> codes = Codes(source);
            for (int i = 0; i < codes.Length; i++)
            {
                destination[i] = IntCodec<TTraits>.ToInt32(codes[i]);
            }
        }

        /// <summary>Converts each value to Half (exactly).</summary>
        public static void ConvertToHalf<TSelf>(ReadOnlySpan<TSelf> source, Span<Half> destination)
            where TSelf : unmanaged, INumericFormat<TSelf, byte>
        {
            SpanChecks.ValidateConversion(source, destination);
            ReadOnlySpan<byte> codes = Codes(source);
            for (int i = 0; i < codes.Length; i++)
            {
                destination[i] = (Half)IntCodec<TTraits>.ToInt32(codes[i]);
            }
        }

        /// <summary>
        /// The scalar quantizer, which defines every span result: NaN gives 0, anything else is rounded to an integer in
        /// <paramref name="rounding"/> and clamped to the range.
        /// </summary>
        public static byte Quantize(double value, MidpointRounding rounding)
        {
            if (double.IsNaN(value))
            {
                return 0;
            }

            double clamped = Math.Clamp(value, TTraits.MinValue, TTraits.MaxValue);
            return IntCodec<TTraits>.Wrap((int)Math.Round(clamped, rounding));
        }

        // ---------------------------------------------------------------- packing

        /// <summary>Bytes <paramref name="count"/> values take packed: ceil(count × b / 8).</summary>
        public static int PackedLength(int count)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(count);
            return (int)(((long)count * TTraits.Bits + 7) / 8);
        }

        /// <summary>
        /// Packs values end to end, element 0 in the lowest bits of byte 0: 8, 4 or 2 per byte for 1, 2 or 4 bits, 8 per
        /// 3 bytes for 3 bits, an LSB-first bit stream of b bits each otherwise. A trailing partial byte's unused high
        /// bits are zero.
        /// </summary>
        public static void Pack<TSelf>(ReadOnlySpan<TSelf> source, Span<byte> destination)
            where TSelf : unmanaged, INumericFormat<TSelf, byte>
        {
            ReadOnlySpan<byte> codes = Codes(source);
            Span<byte> packed = PackedDestination(source.Length, destination);
            SpanChecks.ThrowIfOverlapping(codes, packed);
            PackCore(codes, packed, SimdWidth.Auto);
        }

        /// <summary>Unpacks <paramref name="destination"/>.Length values laid out as <see cref="Pack{TSelf}"/> writes them.</summary>
        public static void Unpack<TSelf>(ReadOnlySpan<byte> source, Span<TSelf> destination)
            where TSelf : unmanaged, INumericFormat<TSelf, byte>
        {
            ReadOnlySpan<byte> packed = PackedSource(source, destination.Length);
            Span<byte> codes = Codes(destination);
            SpanChecks.ThrowIfOverlapping(packed, codes);
            UnpackCore(packed, codes, SimdWidth.Auto);
        }

        /// <summary>Quantizes floats (as <see cref="ConvertFromSingle{TSelf}"/>) straight into packed storage.</summary>
        public static void PackFromSingle(ReadOnlySpan<float> source, Span<byte> destination, MidpointRounding rounding)
        {
            ValidateMode(rounding);
            Span<byte> packed = PackedDestination(source.Length, destination);
            SpanChecks.ThrowIfOverlapping(MemoryMarshal.AsBytes(source), packed);
            PackFromSingleCore(source, packed, rounding, SimdWidth.Auto);
        }

        /// <summary>Converts <paramref name="destination"/>.Length packed values to float.</summary>
        public static void UnpackToSingle(ReadOnlySpan<byte> source, Span<float> destination)
        {
            ReadOnlySpan<byte> packed = PackedSource(source, destination.Length);
            SpanChecks.ThrowIfOverlapping(packed, MemoryMarshal.AsBytes(destination));
            UnpackToSingleCore(packed, destination, SimdWidth.Auto);
        }

        // ---------------------------------------------------------------- cores (every width testable)

        /// <summary>Elements per chunk of the two-pass packed conversions (codes kept on the stack between passes).</summary>
        private const int ChunkElements = 1024;

        internal static void FromSingleCore(ReadOnlySpan<float> source, Span<byte> codes, MidpointRounding rounding, SimdWidth width)
        {
            int done = rounding switch
            {
                MidpointRounding.ToEven => Quantize<RoundToEven>(source, codes, width),
                MidpointRounding.AwayFromZero => Quantize<RoundAwayFromZero>(source, codes, width),
                MidpointRounding.ToZero => Quantize<RoundToZero>(source, codes, width),
                MidpointRounding.ToNegativeInfinity => Quantize<RoundToNegativeInfinity>(source, codes, width),
                _ => Quantize<RoundToPositiveInfinity>(source, codes, width),
            };
            for (int i = done; i < source.Length; i++)
            {
                codes[i] = Quantize(source[i], rounding);
            }
        }

        internal static void ToSingleCore(ReadOnlySpan<byte> codes, Span<float> destination, SimdWidth width)
        {
            int done = SimdWidths.Resolve(width) switch
            {
                SimdWidth.V512 => Run(codes, MemoryMarshal.AsBytes(destination), codes.Length, default(DequantizeBlock<TTraits, Vector512x32, Vector512<uint>>)),
                SimdWidth.V256 => Run(codes, MemoryMarshal.AsBytes(destination), codes.Length, default(DequantizeBlock<TTraits, Vector256x32, Vector256<uint>>)),
                SimdWidth.V128 => Run(codes, MemoryMarshal.AsBytes(destination), codes.Length, default(DequantizeBlock<TTraits, Vector128x32, Vector128<uint>>)),
                _ => 0,
            };
            for (int i = done; i < codes.Length; i++)
            {
                destination[i] = IntCodec<TTraits>.ToInt32(codes[i]);
            }
        }

        /// <summary>Half widens to float exactly, so a chunk is widened and then quantized by the float kernel (same results as from double).</summary>
        internal static void FromHalfCore(ReadOnlySpan<Half> source, Span<byte> codes, MidpointRounding rounding, SimdWidth width)
        {
            Span<float> widened = stackalloc float[ChunkElements];
            for (int start = 0; start < source.Length; start += ChunkElements)
            {
                int count = Math.Min(ChunkElements, source.Length - start);
                ReadOnlySpan<Half> chunk = source.Slice(start, count);
                for (int i = 0; i < chunk.Length; i++)
                {
                    widened[i] = (float)chunk[i];
                }

                FromSingleCore(widened[..count], codes.Slice(start, count), rounding, width);
            }
        }

        internal static void PackCore(ReadOnlySpan<byte> codes, Span<byte> packed, SimdWidth width)
        {
            int done = TTraits.Bits switch
            {
                8 => CopyCodes(codes, packed),
                4 => PackVector(codes, packed, width, default(Nibbles)),
                2 => PackVector(codes, packed, width, default(Crumbs)),
                1 => PackBits(codes, packed, width),
                _ when width == SimdWidth.Scalar || !Vector128.IsHardwareAccelerated => 0,
                _ => PackWords(codes, packed, Bmi2.X64.IsSupported),
            };
            PackScalar(codes[done..], packed[(int)(((long)done * TTraits.Bits) / 8)..]);
        }

        internal static void UnpackCore(ReadOnlySpan<byte> packed, Span<byte> codes, SimdWidth width)
        {
            int done = TTraits.Bits switch
            {
                8 => CopyCodes(packed[..codes.Length], codes),
                4 => UnpackVector(packed, codes, width, default(Nibbles)),
                2 => UnpackVector(packed, codes, width, default(Crumbs)),
                1 => UnpackBits(packed, codes),
                _ when width == SimdWidth.Scalar || !Vector128.IsHardwareAccelerated => 0,
                _ => UnpackWords(packed, codes, Bmi2.X64.IsSupported),
            };
            UnpackScalar(packed[(int)(((long)done * TTraits.Bits) / 8)..], codes[done..]);
        }

        internal static void PackFromSingleCore(ReadOnlySpan<float> source, Span<byte> packed, MidpointRounding rounding, SimdWidth width)
        {
            Span<byte> codes = stackalloc byte[ChunkElements];
            for (int start = 0; start < source.Length; start += ChunkElements)
            {
                int count = Math.Min(ChunkElements, source.Length - start);
                FromSingleCore(source.Slice(start, count), codes, rounding, width);
                int offset = start / 8 * TTraits.Bits;
                PackCore(codes[..count], packed.Slice(offset, PackedLength(count)), width);
            }
        }

        internal static void UnpackToSingleCore(ReadOnlySpan<byte> packed, Span<float> destination, SimdWidth width)
        {
            Span<byte> codes = stackalloc byte[ChunkElements];
            for (int start = 0; start < destination.Length; start += ChunkElements)
            {
                int count = Math.Min(ChunkElements, destination.Length - start);
                int offset = start / 8 * TTraits.Bits;
                UnpackCore(packed.Slice(offset, PackedLength(count)), codes[..count], width);
                ToSingleCore(codes[..count], destination.Slice(start, count), width);
            }
        }

        // ---------------------------------------------------------------- vector drivers

        private static int Quantize<TRound>(ReadOnlySpan<float> source, Span<byte> codes, SimdWidth width)
            where TRound : struct, IIntRounding
        {
            ReadOnlySpan<byte> bytes = MemoryMarshal.AsBytes(source);
            return SimdWidths.Resolve(width) switch
            {
                SimdWidth.V512 => Run(bytes, codes, source.Length, default(QuantizeBlock<TTraits, Vector512x32, Vector512<uint>, TRound>)),
                SimdWidth.V256 => Run(bytes, codes, source.Length, default(QuantizeBlock<TTraits, Vector256x32, Vector256<uint>, TRound>)),
                SimdWidth.V128 => Run(bytes, codes, source.Length, default(QuantizeBlock<TTraits, Vector128x32, Vector128<uint>, TRound>)),
                _ => 0,
            };
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static int Run<TConverter>(ReadOnlySpan<byte> source, Span<byte> destination, int length, TConverter converter)
            where TConverter : struct, IBlockConverter
            => BlockLoop.Run(ref MemoryMarshal.GetReference(source), ref MemoryMarshal.GetReference(destination), length, converter);

        /// <summary>A packing with a vector kernel: codes per lane group, packed the same way at every width.</summary>
        private interface IPacking
        {
            static abstract int Pack<TOps, TV>(ReadOnlySpan<byte> codes, Span<byte> packed)
                where TOps : struct, ISimd32<TV>
                where TV : struct;

            static abstract int Unpack<TOps, TV>(ReadOnlySpan<byte> packed, Span<byte> codes)
                where TOps : struct, ISimd32<TV>
                where TV : struct;
        }

        /// <summary>4-bit codes, two per byte.</summary>
        private readonly struct Nibbles : IPacking
        {
            public static int Pack<TOps, TV>(ReadOnlySpan<byte> codes, Span<byte> packed)
                where TOps : struct, ISimd32<TV>
                where TV : struct
                => Run(codes, packed, codes.Length, default(PackNibblesBlock<TTraits, TOps, TV>));

            public static int Unpack<TOps, TV>(ReadOnlySpan<byte> packed, Span<byte> codes)
                where TOps : struct, ISimd32<TV>
                where TV : struct
            {
                // 8 × Count codes from 4 × Count packed bytes per step.
                int step = TOps.Count * 8;
                int vectorBytes = TOps.Count * 4;
                ref byte input = ref MemoryMarshal.GetReference(packed);
                ref byte output = ref MemoryMarshal.GetReference(codes);
                int done = 0;
                for (; done + step <= codes.Length; done += step)
                {
                    TOps.LoadWiden16(ref Unsafe.Add(ref input, done / 2), out TV a, out TV b);
                    TOps.Store(IntLanes<TTraits, TOps, TV>.UnpackNibbles(a), ref Unsafe.Add(ref output, done));
                    TOps.Store(IntLanes<TTraits, TOps, TV>.UnpackNibbles(b), ref Unsafe.Add(ref output, done + vectorBytes));
                }

                return done;
            }
        }

        /// <summary>2-bit codes, four per byte.</summary>
        private readonly struct Crumbs : IPacking
        {
            public static int Pack<TOps, TV>(ReadOnlySpan<byte> codes, Span<byte> packed)
                where TOps : struct, ISimd32<TV>
                where TV : struct
                => Run(codes, packed, codes.Length, default(PackCrumbsBlock<TTraits, TOps, TV>));

            public static int Unpack<TOps, TV>(ReadOnlySpan<byte> packed, Span<byte> codes)
                where TOps : struct, ISimd32<TV>
                where TV : struct
            {
                // 16 × Count codes from 4 × Count packed bytes per step.
                int step = TOps.Count * 16;
                int vectorBytes = TOps.Count * 4;
                ref byte input = ref MemoryMarshal.GetReference(packed);
                ref byte output = ref MemoryMarshal.GetReference(codes);
                int done = 0;
                for (; done + step <= codes.Length; done += step)
                {
                    TOps.LoadWiden8(ref Unsafe.Add(ref input, done / 4), out TV a, out TV b, out TV c, out TV d);
                    TOps.Store(IntLanes<TTraits, TOps, TV>.UnpackCrumbs(a), ref Unsafe.Add(ref output, done));
                    TOps.Store(IntLanes<TTraits, TOps, TV>.UnpackCrumbs(b), ref Unsafe.Add(ref output, done + vectorBytes));
                    TOps.Store(IntLanes<TTraits, TOps, TV>.UnpackCrumbs(c), ref Unsafe.Add(ref output, done + (2 * vectorBytes)));
                    TOps.Store(IntLanes<TTraits, TOps, TV>.UnpackCrumbs(d), ref Unsafe.Add(ref output, done + (3 * vectorBytes)));
                }

                return done;
            }
        }

        private static int PackVector<TPacking>(ReadOnlySpan<byte> codes, Span<byte> packed, SimdWidth width, TPacking packing)
            where TPacking : struct, IPacking
            => SimdWidths.Resolve(width) switch
            {
                SimdWidth.V512 => TPacking.Pack<Vector512x32, Vector512<uint>>(codes, packed),
                SimdWidth.V256 => TPacking.Pack<Vector256x32, Vector256<uint>>(codes, packed),
                SimdWidth.V128 => TPacking.Pack<Vector128x32, Vector128<uint>>(codes, packed),
                _ => 0,
            };

        private static int UnpackVector<TPacking>(ReadOnlySpan<byte> packed, Span<byte> codes, SimdWidth width, TPacking packing)
            where TPacking : struct, IPacking
            => SimdWidths.Resolve(width) switch
            {
                SimdWidth.V512 => TPacking.Unpack<Vector512x32, Vector512<uint>>(packed, codes),
                SimdWidth.V256 => TPacking.Unpack<Vector256x32, Vector256<uint>>(packed, codes),
                SimdWidth.V128 => TPacking.Unpack<Vector128x32, Vector128<uint>>(packed, codes),
                _ => 0,
            };

        /// <summary>1-bit codes: each code's bit moved to the top of its byte, then the vector's sign-bit mask is the packed bits.</summary>
        private static int PackBits(ReadOnlySpan<byte> codes, Span<byte> packed, SimdWidth width)
        {
            ref byte input = ref MemoryMarshal.GetReference(codes);
            ref byte output = ref MemoryMarshal.GetReference(packed);
            int done = 0;
            switch (SimdWidths.Resolve(width))
            {
                case SimdWidth.V512:
                    for (; done + 64 <= codes.Length; done += 64)
                    {
                        Unsafe.WriteUnaligned(ref Unsafe.Add(ref output, done / 8), Vector512.ShiftLeft(Vector512.LoadUnsafe(ref input, (nuint)done), 7).ExtractMostSignificantBits());
                    }

                    break;
                case SimdWidth.V256:
                    for (; done + 32 <= codes.Length; done += 32)
                    {
                        Unsafe.WriteUnaligned(ref Unsafe.Add(ref output, done / 8), Vector256.ShiftLeft(Vector256.LoadUnsafe(ref input, (nuint)done), 7).ExtractMostSignificantBits());
                    }

                    break;
                case SimdWidth.V128:
                    for (; done + 16 <= codes.Length; done += 16)
                    {
                        Unsafe.WriteUnaligned(ref Unsafe.Add(ref output, done / 8), (ushort)Vector128.ShiftLeft(Vector128.LoadUnsafe(ref input, (nuint)done), 7).ExtractMostSignificantBits());
                    }

                    break;
            }

            return done;
        }

        /// <summary>1-bit codes: each packed byte spread to eight code bytes by a 256-entry table (one load, one store).</summary>
        private static int UnpackBits(ReadOnlySpan<byte> packed, Span<byte> codes)
        {
            ReadOnlySpan<ulong> table = BitSpread.Table;
            ref byte output = ref MemoryMarshal.GetReference(codes);
            int done = 0;
            for (; done + 8 <= codes.Length; done += 8)
            {
                Unsafe.WriteUnaligned(ref Unsafe.Add(ref output, done), table[packed[done / 8]]);
            }

            return done;
        }

        /// <summary>A byte with the code's b low bits set in each of the eight bytes of a word.</summary>
        private static ulong CodeBytesMask => 0x0101010101010101UL * TTraits.CodeMask;

        /// <summary>
        /// 3-, 5-, 6- and 7-bit codes, eight at a time: eight code bytes become b packed bytes. With BMI2 one PEXT
        /// gathers the b low bits of each byte; without it the same gather is written out with shifts (SWAR). A word
        /// is stored whole only while 8 bytes of room remain, so the tail goes to the scalar code.
        /// </summary>
        internal static int PackWords(ReadOnlySpan<byte> codes, Span<byte> packed, bool useBmi2)
        {
            int bits = TTraits.Bits;
            ref byte input = ref MemoryMarshal.GetReference(codes);
            ref byte output = ref MemoryMarshal.GetReference(packed);
            int done = 0;
            for (int offset = 0; done + 8 <= codes.Length && offset + 8 <= packed.Length; done += 8, offset += bits)
            {
                ulong word = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref input, done));
                Unsafe.WriteUnaligned(ref Unsafe.Add(ref output, offset), useBmi2 ? Bmi2.X64.ParallelBitExtract(word, CodeBytesMask) : GatherLowBits(word, bits));
            }

            return done;
        }

        /// <summary>The inverse of <see cref="PackWords"/>: b packed bytes (read as a word) spread to eight code bytes (PDEP, or shifts).</summary>
        internal static int UnpackWords(ReadOnlySpan<byte> packed, Span<byte> codes, bool useBmi2)
        {
            int bits = TTraits.Bits;
            ref byte input = ref MemoryMarshal.GetReference(packed);
            ref byte output = ref MemoryMarshal.GetReference(codes);
            int done = 0;
            for (int offset = 0; done + 8 <= codes.Length && offset + 8 <= packed.Length; done += 8, offset += bits)
            {
                ulong word = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref input, offset));
                Unsafe.WriteUnaligned(ref Unsafe.Add(ref output, done), useBmi2 ? Bmi2.X64.ParallelBitDeposit(word, CodeBytesMask) : SpreadLowBits(word, bits));
            }

            return done;
        }

        private static ulong GatherLowBits(ulong word, int bits)
        {
            ulong mask = TTraits.CodeMask;
            ulong result = 0;
            for (int k = 0; k < 8; k++)
            {
                result |= ((word >> (8 * k)) & mask) << (k * bits);
            }

            return result;
        }

        private static ulong SpreadLowBits(ulong word, int bits)
        {
            ulong mask = TTraits.CodeMask;
            ulong result = 0;
            for (int k = 0; k < 8; k++)
            {
                result |= ((word >> (k * bits)) & mask) << (8 * k);
            }

            return result;
        }

        private static int CopyCodes(ReadOnlySpan<byte> source, Span<byte> destination)
        {
            source.CopyTo(destination);
            return source.Length;
        }

        // ---------------------------------------------------------------- scalar (the reference the vectors must equal)

        /// <summary>Packs codes as an LSB-first bit stream of b bits each; <paramref name="packed"/> starts on a byte boundary.</summary>
        internal static void PackScalar(ReadOnlySpan<byte> codes, Span<byte> packed)
        {
            int bits = TTraits.Bits;
            uint accumulator = 0;
            int filled = 0;
            int output = 0;
            foreach (byte code in codes)
            {
                accumulator |= (uint)(code & TTraits.CodeMask) << filled;
                filled += bits;
                if (filled >= 8)
                {
                    packed[output++] = (byte)accumulator;
                    accumulator >>= 8;
                    filled -= 8;
                }
            }

            if (filled > 0)
            {
                packed[output] = (byte)accumulator;
            }
        }

        /// <summary>Unpacks <paramref name="codes"/>.Length codes from an LSB-first bit stream of b bits each.</summary>
        internal static void UnpackScalar(ReadOnlySpan<byte> packed, Span<byte> codes)
        {
            int bits = TTraits.Bits;
            uint accumulator = 0;
            int available = 0;
            int input = 0;
            for (int i = 0; i < codes.Length; i++)
            {
                if (available < bits)
                {
                    accumulator |= (uint)packed[input++] << available;
                    available += 8;
                }

                codes[i] = (byte)(accumulator & TTraits.CodeMask);
                accumulator >>= bits;
                available -= bits;
            }
        }

        // ---------------------------------------------------------------- checks

        internal static void ValidateMode(MidpointRounding rounding)
        {
            if ((uint)rounding > (uint)MidpointRounding.ToPositiveInfinity)
            {
                throw new ArgumentException($"The value '{rounding}' is not a valid MidpointRounding mode.", nameof(rounding));
            }
        }

        private static Span<byte> Codes<TSelf>(Span<TSelf> values)
            where TSelf : struct
        {
            ThrowIfNotByte<TSelf>();
            return MemoryMarshal.Cast<TSelf, byte>(values);
        }

        private static ReadOnlySpan<byte> Codes<TSelf>(ReadOnlySpan<TSelf> values)
            where TSelf : struct
        {
            ThrowIfNotByte<TSelf>();
            return MemoryMarshal.Cast<TSelf, byte>(values);
        }

        private static void ThrowIfNotByte<TSelf>()
        {
            if (Unsafe.SizeOf<TSelf>() != 1)
            {
                throw new NotSupportedException($"{typeof(TSelf).Name} is not a one-byte integer format.");
            }
        }

        private static Span<byte> PackedDestination(int count, Span<byte> destination)
        {
            int needed = PackedLength(count);
            if (destination.Length < needed)
            {
                throw new ArgumentException($"Destination is too short: {count} values need {needed} bytes.", nameof(destination));
            }

            return destination[..needed];
        }

        private static ReadOnlySpan<byte> PackedSource(ReadOnlySpan<byte> source, int count)
        {
            int needed = PackedLength(count);
            if (source.Length < needed)
            {
                throw new ArgumentException($"Source is too short: {count} values need {needed} bytes.", nameof(source));
            }

            return source[..needed];
        }
    }
}
