using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Numerics;
using NumForge.CompilerServices;
using Xunit;

namespace NumForge.Tests.Posits
{
    /// <summary>
    /// The generated public surface of the catalog posits: operators, conversions, text, spans and the quire, against
    /// SoftPosit's vectors (p8e0 through Posit8E0, p16e1 through Posit16E1) and the posit rules (NaR, saturation).
    /// </summary>
    public class PositSurfaceTests
    {
        /// <summary>Every <paramref name="stride"/>-th line of a vector file (the kernels see every line in SoftPositVectorTests).</summary>
        private static IEnumerable<string[]> Sample(string name, int stride) => VectorFiles.Read(name).Where((_, i) => i % stride == 0);

        private static Posit8E0 P8(string hex) => Posit8E0.FromBits((byte)VectorFiles.Hex(hex));

        private static Posit16E1 P16(string hex) => Posit16E1.FromBits((ushort)VectorFiles.Hex(hex));

        [Theory]
        [InlineData("add")]
        [InlineData("sub")]
        [InlineData("mul")]
        [InlineData("div")]
        public void Posit8E0OperatorsMatchSoftPosit(string op)
        {
            int count = 0;
            foreach (string[] f in Sample("p8e0." + op, 7))
            {
                Posit8E0 a = P8(f[0]), b = P8(f[1]);
                Posit8E0 r = op switch { "add" => a + b, "sub" => a - b, "mul" => a * b, _ => a / b };
                Assert.True(r.ToBits() == (byte)VectorFiles.Hex(f[2]), $"{string.Join(' ', f)}: got {r.ToBits():X2}");
                count++;
            }

            Assert.True(count > 100);
        }

        [Theory]
        [InlineData("add")]
        [InlineData("sub")]
        [InlineData("mul")]
        [InlineData("div")]
        public void Posit16E1OperatorsMatchSoftPosit(string op)
        {
            int count = 0;
            foreach (string[] f in Sample("p16e1." + op, 13))
            {
                Posit16E1 a = P16(f[0]), b = P16(f[1]);
                Posit16E1 r = op switch { "add" => a + b, "sub" => a - b, "mul" => a * b, _ => a / b };
                Assert.True(r.ToBits() == (ushort)VectorFiles.Hex(f[2]), $"{string.Join(' ', f)}: got {r.ToBits():X4}");
                count++;
            }

            Assert.True(count > 100);
        }

        [Fact]
        public void SqrtAndDecodeMatchSoftPosit()
        {
            foreach (string[] f in Sample("p8e0.sqrt", 1))
            {
                Assert.Equal((byte)VectorFiles.Hex(f[1]), Posit8E0.Sqrt(P8(f[0])).ToBits());
            }

            foreach (string[] f in Sample("p16e1.sqrt", 5))
            {
                Assert.Equal((ushort)VectorFiles.Hex(f[1]), Posit16E1.Sqrt(P16(f[0])).ToBits());
            }

            foreach (string[] f in Sample("p16e1.decode", 3))
            {
                double expected = BitConverter.UInt64BitsToDouble(VectorFiles.Hex(f[1]));
                double got = (double)P16(f[0]);
                Assert.True(double.IsNaN(expected) ? double.IsNaN(got) : got == expected, $"{string.Join(' ', f)}: got {got:R}");
            }
        }

        [Fact]
        public void ConversionsMatchSoftPosit()
        {
            foreach (string[] f in Sample("f64_to_p16e1", 3))
            {
                Assert.Equal((ushort)VectorFiles.Hex(f[1]), ((Posit16E1)BitConverter.UInt64BitsToDouble(VectorFiles.Hex(f[0]))).ToBits());
            }

            foreach (string[] f in Sample("i32_to_p8e0", 3))
            {
                Assert.Equal((byte)VectorFiles.Hex(f[1]), ((Posit8E0)(int)(uint)VectorFiles.Hex(f[0])).ToBits());
            }

            foreach (string[] f in Sample("i64_to_p16e1", 3))
            {
                Assert.Equal((ushort)VectorFiles.Hex(f[1]), ((Posit16E1)(long)VectorFiles.Hex(f[0])).ToBits());
            }

            // SoftPosit's p*_to_i32 / p*_to_i64 round to nearest even: the rounding conversion, not the cast.
            foreach (string[] f in Sample("p16e1_to_i32", 3))
            {
                Assert.Equal((int)(uint)VectorFiles.Hex(f[1]), P16(f[0]).ToInt32(MidpointRounding.ToEven));
            }

            foreach (string[] f in Sample("p8e0_to_i64", 1))
            {
                Assert.Equal((long)VectorFiles.Hex(f[1]), P8(f[0]).ToInt64(MidpointRounding.ToEven));
            }
        }

