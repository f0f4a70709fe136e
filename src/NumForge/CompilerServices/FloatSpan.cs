using System;
using System.ComponentModel;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using NumForge.CompilerServices.Spans;

namespace NumForge.CompilerServices
{
    /// <summary>
    /// Span conversions of one float format, generic over its traits and over the bit container
    /// <typeparamref name="TTraits"/>'s codes live in. Generated <c>ConvertFrom</c>/<c>ConvertTo</c>/<c>Pack</c>/<c>Unpack</c>
    /// forward here. Argument rules follow TensorPrimitives: a destination shorter than the source throws
    /// <see cref="ArgumentException"/>, and so do source and destination that overlap (other than in place at the same
    /// address with elements of the same size).
    /// </summary>
    /// <remarks>
    /// Every converter runs a vector kernel (Vector512 when accelerated, else Vector256, else Vector128) over whole
    /// blocks and the scalar codec (<see cref="FloatCodec{TTraits}"/>) over the tail; the kernels give exactly the
    /// scalar codec's bits (see <c>Spans/FloatVectorKernel.cs</c>). Formats the kernels do not cover (mantissas wider
    /// than the source's, 64-bit containers, values that are not exact floats) use the scalar codec throughout.
    /// </remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static partial class FloatSpan<TTraits>
        where TTraits : struct, IFloatTraits
    {
        /// <summary>Elements per chunk when a conversion goes through a stack buffer (a multiple of 8, so packed chunks end on a byte).</summary>
        private const int ChunkSize = 4096;

        // ---------------------------------------------------------------- public entry points

        /// <summary>Converts floats to codes, each rounded once.</summary>
        public static void ConvertFromSingle<TBits>(ReadOnlySpan<float> source, Span<TBits> destination, MidpointRounding rounding, bool saturate)
            where TBits : unmanaged, IBinaryInteger<TBits>
        {
            FloatCodec<TTraits>.ValidateMode(rounding);
            SpanChecks.ValidateConversion(source, destination);
            FromSingleCore<TBits, NoRandom>(source, destination, rounding, saturate, 0, default, SimdWidth.Auto);
        }

        /// <summary>Converts doubles to codes, each rounded once, directly (never through float).</summary>
        public static void ConvertFromDouble<TBits>(ReadOnlySpan<double> source, Span<TBits> destination, MidpointRounding rounding, bool saturate)
            where TBits : unmanaged, IBinaryInteger<TBits>
        {
            FloatCodec<TTraits>.ValidateMode(rounding);
            SpanChecks.ValidateConversion(source, destination);
            FromDoubleCore(source, destination, rounding, saturate, SimdWidth.Auto);
        }

        /// <summary>Converts Half values to codes, each rounded once.</summary>
        public static void ConvertFromHalf<TBits>(ReadOnlySpan<Half> source, Span<TBits> destination, MidpointRounding rounding, bool saturate)
            where TBits : unmanaged, IBinaryInteger<TBits>
        {
            FloatCodec<TTraits>.ValidateMode(rounding);
            SpanChecks.ValidateConversion(source, destination);
            FromHalfCore(source, destination, rounding, saturate, SimdWidth.Auto);
        }

        /// <summary>Converts codes to floats (exact when the format fits in float, else rounded to nearest even).</summary>
        public static void ConvertToSingle<TBits>(ReadOnlySpan<TBits> source, Span<float> destination)
            where TBits : unmanaged, IBinaryInteger<TBits>
        {
            SpanChecks.ValidateConversion(source, destination);
            ToSingleCore(source, destination, SimdWidth.Auto);
        }

        /// <summary>Converts codes to doubles (always exact).</summary>
        public static void ConvertToDouble<TBits>(ReadOnlySpan<TBits> source, Span<double> destination)
            where TBits : unmanaged, IBinaryInteger<TBits>
        {
            SpanChecks.ValidateConversion(source, destination);
            ToDoubleCore(source, destination, SimdWidth.Auto);
        }

        /// <summary>Converts codes to Half values (exact when the format fits in Half, else rounded to nearest even).</summary>
        public static void ConvertToHalf<TBits>(ReadOnlySpan<TBits> source, Span<Half> destination)
            where TBits : unmanaged, IBinaryInteger<TBits>
        {
            SpanChecks.ValidateConversion(source, destination);
            ToHalfCore(source, destination, SimdWidth.Auto);
        }

        /// <summary>
        /// Converts floats to codes with stochastic rounding: a value between two neighbouring codes rounds away from
        /// zero with probability equal to its distance from the lower-magnitude neighbour in units of their spacing
        /// (resolved to 2^-24), so the expected result equals the value. The random bits of element i are a hash of
        /// (<paramref name="seed"/>, i): the result depends only on the seed and the source span, never on the vector
        /// width. NaN, infinities and zeros convert as the default conversion does; a value whose upward neighbour lies
        /// past the largest finite value overflows (as rounding away from zero does: infinity, NaN or ±max by the
        /// format's overflow behaviour, or ±max when <paramref name="saturate"/>) with that same probability, and a
        /// value beyond the top binade always does.
        /// </summary>
        public static void ConvertFromSingleStochastic<TBits>(ReadOnlySpan<float> source, Span<TBits> destination, ulong seed, bool saturate = false)
            where TBits : unmanaged, IBinaryInteger<TBits>
        {
            SpanChecks.ValidateConversion(source, destination);
            FromSingleCore<TBits, SeededRandom>(source, destination, MidpointRounding.ToEven, saturate, seed, default, SimdWidth.Auto);
        }

        /// <summary>
        /// Converts floats to codes with stochastic rounding using the caller's random bits: element i rounds away
        /// from zero when <c>(randomBits[i] &gt;&gt; 8) &lt; fraction × 2^24</c>. Otherwise as
        /// <see cref="ConvertFromSingleStochastic{TBits}(ReadOnlySpan{float}, Span{TBits}, ulong, bool)"/>.
        /// </summary>
        public static void ConvertFromSingleStochastic<TBits>(ReadOnlySpan<float> source, Span<TBits> destination, ReadOnlySpan<uint> randomBits, bool saturate = false)
            where TBits : unmanaged, IBinaryInteger<TBits>
        {
            SpanChecks.ValidateConversion(source, destination);
            if (randomBits.Length < source.Length)
            {
                throw new ArgumentException("There must be one random value per source element.", nameof(randomBits));
            }

            FromSingleCore<TBits, SpanRandom>(source, destination, MidpointRounding.ToEven, saturate, 0, randomBits, SimdWidth.Auto);
        }

        /// <summary>The stochastic rounding of one float with the given 32 random bits (the scalar definition the span converters follow).</summary>
        public static ulong FromSingleStochastic(float value, uint randomBits, bool saturate = false)
        {
            ulong down = FloatCodec<TTraits>.FromSingle(value, MidpointRounding.ToZero, saturate);
            // The directed rounding away from zero (MidpointRounding.AwayFromZero is ties-away, a nearest mode).
            ulong up = FloatCodec<TTraits>.FromSingle(value, value < 0 ? MidpointRounding.ToNegativeInfinity : MidpointRounding.ToPositiveInfinity, saturate);
            if (down == up)
            {
                return down;
            }

            // Finite, nonzero and inexact here. The spacing of the format at |value|'s binade (or at its subnormals).
            double magnitude = Math.Abs((double)value);
            int exponent = Math.ILogB(magnitude);
            if (exponent > TTraits.MaxExponent)
            {
                return up;
            }

            double lower = Math.Abs(FloatCodec<TTraits>.ToDouble(down));
            double spacing = Math.ScaleB(1.0, Math.Max(exponent, TTraits.MinNormalExponent) - TTraits.MantissaBits);
            double fraction = (magnitude - lower) / spacing;
            return (randomBits >> 8) < fraction * 16777216.0 ? up : down;
        }

        /// <summary>The random bits that seeded stochastic rounding uses for element <paramref name="index"/>.</summary>
        public static uint StochasticRandomBits(ulong seed, int index)
        {
            (ulong key0, ulong key1) = StochasticBits.Keys(seed);
            return StochasticBits.Bits((uint)index, key0, key1);
        }

        /// <summary>
        /// Converts floats straight to packed codes (layout of <see cref="Pack{TBits}"/>: formats of at most 4 bits two
        /// per byte, low nibble first; 5- to 8-bit formats bit after bit, four FP6 values in three bytes).
        /// </summary>
        public static void ConvertFromSingleToPacked(ReadOnlySpan<float> source, Span<byte> destination, MidpointRounding rounding, bool saturate)
        {
            FloatCodec<TTraits>.ValidateMode(rounding);
            ThrowIfNotPackable();
            int needed = PackedLength(source.Length);
            if (destination.Length < needed)
            {
                throw new ArgumentException($"Destination is too short: {source.Length} values need {needed} bytes.", nameof(destination));
            }

            SpanChecks.ThrowIfOverlapping(MemoryMarshal.AsBytes(source), destination[..needed]);
            FromSingleToPackedCore(source, destination, rounding, saturate, SimdWidth.Auto);
        }

        /// <summary>Converts <paramref name="destination"/>.Length packed codes (laid out as <see cref="Pack{TBits}"/> writes them) to floats.</summary>
        public static void ConvertPackedToSingle(ReadOnlySpan<byte> source, Span<float> destination)
        {
            ThrowIfNotPackable();
            int needed = PackedLength(destination.Length);
            if (source.Length < needed)
            {
                throw new ArgumentException($"Source is too short: {destination.Length} values need {needed} bytes.", nameof(source));
            }

            SpanChecks.ThrowIfOverlapping(source[..needed], MemoryMarshal.AsBytes(destination));
            PackedToSingleCore(source, destination, SimdWidth.Auto);
        }

        // ---------------------------------------------------------------- packing

        /// <summary>Bits each value occupies in packed form: 4 for formats of at most 4 bits, else the format's width.</summary>
        private static int PackedBits => TotalBits <= 4 ? 4 : TotalBits;

        private static int TotalBits => TTraits.ExponentBits + TTraits.MantissaBits + (TTraits.Signed ? 1 : 0);

        /// <summary>The number of bytes <paramref name="count"/> values take when packed.</summary>
        /// <param name="count">Number of values.</param>
        public static int PackedLength(int count)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(count);
            return (int)(((long)count * PackedBits + 7) / 8);
        }

