using System;
using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;

namespace NumForge.Explorer.Numerics
{
    /// <summary>
    /// A number typed on the command line, kept exactly: <c>3.3</c> is 33/10, not the double nearest to it.
    /// Accepts invariant-culture decimals with an optional exponent (<c>-1.5</c>, <c>1e-3</c>, <c>.25</c>) and
    /// <c>nan</c>, <c>inf</c>, <c>infinity</c>, each with an optional sign, in any case.
    /// </summary>
    internal sealed partial class DecimalInput
    {
        // Past this decimal magnitude the value is beyond double's range, and every format rounds it like double.MaxValue.
        private const int LargestOrder = 330;

        private DecimalInput(string text, double approximate, Rational? exact, bool beyondDouble)
        {
            Text = text;
            Approximate = approximate;
            Exact = exact;
            IsBeyondDoubleRange = beyondDouble;
        }

        /// <summary>The text as typed (trimmed).</summary>
        public string Text { get; }

        /// <summary>The nearest double (±infinity past double's range, NaN with the typed sign for NaN).</summary>
        public double Approximate { get; }

        /// <summary>The exact value; <see langword="null"/> for NaN and the infinities.</summary>
        public Rational? Exact { get; }

        /// <summary>Whether a finite input is larger in magnitude than <see cref="double.MaxValue"/>.</summary>
        public bool IsBeyondDoubleRange { get; }

        /// <summary>Whether the value is exactly a double (true for NaN and the infinities).</summary>
        public bool IsExactDouble => Exact is not Rational exact || (double.IsFinite(Approximate) && exact.CompareTo(Rational.FromDouble(Approximate)) == 0);

        /// <summary>Whether the value is negative (a negative zero and -nan count).</summary>
        public bool IsNegative => double.IsNegative(Approximate);

        /// <summary>Parses <paramref name="text"/>, or throws <see cref="ExplorerException"/> with what is wrong and what is accepted.</summary>
        public static DecimalInput Parse(string text)
        {
            ArgumentNullException.ThrowIfNull(text);
            string trimmed = text.Trim();
            string body = trimmed.TrimStart('+', '-');
            bool negative = trimmed.StartsWith('-');
            if (trimmed.Length - body.Length > 1)
            {
                throw Invalid(text, "it has more than one sign");
            }

            switch (body.ToLowerInvariant())
            {
                case "nan":
                    return new DecimalInput(trimmed, BitConverter.UInt64BitsToDouble(negative ? 0xFFF8_0000_0000_0000UL : 0x7FF8_0000_0000_0000UL), null, false);
                case "inf":
                case "infinity":
                case "∞":
                    return new DecimalInput(trimmed, negative ? double.NegativeInfinity : double.PositiveInfinity, null, false);
            }

            Match match = DecimalPattern().Match(body);
            if (!match.Success)
            {
                if (body.StartsWith("0x", StringComparison.OrdinalIgnoreCase) || body.StartsWith("0b", StringComparison.OrdinalIgnoreCase))
                {
                    throw Invalid(text, "encode takes a value, not a code; to read a code use `numforge decode <format> <code>`");
                }

                throw Invalid(text, body.Contains(',', StringComparison.Ordinal)
                    ? "numbers use invariant culture, with '.' as the decimal point and no thousands separators"
                    : "it is not a decimal number");
            }

            string integerPart = match.Groups["int"].Value;
            string fractionPart = match.Groups["frac"].Value;
            if (integerPart.Length + fractionPart.Length == 0)
            {
                throw Invalid(text, "it has no digits");
            }

            string digits = (integerPart + fractionPart).TrimStart('0');
            long exponent = ParseExponent(match.Groups["exp"].Value) - fractionPart.Length;

            double approximate = double.Parse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture);
            if (digits.Length == 0)
            {
                return new DecimalInput(trimmed, negative ? -0.0 : 0.0, new Rational(BigInteger.Zero, BigInteger.One), false);
            }

            // The value is 0.digits × 10^order.
            long order = digits.Length + exponent;
            if (order > LargestOrder)
            {
                return new DecimalInput(trimmed, approximate, null, true);
            }

            var magnitude = BigInteger.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
            if (negative)
            {
                magnitude = -magnitude;
            }

            Rational exact = exponent >= 0
                ? new Rational(magnitude * BigInteger.Pow(10, (int)exponent), BigInteger.One)
                : new Rational(magnitude, BigInteger.Pow(10, (int)-exponent));
            return new DecimalInput(trimmed, approximate, exact, false);
        }

        private static long ParseExponent(string text)
        {
            if (text.Length == 0)
            {
                return 0;
            }

            // Clamp absurd exponents: past ±20000 a value is far outside every format's range (and still cheap to hold exactly).
            return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value)
                ? Math.Clamp(value, -20_000, 20_000)
                : text.StartsWith('-') ? -20_000 : 20_000;
        }

        private static ExplorerException Invalid(string text, string reason)
            => new($"'{text}' is not a number: {reason}. Write a decimal such as 3.3, -0.5 or 1e-3, or nan, inf, -inf.");

        [GeneratedRegex(@"^(?<int>[0-9]*)(?:\.(?<frac>[0-9]*))?(?:[eE](?<exp>[+-]?[0-9]+))?$", RegexOptions.CultureInvariant)]
        private static partial Regex DecimalPattern();
    }
}
