using System;
using System.Collections.Generic;
using System.Numerics;
using NumForge.CompilerServices;
using NumForge.CompilerServices.Spans;
using Xunit;

namespace NumForge.Tests.Posits
{
    /// <summary>
    /// Span FusedMultiplyAdd in the posit16 lanes (double lanes, rounded to odd, then the vector encoder) against the
    /// scalar kernel and its exact 128-bit twin element by element, at every vector width forced in process: every
    /// code against adversarial partners (cancellations to zero and to a hair from zero, z one code either side of
    /// -x×y, minpos, maxpos, NaR, 0, 1) and random spans with tails.
    /// </summary>
    public class PositSpanFusedTests
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
        public void Sixteen_bit_lanes_match_the_scalar_kernel_on_every_code(int widthValue)
        {
            var width = (SimdWidth)widthValue;
            if (!Supported(width))
            {
                return;
            }

            Assert.Null(EveryCode<P16E1>(width, partners: 20));
            Assert.Null(EveryCode<P16E2>(width, partners: 20));
            Assert.Null(EveryCode<P16E0>(width, partners: 8));
        }

        [Theory]
        [MemberData(nameof(Widths))]
        public void Random_spans_of_every_length_match_the_scalar_kernel(int widthValue)
        {
            var width = (SimdWidth)widthValue;
            if (!Supported(width))
            {
                return;
            }

            Assert.Null(RandomSpans<P16E1, ushort>(width, 51));
            Assert.Null(RandomSpans<P16E2, ushort>(width, 52));
            Assert.Null(RandomSpans<P10E1, ushort>(width, 53));
            Assert.Null(RandomSpans<P12E3, ushort>(width, 54));
            Assert.Null(RandomSpans<P8E0, byte>(width, 55));
            Assert.Null(RandomSpans<P32E2, uint>(width, 56));
        }

        [Fact]
        public void In_place_gives_the_same_results()
        {
            var random = new Random(57);
            var x = new ushort[333];
            var y = new ushort[333];
            var z = new ushort[333];
            var expected = new ushort[333];
            for (int i = 0; i < x.Length; i++)
            {
                (x[i], y[i], z[i]) = ((ushort)random.Next(65536), (ushort)random.Next(65536), (ushort)random.Next(65536));
                expected[i] = (ushort)PositCodec<P16E1>.FusedMultiplyAdd(x[i], y[i], z[i]);
            }

            PositSpan<P16E1>.FusedMultiplyAdd<ushort>(x, y, z, z);
            Assert.Equal(expected, z);
        }

        /// <summary>Runs many (x, y, z) of every code x over all 65536 codes with many random partners.</summary>
        [Fact]
        [Trait("Category", "Exhaustive")]
        public void Every_code_with_many_random_partners_matches_the_scalar_kernel()
        {
            foreach (SimdWidth width in new[] { SimdWidth.V512, SimdWidth.V256, SimdWidth.V128 })
            {
                if (Supported(width))
                {
                    Assert.Null(EveryCode<P16E1>(width, partners: 400));
                    Assert.Null(EveryCode<P16E2>(width, partners: 400));
                }
            }
        }

        private static bool Supported(SimdWidth width) => width switch
        {
            SimdWidth.V128 => System.Runtime.Intrinsics.Vector128.IsHardwareAccelerated,
            SimdWidth.V256 => System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated,
            SimdWidth.V512 => System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated,
            _ => true,
        };

