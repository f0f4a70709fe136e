using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;
using NumForge.CompilerServices;
using Xunit;

namespace NumForge.Tests.Posits
{
    /// <summary>Per-format helpers: the reference, sample generators and a mismatch collector.</summary>
    public static class Fmt<T>
        where T : struct, IPositTraits
    {
        private static PositReference? _reference;

        public static PositReference Ref => _reference ??= new PositReference(T.Bits, T.ExponentBits);

        public static string Name => $"posit<{T.Bits},{T.ExponentBits}>";

        public static ulong Count => T.Bits == 64 ? 0 : 1UL << T.Bits;

        public static ulong Neg(ulong c) => (0UL - c) & T.CodeMask;

        /// <summary>A random code, weighted towards the interesting places: minpos, maxpos, 1, powers of two, long regimes.</summary>
        public static ulong Sample(Random random)
        {
            int n = T.Bits;
            ulong code;
            switch (random.Next(7))
            {
                case 0:
                    code = (ulong)random.NextInt64() ^ ((ulong)random.Next() << 40);
                    break;
                case 1:
                    code = (ulong)random.Next(1, 300);
                    break;
                case 2:
                    code = T.MaxPosCode - (ulong)random.Next(0, 300);
                    break;
                case 3:
                    code = (T.NaRCode >> 1) + (ulong)random.Next(-3000, 3000);
                    break;
                case 4:
                    code = PositCodec<T>.FromDouble(Math.ScaleB(1.0, random.Next(-T.MaxScale, T.MaxScale + 1)));
                    break;
                case 5:
                {
                    // A long regime (the "twilight" zone where exponent bits are cut off), then random bits.
                    int run = random.Next(Math.Max(1, n / 2), n);
                    ulong tail = (ulong)random.NextInt64();
                    ulong regime = random.Next(2) == 0 ? ((1UL << run) - 1) << (n - 1 - run) : 1UL << (n - 2 - Math.Min(run, n - 2));
                    code = regime | (tail & ((1UL << Math.Max(0, n - 2 - run)) - 1));
                    break;
                }

                default:
                    code = (ulong)random.NextInt64();
                    break;
            }

            code &= T.CodeMask;
            if (random.Next(2) == 0)
            {
                code = Neg(code);
            }

            return code;
        }

        public static string Hex(ulong code) => code.ToString("x" + ((T.Bits + 3) / 4));
    }

    /// <summary>Collects mismatches and fails with the first few and the count.</summary>
    public sealed class Mismatches
    {
        private readonly string _what;
        private readonly List<string> _first = new();
        private long _checked;
        private long _count;

        public Mismatches(string what) => _what = what;

        public long Checked => _checked;

        public void Check(bool ok, Func<string> describe)
        {
            _checked++;
            if (!ok)
            {
                _count++;
                if (_first.Count < 12)
                {
                    _first.Add(describe());
                }
            }
        }

        public void Assert()
        {
            Xunit.Assert.True(_checked > 0, $"{_what}: nothing was checked");
            Xunit.Assert.True(_count == 0, $"{_what}: {_count} of {_checked} cases wrong, e.g.\n  " + string.Join("\n  ", _first));
        }
    }

    /// <summary>Reads ../shared/vectors (SoftPosit, TestFloat, ml_dtypes files; .txt or .txt.gz).</summary>
    public static class VectorFiles
    {
        private static string? _directory;

        public static string Directory => _directory ??= Locate();

        private static string Locate([CallerFilePath] string sourceFile = "")
        {
            var starts = new List<string> { AppContext.BaseDirectory, Environment.CurrentDirectory };
            if (!string.IsNullOrEmpty(sourceFile))
            {
                starts.Add(Path.GetDirectoryName(sourceFile)!);
            }

            foreach (string start in starts)
            {
                for (DirectoryInfo? dir = new(start); dir != null; dir = dir.Parent)
                {
                    if (File.Exists(Path.Combine(dir.FullName, "Toolkit.sln")))
                    {
                        string vectors = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "vectors"));
                        if (System.IO.Directory.Exists(vectors))
                        {
                            return vectors;
                        }

                        throw new DirectoryNotFoundException($"Test vectors not found: expected {vectors} beside the repository ({dir.FullName}).");
                    }
                }
            }

            throw new DirectoryNotFoundException($"Could not find Toolkit.sln above {string.Join(" or ", starts)}, so ../shared/vectors cannot be located.");
        }

        /// <summary>The data lines of a vector file (split into fields), checking the header's case count.</summary>
        public static List<string[]> Read(string name)
        {
            string plain = Path.Combine(Directory, name + ".txt");
            string gz = plain + ".gz";
            Stream stream = File.Exists(plain) ? File.OpenRead(plain)
                : File.Exists(gz) ? new GZipStream(File.OpenRead(gz), CompressionMode.Decompress)
                : throw new FileNotFoundException($"Vector file {name}.txt(.gz) is missing from {Directory}.");
            var lines = new List<string[]>();
            long? declared = null;
            using (var reader = new StreamReader(stream, Encoding.ASCII))
            {
                string? line;
                while ((line = reader.ReadLine()) != null)
                {
                    if (line.Length == 0)
                    {
                        continue;
                    }

                    if (line[0] == '#')
                    {
                        const string marker = "# cases:";
                        if (line.StartsWith(marker, StringComparison.Ordinal))
                        {
                            declared = long.Parse(line.AsSpan(marker.Length).Trim());
                        }

                        continue;
                    }

                    lines.Add(line.Split(' ', StringSplitOptions.RemoveEmptyEntries));
                }
            }

            Assert.True(declared.HasValue, $"{name}: no '# cases:' header line");
            Assert.Equal(declared!.Value, lines.Count);
            return lines;
        }

        public static ulong Hex(string s) => ulong.Parse(s, System.Globalization.NumberStyles.HexNumber);
    }
}
