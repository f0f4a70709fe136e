using System;
using System.Numerics;
using NumForge.CompilerServices;
using Xunit;

namespace NumForge.Tests.Posits
{
    /// <summary>Conversions to and from integers, float, Half and decimal.</summary>
    public class PositConversionTests
    {
        /// <summary>Every code of a format exact in double: integer casts behave as the same cast of the double.</summary>
        private static void IntegerCastsLikeDouble<T>()
            where T : struct, IPositTraits
        {
            var m = new Mismatches($"{Fmt<T>.Name} integer casts");
            for (ulong c = 0; c < Fmt<T>.Count; c++)
            {
                double d = PositCodec<T>.ToDouble(c);
                string H() => Fmt<T>.Hex(c);
                m.Check(PositCodec<T>.ToInteger<int>(c) == (int)d && PositCodec<T>.ToInt32(c) == (int)d, () => $"(int) {H()}");
                m.Check(PositCodec<T>.ToInteger<long>(c) == (long)d && PositCodec<T>.ToInt64(c) == (long)d, () => $"(long) {H()}");
                m.Check(PositCodec<T>.ToInteger<sbyte>(c) == Sat<sbyte>(d), () => $"(sbyte) {H()}");
                m.Check(PositCodec<T>.ToInteger<byte>(c) == Sat<byte>(d), () => $"(byte) {H()}");
                m.Check(PositCodec<T>.ToInteger<short>(c) == Sat<short>(d), () => $"(short) {H()}");
                m.Check(PositCodec<T>.ToInteger<ushort>(c) == Sat<ushort>(d), () => $"(ushort) {H()}");
                m.Check(PositCodec<T>.ToInteger<uint>(c) == (uint)d, () => $"(uint) {H()}");
                m.Check(PositCodec<T>.ToInteger<ulong>(c) == (ulong)d, () => $"(ulong) {H()}");
                m.Check(PositCodec<T>.ToInteger<char>(c) == Sat<char>(d), () => $"(char) {H()}");
                m.Check(PositCodec<T>.ToInteger<Int128>(c) == (Int128)d, () => $"(Int128) {H()}");
                m.Check(PositCodec<T>.ToInteger<UInt128>(c) == (UInt128)d, () => $"(UInt128) {H()}");
                m.Check(PositCodec<T>.ToInteger<nint>(c) == (nint)d, () => $"(nint) {H()}");
                foreach (MidpointRounding mode in Enum.GetValues<MidpointRounding>())
                {
                    double rounded = double.IsNaN(d) ? 0 : Math.Round(d, mode);
                    m.Check(PositCodec<T>.ToInteger<long>(c, mode) == (long)rounded, () => $"ToInteger<long>({H()}, {mode})");
                    m.Check(PositCodec<T>.ToInteger<int>(c, mode) == (int)rounded, () => $"ToInteger<int>({H()}, {mode})");
                    m.Check(PositCodec<T>.ToInteger<byte>(c, mode) == Sat<byte>(rounded), () => $"ToInteger<byte>({H()}, {mode})");
                }
            }

            m.Assert();
        }

        // C# casts of double to the 8- and 16-bit integer types wrap; (int)/(long) casts saturate. Posits saturate for every type.
        private static TInteger Sat<TInteger>(double d)
            where TInteger : INumberBase<TInteger> => TInteger.CreateSaturating(double.IsNaN(d) ? 0 : Math.Truncate(d));

        [Fact] public void P16E1_IntegerCasts_EveryCode() => IntegerCastsLikeDouble<P16E1>();

        [Fact] public void P16E2_IntegerCasts_EveryCode() => IntegerCastsLikeDouble<P16E2>();

        [Fact]
        public void Narrow_IntegerCasts_EveryCode()
        {
            IntegerCastsLikeDouble<P8E0>();
            IntegerCastsLikeDouble<P8E2>();
            IntegerCastsLikeDouble<P12E3>();
        }

