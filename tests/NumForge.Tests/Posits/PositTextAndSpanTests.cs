using System;
using System.Globalization;
using System.Text;
using NumForge.CompilerServices;
using Xunit;

namespace NumForge.Tests.Posits
{
    public class PositTextAndSpanTests
    {
        private static void RoundTrips<T>(ulong count, int seed)
            where T : struct, IPositTraits
        {
            var random = new Random(seed);
            var m = new Mismatches($"{Fmt<T>.Name} text round trip");
            for (ulong i = 0; i < count; i++)
            {
                ulong code = Fmt<T>.Count != 0 && count == Fmt<T>.Count ? i : Fmt<T>.Sample(random);
                string text = PositText<T>.Format(code, null, CultureInfo.InvariantCulture);
                bool ok = PositText<T>.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out ulong back);
                m.Check(ok && back == code, () => $"{Fmt<T>.Hex(code)} -> \"{text}\" -> {Fmt<T>.Hex(back)}");
                if (Fmt<T>.Ref.Decode(code) is Rat x && T.IsExactInDouble)
                {
                    // The exact parse agrees with the reference on the shortest string, and the string is no longer than double's.
                    m.Check(text.Replace("E+", "E", StringComparison.Ordinal).Length <= PositCodec<T>.ToDouble(code).ToString("R", CultureInfo.InvariantCulture).Replace("E+", "E", StringComparison.Ordinal).Length + 1, () => $"\"{text}\" longer than the double's string");
                }
            }

            m.Assert();
        }

        [Fact]
        public void EveryCodeRoundTrips_16And8Bit()
        {
            RoundTrips<P8E0>(256, 1);
            RoundTrips<P8E2>(256, 2);
            RoundTrips<P16E1>(65536, 3);
        }

        [Fact]
        public void SamplesRoundTrip_Wide()
        {
            RoundTrips<P32E2>(20_000, 4);
            RoundTrips<P64E2>(5_000, 5);
            RoundTrips<P64E4>(2_000, 6);
        }

        [Fact]
        public void ParsingIsCorrectlyRoundedFromTheDecimal()
        {
            var inv = CultureInfo.InvariantCulture;
            Assert.True(PositText<P32E2>.TryParse("0.1", NumberStyles.Float, inv, out ulong c));
            Assert.Equal(Fmt<P32E2>.Ref.Encode(new Rat(1, 10)), c);
            Assert.True(PositText<P64E2>.TryParse("-1234.5678e-3", NumberStyles.Float, inv, out c));
            Assert.Equal(Fmt<P64E2>.Ref.Encode(new Rat(-12345678, 10_000_000)), c);
            Assert.True(PositText<P16E1>.TryParse("1e999999", NumberStyles.Float, inv, out c));
            Assert.Equal(0x7FFFUL, c);
            Assert.True(PositText<P16E1>.TryParse("-1e-999999", NumberStyles.Float, inv, out c));
            Assert.Equal(0xFFFFUL, c);
            Assert.True(PositText<P16E1>.TryParse("NaR", NumberStyles.Float, inv, out c));
            Assert.Equal(0x8000UL, c);
            Assert.True(PositText<P16E1>.TryParse("-Infinity", NumberStyles.Float, inv, out c));
            Assert.Equal(0x8000UL, c);
            Assert.True(PositText<P16E1>.TryParse(" 0.000 ", NumberStyles.Float, inv, out c));
            Assert.Equal(0UL, c);
            Assert.False(PositText<P16E1>.TryParse("1.2.3", NumberStyles.Float, inv, out _));
            Assert.False(PositText<P16E1>.TryParse("abc", NumberStyles.Float, inv, out _));
            Assert.True(PositText<P16E1>.TryParse("1.234,5", NumberStyles.Float | NumberStyles.AllowThousands, new CultureInfo("de-DE"), out c));
            Assert.Equal(PositCodec<P16E1>.FromDouble(1234.5), c);
            Assert.True(PositText<P16E1>.TryParse(Encoding.UTF8.GetBytes("2.5"), NumberStyles.Float, inv, out c));
            Assert.Equal(PositCodec<P16E1>.FromDouble(2.5), c);
            Assert.Equal("NaR", PositText<P16E1>.Format(0x8000, null, inv));
            Assert.Equal("1", PositText<P16E1>.Format(0x4000, null, inv));
            Assert.Equal("-0,5", PositText<P16E1>.Format(PositCodec<P16E1>.FromDouble(-0.5), null, new CultureInfo("de-DE")));
            // maxpos = 2^28 of posit<16,1>: its neighbour is 2^26, so the shortest string within the (mirrored) interval is 3E8.
            Assert.Equal("300000000", PositText<P16E1>.Format(0x7FFF, null, inv));
            Assert.Equal("1E-30", PositText<P64E2>.Format(PositCodec<P64E2>.FromDouble(1e-30), null, inv));
            Assert.Equal("0.10001", PositText<P16E1>.Format(PositCodec<P16E1>.FromDouble(0.1), "F5", inv)); // posit16 es1 0.1 = 0.1000061...
        }

        [Fact]
        public void SpanConverters()
        {
            double[] doubles = { 0, 1, -1, 0.1, 1e30, -1e-30, double.NaN, double.PositiveInfinity, 3.14159, 65504 };
            var codes = new ushort[doubles.Length];
            PositSpan<P16E1>.ConvertFromDouble<ushort>(doubles, codes);
            var floats = new float[doubles.Length];
            var halves = new Half[doubles.Length];
            var back = new double[doubles.Length];
            PositSpan<P16E1>.ConvertToSingle<ushort>(codes, floats);
            PositSpan<P16E1>.ConvertToHalf<ushort>(codes, halves);
            PositSpan<P16E1>.ConvertToDouble<ushort>(codes, back);
            var fromFloats = new ushort[doubles.Length];
            PositSpan<P16E1>.ConvertFromSingle<ushort>(floats, fromFloats);
            var fromHalves = new byte[doubles.Length];
            PositSpan<P8E0>.ConvertFromHalf<byte>(halves, fromHalves);
            for (int i = 0; i < doubles.Length; i++)
            {
                Assert.Equal(PositCodec<P16E1>.FromDouble(doubles[i]), codes[i]);
                Assert.Equal(PositCodec<P16E1>.ToSingle(codes[i]), floats[i]);
                Assert.Equal(PositCodec<P16E1>.ToHalf(codes[i]), halves[i]);
                Assert.Equal(PositCodec<P16E1>.ToDouble(codes[i]), back[i]);
                Assert.Equal(codes[i], fromFloats[i]);
                Assert.Equal(PositCodec<P8E0>.FromHalf(halves[i]), fromHalves[i]);
            }

            Assert.Throws<ArgumentException>(() => PositSpan<P16E1>.ConvertFromDouble<ushort>(doubles, new ushort[3]));
            var wide = new ulong[2];
            PositSpan<P64E2>.ConvertFromDouble<ulong>(new[] { 1.0, -2.0 }, wide);
            Assert.Equal(PositCodec<P64E2>.FromDouble(-2.0), wide[1]);
            Assert.Equal(PositCodec<P64E2>.FromDouble(6.0), PositSpan<P64E2>.DotProduct<ulong>(new[] { 1UL << 62, wide[1] }, new[] { PositCodec<P64E2>.FromDouble(2.0), wide[1] }));
        }
    }
}
