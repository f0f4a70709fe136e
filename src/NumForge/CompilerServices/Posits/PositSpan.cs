using System;
using System.ComponentModel;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using NumForge.CompilerServices.Spans;

namespace NumForge.CompilerServices
{
    /// <summary>
    /// Span conversions of one posit format, generic over its traits and over the bit container <typeparamref name="TTraits"/>'s
    /// codes live in (generated <c>ConvertFrom</c>/<c>ConvertTo</c> forward here over <c>MemoryMarshal.Cast&lt;X, TBits&gt;</c>).
    /// Argument rules follow TensorPrimitives: a destination shorter than the source throws <see cref="ArgumentException"/>,
    /// and so do overlapping spans (other than in place with elements of the same size). Formats of 16 bits or fewer
    /// decode through a table (built on first use).
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static partial class PositSpan<TTraits>
        where TTraits : struct, IPositTraits
    {
        /// <summary>
        /// Rounds floats to codes, one rounding each (NaN and ±∞ give NaR). Posits of at most 16 bits in byte or
        /// ushort codes run the vector encoder (<see cref="PositVectorEncoder{TTraits, TOps, TV}"/>).
        /// </summary>
        public static void ConvertFromSingle<TBits>(ReadOnlySpan<float> source, Span<TBits> destination)
            where TBits : unmanaged, IBinaryInteger<TBits>
        {
            SpanChecks.ValidateConversion(source, destination);
            FromSingleCore(source, destination, SimdWidth.Auto);
        }

        /// <summary>The conversion behind <see cref="ConvertFromSingle{TBits}"/> at a chosen vector width (tests pin each).</summary>
        internal static void FromSingleCore<TBits>(ReadOnlySpan<float> source, Span<TBits> destination, SimdWidth width)
            where TBits : unmanaged, IBinaryInteger<TBits>
        {
            int done = SimdWidths.Resolve(width) switch
            {
                SimdWidth.V512 => EncodeSingles<Vector512x32, Vector512<uint>, TBits>(source, destination),
                SimdWidth.V256 => EncodeSingles<Vector256x32, Vector256<uint>, TBits>(source, destination),
                SimdWidth.V128 => EncodeSingles<Vector128x32, Vector128<uint>, TBits>(source, destination),
                _ => 0,
            };
            for (int i = done; i < source.Length; i++)
            {
                destination[i] = TBits.CreateTruncating(PositCodec<TTraits>.FromDouble(source[i]));
            }
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static int EncodeSingles<TOps, TV, TBits>(ReadOnlySpan<float> source, Span<TBits> destination)
            where TOps : struct, ISimd32<TV>
            where TV : struct
            where TBits : unmanaged, IBinaryInteger<TBits>
            => PositEncodeBlock<TTraits, TOps, TV, TBits>.Applies
                ? BlockLoop.Run(
                    ref SpanBytes.Of(source),
                    ref SpanBytes.Of(destination),
                    source.Length,
                    default(PositEncodeBlock<TTraits, TOps, TV, TBits>))
                : 0;

        /// <summary>Rounds doubles to codes, one rounding each.</summary>
        public static void ConvertFromDouble<TBits>(ReadOnlySpan<double> source, Span<TBits> destination)
            where TBits : unmanaged, IBinaryInteger<TBits>
        {
            SpanChecks.ValidateConversion(source, destination);
            for (int i = 0; i < source.Length; i++)
            {
                destination[i] = TBits.CreateTruncating(PositCodec<TTraits>.FromDouble(source[i]));
            }
        }

        /// <summary>Rounds Half values to codes, one rounding each (through float, which holds every Half exactly).</summary>
        public static void ConvertFromHalf<TBits>(ReadOnlySpan<Half> source, Span<TBits> destination)
            where TBits : unmanaged, IBinaryInteger<TBits>
        {
            SpanChecks.ValidateConversion(source, destination);
            const int Chunk = 1024;
            Span<float> buffer = stackalloc float[Chunk];
            ReadOnlySpan<ushort> halves = MemoryMarshal.Cast<Half, ushort>(source);
            for (int start = 0; start < source.Length; start += Chunk)
            {
                int count = Math.Min(Chunk, source.Length - start);
                FloatSpan<Binary16Traits>.ToSingleCore(halves.Slice(start, count), buffer[..count], SimdWidth.Auto);
                FromSingleCore(buffer[..count], destination.Slice(start, count), SimdWidth.Auto);
            }
        }

        /// <summary>
        /// Decodes codes to floats (correctly rounded; exact when the format fits in float). NaR gives NaN. Posits of at
        /// most 16 bits read a table, eight codes per gather where AVX2 has one.
        /// </summary>
        public static void ConvertToSingle<TBits>(ReadOnlySpan<TBits> source, Span<float> destination)
            where TBits : unmanaged, IBinaryInteger<TBits>
        {
            SpanChecks.ValidateConversion(source, destination);
            if (TTraits.Bits <= 16)
            {
                int done = Avx2.IsSupported && Unsafe.SizeOf<TBits>() <= 2 ? GatherSingles(source, destination) : 0;
                ref float table = ref MemoryMarshal.GetArrayDataReference(SingleTable.Values);
                for (int i = done; i < source.Length; i++)
                {
                    destination[i] = Unsafe.Add(ref table, (nint)(ulong.CreateTruncating(source[i]) & TTraits.CodeMask));
                }

                return;
            }

            for (int i = 0; i < source.Length; i++)
            {
                destination[i] = PositCodec<TTraits>.ToSingle(ulong.CreateTruncating(source[i]) & TTraits.CodeMask);
            }
        }

        /// <summary>Decodes codes to doubles (exact unless n - 3 - es &gt; 52, then correctly rounded). NaR gives NaN.</summary>
        public static void ConvertToDouble<TBits>(ReadOnlySpan<TBits> source, Span<double> destination)
            where TBits : unmanaged, IBinaryInteger<TBits>
        {
            SpanChecks.ValidateConversion(source, destination);
            for (int i = 0; i < source.Length; i++)
            {
                destination[i] = PositCodec<TTraits>.ToDouble(ulong.CreateTruncating(source[i]) & TTraits.CodeMask);
            }
        }

        /// <summary>Decodes codes to Half values, correctly rounded. NaR gives NaN.</summary>
        public static void ConvertToHalf<TBits>(ReadOnlySpan<TBits> source, Span<Half> destination)
            where TBits : unmanaged, IBinaryInteger<TBits>
        {
            SpanChecks.ValidateConversion(source, destination);
            for (int i = 0; i < source.Length; i++)
            {
                destination[i] = PositCodec<TTraits>.ToHalf(ulong.CreateTruncating(source[i]) & TTraits.CodeMask);
            }
        }

        /// <summary>Σ a[i] × b[i] through the quire, rounded once (see <see cref="QuireCodec{TTraits}.DotProduct{TBits}"/>).</summary>
        public static ulong DotProduct<TBits>(ReadOnlySpan<TBits> a, ReadOnlySpan<TBits> b)
            where TBits : unmanaged, IBinaryInteger<TBits>
            => QuireCodec<TTraits>.DotProduct(a, b);

        /// <summary>
        /// The table decode eight codes at a time with AVX2's gather (x86 only: .NET has no portable vector gather).
        /// Returns how many elements it converted; the caller's scalar table loop does the rest.
        /// </summary>
        private static unsafe int GatherSingles<TBits>(ReadOnlySpan<TBits> source, Span<float> destination)
            where TBits : unmanaged, IBinaryInteger<TBits>
        {
            int i = 0;
            Vector256<int> codeMask = Vector256.Create((int)TTraits.CodeMask);
            ref byte codes = ref SpanBytes.Of(source);
            ref float output = ref MemoryMarshal.GetReference(destination);
            fixed (float* table = SingleTable.Values)
            {
                for (; i <= source.Length - 8; i += 8)
                {
                    Vector256<int> index = Unsafe.SizeOf<TBits>() == 1
                        ? Avx2.ConvertToVector256Int32(Vector128.CreateScalarUnsafe(Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref codes, i))).AsByte())
                        : Avx2.ConvertToVector256Int32(Vector128.LoadUnsafe(ref Unsafe.As<byte, ushort>(ref Unsafe.Add(ref codes, i * 2))));
                    Avx2.GatherVector256(table, index & codeMask, 4).StoreUnsafe(ref output, (nuint)i);
                }
            }

            return i;
        }

        private static class SingleTable
        {
            public static readonly float[] Values = Build();

            private static float[] Build()
            {
                var table = new float[1 << TTraits.Bits];
                for (int code = 0; code < table.Length; code++)
                {
                    table[code] = PositCodec<TTraits>.ToSingle((ulong)code);
                }

                return table;
            }
        }
    }
}
