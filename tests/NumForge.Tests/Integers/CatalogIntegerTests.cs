using System;
using Xunit;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;

namespace NumForge.Tests.Integers
{
    /// <summary>The generated catalog integers: their operators and generic math against int arithmetic modulo 2^b, and .NET's conventions.</summary>
    public class CatalogIntegerTests
    {
        [Fact]
        public void Every_catalog_integer_matches_int_arithmetic_on_every_pair()
        {
            EveryPair<Int1>(1, true);
            EveryPair<UInt1>(1, false);
            EveryPair<Int2>(2, true);
            EveryPair<UInt2>(2, false);
            EveryPair<Int3>(3, true);
            EveryPair<UInt3>(3, false);
            EveryPair<Int4>(4, true);
            EveryPair<UInt4>(4, false);
        }

        private static void EveryPair<X>(int bits, bool signed)
            where X : struct, IBinaryInteger<X>, IMinMaxValue<X>, INumericFormat<X, byte>
        {
            var r = new IntReference(bits, signed);
            Assert.Equal(r.Min, int.CreateChecked(X.MinValue));
            Assert.Equal(r.Max, int.CreateChecked(X.MaxValue));
            Assert.Equal(1, Unsafe.SizeOf<X>());
            Assert.Equal(bits, X.Info.Bits);
            Assert.Equal(FormatKind.Integer, X.Info.Kind);
            Assert.Equal(signed, X.Info.Signed);
            Assert.Equal(r.Max, X.Info.MaxValue);
            for (int a = r.Min; a <= r.Max; a++)
            {
                X x = X.CreateChecked(a);
                Assert.Equal(a, int.CreateChecked(x));
                Assert.Equal(r.Code(a), x.ToBits());
                Assert.Equal(x, X.FromBits((byte)(r.Code(a) | (0xFF << bits))));
                Assert.Equal(r.Wrap(-a), int.CreateChecked(-x));
                Assert.Equal(r.Wrap(~a), int.CreateChecked(~x));
                Assert.Equal(x, X.Parse(x.ToString()!, CultureInfo.InvariantCulture));
                Assert.Equal(x, X.Parse(Encoding.UTF8.GetBytes(x.ToString()!), CultureInfo.InvariantCulture));
                for (int s = 0; s < 2 * bits; s++)
                {
                    Assert.Equal(r.Wrap(a << (s % bits)), int.CreateChecked(x << s));
                    Assert.Equal(r.Wrap(a >> (s % bits)), int.CreateChecked(x >> s));
                    Assert.Equal(r.Wrap((a & r.Mask) >> (s % bits)), int.CreateChecked(x >>> s));
                }

                for (int b = r.Min; b <= r.Max; b++)
                {
                    X y = X.CreateChecked(b);
                    Assert.Equal(r.Wrap(a + b), int.CreateChecked(x + y));
                    Assert.Equal(r.Wrap(a - b), int.CreateChecked(x - y));
                    Assert.Equal(r.Wrap(a * b), int.CreateChecked(x * y));
                    Assert.Equal(r.InRange(a + b), Succeeds(() => checked(x + y)));
                    Assert.Equal(r.InRange(a - b), Succeeds(() => checked(x - y)));
                    Assert.Equal(r.InRange(a * b), Succeeds(() => checked(x * y)));
                    Assert.Equal(a < b, x < y);
                    Assert.Equal(a == b, x == y);
                    Assert.Equal(a.CompareTo(b), x.CompareTo(y));
                    if (b != 0)
                    {
                        Assert.Equal(r.Wrap(a / b), int.CreateChecked(x / y));
                        Assert.Equal(r.Wrap(a % b), int.CreateChecked(x % y));
                    }
                    else
                    {
                        Assert.Throws<DivideByZeroException>(() => x / y);
                    }
                }
            }
        }

