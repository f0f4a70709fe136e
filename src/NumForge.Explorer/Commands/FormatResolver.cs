using System;
using System.Collections.Generic;
using System.Linq;

namespace NumForge.Explorer.Commands
{
    /// <summary>Turns a format name or alias typed by the user into a catalog format, or explains what exists.</summary>
    internal static class FormatResolver
    {
        public static FormatInfo Resolve(string name)
        {
            ArgumentNullException.ThrowIfNull(name);
            if (FormatCatalog.Find(name) is FormatInfo format)
            {
                return format;
            }

            string available = string.Join(", ", FormatCatalog.All.Select(f => f.Name));
            IReadOnlyList<string> close = CloseMatches(name);
            string suggestion = close.Count > 0 ? $" Did you mean {string.Join(", ", close)}?" : "";
            throw new ExplorerException($"Unknown format '{name}'.{suggestion} Available formats: {available} (aliases such as e4m3fn, bf16, float8_e5m2 and p16 work too; `numforge list` shows them all).");
        }

        /// <summary>Catalog names whose name or one of whose aliases is within a small edit distance of <paramref name="name"/>, or contains it.</summary>
        public static IReadOnlyList<string> CloseMatches(string name)
        {
            string typed = name.Trim().ToLowerInvariant();
            if (typed.Length == 0)
            {
                return [];
            }

            var scored = new List<(string Name, int Score)>();
            foreach (FormatInfo format in FormatCatalog.All)
            {
                IEnumerable<string> spellings = FormatCatalog.AliasesOf(format).Prepend(format.Name).Select(s => s.ToLowerInvariant());
                int best = int.MaxValue;
                foreach (string spelling in spellings)
                {
                    int distance = EditDistance(typed, spelling);
                    if (spelling.Contains(typed, StringComparison.Ordinal) && typed.Length >= 3)
                    {
                        distance = Math.Min(distance, 1);
                    }

                    best = Math.Min(best, distance);
                }

                int allowed = Math.Max(1, Math.Min(3, typed.Length / 3));
                if (best <= allowed)
                {
                    scored.Add((format.Name, best));
                }
            }

            return scored.OrderBy(s => s.Score).ThenBy(s => s.Name, StringComparer.Ordinal).Take(3).Select(s => s.Name).ToArray();
        }

        private static int EditDistance(string a, string b)
        {
            var previous = new int[b.Length + 1];
            var current = new int[b.Length + 1];
            for (int j = 0; j <= b.Length; j++)
            {
                previous[j] = j;
            }

            for (int i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                for (int j = 1; j <= b.Length; j++)
                {
                    int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                    current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
                }

                (previous, current) = (current, previous);
            }

            return previous[b.Length];
        }
    }
}