        private static void WideIntegerConversions<T>(int count, int seed)
            where T : struct, IPositTraits
        {
            var random = new Random(seed);
            var m = new Mismatches($"{Fmt<T>.Name} wide integer conversions");
            Int128[] fixedValues =
            {
                0, 1, -1, int.MinValue, int.MaxValue, long.MinValue, long.MaxValue, (Int128)long.MaxValue + 1, Int128.MinValue, Int128.MaxValue,
                (Int128)1 << 100, -((Int128)1 << 100) + 12345,
            };
            for (int i = 0; i < count + fixedValues.Length; i++)
            {
                Int128 v = i < fixedValues.Length ? fixedValues[i] : new Int128((ulong)random.NextInt64() >> random.Next(64), (ulong)random.NextInt64()) >> random.Next(128);
                if (i >= fixedValues.Length && random.Next(2) == 0)
                {
                    v = -v;
                }

                ulong got = PositCodec<T>.FromInt128(v);
                m.Check(Fmt<T>.Ref.IsCorrectRounding(Rat.Of((BigInteger)v), got), () => $"FromInt128({v}) = {Fmt<T>.Hex(got)}");
                if (v >= long.MinValue && v <= long.MaxValue)
                {
                    m.Check(PositCodec<T>.FromInt64((long)v) == got && PositCodec<T>.FromInteger((long)v) == got, () => $"FromInt64({v})");
                }

                if (v >= 0)
                {
                    m.Check(PositCodec<T>.FromUInt128((UInt128)v) == got, () => $"FromUInt128({v})");
                }

                ulong code = Fmt<T>.Sample(random);
                if (Fmt<T>.Ref.Decode(code) is Rat x)
                {
                    BigInteger t = PositReference.Truncate(x);
                    m.Check(PositCodec<T>.ToInteger<long>(code) == (long)BigInteger.Clamp(t, long.MinValue, long.MaxValue), () => $"(long) {Fmt<T>.Hex(code)}");
                    m.Check(PositCodec<T>.ToInteger<Int128>(code) == (Int128)BigInteger.Clamp(t, (BigInteger)Int128.MinValue, (BigInteger)Int128.MaxValue), () => $"(Int128) {Fmt<T>.Hex(code)}");
                    m.Check(PositCodec<T>.ToInteger<UInt128>(code) == (UInt128)BigInteger.Clamp(t, 0, (BigInteger)UInt128.MaxValue), () => $"(UInt128) {Fmt<T>.Hex(code)}");
                    BigInteger e = PositReference.RoundHalfEven(x);
                    m.Check(PositCodec<T>.ToInteger<int>(code, MidpointRounding.ToEven) == (int)BigInteger.Clamp(e, int.MinValue, int.MaxValue), () => $"ToInteger<int>({Fmt<T>.Hex(code)}, ToEven)");
                }
                else
                {
                    m.Check(PositCodec<T>.ToInteger<long>(code) == 0 && PositCodec<T>.ToInteger<ulong>(code, MidpointRounding.ToEven) == 0, () => "NaR -> 0");
                }
            }

            m.Assert();
        }

        [Fact] public void P32E2_IntegerConversions() => WideIntegerConversions<P32E2>(20_000, 32);

        [Fact] public void P64E2_IntegerConversions() => WideIntegerConversions<P64E2>(10_000, 64);

        [Fact]
        public void IntegersConvertByValue()
        {
            // int.MinValue is -2^31, a power of two: exact in posit32 (es = 2).
            Assert.Equal(-Math.ScaleB(1.0, 31), PositCodec<P32E2>.ToDouble(PositCodec<P32E2>.FromInt64(int.MinValue)));
            Assert.Equal(-Math.ScaleB(1.0, 63), PositCodec<P64E2>.ToDouble(PositCodec<P64E2>.FromInt64(long.MinValue)));
            Assert.Equal(PositCodec<P8E0>.MinValueCode, PositCodec<P8E0>.FromInt64(int.MinValue));   // saturates to -maxpos (not NaR)
            Assert.Equal(PositCodec<P16E1>.MinValueCode, PositCodec<P16E1>.FromInt64(long.MinValue)); // (SoftPosit's pX2 gives 0 there: its defect)
            Assert.Equal(long.MinValue, PositCodec<P64E2>.ToInteger<long>(PositCodec<P64E2>.MinValueCode));
            Assert.Equal(long.MaxValue, PositCodec<P64E2>.ToInteger<long>(PositCodec<P64E2>.MaxValueCode));
            Assert.Equal(0UL, PositCodec<P64E2>.ToInteger<ulong>(PositCodec<P64E2>.MinValueCode));
        }