        /// <summary>
        /// Packs codes end to end, little-endian: formats of at most 4 bits two per byte (low nibble first), wider
        /// formats bit after bit (four 6-bit values in three bytes). A trailing partial byte is zero-filled above the data.
        /// </summary>
        public static void Pack<TBits>(ReadOnlySpan<TBits> source, Span<byte> destination)
            where TBits : unmanaged, IBinaryInteger<TBits>
        {
            int needed = PackedLength(source.Length);
            if (destination.Length < needed)
            {
                throw new ArgumentException($"Destination is too short: {source.Length} values need {needed} bytes.", nameof(destination));
            }

            SpanChecks.ThrowIfOverlapping(MemoryMarshal.AsBytes(source), destination[..needed]);
            PackCore(source, destination);
        }

        /// <summary>Unpacks <paramref name="destination"/>.Length codes laid out as <see cref="Pack{TBits}"/> writes them.</summary>
        public static void Unpack<TBits>(ReadOnlySpan<byte> source, Span<TBits> destination)
            where TBits : unmanaged, IBinaryInteger<TBits>
        {
            int needed = PackedLength(destination.Length);
            if (source.Length < needed)
            {
                throw new ArgumentException($"Source is too short: {destination.Length} values need {needed} bytes.", nameof(source));
            }

            SpanChecks.ThrowIfOverlapping(source[..needed], MemoryMarshal.AsBytes(destination));
            UnpackCore(source, destination);
        }

        private static void PackCore<TBits>(ReadOnlySpan<TBits> source, Span<byte> destination)
            where TBits : unmanaged, IBinaryInteger<TBits>
        {
            int width = PackedBits;
            ulong valueMask = (1UL << width) - 1;
            ulong accumulator = 0;
            int filled = 0;
            int output = 0;
            foreach (TBits value in source)
            {
                accumulator |= (ulong.CreateTruncating(value) & valueMask) << filled;
                filled += width;
                while (filled >= 8)
                {
                    destination[output++] = (byte)accumulator;
                    accumulator >>= 8;
                    filled -= 8;
                }
            }

            if (filled > 0)
            {
                destination[output] = (byte)accumulator;
            }
        }

