using System.CommandLine;
using System.Linq;
using System.IO;
using NumForge.Explorer.Rendering;

namespace NumForge.Explorer.Commands
{
    /// <summary><c>numforge list [--format table|markdown]</c>: the catalog as a table.</summary>
    internal static class ListCommand
    {
        public const string Table = "table";
        public const string Markdown = "markdown";

        public static Command Create()
        {
            var format = new Option<string>("--format", "-f")
            {
                Description = "Output style: an aligned text table, or a Markdown table (as in docs/formats.md).",
                DefaultValueFactory = _ => Table,
                HelpName = "table|markdown",
            };
            format.AcceptOnlyFromAmong(Table, Markdown);

            var command = new Command("list", "List the catalog formats (floats, then posits) with their widths, bias, special values and range.")
            {
                format,
            };
            command.SetAction(parseResult =>
            {
                Write(parseResult.InvocationConfiguration.Output, parseResult.GetValue(format) == Markdown);
                return 0;
            });
            return command;
        }

        public static void Write(TextWriter output, bool markdown)
        {
            var table = new TableWriter(
                new Column("name"),
                new Column("bits", Align.Right),
                new Column("E", Align.Right),
                new Column("M", Align.Right),
                new Column("bias", Align.Right),
                new Column("specials"),
                new Column("max", Align.Right),
                new Column("min normal", Align.Right),
                new Column("smallest positive", Align.Right));

            // Floats first, then posits, each family in catalog order (widest first).
            foreach (FormatInfo format in FormatCatalog.All.OrderBy(f => f.Kind == FormatKind.Float ? 0 : f.Kind == FormatKind.Posit ? 1 : 2))
            {
                string name = markdown ? $"`{format.Name}`" : format.Name;
                if (format.Kind == FormatKind.Posit)
                {
                    // E is es; posits have no fixed mantissa width and no bias; max is maxpos, and minpos is both the
                    // smallest "normal" (posits have no subnormals) and the smallest positive value.
                    table.AddRow(
                        name,
                        FormatText.Int(format.Bits),
                        FormatText.Int(format.ExponentBits),
                        "-",
                        "-",
                        "NaR",
                        FormatText.CompactOrInteger(format.MaxValue),
                        FormatText.Compact(format.MinNormal),
                        FormatText.Compact(format.Epsilon));
                    continue;
                }

                if (format.Kind == FormatKind.Integer)
                {
                    // No exponent, mantissa or bias; the range instead of special values; 1 is the smallest positive value.
                    table.AddRow(
                        name,
                        FormatText.Int(format.Bits),
                        "-",
                        "-",
                        "-",
                        format.Signed ? "integer, two's complement" : "integer, unsigned",
                        FormatText.Int((long)format.MaxValue),
                        "1",
                        "1");
                    continue;
                }

                bool isFloat = format.Kind == FormatKind.Float;
                table.AddRow(
                    name,
                    FormatText.Int(format.Bits),
                    isFloat ? FormatText.Int(format.ExponentBits) : "",
                    isFloat ? FormatText.Int(format.MantissaBits) : "",
                    isFloat ? FormatText.Int(format.Bias) : "",
                    isFloat ? Specials(format) : format.Kind.ToString(),
                    FormatText.Compact(format.MaxValue),
                    FormatText.Compact(format.MinNormal),
                    FormatText.Compact(format.Epsilon));
            }

            if (markdown)
            {
                table.WriteMarkdown(output);
            }
            else
            {
                table.WriteText(output);
            }
        }

        /// <summary>The special-values kind, with the unusual spec choices after it: <c>FiniteNaN, unsigned, no subnormals</c>.</summary>
        public static string Specials(FormatInfo format)
        {
            string text = format.Specials.ToString();
            if (!format.Signed)
            {
                text += ", unsigned";
            }

            if (!format.Subnormals)
            {
                text += ", no subnormals";
            }

            return text;
        }
    }
}
