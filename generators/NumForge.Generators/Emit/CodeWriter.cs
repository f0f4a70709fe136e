using System.Text;

namespace NumForge.Generators.Emit
{
    /// <summary>
    /// A small indenting text writer for generated C#. Lines end in <c>\n</c> on every platform (generated text is
    /// deterministic), blocks open and close braces, and members are separated by exactly one blank line.
    /// </summary>
    internal sealed class CodeWriter
    {
        private const string IndentUnit = "    ";

        private readonly StringBuilder _text = new StringBuilder();
        private int _depth;
        private bool _separate;

        /// <summary>Writes one line at the current indentation (an empty string writes an empty line).</summary>
        public void Line(string line = "")
        {
            if (line.Length > 0)
            {
                for (int i = 0; i < _depth; i++)
                {
                    _text.Append(IndentUnit);
                }

                _text.Append(line);
            }

            _text.Append('\n');
        }

        /// <summary>Writes a multi-line block (e.g. a raw string literal), each line at the current indentation.</summary>
        public void Lines(string block)
        {
            foreach (string line in block.Replace("\r\n", "\n").Split('\n'))
            {
                Line(line.TrimEnd());
            }
        }

        /// <summary>Writes a member (doc comment, attributes and body), preceded by a blank line unless it opens a block.</summary>
        public void Member(string text)
        {
            if (_separate)
            {
                Line();
            }

            Lines(text);
            _separate = true;
        }

        /// <summary>Writes a comment line that titles the members that follow it.</summary>
        public void Section(string title)
        {
            if (_separate)
            {
                Line();
            }

            Line("// ---------------------------------------------------------------- " + title);
            Line();
            _separate = false;
        }

        /// <summary>Writes <paramref name="header"/> (one or more lines) and an opening brace, and indents what follows.</summary>
        public void Open(string header)
        {
            if (_separate)
            {
                Line();
            }

            Lines(header);
            Line("{");
            _depth++;
            _separate = false;
        }

        /// <summary>Closes the innermost block.</summary>
        public void Close()
        {
            _depth--;
            Line("}");
            _separate = true;
        }

        /// <inheritdoc/>
        public override string ToString() => _text.ToString();
    }
}
