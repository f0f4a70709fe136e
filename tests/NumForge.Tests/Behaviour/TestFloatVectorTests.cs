using System;
using System.Collections.Generic;
using NumForge.Tests.Support;
using Xunit;

namespace NumForge.Tests.Behaviour
{
    /// <summary>
    /// The Berkeley TestFloat vectors through [FloatFormat(5, 10)] (Binary16) and [FloatFormat(8, 23)] (Binary32):
    /// conversions in all five roundings, f16 arithmetic in rne and rtz (the kernels take a MidpointRounding), level-2
    /// add/mul, and f32 add/mul/div. NaN results are compared as "is NaN" (SoftFloat's NaN payloads are its own).
    /// </summary>
    public class TestFloatVectorTests
    {
        private static readonly Dictionary<string, MidpointRounding> s_modes = new()
        {
            ["rne"] = MidpointRounding.ToEven,
            ["rtz"] = MidpointRounding.ToZero,
            ["rdn"] = MidpointRounding.ToNegativeInfinity,
            ["rup"] = MidpointRounding.ToPositiveInfinity,
            ["rna"] = MidpointRounding.AwayFromZero,
        };

        public static TheoryData<string> ConversionFiles()
        {
            var data = new TheoryData<string>();
            foreach (string op in new[] { "f32_to_f16", "f64_to_f16", "f16_to_f32" })
            {
                foreach (string mode in s_modes.Keys)
                {
                    data.Add($"{op}.{mode}");
                }
            }

            return data;
        }

        [Theory]
        [MemberData(nameof(ConversionFiles))]
        public void Conversions(string file)
        {
            MidpointRounding mode = s_modes[file[(file.IndexOf('.') + 1)..]];
            FormatUnderTest f16 = Formats.Get("Binary16");
            FormatUnderTest f32 = Formats.Get("Binary32");
            var bad = new Mismatches($"{f16} {file}");
            foreach (ulong[] row in VectorFiles.Read(file))
            {
                ulong expected = row[1];
                if (file.StartsWith("f16_to_f32", StringComparison.Ordinal))
                {
                    // Widening is exact: the rounding mode cannot matter. Through the format's ToSingle, and through Binary32.
                    float widened = f16.ToSingle(row[0]);
                    ulong viaBinary32 = f32.FromDouble(f16.ToDouble(row[0]), mode, saturate: false);
                    bad.Check(SameF32(expected, BitConverter.SingleToUInt32Bits(widened)) && SameF32(expected, viaBinary32), () => $"0x{row[0]:x4}: expected 0x{expected:x8}, ToSingle 0x{BitConverter.SingleToUInt32Bits(widened):x8}, Binary32 0x{viaBinary32:x8}");
                    continue;
                }

                foreach (bool saturate in new[] { false, true })
                {
                    ulong actual = file.StartsWith("f32", StringComparison.Ordinal)
                        ? f16.FromSingle(BitConverter.UInt32BitsToSingle((uint)row[0]), mode, saturate)
                        : f16.FromDouble(BitConverter.UInt64BitsToDouble(row[0]), mode, saturate);
                    // Saturation only changes a rounding that goes past max, which in an IEEE file is an infinity result.
                    ulong wanted = saturate && (expected & 0x7fff) == 0x7c00 && IsFiniteInput(file, row[0]) ? (expected & 0x8000) | 0x7bff : expected;
                    bad.Check(SameF16(wanted, actual), () => $"0x{row[0]:x}{(saturate ? " sat" : string.Empty)}: expected 0x{wanted:x4}, got 0x{actual:x4}");
                }
            }

            bad.AssertNone();
        }

        public static TheoryData<string> ArithmeticFiles()
        {
            var data = new TheoryData<string>();
            foreach (string op in new[] { "add", "sub", "mul", "div", "sqrt", "mulAdd" })
            {
                data.Add($"f16.{op}.rne");
                data.Add($"f16.{op}.rtz");
            }

            data.Add("f16.add.rne.level2");
            data.Add("f16.mul.rne.level2");
            data.Add("f32.add.rne");
            data.Add("f32.mul.rne");
            data.Add("f32.div.rne");
            return data;
        }

        [Theory]
        [MemberData(nameof(ArithmeticFiles))]
        public void Arithmetic(string file)
        {
            string[] parts = file.Split('.');
            FormatUnderTest format = Formats.Get(parts[0] == "f16" ? "Binary16" : "Binary32");
            MidpointRounding mode = s_modes[parts[2]];
            var bad = new Mismatches($"{format} {file}");
            foreach (ulong[] row in VectorFiles.Read(file))
            {
                ulong actual = parts[1] switch
                {
                    "add" => format.Add(row[0], row[1], mode),
                    "sub" => format.Subtract(row[0], row[1], mode),
                    "mul" => format.Multiply(row[0], row[1], mode),
                    "div" => format.Divide(row[0], row[1], mode),
                    "sqrt" => format.Sqrt(row[0], mode),
                    "mulAdd" => format.FusedMultiplyAdd(row[0], row[1], row[2], mode),
                    _ => throw new ArgumentException(file),
                };
                ulong expected = row[^1];
                bool ok = parts[0] == "f16" ? SameF16(expected, actual) : SameF32(expected, actual);
                bad.Check(ok, () => $"{string.Join(" ", Array.ConvertAll(row[..^1], v => v.ToString("x")))}: expected 0x{expected:x}, got 0x{actual:x}");
            }

            bad.AssertNone();
        }

        private static bool IsFiniteInput(string file, ulong input) =>
            file.StartsWith("f32", StringComparison.Ordinal)
                ? float.IsFinite(BitConverter.UInt32BitsToSingle((uint)input))
                : double.IsFinite(BitConverter.UInt64BitsToDouble(input));

        private static bool SameF16(ulong expected, ulong actual)
        {
            bool expectedNaN = (expected & 0x7c00) == 0x7c00 && (expected & 0x3ff) != 0;
            bool actualNaN = (actual & 0x7c00) == 0x7c00 && (actual & 0x3ff) != 0;
            return expectedNaN ? actualNaN && actual <= 0xffff : expected == actual;
        }

        private static bool SameF32(ulong expected, ulong actual) =>
            float.IsNaN(BitConverter.UInt32BitsToSingle((uint)expected))
                ? actual <= uint.MaxValue && float.IsNaN(BitConverter.UInt32BitsToSingle((uint)actual))
                : expected == actual;
    }
}