        [Fact]
        public void QuireDotProductsMatchSoftPosit()
        {
            int count = 0;
            foreach (string[] f in Sample("p16e1.fdp", 3))
            {
                int n = int.Parse(f[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                var a = new Posit16E1[n];
                var b = new Posit16E1[n];
                var quire = new Posit16E1.Quire();
                for (int i = 0; i < n; i++)
                {
                    a[i] = P16(f[1 + 2 * i]);
                    b[i] = P16(f[2 + 2 * i]);
                    quire.AddProduct(a[i], b[i]);
                }

                ushort expected = (ushort)VectorFiles.Hex(f[^1]);
                Assert.Equal(expected, Posit16E1.DotProduct(a, b).ToBits());
                Assert.Equal(expected, quire.ToPosit().ToBits());
                count++;
            }

            Assert.True(count > 0);
        }

        [Fact]
        public void QuireIsExactUntilRoundedOnce()
        {
            var q = new Posit32.Quire();
            q.Add(Posit32.MaxValue);
            q.Add(Posit32.One);
            q.Subtract(Posit32.MaxValue);
            Assert.Equal(Posit32.One, q.ToPosit()); // (maxpos + 1) - maxpos = 1 exactly; in posit arithmetic it is 0

            Assert.Equal(Posit32.Zero, (Posit32.MaxValue + Posit32.One) - Posit32.MaxValue);

            var copy = q.Clone();
            copy.Negate();
            Assert.Equal(Posit32.NegativeOne, copy.ToPosit());
            q.Add(copy);
            Assert.True(q.IsZero);
            q.SubtractProduct((Posit32)3, (Posit32)4);
            Assert.Equal((Posit32)(-12), q.ToPosit());
            q.Add(Posit32.NaR);
            Assert.True(q.IsNaR);
            Assert.True(Posit32.IsNaR(q.ToPosit()));
            q.Clear();
            Assert.True(q.IsZero);

            Posit64[] ones = Enumerable.Repeat(Posit64.One, 1000).ToArray();
            Assert.Equal((Posit64)1000, Posit64.DotProduct(ones, ones));
            Assert.Equal((Posit64)1000, Posit64.Sum(ones));
            Assert.Throws<ArgumentException>(() => Posit8.DotProduct(new Posit8[2], new Posit8[3]));
        }

        [Fact]
        public void NaRIsEqualToItselfAndLessThanEveryReal()
        {
            Assert.True(Posit16.NaR == Posit16.NaR);
            Assert.True(Posit16.NaR.Equals(Posit16.NaR));
            Assert.False(Posit16.NaR != Posit16.NaR);
            Assert.True(Posit16.NaR < Posit16.MinValue);
            Assert.True(Posit16.NaR <= Posit16.NaR);
            Assert.False(Posit16.NaR > Posit16.MinValue);
            Assert.Equal(-1, Posit16.NaR.CompareTo(Posit16.MinValue));
            Assert.Equal(0x8000, Posit16.NaR.ToBits());

            for (int code = 0; code < 256; code++)
            {
                Posit8 x = Posit8.FromBits((byte)code);
                if (code != 0x80)
                {
                    Assert.True(Posit8.NaR < x);
                    Assert.False(Posit8.IsNaR(x));
                }

                Assert.True(Posit8.IsNaR(x + Posit8.NaR));
                Assert.True(Posit8.IsNaR(x * Posit8.NaR));
            }

            Assert.True(Posit16.IsNaR(Posit16.One / Posit16.Zero));
            Assert.True(Posit16.IsNaR(Posit16.Sqrt(Posit16.NegativeOne)));
            Assert.True(Posit16.IsNaR((Posit16)double.NaN));
            Assert.True(Posit16.IsNaR((Posit16)double.PositiveInfinity));
            Assert.True(Posit16.IsNaR((Posit16)float.NegativeInfinity));
            Assert.True(double.IsNaN((double)Posit16.NaR));
            Assert.True(float.IsNaN((float)Posit16.NaR));
            Assert.True(Half.IsNaN((Half)Posit16.NaR));
            Assert.Throws<ArithmeticException>(() => Posit16.Sign(Posit16.NaR));
            Assert.Throws<OverflowException>(() => (decimal)Posit16.NaR);
            var sorted = new[] { Posit8.One, Posit8.NaR, Posit8.MinValue, Posit8.Zero }.OrderBy(x => x).ToArray();
            Assert.Equal(new[] { Posit8.NaR, Posit8.MinValue, Posit8.Zero, Posit8.One }, sorted);
        }

        [Fact]
        public void IntegerCastsTruncateSaturateAndMapNaRToZero()
        {
            Assert.Equal(0, (int)Posit32.NaR);
            Assert.Equal(0L, (long)Posit64.NaR);
            Assert.Equal(2, (int)(Posit32)2.75);
            Assert.Equal(-2, (int)(Posit32)(-2.75));
            Assert.Equal(int.MaxValue, (int)Posit32.MaxValue);
            Assert.Equal(int.MinValue, (int)Posit32.MinValue);
            Assert.Equal(ulong.MinValue, (ulong)(Posit16)(-5));
            Assert.Equal(byte.MaxValue, (byte)(Posit16)300);
            Assert.Equal(sbyte.MinValue, (sbyte)(Posit16)(-300));
            Assert.Equal(char.MaxValue, (char)Posit32.MaxValue);
            Assert.Equal(Int128.MaxValue, (Int128)Posit64.MaxValue);
            Assert.Equal(0, (int)Posit8.Epsilon);

            Assert.Throws<OverflowException>(() => checked((int)Posit32.NaR));
            Assert.Throws<OverflowException>(() => checked((byte)(Posit16)300));
            Assert.Equal(299, checked((short)(Posit32)299.9));

            // The rounding conversion: SoftPosit's round to nearest even, saturating, NaR -> 0.
            Assert.Equal(2, ((Posit16)2.5).ToInt32(MidpointRounding.ToEven));
            Assert.Equal(4, ((Posit16)3.5).ToInt32(MidpointRounding.ToEven));
            Assert.Equal(3, ((Posit16)2.5).ToInt32(MidpointRounding.AwayFromZero));
            Assert.Equal(-3, ((Posit16)(-2.5)).ToInt32(MidpointRounding.ToNegativeInfinity));
            Assert.Equal(0, Posit16.NaR.ToInt32(MidpointRounding.ToEven));
            Assert.Equal(int.MaxValue, Posit32.MaxValue.ToInt32(MidpointRounding.ToEven));
            Assert.Equal(long.MinValue, Posit64.MinValue.ToInt64(MidpointRounding.ToEven));

            // Integers convert by value: int.MinValue is -2^31 exactly in posit32.
            Assert.Equal(-2147483648.0, (double)(Posit32)int.MinValue);
            Assert.Equal(Posit16.MaxValue, (Posit16)long.MaxValue);
        }

        [Fact]
        public void ConstantsAndInfoDescribeTheFormat()
        {
            Assert.Equal(Math.Pow(2, 56), (double)Posit16.MaxValue);
            Assert.Equal(-Math.Pow(2, 56), (double)Posit16.MinValue);
            Assert.Equal(Math.Pow(2, -56), (double)Posit16.Epsilon);
            Assert.Equal(1.0, (double)Posit16.One);
            Assert.Equal(-1.0, (double)Posit16.NegativeOne);
            Assert.Equal(0.0, (double)Posit16.Zero);
            Assert.Equal(64.0, (double)Posit8E0.MaxValue);
            Assert.Equal(Math.Pow(2, 28), (double)Posit16E1.MaxValue);
            Assert.Equal(Math.PI, (double)Posit16E1.Pi, 3);

            FormatInfo info = Posit16E1.Info;
            Assert.Equal(FormatKind.Posit, info.Kind);
            Assert.Equal(16, info.Bits);
            Assert.Equal(1, info.ExponentBits);
            Assert.True(info.Signed);
            Assert.False(info.HasNaN);
            Assert.False(info.HasInfinity);
            Assert.True(info.HasNaR);
            Assert.Equal(Math.Pow(2, 28), info.MaxValue);
            Assert.Equal(Math.Pow(2, -28), info.Epsilon);
            Assert.Equal(info.Epsilon, info.MinNormal);
            Assert.Equal(Math.Pow(2, -12), info.MachineEpsilon);
            Assert.Equal((double)(Posit16E1.BitIncrement(Posit16E1.One) - Posit16E1.One), info.MachineEpsilon);
            Assert.Equal("posit<16,1>", info.Summary);
            Assert.Equal(0x4000UL, info.Encode(1.0));
            Assert.Equal(1.0, info.Decode(0x4000));
            Assert.Equal("NaR", info.FormatValue(0x8000));
            Assert.Equal(Math.Pow(2, -27), Posit32.Info.MachineEpsilon);
        }

        [Fact]
        public void CatalogListsThePositsWithAliases()
        {
            foreach (var (name, alias) in new[]
            {
                ("Posit8", "p8"), ("Posit16", "posit16"), ("Posit32", "p32"), ("Posit64", "posit64"),
                ("Posit8E0", "p8e0"), ("Posit16E1", "posit16_es1"), ("Posit16E1", "p16e1"),
            })
            {
                FormatInfo? info = FormatCatalog.Find(alias);
                Assert.NotNull(info);
                Assert.Equal(name, info!.Name);
                Assert.Contains(info, FormatCatalog.All);
                Assert.Contains(alias, FormatCatalog.AliasesOf(info), StringComparer.OrdinalIgnoreCase);
            }

            Assert.Equal(typeof(Posit8E0), FormatCatalog.Find("Posit8E0")!.ClrType);
        }

        [Fact]
        public void TextRoundTripsEveryPosit8()
        {
            Span<char> chars = stackalloc char[64];
            Span<byte> utf8 = stackalloc byte[64];
            for (int code = 0; code < 256; code++)
            {
                Posit8E0 x = Posit8E0.FromBits((byte)code);
                string text = x.ToString(CultureInfo.InvariantCulture);
                Posit8E0 back = Posit8E0.Parse(text, CultureInfo.InvariantCulture);
                Assert.Equal(x.ToBits(), back.ToBits());

                Assert.True(x.TryFormat(chars, out int written, default, CultureInfo.InvariantCulture));
                Assert.Equal(text, chars[..written].ToString());

                Assert.True(x.TryFormat(utf8, out int bytes, default, CultureInfo.InvariantCulture));
                Assert.True(Posit8E0.TryParse(utf8[..bytes], CultureInfo.InvariantCulture, out Posit8E0 fromUtf8));
                Assert.Equal(x, fromUtf8);
                Assert.Equal(x, Posit8E0.Parse(utf8[..bytes], CultureInfo.InvariantCulture));
            }

            Assert.Equal("NaR", Posit32.NaR.ToString());
            Assert.True(Posit32.IsNaR(Posit32.Parse("NaR", CultureInfo.InvariantCulture)));
            Assert.False(Posit32.TryParse("abc", CultureInfo.InvariantCulture, out _));
            Assert.False(Posit32.TryParse((string?)null, CultureInfo.InvariantCulture, out _));
            Assert.Throws<FormatException>(() => Posit32.Parse("abc", CultureInfo.InvariantCulture));
            Assert.Equal("0.1", Posit32.Parse("0.1", CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
        }

        [Fact]
        public void SpanConvertersMatchTheScalarConversions()
        {
            double[] source = { 0, -0.0, 1, -1.5, 1e-30, 1e30, double.NaN, double.PositiveInfinity, 3.14159, -1e-300 };
            var posits = new Posit16[source.Length];
            Posit16.ConvertFrom(source, posits);
            var back = new double[source.Length];
            Posit16.ConvertTo(posits, back);
            var singles = new float[source.Length];
            Posit16.ConvertTo(posits, singles);
            var halves = new Half[source.Length];
            Posit16.ConvertTo(posits, halves);
            for (int i = 0; i < source.Length; i++)
            {
                Posit16 scalar = (Posit16)source[i];
                Assert.Equal(scalar, posits[i]);
                Assert.Equal(((double)scalar).ToString("R", CultureInfo.InvariantCulture), back[i].ToString("R", CultureInfo.InvariantCulture));
                Assert.Equal(((float)scalar).ToString("R", CultureInfo.InvariantCulture), singles[i].ToString("R", CultureInfo.InvariantCulture));
                Assert.Equal((Half)scalar, halves[i]);
            }

            Assert.Equal(Posit16.Epsilon, posits[4]);
            Assert.Equal(Posit16.MaxValue, posits[5]);
            Assert.Equal(-Posit16.Epsilon, posits[9]);
            Assert.Throws<ArgumentException>(() => Posit16.ConvertFrom(source, new Posit16[2]));

            float[] fromSingles = { 1f, 2.5f, float.NaN };
            var p8 = new Posit8[3];
            Posit8.ConvertFrom(fromSingles, p8);
            Assert.Equal(new[] { Posit8.One, (Posit8)2.5, Posit8.NaR }, p8);
        }

        [Fact]
        public void GenericMathWorksThroughTheInterfaces()
        {
            Assert.Equal((Posit32)10, SumOf(new[] { (Posit32)1, (Posit32)2, (Posit32)3, (Posit32)4 }));
            Assert.Equal((Posit16)3, RootOf((Posit16)9));
            Assert.Equal(Posit8.MaxValue, MaxOf<Posit8>());
            Assert.Equal((Posit32)42, Posit32.CreateChecked(42));
            Assert.Equal((Posit32)0.5, Posit32.CreateSaturating(0.5m));
            Assert.Equal(7, int.CreateChecked((Posit32)7.9));
            Assert.Equal(7, int.CreateSaturating((Posit32)7.9));
            Assert.Equal(0, int.CreateSaturating(Posit32.NaR));
            Assert.Throws<OverflowException>(() => int.CreateChecked(Posit32.NaR));
            Assert.Equal(new BigInteger(1) << 120, BigInteger.CreateChecked(Posit32.MaxValue));
            Assert.Equal(Posit32.MaxValue, Posit32.CreateChecked(new BigInteger(1) << 200));
            Assert.Equal(1.5, double.CreateChecked((Posit16)1.5));
            Assert.Equal((Posit16)(-2), Posit16.NegativeOne + Posit16.NegativeOne);
            Assert.Equal((Posit16)2, Posit16.Abs((Posit16)(-2)));
            Assert.Equal((Posit16)4, Posit16.FusedMultiplyAdd((Posit16)1.5, (Posit16)2, Posit16.One));
            Assert.Equal((Posit16)3, Posit16.Round((Posit16)2.5, MidpointRounding.AwayFromZero));
            Assert.Equal((Posit16)(-3), Posit16.Floor((Posit16)(-2.5)));
            Assert.Equal((Posit16)(-2), Posit16.Ceiling((Posit16)(-2.5)));
            Assert.Equal((Posit16)0.5, (Posit16)2.5 % (Posit16)1);
            Posit16 x = Posit16.One;
            x++;
            Assert.Equal((Posit16)2, x);
            x--;
            Assert.Equal(Posit16.One, x);
            Assert.Equal(Posit16.NaR, Posit16.Max(Posit16.NaR, Posit16.One));
            Assert.Equal(Posit16.One, Posit16.MaxNumber(Posit16.NaR, Posit16.One));
            Assert.Equal((Posit16)2, Posit16.Clamp((Posit16)5, Posit16.One, (Posit16)2));
        }

        private static T SumOf<T>(IEnumerable<T> values)
            where T : INumber<T>
        {
            T sum = T.Zero;
            foreach (T v in values)
            {
                sum += v;
            }

            return sum;
        }

        private static T RootOf<T>(T x)
            where T : IRootFunctions<T> => T.Sqrt(x);

        private static T MaxOf<T>()
            where T : IMinMaxValue<T> => T.MaxValue;
    }
}