        private static void UnpackCore<TBits>(ReadOnlySpan<byte> source, Span<TBits> destination)
            where TBits : unmanaged, IBinaryInteger<TBits>
        {
            int width = PackedBits;
            ulong valueMask = (1UL << TotalBits) - 1;
            ulong accumulator = 0;
            int available = 0;
            int input = 0;
            for (int i = 0; i < destination.Length; i++)
            {
                while (available < width)
                {
                    accumulator |= (ulong)source[input++] << available;
                    available += 8;
                }

                destination[i] = TBits.CreateTruncating(accumulator & valueMask);
                accumulator >>= width;
                available -= width;
            }
        }

        private static void ThrowIfNotPackable()
        {
            if (TotalBits > 8)
            {
                throw new NotSupportedException("Packed conversions are for formats of at most 8 bits.");
            }
        }

        /// <summary>Packs byte codes of a format of at most 4 bits two per byte: 32 codes to 16 bytes per step.</summary>
        private static void PackNibbles(ReadOnlySpan<byte> codes, Span<byte> destination, SimdWidth width)
        {
            int i = 0;
            if (width is not (SimdWidth.Scalar or SimdWidth.V128) && Vector256.IsHardwareAccelerated)
            {
                ref byte src = ref MemoryMarshal.GetReference(codes);
                ref byte dst = ref MemoryMarshal.GetReference(destination);
                Vector256<ushort> low = Vector256.Create((ushort)0x000F);
                Vector256<ushort> high = Vector256.Create((ushort)0x00F0);
                for (; i <= codes.Length - 64; i += 64)
                {
                    Vector256<ushort> a = Vector256.LoadUnsafe(ref Unsafe.As<byte, ushort>(ref Unsafe.Add(ref src, i)));
                    Vector256<ushort> b = Vector256.LoadUnsafe(ref Unsafe.As<byte, ushort>(ref Unsafe.Add(ref src, i + 32)));
                    a = (a & low) | (Vector256.ShiftRightLogical(a, 4) & high);
                    b = (b & low) | (Vector256.ShiftRightLogical(b, 4) & high);
                    Vector256.Narrow(a, b).StoreUnsafe(ref Unsafe.Add(ref dst, i / 2));
                }
            }

            if (width != SimdWidth.Scalar && Vector128.IsHardwareAccelerated)
            {
                ref byte src = ref MemoryMarshal.GetReference(codes);
                ref byte dst = ref MemoryMarshal.GetReference(destination);
                Vector128<ushort> low = Vector128.Create((ushort)0x000F);
                Vector128<ushort> high = Vector128.Create((ushort)0x00F0);
                for (; i <= codes.Length - 32; i += 32)
                {
                    Vector128<ushort> a = Vector128.LoadUnsafe(ref Unsafe.As<byte, ushort>(ref Unsafe.Add(ref src, i)));
                    Vector128<ushort> b = Vector128.LoadUnsafe(ref Unsafe.As<byte, ushort>(ref Unsafe.Add(ref src, i + 16)));
                    a = (a & low) | (Vector128.ShiftRightLogical(a, 4) & high);
                    b = (b & low) | (Vector128.ShiftRightLogical(b, 4) & high);
                    Vector128.Narrow(a, b).StoreUnsafe(ref Unsafe.Add(ref dst, i / 2));
                }
            }

            PackCore(codes[i..], destination[(i / 2)..]);
        }

        /// <summary>Unpacks nibbles to byte codes: 16 bytes to 32 codes per step.</summary>
        private static void UnpackNibbles(ReadOnlySpan<byte> source, Span<byte> codes, SimdWidth width)
        {
            int i = 0;
            if (width != SimdWidth.Scalar && Vector128.IsHardwareAccelerated)
            {
                ref byte src = ref MemoryMarshal.GetReference(source);
                ref byte dst = ref MemoryMarshal.GetReference(codes);
                Vector128<ushort> low = Vector128.Create((ushort)0x000F);
                Vector128<ushort> high = Vector128.Create((ushort)0x00F0);
                Vector128<ushort> valueMask = Vector128.Create((ushort)(((1 << TotalBits) - 1) * 0x0101));
                for (; i <= codes.Length - 32; i += 32)
                {
                    (Vector128<ushort> a, Vector128<ushort> b) = Vector128.Widen(Vector128.LoadUnsafe(ref Unsafe.Add(ref src, i / 2)));
                    a = ((a & low) | Vector128.ShiftLeft(a & high, 4)) & valueMask;
                    b = ((b & low) | Vector128.ShiftLeft(b & high, 4)) & valueMask;
                    a.StoreUnsafe(ref Unsafe.As<byte, ushort>(ref Unsafe.Add(ref dst, i)));
                    b.StoreUnsafe(ref Unsafe.As<byte, ushort>(ref Unsafe.Add(ref dst, i + 16)));
                }
            }

            UnpackCore(source[(i / 2)..], codes[i..]);
        }