        private static bool Succeeds(Func<object> operation)
        {
            try
            {
                operation();
                return true;
            }
            catch (OverflowException)
            {
                return false;
            }
        }

        [Fact]
        public void Operators_wrap_and_checked_operators_throw_as_the_design_says()
        {
            Assert.Equal((Int4)(-8), (Int4)7 + (Int4)1);
            Assert.Equal(-7, (int)(Int4)9);
            Assert.Equal(-7, (Int4)9);
            Assert.Throws<OverflowException>(() => checked((Int4)7 + (Int4)1));
            Assert.Throws<OverflowException>(() => checked((Int4)9));
            Assert.Throws<OverflowException>(() => checked((UInt4)(-1)));
            Assert.Throws<OverflowException>(() => UInt2.CreateChecked(5));
            Assert.Equal(3, (int)UInt2.CreateSaturating(5));
            Assert.Equal(1, (int)UInt2.CreateTruncating(5));
            Assert.Equal(-8, (int)Int4.CreateSaturating(-1000L));
            Assert.Equal(7, (int)Int4.CreateTruncating(9.9));
            Assert.Equal(3, (int)Int4.CreateChecked(3.7));
            Assert.Equal(-3, (int)Int4.CreateChecked(-3.7m));
            Assert.Throws<OverflowException>(() => Int4.CreateChecked(double.NaN));
            Assert.Equal(0, (int)Int4.CreateSaturating(double.NaN));
            Assert.Equal(5, int.CreateChecked((UInt4)5));
            Assert.Equal(255, byte.CreateTruncating((Int4)(-1)));
            Assert.Throws<OverflowException>(() => byte.CreateChecked((Int4)(-1)));
            Assert.Equal(15, byte.CreateSaturating((UInt4)15));
            Assert.Throws<NotSupportedException>(() => Int4.CreateChecked(BFloat16.One));
        }

        [Fact]
        public void Casts_from_floating_point_truncate_and_saturate_with_NaN_as_zero()
        {
            Assert.Equal(7, (int)(Int4)7.9f);
            Assert.Equal(-7, (int)(Int4)(-7.9));
            Assert.Equal(-8, (int)(Int4)(-100f));
            Assert.Equal(7, (int)(Int4)float.PositiveInfinity);
            Assert.Equal(0, (int)(Int4)float.NaN);
            Assert.Equal(0, (int)(UInt4)(-3.5f));
            Assert.Equal(15, (int)(UInt4)(Half)1000);
            Assert.Equal(7, (int)checked((Int4)7.9f));
            Assert.Throws<OverflowException>(() => checked((Int4)8f));
            Assert.Throws<OverflowException>(() => checked((Int4)float.NaN));
            Assert.Throws<OverflowException>(() => (Int4)8m);
            Assert.Equal(-8, (int)(Int4)(-8.99m));
        }

        [Fact]
        public void Implicit_conversions_widen_exactly()
        {
            Int4 x = (Int4)(-5);
            int i = x;
            long l = x;
            short s = x;
            sbyte sb = x;
            float f = x;
            double d = x;
            Half h = x;
            decimal m = x;
            Assert.Equal(-5, i);
            Assert.Equal(-5L, l);
            Assert.Equal((short)-5, s);
            Assert.Equal((sbyte)-5, sb);
            Assert.Equal(-5f, f);
            Assert.Equal(-5.0, d);
            Assert.Equal((Half)(-5), h);
            Assert.Equal(-5m, m);
            UInt4 u = (UInt4)15;
            byte b = u;
            uint ui = u;
            Assert.Equal(15, b);
            Assert.Equal(15u, ui);
            Assert.Equal(251, (byte)x);
            Assert.Throws<OverflowException>(() => checked((byte)x));
        }