        private static bool IsRightFloat(Rat x, float f)
        {
            if (float.IsInfinity(f))
            {
                // Round-to-nearest overflows when |x| >= (2 - 2^-24) × 2^127.
                return x.Abs().CompareTo(Rat.FromDouble((2 - Math.ScaleB(1.0, -24)) * Math.ScaleB(1.0, 127))) >= 0 && (x.Sign < 0) == float.IsNegative(f);
            }

            Rat fr = Rat.FromDouble(f);
            Rat up = Rat.FromDouble(MathF.BitIncrement(f)) - fr;
            Rat down = fr - Rat.FromDouble(MathF.BitDecrement(f));
            Rat error = x - fr;
            int cu = (error * Rat.Of(2)).CompareTo(up);
            int cd = (-error * Rat.Of(2)).CompareTo(down);
            bool even = (BitConverter.SingleToInt32Bits(f) & 1) == 0;
            return (cu < 0 || (cu == 0 && even)) && (cd < 0 || (cd == 0 && even));
        }

        private static bool IsRightHalf(Rat x, Half h)
        {
            if (Half.IsInfinity(h))
            {
                return x.Abs().CompareTo(Rat.Of(65520)) >= 0 && (x.Sign < 0) == Half.IsNegative(h);
            }

            Rat hr = Rat.FromDouble((double)h);
            Rat up = Rat.FromDouble((double)Half.BitIncrement(h)) - hr;
            Rat down = hr - Rat.FromDouble((double)Half.BitDecrement(h));
            Rat error = x - hr;
            if (h == Half.Zero)
            {
                // Below half the smallest subnormal (2^-25) rounds to ±0; the zero's sign follows x.
                return (error.Abs() * Rat.Of(2)).CompareTo(Rat.Pow2(-24)) <= 0;
            }

            int cu = (error * Rat.Of(2)).CompareTo(up);
            int cd = (-error * Rat.Of(2)).CompareTo(down);
            bool even = (BitConverter.HalfToUInt16Bits(h) & 1) == 0;
            return (cu < 0 || (cu == 0 && even)) && (cd < 0 || (cd == 0 && even));
        }

        private static void FloatConversions<T>(int count, int seed)
            where T : struct, IPositTraits
        {
            var random = new Random(seed);
            var m = new Mismatches($"{Fmt<T>.Name} float conversions");
            for (int i = 0; i < count; i++)
            {
                ulong code = Fmt<T>.Sample(random);
                float f = PositCodec<T>.ToSingle(code);
                if (Fmt<T>.Ref.Decode(code) is Rat x)
                {
                    m.Check(IsRightFloat(x, f), () => $"ToSingle({Fmt<T>.Hex(code)}) = {f:R}");
                    double d = PositCodec<T>.ToDouble(code);
                    m.Check(T.IsExactInDouble ? Rat.FromDouble(d).ValueEquals(x) : Fmt<T>.Ref.IsCorrectRoundingToDouble(x, d), () => $"ToDouble({Fmt<T>.Hex(code)}) = {d:R}");
                    Half h = PositCodec<T>.ToHalf(code);
                    m.Check(IsRightHalf(x, h), () => $"ToHalf({Fmt<T>.Hex(code)}) = {h}");
                }
                else
                {
                    m.Check(float.IsNaN(f) && Half.IsNaN(PositCodec<T>.ToHalf(code)), () => "NaR -> NaN");
                }

                float input = BitConverter.Int32BitsToSingle(random.Next() ^ (random.Next(2) << 31));
                if (float.IsFinite(input))
                {
                    ulong got = PositCodec<T>.FromSingle(input);
                    m.Check(Fmt<T>.Ref.IsCorrectRounding(Rat.FromDouble(input), got), () => $"FromSingle({input:R}) = {Fmt<T>.Hex(got)}");
                }

                double dIn = BitConverter.Int64BitsToDouble(random.NextInt64() ^ ((long)random.Next(2) << 63));
                if (double.IsFinite(dIn) && dIn != 0 && Math.Abs(dIn) >= double.Epsilon * 4503599627370496.0)
                {
                    ulong got = PositCodec<T>.FromDouble(dIn);
                    m.Check(Fmt<T>.Ref.IsCorrectRounding(Rat.FromDouble(dIn), got), () => $"FromDouble({dIn:R}) = {Fmt<T>.Hex(got)}");
                }
            }

            m.Assert();
        }

