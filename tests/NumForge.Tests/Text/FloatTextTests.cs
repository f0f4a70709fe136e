using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Numerics;
using System.Text;
using NumForge.CompilerServices;
using Xunit;

namespace NumForge.Tests.Text
{
    /// <summary>Formatting and parsing kernel (<see cref="FloatText{TTraits}"/>) against hand-written traits.</summary>
    public class FloatTextTests
    {
        private const NumberStyles DefaultStyle = NumberStyles.Float | NumberStyles.AllowThousands;

        private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

        // ---------------------------------------------------------------- helpers

        private static string F<T>(ulong code, string? format = null, IFormatProvider? provider = null)
            where T : struct, IFloatTraits
            => FloatText<T>.Format(code, format, provider ?? Inv);

        private static ulong P<T>(string s, IFormatProvider? provider = null)
            where T : struct, IFloatTraits
            => FloatText<T>.Parse(s, DefaultStyle, provider ?? Inv);

        private static ulong CodeCount<T>()
            where T : struct, IFloatTraits
            => (T.SignMask | T.MagnitudeMask) + 1;

        private static double V<T>(ulong code)
            where T : struct, IFloatTraits
            => FloatCodec<T>.ToDouble(code);

        /// <summary>The exact decimal expansion of n × 2^k.</summary>
        private static string ExactDecimal(BigInteger n, int k)
        {
            string sign = n.Sign < 0 ? "-" : string.Empty;
            n = BigInteger.Abs(n);
            if (k >= 0)
            {
                return sign + (n << k).ToString(Inv);
            }

            string digits = (n * BigInteger.Pow(5, -k)).ToString(Inv).PadLeft(-k + 1, '0');
            string result = digits.Substring(0, digits.Length + k) + "." + digits.Substring(digits.Length + k);
            return sign + result.TrimEnd('0').TrimEnd('.');
        }

        /// <summary>A finite double as n × 2^k.</summary>
        private static (BigInteger N, int K) Dyadic(double value)
        {
            long bits = BitConverter.DoubleToInt64Bits(value);
            int biased = (int)((bits >> 52) & 0x7FF);
            long fraction = bits & 0xF_FFFF_FFFF_FFFFL;
            BigInteger n = biased == 0 ? fraction : fraction | (1L << 52);
            int k = (biased == 0 ? -1074 : biased - 1075);
            return (value < 0 ? -n : n, k);
        }

        /// <summary>The exact midpoint of two finite doubles as a decimal string.</summary>
        private static string Midpoint(double a, double b)
        {
            (BigInteger na, int ka) = Dyadic(a);
            (BigInteger nb, int kb) = Dyadic(b);
            int k = Math.Min(ka, kb);
            BigInteger sum = (na << (ka - k)) + (nb << (kb - k));
            return ExactDecimal(sum, k - 1);
        }

        private static void AssertSameCode<T>(ulong expected, ulong actual, string context)
            where T : struct, IFloatTraits
        {
            if (FloatCodec<T>.IsNaN(expected))
            {
                Assert.True(FloatCodec<T>.IsNaN(actual), $"{context}: expected NaN, got 0x{actual:X}");
            }
            else
            {
                Assert.True(expected == actual, $"{context}: expected 0x{expected:X} ({V<T>(expected)}), got 0x{actual:X} ({V<T>(actual)})");
            }
        }

        // ---------------------------------------------------------------- traits

        [Fact]
        public void TraitsMatchFloatLayout()
        {
            Check<TextE4M3FN>();
            Check<TextE4M3FNUZ>();
            Check<TextE5M2>();
            Check<TextE3M4>();
            Check<TextE2M3>();
            Check<TextE2M1>();
            Check<TextE8M0>();
            Check<TextBinary16>();
            Check<TextBFloat16>();
            Check<TextBinary32>();
            Check<TextBinary64>();

            static void Check<T>()
                where T : struct, IFloatTraits
            {
                FloatLayout? layout = FloatLayout.TryCreate(T.ExponentBits, T.MantissaBits, T.Bias, T.Signed, T.Subnormals, T.Specials, OverflowBehavior.Default, out var problems);
                Assert.True(layout != null, typeof(T).Name + ": " + string.Join("; ", problems));
                string name = typeof(T).Name;
                Assert.True(layout!.Overflow == T.Overflow, name + " Overflow");
                Assert.True(layout.SignMask == T.SignMask, name + " SignMask");
                Assert.True(layout.MagnitudeMask == T.MagnitudeMask, name + " MagnitudeMask");
                Assert.True(layout.MaxFiniteMagnitude == T.MaxFiniteMagnitude, name + " MaxFiniteMagnitude");
                Assert.True(layout.NaNCode == T.NaNCode, name + " NaNCode");
                Assert.True(layout.PositiveInfinityCode == T.PositiveInfinityCode, name + " PositiveInfinityCode");
                Assert.True(layout.NegativeInfinityCode == T.NegativeInfinityCode, name + " NegativeInfinityCode");
                Assert.True(layout.MinNormalExponent == T.MinNormalExponent, name + " MinNormalExponent");
                Assert.True(layout.MaxExponent == T.MaxExponent, name + " MaxExponent");
            }
        }

