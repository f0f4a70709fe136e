using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection;

namespace NumForge.Tests.Support
{
    /// <summary>
    /// Reads the reference vectors in ../shared/vectors (next to the repository root; see its README.txt). Missing
    /// folder or file, or a file whose data lines do not match its "# cases: N" header, throws: vectors are never
    /// optional.
    /// </summary>
    public static class VectorFiles
    {
        private static readonly Lazy<string> s_directory = new(FindDirectory);

        /// <summary>The vectors folder.</summary>
        public static string Directory => s_directory.Value;

        /// <summary>The repository root: the first folder up from the test binaries (or from the build's recorded source root) that holds Toolkit.sln, or src/ and generators/.</summary>
        public static string RepositoryRoot
        {
            get
            {
                var starts = new List<string> { AppContext.BaseDirectory, Environment.CurrentDirectory };
                string? recorded = typeof(VectorFiles).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                    .FirstOrDefault(a => a.Key == "NumForgeRepositoryRoot")?.Value;
                if (!string.IsNullOrEmpty(recorded))
                {
                    // The build output may live outside the repository (NF_ARTIFACTS), so the build records where it came from.
                    starts.Add(recorded);
                }

                foreach (string start in starts)
                {
                    for (DirectoryInfo? dir = new(start); dir != null; dir = dir.Parent)
                    {
                        if (File.Exists(Path.Combine(dir.FullName, "Toolkit.sln"))
                            || (System.IO.Directory.Exists(Path.Combine(dir.FullName, "src")) && System.IO.Directory.Exists(Path.Combine(dir.FullName, "generators"))))
                        {
                            return dir.FullName;
                        }
                    }
                }

                throw new DirectoryNotFoundException($"Cannot find the repository root (a folder with Toolkit.sln, or with src/ and generators/) above {string.Join(" or ", starts)}.");
            }
        }

        private static string FindDirectory()
        {
            string dir = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "vectors"));
            if (!System.IO.Directory.Exists(dir))
            {
                throw new DirectoryNotFoundException($"The reference vectors folder {dir} (../shared/vectors from the repository root {RepositoryRoot}) is missing.");
            }

            return dir;
        }

        /// <summary>The path of a vector file given without extension ("f32_to_e4m3fn.rne"): the .txt or .txt.gz that exists.</summary>
        public static string PathOf(string baseName)
        {
            string plain = Path.Combine(Directory, baseName + ".txt");
            string gz = plain + ".gz";
            if (File.Exists(plain))
            {
                return plain;
            }

            if (File.Exists(gz))
            {
                return gz;
            }

            throw new FileNotFoundException($"Vector file {baseName}.txt(.gz) is missing from {Directory}.", gz);
        }

        /// <summary>The data lines of a vector file, each split into its hex fields as unsigned integers.</summary>
        public static List<ulong[]> Read(string baseName)
        {
            string path = PathOf(baseName);
            using Stream file = File.OpenRead(path);
            using Stream stream = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file;
            using var reader = new StreamReader(stream);
            var rows = new List<ulong[]>();
            long? declared = null;
            string? line;
            while ((line = reader.ReadLine()) != null)
            {
                if (line.Length == 0)
                {
                    continue;
                }

                if (line[0] == '#')
                {
                    const string CasesTag = "# cases:";
                    if (line.StartsWith(CasesTag, StringComparison.Ordinal))
                    {
                        declared = long.Parse(line.AsSpan(CasesTag.Length).Trim(), CultureInfo.InvariantCulture);
                    }

                    continue;
                }

                string[] fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var values = new ulong[fields.Length];
                for (int i = 0; i < fields.Length; i++)
                {
                    values[i] = ulong.Parse(fields[i], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
                }

                rows.Add(values);
            }

            if (declared is null)
            {
                throw new InvalidDataException($"{path} has no '# cases: N' header line.");
            }

            if (declared != rows.Count)
            {
                throw new InvalidDataException($"{path} declares {declared} cases but holds {rows.Count} data lines.");
            }

            if (rows.Count == 0)
            {
                throw new InvalidDataException($"{path} holds no cases.");
            }

            return rows;
        }
    }
}
