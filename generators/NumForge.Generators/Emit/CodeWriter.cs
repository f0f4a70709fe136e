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
        private bool _lastWasShort;

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

        /// <summary>
        /// Writes a member (doc comment, attributes and body), preceded by a blank line unless it opens a block. Short
        /// members (a doc line and a declaration line) stand together without blank lines between them, as a table does.
        /// </summary>
        public void Member(string text)
        {
            bool isShort = text.Replace("\r\n", "\n").Trim('\n').Split('\n').Length <= 2;
            if (_separate && !(isShort && _lastWasShort))
            {
                Line();
            }

            Lines(text);
            _separate = true;
            _lastWasShort = isShort;
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
            _lastWasShort = false;
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
            _lastWasShort = false;
        }

        /// <summary>Closes the innermost block.</summary>
        public void Close()
        {
            _depth--;
            Line("}");
            _separate = true;
            _lastWasShort = false;
        }

        /// <inheritdoc/>
        public override string ToString() => _text.ToString();
    }
}