        [Fact] public void P32E2_FloatConversions() => FloatConversions<P32E2>(20_000, 3232);

        [Fact] public void P64E2_FloatConversions() => FloatConversions<P64E2>(10_000, 6464);

        [Fact] public void P64E4_FloatConversions() => FloatConversions<P64E4>(5_000, 6444);

        [Fact]
        public void P16E1_EveryHalf()
        {
            var m = new Mismatches("posit<16,1> FromHalf");
            for (int bits = 0; bits < 65536; bits++)
            {
                Half h = BitConverter.UInt16BitsToHalf((ushort)bits);
                ulong got = PositCodec<P16E1>.FromHalf(h);
                ulong want = Half.IsFinite(h) ? Fmt<P16E1>.Ref.Encode(Rat.FromDouble((double)h)) : 0x8000;
                m.Check(got == want, () => $"FromHalf({h}) = {got:x4}, want {want:x4}");
            }

            for (ulong c = 0; c < 65536; c++)
            {
                double d = PositCodec<P16E1>.ToDouble(c);
                m.Check(BitConverter.HalfToUInt16Bits(PositCodec<P16E1>.ToHalf(c)) == BitConverter.HalfToUInt16Bits((Half)d) || double.IsNaN(d), () => $"ToHalf({c:x4})");
                m.Check(PositCodec<P16E1>.ToSingle(c).Equals((float)d), () => $"ToSingle({c:x4})");
            }

            m.Assert();
        }

        [Fact]
        public void Decimals()
        {
            Assert.Equal(Fmt<P32E2>.Ref.Encode(new Rat(1, 10)), PositCodec<P32E2>.FromDecimal(0.1m));
            Assert.Equal(Fmt<P64E2>.Ref.Encode(new Rat(-123456789, 1000)), PositCodec<P64E2>.FromDecimal(-123456.789m));
            Assert.Equal(0UL, PositCodec<P16E1>.FromDecimal(0m));
            Assert.Equal(PositCodec<P16E1>.MaxValueCode, PositCodec<P16E1>.FromDecimal(decimal.MaxValue));
            Assert.Equal(1m, PositCodec<P16E1>.ToDecimal(0x4000));
            Assert.Equal(-0.375m, PositCodec<P16E1>.ToDecimal(PositCodec<P16E1>.FromDouble(-0.375)));
            Assert.Equal(268435456m, PositCodec<P16E1>.ToDecimal(0x7FFF));
            Assert.Equal(0.0000000037252902984619140625m, PositCodec<P16E1>.ToDecimal(PositCodec<P16E1>.FromDouble(Math.ScaleB(1.0, -28))));
            Assert.Throws<OverflowException>(() => PositCodec<P16E1>.ToDecimal(0x8000));
            Assert.Throws<OverflowException>(() => PositCodec<P32E2>.ToDecimal(PositCodec<P32E2>.MaxValueCode));
        }
    }
}