        internal static void FromSingleToPackedCore(ReadOnlySpan<float> source, Span<byte> destination, MidpointRounding rounding, bool saturate, SimdWidth width)
        {
            // 4-bit formats: encode and pack in one pass over whole blocks (an even count), in every rounding mode.
            if (PackedBits == 4)
            {
                int done = Resolve(width) switch
                {
                    SimdWidth.V512 => EncodeSinglesPacked<Vector512x32, Vector512<uint>>(source, destination, rounding, saturate),
                    SimdWidth.V256 => EncodeSinglesPacked<Vector256x32, Vector256<uint>>(source, destination, rounding, saturate),
                    SimdWidth.V128 => EncodeSinglesPacked<Vector128x32, Vector128<uint>>(source, destination, rounding, saturate),
                    _ => 0,
                };
                source = source[done..];
                destination = destination[(done / 2)..];
            }
            else if (PackedBits == 6)
            {
                // FP6: encode and pack four codes into three bytes in one pass (Spans/PackedSixBlocks.cs).
                int done = PackedSixes<TTraits>.Encode(source, destination, rounding, saturate, width);
                source = source[done..];
                destination = destination[(done / 4 * 3)..];
            }

            Span<byte> codes = stackalloc byte[ChunkSize];
            for (int start = 0; start < source.Length; start += ChunkSize)
            {
                int count = Math.Min(ChunkSize, source.Length - start);
                Span<byte> chunk = codes[..count];
                FromSingleCore<byte, NoRandom>(source.Slice(start, count), chunk, rounding, saturate, 0, default, width);
                Span<byte> output = destination[PackedLength(start)..];
                if (PackedBits == 4)
                {
                    PackNibbles(chunk, output, width);
                }
                else
                {
                    PackCore<byte>(chunk, output);
                }
            }
        }

        internal static void PackedToSingleCore(ReadOnlySpan<byte> source, Span<float> destination, SimdWidth width)
        {
            if (PackedBits == 4)
            {
                // FP4 decodes in one block pass (nibbles unpacked in the lanes, streaming stores for large spans).
                int decoded = PackedDecoders.Nibbles<TTraits>(source, destination, width);
                source = source[(decoded / 2)..];
                destination = destination[decoded..];
            }
            else if (PackedBits == 6)
            {
                // FP6 likewise: four codes unpacked from three bytes in the lanes (Spans/PackedSixBlocks.cs).
                int decoded = PackedSixes<TTraits>.Decode(source, destination, width);
                source = source[(decoded / 4 * 3)..];
                destination = destination[decoded..];
            }

            Span<byte> codes = stackalloc byte[ChunkSize];
            for (int start = 0; start < destination.Length; start += ChunkSize)
            {
                int count = Math.Min(ChunkSize, destination.Length - start);
                Span<byte> chunk = codes[..count];
                ReadOnlySpan<byte> input = source[PackedLength(start)..];
                if (PackedBits == 4)
                {
                    UnpackNibbles(input, chunk, width);
                }
                else
                {
                    UnpackCore(input, chunk);
                }

                ToSingleCore<byte>(chunk, destination.Slice(start, count), width);
            }
        }

        // ---------------------------------------------------------------- dispatch

        internal static SimdWidth Resolve(SimdWidth width) => SimdWidths.Resolve(width);

        private static bool CanEncodeSingle<TBits>() => Unsafe.SizeOf<TBits>() <= 4 && FloatVectorKernel<TTraits, Vector128x32, Vector128<uint>>.CanEncode;

        private static bool CanEncodeDouble<TBits>() => Unsafe.SizeOf<TBits>() <= 4 && FloatVectorKernel<TTraits, Vector128x64, Vector128<ulong>>.CanEncode;

        private static bool CanDecode<TBits>() => Unsafe.SizeOf<TBits>() <= 4 && FloatVectorKernel<TTraits, Vector128x32, Vector128<uint>>.CanDecode;

        internal static void FromSingleCore<TBits, TRandom>(ReadOnlySpan<float> source, Span<TBits> destination, MidpointRounding rounding, bool saturate, ulong seed, ReadOnlySpan<uint> randomBits, SimdWidth width)
            where TBits : unmanaged, IBinaryInteger<TBits>
            where TRandom : struct, IRandomSource
        {
            if (TRandom.Kind == 0 && Unsafe.SizeOf<TBits>() == 2 && TopHalfEncoder.Applies<TTraits>())
            {
                // BFloat16's layout rounds in every mode with one add on float's bits (Eigen's trick); the rest below.
                int head = TopHalfEncoder.FromSingle<TTraits>(source, MemoryMarshal.Cast<TBits, ushort>(destination), rounding, saturate, width);
                source = source[head..];
                destination = destination[head..];
            }

            // The in-lane encoder for every rounding mode; the general kernel for stochastic rounding and the formats it leaves out.
            int done = TRandom.Kind == 0 && Unsafe.SizeOf<TBits>() <= 4 ? Resolve(width) switch
            {
                SimdWidth.V512 => EncodeSinglesInLane<Vector512x32, Vector512<uint>, TBits>(source, destination, rounding, saturate),
                SimdWidth.V256 => EncodeSinglesInLane<Vector256x32, Vector256<uint>, TBits>(source, destination, rounding, saturate),
                SimdWidth.V128 => EncodeSinglesInLane<Vector128x32, Vector128<uint>, TBits>(source, destination, rounding, saturate),
                _ => -1,
            } : -1;

            if (done < 0)
            {
                done = CanEncodeSingle<TBits>() ? Resolve(width) switch
                {
                    SimdWidth.V512 => EncodeSingles<Vector512x32, Vector512<uint>, TBits, TRandom>(source, destination, rounding, saturate, seed, randomBits),
                    SimdWidth.V256 => EncodeSingles<Vector256x32, Vector256<uint>, TBits, TRandom>(source, destination, rounding, saturate, seed, randomBits),
                    SimdWidth.V128 => EncodeSingles<Vector128x32, Vector128<uint>, TBits, TRandom>(source, destination, rounding, saturate, seed, randomBits),
                    _ => 0,
                } : 0;
            }

            if (done < source.Length)
            {
                (ulong key0, ulong key1) = TRandom.Kind == 1 ? StochasticBits.Keys(seed) : default;
                for (int i = done; i < source.Length; i++)
                {
                    destination[i] = TBits.CreateTruncating(ScalarFromSingle<TRandom>(source[i], i, rounding, saturate, key0, key1, randomBits));
                }
            }
        }