        // ---------------------------------------------------------------- round trip

        [Fact]
        public void RoundTripsEveryCodeOfNarrowFormats()
        {
            RoundTripAll<TextE4M3FN>();
            RoundTripAll<TextE4M3FNUZ>();
            RoundTripAll<TextE5M2>();
            RoundTripAll<TextE3M4>();
            RoundTripAll<TextE2M3>();
            RoundTripAll<TextE2M1>();
            RoundTripAll<TextE8M0>();
        }

        [Fact]
        public void RoundTripsEveryBinary16AndBFloat16Code()
        {
            RoundTripAll<TextBinary16>();
            RoundTripAll<TextBFloat16>();
        }

        private static void RoundTripAll<T>()
            where T : struct, IFloatTraits
        {
            var de = CultureInfo.GetCultureInfo("de-DE");
            for (ulong code = 0; code < CodeCount<T>(); code++)
            {
                string text = F<T>(code);
                AssertSameCode<T>(code, P<T>(text), $"{typeof(T).Name} 0x{code:X} '{text}'");
                AssertSameCode<T>(code, P<T>(F<T>(code, "R")), $"{typeof(T).Name} 0x{code:X} R");
                AssertSameCode<T>(code, P<T>(F<T>(code, null, de), de), $"{typeof(T).Name} 0x{code:X} de-DE");

                // The shortest string lies inside the value's own rounding interval, never only saturating back.
                double value = V<T>(code);
                if (double.IsFinite(value) && value != 0 && code != 0)
                {
                    double parsed = double.Parse(text, Inv);
                    double ulp = Math.Abs(V<T>(code + 1) - value);
                    if (double.IsFinite(ulp) && ulp != 0)
                    {
                        Assert.True(Math.Abs(parsed - value) <= ulp, $"{typeof(T).Name} 0x{code:X} '{text}' outside the interval");
                    }
                }
            }
        }

        [Fact]
        public void ShortestStaysInsideTheRoundingInterval()
        {
            // 7.5 is E2M3's max: "8" would saturate back to it but lies outside its interval.
            Assert.Equal("7.5", F<TextE2M3>(0x1F));
            Assert.Equal("-7.5", F<TextE2M3>(0x3F));
            Assert.Equal("6", F<TextE2M1>(0x7));
            Assert.Equal("450", F<TextE4M3FN>(0x7E));
            Assert.Equal("60000", F<TextE5M2>(0x7B)); // 57344's interval is (53248, 61440)
            Assert.Equal(0x7BUL, P<TextE5M2>("60000"));
            Assert.Equal("65500", F<TextBinary16>(0x7BFF));

            // E8M0: equally short candidates go to the one nearest the value (8, not 10).
            Assert.Equal("8", F<TextE8M0>(127 + 3));
            Assert.Equal("1", F<TextE8M0>(127));
            Assert.Equal("0.5", F<TextE8M0>(126));
        }

        [Fact]
        public void FormatsSpecialValues()
        {
            Assert.Equal("NaN", F<TextE4M3FN>(0x7F));
            Assert.Equal("NaN", F<TextE4M3FN>(0xFF));
            Assert.Equal("NaN", F<TextE4M3FNUZ>(0x80));
            Assert.Equal("0", F<TextE4M3FNUZ>(0x00));
            Assert.Equal("-0", F<TextE4M3FN>(0x80));
            Assert.Equal("0", F<TextE4M3FN>(0x00));
            Assert.Equal("Infinity", F<TextE5M2>(0x7C));
            Assert.Equal("-Infinity", F<TextE5M2>(0xFC));
            var en = CultureInfo.GetCultureInfo("en-US");
            Assert.Equal(en.NumberFormat.PositiveInfinitySymbol, F<TextE5M2>(0x7C, null, en));
            Assert.Equal(en.NumberFormat.NegativeInfinitySymbol, F<TextE5M2>(0xFC, null, en));
            Assert.Equal(en.NumberFormat.PositiveInfinitySymbol, F<TextE5M2>(0x7C, "F2", en));
            Assert.Equal("NaN", F<TextE5M2>(0x7E, "E3"));
            Assert.Equal("NaN", F<TextE8M0>(0xFF));
        }