        [Fact]
        public void Integer_binary_members_follow_sbyte()
        {
            Assert.Equal(4, (int)Int4.PopCount((Int4)(-1)));
            Assert.Equal(4, (int)Int4.TrailingZeroCount((Int4)0));
            Assert.Equal(2, (int)Int4.LeadingZeroCount((Int4)2));
            Assert.Equal(2, (int)UInt4.Log2((UInt4)7));
            Assert.True(UInt4.IsPow2((UInt4)8));
            Assert.False(Int4.IsPow2((Int4)(-8)));
            Assert.Equal((Int4)(-8), Int4.RotateLeft((Int4)1, 3));
            Assert.Equal(((Int4)(-2), (Int4)(-1)), Int4.DivRem((Int4)(-7), (Int4)3));
            Assert.Throws<OverflowException>(() => Int4.Abs(Int4.MinValue));
            Assert.Equal(-1, Int4.Sign((Int4)(-3)));
            Assert.Equal((Int4)(-1), Int4.NegativeOne);
            Assert.Equal((Int4)(-1), Int4.AllBitsSet);
            Assert.Equal((UInt4)15, UInt4.AllBitsSet);
            Assert.Equal((Int4)(-1), Int1.One == Int1.NegativeOne ? (Int4)(-1) : (Int4)0);
            Span<byte> buffer = stackalloc byte[2];
            Assert.True(((IBinaryInteger<Int4>)(Int4)(-3)).TryWriteLittleEndian(buffer, out int written));
            Assert.Equal(1, written);
            Assert.Equal(0xFD, buffer[0]);
            Assert.Equal((Int4)(-3), ReadLittleEndian<Int4>(buffer[..1].ToArray(), isUnsigned: false));
            Assert.Throws<OverflowException>(() => ReadLittleEndian<Int4>(new byte[] { 0x08 }, isUnsigned: false));
            Assert.Equal((Int4)7, ReadLittleEndian<Int4>(new byte[] { 0x07, 0x00, 0x00 }, isUnsigned: true));
            Assert.Equal((UInt4)0, ReadLittleEndian<UInt4>(Array.Empty<byte>(), isUnsigned: true));
        }

        private static T ReadLittleEndian<T>(byte[] source, bool isUnsigned)
            where T : IBinaryInteger<T>
            => T.ReadLittleEndian(source, isUnsigned);

        [Fact]
        public void Text_parses_and_formats_like_sbyte()
        {
            Assert.Equal((Int4)7, Int4.Parse("7"));
            Assert.Equal((Int4)(-8), Int4.Parse(" -8 "));
            Assert.Throws<OverflowException>(() => Int4.Parse("8"));
            Assert.Throws<OverflowException>(() => Int4.Parse("-9"));
            Assert.Throws<OverflowException>(() => UInt4.Parse("-1"));
            Assert.Throws<FormatException>(() => Int4.Parse("seven"));
            Assert.Throws<ArgumentNullException>(() => Int4.Parse(null!));
            Assert.False(Int4.TryParse("8", out Int4 failed));
            Assert.Equal(default, failed);
            Assert.False(Int4.TryParse((string?)null, out _));
            Assert.Equal((Int4)(-1), Int4.Parse("F", NumberStyles.HexNumber));
            Assert.Equal((Int4)(-8), Int4.Parse("8", NumberStyles.HexNumber));
            Assert.Throws<OverflowException>(() => Int4.Parse("10", NumberStyles.HexNumber));
            Assert.Equal((Int4)5, Int4.Parse("0101", NumberStyles.BinaryNumber));
            Assert.Equal("F", ((Int4)(-1)).ToString("X"));
            Assert.Equal("1000", ((Int4)(-8)).ToString("B"));
            Assert.Equal("-8", ((Int4)(-8)).ToString());
            Assert.Equal("-08", ((Int4)(-8)).ToString("D2", CultureInfo.InvariantCulture));
            Assert.Equal("-3", $"{(Int4)(-3)}");
            Span<byte> utf8 = stackalloc byte[8];
            Assert.True(((Int4)(-3)).TryFormat(utf8, out int written));
            Assert.Equal("-3", Encoding.UTF8.GetString(utf8[..written]));
        }