        internal static void FromDoubleCore<TBits>(ReadOnlySpan<double> source, Span<TBits> destination, MidpointRounding rounding, bool saturate, SimdWidth width)
            where TBits : unmanaged, IBinaryInteger<TBits>
        {
            if (Unsafe.SizeOf<TBits>() == 2 && TopHalfEncoder.Applies<TTraits>())
            {
                // BFloat16: rounded to odd into float, then the top-half add of the float path (Spans/TopHalfEncoder.cs).
                int head = TopHalfEncoder.FromDouble<TTraits>(source, MemoryMarshal.Cast<TBits, ushort>(destination), rounding, saturate, width);
                source = source[head..];
                destination = destination[head..];
            }

            // On AVX-512, through float rounded to odd (exact where float has two more bits than the format); else the
            // in-lane encoder on the 64-bit patterns (one rounding, never through a float rounded to nearest); else the
            // general kernel.
            int done = Unsafe.SizeOf<TBits>() <= 4 && Resolve(width) == SimdWidth.V512 && OddNarrowedDoubleEncodeBlock<TTraits, TiesToEven, TBits, No, No>.Exact
                ? EncodeDoublesThroughSingle(source, destination, rounding, saturate)
                : -1;
            done = done >= 0 ? done : Unsafe.SizeOf<TBits>() <= 4 ? Resolve(width) switch
            {
                SimdWidth.V512 => EncodeDoublesInLane<Vector512x64, Vector512<ulong>, Vector512x32, Vector512<uint>, TBits>(source, destination, rounding, saturate),
                SimdWidth.V256 => EncodeDoublesInLane<Vector256x64, Vector256<ulong>, Vector256x32, Vector256<uint>, TBits>(source, destination, rounding, saturate),
                SimdWidth.V128 => EncodeDoublesInLane<Vector128x64, Vector128<ulong>, Vector128x32, Vector128<uint>, TBits>(source, destination, rounding, saturate),
                _ => -1,
            } : -1;

            if (done < 0)
            {
                done = CanEncodeDouble<TBits>() ? Resolve(width) switch
                {
                    SimdWidth.V512 => EncodeDoubles<Vector512x64, Vector512<ulong>, Vector512x32, Vector512<uint>, TBits>(source, destination, rounding, saturate),
                    SimdWidth.V256 => EncodeDoubles<Vector256x64, Vector256<ulong>, Vector256x32, Vector256<uint>, TBits>(source, destination, rounding, saturate),
                    SimdWidth.V128 => EncodeDoubles<Vector128x64, Vector128<ulong>, Vector128x32, Vector128<uint>, TBits>(source, destination, rounding, saturate),
                    _ => 0,
                } : 0;
            }

            for (int i = done; i < source.Length; i++)
            {
                destination[i] = TBits.CreateTruncating(FloatCodec<TTraits>.FromDouble(source[i], rounding, saturate));
            }
        }

        internal static void FromHalfCore<TBits>(ReadOnlySpan<Half> source, Span<TBits> destination, MidpointRounding rounding, bool saturate, SimdWidth width)
            where TBits : unmanaged, IBinaryInteger<TBits>
        {
            if (Unsafe.SizeOf<TBits>() == 2 && HalfRebiasEncoder.Applies<TTraits>())
            {
                // BFloat16 (every format TopHalfEncoder takes) and other formats holding every Half as a normal number:
                // re-biased in 16-bit lanes, every mode and saturation (Spans/HalfRebiasEncoder.cs). It leaves less than
                // one vector (a span shorter than one, or the end of a conversion in place), or all at scalar width.
                int head = HalfRebiasEncoder.FromHalf<TTraits>(source, MemoryMarshal.Cast<TBits, ushort>(destination), rounding, width);
                source = source[head..];
                destination = destination[head..];
            }

            if (!CanEncodeSingle<TBits>() || Resolve(width) == SimdWidth.Scalar)
            {
                for (int i = 0; i < source.Length; i++)
                {
                    destination[i] = TBits.CreateTruncating(FloatCodec<TTraits>.FromHalf(source[i], rounding, saturate));
                }

                return;
            }

            // Half -> float is exact, so widening first and rounding once from float is rounding once from the Half:
            // fused per block in the in-lane encoder, else through a float buffer and the general kernel.
            int done = Unsafe.SizeOf<TBits>() <= 4 ? Resolve(width) switch
            {
                SimdWidth.V512 => EncodeHalvesInLane<Vector512x32, Vector512<uint>, TBits>(source, destination, rounding, saturate),
                SimdWidth.V256 => EncodeHalvesInLane<Vector256x32, Vector256<uint>, TBits>(source, destination, rounding, saturate),
                SimdWidth.V128 => EncodeHalvesInLane<Vector128x32, Vector128<uint>, TBits>(source, destination, rounding, saturate),
                _ => -1,
            } : -1;

            if (done >= 0)
            {
                for (int i = done; i < source.Length; i++)
                {
                    destination[i] = TBits.CreateTruncating(FloatCodec<TTraits>.FromHalf(source[i], rounding, saturate));
                }

                return;
            }

            Span<float> buffer = stackalloc float[ChunkSize];
            ReadOnlySpan<ushort> halves = MemoryMarshal.Cast<Half, ushort>(source);
            for (int start = 0; start < source.Length; start += ChunkSize)
            {
                int count = Math.Min(ChunkSize, source.Length - start);
                FloatSpan<Binary16Traits>.ToSingleCore(halves.Slice(start, count), buffer[..count], width);
                FromSingleCore<TBits, NoRandom>(buffer[..count], destination.Slice(start, count), rounding, saturate, 0, default, width);
            }
        }

        internal static void ToSingleCore<TBits>(ReadOnlySpan<TBits> source, Span<float> destination, SimdWidth width)
            where TBits : unmanaged, IBinaryInteger<TBits>
        {
            int done = 0;
            if (Unsafe.SizeOf<TBits>() == 2 && TopHalfEncoder.Applies<TTraits>())
            {
                // BFloat16's layout: a widening into the top half, NaN quieted in the 16-bit lanes (Spans/TopHalfDecoder.cs).
                done = TopHalfDecoder.ToSingle<TTraits>(MemoryMarshal.Cast<TBits, ushort>(source), destination, width);
            }

            if (done == 0 && CanDecode<TBits>())
            {
                done = Resolve(width) switch
                {
                    SimdWidth.V512 => DecodeSingles<Vector512x32, Vector512<uint>, TBits>(source, destination),
                    SimdWidth.V256 => DecodeSingles<Vector256x32, Vector256<uint>, TBits>(source, destination),
                    SimdWidth.V128 => DecodeSingles<Vector128x32, Vector128<uint>, TBits>(source, destination),
                    _ => 0,
                };
            }

            for (int i = done; i < source.Length; i++)
            {
                destination[i] = FloatCodec<TTraits>.ToSingle(ulong.CreateTruncating(source[i]) & FloatCodec<TTraits>.CodeMask);
            }
        }

