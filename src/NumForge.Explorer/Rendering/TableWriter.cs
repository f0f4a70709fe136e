using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace NumForge.Explorer.Rendering
{
    /// <summary>How a table column is aligned.</summary>
    internal enum Align
    {
        Left,
        Right,
    }

    /// <summary>A table column: its header and alignment.</summary>
    internal sealed record Column(string Header, Align Align = Align.Left);

    /// <summary>Collects rows and writes them as an aligned plain-text table or as a Markdown table.</summary>
    internal sealed class TableWriter
    {
        private readonly Column[] _columns;
        private readonly List<string[]> _rows = [];

        public TableWriter(params Column[] columns)
        {
            if (columns.Length == 0)
            {
                throw new ArgumentException("A table needs at least one column.", nameof(columns));
            }

            _columns = columns;
        }

        public void AddRow(params string[] cells)
        {
            if (cells.Length != _columns.Length)
            {
                throw new ArgumentException($"Expected {_columns.Length} cells, got {cells.Length}.", nameof(cells));
            }

            _rows.Add(cells);
        }

        /// <summary>Writes the table with columns padded to their widest cell, two spaces apart, and a dashed rule under the header.</summary>
        public void WriteText(TextWriter output)
        {
            int[] widths = _columns
                .Select((c, i) => _rows.Select(r => r[i].Length).Append(c.Header.Length).Max())
                .ToArray();

            output.WriteLine(FormatLine(_columns.Select(c => c.Header).ToArray(), widths, "  ").TrimEnd());
            output.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
            foreach (string[] row in _rows)
            {
                output.WriteLine(FormatLine(row, widths, "  ").TrimEnd());
            }
        }

        /// <summary>Writes a GitHub-flavoured Markdown table (padded so the source reads as a table too).</summary>
        public void WriteMarkdown(TextWriter output)
        {
            string[][] escaped = _rows.Select(r => r.Select(EscapeMarkdown).ToArray()).ToArray();
            string[] headers = _columns.Select(c => EscapeMarkdown(c.Header)).ToArray();
            int[] widths = _columns
                .Select((c, i) => Math.Max(3, escaped.Select(r => r[i].Length).Append(headers[i].Length).Max()))
                .ToArray();

            output.WriteLine("| " + FormatLine(headers, widths, " | ") + " |");
            var rule = new StringBuilder("|");
            for (int i = 0; i < _columns.Length; i++)
            {
                rule.Append(' ');
                rule.Append(_columns[i].Align == Align.Right ? new string('-', widths[i] - 1) + ":" : new string('-', widths[i]));
                rule.Append(" |");
            }

            output.WriteLine(rule.ToString());
            foreach (string[] row in escaped)
            {
                output.WriteLine("| " + FormatLine(row, widths, " | ") + " |");
            }
        }

        private string FormatLine(string[] cells, int[] widths, string separator)
        {
            var line = new StringBuilder();
            for (int i = 0; i < cells.Length; i++)
            {
                if (i > 0)
                {
                    line.Append(separator);
                }

                line.Append(_columns[i].Align == Align.Right ? cells[i].PadLeft(widths[i]) : cells[i].PadRight(widths[i]));
            }

            return line.ToString();
        }

        private static string EscapeMarkdown(string cell) => cell.Replace("|", "\\|", StringComparison.Ordinal);
    }
}
