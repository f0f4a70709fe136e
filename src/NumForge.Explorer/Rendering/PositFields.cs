using System;
using System.Collections.Generic;
using System.Numerics;
using NumForge.Explorer.Numerics;

namespace NumForge.Explorer.Rendering
{
    /// <summary>
    /// The fields of one posit code, read on the raw bits (Posit Standard 2022, section 3): sign, regime (a run of equal
    /// bits ended by the opposite bit or by the end of the code), up to es exponent bits, and the fraction. The widths
    /// vary from code to code, so they are found per code rather than per format.
    /// </summary>
    /// <remarks>
    /// The value is x = ((1 − 3s) + f) · 2^((1 − 2s)(2^es·k + e + s)) with f = fraction / 2^(fraction width), the closed
    /// formula of the standard (there with es = 2), so negative codes need no two's complement first. Exponent bits cut
    /// off by a long regime count as zeros.
    /// </remarks>
    internal sealed record PositFields(int Bits, int Es, UInt128 Code)
    {
        /// <summary>The sign bit.</summary>
        public int Sign => (int)(Code >> (Bits - 1)) & 1;

        /// <summary>Whether the code is 0…0 (zero).</summary>
        public bool IsZero => Code == 0;

        /// <summary>Whether the code is 10…0 (NaR, Not a Real).</summary>
        public bool IsNaR => Code == UInt128.One << (Bits - 1);

        /// <summary>Length of the run of equal bits after the sign.</summary>
        public int RunLength
        {
            get
            {
                int first = RegimeBit;
                int run = 0;
                for (int position = Bits - 2; position >= 0 && (int)(Code >> position & 1) == first; position--)
                {
                    run++;
                }

                return run;
            }
        }

        /// <summary>The bit the regime run repeats.</summary>
        public int RegimeBit => (int)(Code >> (Bits - 2)) & 1;

        /// <summary>The regime value k: m − 1 for a run of m ones, −m for a run of m zeros.</summary>
        public int K => RegimeBit == 1 ? RunLength - 1 : -RunLength;

        /// <summary>Width of the regime field: the run and its terminating bit, if the code has room for it.</summary>
        public int RegimeWidth => Math.Min(RunLength + 1, Bits - 1);

        /// <summary>Width of the exponent field actually present (at most es).</summary>
        public int ExponentWidth => Math.Min(Es, Bits - 1 - RegimeWidth);

        /// <summary>Width of the fraction field.</summary>
        public int FractionWidth => Bits - 1 - RegimeWidth - ExponentWidth;

        /// <summary>The regime field's bits.</summary>
        public UInt128 RegimeField => Extract(FractionWidth + ExponentWidth, RegimeWidth);

        /// <summary>The exponent field's bits (only those present).</summary>
        public UInt128 ExponentField => Extract(FractionWidth, ExponentWidth);

        /// <summary>The exponent e: the present bits followed by zeros for those cut off.</summary>
        public int E => (int)(ExponentField << (Es - ExponentWidth));

        /// <summary>The fraction field's bits.</summary>
        public UInt128 FractionField => Extract(0, FractionWidth);

        /// <summary>The power of two: (1 − 2s)(2^es·k + e + s).</summary>
        public int Scale => (1 - 2 * Sign) * ((K << Es) + E + Sign);

        /// <summary>The significand (1 − 3s) + f: 1 + f for positive codes, −2 + f for negative ones.</summary>
        public Rational Significand
        {
            get
            {
                BigInteger denominator = BigInteger.One << FractionWidth;
                return new Rational((1 - 3 * Sign) * denominator + (BigInteger)FractionField, denominator);
            }
        }

        /// <summary>The exact value; throws for NaR.</summary>
        public Rational Value
        {
            get
            {
                if (IsNaR)
                {
                    throw new InvalidOperationException("NaR has no value.");
                }

                if (IsZero)
                {
                    return new Rational(BigInteger.Zero, BigInteger.One);
                }

                Rational significand = Significand;
                return Scale >= 0
                    ? new Rational(significand.Numerator << Scale, significand.Denominator)
                    : new Rational(significand.Numerator, significand.Denominator << -Scale);
            }
        }

        /// <summary>The fields that have bits in this code, most significant first (zero and NaR: sign and the rest).</summary>
        public List<(string Name, string Bits)> Groups()
        {
            var groups = new List<(string, string)> { ("sign", Sign.ToString(System.Globalization.CultureInfo.InvariantCulture)) };
            if (IsZero || IsNaR)
            {
                groups.Add(("rest", Binary(Extract(0, Bits - 1), Bits - 1)));
                return groups;
            }

            groups.Add(("regime", Binary(RegimeField, RegimeWidth)));
            if (ExponentWidth > 0)
            {
                groups.Add(("exponent", Binary(ExponentField, ExponentWidth)));
            }

            if (FractionWidth > 0)
            {
                groups.Add(("fraction", Binary(FractionField, FractionWidth)));
            }

            return groups;
        }

        /// <summary>The code's bits grouped by field: <c>0 | 10 | 00 | 00000000000</c>.</summary>
        public string Grouped => string.Join(" | ", Groups().ConvertAll(g => g.Bits));

        /// <summary>The names of <see cref="Grouped"/>'s groups: <c>sign | regime | exponent | fraction</c>.</summary>
        public string Names => string.Join(" | ", Groups().ConvertAll(g => g.Name));

        /// <summary>The regime explained: <c>10: run of 1 one, k = 0</c>.</summary>
        public string RegimeText
        {
            get
            {
                int run = RunLength;
                string what = RegimeBit == 1 ? (run == 1 ? "one" : "ones") : (run == 1 ? "zero" : "zeros");
                string end = RunLength + 1 > Bits - 1 ? ", no terminating bit (it reaches the end)" : "";
                return $"{Binary(RegimeField, RegimeWidth)}: run of {FormatText.Int(run)} {what}{end}, k = {FormatText.Int(K)}";
            }
        }

        /// <summary>The exponent explained, with cut-off bits: <c>01 = 1</c>, <c>1 (+1 cut off) = 2</c>.</summary>
        public string ExponentText
        {
            get
            {
                string present = ExponentWidth > 0 ? Binary(ExponentField, ExponentWidth) : "(none)";
                int missing = Es - ExponentWidth;
                string cut = missing > 0 ? $" (+{FormatText.Int(missing)} cut off, read as 0)" : "";
                return $"{present}{cut} = {FormatText.Int(E)}";
            }
        }

        /// <summary>The (n+1)-bit posit between this code and the next: its bits followed by a 1, the rounding decision point.</summary>
        public PositFields DecisionPoint() => new(Bits + 1, Es, (Code << 1) | 1);

        /// <summary>The fields of an n-bit code (higher bits ignored).</summary>
        public static PositFields Of(FormatInfo format, ulong code)
        {
            ArgumentNullException.ThrowIfNull(format);
            ulong mask = format.Bits >= 64 ? ulong.MaxValue : (1UL << format.Bits) - 1;
            return new PositFields(format.Bits, format.ExponentBits, code & mask);
        }

        private UInt128 Extract(int low, int width) => width == 0 ? 0 : (Code >> low) & ((UInt128.One << width) - 1);

        private static string Binary(UInt128 value, int width)
        {
            var chars = new char[width];
            for (int i = 0; i < width; i++)
            {
                chars[i] = ((value >> (width - 1 - i)) & 1) != 0 ? '1' : '0';
            }

            return new string(chars);
        }
    }
}