        [Fact]
        public void Spans_quantize_with_rounding_and_pack_element_zero_lowest()
        {
            float[] source = { 2.5f, -2.5f, 3.5f, 100f, float.NaN, -0.4f, 6.5f, -9f };
            var even = new Int4[source.Length];
            Int4.ConvertFrom(source, even);
            Assert.Equal(new[] { 2, -2, 4, 7, 0, 0, 6, -8 }, Array.ConvertAll(even, v => (int)v));
            var away = new Int4[source.Length];
            Int4.ConvertFrom(source, away, MidpointRounding.AwayFromZero);
            Assert.Equal(new[] { 3, -3, 4, 7, 0, 0, 7, -8 }, Array.ConvertAll(away, v => (int)v));
            var back = new float[source.Length];
            Int4.ConvertTo(even, back);
            Assert.Equal(new[] { 2f, -2f, 4f, 7f, 0f, 0f, 6f, -8f }, back);

            byte[] packed = new byte[Int4.PackedLength(3)];
            Int4.Pack(new[] { (Int4)1, (Int4)(-1), (Int4)5 }, packed);
            Assert.Equal(new byte[] { 0xF1, 0x05 }, packed);
            Assert.Equal(3, Int3.PackedLength(8));
            Assert.Equal(1, UInt1.PackedLength(8));
            var unpacked = new Int4[3];
            Int4.Unpack(packed, unpacked);
            Assert.Equal(new[] { (Int4)1, (Int4)(-1), (Int4)5 }, unpacked);
            byte[] fromFloats = new byte[1];
            UInt2.PackFrom(new[] { 0.4f, 1.5f, 9f, -1f }, fromFloats);
            Assert.Equal((byte)(0 | (2 << 2) | (3 << 4) | (0 << 6)), fromFloats[0]);
            var floats = new float[4];
            UInt2.UnpackTo(fromFloats, floats);
            Assert.Equal(new[] { 0f, 2f, 3f, 0f }, floats);

            Assert.Throws<ArgumentException>(() => Int4.ConvertFrom(source, new Int4[2]));
            Assert.Throws<ArgumentException>(() => Int4.ConvertTo(even, new float[2]));
            Assert.Throws<ArgumentException>(() => Int4.Pack(new Int4[3], new byte[1]));
            Assert.Throws<ArgumentException>(() => Int4.Unpack(new byte[1], new Int4[3]));
            Assert.Throws<ArgumentException>(() => Int4.PackFrom(source, new byte[3]));
            Assert.Throws<ArgumentException>(() => Int4.UnpackTo(new byte[3], new float[8]));
            Assert.Throws<ArgumentException>(() => Int4.ConvertFrom(source, even, (MidpointRounding)99));
        }

        [Fact]
        public void Format_info_describes_and_encodes_integers()
        {
            FormatInfo info = FormatCatalog.Find("int4")!;
            Assert.Same(Int4.Info, info);
            Assert.Equal("Int4", info.Name);
            Assert.Equal(typeof(Int4), info.ClrType);
            Assert.Equal("signed 4-bit integer, -8 to 7", info.Summary);
            Assert.Equal(2UL, info.Encode(2.5));
            Assert.Equal(3UL, info.Encode(2.5, MidpointRounding.AwayFromZero));
            Assert.Equal(0x8UL, info.Encode(-1e9));
            Assert.Equal(-1.0, info.Decode(0xF));
            Assert.Equal("-1", info.FormatValue(0xFF));
            Assert.False(info.HasNaN);
            Assert.False(info.HasInfinity);
            Assert.Same(UInt1.Info, FormatCatalog.Find("uint1"));
            Assert.Equal("unsigned 1-bit integer, 0 to 1", UInt1.Info.Summary);
        }
    }
}
