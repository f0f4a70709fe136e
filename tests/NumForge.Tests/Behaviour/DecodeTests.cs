using System;
using NumForge.Tests.Support;
using Xunit;

namespace NumForge.Tests.Behaviour
{
    /// <summary>Every encoding of every format decodes exactly to the reference value (BF16: 65536 codes, TF32: 2^19).</summary>
    public class DecodeTests
    {
        [Theory]
        [MemberData(nameof(Formats.Enumerable), MemberType = typeof(Formats))]
        public void EveryCodeDecodesExactly(string name)
        {
            FormatUnderTest format = Formats.Get(name);
            ExactFloatReference reference = format.Reference;
            var bad = new Mismatches($"{format} decode");
            var codes = new ulong[format.CodeCount];
            for (ulong code = 0; code < format.CodeCount; code++)
            {
                codes[code] = code;
                ExactValue expected = reference.Decode(code);
                double d = format.ToDouble(code);
                float f = format.ToSingle(code);
                bad.Check(Matches(expected, d), () => $"ToDouble {Codes.Hex(code, format)}: expected {expected}, got {Codes.F64(d)}");
                // Every catalog value is an exact float, so ToSingle is exact too.
                bad.Check(Matches(expected, f), () => $"ToSingle {Codes.Hex(code, format)}: expected {expected}, got {Codes.F32(f)}");
            }

            float[] converted = format.ConvertToSingle(codes);
            for (ulong code = 0; code < format.CodeCount; code++)
            {
                ExactValue expected = reference.Decode(code);
                bad.Check(Matches(expected, converted[code]), () => $"ConvertTo(float) {Codes.Hex(code, format)}: expected {expected}, got {Codes.F32(converted[code])}");
            }

            bad.AssertNone();
        }

        [Theory]
        [MemberData(nameof(Formats.Enumerable), MemberType = typeof(Formats))]
        public void EveryFiniteValueRoundTripsInEveryMode(string name)
        {
            FormatUnderTest format = Formats.Get(name);
            var bad = new Mismatches($"{format} round trip");
            foreach ((ulong code, ExactValue value) in format.Reference.FiniteCodes())
            {
                double d = format.ToDouble(code);
                foreach (MidpointRounding mode in Formats.AllModes)
                {
                    foreach (bool saturate in new[] { false, true })
                    {
                        ulong back = format.FromDouble(d, mode, saturate);
                        // -0 of a format without negative zero cannot come back: there is none (FNUZ has no -0 code at all).
                        bad.Check(back == code, () => $"{Codes.Describe(format, code)} -> {d:R} -> {mode}{(saturate ? " sat" : string.Empty)} gives {Codes.Hex(back, format)}");
                    }
                }
            }

            bad.AssertNone();
        }

        public static bool Matches(ExactValue expected, double actual)
        {
            if (expected.IsNaN)
            {
                return double.IsNaN(actual) && double.IsNegative(actual) == expected.Negative;
            }

            if (expected.IsInfinity)
            {
                return double.IsInfinity(actual) && double.IsNegative(actual) == expected.Negative;
            }

            return double.IsFinite(actual) && double.IsNegative(actual) == expected.Negative && Rational.FromDouble(Math.Abs(actual)) == expected.Magnitude;
        }
    }
}
