using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using NumForge.CompilerServices;
using Xunit;

namespace NumForge.Tests.Posits
{
    /// <summary>
    /// Posit parsing: linear time on huge inputs (a megabyte of digits to every posit width, with a generous time
    /// budget that only guards against a hang, never measures speed) and the grammar of double.Parse for every
    /// NumberStyles (accept/reject agreement with double.TryParse on random strings, values checked where both accept).
    /// </summary>
    public class PositParseTests
    {
        private const int Megabyte = 1 << 20;
        private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(5);
        private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

        /// <summary>Parses the text (UTF-16 and UTF-8) within the hang guard and returns the code.</summary>
        private static ulong ParseTimed<T>(string text)
            where T : struct, IPositTraits
        {
            var watch = Stopwatch.StartNew();
            Assert.True(PositText<T>.TryParse(text, NumberStyles.Float, Inv, out ulong code), $"{Fmt<T>.Name}: {text.Length} characters refused");
            Assert.True(PositText<T>.TryParse(Encoding.UTF8.GetBytes(text), NumberStyles.Float, Inv, out ulong utf8Code));
            watch.Stop();
            Assert.True(watch.Elapsed < HangGuard, $"{Fmt<T>.Name}: {text.Length} characters took {watch.Elapsed} (hang guard {HangGuard})");
            Assert.Equal(code, utf8Code);
            return code;
        }

        private static void MegabyteOfDigits<T>()
            where T : struct, IPositTraits
        {
            ulong one = PositCodec<T>.OneCode;
            ulong third = PositCodec<T>.FromRational(false, 1, 3, 0);

            // 1 followed by a million zeros, scaled back to 1; a million threes after the point (1/3 less 10^-1000000).
            Assert.Equal(one, ParseTimed<T>("1" + new string('0', Megabyte) + "e-" + Megabyte.ToString(Inv)));
            Assert.Equal(third, ParseTimed<T>("0." + new string('3', Megabyte)));
            Assert.Equal(PositCodec<T>.Negate(third), ParseTimed<T>("  -0." + new string('3', Megabyte) + "  "));

            // A million nines: far beyond maxpos. A million zeros before a one: far below minpos (never 0).
            Assert.Equal(T.MaxPosCode, ParseTimed<T>(new string('9', Megabyte)));
            Assert.Equal(1UL, ParseTimed<T>("0." + new string('0', Megabyte) + "1"));
            Assert.Equal(0UL, ParseTimed<T>("0." + new string('0', Megabyte)));

            // Random digits: the same code as the first 900 of them followed by a sticky digit (only ~770 can matter).
            var random = new Random(T.Bits);
            var digits = new StringBuilder("0.");
            for (int i = 0; i < Megabyte; i++)
            {
                digits.Append((char)('0' + random.Next(10)));
            }

            string text = digits.ToString();
            Assert.Equal(ParseTimed<T>(text.Substring(0, 902) + "1"), ParseTimed<T>(text));

            // A malformed megabyte is refused within the guard too.
            var watch = Stopwatch.StartNew();
            Assert.False(PositText<T>.TryParse(new string('1', Megabyte) + "x", NumberStyles.Float, Inv, out _));
            Assert.True(watch.Elapsed < HangGuard, $"malformed megabyte took {watch.Elapsed}");
        }

        [Fact] public void MegabyteOfDigits_Posit8() => MegabyteOfDigits<P8E0>();

        [Fact] public void MegabyteOfDigits_Posit16() => MegabyteOfDigits<P16E1>();

        [Fact] public void MegabyteOfDigits_Posit16E2() => MegabyteOfDigits<P16E2>();

        [Fact] public void MegabyteOfDigits_Posit32() => MegabyteOfDigits<P32E2>();

        [Fact] public void MegabyteOfDigits_Posit64() => MegabyteOfDigits<P64E2>();

        [Fact] public void MegabyteOfDigits_Posit64E4() => MegabyteOfDigits<P64E4>();

        [Fact]
        public void MegabyteOfDigits_ThroughTheGeneratedTypes()
        {
            string text = "0." + new string('3', Megabyte);
            var watch = Stopwatch.StartNew();
            Assert.Equal(Posit8.CreateSaturating(1.0 / 3), Posit8.Parse(text, Inv));
            Assert.Equal(Posit16.CreateSaturating(1.0 / 3), Posit16.Parse(text, Inv));
            Assert.Equal(Posit32.CreateSaturating(1.0 / 3), Posit32.Parse(text, Inv));
            Assert.True(Posit64.TryParse(text, Inv, out _));
            Assert.True(watch.Elapsed < HangGuard * 4, $"took {watch.Elapsed}");
            FormatException error = Assert.Throws<FormatException>(() => Posit16.Parse(text + "x", Inv));
            Assert.True(error.Message.Length < 400, "the message quotes a bounded prefix of the text");
        }

        /// <summary>Every combination of the NumberStyles flags that apply to decimal numbers.</summary>
        private static NumberStyles[] EveryStyle()
        {
            NumberStyles[] flags =
            {
                NumberStyles.AllowLeadingWhite, NumberStyles.AllowTrailingWhite, NumberStyles.AllowLeadingSign, NumberStyles.AllowTrailingSign,
                NumberStyles.AllowParentheses, NumberStyles.AllowDecimalPoint, NumberStyles.AllowThousands, NumberStyles.AllowExponent,
                NumberStyles.AllowCurrencySymbol,
            };
            return Enumerable.Range(0, 1 << flags.Length)
                .Select(mask => flags.Where((_, i) => (mask & (1 << i)) != 0).Aggregate(NumberStyles.None, (a, b) => a | b))
                .ToArray();
        }

