using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using Xunit;

namespace NumForge.Tests.Ggml
{
    /// <summary>GGUF: NumForge's writer and reader against each other and against ggml's own reader and writer.</summary>
    public sealed class GgufTests : IDisposable
    {
        private readonly string _dir = Directory.CreateTempSubdirectory("nf-gguf-").FullName;

        public void Dispose() => Directory.Delete(_dir, recursive: true);

        internal static GgufWriter Sample(out Dictionary<string, byte[]> data, int alignment = 32)
        {
            var w = new GgufWriter(alignment);
            w.AddMetadata("general.architecture", "llama");
            w.AddMetadata("u8", (byte)200);
            w.AddMetadata("i8", (sbyte)-5);
            w.AddMetadata("u16", (ushort)65000);
            w.AddMetadata("i16", (short)-32000);
            w.AddMetadata("u32", 4000000000u);
            w.AddMetadata("i32", -2000000000);
            w.AddMetadata("f32", 1.5f);
            w.AddMetadata("bool", true);
            w.AddMetadata("u64", ulong.MaxValue - 1);
            w.AddMetadata("i64", long.MinValue + 1);
            w.AddMetadata("f64", Math.PI);
            w.AddMetadata("empty", "");
            w.AddMetadata("unicode", "grüße ✓");
            w.AddMetadata("arr.i32", new[] { 1, -2, 3 });
            w.AddMetadata("arr.f32", new[] { 0.5f, -0.25f });
            w.AddMetadata("arr.str", new[] { "a", "", "tokens ✓" });
            w.AddMetadata("arr.u8", new byte[] { 1, 2, 255 });
            w.AddMetadata("arr.empty", Array.Empty<long>());
            data = [];
            var random = new Random(3);
            float[] weights = GgmlInputs.Make(9, 64, 32, ["gauss1"]);
            var q4 = new BlockQ4_0[64];
            BlockQ4_0.Quantize(weights, q4);
            w.AddTensor("blk.0.q4_0", q4, 256, 8);
            data["blk.0.q4_0"] = MemoryMarshal.AsBytes(q4.AsSpan()).ToArray();
            var q4k = new BlockQ4_K[6];
            BlockQ4_K.Quantize(GgmlInputs.Make(10, 6, 256, ["gauss0.02"]), q4k);
            w.AddTensor("blk.0.q4_k", q4k, 512, 3);
            data["blk.0.q4_k"] = MemoryMarshal.AsBytes(q4k.AsSpan()).ToArray();
            var mx = new BlockMXFP4[3];
            BlockMXFP4.Quantize(GgmlInputs.Make(11, 3, 32, ["gauss1"]), mx);
            w.AddTensor("mx", mx, 32, 3, 1, 1);
            data["mx"] = MemoryMarshal.AsBytes(mx.AsSpan()).ToArray();
            float[] f = Enumerable.Range(0, 7).Select(i => i * 0.5f).ToArray();
            w.AddTensor<float>("norm", f, 7);
            data["norm"] = MemoryMarshal.AsBytes(f.AsSpan()).ToArray();
            return w;
        }

        [Theory]
        [InlineData(32)]
        [InlineData(64)]
        public void NumForge_round_trip(int alignment)
        {
            string path = Path.Combine(_dir, "rt.gguf");
            GgufWriter w = Sample(out var data, alignment);
            w.Save(path);
            using GgufFile file = GgufFile.Open(path);
            Assert.Equal(3u, file.Version);
            Assert.Equal(alignment, file.Alignment);
            Assert.Equal("llama", file.GetMetadata("general.architecture").Get<string>());
            Assert.Equal((byte)200, file.GetMetadata("u8").Get<byte>());
            Assert.Equal(-5, file.GetMetadata("i8").Get<sbyte>());
            Assert.Equal(65000, file.GetMetadata("u16").Get<ushort>());
            Assert.Equal(-32000, file.GetMetadata("i16").Get<short>());
            Assert.Equal(4000000000u, file.GetMetadata("u32").Get<uint>());
            Assert.Equal(-2000000000, file.GetMetadata("i32").Get<int>());
            Assert.Equal(1.5f, file.GetMetadata("f32").Get<float>());
            Assert.True(file.GetMetadata("bool").Get<bool>());
            Assert.Equal(ulong.MaxValue - 1, file.GetMetadata("u64").Get<ulong>());
            Assert.Equal(long.MinValue + 1, file.GetMetadata("i64").Get<long>());
            Assert.Equal(Math.PI, file.GetMetadata("f64").Get<double>());
            Assert.Equal("grüße ✓", file.GetMetadata("unicode").Get<string>());
            Assert.Equal(new[] { 1, -2, 3 }, file.GetMetadata("arr.i32").Get<int[]>());
            Assert.Equal(new[] { "a", "", "tokens ✓" }, file.GetMetadata("arr.str").Get<string[]>());
            Assert.Empty(file.GetMetadata("arr.empty").Get<long[]>());
            Assert.Equal(GgufValueType.Array, file.GetMetadata("arr.f32").Type);
            Assert.Equal(GgufValueType.Float32, file.GetMetadata("arr.f32").ElementType);
            Assert.Equal(4, file.Tensors.Count);
            Assert.Equal(new long[] { 256, 8 }, file.GetTensor("blk.0.q4_0").Dimensions);
            Assert.Equal(GgmlType.Q4_K, file.GetTensor("blk.0.q4_k").Type);
            foreach (GgufTensorInfo t in file.Tensors)
            {
                Assert.Equal(0, t.Offset % alignment);
                Assert.Equal(data[t.Name], file.GetTensorBytes(t.Name).ToArray());
            }

            Assert.Equal(64, file.GetSpan<BlockQ4_0>("blk.0.q4_0").Length);
            Assert.Equal(3.0f, file.GetSpan<float>("norm")[6]);
            Assert.Throws<InvalidOperationException>(() => file.GetSpan<BlockQ8_0>("blk.0.q4_0"));
            Assert.Throws<KeyNotFoundException>(() => file.GetTensor("nope"));
            var m = QuantizedMatrix<BlockQ4_0>.FromBlocks(file.GetSpan<BlockQ4_0>("blk.0.q4_0"), 8, 256);
            Assert.Equal(8, m.Rows);
        }