        // ---------------------------------------------------------------- agreement with the BCL's shortest strings

        [Fact]
        public void Binary16ShortestEqualsHalfToString()
        {
            for (int bits = 0; bits < 0x10000; bits++)
            {
                Half h = BitConverter.UInt16BitsToHalf((ushort)bits);
                if (Half.IsNaN(h))
                {
                    continue;
                }

                // Half prints with its own exponent threshold; lay its digits out as double does.
                string expected = double.Parse(h.ToString("R", Inv), Inv).ToString(Inv);
                Assert.True(expected == F<TextBinary16>((ulong)bits), $"0x{bits:X4}: Half '{expected}', ours '{F<TextBinary16>((ulong)bits)}'");
            }
        }

        [Fact]
        public void Binary32ShortestEqualsFloatToString()
        {
            var random = new Random(1234);
            var samples = new List<uint> { 1, 2, 3, 0x7F7FFFFF, 0x00800000, 0x007FFFFF, 0x3F800000, 0x4B800000, 0x4E6E6B28, 0x5A0E1BCA };
            for (int i = 0; i < 300_000; i++)
            {
                samples.Add((uint)random.NextInt64(0, 1L << 32));
            }

            for (int i = -45; i <= 38; i++)
            {
                samples.Add(BitConverter.SingleToUInt32Bits(float.Parse("1e" + i.ToString(Inv), Inv)));
                samples.Add(BitConverter.SingleToUInt32Bits(float.Parse("9.999999e" + i.ToString(Inv), Inv)));
            }

            foreach (uint bits in samples)
            {
                float f = BitConverter.UInt32BitsToSingle(bits);
                if (float.IsNaN(f))
                {
                    continue;
                }

                string expected = double.Parse(f.ToString("R", Inv), Inv).ToString(Inv);
                string actual = F<TextBinary32>(bits);
                Assert.True(expected == actual, $"0x{bits:X8}: float '{expected}', ours '{actual}'");
            }
        }

        [Fact]
        public void Binary64ShortestEqualsDoubleToString()
        {
            var random = new Random(99);
            var samples = new List<ulong> { 1, 2, 0x7FEFFFFFFFFFFFFF, 0x0010000000000000, 0x000FFFFFFFFFFFFF, 0x3FF0000000000000, 0x4340000000000000 };
            for (int i = 0; i < 30_000; i++)
            {
                samples.Add((ulong)random.NextInt64() ^ ((ulong)random.Next(2) << 63));
            }

            foreach (double d in new[] { 1e14, 1e15, 1e16, 1e17, 1.5e15, 1e-4, 1e-5, 0.00012345, -60, 1e21, 5e-324, 123456789012345678.0, 0.1, 0.3, 2.0 / 3 })
            {
                samples.Add(BitConverter.DoubleToUInt64Bits(d));
            }

            foreach (ulong bits in samples)
            {
                double d = BitConverter.UInt64BitsToDouble(bits);
                Assert.True(d.ToString(Inv) == F<TextBinary64>(bits), $"0x{bits:X16}: double '{d.ToString(Inv)}', ours '{F<TextBinary64>(bits)}'");
                Assert.True(d.ToString("g", Inv) == F<TextBinary64>(bits, "g"), $"0x{bits:X16} g");
            }
        }

        [Fact]
        public void OtherFormatStringsFormatTheExactValueAsDouble()
        {
            string[] formats = { "E3", "e", "F2", "N", "P", "G17", "G3", "0.00", "#,##0.###", "C" };
            var cultures = new[] { Inv, CultureInfo.GetCultureInfo("de-DE") };
            for (ulong code = 0; code < 256; code++)
            {
                foreach (string format in formats)
                {
                    foreach (CultureInfo culture in cultures)
                    {
                        Assert.Equal(V<TextE4M3FN>(code).ToString(format, culture), F<TextE4M3FN>(code, format, culture));
                    }
                }
            }

            Assert.Equal("4.480E+002", F<TextE4M3FN>(0x7E, "E3"));
            Assert.Equal("448", F<TextE4M3FN>(0x7E, "G17"));
        }

        [Fact]
        public void TryFormatHonoursTheDestinationLength()
        {
            Span<char> small = stackalloc char[2];
            Assert.False(FloatText<TextE4M3FN>.TryFormat(0x7E, small, out int written, default, Inv));
            Assert.Equal(0, written);
            Span<char> exact = stackalloc char[3];
            Assert.True(FloatText<TextE4M3FN>.TryFormat(0x7E, exact, out written, default, Inv));
            Assert.Equal("450", exact.Slice(0, written).ToString());

            Span<byte> smallBytes = stackalloc byte[2];
            Assert.False(FloatText<TextE4M3FN>.TryFormat(0x7E, smallBytes, out written, default, Inv));
            Assert.Equal(0, written);
            Assert.False(FloatText<TextE4M3FN>.TryFormat(0x7E, small, out _, "F3", Inv));
        }