        internal static void ToDoubleCore<TBits>(ReadOnlySpan<TBits> source, Span<double> destination, SimdWidth width)
            where TBits : unmanaged, IBinaryInteger<TBits>
        {
            int done = 0;
            if (CanDecode<TBits>())
            {
                done = Resolve(width) switch
                {
                    SimdWidth.V512 => DecodeDoubles<Vector512x32, Vector512<uint>, Vector512x64, Vector512<ulong>, TBits>(source, destination),
                    SimdWidth.V256 => DecodeDoubles<Vector256x32, Vector256<uint>, Vector256x64, Vector256<ulong>, TBits>(source, destination),
                    SimdWidth.V128 => DecodeDoubles<Vector128x32, Vector128<uint>, Vector128x64, Vector128<ulong>, TBits>(source, destination),
                    _ => 0,
                };
            }

            for (int i = done; i < source.Length; i++)
            {
                destination[i] = FloatCodec<TTraits>.ToDouble(ulong.CreateTruncating(source[i]) & FloatCodec<TTraits>.CodeMask);
            }
        }

        internal static void ToHalfCore<TBits>(ReadOnlySpan<TBits> source, Span<Half> destination, SimdWidth width)
            where TBits : unmanaged, IBinaryInteger<TBits>
        {
            if (!CanDecode<TBits>() || Resolve(width) == SimdWidth.Scalar)
            {
                for (int i = 0; i < source.Length; i++)
                {
                    destination[i] = FloatCodec<TTraits>.ToHalf(ulong.CreateTruncating(source[i]) & FloatCodec<TTraits>.CodeMask);
                }

                return;
            }

            // Every value is an exact float here, so rounding that float to Half once is rounding the value once.
            Span<float> buffer = stackalloc float[ChunkSize];
            Span<ushort> halves = MemoryMarshal.Cast<Half, ushort>(destination);
            for (int start = 0; start < source.Length; start += ChunkSize)
            {
                int count = Math.Min(ChunkSize, source.Length - start);
                ToSingleCore(source.Slice(start, count), buffer[..count], width);
                FloatSpan<Binary16Traits>.FromSingleCore<ushort, NoRandom>(buffer[..count], halves.Slice(start, count), MidpointRounding.ToEven, false, 0, default, width);
            }
        }

        // ---------------------------------------------------------------- vector loops

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ulong ScalarFromSingle<TRandom>(float value, int index, MidpointRounding rounding, bool saturate, ulong key0, ulong key1, ReadOnlySpan<uint> randomBits)
            where TRandom : struct, IRandomSource
        {
            if (TRandom.Kind == 0)
            {
                return FloatCodec<TTraits>.FromSingle(value, rounding, saturate);
            }

            uint bits = TRandom.Kind == 1 ? StochasticBits.Bits((uint)index, key0, key1) : randomBits[index];
            return FromSingleStochastic(value, bits, saturate);
        }

        /// <summary>Codes per 32-bit-lane vector store: 4 vectors narrow to one byte vector, 2 to one ushort vector.</summary>
        private static int VectorsPerStore<TBits>() => Unsafe.SizeOf<TBits>() == 1 ? 4 : Unsafe.SizeOf<TBits>() == 2 ? 2 : 1;

        private static int EncodeSingles<TOps, TV, TBits, TRandom>(ReadOnlySpan<float> source, Span<TBits> destination, MidpointRounding rounding, bool saturate, ulong seed, ReadOnlySpan<uint> randomBits)
            where TOps : struct, ISimd32<TV>
            where TV : struct
            where TBits : unmanaged, IBinaryInteger<TBits>
            where TRandom : struct, IRandomSource
        {
            int lanes = TOps.Count;
            int block = lanes * VectorsPerStore<TBits>();
            if (source.Length < block)
            {
                return 0;
            }

            var k = new FloatVectorKernel<TTraits, TOps, TV>.Constants(rounding, saturate, TRandom.Kind != 0, seed);
            ref byte src = ref SpanBytes.Of(source);
            ref byte dst = ref SpanBytes.Of(destination);
            ref byte rnd = ref SpanBytes.Of(randomBits);
            int i = 0;
            for (; i <= source.Length - block; i += block)
            {
                TV rare;
                if (Unsafe.SizeOf<TBits>() == 1)
                {
                    TV c0 = EncodeAt<TOps, TV, TRandom>(ref src, ref rnd, i, k, out TV r0);
                    TV c1 = EncodeAt<TOps, TV, TRandom>(ref src, ref rnd, i + lanes, k, out TV r1);
                    TV c2 = EncodeAt<TOps, TV, TRandom>(ref src, ref rnd, i + 2 * lanes, k, out TV r2);
                    TV c3 = EncodeAt<TOps, TV, TRandom>(ref src, ref rnd, i + 3 * lanes, k, out TV r3);
                    rare = TOps.Or(TOps.Or(r0, r1), TOps.Or(r2, r3));
                    if (!MayBeRare<TOps, TV>() || !TOps.Any(rare))
                    {
                        TOps.StoreNarrow8(c0, c1, c2, c3, ref Unsafe.Add(ref dst, i));
                        continue;
                    }
                }
                else if (Unsafe.SizeOf<TBits>() == 2)
                {
                    TV c0 = EncodeAt<TOps, TV, TRandom>(ref src, ref rnd, i, k, out TV r0);
                    TV c1 = EncodeAt<TOps, TV, TRandom>(ref src, ref rnd, i + lanes, k, out TV r1);
                    rare = TOps.Or(r0, r1);
                    if (!MayBeRare<TOps, TV>() || !TOps.Any(rare))
                    {
                        TOps.StoreNarrow16(c0, c1, ref Unsafe.Add(ref dst, (nint)i * 2));
                        continue;
                    }
                }
                else
                {
                    TV c0 = EncodeAt<TOps, TV, TRandom>(ref src, ref rnd, i, k, out rare);
                    if (!MayBeRare<TOps, TV>() || !TOps.Any(rare))
                    {
                        TOps.Store(c0, ref Unsafe.Add(ref dst, (nint)i * 4));
                        continue;
                    }
                }

                // A lane the kernel leaves to the scalar codec: convert this block element by element.
                (ulong key0, ulong key1) = (k.Key0, k.Key1);
                for (int j = i; j < i + block; j++)
                {
                    destination[j] = TBits.CreateTruncating(ScalarFromSingle<TRandom>(source[j], j, rounding, saturate, key0, key1, randomBits));
                }
            }

            return i;
        }

