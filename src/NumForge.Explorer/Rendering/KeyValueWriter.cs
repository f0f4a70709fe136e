using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace NumForge.Explorer.Rendering
{
    /// <summary>Writes "key  value" lines with the values lined up, indented under a section title.</summary>
    internal sealed class KeyValueWriter
    {
        private readonly List<(string Key, string Value)> _lines = [];

        public KeyValueWriter Add(string key, string value)
        {
            _lines.Add((key, value));
            return this;
        }

        public void Write(TextWriter output, string indent = "  ")
        {
            int width = _lines.Count == 0 ? 0 : _lines.Max(l => l.Key.Length);
            foreach ((string key, string value) in _lines)
            {
                output.WriteLine((indent + key.PadRight(width) + "  " + value).TrimEnd());
            }
        }
    }
}