        [Fact]
        public void Utf8FormattingEqualsCharFormatting()
        {
            var cultures = new[] { Inv, CultureInfo.GetCultureInfo("de-DE"), CultureInfo.GetCultureInfo("sv-SE"), CultureInfo.GetCultureInfo("en-US") };
            string?[] formats = { null, "R", "g", "E2", "F1" };
            Span<char> chars = stackalloc char[100];
            Span<byte> bytes = stackalloc byte[300];
            for (ulong code = 0; code < 256; code++)
            {
                foreach (CultureInfo culture in cultures)
                {
                    foreach (string? format in formats)
                    {
                        string expected = F<TextE5M2>(code, format, culture);
                        Assert.True(FloatText<TextE5M2>.TryFormat(code, chars, out int charCount, format, culture));
                        Assert.Equal(expected, chars.Slice(0, charCount).ToString());
                        Assert.True(FloatText<TextE5M2>.TryFormat(code, bytes, out int byteCount, format, culture));
                        Assert.Equal(expected, Encoding.UTF8.GetString(bytes.Slice(0, byteCount)));
                    }
                }
            }
        }

        [Fact]
        public void ExponentNotationFollowsDouble()
        {
            // 2^-16 (E5M2's smallest subnormal) and powers of two in Binary16 and E8M0.
            Assert.Equal("2E-05", F<TextE5M2>(1)); // 1.52587890625E-05: one digit suffices
            Assert.Equal("6E-08", F<TextBinary16>(1));
            Assert.Equal("0.0001", F<TextBinary32>(BitConverter.SingleToUInt32Bits(1e-4f)));
            Assert.Equal("1E-05", F<TextBinary32>(BitConverter.SingleToUInt32Bits(1e-5f)));
            Assert.Equal("1e-05", F<TextBinary32>(BitConverter.SingleToUInt32Bits(1e-5f), "g"));
            Assert.Equal("1E+17", F<TextBinary32>(BitConverter.SingleToUInt32Bits(1e17f)));
            Assert.Equal("10000000000000000", F<TextBinary32>(BitConverter.SingleToUInt32Bits(1e16f)));
            Assert.Equal("2E+38", F<TextE8M0>(254));
            Assert.Equal("6E-39", F<TextE8M0>(0));
            Assert.Equal("-1,5E-07", F<TextBinary32>(BitConverter.SingleToUInt32Bits(-1.5e-7f), null, CultureInfo.GetCultureInfo("de-DE")));
            Assert.Equal("\u22121,5E\u221207", F<TextBinary32>(BitConverter.SingleToUInt32Bits(-1.5e-7f), null, CultureInfo.GetCultureInfo("sv-SE")));
        }

        // ---------------------------------------------------------------- parsing: correct rounding

        [Fact]
        public void ParsesMidpointsCorrectly()
        {
            Midpoints<TextE4M3FN>();
            Midpoints<TextE4M3FNUZ>();
            Midpoints<TextE5M2>();
            Midpoints<TextE3M4>();
            Midpoints<TextE2M3>();
            Midpoints<TextE2M1>();
            Midpoints<TextE8M0>();
            Midpoints<TextBinary16>();
        }

        private static void Midpoints<T>()
            where T : struct, IFloatTraits
        {
            string zeros = new string('0', 50);
            for (ulong c = 0; c < T.MaxFiniteMagnitude; c++)
            {
                ulong lower = c;
                ulong upper = c + 1;
                double a = V<T>(lower);
                double b = V<T>(upper);
                string mid = Midpoint(a, b);
                string point = mid.Contains('.', StringComparison.Ordinal) ? string.Empty : ".";

                // A tie goes to the even significand (the even code); without mantissa bits ties go up (E8M0).
                ulong tie = T.MantissaBits == 0 || (lower & 1) != 0 ? upper : lower;
                string name = typeof(T).Name;
                AssertSameCode<T>(tie, P<T>(mid), $"{name} tie {mid}");
                AssertSameCode<T>(upper, P<T>(mid + point + zeros + "1"), $"{name} above {mid}");
                AssertSameCode<T>(tie, P<T>(mid + point + zeros), $"{name} trailing zeros {mid}");

                // Just below the midpoint: subtract 10^-60 relative to the midpoint's last digit.
                string below = DecrementLastDigit(mid) + (mid.Contains('.', StringComparison.Ordinal) ? string.Empty : ".") + new string('9', 60);
                AssertSameCode<T>(lower, P<T>(below), $"{name} below {mid} ({below})");

                if (T.Signed && T.Specials != SpecialValues.FiniteNaNUnsignedZero)
                {
                    AssertSameCode<T>(tie | T.SignMask, P<T>("-" + mid), $"{name} -tie {mid}");
                }

                AssertSameCode<T>(lower, P<T>(ExactDecimal(Dyadic(a).N, Dyadic(a).K)), $"{name} exact {a}");
            }
        }