        /// <summary>
        /// Every code as x; y and z from a list of partner shapes: z = -(x×y rounded) and its neighbours (exact
        /// cancellation, and results far below x×y, where a second rounding would show), y = 1 or -1 with z = x's
        /// neighbours, extremes, NaR, 0, and random codes.
        /// </summary>
        private static string? EveryCode<T>(SimdWidth width, int partners)
            where T : struct, IPositTraits
        {
            ulong mask = T.CodeMask;
            var random = new Random(T.Bits * 11 + T.ExponentBits + partners);
            int count = 1 << T.Bits;
            var x = new ushort[count];
            var y = new ushort[count];
            var z = new ushort[count];
            var result = new ushort[count];
            ulong one = PositCodec<T>.FromDouble(1.0);
            for (int partner = 0; partner < partners; partner++)
            {
                for (int code = 0; code < count; code++)
                {
                    ulong c = (ulong)code;
                    ulong r = (ulong)random.Next(count);
                    ulong other = partner % 4 == 0 ? c : partner % 4 == 1 ? (c + 1) & mask : r;
                    ulong product = PositCodec<T>.MultiplyExact(c, other);
                    ulong addend = (partner % 10) switch
                    {
                        0 or 1 or 2 => (0 - product) & mask,
                        3 => (0 - product + 1) & mask,
                        4 => (0 - product - 1) & mask,
                        5 => (ulong)random.Next(count),
                        6 => partner % 3 == 0 ? 1 : partner % 3 == 1 ? T.MaxPosCode : T.NaRCode,
                        7 => 0,
                        8 => (0 - c) & mask,
                        _ => (c ^ 1) & mask,
                    };
                    if (partner % 10 == 9)
                    {
                        // x × ±1 + (a neighbour of -x): the result is one unit of x, far below x.
                        other = random.Next(2) == 0 ? one : (0 - one) & mask;
                    }

                    x[code] = (ushort)c;
                    y[code] = (ushort)other;
                    z[code] = (ushort)addend;
                }

                PositSpan<T>.FusedMultiplyAddCore<ushort>(x, y, z, result, width);
                for (int i = 0; i < count; i++)
                {
                    ulong want = PositCodec<T>.FusedMultiplyAddExact(x[i], y[i], z[i]);
                    if (result[i] != want || PositCodec<T>.FusedMultiplyAdd(x[i], y[i], z[i]) != want)
                    {
                        return $"{typeof(T).Name} {width}: {x[i]:X} × {y[i]:X} + {z[i]:X} gave {result[i]:X}, want {want:X}";
                    }
                }
            }

            return null;
        }

        /// <summary>Random codes (a third of the addends near -x×y) on spans of every length up to 70 and one long one.</summary>
        private static string? RandomSpans<T, TBits>(SimdWidth width, int seed)
            where T : struct, IPositTraits
            where TBits : unmanaged, IBinaryInteger<TBits>
        {
            var random = new Random(seed);
            var lengths = new List<int>();
            for (int n = 0; n <= 70; n++)
            {
                lengths.Add(n);
            }

            lengths.Add(4099);
            foreach (int length in lengths)
            {
                var x = new TBits[length];
                var y = new TBits[length];
                var z = new TBits[length];
                for (int i = 0; i < length; i++)
                {
                    ulong a = (ulong)random.NextInt64() & T.CodeMask;
                    ulong b = (ulong)random.NextInt64() & T.CodeMask;
                    ulong c = random.Next(3) == 0
                        ? (0 - PositCodec<T>.MultiplyExact(a, b) + (ulong)random.Next(-2, 3)) & T.CodeMask
                        : (ulong)random.NextInt64() & T.CodeMask;
                    (x[i], y[i], z[i]) = (TBits.CreateTruncating(a), TBits.CreateTruncating(b), TBits.CreateTruncating(c));
                }

                var result = new TBits[length + 1];
                result[length] = TBits.CreateTruncating(0x5A);
                PositSpan<T>.FusedMultiplyAddCore<TBits>(x, y, z, result.AsSpan(0, length), width);
                if (result[length] != TBits.CreateTruncating(0x5A))
                {
                    return $"{typeof(T).Name} {width}: wrote past the destination";
                }

                for (int i = 0; i < length; i++)
                {
                    ulong want = PositCodec<T>.FusedMultiplyAddExact(ulong.CreateTruncating(x[i]), ulong.CreateTruncating(y[i]), ulong.CreateTruncating(z[i]));
                    if (ulong.CreateTruncating(result[i]) != want)
                    {
                        return $"{typeof(T).Name} {width} length {length}: {x[i]:X} × {y[i]:X} + {z[i]:X} gave {result[i]:X}, want {want:X}";
                    }
                }
            }

            return null;
        }
    }
}
