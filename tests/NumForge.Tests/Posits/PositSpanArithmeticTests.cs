using System;
using System.Collections.Generic;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using NumForge.CompilerServices;
using NumForge.CompilerServices.Spans;
using Xunit;

namespace NumForge.Tests.Posits
{
    /// <summary>
    /// Span-wise Add, Multiply and FusedMultiplyAdd against the scalar kernels element by element, at every vector width
    /// (the posit16 lanes decode to float and round to odd: these tests are what holds them to the scalar bits), on
    /// every code against adversarial partners (itself, its negation, its neighbours, minpos, maxpos, 0, NaR: exact
    /// cancellations, sums a hair from a rounding midpoint, saturation) and on random spans with tails.
    /// </summary>
    public class PositSpanArithmeticTests
    {
        public static IEnumerable<object[]> Widths() => new[]
        {
            new object[] { (int)SimdWidth.Scalar },
            new object[] { (int)SimdWidth.V128 },
            new object[] { (int)SimdWidth.V256 },
            new object[] { (int)SimdWidth.V512 },
        };

        [Theory]
        [MemberData(nameof(Widths))]
        public void Sixteen_bit_lanes_match_the_scalar_kernels_on_every_code(int widthValue)
        {
            var width = (SimdWidth)widthValue;
            Assert.Null(EveryCode<P16E1>(width));
            Assert.Null(EveryCode<P16E2>(width));
            Assert.Null(EveryCode<P16E0>(width));
        }

        [Theory]
        [MemberData(nameof(Widths))]
        public void Other_widths_match_the_scalar_kernels_on_random_spans(int widthValue)
        {
            var width = (SimdWidth)widthValue;
            Assert.Null(RandomSpans<P10E1, ushort>(width, 5));
            Assert.Null(RandomSpans<P12E3, ushort>(width, 6));
            Assert.Null(RandomSpans<P8E0, byte>(width, 7));
            Assert.Null(RandomSpans<P8E2, byte>(width, 8));
            Assert.Null(RandomSpans<P32E2, uint>(width, 9));
            Assert.Null(RandomSpans<P16E1, ushort>(width, 10));
            Assert.Null(RandomSpans<P16E2, ushort>(width, 11));
        }

        [Fact]
        public void The_table_free_lane_decoder_gives_every_codes_float()
        {
            Assert.Null(DecodeEveryCode<P16E1, Vector128x32, Vector128<uint>>());
            Assert.Null(DecodeEveryCode<P16E2, Vector256x32, Vector256<uint>>());
            Assert.Null(DecodeEveryCode<P16E0, Vector512x32, Vector512<uint>>());
            Assert.Null(DecodeEveryCode<P10E1, Vector256x32, Vector256<uint>>());
            Assert.Null(DecodeEveryCode<P16E1, Vector512x32, Vector512<uint>>());
        }

        private static string? DecodeEveryCode<T, TOps, TV>()
            where T : struct, IPositTraits
            where TOps : struct, ISimd32<TV>
            where TV : struct
        {
            var codes = new uint[1 << T.Bits];
            var bits = new uint[codes.Length];
            for (int i = 0; i < codes.Length; i++)
            {
                codes[i] = (uint)i;
            }

            for (int i = 0; i < codes.Length; i += TOps.Count)
            {
                TV decoded = PositLaneArithmetic<T, TOps, TV>.Decode(TOps.Load(ref MemoryMarshal.AsBytes(codes.AsSpan(i))[0]));
                TOps.Store(decoded, ref MemoryMarshal.AsBytes(bits.AsSpan(i))[0]);
            }

            for (int i = 0; i < codes.Length; i++)
            {
                uint want = BitConverter.SingleToUInt32Bits(PositCodec<T>.ToSingle((ulong)i));
                if (bits[i] != want && !(float.IsNaN(BitConverter.UInt32BitsToSingle(want)) && float.IsNaN(BitConverter.UInt32BitsToSingle(bits[i]))))
                {
                    return $"{typeof(T).Name} {typeof(TV).Name}: code {i:X} gave {bits[i]:X8}, want {want:X8}";
                }
            }

            return null;
        }

        [Fact]
        public void The_lanes_cover_the_catalog_posit16s()
        {
            Assert.True(PositLaneArithmetic<Posit16.Traits, Vector128x32, System.Runtime.Intrinsics.Vector128<uint>>.Applies);
            Assert.True(PositLaneArithmetic<Posit16E1.Traits, Vector128x32, System.Runtime.Intrinsics.Vector128<uint>>.Applies);
            Assert.False(PositLaneArithmetic<P12E3, Vector128x32, System.Runtime.Intrinsics.Vector128<uint>>.Applies);
        }

        [Fact]
        public void Fused_multiply_add_matches_the_scalar_kernel()
        {
            Assert.Null(FusedRandom<P16E1, ushort>(21));
            Assert.Null(FusedRandom<P16E2, ushort>(22));
            Assert.Null(FusedRandom<P8E0, byte>(23));
            Assert.Null(FusedRandom<P32E2, uint>(24));
        }