        /// <summary>The decimal one unit in the last digit smaller (the input ends in a nonzero digit).</summary>
        private static string DecrementLastDigit(string s)
        {
            char[] chars = s.ToCharArray();
            int i = chars.Length - 1;
            while (chars[i] == '0' || chars[i] == '.')
            {
                if (chars[i] == '0')
                {
                    chars[i] = '9';
                }

                i--;
            }

            chars[i]--;
            return new string(chars);
        }

        [Fact]
        public void OverflowAndUnderflowFollowTheFormat()
        {
            Assert.Equal(0x7EUL, P<TextE4M3FN>("448"));
            Assert.Equal(0x7EUL, P<TextE4M3FN>("464"));
            Assert.Equal(0x7FUL, P<TextE4M3FN>("464.0000000000000000000000000000000000001"));
            Assert.Equal(0x7FUL, P<TextE4M3FN>("465"));
            Assert.Equal(0x7FUL, P<TextE4M3FN>("500"));
            Assert.Equal(0xFFUL, P<TextE4M3FN>("-500"));
            Assert.Equal(0x7BUL, P<TextE5M2>("61439.999"));
            Assert.Equal(0x7CUL, P<TextE5M2>("61440"));
            Assert.Equal(0xFCUL, P<TextE5M2>("-1e400"));
            Assert.Equal(0x7UL, P<TextE2M1>("100"));
            Assert.Equal(0xFUL, P<TextE2M1>("-1e999999999"));
            Assert.Equal(0x80UL, P<TextE4M3FNUZ>("1e999999999"));

            // Halfway to the smallest subnormal rounds to even (zero); a hair more gives the subnormal.
            Assert.Equal(0x00UL, P<TextE4M3FN>("0.0009765625"));
            Assert.Equal(0x01UL, P<TextE4M3FN>("0.00097656250000000000000000000000000000000000000001"));
            Assert.Equal(0x80UL, P<TextE4M3FN>("-0.0009765625"));
            Assert.Equal(0x00UL, P<TextE4M3FNUZ>("-1e-300"));
            Assert.Equal(0x00UL, P<TextE4M3FN>("1e-999999999"));
            Assert.Equal(0x80UL, P<TextE4M3FN>("-1e-99999999999999999999999"));

            // E8M0: zero and negatives are NaN, everything tiny goes to its smallest value.
            Assert.Equal(0xFFUL, P<TextE8M0>("0"));
            Assert.Equal(0xFFUL, P<TextE8M0>("-2"));
            Assert.Equal(0x00UL, P<TextE8M0>("1e-300"));
            Assert.Equal(0x00UL, P<TextE8M0>("1e-99999"));
            Assert.Equal(0xFFUL, P<TextE8M0>("1e39"));
            Assert.Equal(127UL + 1, P<TextE8M0>("2.9"));
            Assert.Equal(127UL + 2, P<TextE8M0>("3")); // ties go up
            Assert.Equal(127UL + 3, P<TextE8M0>("6"));

            // Zeros keep their sign where the format has -0.
            Assert.Equal(0x80UL, P<TextE4M3FN>("-0"));
            Assert.Equal(0x80UL, P<TextE4M3FN>("-0.000e5"));
            Assert.Equal(0x00UL, P<TextE4M3FNUZ>("-0"));
            Assert.Equal(0x00UL, P<TextE4M3FN>("0e999999999999999"));
        }