        /// <summary>The in-lane encode of floats in <paramref name="rounding"/>; -1 when the encoder does not apply to the format.</summary>
        private static int EncodeSinglesInLane<TOps, TV, TBits>(ReadOnlySpan<float> source, Span<TBits> destination, MidpointRounding rounding, bool saturate)
            where TOps : struct, ISimd32<TV>
            where TV : struct
            where TBits : unmanaged, IBinaryInteger<TBits>
            => LaneEncodeDispatch.Run<SingleRoute<TOps, TV, TBits, No>>(ref SpanBytes.Of(source), ref SpanBytes.Of(destination), source.Length, rounding, saturate);

        /// <summary>The fused encode-and-pack loop of 4-bit formats; returns how many elements (an even number) it did.</summary>
        private static int EncodeSinglesPacked<TOps, TV>(ReadOnlySpan<float> source, Span<byte> destination, MidpointRounding rounding, bool saturate)
            where TOps : struct, ISimd32<TV>
            where TV : struct
            => Math.Max(0, LaneEncodeDispatch.Run<SingleRoute<TOps, TV, byte, Yes>>(ref SpanBytes.Of(source), ref SpanBytes.Of(destination), source.Length, rounding, saturate));

        /// <summary>The in-lane encode of doubles (64-bit lanes) in <paramref name="rounding"/>; -1 when the encoder does not apply.</summary>
        private static int EncodeDoublesInLane<TOps, TV, TOps32, TV32, TBits>(ReadOnlySpan<double> source, Span<TBits> destination, MidpointRounding rounding, bool saturate)
            where TOps : struct, ISimd64<TV, TV32>
            where TV : struct
            where TOps32 : struct, ISimd32<TV32>
            where TV32 : struct
            where TBits : unmanaged, IBinaryInteger<TBits>
            => LaneEncodeDispatch.Run<DoubleRoute<TOps, TV, TOps32, TV32, TBits>>(ref SpanBytes.Of(source), ref SpanBytes.Of(destination), source.Length, rounding, saturate);

        /// <summary>The encode of doubles rounded to odd as floats (AVX-512) in <paramref name="rounding"/>; -1 when the float encoder does not apply.</summary>
        private static int EncodeDoublesThroughSingle<TBits>(ReadOnlySpan<double> source, Span<TBits> destination, MidpointRounding rounding, bool saturate)
            where TBits : unmanaged, IBinaryInteger<TBits>
            => LaneEncodeDispatch.Run<OddNarrowedDoubleRoute<TBits>>(ref SpanBytes.Of(source), ref SpanBytes.Of(destination), source.Length, rounding, saturate);

        /// <summary>
        /// The fused widen-and-encode of Half values in <paramref name="rounding"/>: on the Half's fields at float's
        /// places where the lane encoder takes them (one shift per vector), else on Halves widened exactly; -1 when
        /// neither applies.
        /// </summary>
        private static int EncodeHalvesInLane<TOps, TV, TBits>(ReadOnlySpan<Half> source, Span<TBits> destination, MidpointRounding rounding, bool saturate)
            where TOps : struct, ISimd32<TV>
            where TV : struct
            where TBits : unmanaged, IBinaryInteger<TBits>
        {
            int done = LaneEncodeDispatch.Run<HalfRoute<TOps, TV, TBits, HalfFieldLanes>>(ref SpanBytes.Of(source), ref SpanBytes.Of(destination), source.Length, rounding, saturate);
            return done >= 0 ? done : LaneEncodeDispatch.Run<HalfRoute<TOps, TV, TBits, NativeLanes>>(ref SpanBytes.Of(source), ref SpanBytes.Of(destination), source.Length, rounding, saturate);
        }



        private static bool MayBeRare<TOps, TV>()
            where TOps : struct, ISimd<TV>
            where TV : struct
            => TTraits.MinNormalExponent < (TOps.LaneBits == 32 ? -126 : -1022);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static TV EncodeAt<TOps, TV, TRandom>(ref byte source, ref byte randomBits, int index, in FloatVectorKernel<TTraits, TOps, TV>.Constants k, out TV rare)
            where TOps : struct, ISimd32<TV>
            where TV : struct
            where TRandom : struct, IRandomSource
        {
            TV x = TOps.Load(ref Unsafe.Add(ref source, (nint)index * 4));
            TV random = TRandom.Kind == 0 ? default
                : TRandom.Kind == 1 ? StochasticBits.Bits<TOps, TV>(index, k.Key0, k.Key1)
                : TOps.Load(ref Unsafe.Add(ref randomBits, (nint)index * 4));
            return FloatVectorKernel<TTraits, TOps, TV>.Encode(x, k, TRandom.Kind != 0, random, out rare);
        }

