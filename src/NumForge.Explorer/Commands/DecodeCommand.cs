using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using NumForge.CompilerServices;
using NumForge.Explorer.Rendering;

namespace NumForge.Explorer.Commands
{
    /// <summary><c>numforge decode &lt;name&gt; &lt;code&gt;</c>: a code (0x.., 0b.. or decimal) to its fields and value.</summary>
    internal static class DecodeCommand
    {
        public static Command Create()
        {
            var name = new Argument<string>("name") { Description = "A catalog format name or alias, e.g. Float8E4M3FN, e4m3fn, bf16, Posit16, p8e0." };
            var code = new Argument<string>("code") { Description = "The encoding: hex (0x7e), binary (0b0111_1110) or a decimal integer (126)." };
            var command = new Command("decode", "Split a code into its fields and show the value it encodes.")
            {
                name,
                code,
            };
            command.SetAction(parseResult =>
            {
                FormatInfo format = FormatResolver.Resolve(parseResult.GetRequiredValue(name));
                Write(parseResult.InvocationConfiguration.Output, format, ParseCode(parseResult.GetRequiredValue(code), format));
                return 0;
            });
            return command;
        }

        /// <summary>Reads <c>0x7e</c>, <c>0b0111_1110</c> or <c>126</c>; throws <see cref="ExplorerException"/> if it is not a code of <paramref name="format"/>.</summary>
        public static ulong ParseCode(string text, FormatInfo format)
        {
            string trimmed = text.Trim().Replace("_", "", StringComparison.Ordinal);
            bool ok;
            ulong code;
            if (trimmed.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            {
                ok = ulong.TryParse(trimmed.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out code);
            }
            else if (trimmed.StartsWith("0b", StringComparison.OrdinalIgnoreCase))
            {
                ok = ulong.TryParse(trimmed.AsSpan(2), NumberStyles.AllowBinarySpecifier, CultureInfo.InvariantCulture, out code);
            }
            else
            {
                ok = ulong.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out code);
            }

            if (!ok)
            {
                throw new ExplorerException($"'{text}' is not a code. Write it in hex (0x7e), binary (0b0111_1110) or as a decimal integer (126).");
            }

            BitLayout bits = BitLayout.For(format);
            if ((code & ~bits.CodeMask) != 0)
            {
                throw new ExplorerException($"{text} does not fit in {format.Name}'s {FormatText.Int(format.Bits)} bits; its codes go from {FormatText.Hex(0, format.Bits)} to {FormatText.Hex(bits.CodeMask, format.Bits)}.");
            }

            return code;
        }

