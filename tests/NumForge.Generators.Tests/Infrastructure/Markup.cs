using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace NumForge.Generators.Tests.Infrastructure
{
    /// <summary>
    /// Source with expected diagnostics marked inline, as in the Roslyn SDK testing libraries:
    /// <c>[{|NF0010:FloatFormat(0, 3)|}]</c> expects NF0010 on the text <c>FloatFormat(0, 3)</c>.
    /// </summary>
    internal static class Markup
    {
        public static (string Source, List<(string Id, TextSpan Span)> Expected) Parse(string markup)
        {
            var source = new StringBuilder();
            var expected = new List<(string, TextSpan)>();
            var open = new Stack<(string Id, int Start)>();
            int i = 0;
            while (i < markup.Length)
            {
                if (string.CompareOrdinal(markup, i, "{|", 0, 2) == 0)
                {
                    int colon = markup.IndexOf(':', i);
                    open.Push((markup.Substring(i + 2, colon - i - 2), source.Length));
                    i = colon + 1;
                }
                else if (string.CompareOrdinal(markup, i, "|}", 0, 2) == 0)
                {
                    var (id, start) = open.Pop();
                    expected.Add((id, TextSpan.FromBounds(start, source.Length)));
                    i += 2;
                }
                else
                {
                    source.Append(markup[i]);
                    i++;
                }
            }

            Assert.Empty(open);
            return (source.ToString(), expected);
        }
    }
}