        [Fact]
        public void ParsingAgreesWithTheBclOnRandomDecimals()
        {
            var random = new Random(7);
            var sb = new StringBuilder();
            for (int i = 0; i < 100_000; i++)
            {
                sb.Clear();
                if (random.Next(4) == 0)
                {
                    sb.Append('-');
                }

                int digits = random.Next(1, 30);
                int point = random.Next(0, digits + 1);
                for (int d = 0; d < digits; d++)
                {
                    if (d == point)
                    {
                        sb.Append('.');
                    }

                    sb.Append((char)('0' + random.Next(10)));
                }

                if (random.Next(2) == 0)
                {
                    sb.Append('e').Append(random.Next(-60, 45).ToString(Inv));
                }

                string s = sb.ToString();
                Half h = Half.Parse(s, DefaultStyle, Inv);
                Assert.True(BitConverter.HalfToUInt16Bits(h) == P<TextBinary16>(s), $"Half '{s}'");
                float f = float.Parse(s, DefaultStyle, Inv);
                Assert.True(BitConverter.SingleToUInt32Bits(f) == P<TextBinary32>(s), $"float '{s}'");

                double d64 = double.Parse(s, DefaultStyle, Inv);
                Assert.True(BitConverter.DoubleToUInt64Bits(d64) == P<TextBinary64>(s), $"double '{s}'");

                // Wider exponents for binary64: through the subnormals and past the largest value.
                string wide = sb.Append('e').Append(random.Next(-345, 312).ToString(Inv)).ToString().Replace("e", "x", StringComparison.Ordinal);
                int firstE = wide.IndexOf('x', StringComparison.Ordinal);
                wide = firstE == wide.LastIndexOf('x') ? wide.Replace('x', 'e') : wide.Substring(0, firstE) + "e" + wide.Substring(wide.LastIndexOf('x') + 1);
                double w = double.Parse(wide, DefaultStyle, Inv);
                Assert.True(BitConverter.DoubleToUInt64Bits(w) == P<TextBinary64>(wide), $"double '{wide}'");
            }
        }

        [Fact]
        public void ParsesNearDoubleSubnormalsAndExtremes()
        {
            foreach (string s in new[] { "4.9406564584124654e-324", "2.4703282292062327e-324", "2.4703282292062328e-324", "1.7976931348623157e308", "1.7976931348623158e308", "1.7976931348623159e308", "2.2250738585072011e-308", "2.2250738585072012e-308" })
            {
                Assert.Equal(BitConverter.DoubleToUInt64Bits(double.Parse(s, Inv)), P<TextBinary64>(s));
            }

            // Exact halfway between the two smallest doubles, then a hair above it.
            string half = Midpoint(double.Epsilon, 2 * double.Epsilon);
            Assert.Equal(2UL, P<TextBinary64>(half));
            Assert.Equal(1UL, P<TextBinary64>(Midpoint(0, double.Epsilon) + "0000000000000000000000000000000000000000000000000001"));
            Assert.Equal(0UL, P<TextBinary64>(Midpoint(0, double.Epsilon)));
        }

        // ---------------------------------------------------------------- parsing: syntax and cultures

        [Fact]
        public void AcceptsWhatDoubleAccepts()
        {
            string[] good = { "1", " 1 ", "+1", "-1", "1.", ".5", "1,000.5", "1,,0", "1e5", "1E+5", "1e-5", "  -1.5E-3  ", "1\0\0", "NaN", "nan", "-NaN", "+NaN", "Infinity", "-infinity", "+INFINITY", "0.000", "00012" };
            foreach (string s in good)
            {
                Assert.True(double.TryParse(s, DefaultStyle, Inv, out double expected), s);
                Assert.True(FloatText<TextBinary64>.TryParse(s, DefaultStyle, Inv, out ulong code), s);
                Assert.Equal(BitConverter.DoubleToUInt64Bits(expected) & 0x7FFFFFFFFFFFFFFF, code & 0x7FFFFFFFFFFFFFFF);
                if (!double.IsNaN(expected))
                {
                    Assert.Equal(BitConverter.DoubleToUInt64Bits(expected), code);
                }
            }

            Assert.Equal(0x7CUL, P<TextE5M2>("Infinity"));
            Assert.Equal(0xFCUL, P<TextE5M2>("-Infinity"));
            Assert.True(FloatCodec<TextE5M2>.IsNaN(P<TextE5M2>("NaN")));
            Assert.True(FloatCodec<TextE5M2>.IsNaN(P<TextE5M2>("-nan")));
            Assert.Equal(0x7FUL, P<TextE4M3FN>("Infinity"));
            Assert.Equal(0x7UL, P<TextE2M1>("Infinity"));
        }

        [Fact]
        public void RejectsMalformedText()
        {
            string?[] bad = { null, string.Empty, " ", "1e", "1e+", "--1", "1.2.3", "0x10", "1 e5", "e5", ".", "-", "+", "(1)", "1-", ",5", "∞", "1a", "Infinityx", "- 1", "1 1", "\u00A01" };
            foreach (string? s in bad)
            {
                Assert.False(double.TryParse(s, DefaultStyle, Inv, out _), "double accepts " + s);
                Assert.False(FloatText<TextE4M3FN>.TryParse(s, DefaultStyle, Inv, out ulong code), "accepted " + s);
                Assert.Equal(0UL, code);
                Assert.Throws<FormatException>(() => FloatText<TextE4M3FN>.Parse(s, DefaultStyle, Inv));
                Assert.False(FloatText<TextE4M3FN>.TryParse(Encoding.UTF8.GetBytes(s ?? string.Empty), DefaultStyle, Inv, out _), "UTF-8 accepted " + s);
                byte[] utf8 = Encoding.UTF8.GetBytes(s ?? string.Empty);
                Assert.Throws<FormatException>(() => FloatText<TextE4M3FN>.Parse(utf8, DefaultStyle, Inv));
            }

            Assert.Throws<FormatException>(() => FloatText<TextE4M3FN>.Parse("1e5", NumberStyles.AllowDecimalPoint, Inv));
            Assert.Throws<FormatException>(() => FloatText<TextE4M3FN>.Parse("1,000", NumberStyles.Float, Inv));
            Assert.Throws<FormatException>(() => FloatText<TextE4M3FN>.Parse(" 1", NumberStyles.None, Inv));
        }

