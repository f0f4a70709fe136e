using System.CommandLine;
using System.IO;
using System.Linq;
using NumForge.CompilerServices;
using NumForge.Explorer.Rendering;

namespace NumForge.Explorer.Commands
{
    /// <summary><c>numforge show &lt;name&gt;</c>: every property of one format, its bit layout and its special codes.</summary>
    internal static class ShowCommand
    {
        public static Command Create()
        {
            var name = new Argument<string>("name") { Description = "A catalog format name or alias, e.g. Float8E4M3FN, e4m3fn, bf16." };
            var command = new Command("show", "Show one format: its properties, bit layout and special codes.")
            {
                name,
            };
            command.SetAction(parseResult =>
            {
                Write(parseResult.InvocationConfiguration.Output, FormatResolver.Resolve(parseResult.GetRequiredValue(name)));
                return 0;
            });
            return command;
        }

        public static void Write(TextWriter output, FormatInfo format)
        {
            BitLayout bits = BitLayout.For(format);
            string yes(bool value) => value ? "yes" : "no";

            output.WriteLine($"{format.Name}: {format.Summary}");
            var properties = new KeyValueWriter()
                .Add("type", format.ClrType?.FullName ?? "(none)")
                .Add("kind", format.Kind.ToString())
                .Add("aliases", string.Join(", ", FormatCatalog.AliasesOf(format)) is { Length: > 0 } aliases ? aliases : "(none)")
                .Add("bits", $"{FormatText.Int(format.Bits)} (stored in a {bits.ContainerName})");
            if (format.Kind == FormatKind.Float)
            {
                properties
                    .Add("exponent bits", FormatText.Int(format.ExponentBits))
                    .Add("mantissa bits", FormatText.Int(format.MantissaBits))
                    .Add("bias", FormatText.Int(format.Bias))
                    .Add("signed", yes(format.Signed))
                    .Add("subnormals", yes(format.Subnormals))
                    .Add("specials", format.Specials.ToString())
                    .Add("overflow", $"{format.Overflow} (what a conversion past the largest finite value gives)");
            }

            properties
                .Add("has infinity", yes(format.HasInfinity))
                .Add("has NaN", yes(format.HasNaN))
                .Add("max", FormatText.WithPowerOfTwo(format.MaxValue, exact: true))
                .Add("min normal", FormatText.WithPowerOfTwo(format.MinNormal, exact: true))
                .Add("smallest positive", FormatText.WithPowerOfTwo(format.Epsilon, exact: true))
                .Add("machine epsilon", FormatText.WithPowerOfTwo(format.MachineEpsilon, exact: true))
                .Write(output);

            output.WriteLine();
            output.WriteLine(bits.Unused is null
                ? $"layout ({FormatText.Int(format.Bits)} bits, stored in a {bits.ContainerName})"
                : $"layout ({FormatText.Int(format.Bits)} bits, stored in the low bits of a {bits.ContainerName})");
            (string letters, string positions) = bits.Diagram();
            output.WriteLine("  " + letters);
            output.WriteLine("  " + positions);
            output.WriteLine("  " + Legend(format, bits));

            if (bits.Float is FloatLayout layout)
            {
                output.WriteLine();
                output.WriteLine("codes");
                WriteCodes(output, format, layout);
            }
        }

        private static string Legend(FormatInfo format, BitLayout bits)
        {
            string legend = format.Kind == FormatKind.Float
                ? string.Join(", ", bits.Fields.Select(f => $"{f.Letter} {f.Name}"))
                : "V value";
            return bits.Unused is BitField unused
                ? $"{legend}; x unused (bits {unused.Positions} of the {bits.ContainerName}, zero)"
                : legend;
        }

        private static void WriteCodes(TextWriter output, FormatInfo format, FloatLayout layout)
        {
            string hex(ulong code) => FormatText.Hex(code, format.Bits);
            string coded(ulong code) => $"{hex(code)}  {FormatText.Exact(format.Decode(code))}";
            string inline(ulong code) => $"{hex(code)} = {FormatText.Exact(format.Decode(code))}";

            var codes = new KeyValueWriter();
            codes.Add("+max", coded(layout.MaxFiniteMagnitude));
            if (format.Signed)
            {
                codes.Add("-max", coded(layout.SignMask | layout.MaxFiniteMagnitude));
            }

            codes.Add("min normal", coded(format.Encode(format.MinNormal)));
            codes.Add("smallest positive", coded(format.Encode(format.Epsilon)));
            if (layout.HasZero)
            {
                codes.Add("+0", hex(0));
                codes.Add("-0", layout.HasNegativeZero ? hex(layout.SignMask) : $"none (-0 converts to {hex(format.Encode(-0.0))})");
            }
            else
            {
                codes.Add("zero", $"none (0 converts to {inline(format.Encode(0.0))})");
            }

            codes.Add("NaN", format.Specials switch
            {
                SpecialValues.Ieee => $"{hex(layout.NaNCode)} (what NaN converts to; every code with all exponent bits set and a nonzero mantissa is NaN)",
                SpecialValues.FiniteNaN => format.Signed
                    ? $"{hex(layout.MagnitudeMask)} and {hex(layout.SignMask | layout.MagnitudeMask)} (all bits set but the sign)"
                    : $"{hex(layout.MagnitudeMask)} (all bits set)",
                SpecialValues.FiniteNaNUnsignedZero => $"{hex(layout.NaNCode)} (the negative-zero pattern; the only NaN)",
                _ => $"none (NaN converts to {inline(layout.NaNCode)})",
            });
            if (format.HasInfinity)
            {
                codes.Add("+inf", hex(layout.PositiveInfinityCode));
                codes.Add("-inf", hex(layout.NegativeInfinityCode));
            }
            else
            {
                codes.Add("+inf", $"none (+inf converts to {inline(layout.PositiveInfinityCode)})");
                if (format.Signed)
                {
                    codes.Add("-inf", $"none (-inf converts to {inline(layout.NegativeInfinityCode)})");
                }
            }

            codes.Write(output);
        }
    }
}
