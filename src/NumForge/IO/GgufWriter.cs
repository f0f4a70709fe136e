using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using NumForge.IO;

namespace NumForge
{
    /// <summary>
    /// Writes GGUF v3 files as ggml does (<c>gguf_write_to_file</c>): header, metadata in insertion order, tensor infos,
    /// then the tensors in insertion order, each at the next multiple of the alignment (zero padding between).
    /// </summary>
    public sealed class GgufWriter
    {
        private readonly List<KeyValuePair<string, GgufValue>> _metadata = [];
        private readonly List<(GgufTensorInfo Info, byte[] Data)> _tensors = [];
        private readonly HashSet<string> _names = new(StringComparer.Ordinal);
        private long _dataSize;

        /// <summary>Creates a writer; an alignment other than 32 is recorded as <c>general.alignment</c>.</summary>
        /// <param name="alignment">The data alignment, a power of two.</param>
        public GgufWriter(int alignment = GgufFile.DefaultAlignment)
        {
            if (alignment <= 0 || (alignment & (alignment - 1)) != 0)
            {
                throw new ArgumentOutOfRangeException(nameof(alignment), alignment, "The alignment must be a power of two.");
            }

            Alignment = alignment;
            if (alignment != GgufFile.DefaultAlignment)
            {
                AddMetadata("general.alignment", GgufValue.From((uint)alignment));
            }
        }

        /// <summary>Gets the data alignment.</summary>
        public int Alignment { get; }

        /// <summary>Adds a metadata value (keys are unique).</summary>
        public void AddMetadata(string key, GgufValue value)
        {
            ArgumentNullException.ThrowIfNull(key);
            ArgumentNullException.ThrowIfNull(value);
            foreach (KeyValuePair<string, GgufValue> kv in _metadata)
            {
                if (kv.Key == key)
                {
                    throw new ArgumentException($"Metadata key '{key}' was already added.", nameof(key));
                }
            }

            _metadata.Add(new(key, value));
        }

        /// <summary>Adds a metadata value of a scalar, string or array CLR type (see <see cref="GgufValue.From"/>).</summary>
        public void AddMetadata(string key, object value) => AddMetadata(key, GgufValue.From(value));

        /// <summary>Adds a tensor of NumForge blocks or plain values (float, Half, double, sbyte, short, int, long).</summary>
        /// <param name="name">The tensor's name.</param>
        /// <param name="data">The blocks or values.</param>
        /// <param name="dimensions">The dimensions, innermost first (ggml's ne[0] = the row length).</param>
        public void AddTensor<T>(string name, ReadOnlySpan<T> data, params ReadOnlySpan<long> dimensions)
            where T : unmanaged
        {
            GgmlType type = GgmlTypeInfo.Of<T>() ?? throw new ArgumentException($"{typeof(T).Name} has no ggml type.", nameof(data));
            AddTensor(name, type, MemoryMarshal.AsBytes(data), dimensions);
        }

        /// <summary>Adds a tensor of any ggml type from its raw bytes.</summary>
        /// <exception cref="ArgumentException">The bytes do not match the type and dimensions.</exception>
        public void AddTensor(string name, GgmlType type, ReadOnlySpan<byte> data, params ReadOnlySpan<long> dimensions)
        {
            ArgumentNullException.ThrowIfNull(name);
            if (!GgmlTypeInfo.IsKnown((uint)type))
            {
                throw new ArgumentException($"{type} is not a ggml type.", nameof(type));
            }

            if (dimensions.Length is < 1 or > 4)
            {
                throw new ArgumentException("A tensor has 1 to 4 dimensions.", nameof(dimensions));
            }

            long elements = 1;
            foreach (long d in dimensions)
            {
                ArgumentOutOfRangeException.ThrowIfNegative(d, nameof(dimensions));
                elements = checked(elements * d);
            }

            int blockElements = GgmlTypeInfo.BlockElements(type);
            if (dimensions[0] % blockElements != 0)
            {
                throw new ArgumentException($"The innermost dimension {dimensions[0]} is not a multiple of {type}'s block of {blockElements}.", nameof(dimensions));
            }

            long bytes = checked(elements / blockElements * GgmlTypeInfo.BytesPerBlock(type));
            if (bytes != data.Length)
            {
                throw new ArgumentException($"{type} {string.Join(" x ", dimensions.ToArray())} takes {bytes} bytes, not {data.Length}.", nameof(data));
            }

            if (!_names.Add(name))
            {
                throw new ArgumentException($"Tensor '{name}' was already added.", nameof(name));
            }

            _tensors.Add((new GgufTensorInfo(name, dimensions.ToArray(), type, _dataSize, bytes), data.ToArray()));
            _dataSize += Pad(bytes);
        }

        /// <summary>Writes the file.</summary>
        public void Save(string path)
        {
            using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
            WriteTo(stream);
        }

        /// <summary>Writes the file to <paramref name="stream"/>.</summary>
        public void WriteTo(Stream stream)
        {
            ArgumentNullException.ThrowIfNull(stream);
            var header = new MemoryStream();
            using (var w = new BinaryWriter(header, Encoding.UTF8, leaveOpen: true))
            {
                w.Write(0x46554747u);
                w.Write(3u);
                w.Write((ulong)_tensors.Count);
                w.Write((ulong)_metadata.Count);
                foreach (KeyValuePair<string, GgufValue> kv in _metadata)
                {
                    WriteString(w, kv.Key);
                    w.Write((uint)kv.Value.Type);
                    if (kv.Value.Type == GgufValueType.Array)
                    {
                        var array = (Array)kv.Value.Value;
                        w.Write((uint)kv.Value.ElementType);
                        w.Write((ulong)array.Length);
                        foreach (object? element in array)
                        {
                            WriteScalar(w, element!);
                        }
                    }
                    else
                    {
                        WriteScalar(w, kv.Value.Value);
                    }
                }

                foreach ((GgufTensorInfo info, _) in _tensors)
                {
                    WriteString(w, info.Name);
                    w.Write((uint)info.Dimensions.Count);
                    foreach (long d in info.Dimensions)
                    {
                        w.Write((ulong)d);
                    }

                    w.Write((uint)info.Type);
                    w.Write((ulong)info.Offset);
                }
            }

            header.SetLength(Pad(header.Length));
            header.Position = 0;
            header.CopyTo(stream);
            foreach ((GgufTensorInfo info, byte[] data) in _tensors)
            {
                stream.Write(data);
                stream.Write(new byte[Pad(info.ByteCount) - info.ByteCount]);
            }
        }

        private long Pad(long n) => (n + Alignment - 1) / Alignment * Alignment;

        private static void WriteString(BinaryWriter w, string s)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(s);
            w.Write((ulong)bytes.Length);
            w.Write(bytes);
        }

        private static void WriteScalar(BinaryWriter w, object value)
        {
            switch (value)
            {
                case byte v: w.Write(v); break;
                case sbyte v: w.Write(v); break;
                case ushort v: w.Write(v); break;
                case short v: w.Write(v); break;
                case uint v: w.Write(v); break;
                case int v: w.Write(v); break;
                case float v: w.Write(v); break;
                case bool v: w.Write((byte)(v ? 1 : 0)); break;
                case string v: WriteString(w, v); break;
                case ulong v: w.Write(v); break;
                case long v: w.Write(v); break;
                case double v: w.Write(v); break;
                default: throw new ArgumentException($"{value.GetType()} has no GGUF type.", nameof(value));
            }
        }
    }
}