        [Fact]
        public void RejectsInvalidStylesAsDoubleDoes()
        {
            Assert.Throws<ArgumentException>(() => FloatText<TextE4M3FN>.Parse("1", NumberStyles.HexNumber, Inv));
            Assert.Throws<ArgumentException>(() => FloatText<TextE4M3FN>.TryParse("1", NumberStyles.AllowHexSpecifier, Inv, out _));
            Assert.Throws<ArgumentException>(() => FloatText<TextE4M3FN>.TryParse("1"u8, NumberStyles.AllowBinarySpecifier, Inv, out _));
            Assert.Throws<ArgumentException>(() => FloatText<TextE4M3FN>.Parse("1", (NumberStyles)0x10000, Inv));
        }

        [Fact]
        public void HonoursTheStyle()
        {
            Assert.Equal(P<TextE4M3FN>("-1.5"), FloatText<TextE4M3FN>.Parse("(1.5)", NumberStyles.Float | NumberStyles.AllowParentheses, Inv));
            Assert.Equal(P<TextE4M3FN>("-1.5"), FloatText<TextE4M3FN>.Parse("1.5-", NumberStyles.Float | NumberStyles.AllowTrailingSign, Inv));
            Assert.Equal(P<TextE4M3FN>("1.5"), FloatText<TextE4M3FN>.Parse("¤1.5", NumberStyles.Float | NumberStyles.AllowCurrencySymbol, Inv));
            Assert.Equal(P<TextE4M3FN>("12"), FloatText<TextE4M3FN>.Parse("12", NumberStyles.None, Inv));
            Assert.Equal(P<TextE4M3FN>("1.5"), FloatText<TextE4M3FN>.Parse("1.5", NumberStyles.Any, Inv));
        }

        [Fact]
        public void HonoursTheCulture()
        {
            var de = CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal(P<TextBinary32>("1.5"), P<TextBinary32>("1,5", de));
            Assert.Equal(P<TextBinary32>("1234.5"), P<TextBinary32>("1.234,5", de));
            Assert.Equal(P<TextBinary32>("-0.00015"), P<TextBinary32>("-1,5E-04", de));
            Assert.Equal("1,5", F<TextBinary32>(P<TextBinary32>("1.5"), null, de));
            Assert.Equal("1.234,5", F<TextBinary32>(P<TextBinary32>("1234.5"), "N1", de));
            Assert.False(FloatText<TextBinary32>.TryParse("1,5.0", DefaultStyle, de, out _));

            var sv = CultureInfo.GetCultureInfo("sv-SE");
            Assert.Equal(P<TextBinary32>("-1.5"), P<TextBinary32>("\u22121,5", sv));
            Assert.Equal(P<TextBinary32>("-1.5"), P<TextBinary32>("-1,5", sv));
            Assert.Equal(P<TextBinary32>("1500"), P<TextBinary32>("1\u00A0500", sv));
            Assert.Equal(P<TextBinary32>("1500"), P<TextBinary32>("1 500", sv));

            var en = CultureInfo.GetCultureInfo("en-US");
            Assert.Equal(0x7CUL, P<TextE5M2>(en.NumberFormat.PositiveInfinitySymbol, en));
            Assert.Equal(0xFCUL, P<TextE5M2>(en.NumberFormat.NegativeInfinitySymbol, en));

            var custom = (NumberFormatInfo)Inv.NumberFormat.Clone();
            custom.NumberDecimalSeparator = "::";
            custom.NegativeSign = "neg";
            custom.NaNSymbol = "nix";
            Assert.Equal(P<TextBinary32>("-2.25"), P<TextBinary32>("neg2::25", custom));
            Assert.Equal("neg2::25", F<TextBinary32>(P<TextBinary32>("-2.25"), null, custom));
            Assert.Equal("1Eneg05", F<TextBinary32>(P<TextBinary32>("1e-5"), null, custom));
            Assert.True(FloatCodec<TextBinary32>.IsNaN(P<TextBinary32>("NIX", custom)));
            Assert.Equal("nix", F<TextBinary32>(0x7FC00000, null, custom));
        }

