using System.Collections.Generic;
using System.Text;
using Xunit.Sdk;

namespace NumForge.Tests.Support
{
    /// <summary>Collects mismatches of a sweep and fails once, with the count and the first few cases.</summary>
    public sealed class Mismatches
    {
        private const int Shown = 20;
        private readonly List<string> _first = new();
        private readonly string _what;

        public Mismatches(string what)
        {
            _what = what;
        }

        public long Count { get; private set; }

        public long Checked { get; private set; }

        /// <summary>Counts one checked case; records it when <paramref name="ok"/> is false.</summary>
        public void Check(bool ok, System.Func<string> describe)
        {
            Checked++;
            if (!ok)
            {
                Count++;
                if (_first.Count < Shown)
                {
                    _first.Add(describe());
                }
            }
        }

        public void Fail(string description)
        {
            Checked++;
            Count++;
            if (_first.Count < Shown)
            {
                _first.Add(description);
            }
        }

        /// <summary>Throws when anything mismatched, or when nothing was checked at all.</summary>
        public void AssertNone()
        {
            if (Checked == 0)
            {
                throw new XunitException($"{_what}: no case was checked.");
            }

            if (Count == 0)
            {
                return;
            }

            var text = new StringBuilder();
            text.Append(_what).Append(": ").Append(Count).Append(" of ").Append(Checked).AppendLine(" cases mismatch; first ones:");
            foreach (string line in _first)
            {
                text.Append("  ").AppendLine(line);
            }

            throw new XunitException(text.ToString());
        }
    }
}
