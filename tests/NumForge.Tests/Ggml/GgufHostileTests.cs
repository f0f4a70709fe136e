using System;
using System.Buffers.Binary;
using System.Diagnostics;
using System.IO;
using System.Text;
using Xunit;

namespace NumForge.Tests.Ggml
{
    /// <summary>GGUF files that lie: each lie is an InvalidDataException naming it; mutated files never escape that.</summary>
    public sealed class GgufHostileTests : IDisposable
    {
        private readonly string _dir = Directory.CreateTempSubdirectory("nf-gguf-bad-").FullName;

        public void Dispose() => Directory.Delete(_dir, recursive: true);

        // A minimal file: one u32 metadata value, one Q4_0 tensor of 32 x 2.
        private static byte[] Minimal(Action<BinaryWriter>? tensorInfo = null, ulong tensorCount = 1, ulong kvCount = 1, Action<BinaryWriter>? kv = null, int dataBytes = 36)
        {
            var s = new MemoryStream();
            var w = new BinaryWriter(s);
            w.Write(0x46554747u);
            w.Write(3u);
            w.Write(tensorCount);
            w.Write(kvCount);
            (kv ?? (b => { Str(b, "k"); b.Write(4u); b.Write(7u); }))(w);
            (tensorInfo ?? (b => { Str(b, "t"); b.Write(2u); b.Write(32UL); b.Write(2UL); b.Write(2u); b.Write(0UL); }))(w);
            while (s.Length % 32 != 0)
            {
                w.Write((byte)0);
            }

            w.Write(new byte[dataBytes]);
            return s.ToArray();
        }

        private static void Str(BinaryWriter w, string s)
        {
            w.Write((ulong)Encoding.UTF8.GetByteCount(s));
            w.Write(Encoding.UTF8.GetBytes(s));
        }

        private void Lie(byte[] bytes, string expected)
        {
            string path = Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".gguf");
            File.WriteAllBytes(path, bytes);
            var e = Assert.Throws<InvalidDataException>(() => GgufFile.Open(path).Dispose());
            Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void The_minimal_file_is_valid()
        {
            string path = Path.Combine(_dir, "ok.gguf");
            File.WriteAllBytes(path, Minimal());
            using GgufFile f = GgufFile.Open(path);
            Assert.Equal(36, f.GetTensorBytes("t").Length);
        }

        [Fact]
        public void Lies_are_named()
        {
            Lie([], "empty");
            Lie(Encoding.ASCII.GetBytes("GGUX\u0003\0\0\0"), "magic");
            Lie(Minimal()[..6], "the file ends inside the version");
            Lie(Minimal(dataBytes: 35), "past the end of the file");
            Lie(Minimal(b => { Str(b, "t"); b.Write(2u); b.Write(32UL); b.Write(2UL); b.Write(2u); b.Write(16UL); }), "not a multiple of the alignment");
            Lie(Minimal(b => { Str(b, "t"); b.Write(2u); b.Write(32UL); b.Write(2UL); b.Write(4u); b.Write(0UL); }), "unknown ggml type id 4");
            Lie(Minimal(b => { Str(b, "t"); b.Write(2u); b.Write(32UL); b.Write(2UL); b.Write(999u); b.Write(0UL); }), "unknown ggml type id 999");
            Lie(Minimal(b => { Str(b, "t"); b.Write(3u); b.Write(1UL << 32); b.Write(1UL << 32); b.Write(1UL << 32); b.Write(0u); b.Write(0UL); }), "overflow");
            Lie(Minimal(b => { Str(b, "t"); b.Write(2u); b.Write(ulong.MaxValue); b.Write(2UL); b.Write(0u); b.Write(0UL); }), "negative");
            Lie(Minimal(b => { Str(b, "t"); b.Write(5u); }), "more than ggml's 4");
            Lie(Minimal(b => { Str(b, "t"); b.Write(1u); b.Write(33UL); b.Write(2u); b.Write(0UL); }), "not a multiple of Q4_0's block of 32");
            Lie(Minimal(b => { b.Write(1UL << 60); }), "truncated string");
            Lie(Minimal(tensorCount: ulong.MaxValue), "tensor count");
            Lie(Minimal(kvCount: 1UL << 62), "metadata count");
            Lie(Minimal(kv: b => { Str(b, "k"); b.Write(13u); }), "unknown value type 13");
            Lie(Minimal(kv: b => { Str(b, "k"); b.Write(9u); b.Write(4u); b.Write(1UL << 61); }), "element count");
            Lie(Minimal(kv: b => { Str(b, "k"); b.Write(9u); b.Write(9u); b.Write(1UL); }), "array of arrays");
            Lie(Minimal(kv: b => { Str(b, "k"); b.Write(7u); b.Write((byte)2); }), "bool byte 2");
            Lie(Minimal(kv: b => { Str(b, "general.alignment"); b.Write(4u); b.Write(24u); }), "not a power of two");
            Lie(Minimal(kv: b => { Str(b, "general.alignment"); b.Write(5u); b.Write(32); }), "not UInt32");
            Lie(Minimal(kvCount: 2, kv: b => { Str(b, "k"); b.Write(4u); b.Write(7u); Str(b, "k"); b.Write(4u); b.Write(7u); }), "appears twice");
            Lie(Minimal(tensorCount: 2, tensorInfo: b =>
            {
                for (int i = 0; i < 2; i++)
                {
                    Str(b, "t");
                    b.Write(1u);
                    b.Write(32UL);
                    b.Write(2u);
                    b.Write(0UL);
                }
            }), "appears twice");
            byte[] v1 = Minimal();
            BinaryPrimitives.WriteUInt32LittleEndian(v1.AsSpan(4), 1);
            Lie(v1, "version 1");
        }

        [Fact]
        public void Mutated_files_open_or_fail_with_InvalidDataException_only()
        {
            using var stream = new MemoryStream();
            GgufTests.Sample(out _).WriteTo(stream);
            byte[] valid = stream.ToArray();
            var random = new Random(1234);
            string path = Path.Combine(_dir, "fuzz.gguf");
            int opened = 0, rejected = 0;
            var clock = Stopwatch.StartNew();
            for (int trial = 0; trial < 1500; trial++)
            {
                byte[] bytes = (byte[])valid.Clone();
                int header = Math.Min(bytes.Length, 1200);
                switch (trial % 4)
                {
                    case 0:
                        bytes[random.Next(header)] = (byte)random.Next(256);
                        break;
                    case 1:
                        for (int k = random.Next(1, 8); k > 0; k--)
                        {
                            bytes[random.Next(header)] ^= (byte)(1 << random.Next(8));
                        }

                        break;
                    case 2:
                        bytes = bytes[..random.Next(bytes.Length)];
                        break;
                    default:
                        // A plausible-looking huge 64-bit count or length somewhere in the header.
                        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(random.Next(header - 8)), (ulong)random.NextInt64() << random.Next(8));
                        break;
                }

                File.WriteAllBytes(path, bytes);
                try
                {
                    using GgufFile f = GgufFile.Open(path);
                    foreach (GgufTensorInfo t in f.Tensors)
                    {
                        _ = f.GetTensorBytes(t.Name).Length;
                    }

                    opened++;
                }
                catch (InvalidDataException)
                {
                    rejected++;
                }
            }

            Assert.True(rejected > 100, $"only {rejected} of the mutated files were rejected");
            Assert.True(opened > 10, $"only {opened} of the mutated files opened");
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"1500 hostile files took {clock.Elapsed}");
        }
    }
}
