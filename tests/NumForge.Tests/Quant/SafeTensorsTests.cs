using System;
using System.IO;
using System.Linq;
using System.Text;
using Xunit;

namespace NumForge.Tests.Quant
{
    public sealed class SafeTensorsTests : IDisposable
    {
        private readonly string _directory = Directory.CreateTempSubdirectory("nf-safetensors-").FullName;

        public void Dispose() => Directory.Delete(_directory, recursive: true);

        private string PathFor(string name) => Path.Combine(_directory, name);

        /// <summary>A file with the given header text (as is) and data bytes.</summary>
        private string Raw(string header, byte[] data, ulong? length = null)
        {
            byte[] text = Encoding.UTF8.GetBytes(header);
            string path = PathFor(Guid.NewGuid().ToString("N") + ".safetensors");
            using FileStream stream = File.Create(path);
            stream.Write(BitConverter.GetBytes(length ?? (ulong)text.Length));
            stream.Write(text);
            stream.Write(data);
            return path;
        }

        [Fact]
        public void WritesAndReadsEveryKindOfTensor()
        {
            float[] f32 = [1f, -2.5f, 3e-8f, float.MaxValue, 0f, 6f];
            BFloat16[] bf16 = f32.Select(v => (BFloat16)v).ToArray();
            Float8E4M3FN[] e4m3 = [(Float8E4M3FN)1f, (Float8E4M3FN)448f, (Float8E4M3FN)(-0.5f)];
            Half[] f16 = [(Half)1.5f, Half.MaxValue];
            int[] i32 = [1, -1, int.MaxValue, int.MinValue];
            byte[] fp4 = [0x21, 0x7F, 0x80];
            string path = PathFor("all.safetensors");
            var writer = new SafeTensorsWriter()
                .Add("f32", (ReadOnlySpan<float>)f32, 2, 3)
                .Add("bf16", (ReadOnlySpan<BFloat16>)bf16, 6)
                .Add("e4m3", (ReadOnlySpan<Float8E4M3FN>)e4m3, 3)
                .Add("f16", (ReadOnlySpan<Half>)f16, 2)
                .Add("i32", (ReadOnlySpan<int>)i32, 2, 2)
                .Add("fp4", "F4", [6], fp4)
                .Add("scalar", (ReadOnlySpan<float>)[42f]);
            writer.Metadata["format"] = "pt";
            writer.Save(path);

            byte[] file = File.ReadAllBytes(path);
            ulong headerLength = BitConverter.ToUInt64(file, 0);
            Assert.Equal(0UL, headerLength % 8);

            using SafeTensorsFile st = SafeTensorsFile.Open(path);
            Assert.Equal("pt", st.Metadata["format"]);
            Assert.Equal(7, st.Tensors.Count);
            Assert.Equal("F32", st.Tensors["f32"].Dtype);
            Assert.Equal(new long[] { 2, 3 }, st.Tensors["f32"].Shape);
            Assert.Equal(f32, st.GetSpan<float>("f32").ToArray());
            Assert.Equal("BF16", st.Tensors["bf16"].Dtype);
            Assert.Equal(bf16.Select(b => b.ToBits()), st.GetSpan<BFloat16>("bf16").ToArray().Select(b => b.ToBits()));
            Assert.Equal("F8_E4M3", st.Tensors["e4m3"].Dtype);
            Assert.Equal(e4m3.Select(b => b.ToBits()), st.GetSpan<Float8E4M3FN>("e4m3").ToArray().Select(b => b.ToBits()));
            Assert.Equal(f16, st.GetSpan<Half>("f16").ToArray());
            Assert.Equal(i32, st.GetSpan<int>("i32").ToArray());
            Assert.Equal(fp4, st.GetSpan<byte>("fp4").ToArray());
            Assert.Empty(st.Tensors["scalar"].Shape);
            Assert.Equal(42f, st.GetSpan<float>("scalar")[0]);
            Assert.Contains("not Single", Assert.Throws<InvalidOperationException>(() => st.GetSpan<float>("bf16")).Message, StringComparison.Ordinal);
            Assert.Throws<System.Collections.Generic.KeyNotFoundException>(() => st.GetSpan<float>("missing"));
        }

        [Fact]
        public void ReadsAGptqLayerStraightFromTheFile()
        {
            float[] w = QuantReference.Gaussian(64 * 256, 5);
            QuantizedMatrix m = QuantizedMatrix.Quantize(w, 64, 256, QuantScheme.W4G128);
            GptqTensors t = m.ToGptq();
            string path = PathFor("gptq.safetensors");
            new SafeTensorsWriter()
                .Add("layer.qweight", (ReadOnlySpan<int>)t.QWeight, 256 * 4 / 32, 64)
                .Add("layer.qzeros", (ReadOnlySpan<int>)t.QZeros, 2, 64 * 4 / 32)
                .Add("layer.scales", (ReadOnlySpan<Half>)t.Scales, 2, 64)
                .Add("layer.g_idx", (ReadOnlySpan<int>)t.GIdx, 256)
                .Save(path);
            using SafeTensorsFile st = SafeTensorsFile.Open(path);
            QuantizedMatrix loaded = QuantizedMatrix.FromGptq(st.GetSpan<int>("layer.qweight"), st.GetSpan<int>("layer.qzeros"), st.GetSpan<Half>("layer.scales"), st.GetSpan<int>("layer.g_idx"), 4, 128, 256, 64);
            Assert.True(loaded.Codes.SequenceEqual(m.Codes));
            Assert.True(loaded.ScaleBytes.SequenceEqual(m.ScaleBytes));
        }