        public static void Write(TextWriter output, FormatInfo format, ulong code)
        {
            BitLayout bits = BitLayout.For(format);
            double value = format.Decode(code);
            output.WriteLine($"{format.Name} ({format.Summary}), code {FormatText.Hex(code, format.Bits)}");
            var lines = new KeyValueWriter()
                .Add("binary", $"{bits.Grouped(code)}   ({bits.FieldNamesOf(code)})");

            if (bits.Float is FloatLayout layout)
            {
                ulong sign = (code & layout.SignMask) != 0 ? 1UL : 0UL;
                long field = (long)((code >> format.MantissaBits) & (ulong)layout.ExponentFieldMax);
                ulong mantissa = code & layout.MantissaMask;
                bool subnormal = layout.Subnormals && field == 0;
                long scale = subnormal ? layout.MinNormalExponent : field - format.Bias;
                double significand = ((subnormal ? 0.0 : 1.0) * FloatLayout.Pow2(format.MantissaBits) + mantissa) / FloatLayout.Pow2(format.MantissaBits);

                if (format.Signed)
                {
                    lines.Add("sign", sign == 0 ? "0 (+)" : "1 (-)");
                }

                string exponentField = bits.Fields.First(f => f.Letter == 'E') is BitField e ? FormatText.Binary(e.Extract(code), e.Width) : "";
                lines.Add("exponent", subnormal
                    ? $"{exponentField} = 0: subnormal, scale 2^{FormatText.Int(scale)}"
                    : $"{exponentField} = {FormatText.Int(field)}, scale 2^({FormatText.Int(field)} - {FormatText.Int(format.Bias)}) = 2^{FormatText.Int(scale)}");
                if (format.MantissaBits > 0)
                {
                    lines.Add("mantissa", $"{FormatText.Binary(mantissa, format.MantissaBits)} = {FormatText.Int((long)mantissa)}, significand {FormatText.Exact(significand)}");
                }

                lines.Add("class", Classify(value, subnormal));
                lines.Add("value", double.IsFinite(value) && value != 0
                    ? $"{FormatText.Exact(value)} = {(sign == 1 ? "-" : "")}{FormatText.Exact(significand)} * 2^{FormatText.Int(scale)}"
                    : FormatText.Exact(value));
            }
            else if (format.Kind == FormatKind.Posit)
            {
                WritePositFields(lines, format, code, value);
            }
            else if (format.Kind == FormatKind.Integer)
            {
                IntegerViews.Decode(lines, format, code);
            }
            else
            {
                lines.Add("value", FormatText.Exact(value));
            }

            string shortest = format.FormatValue(code);
            if (double.IsFinite(value) && EncodeCommand.ShowShortest(FormatText.Exact(value), shortest))
            {
                lines.Add("shortest", shortest);
            }

            lines.Write(output);
        }

        /// <summary>A posit code's sign, regime, exponent and fraction, and how they make its value.</summary>
        private static void WritePositFields(KeyValueWriter lines, FormatInfo format, ulong code, double value)
        {
            PositFields fields = PositFields.Of(format, code);
            if (fields.IsNaR)
            {
                lines.Add("class", "NaR (Not a Real: 1 followed by zeros, the only exception value; it decodes to NaN)");
                lines.Add("value", "NaR");
                return;
            }

            if (fields.IsZero)
            {
                lines.Add("class", "zero (all bits 0)");
                lines.Add("value", "0");
                return;
            }

            lines.Add("sign", fields.Sign == 0 ? "0 (+)" : "1 (-): the fields below are read on the raw bits, no two's complement first");
            lines.Add("regime", fields.RegimeText);
            lines.Add("exponent", fields.ExponentText);
            lines.Add("fraction", fields.FractionWidth == 0
                ? "(none) f = 0"
                : $"{FormatText.Binary((ulong)fields.FractionField, fields.FractionWidth)} = {fields.FractionField}, f = {fields.FractionField} / 2^{FormatText.Int(fields.FractionWidth)}");
            string scale = fields.Sign == 0
                ? $"2^{FormatText.Int(format.ExponentBits)}*{FormatText.Int(fields.K)} + {FormatText.Int(fields.E)}"
                : $"-(2^{FormatText.Int(format.ExponentBits)}*{FormatText.Int(fields.K)} + {FormatText.Int(fields.E)} + 1)";
            string significand = fields.Sign == 0 ? "1 + f" : "-2 + f";
            lines.Add("class", Math.Abs(value) == format.MaxValue ? (value > 0 ? "+maxpos" : "-maxpos")
                : Math.Abs(value) == format.Epsilon ? (value > 0 ? "+minpos" : "-minpos")
                : "real");
            lines.Add("value", $"{FormatText.Exact(value)} = ({significand}) * 2^({scale}) = {FormatText.Exact(fields.Significand.ToDouble())} * 2^{FormatText.Int(fields.Scale)}");
        }

        private static string Classify(double value, bool subnormal) => value switch
        {
            _ when double.IsNaN(value) => "NaN",
            _ when double.IsInfinity(value) => value > 0 ? "+infinity" : "-infinity",
            0.0 => double.IsNegative(value) ? "-0" : "zero",
            _ => subnormal ? "subnormal" : "normal",
        };
    }
}
