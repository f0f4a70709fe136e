using System;
using NumForge.Tests.Support;
using Xunit;

namespace NumForge.Tests.Behaviour
{
    /// <summary>
    /// Encoding from float: every float whose low 16 bits are 0x0000, 0x0001, 0x7fff, 0x8000 or 0xffff (all 65536 high
    /// halves each, so every sign, exponent and the rounding-relevant mantissa patterns), in every rounding mode,
    /// saturating and not, against the exact reference. Split in two classes so xunit runs them in parallel.
    /// </summary>
    public class EncodeSweepTests
    {
        public static readonly ushort[] LowPatterns = [0x0000, 0x0001, 0x7fff, 0x8000, 0xffff];

        [Theory]
        [MemberData(nameof(Formats.Catalog), MemberType = typeof(Formats))]
        public void FromSingleMatchesReference(string name) => Sweep(Formats.Get(name), saturate: false);

        internal static void Sweep(FormatUnderTest format, bool saturate)
        {
            ExactFloatReference reference = format.Reference;
            var bad = new Mismatches($"{format} FromSingle{(saturate ? " saturating" : string.Empty)}");
            var inputs = new float[65536];
            foreach (ushort low in LowPatterns)
            {
                for (int high = 0; high < 65536; high++)
                {
                    inputs[high] = BitConverter.UInt32BitsToSingle(((uint)high << 16) | low);
                }

                foreach (MidpointRounding mode in Formats.AllModes)
                {
                    ulong[] spanResult = format.ConvertFromSingle(inputs, mode, saturate);
                    for (int i = 0; i < inputs.Length; i++)
                    {
                        float f = inputs[i];
                        ulong expected = reference.Round(f, mode, saturate);
                        ulong actual = format.FromSingle(f, mode, saturate);
                        if (actual != expected || spanResult[i] != expected)
                        {
                            bad.Fail($"{Codes.F32(f)} {mode}: expected {Codes.Describe(format, expected)}, scalar {Codes.Hex(actual, format)}, span {Codes.Hex(spanResult[i], format)}");
                        }
                        else
                        {
                            bad.Check(true, () => string.Empty);
                        }
                    }
                }
            }

            bad.AssertNone();
        }
    }

    public class EncodeSweepSaturatingTests
    {
        [Theory]
        [MemberData(nameof(Formats.Catalog), MemberType = typeof(Formats))]
        public void FromSingleSaturatingMatchesReference(string name) => EncodeSweepTests.Sweep(Formats.Get(name), saturate: true);
    }

    /// <summary>Encoding from double and Half: every value, its midpoints to the neighbours and ±1 double ulp around them, plus random doubles.</summary>
    public class EncodeDoubleTests
    {
        [Theory]
        [MemberData(nameof(Formats.Enumerable), MemberType = typeof(Formats))]
        public void FromDoubleAtValuesAndMidpointsMatchesReference(string name)
        {
            FormatUnderTest format = Formats.Get(name);
            ExactFloatReference reference = format.Reference;
            ReadOnlySpan<double> mags = reference.Magnitudes;
            // TF32 has 2^18 magnitudes; every 7th keeps the sweep short while touching every binade and mantissa residue.
            int stride = mags.Length > 100_000 ? 7 : 1;
            var inputs = new System.Collections.Generic.List<double>();
            for (int i = 0; i < mags.Length; i += stride)
            {
                double next = i + 1 < mags.Length ? mags[i + 1] : reference.MaxValue + Math.ScaleB(1.0, Math.ILogB(reference.MaxValue) - reference.M);
                double mid = (mags[i] + next) / 2;
                foreach (double d in new[] { mags[i], Math.BitIncrement(mags[i]), Math.BitDecrement(mags[i]), mid, Math.BitIncrement(mid), Math.BitDecrement(mid), next * 2 })
                {
                    inputs.Add(d);
                    inputs.Add(-d);
                }
            }

            var random = new Random(12345);
            for (int i = 0; i < 20000; i++)
            {
                // Random significand bits, exponent across (and beyond) the format's range.
                int e = random.Next(Math.ILogB(mags[mags[0] == 0 ? 1 : 0]) - 4, Math.ILogB(reference.MaxValue) + 4);
                double d = Math.ScaleB(1.0 + random.NextDouble(), e);
                inputs.Add(random.Next(2) == 0 ? d : -d);
            }

            double[] all = inputs.ToArray();
            var bad = new Mismatches($"{format} FromDouble");
            foreach (MidpointRounding mode in Formats.AllModes)
            {
                foreach (bool saturate in new[] { false, true })
                {
                    ulong[] spanResult = format.ConvertFromDouble(all, mode, saturate);
                    for (int i = 0; i < all.Length; i++)
                    {
                        double d = all[i];
                        ulong expected = reference.Round(d, mode, saturate);
                        ulong actual = format.FromDouble(d, mode, saturate);
                        bad.Check(actual == expected && spanResult[i] == expected, () => $"{Codes.F64(d)} {mode}{(saturate ? " sat" : string.Empty)}: expected {Codes.Describe(format, expected)}, scalar {Codes.Hex(actual, format)}, span {Codes.Hex(spanResult[i], format)}");
                    }
                }
            }

            bad.AssertNone();
        }

        [Theory]
        [MemberData(nameof(Formats.Catalog), MemberType = typeof(Formats))]
        public void FromHalfMatchesReferenceForEveryHalf(string name)
        {
            FormatUnderTest format = Formats.Get(name);
            ExactFloatReference reference = format.Reference;
            var bad = new Mismatches($"{format} FromHalf");
            for (int bits = 0; bits < 65536; bits++)
            {
                Half h = BitConverter.UInt16BitsToHalf((ushort)bits);
                foreach (MidpointRounding mode in Formats.AllModes)
                {
                    foreach (bool saturate in new[] { false, true })
                    {
                        ulong expected = reference.Round((double)h, mode, saturate);
                        ulong actual = format.FromHalf(h, mode, saturate);
                        bad.Check(actual == expected, () => $"Half 0x{bits:x4} ({(double)h:R}) {mode}{(saturate ? " sat" : string.Empty)}: expected {Codes.Describe(format, expected)}, got {Codes.Hex(actual, format)}");
                    }
                }
            }

            bad.AssertNone();
        }
    }
}