        [Theory]
        [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}", "not valid JSON")]
        [InlineData("[1,2]", "not an object")]
        [InlineData("{\"a\":{\"dtype\":\"F33\",\"shape\":[2],\"data_offsets\":[0,8]}}", "unknown dtype 'F33'")]
        [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}", "needs 12 bytes")]
        [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,16]}}", "outside the 8-byte data section")]
        [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[8,0]}}", "outside")]
        [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", "overlaps")]
        [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", "hole")]
        [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", "cover 4 bytes but the data section has 8")]
        [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[-2],\"data_offsets\":[0,8]}}", "not a non-negative integer")]
        [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[4294967296,4294967296],\"data_offsets\":[0,8]}}", "overflows")]
        [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[2]}}", "no data_offsets")]
        [InlineData("{\"a\":{\"shape\":[2],\"data_offsets\":[0,8]}}", "no dtype")]
        [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}", "appears twice")]
        [InlineData("{\"__metadata__\":{\"k\":1},\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}", "must be a string")]
        [InlineData("{\"a\":{\"dtype\":\"F4\",\"shape\":[3],\"data_offsets\":[0,8]}}", "whole number of bytes")]
        [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}} x", "after its JSON")]
        [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0.5,8]}}", "not a non-negative integer")]
        public void LyingHeadersAreRejected(string header, string problem)
        {
            string path = Raw(header, new byte[8]);
            InvalidDataException error = Assert.Throws<InvalidDataException>(() => SafeTensorsFile.Open(path));
            Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void HeaderLengthPastTheFileIsRejected()
        {
            Assert.Contains("runs past the end", Assert.Throws<InvalidDataException>(() => SafeTensorsFile.Open(Raw("{}", [], 1000))).Message, StringComparison.Ordinal);
            Assert.Contains("runs past the end", Assert.Throws<InvalidDataException>(() => SafeTensorsFile.Open(Raw("{}", [], ulong.MaxValue))).Message, StringComparison.Ordinal);
            string tiny = PathFor("tiny.safetensors");
            File.WriteAllBytes(tiny, [1, 2, 3]);
            Assert.Contains("8-byte header length", Assert.Throws<InvalidDataException>(() => SafeTensorsFile.Open(tiny)).Message, StringComparison.Ordinal);
            using SafeTensorsFile empty = SafeTensorsFile.Open(Raw("{}", []));
            Assert.Empty(empty.Tensors);
        }

        [Fact]
        public void MutatedFilesNeverReadOutside()
        {
            // Flip, insert and truncate bytes of a valid file: every result opens (and reads every tensor in bounds) or is an InvalidDataException.
            string valid = PathFor("valid.safetensors");
            new SafeTensorsWriter()
                .Add("w", (ReadOnlySpan<float>)[1f, 2f, 3f, 4f], 2, 2)
                .Add("q", (ReadOnlySpan<int>)[7, 8], 2)
                .Add("h", (ReadOnlySpan<Half>)[(Half)1], 1)
                .Save(valid);
            byte[] original = File.ReadAllBytes(valid);
            var random = new Random(1234);
            string mutated = PathFor("mutated.safetensors");
            int opened = 0;
            for (int trial = 0; trial < 1500; trial++)
            {
                byte[] bytes = (byte[])original.Clone();
                int mutations = random.Next(1, 4);
                for (int k = 0; k < mutations; k++)
                {
                    int at = random.Next(bytes.Length);
                    bytes[at] = random.Next(3) switch
                    {
                        0 => (byte)random.Next(256),
                        1 => (byte)"0123456789[]{},:\"-e."[random.Next(20)],
                        _ => (byte)(bytes[at] ^ (1 << random.Next(8))),
                    };
                }

                if (random.Next(4) == 0)
                {
                    Array.Resize(ref bytes, random.Next(bytes.Length));
                }

                File.WriteAllBytes(mutated, bytes);
                try
                {
                    using SafeTensorsFile st = SafeTensorsFile.Open(mutated);
                    opened++;
                    foreach (SafeTensorInfo info in st.Tensors.Values)
                    {
                        ReadOnlySpan<byte> data = st.GetSpan<byte>(info.Name);
                        Assert.Equal(info.ByteLength, data.Length);
                        Assert.True(8 + (long)BitConverter.ToUInt64(bytes, 0) + info.Offset + info.ByteLength <= bytes.Length);
                    }
                }
                catch (InvalidDataException)
                {
                }
            }

            Assert.InRange(opened, 1, 1499);
        }

        [Fact]
        public void WriterRejectsBadTensors()
        {
            var writer = new SafeTensorsWriter().Add("a", (ReadOnlySpan<float>)[1f], 1);
            Assert.Throws<ArgumentException>(() => writer.Add("a", (ReadOnlySpan<float>)[1f], 1));
            Assert.Throws<ArgumentException>(() => writer.Add("__metadata__", (ReadOnlySpan<float>)[1f], 1));
            Assert.Contains("needs", Assert.Throws<ArgumentException>(() => writer.Add("b", (ReadOnlySpan<float>)[1f, 2f], 3)).Message, StringComparison.Ordinal);
            Assert.Throws<ArgumentException>(() => writer.Add("c", "F5", [1], [0]));
            Assert.Throws<ArgumentException>(() => writer.Add("d", "F4", [3], [0]));
            Assert.Throws<ArgumentException>(() => writer.Add("e", (ReadOnlySpan<decimal>)[1m], 1));
        }
    }
}
