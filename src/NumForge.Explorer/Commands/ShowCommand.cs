using System.Collections.Generic;
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
            var name = new Argument<string>("name") { Description = "A catalog format name or alias, e.g. Float8E4M3FN, e4m3fn, bf16, Posit16, p8e0." };
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
            if (format.Kind == FormatKind.Posit)
            {
                WritePosit(output, format);
                return;
            }

            if (format.Kind == FormatKind.Integer)
            {
                IntegerViews.Show(output, format);
                return;
            }

            BitLayout bits = BitLayout.For(format);
            string yes(bool value) => value ? "yes" : "no";

            output.WriteLine($"{format.Name}: {format.Summary}");
            var properties = new KeyValueWriter()
                .Add("type", format.ClrType?.FullName ?? "(none)")
                .Add("kind", format.Kind.ToString())
                .Add("aliases", Aliases(format))
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

        private static string Aliases(FormatInfo format)
            => string.Join(", ", FormatCatalog.AliasesOf(format)) is { Length: > 0 } aliases ? aliases : "(none)";

        /// <summary>A posit: es, maxpos, minpos, the variable-width layout (with 1.0 as the example) and the special codes.</summary>
        private static void WritePosit(TextWriter output, FormatInfo format)
        {
            BitLayout bits = BitLayout.For(format);
            int n = format.Bits;
            int es = format.ExponentBits;
            ulong nar = 1UL << (n - 1);
            ulong maxpos = nar - 1;
            ulong mask = bits.CodeMask;
            string hex(ulong code) => FormatText.Hex(code, n);
            string coded(ulong code) => $"{hex(code)}  {FormatText.Exact(format.Decode(code))}";

            output.WriteLine($"{format.Name}: {format.Summary}");
            new KeyValueWriter()
                .Add("type", format.ClrType?.FullName ?? "(none)")
                .Add("kind", format.Kind.ToString())
                .Add("aliases", Aliases(format))
                .Add("bits", $"{FormatText.Int(n)} (stored in a {bits.ContainerName})")
                .Add("es", $"{FormatText.Int(es)} (exponent bits; useed = 2^(2^es) = 2^{FormatText.Int(1 << es)})")
                .Add("has infinity", "no")
                .Add("has NaN", "no (NaR instead)")
                .Add("has NaR", $"yes ({hex(nar)})")
                .Add("maxpos", FormatText.WithPowerOfTwo(format.MaxValue, exact: true))
                .Add("minpos", $"{FormatText.WithPowerOfTwo(format.Epsilon, exact: true)}, the smallest positive value (no subnormals)")
                .Add("machine epsilon", FormatText.WithPowerOfTwo(format.MachineEpsilon, exact: true))
                .Add("quire", $"{FormatText.Int(PositLayout.QuireBitsFor(n, es))} bits (exact accumulator for sums of products)")
                .Write(output);

            // The fields of 1.0 (0 10 0..0 0..0) as the example: every field is present and the regime is its shortest.
            ulong one = format.Encode(1.0);
            PositFields example = PositFields.Of(format, one);
            var fields = new List<BitField> { new("sign", 'S', n - 1, n - 1) };
            int high = n - 2;
            fields.Add(new BitField("regime", 'R', high, high - example.RegimeWidth + 1));
            high -= example.RegimeWidth;
            if (example.ExponentWidth > 0)
            {
                fields.Add(new BitField("exponent", 'E', high, high - example.ExponentWidth + 1));
                high -= example.ExponentWidth;
            }

            if (example.FractionWidth > 0)
            {
                fields.Add(new BitField("fraction", 'F', high, 0));
            }

            output.WriteLine();
            output.WriteLine($"layout ({FormatText.Int(n)} bits, stored in a {bits.ContainerName}; the fields after the sign vary in width, shown for 1.0)");
            (string letters, string positions) = BitLayout.Diagram(bits.Unused is BitField unused ? fields.Prepend(unused) : fields);
            output.WriteLine("  " + letters);
            output.WriteLine("  " + positions);
            new KeyValueWriter()
                .Add("S", $"sign (bit {FormatText.Int(n - 1)}): 1 is negative; a negative code is the two's complement of its absolute value")
                .Add("R", "regime: a run of m equal bits ended by the opposite bit (or by the end of the code); "
                    + "a run of 1s gives k = m - 1, of 0s k = -m; it scales by useed^k")
                .Add("E", es == 0
                    ? "exponent: none (es = 0)"
                    : $"exponent: the next es = {FormatText.Int(es)} bits, e (bits cut off by a long regime count as 0)")
                .Add("F", "fraction: the remaining bits, f, after a hidden 1 (none left in the longest regimes)")
                .Add("value", $"(1 + f) * 2^(2^{FormatText.Int(es)}*k + e) for sign 0; 0...0 is zero, 10...0 is NaR")
                .Write(output);
            output.WriteLine($"  example: 1 = {hex(one)} = {example.Grouped}   ({example.Names}): k = {FormatText.Int(example.K)}, e = {FormatText.Int(example.E)}, f = 0");

            output.WriteLine();
            output.WriteLine("codes");
            new KeyValueWriter()
                .Add("+maxpos", coded(maxpos))
                .Add("-maxpos", coded((nar + 1) & mask))
                .Add("+minpos", coded(1))
                .Add("-minpos", coded(mask))
                .Add("+1", coded(one))
                .Add("zero", hex(0))
                .Add("NaR", $"{hex(nar)} (Not a Real: NaN and the infinities convert to it; it decodes to NaN)")
                .Write(output);
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