        [Fact]
        public unsafe void Files_NumForge_writes_open_in_ggml_with_the_same_metadata_and_tensors()
        {
            string path = Path.Combine(_dir, "nf.gguf");
            Sample(out var data, 64).Save(path);
            using GgufFile ours = GgufFile.Open(path);
            nint ggml = 0;
            nint ctx = GgufNative.InitFromFile(path, &ggml);
            Assert.NotEqual(0, ctx);
            try
            {
                Assert.Equal(ours.Metadata.Count, GgufNative.KvCount(ctx));
                Assert.Equal(64, GgufNative.Alignment(ctx));
                Assert.Equal(ours.DataOffset, GgufNative.DataOffset(ctx));
                for (int i = 0; i < ours.Metadata.Count; i++)
                {
                    (string key, GgufValue value) = ours.Metadata[i];
                    Assert.Equal(key, GgufNative.Key(ctx, i));
                    Assert.Equal((int)value.Type, GgufNative.KvType(ctx, i));
                    AssertSameValue(ctx, i, value);
                }

                Assert.Equal(ours.Tensors.Count, GgufNative.TensorCount(ctx));
                byte[] bytes = File.ReadAllBytes(path);
                for (int i = 0; i < ours.Tensors.Count; i++)
                {
                    GgufTensorInfo t = ours.Tensors[i];
                    Assert.Equal(t.Name, GgufNative.TensorName(ctx, i));
                    Assert.Equal((int)t.Type, GgufNative.TensorType(ctx, i));
                    Assert.Equal(t.Offset, GgufNative.TensorOffset(ctx, i));
                    Assert.Equal(t.ByteCount, GgufNative.TensorSize(ctx, i));
                    long[] ne = GgufNative.Dimensions(ggml, t.Name);
                    Assert.Equal(t.Dimensions.Concat(Enumerable.Repeat(1L, 4 - t.Dimensions.Count)), ne);
                    Assert.Equal(data[t.Name], bytes.AsSpan((int)(GgufNative.DataOffset(ctx) + t.Offset), (int)t.ByteCount).ToArray());
                }
            }
            finally
            {
                GgufNative.Free(ctx);
                GgufNative.FreeGgml(ggml);
            }
        }