        private static int EncodeDoubles<TOps, TV, TOps32, TV32, TBits>(ReadOnlySpan<double> source, Span<TBits> destination, MidpointRounding rounding, bool saturate)
            where TOps : struct, ISimd64<TV, TV32>
            where TV : struct
            where TOps32 : struct, ISimd32<TV32>
            where TV32 : struct
            where TBits : unmanaged, IBinaryInteger<TBits>
        {
            int lanes = TOps32.Count;
            int block = lanes * VectorsPerStore<TBits>();
            if (source.Length < block)
            {
                return 0;
            }

            var k = new FloatVectorKernel<TTraits, TOps, TV>.Constants(rounding, saturate, false, 0);
            ref byte src = ref SpanBytes.Of(source);
            ref byte dst = ref SpanBytes.Of(destination);
            bool anyRare = false;
            int i = 0;
            for (; i <= source.Length - block; i += block)
            {
                if (Unsafe.SizeOf<TBits>() == 1)
                {
                    TV32 c0 = EncodePair<TOps, TV, TV32>(ref src, i, k, ref anyRare);
                    TV32 c1 = EncodePair<TOps, TV, TV32>(ref src, i + lanes, k, ref anyRare);
                    TV32 c2 = EncodePair<TOps, TV, TV32>(ref src, i + 2 * lanes, k, ref anyRare);
                    TV32 c3 = EncodePair<TOps, TV, TV32>(ref src, i + 3 * lanes, k, ref anyRare);
                    if (!anyRare)
                    {
                        TOps32.StoreNarrow8(c0, c1, c2, c3, ref Unsafe.Add(ref dst, i));
                        continue;
                    }
                }
                else if (Unsafe.SizeOf<TBits>() == 2)
                {
                    TV32 c0 = EncodePair<TOps, TV, TV32>(ref src, i, k, ref anyRare);
                    TV32 c1 = EncodePair<TOps, TV, TV32>(ref src, i + lanes, k, ref anyRare);
                    if (!anyRare)
                    {
                        TOps32.StoreNarrow16(c0, c1, ref Unsafe.Add(ref dst, (nint)i * 2));
                        continue;
                    }
                }
                else
                {
                    TV32 c0 = EncodePair<TOps, TV, TV32>(ref src, i, k, ref anyRare);
                    if (!anyRare)
                    {
                        TOps32.Store(c0, ref Unsafe.Add(ref dst, (nint)i * 4));
                        continue;
                    }
                }

                anyRare = false;
                for (int j = i; j < i + block; j++)
                {
                    destination[j] = TBits.CreateTruncating(FloatCodec<TTraits>.FromDouble(source[j], rounding, saturate));
                }
            }

            return i;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static TV32 EncodePair<TOps, TV, TV32>(ref byte source, int index, in FloatVectorKernel<TTraits, TOps, TV>.Constants k, ref bool anyRare)
            where TOps : struct, ISimd64<TV, TV32>
            where TV : struct
            where TV32 : struct
        {
            TV low = FloatVectorKernel<TTraits, TOps, TV>.Encode(TOps.Load(ref Unsafe.Add(ref source, (nint)index * 8)), k, false, default, out TV rareLow);
            TV high = FloatVectorKernel<TTraits, TOps, TV>.Encode(TOps.Load(ref Unsafe.Add(ref source, ((nint)index + TOps.Count) * 8)), k, false, default, out TV rareHigh);
            if (MayBeRare<TOps, TV>())
            {
                anyRare |= TOps.Any(TOps.Or(rareLow, rareHigh));
            }

            return TOps.NarrowTo32(low, high);
        }

        /// <summary>The decode loop, out of line so that its kernel gets the JIT's full inlining budget.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static int DecodeSingles<TOps, TV, TBits>(ReadOnlySpan<TBits> source, Span<float> destination)
            where TOps : struct, ISimd32<TV>
            where TV : struct
            where TBits : unmanaged, IBinaryInteger<TBits>
            => BlockLoop.Run(
                ref SpanBytes.Of(source),
                ref SpanBytes.Of(destination),
                source.Length,
                default(DecodeBlock<TTraits, TOps, TV, TBits>));

        private static int DecodeDoubles<TOps, TV, TOps64, TV64, TBits>(ReadOnlySpan<TBits> source, Span<double> destination)
            where TOps : struct, ISimd32<TV>
            where TV : struct
            where TOps64 : struct, ISimd64<TV64, TV>
            where TV64 : struct
            where TBits : unmanaged, IBinaryInteger<TBits>
        {
            int lanes = TOps.Count;
            int block = lanes * VectorsPerStore<TBits>();
            ref byte src = ref SpanBytes.Of(source);
            ref byte dst = ref SpanBytes.Of(destination);
            int i = 0;
            for (; i <= source.Length - block; i += block)
            {
                ref byte output = ref Unsafe.Add(ref dst, (nint)i * 8);
                if (Unsafe.SizeOf<TBits>() == 1)
                {
                    TOps.LoadWiden8(ref Unsafe.Add(ref src, i), out TV a, out TV b, out TV c, out TV d);
                    StoreDoubles<TOps, TV, TOps64, TV64>(a, ref output);
                    StoreDoubles<TOps, TV, TOps64, TV64>(b, ref Unsafe.Add(ref output, lanes * 8));
                    StoreDoubles<TOps, TV, TOps64, TV64>(c, ref Unsafe.Add(ref output, lanes * 16));
                    StoreDoubles<TOps, TV, TOps64, TV64>(d, ref Unsafe.Add(ref output, lanes * 24));
                }
                else if (Unsafe.SizeOf<TBits>() == 2)
                {
                    TOps.LoadWiden16(ref Unsafe.Add(ref src, (nint)i * 2), out TV a, out TV b);
                    StoreDoubles<TOps, TV, TOps64, TV64>(a, ref output);
                    StoreDoubles<TOps, TV, TOps64, TV64>(b, ref Unsafe.Add(ref output, lanes * 8));
                }
                else
                {
                    // In place (uint codes to double) cannot happen: the element sizes differ, so the spans do not overlap.
                    StoreDoubles<TOps, TV, TOps64, TV64>(TOps.Load(ref Unsafe.Add(ref src, (nint)i * 4)), ref output);
                }
            }

            return i;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void StoreDoubles<TOps, TV, TOps64, TV64>(TV codes, ref byte destination)
            where TOps : struct, ISimd32<TV>
            where TV : struct
            where TOps64 : struct, ISimd64<TV64, TV>
            where TV64 : struct
        {
            TOps64.WidenSingleToDouble(FloatVectorKernel<TTraits, TOps, TV>.Decode(codes), out TV64 low, out TV64 high);
            TOps64.Store(low, ref destination);
            TOps64.Store(high, ref Unsafe.Add(ref destination, TOps64.Count * 8));
        }
    }
}
