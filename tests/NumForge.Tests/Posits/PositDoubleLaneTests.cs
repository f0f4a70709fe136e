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
    /// Posits of 17 to 32 bits in double lanes: the lane decoder against <see cref="PositCodec{TTraits}.ToDouble"/>, the
    /// double-lane encoder against <see cref="PositCodec{TTraits}.FromDouble"/>, and span Add, Multiply and
    /// FusedMultiplyAdd against the scalar kernels and their exact twins element by element, at every vector width
    /// forced in process, on adversarial spans (specials at every lane position, results on and a hair from rounding
    /// midpoints, far-apart scales, minpos and maxpos) and random spans of every length up to 70 and one long one.
    /// </summary>
    public class PositDoubleLaneTests
    {
        public static IEnumerable<object[]> Widths() => new[]
        {
            new object[] { (int)SimdWidth.Scalar },
            new object[] { (int)SimdWidth.V128 },
            new object[] { (int)SimdWidth.V256 },
            new object[] { (int)SimdWidth.V512 },
        };

        [Fact]
        public void The_double_lanes_cover_posit32_and_not_the_posit16s()
        {
            Assert.True(PositDoubleLanes<Posit32.Traits, Vector512x64, Vector512<ulong>>.Applies);
            Assert.True(PositDoubleLanes<Posit32.Traits, Vector128x64, Vector128<ulong>>.Applies);
            Assert.True(PositDoubleLanes<P20E4, Vector256x64, Vector256<ulong>>.Applies);
            Assert.False(PositDoubleLanes<Posit16.Traits, Vector256x64, Vector256<ulong>>.Applies);
            Assert.False(PositDoubleLanes<P64E2, Vector256x64, Vector256<ulong>>.Applies);
            Assert.False(PositDoubleLanes<Posit32.Traits, Vector256x32, Vector256<uint>>.Applies);
        }

        [Fact]
        public void The_lanes_run_where_they_pay()
        {
            (uint[] x, uint[] y, uint[] z) = RandomSpans<Posit32.Traits>(new Random(17), 64);
            var result = new uint[64];
            int Lanes<TOperation>(SimdWidth width)
                where TOperation : struct, IPositDoubleLaneOperation
                => PositSpan<Posit32.Traits>.RunDoubleLanes<uint, TOperation>(x, y, z, result, width);

            Assert.Equal(64, Lanes<AddLanes>(SimdWidth.V512));
            Assert.Equal(64, Lanes<MultiplyLanes>(SimdWidth.V512));
            Assert.Equal(64, Lanes<FusedMultiplyAddLanes>(SimdWidth.V512));
            Assert.Equal(0, Lanes<AddLanes>(SimdWidth.V256));
            Assert.Equal(0, Lanes<MultiplyLanes>(SimdWidth.V256));
            Assert.Equal(0, Lanes<FusedMultiplyAddLanes>(SimdWidth.V256));
            Assert.Equal(0, Lanes<FusedMultiplyAddLanes>(SimdWidth.V128));
            Assert.Equal(0, Lanes<FusedMultiplyAddLanes>(SimdWidth.Scalar));
            Assert.Equal(64, PositSpan<Posit32.Traits>.RunDoubleLanes<uint, AddLanes>(x, y, z, result, SimdWidth.V128, everyWidth: true));
        }

        [Fact]
        public void The_lane_decoder_gives_every_codes_double()
        {
            Assert.Null(Decode<P20E4, Vector128x64, Vector128<ulong>>(EveryCode(20)));
            Assert.Null(Decode<P20E4, Vector256x64, Vector256<ulong>>(EveryCode(20)));
            Assert.Null(Decode<P20E4, Vector512x64, Vector512<ulong>>(EveryCode(20)));
            Assert.Null(Decode<P32E2, Vector128x64, Vector128<ulong>>(SampledCodes<P32E2>(1)));
            Assert.Null(Decode<P32E2, Vector256x64, Vector256<ulong>>(SampledCodes<P32E2>(2)));
            Assert.Null(Decode<P32E2, Vector512x64, Vector512<ulong>>(SampledCodes<P32E2>(3)));
            Assert.Null(Decode<P32E0, Vector512x64, Vector512<ulong>>(SampledCodes<P32E0>(4)));
            Assert.Null(Decode<P32E0, Vector256x64, Vector256<ulong>>(SampledCodes<P32E0>(5)));
        }

        [Fact]
        public void The_portable_leading_zero_count_and_shift_match_the_scalar_ones()
        {
            var random = new Random(6);
            var values = new ulong[4096];
            var counts = new ulong[values.Length];
            for (int i = 0; i < values.Length; i++)
            {
                // The decoder's operands: at most 32 significant bits, the lowest at bit 32 or above; shift counts 0 to 33.
                values[i] = ((ulong)(uint)random.Next() | (uint)random.Next(2) << 31) << 32 >> random.Next(32) & ~0xFFFF_FFFFUL | (1UL << 32);
                counts[i] = (ulong)random.Next(34);
            }

            var zeros = new ulong[values.Length];
            var shifted = new ulong[values.Length];
            for (int i = 0; i < values.Length; i += Vector256<ulong>.Count)
            {
                Vector256<ulong> v = Vector256.Create(values.AsSpan(i, 4));
                Vector256<ulong> c = Vector256.Create(counts.AsSpan(i, 4));
                PositDoubleLanes<P32E2, Vector256x64, Vector256<ulong>>.LeadingZeroCountByConversion(v).CopyTo(zeros.AsSpan(i));
                Lanes64.ShiftLeftByMultiply<Vector256x64, Vector256<ulong>>(v, c).CopyTo(shifted.AsSpan(i));
            }

            for (int i = 0; i < values.Length; i++)
            {
                Assert.Equal((ulong)BitOperations.LeadingZeroCount(values[i]), zeros[i]);
                Assert.Equal(values[i] << (int)counts[i], shifted[i]);
            }
        }

        [Fact]
        public void The_double_lane_encoder_gives_FromDouble()
        {
            Assert.Null(Encode<P32E2, Vector128x64, Vector128<ulong>>(AdversarialDoubles<P32E2>(7)));
            Assert.Null(Encode<P32E2, Vector256x64, Vector256<ulong>>(AdversarialDoubles<P32E2>(8)));
            Assert.Null(Encode<P32E2, Vector512x64, Vector512<ulong>>(AdversarialDoubles<P32E2>(9)));
            Assert.Null(Encode<P32E0, Vector512x64, Vector512<ulong>>(AdversarialDoubles<P32E0>(10)));
            Assert.Null(Encode<P20E4, Vector256x64, Vector256<ulong>>(AdversarialDoubles<P20E4>(11)));
        }

        [Theory]
        [MemberData(nameof(Widths))]
        public void Adversarial_spans_match_the_scalar_kernels(int widthValue)
        {
            var width = (SimdWidth)widthValue;
            if (!Supported(width))
            {
                return;
            }

            Assert.Null(Check<P32E2>(width, AdversarialSpans<P32E2>(12)));
            Assert.Null(Check<P32E0>(width, AdversarialSpans<P32E0>(13)));
            Assert.Null(Check<P20E4>(width, AdversarialSpans<P20E4>(14)));
        }

        [Theory]
        [MemberData(nameof(Widths))]
        public void Random_spans_of_every_length_match_the_scalar_kernels(int widthValue)
        {
            var width = (SimdWidth)widthValue;
            if (!Supported(width))
            {
                return;
            }

            var random = new Random(15);
            for (int length = 0; length <= 70; length++)
            {
                Assert.Null(Check<P32E2>(width, RandomSpans<P32E2>(random, length)));
            }

            Assert.Null(Check<P32E2>(width, RandomSpans<P32E2>(random, 5003)));
            Assert.Null(Check<P32E0>(width, RandomSpans<P32E0>(random, 3001)));
            Assert.Null(Check<P20E4>(width, RandomSpans<P20E4>(random, 3001)));
        }

        [Fact]
        public void Stray_bits_above_a_narrow_code_are_ignored_and_in_place_works()
        {
            var random = new Random(16);
            (uint[] x, uint[] y, uint[] z) = RandomSpans<P20E4>(random, 333);
            var sum = new uint[x.Length];
            var fused = new uint[x.Length];
            for (int i = 0; i < x.Length; i++)
            {
                sum[i] = (uint)PositCodec<P20E4>.Add(x[i], y[i]);
                fused[i] = (uint)PositCodec<P20E4>.FusedMultiplyAdd(x[i], y[i], z[i]);
                x[i] |= (uint)random.Next(1 << 12) << 20;
            }

            PositSpan<P20E4>.FusedMultiplyAdd<uint>(x, y, z, z);
            Assert.Equal(fused, z);
            PositSpan<P20E4>.Add<uint>(x, y, x);
            Assert.Equal(sum, x);

            (uint[] a, uint[] b, uint[] c) = RandomSpans<P32E2>(random, 333);
            var product = new uint[a.Length];
            for (int i = 0; i < a.Length; i++)
            {
                product[i] = (uint)PositCodec<P32E2>.Multiply(a[i], b[i]);
            }

            PositSpan<P32E2>.Multiply<uint>(a, b, b);
            Assert.Equal(product, b);
        }

        internal static bool Supported(SimdWidth width) => width switch
        {
            SimdWidth.V128 => Vector128.IsHardwareAccelerated,
            SimdWidth.V256 => Vector256.IsHardwareAccelerated,
            SimdWidth.V512 => Vector512.IsHardwareAccelerated,
            _ => true,
        };

        /// <summary>Add, Multiply and FusedMultiplyAdd over the spans at the width; null when every element is the scalar and exact kernels' result.</summary>
        internal static string? Check<T>(SimdWidth width, (uint[] X, uint[] Y, uint[] Z) spans)
            where T : struct, IPositTraits
        {
            (uint[] x, uint[] y, uint[] z) = spans;
            var sum = new uint[x.Length];
            var product = new uint[x.Length];
            var fused = new uint[x.Length];
            PositSpan<T>.BinaryCore<uint, AddLanes>(x, y, sum, width);
            PositSpan<T>.BinaryCore<uint, MultiplyLanes>(x, y, product, width);
            PositSpan<T>.FusedMultiplyAddCore<uint>(x, y, z, fused, width);
            return Compare<T>(spans, sum, product, fused, width, "")
                ?? Compare<T>(spans, ForcedLanes<T, AddLanes>(spans, width), ForcedLanes<T, MultiplyLanes>(spans, width), ForcedLanes<T, FusedMultiplyAddLanes>(spans, width), width, " (lanes at every width)");
        }

        /// <summary>The double lanes at the width even where they do not pay (the public calls run the scalar kernels there), the tail by the scalar kernel.</summary>
        internal static uint[] ForcedLanes<T, TOperation>((uint[] X, uint[] Y, uint[] Z) spans, SimdWidth width)
            where T : struct, IPositTraits
            where TOperation : struct, IPositDoubleLaneOperation
        {
            var result = new uint[spans.X.Length];
            int done = PositSpan<T>.RunDoubleLanes<uint, TOperation>(spans.X, spans.Y, spans.Z, result, width, everyWidth: true);
            for (int i = done; i < result.Length; i++)
            {
                ulong a = spans.X[i], b = spans.Y[i], c = spans.Z[i];
                result[i] = (uint)(typeof(TOperation) == typeof(AddLanes) ? PositCodec<T>.Add(a, b)
                    : typeof(TOperation) == typeof(MultiplyLanes) ? PositCodec<T>.Multiply(a, b)
                    : PositCodec<T>.FusedMultiplyAdd(a, b, c));
            }

            return result;
        }

        private static string? Compare<T>((uint[] X, uint[] Y, uint[] Z) spans, uint[] sum, uint[] product, uint[] fused, SimdWidth width, string path)
            where T : struct, IPositTraits
        {
            (uint[] x, uint[] y, uint[] z) = spans;
            for (int i = 0; i < x.Length; i++)
            {
                ulong a = x[i], b = y[i], c = z[i];
                ulong wantSum = PositCodec<T>.AddExact(a, b), wantProduct = PositCodec<T>.MultiplyExact(a, b), wantFused = PositCodec<T>.FusedMultiplyAddExact(a, b, c);
                if (sum[i] != wantSum || sum[i] != PositCodec<T>.Add(a, b))
                {
                    return $"{typeof(T).Name} {width}{path} length {x.Length} at {i}: {a:X} + {b:X} gave {sum[i]:X}, want {wantSum:X}";
                }

                if (product[i] != wantProduct || product[i] != PositCodec<T>.Multiply(a, b))
                {
                    return $"{typeof(T).Name} {width}{path} length {x.Length} at {i}: {a:X} × {b:X} gave {product[i]:X}, want {wantProduct:X}";
                }

                if (fused[i] != wantFused || fused[i] != PositCodec<T>.FusedMultiplyAdd(a, b, c))
                {
                    return $"{typeof(T).Name} {width}{path} length {x.Length} at {i}: {a:X} × {b:X} + {c:X} gave {fused[i]:X}, want {wantFused:X}";
                }
            }

            return null;
        }

        /// <summary>
        /// Spans that put each special (0, NaR, ±minpos, ±maxpos, 1) at every lane position of every vector width beside
        /// ordinary values, sums exactly on a rounding midpoint and a hair either side of it (y = half the spacing of x,
        /// itself moved by a few codes), x × y + z with x × y half the spacing of z (on the midpoint) or a hair off it,
        /// products of (1 + 2^-i)(1 + 2^-j) near midpoints, and operands many binades apart.
        /// </summary>
        internal static (uint[] X, uint[] Y, uint[] Z) AdversarialSpans<T>(int seed)
            where T : struct, IPositTraits
        {
            var random = new Random(seed);
            var x = new List<uint>();
            var y = new List<uint>();
            var z = new List<uint>();
            ulong mask = T.CodeMask;
            ulong[] specials = [0, T.NaRCode, 1, mask, T.MaxPosCode, (0 - T.MaxPosCode) & mask, Code<T>(1.0), Code<T>(-1.0)];

            // Specials at every position of a 16-lane block, in every operand, beside random codes.
            foreach (ulong special in specials)
            {
                for (int position = 0; position < 16; position++)
                {
                    for (int operand = 0; operand < 3; operand++)
                    {
                        for (int lane = 0; lane < 16; lane++)
                        {
                            ulong[] codes = [Random<T>(random), Random<T>(random), Random<T>(random)];
                            if (lane == position)
                            {
                                codes[operand] = special;
                            }

                            x.Add((uint)codes[0]);
                            y.Add((uint)codes[1]);
                            z.Add((uint)codes[2]);
                        }
                    }
                }
            }

            for (int i = 0; i < 6000; i++)
            {
                ulong a = Random<T>(random) & (mask >> 1);
                if (a == 0 || a >= T.MaxPosCode - 1)
                {
                    continue;
                }

                double value = PositCodec<T>.ToDouble(a);
                double half = (PositCodec<T>.ToDouble(a + 1) - value) / 2;
                double sign = random.Next(2) == 0 ? 1 : -1;
                ulong halfCode = Code<T>(half);
                ulong nudged = (halfCode + (ulong)random.Next(-2, 3)) & (mask >> 1);
                ulong tiny = Code<T>(Math.ScaleB(1.0, -random.Next(1, 60)));
                switch (i % 6)
                {
                    case 0:
                        // On the midpoint, or a few codes off it.
                        Add<T>(x, y, z, sign * value, halfCode, Random<T>(random));
                        Add<T>(x, y, z, sign * value, nudged, Random<T>(random));
                        break;
                    case 1:
                        // x × y + z: the product half the spacing of z (on the midpoint), or (1 ± tiny) times it.
                        x.Add((uint)halfCode);
                        y.Add((uint)Code<T>(1.0 + (random.Next(2) == 0 ? 1 : -1) * PositCodec<T>.ToDouble(tiny)));
                        z.Add((uint)Code<T>(sign * value));
                        x.Add((uint)halfCode);
                        y.Add((uint)Code<T>(1.0));
                        z.Add((uint)Code<T>(sign * value));
                        break;
                    case 2:
                        // (1 + 2^-i)(1 ± 2^-j) × scale: products whose low bits fall right at or around a midpoint.
                        int left = random.Next(1, 30), right = random.Next(1, 30);
                        double scale = Math.ScaleB(1.0, random.Next(-20, 21));
                        x.Add((uint)Code<T>(scale * (1 + Math.ScaleB(1.0, -left))));
                        y.Add((uint)Code<T>(sign * (1 + ((random.Next(2) * 2) - 1) * Math.ScaleB(1.0, -right))));
                        z.Add((uint)Code<T>(-scale * sign));
                        break;
                    case 3:
                        // Far-apart scales: cancellation can not help, the small operand only sets sticky bits.
                        ulong far = Code<T>(value * Math.ScaleB(1.0 + random.NextDouble(), -random.Next(20, 200)) * sign);
                        x.Add((uint)a);
                        y.Add((uint)far);
                        z.Add((uint)far);
                        break;
                    case 4:
                        // Exact and near cancellation: y = -x ± a few codes, z = -(x × y) rounded.
                        ulong negated = (0 - a + (ulong)random.Next(-2, 3)) & mask;
                        x.Add((uint)a);
                        y.Add((uint)negated);
                        z.Add((uint)PositCodec<T>.Negate(PositCodec<T>.Multiply(a, negated)));
                        break;
                    default:
                        // Around minpos and maxpos.
                        ulong edge = random.Next(2) == 0 ? (ulong)random.Next(1, 64) : T.MaxPosCode - (ulong)random.Next(0, 64);
                        x.Add((uint)edge);
                        y.Add((uint)(random.Next(2) == 0 ? edge : Random<T>(random)));
                        z.Add((uint)(random.Next(2) == 0 ? (0 - edge) & mask : Random<T>(random)));
                        break;
                }
            }

            return (x.ToArray(), y.ToArray(), z.ToArray());
        }

        private static void Add<T>(List<uint> x, List<uint> y, List<uint> z, double value, ulong other, ulong third)
            where T : struct, IPositTraits
        {
            x.Add((uint)Code<T>(value));
            y.Add((uint)(value < 0 ? PositCodec<T>.Negate(other) : other));
            z.Add((uint)third);
        }

        internal static (uint[] X, uint[] Y, uint[] Z) RandomSpans<T>(Random random, int length)
            where T : struct, IPositTraits
        {
            var x = new uint[length];
            var y = new uint[length];
            var z = new uint[length];
            for (int i = 0; i < length; i++)
            {
                x[i] = (uint)Random<T>(random);
                y[i] = random.Next(3) == 0 ? (uint)((0 - (ulong)x[i] + (ulong)random.Next(-2, 3)) & T.CodeMask) : (uint)Random<T>(random);
                z[i] = (uint)Random<T>(random);
            }

            return (x, y, z);
        }

        /// <summary>Random codes, a third of them near 1 (where sums cancel and the fraction is longest).</summary>
        private static ulong Random<T>(Random random)
            where T : struct, IPositTraits
        {
            ulong code = random.Next(3) == 0
                ? (T.NaRCode >> 1) + (ulong)random.Next(-1 << 16, 1 << 16)
                : (ulong)random.NextInt64() & T.CodeMask;
            return random.Next(2) == 0 ? code & T.CodeMask : (0 - code) & T.CodeMask;
        }

        private static ulong Code<T>(double value)
            where T : struct, IPositTraits
            => PositCodec<T>.FromDouble(value);

        private static uint[] EveryCode(int bits)
        {
            var codes = new uint[1 << bits];
            for (int i = 0; i < codes.Length; i++)
            {
                codes[i] = (uint)i;
            }

            return codes;
        }

        /// <summary>The first and last 4096 codes of each sign, 4096 around 1 and -1, and 200,000 random ones.</summary>
        private static uint[] SampledCodes<T>(int seed)
            where T : struct, IPositTraits
        {
            var random = new Random(seed);
            var codes = new List<uint>();
            foreach (ulong centre in new[] { 0UL, T.NaRCode >> 1, T.NaRCode, T.NaRCode + (T.NaRCode >> 1), T.CodeMask + 1 })
            {
                for (int offset = -4096; offset < 4096; offset++)
                {
                    codes.Add((uint)((centre + (ulong)offset) & T.CodeMask));
                }
            }

            for (int i = 0; i < 200_000; i++)
            {
                codes.Add((uint)((ulong)random.NextInt64() & T.CodeMask));
            }

            while (codes.Count % 8 != 0)
            {
                codes.Add(0);
            }

            return codes.ToArray();
        }

        private static string? Decode<T, TOps, TV>(uint[] codes)
            where T : struct, IPositTraits
            where TOps : struct, ISimd<TV>
            where TV : struct
        {
            var bits = new ulong[codes.Length];
            for (int i = 0; i < codes.Length; i += TOps.Count)
            {
                TV decoded = PositDoubleLanes<T, TOps, TV>.Decode(Lanes64.LoadWiden32<TV>(ref MemoryMarshal.AsBytes(codes.AsSpan(i))[0]));
                TOps.Store(decoded, ref MemoryMarshal.AsBytes(bits.AsSpan(i))[0]);
            }

            for (int i = 0; i < codes.Length; i++)
            {
                double want = PositCodec<T>.ToDouble(codes[i]);
                double got = BitConverter.UInt64BitsToDouble(bits[i]);
                if (BitConverter.DoubleToUInt64Bits(want) != bits[i] && !(double.IsNaN(want) && double.IsNaN(got)))
                {
                    return $"{typeof(T).Name} {typeof(TV).Name}: code {codes[i]:X} gave {bits[i]:X16}, want {BitConverter.DoubleToUInt64Bits(want):X16}";
                }
            }

            return null;
        }

        /// <summary>
        /// Random bit patterns (every exponent, subnormals, infinities, NaNs), every sampled code's value and the midpoints
        /// between neighbouring codes, each exactly and one and two doubles either side, and odd doubles near them.
        /// </summary>
        private static double[] AdversarialDoubles<T>(int seed)
            where T : struct, IPositTraits
        {
            var random = new Random(seed);
            var values = new List<double> { 0.0, -0.0, double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.Epsilon, -double.Epsilon, double.MaxValue, double.MinValue };
            for (int i = 0; i < 50_000; i++)
            {
                values.Add(BitConverter.UInt64BitsToDouble((ulong)random.NextInt64() | ((ulong)random.Next(2) << 63)));
            }

            uint[] codes = SampledCodes<T>(seed);
            for (int i = 0; i < codes.Length; i += 3)
            {
                ulong code = codes[i];
                if (code == T.NaRCode || code == T.MaxPosCode)
                {
                    continue;
                }

                double value = PositCodec<T>.ToDouble(code);
                double next = PositCodec<T>.ToDouble((code + 1) & T.CodeMask);
                double midpoint = value / 2 + next / 2;
                foreach (double v in new[] { value, midpoint })
                {
                    values.Add(v);
                    values.Add(Math.BitIncrement(v));
                    values.Add(Math.BitDecrement(v));
                    values.Add(Math.BitIncrement(Math.BitIncrement(v)));
                    values.Add(Math.BitDecrement(Math.BitDecrement(v)));
                }
            }

            while (values.Count % 8 != 0)
            {
                values.Add(1.0);
            }

            return values.ToArray();
        }

        private static string? Encode<T, TOps, TV>(double[] values)
            where T : struct, IPositTraits
            where TOps : struct, ISimd<TV>
            where TV : struct
        {
            var codes = new ulong[values.Length];
            for (int i = 0; i < values.Length; i += TOps.Count)
            {
                TV encoded = PositVectorEncoder<T, TOps, TV>.Encode(TOps.Load(ref MemoryMarshal.AsBytes(values.AsSpan(i))[0]));
                TOps.Store(encoded, ref MemoryMarshal.AsBytes(codes.AsSpan(i))[0]);
            }

            for (int i = 0; i < values.Length; i++)
            {
                ulong want = PositCodec<T>.FromDouble(values[i]);
                if (codes[i] != want)
                {
                    return $"{typeof(T).Name} {typeof(TV).Name}: {values[i]:R} ({BitConverter.DoubleToUInt64Bits(values[i]):X16}) gave {codes[i]:X}, want {want:X}";
                }
            }

            return null;
        }
    }
}