        [Fact]
        public void Files_ggml_writes_open_in_NumForge()
        {
            string path = Path.Combine(_dir, "ggml.gguf");
            nint ctx = GgufNative.InitEmpty();
            nint ggml = GgufNative.GgmlInit(16 << 20);
            var q4k = new BlockQ4_K[4];
            BlockQ4_K.Quantize(GgmlInputs.Make(1, 4, 256, ["gauss0.02"]), q4k);
            byte[] q4kBytes = MemoryMarshal.AsBytes(q4k.AsSpan()).ToArray();
            byte[] q8Bytes = new byte[34 * 6];
            new Random(2).NextBytes(q8Bytes);
            float[] f = [1, 2, 3, 4, 5];
            try
            {
                GgufNative.SetString(ctx, "general.architecture", "test");
                GgufNative.SetU32(ctx, "u32", 7);
                GgufNative.SetI8(ctx, "i8", -3);
                GgufNative.SetU64(ctx, "u64", 1UL << 40);
                GgufNative.SetF32(ctx, "f32", -0.75f);
                GgufNative.SetF64(ctx, "f64", 1e300);
                GgufNative.SetBool(ctx, "flag", true);
                GgufNative.SetArray(ctx, "arr.i16", (int)GgufValueType.Int16, MemoryMarshal.AsBytes(new short[] { -1, 2, -3 }.AsSpan()), 3);
                GgufNative.SetStringArray(ctx, "arr.str", ["x", "yz", ""]);
                GgufNative.AddTensor(ctx, GgufNative.NewTensor(ggml, (int)GgmlType.Q4_K, [512, 2], "w.q4_k", q4kBytes));
                GgufNative.AddTensor(ctx, GgufNative.NewTensor(ggml, (int)GgmlType.Q8_0, [64, 3], "w.q8_0", q8Bytes));
                GgufNative.AddTensor(ctx, GgufNative.NewTensor(ggml, (int)GgmlType.F32, [5], "norm", MemoryMarshal.AsBytes(f.AsSpan())));
                Assert.True(GgufNative.WriteToFile(ctx, path));
            }
            finally
            {
                GgufNative.Free(ctx);
                GgufNative.FreeGgml(ggml);
            }

            using GgufFile file = GgufFile.Open(path);
            Assert.Equal("test", file.GetMetadata("general.architecture").Get<string>());
            Assert.Equal(7u, file.GetMetadata("u32").Get<uint>());
            Assert.Equal(-3, file.GetMetadata("i8").Get<sbyte>());
            Assert.Equal(1UL << 40, file.GetMetadata("u64").Get<ulong>());
            Assert.Equal(-0.75f, file.GetMetadata("f32").Get<float>());
            Assert.Equal(1e300, file.GetMetadata("f64").Get<double>());
            Assert.True(file.GetMetadata("flag").Get<bool>());
            Assert.Equal(new short[] { -1, 2, -3 }, file.GetMetadata("arr.i16").Get<short[]>());
            Assert.Equal(new[] { "x", "yz", "" }, file.GetMetadata("arr.str").Get<string[]>());
            Assert.Equal(new long[] { 512, 2 }, file.GetTensor("w.q4_k").Dimensions);
            Assert.Equal(q4kBytes, MemoryMarshal.AsBytes(file.GetSpan<BlockQ4_K>("w.q4_k")).ToArray());
            Assert.Equal(q8Bytes, file.GetTensorBytes("w.q8_0").ToArray());
            Assert.Equal(f, file.GetSpan<float>("norm").ToArray());

            // And what NumForge writes back from it is the same file, byte for byte.
            var w = new GgufWriter();
            foreach ((string key, GgufValue value) in file.Metadata)
            {
                w.AddMetadata(key, value);
            }

            foreach (GgufTensorInfo t in file.Tensors)
            {
                w.AddTensor(t.Name, t.Type, file.GetTensorBytes(t.Name), t.Dimensions.ToArray());
            }

            var copy = new MemoryStream();
            w.WriteTo(copy);
            Assert.Equal(File.ReadAllBytes(path), copy.ToArray());
        }

        private static unsafe void AssertSameValue(nint ctx, int i, GgufValue value)
        {
            if (value.Type == GgufValueType.String)
            {
                Assert.Equal(value.Get<string>(), GgufNative.ValString(ctx, i));
                return;
            }

            if (value.Type == GgufValueType.Array)
            {
                var array = (Array)value.Value;
                Assert.Equal((int)value.ElementType, GgufNative.ArrType(ctx, i));
                Assert.Equal(array.Length, GgufNative.ArrCount(ctx, i));
                for (int j = 0; j < array.Length; j++)
                {
                    object expected = array.GetValue(j)!;
                    object actual = value.ElementType == GgufValueType.String ? GgufNative.ArrString(ctx, i, j) : ReadAt(GgufNative.ArrData(ctx, i), value.ElementType, j);
                    Assert.Equal(expected, actual);
                }

                return;
            }

            Assert.Equal(value.Value, ReadAt(GgufNative.ValData(ctx, i), value.Type, 0));
        }

        private static unsafe object ReadAt(nint p, GgufValueType type, int j) => type switch
        {
            GgufValueType.UInt8 => ((byte*)p)[j],
            GgufValueType.Int8 => ((sbyte*)p)[j],
            GgufValueType.UInt16 => ((ushort*)p)[j],
            GgufValueType.Int16 => ((short*)p)[j],
            GgufValueType.UInt32 => ((uint*)p)[j],
            GgufValueType.Int32 => ((int*)p)[j],
            GgufValueType.Float32 => ((float*)p)[j],
            GgufValueType.Bool => ((byte*)p)[j] != 0,
            GgufValueType.UInt64 => ((ulong*)p)[j],
            GgufValueType.Int64 => ((long*)p)[j],
            GgufValueType.Float64 => ((double*)p)[j],
            _ => throw new ArgumentException(type.ToString()),
        };
    }
}
