using System;
using System.IO;
using NumForge.Explorer.Numerics;
using NumForge.Explorer.Rendering;

namespace NumForge.Explorer.Commands
{
    /// <summary>
    /// What <c>show</c>, <c>encode</c> and <c>decode</c> print for an integer format (<see cref="FormatKind.Integer"/>):
    /// the range, two's complement codes, packing, and the quantizer's rounding (which the explicit cast does not do).
    /// </summary>
    internal static class IntegerViews
    {
        /// <summary>The smallest value: -(max + 1) when signed, else 0.</summary>
        public static long MinValue(FormatInfo format) => format.Signed ? -(long)format.MaxValue - 1 : 0;

        /// <summary>Packed layout in words, as the generated <c>Pack</c> writes it.</summary>
        public static string Packing(FormatInfo format) => format.Bits switch
        {
            1 => "8 values per byte",
            2 => "4 values per byte",
            4 => "2 values per byte",
            3 => "8 values per 3 bytes",
            8 => "1 value per byte",
            _ => $"{FormatText.Int(format.Bits)} bits per value, an LSB-first bit stream",
        } + ", element 0 in the lowest bits of byte 0";

        public static void Show(TextWriter output, FormatInfo format)
        {
            BitLayout bits = BitLayout.For(format);
            string hex(long value) => FormatText.Hex((ulong)value & bits.CodeMask, format.Bits);
            long min = MinValue(format);
            long max = (long)format.MaxValue;

            output.WriteLine($"{format.Name}: {format.Summary}");
            var properties = new KeyValueWriter()
                .Add("type", format.ClrType?.FullName ?? "(none)")
                .Add("kind", format.Kind.ToString())
                .Add("aliases", string.Join(", ", FormatCatalog.AliasesOf(format)) is { Length: > 0 } aliases ? aliases : "(none)")
                .Add("bits", $"{FormatText.Int(format.Bits)} (stored in the low bits of a byte)")
                .Add("signed", format.Signed ? "yes (two's complement)" : "no")
                .Add("min", $"{FormatText.Int(min)}  ({hex(min)})")
                .Add("max", $"{FormatText.Int(max)}  ({hex(max)})")
                .Add("+max", $"{hex(max)}  {FormatText.Int(max)}");
            if (format.Signed)
            {
                properties.Add("-1", hex(-1));
            }

            properties
                .Add("packed", Packing(format))
                .Add("arithmetic", $"wraps modulo 2^{FormatText.Int(format.Bits)}; checked operators throw OverflowException")
                .Add("from float", "the cast truncates and saturates (NaN -> 0); ConvertFrom/PackFrom and encode round to nearest (--rounding) and saturate")
                .Write(output);

            output.WriteLine();
            output.WriteLine($"layout ({FormatText.Int(format.Bits)} bits, stored in the low bits of a byte)");
            (string letters, string positions) = bits.Diagram();
            output.WriteLine("  " + letters);
            output.WriteLine("  " + positions);
        }

        public static void Encode(TextWriter output, FormatInfo format, DecimalInput input, MidpointRounding rounding)
        {
            BitLayout bits = BitLayout.For(format);
            ulong code = ExactEncoder.Encode(format, input, rounding, saturate: true);
            double decoded = format.Decode(code);
            output.WriteLine($"{format.Name} ({format.Summary}), rounding {rounding} (as ConvertFrom; an explicit cast truncates instead)");
            var lines = new KeyValueWriter()
                .Add("input", input.Text)
                .Add("code", FormatText.Hex(code, format.Bits))
                .Add("binary", FormatText.Binary(code, format.Bits))
                .Add("value", FormatText.Int((long)decoded));
            if (input.Exact is Rational x)
            {
                Rational difference = Rational.FromDouble(decoded) - x;
                lines.Add("error", difference.IsZero ? "exact" : difference.ToString());
                if (input.IsBeyondDoubleRange || x.CompareTo(Rational.FromDouble(format.MaxValue)) > 0 || x.CompareTo(Rational.FromDouble(MinValue(format))) < 0)
                {
                    lines.Add("note", $"saturated: integers clamp to {FormatText.Int(MinValue(format))}..{FormatText.Int((long)format.MaxValue)}");
                }
            }
            else
            {
                lines.Add("error", "n/a");
                lines.Add("note", double.IsNaN(input.Approximate) ? "NaN converts to 0" : "infinities saturate to the range's ends");
            }

            lines.Write(output);
        }

        public static void Decode(KeyValueWriter lines, FormatInfo format, ulong code)
        {
            long value = (long)format.Decode(code);
            ulong bits = code & ((1UL << format.Bits) - 1);
            lines.Add("value", format.Signed && value < 0
                ? $"{FormatText.Int(value)} (two's complement: {FormatText.Int((long)bits)} - 2^{FormatText.Int(format.Bits)})"
                : FormatText.Int(value));
        }
    }
}
