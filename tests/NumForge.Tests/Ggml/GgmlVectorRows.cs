using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using NumForge.Tests.Support;

namespace NumForge.Tests.Ggml
{
    /// <summary>One row of ../shared/vectors/ggml: the fp32 input block, ggml's bytes, ggml's dequantized values.</summary>
    internal sealed record GgmlVectorRow(float[] Input, byte[] Bytes, float[] Output, string Case, int Line);

    /// <summary>Reads the ggml vector files (in=/q=/out=/case= lines; see their README.txt).</summary>
    internal static class GgmlVectorRows
    {
        public static List<GgmlVectorRow> Read(string baseName)
        {
            string path = VectorFiles.PathOf(Path.Combine("ggml", baseName));
            using Stream file = File.OpenRead(path);
            using var gz = new GZipStream(file, CompressionMode.Decompress);
            using var reader = new StreamReader(gz);
            var rows = new List<GgmlVectorRow>();
            int? declared = null;
            int lineNumber = 0;
            string? line;
            while ((line = reader.ReadLine()) != null)
            {
                lineNumber++;
                if (line.Length == 0)
                {
                    continue;
                }

                if (line[0] == '#')
                {
                    if (line.StartsWith("# cases:", StringComparison.Ordinal))
                    {
                        declared = int.Parse(line.AsSpan(8).Trim(), CultureInfo.InvariantCulture);
                    }

                    continue;
                }

                string[] fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var map = new Dictionary<string, string>();
                foreach (string field in fields)
                {
                    int eq = field.IndexOf('=', StringComparison.Ordinal);
                    map[field[..eq]] = field[(eq + 1)..];
                }

                rows.Add(new GgmlVectorRow(Floats(map["in"]), Convert.FromHexString(map["q"]), Floats(map["out"]), map["case"], lineNumber));
            }

            if (declared is null || declared != rows.Count || rows.Count == 0)
            {
                throw new InvalidDataException($"{path}: '# cases: {declared}' does not match its {rows.Count} data lines.");
            }

            return rows;
        }

        private static float[] Floats(string hex)
        {
            var values = new float[hex.Length / 8];
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = BitConverter.UInt32BitsToSingle(uint.Parse(hex.AsSpan(i * 8, 8), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
            }

            return values;
        }
    }
}