        [Fact]
        public void Generated_types_match_their_operators()
        {
            CheckGeneratedSurface<Posit16E1, ushort>(Posit16E1.Add, Posit16E1.Multiply, Posit16E1.FusedMultiplyAdd, Posit16E1.FusedMultiplyAdd);
            CheckGeneratedSurface<Posit16, ushort>(Posit16.Add, Posit16.Multiply, Posit16.FusedMultiplyAdd, Posit16.FusedMultiplyAdd);
            CheckGeneratedSurface<Posit32, uint>(Posit32.Add, Posit32.Multiply, Posit32.FusedMultiplyAdd, Posit32.FusedMultiplyAdd);
            CheckGeneratedSurface<Posit8, byte>(Posit8.Add, Posit8.Multiply, Posit8.FusedMultiplyAdd, Posit8.FusedMultiplyAdd);
        }

        private delegate void Binary<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> destination);

        private delegate void Ternary<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, ReadOnlySpan<T> addend, Span<T> destination);

        // The generated span members against the generated operators, element by element.
        private static void CheckGeneratedSurface<T, TBits>(Binary<T> add, Binary<T> multiply, Ternary<T> fused, Func<T, T, T, T> scalarFused)
            where T : struct, INumericFormat<T, TBits>, INumber<T>
            where TBits : unmanaged, IBinaryInteger<TBits>, IUnsignedNumber<TBits>
        {
            static T fromBits(long bits) => T.FromBits(TBits.CreateTruncating(bits));
            var random = new Random(31);
            var x = new T[1000];
            var y = new T[1000];
            var z = new T[1000];
            for (int i = 0; i < x.Length; i++)
            {
                x[i] = fromBits(random.NextInt64());
                y[i] = fromBits(random.NextInt64());
                z[i] = fromBits(random.NextInt64());
            }

            var sum = new T[x.Length];
            var product = new T[x.Length];
            var result = new T[x.Length];
            add(x, y, sum);
            multiply(x, y, product);
            fused(x, y, z, result);
            for (int i = 0; i < x.Length; i++)
            {
                Assert.Equal((x[i] + y[i]).ToBits(), sum[i].ToBits());
                Assert.Equal((x[i] * y[i]).ToBits(), product[i].ToBits());
                Assert.Equal(scalarFused(x[i], y[i], z[i]).ToBits(), result[i].ToBits());
            }
        }

        [Fact]
        public void In_place_works_and_bad_arguments_throw()
        {
            var random = new Random(41);
            var x = new ushort[301];
            var y = new ushort[301];
            for (int i = 0; i < x.Length; i++)
            {
                x[i] = (ushort)random.Next(65536);
                y[i] = (ushort)random.Next(65536);
            }

            var expected = new ushort[x.Length];
            for (int i = 0; i < x.Length; i++)
            {
                expected[i] = (ushort)PositCodec<P16E1>.Add(x[i], y[i]);
            }

            var inPlace = (ushort[])x.Clone();
            PositSpan<P16E1>.Add<ushort>(inPlace, y, inPlace);
            Assert.Equal(expected, inPlace);

            var buffer = new ushort[400];
            Assert.Throws<ArgumentException>(() => PositSpan<P16E1>.Add<ushort>(x, y.AsSpan(1), new ushort[301]));
            Assert.Throws<ArgumentException>(() => PositSpan<P16E1>.Multiply<ushort>(x, y, new ushort[300]));
            Assert.Throws<ArgumentException>(() => PositSpan<P16E1>.FusedMultiplyAdd<ushort>(x, y, y.AsSpan(2), new ushort[301]));
            Assert.Throws<ArgumentException>(() => PositSpan<P16E1>.Add<ushort>(buffer.AsSpan(0, 301), y, buffer.AsSpan(1, 301)));
            Assert.Throws<ArgumentException>(() => PositSpan<P16E1>.Multiply<ushort>(x, buffer.AsSpan(2, 301), buffer.AsSpan(0, 301)));
        }

        /// <summary>Every code as x against partners: itself, its negation, code ± 1, minpos, maxpos (both signs), 0, NaR, 1, and random codes.</summary>
        private static string? EveryCode<T>(SimdWidth width)
            where T : struct, IPositTraits
        {
            ulong mask = T.CodeMask;
            var random = new Random(T.Bits * 7 + T.ExponentBits);
            int count = 1 << T.Bits;
            var x = new ushort[count];
            var y = new ushort[count];
            var sum = new ushort[count];
            var product = new ushort[count];
            for (int partner = 0; partner < 16; partner++)
            {
                for (int code = 0; code < count; code++)
                {
                    ulong c = (ulong)code;
                    ulong other = partner switch
                    {
                        0 => c,
                        1 => (0 - c) & mask,
                        2 => (c + 1) & mask,
                        3 => (0 - c - 1) & mask,
                        4 => 1,
                        5 => mask,
                        6 => T.MaxPosCode,
                        7 => (0 - T.MaxPosCode) & mask,
                        8 => 0,
                        9 => T.NaRCode,
                        10 => T.NaRCode >> 1,
                        11 => (c ^ 1) & mask,
                        12 => (0 - (c ^ 1)) & mask,
                        _ => (ulong)random.Next(count),
                    };
                    x[code] = (ushort)c;
                    y[code] = (ushort)other;
                }

                PositSpan<T>.BinaryCore<ushort, AddLanes>(x, y, sum, width);
                PositSpan<T>.BinaryCore<ushort, MultiplyLanes>(y, x, product, width);
                for (int i = 0; i < count; i++)
                {
                    if (sum[i] != PositCodec<T>.Add(x[i], y[i]) || sum[i] != PositCodec<T>.AddExact(x[i], y[i]))
                    {
                        return $"{typeof(T).Name} {width}: {x[i]:X} + {y[i]:X} gave {sum[i]:X}, want {PositCodec<T>.AddExact(x[i], y[i]):X}";
                    }

                    if (product[i] != PositCodec<T>.Multiply(y[i], x[i]) || product[i] != PositCodec<T>.MultiplyExact(y[i], x[i]))
                    {
                        return $"{typeof(T).Name} {width}: {y[i]:X} × {x[i]:X} gave {product[i]:X}, want {PositCodec<T>.MultiplyExact(y[i], x[i]):X}";
                    }
                }
            }

            return null;
        }

        /// <summary>Random codes (a third of them near 1, where cancellations are common) on spans of every length up to 100 and one long one.</summary>
        private static string? RandomSpans<T, TBits>(SimdWidth width, int seed)
            where T : struct, IPositTraits
            where TBits : unmanaged, IBinaryInteger<TBits>
        {
            var random = new Random(seed);
            foreach (int length in Lengths())
            {
                var x = new TBits[length];
                var y = new TBits[length];
                for (int i = 0; i < length; i++)
                {
                    x[i] = RandomCode<T, TBits>(random);
                    y[i] = random.Next(3) == 0 ? TBits.CreateTruncating((0 - ulong.CreateTruncating(x[i]) + (ulong)random.Next(-2, 3)) & T.CodeMask) : RandomCode<T, TBits>(random);
                }

                var sum = new TBits[length];
                var product = new TBits[length];
                PositSpan<T>.BinaryCore<TBits, AddLanes>(x, y, sum, width);
                PositSpan<T>.BinaryCore<TBits, MultiplyLanes>(x, y, product, width);
                for (int i = 0; i < length; i++)
                {
                    ulong a = ulong.CreateTruncating(x[i]), b = ulong.CreateTruncating(y[i]);
                    if (ulong.CreateTruncating(sum[i]) != PositCodec<T>.AddExact(a, b) || ulong.CreateTruncating(product[i]) != PositCodec<T>.MultiplyExact(a, b))
                    {
                        return $"{typeof(T).Name} {width} length {length} at {i}: {a:X}, {b:X} gave {sum[i]:X}/{product[i]:X}";
                    }
                }
            }

            return null;
        }

        private static string? FusedRandom<T, TBits>(int seed)
            where T : struct, IPositTraits
            where TBits : unmanaged, IBinaryInteger<TBits>
        {
            var random = new Random(seed);
            foreach (int length in Lengths())
            {
                var x = new TBits[length];
                var y = new TBits[length];
                var z = new TBits[length];
                for (int i = 0; i < length; i++)
                {
                    x[i] = RandomCode<T, TBits>(random);
                    y[i] = RandomCode<T, TBits>(random);
                    z[i] = RandomCode<T, TBits>(random);
                }

                var fused = new TBits[length];
                PositSpan<T>.FusedMultiplyAdd<TBits>(x, y, z, fused);
                for (int i = 0; i < length; i++)
                {
                    ulong want = PositCodec<T>.FusedMultiplyAddExact(ulong.CreateTruncating(x[i]), ulong.CreateTruncating(y[i]), ulong.CreateTruncating(z[i]));
                    if (ulong.CreateTruncating(fused[i]) != want)
                    {
                        return $"{typeof(T).Name} length {length} at {i}: gave {fused[i]:X}, want {want:X}";
                    }
                }
            }

            return null;
        }

        private static IEnumerable<int> Lengths()
        {
            for (int length = 0; length <= 100; length++)
            {
                yield return length;
            }

            yield return 5003;
        }

        private static TBits RandomCode<T, TBits>(Random random)
            where T : struct, IPositTraits
            where TBits : unmanaged, IBinaryInteger<TBits>
        {
            ulong code = random.Next(3) == 0
                ? (T.NaRCode >> 1) + (ulong)random.Next(-64, 64)
                : (ulong)random.NextInt64() & T.CodeMask;
            return TBits.CreateTruncating(random.Next(2) == 0 ? code & T.CodeMask : (0 - code) & T.CodeMask);
        }
    }
}
