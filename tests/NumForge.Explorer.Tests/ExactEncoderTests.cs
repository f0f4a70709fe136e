using System;
using System.Globalization;
using System.Linq;
using NumForge.Explorer.Numerics;
using Xunit;

namespace NumForge.Explorer.Tests
{
    public class ExactEncoderTests
    {
        [Theory]
        [InlineData("Float8E4M3FN", MidpointRounding.ToEven)]
        [InlineData("Float8E4M3FN", MidpointRounding.AwayFromZero)]
        [InlineData("Float8E5M2", MidpointRounding.ToEven)]
        [InlineData("Float6E3M2FN", MidpointRounding.ToEven)]
        [InlineData("Float8E4M3FNUZ", MidpointRounding.AwayFromZero)]
        public void ValuesJustAroundEveryMidpointRoundToTheNearerNeighbour(string name, MidpointRounding rounding)
        {
            FormatInfo format = FormatCatalog.Find(name)!;
            decimal[] values = Enumerable.Range(0, 1 << format.Bits)
                .Select(code => format.Decode((ulong)code))
                .Where(v => double.IsFinite(v) && v >= 0)
                .Distinct()
                .Order()
                .Select(v => (decimal)v)
                .ToArray();

            // 1e-20 is far below the double spacing at every midpoint here, so a double parse would land on the tie itself.
            const decimal Nudge = 0.00000000000000000001m;
            for (int i = 0; i + 1 < values.Length; i++)
            {
                decimal midpoint = (values[i] + values[i + 1]) / 2;
                foreach (int sign in new[] { 1, -1 })
                {
                    Assert.Equal(sign * values[i], Round(format, sign * (midpoint - Nudge), rounding));
                    Assert.Equal(sign * values[i + 1], Round(format, sign * (midpoint + Nudge), rounding));
                }
            }
        }

        [Theory]
        [InlineData("Float8E4M3FN", "464.00000000000000000001", false)]
        [InlineData("Float8E4M3FN", "464.00000000000000000001", true)]
        [InlineData("Float8E5M2", "61440.0000000000000000001", false)]
        [InlineData("Float8E5M2", "-61440.0000000000000000001", false)]
        public void JustPastTheOverflowTieOverflows(string name, string value, bool saturate)
        {
            FormatInfo format = FormatCatalog.Find(name)!;
            ulong code = ExactEncoder.Encode(format, DecimalInput.Parse(value), MidpointRounding.ToEven, saturate);
            double decoded = format.Decode(code);

            if (saturate)
            {
                Assert.Equal(format.MaxValue, Math.Abs(decoded));
            }
            else
            {
                Assert.False(double.IsFinite(decoded), $"{value} gave {decoded}");
            }
        }

        private static decimal Round(FormatInfo format, decimal value, MidpointRounding rounding)
        {
            string text = value.ToString(CultureInfo.InvariantCulture);
            double decoded = format.Decode(ExactEncoder.Encode(format, DecimalInput.Parse(text), rounding, saturate: true));
            return (decimal)decoded;
        }
    }
}