        private static string RandomText(Random random, CultureInfo culture)
        {
            NumberFormatInfo nfi = culture.NumberFormat;
            string[] pieces =
            {
                "0", "1", "5", "9", "00", "12", ".", ",", nfi.NumberDecimalSeparator, nfi.NumberGroupSeparator, nfi.NegativeSign, nfi.PositiveSign,
                "-", "+", "e", "E", "e-", "E+", " ", "\t", "\u00A0", "\u202F", "(", ")", nfi.CurrencySymbol, "$", "\u00A4", "\0",
                "Infinity", "NaN", "nan", "\u221E", "x", "1e5", "\u2212",
            };
            int count = random.Next(0, 7);
            var builder = new StringBuilder();
            for (int i = 0; i < count; i++)
            {
                builder.Append(pieces[random.Next(pieces.Length)]);
            }

            return builder.ToString();
        }

        /// <summary>Accept/reject agreement with double.TryParse, for every style, in cultures with unusual symbols.</summary>
        [Fact]
        public void GrammarAgreesWithDoubleForEveryStyle()
        {
            var random = new Random(2026);
            var m = new Mismatches("posit parse vs double.TryParse");
            CultureInfo[] cultures = { Inv, new CultureInfo("de-DE"), new CultureInfo("fr-FR"), new CultureInfo("sv-SE"), new CultureInfo("en-IN") };
            foreach (NumberStyles style in EveryStyle())
            {
                foreach (CultureInfo culture in cultures)
                {
                    for (int i = 0; i < 60; i++)
                    {
                        string text = RandomText(random, culture);
                        CheckAgainstDouble(m, text, style, culture);
                    }
                }
            }

            // Hand-picked cases from the issue: no-break space as white space, trailing sign under NumberStyles.Any.
            foreach (string text in new[] { "\u00A01", "1\u00A0", "1-", "1+", "(1)", "$1", "1 000", "1\u00A0000", "1\u202F000,5", " -1.5e-3 " })
            {
                foreach (CultureInfo culture in cultures)
                {
                    CheckAgainstDouble(m, text, NumberStyles.Any, culture);
                    CheckAgainstDouble(m, text, NumberStyles.Float | NumberStyles.AllowThousands, culture);
                }
            }

            m.Assert();
            Assert.True(m.Checked > 100_000, $"only {m.Checked} checks");
        }

        private static void CheckAgainstDouble(Mismatches m, string text, NumberStyles style, CultureInfo culture)
        {
            bool doubleAccepts = double.TryParse(text, style, culture, out double d);
            bool positAccepts = PositText<P16E1>.TryParse(text, style, culture, out ulong code);
            m.Check(doubleAccepts == positAccepts, () => $"'{Escape(text)}' {style} {culture.Name}: double {doubleAccepts}, posit {positAccepts}");
            bool utf8Accepts = PositText<P32E2>.TryParse(Encoding.UTF8.GetBytes(text), style, culture, out _);
            m.Check(utf8Accepts == doubleAccepts, () => $"UTF-8 '{Escape(text)}' {style} {culture.Name}: double {doubleAccepts}, posit {utf8Accepts}");
            if (doubleAccepts && positAccepts)
            {
                // Values: NaN and infinities give NaR, zero gives 0, others the posit at or next to the double's rounding
                // (the double is itself rounded, so a second rounding may land one code away).
                ulong viaDouble = PositCodec<P16E1>.FromDouble(d);
                bool close = code == viaDouble || code == PositCodec<P16E1>.BitIncrement(viaDouble) || code == PositCodec<P16E1>.BitDecrement(viaDouble);
                // An infinity from digits is an overflow of double, which a posit saturates instead; a double that
                // underflows to 0 is ±minpos (a nonzero value never rounds to 0).
                bool symbol = double.IsNaN(d) || text.Contains(culture.NumberFormat.PositiveInfinitySymbol, StringComparison.OrdinalIgnoreCase);
                ulong saturated = d > 0 ? P16E1.MaxPosCode : PositCodec<P16E1>.MinValueCode;
                bool right = double.IsFinite(d) ? (d == 0 ? code == 0 || code == 1 || code == PositCodec<P16E1>.Negate(1) : close) : symbol ? code == P16E1.NaRCode : code == saturated;
                m.Check(right, () => $"'{Escape(text)}' {style} {culture.Name}: {d} gave {code:x4}");
            }
        }

        private static string Escape(string text)
            => string.Concat(text.Select(c => c < ' ' || c > '~' ? $"\\u{(int)c:X4}" : c.ToString()));

        [Fact]
        public void NaRTextAndStyleErrors()
        {
            Assert.True(PositText<P16E1>.TryParse(" nar ", NumberStyles.None, Inv, out ulong code));
            Assert.Equal(P16E1.NaRCode, code);
            Assert.Throws<ArgumentException>(() => PositText<P16E1>.TryParse("1", NumberStyles.HexNumber, Inv, out _));
            Assert.Throws<ArgumentException>(() => PositText<P16E1>.TryParse("1", (NumberStyles)0x10000, Inv, out _));
            Assert.Throws<ArgumentException>(() => PositText<P16E1>.TryParse("1"u8, NumberStyles.AllowBinarySpecifier, Inv, out _));
        }
    }
}