        // ---------------------------------------------------------------- parsing: huge inputs

        [Fact]
        public void ParsesMegabyteInputs()
        {
            string ones = "0." + new string('1', 1_000_000);
            Assert.Equal(BitConverter.SingleToUInt32Bits(float.Parse(ones, Inv)), P<TextBinary32>(ones));
            Assert.Equal(BitConverter.DoubleToUInt64Bits(double.Parse(ones, Inv)), P<TextBinary64>(ones));
            Assert.Equal(P<TextE4M3FN>("0.111"), P<TextE4M3FN>(ones));

            string big = new string('9', 1_000_000);
            Assert.Equal(0x7CUL, P<TextE5M2>(big));
            Assert.Equal(0x7FUL, P<TextE4M3FN>(big));
            Assert.Equal(0x7F800000UL, P<TextBinary32>(big + ".5"));
            Assert.Equal(0x7UL, P<TextE2M1>(big));

            Assert.Equal(0x7CUL, P<TextE5M2>("1e999999999"));
            Assert.Equal(0x7CUL, P<TextE5M2>("1e" + new string('9', 1_000_000)));
            Assert.Equal(0x00UL, P<TextE5M2>("1e-" + new string('9', 1_000_000)));
            Assert.Equal(P<TextE5M2>("1.5"), P<TextE5M2>("0." + new string('0', 1_000_000) + "15e1000001"));
            Assert.Equal(P<TextE5M2>("1.5"), P<TextE5M2>("15" + new string('0', 1_000_000) + "e-1000001"));

            // A tie decided by a digit a megabyte away: 1.0625 is halfway between E4M3FN's 1 and 1.125.
            string tie = "1.0625" + new string('0', 1_000_000);
            Assert.Equal(P<TextE4M3FN>("1"), P<TextE4M3FN>(tie));
            Assert.Equal(P<TextE4M3FN>("1.125"), P<TextE4M3FN>(tie + "1"));
            Assert.Equal(P<TextE4M3FN>("1.125"), P<TextE4M3FN>(tie + "1e0"));
            Assert.Equal(P<TextE4M3FN>("1"), P<TextE4M3FN>("1.0624" + new string('9', 1_000_000)));

            // The same through UTF-8 (rented buffer).
            Assert.Equal(P<TextE4M3FN>("1.125"), FloatText<TextE4M3FN>.Parse(Encoding.UTF8.GetBytes(tie + "1"), DefaultStyle, Inv));
            Assert.Equal(P<TextBinary32>(ones), FloatText<TextBinary32>.Parse(Encoding.UTF8.GetBytes(ones), DefaultStyle, Inv));

            // The ~768-digit exact midpoint between the two largest binary64 subnormals (the most significant digits a
            // rounding boundary can have), with and without a sticky digit far beyond.
            string mid = Midpoint(BitConverter.UInt64BitsToDouble(0x000FFFFFFFFFFFFE), BitConverter.UInt64BitsToDouble(0x000FFFFFFFFFFFFF));
            Assert.True(mid.Length > 700);
            Assert.Equal(0x000FFFFFFFFFFFFEUL, P<TextBinary64>(mid));
            Assert.Equal(0x000FFFFFFFFFFFFFUL, P<TextBinary64>(mid + new string('0', 5000) + "1"));
        }

        [Fact]
        public void Utf8ParsingEqualsCharParsing()
        {
            var cultures = new[] { Inv, CultureInfo.GetCultureInfo("de-DE"), CultureInfo.GetCultureInfo("sv-SE"), CultureInfo.GetCultureInfo("fr-FR") };
            foreach (CultureInfo culture in cultures)
            {
                for (ulong code = 0; code < 256; code++)
                {
                    foreach (string? format in new[] { null, "E3", "N2", "F4" })
                    {
                        string s = F<TextE5M2>(code, format, culture);
                        bool charOk = FloatText<TextE5M2>.TryParse(s, DefaultStyle, culture, out ulong fromChars);
                        bool byteOk = FloatText<TextE5M2>.TryParse(Encoding.UTF8.GetBytes(s), DefaultStyle, culture, out ulong fromBytes);
                        Assert.Equal(charOk, byteOk);
                        Assert.Equal(fromChars, fromBytes);
                        if (charOk)
                        {
                            Assert.Equal(fromChars, FloatText<TextE5M2>.Parse(Encoding.UTF8.GetBytes(s), DefaultStyle, culture));
                        }
                    }
                }
            }

            Assert.False(FloatText<TextE5M2>.TryParse(new byte[] { (byte)'1', 0xFF }, DefaultStyle, Inv, out _));
        }
    }
}
