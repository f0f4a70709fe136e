using System;
using Xunit;
using System.Globalization;
using NumForge.CompilerServices.Integers;

namespace NumForge.Tests.Integers
{
    /// <summary>Parsing and formatting with the 8-bit traits agrees with sbyte and byte on every input and style.</summary>
    public class IntTextTests
    {
        private static readonly string[] Inputs =
        {
            "0", "-0", "+0", "1", "-1", "127", "-128", "128", "-129", "255", "256", "-255", "300", " 12 ", "\t-7\n", "(5)", "1,000",
            "1e2", "1.0", "1.5", "12.00", "7F", "80", "FF", "ff", "100", "0x10", "00FF", "1FF", "FFFFFFFF", "101", "11111111",
            "111111111", "", " ", "-", "abc", "99999999999", "+-1", "1_0", "$5", "5$", "1 000",
        };

        private static readonly NumberStyles[] Styles =
        {
            NumberStyles.Integer, NumberStyles.None, NumberStyles.Number, NumberStyles.Float, NumberStyles.Any,
            NumberStyles.HexNumber, NumberStyles.AllowHexSpecifier, NumberStyles.BinaryNumber, NumberStyles.AllowParentheses | NumberStyles.AllowThousands,
            NumberStyles.Currency,
        };

        [Fact]
        public void Signed_8_bit_parses_every_input_and_style_as_sbyte()
        {
            foreach (string s in Inputs)
            {
                foreach (NumberStyles style in Styles)
                {
                    string expected = Outcome(() => sbyte.Parse(s, style, CultureInfo.InvariantCulture));
                    string actual = Outcome(() => (sbyte)IntCodec<S8>.ToInt32(IntText<S8>.Parse(s, style, CultureInfo.InvariantCulture)));
                    Assert.True(expected == actual, $"'{s}' {style}: sbyte {expected}, ours {actual}");
                    bool ok = sbyte.TryParse(s, style, CultureInfo.InvariantCulture, out sbyte value);
                    Assert.Equal(ok, IntText<S8>.TryParse(s, style, CultureInfo.InvariantCulture, out byte code));
                    Assert.Equal(value, (sbyte)IntCodec<S8>.ToInt32(code));
                    Assert.Equal(ok, IntText<S8>.TryParse(System.Text.Encoding.UTF8.GetBytes(s), style, CultureInfo.InvariantCulture, out code));
                }
            }
        }

        [Fact]
        public void Unsigned_8_bit_parses_every_input_and_style_as_byte()
        {
            foreach (string s in Inputs)
            {
                foreach (NumberStyles style in Styles)
                {
                    string expected = Outcome(() => byte.Parse(s, style, CultureInfo.InvariantCulture));
                    string actual = Outcome(() => (byte)IntCodec<U8>.ToInt32(IntText<U8>.Parse(s, style, CultureInfo.InvariantCulture)));
                    Assert.True(expected == actual, $"'{s}' {style}: byte {expected}, ours {actual}");
                }
            }
        }

        [Fact]
        public void Every_8_bit_value_formats_as_sbyte_and_byte_in_every_standard_format()
        {
            string[] formats = { "", "D", "D4", "X", "x2", "B", "B8", "N0", "G", "E2", "F1", "P0", "0.0", "#;(#)" };
            Span<char> chars = stackalloc char[64];
            Span<byte> bytes = stackalloc byte[64];
            for (int v = -128; v <= 255; v++)
            {
                foreach (string format in formats)
                {
                    if (v <= 127)
                    {
                        string expected = ((sbyte)v).ToString(format, CultureInfo.InvariantCulture);
                        Assert.Equal(expected, IntText<S8>.Format((byte)v, format, CultureInfo.InvariantCulture));
                        Assert.True(IntText<S8>.TryFormat((byte)v, chars, out int written, format, CultureInfo.InvariantCulture));
                        Assert.Equal(expected, chars[..written].ToString());
                        Assert.True(IntText<S8>.TryFormat((byte)v, bytes, out written, format, CultureInfo.InvariantCulture));
                        Assert.Equal(expected, System.Text.Encoding.UTF8.GetString(bytes[..written]));
                    }

                    if (v >= 0)
                    {
                        Assert.Equal(((byte)v).ToString(format, CultureInfo.InvariantCulture), IntText<U8>.Format((byte)v, format, CultureInfo.InvariantCulture));
                    }
                }
            }
        }

        [Fact]
        public void Narrow_formats_check_their_own_range_and_write_their_own_code()
        {
            for (int v = -20; v <= 20; v++)
            {
                string text = v.ToString(CultureInfo.InvariantCulture);
                bool fits = v is >= -8 and <= 7;
                Assert.Equal(fits, IntText<S4>.TryParse(text, NumberStyles.Integer, null, out byte code));
                if (fits)
                {
                    Assert.Equal(v, IntCodec<S4>.ToInt32(code));
                    Assert.Equal((v & 0xF).ToString("X", CultureInfo.InvariantCulture), IntText<S4>.Format(code, "X", null));
                }
                else
                {
                    Assert.Throws<OverflowException>(() => IntText<S4>.Parse(text, NumberStyles.Integer, null));
                }
            }

            Assert.Equal(0x7, IntText<U3>.Parse("111", NumberStyles.BinaryNumber, null));
            Assert.Throws<OverflowException>(() => IntText<U3>.Parse("1000", NumberStyles.BinaryNumber, null));
            Assert.Equal(0x1, IntText<S1>.Parse("-1", NumberStyles.Integer, null));
            Assert.Throws<OverflowException>(() => IntText<S1>.Parse("1", NumberStyles.Integer, null));
        }

        private static string Outcome(Func<sbyte> parse)
        {
            try
            {
                return parse().ToString(CultureInfo.InvariantCulture);
            }
            catch (Exception ex)
            {
                return ex.GetType().Name;
            }
        }

        private static string Outcome(Func<byte> parse)
        {
            try
            {
                return parse().ToString(CultureInfo.InvariantCulture);
            }
            catch (Exception ex)
            {
                return ex.GetType().Name;
            }
        }
    }
}
