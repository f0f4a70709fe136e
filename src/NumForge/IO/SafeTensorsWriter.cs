using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using System.Text.Json;
using NumForge.IO;

namespace NumForge
{
    /// <summary>
    /// Builds a safetensors file: add tensors (their data is copied), optionally metadata, then <see cref="Save(string)"/>.
    /// The header lists <c>__metadata__</c> then the tensors in the order added, is padded with spaces to a multiple of 8
    /// bytes, and the data offsets tile the data section.
    /// </summary>
    public sealed class SafeTensorsWriter
    {
        private readonly List<(string Name, string Dtype, long[] Shape, byte[] Data)> _tensors = [];
        private readonly HashSet<string> _names = new(StringComparer.Ordinal);

        /// <summary>Strings stored in the header's <c>__metadata__</c>.</summary>
        public IDictionary<string, string> Metadata { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

        /// <summary>Adds a tensor whose dtype follows from <typeparamref name="T"/> (float → F32, Half → F16, BFloat16 → BF16,
        /// Float8E4M3FN → F8_E4M3, int → I32, byte → U8, ...).</summary>
        /// <param name="name">The tensor's name.</param>
        /// <param name="data">Its elements, row-major.</param>
        /// <param name="shape">Its dimensions (their product must be data.Length).</param>
        /// <exception cref="ArgumentException">A repeated or empty name, a type with no dtype, or a shape that does not match the data.</exception>
        public SafeTensorsWriter Add<T>(string name, ReadOnlySpan<T> data, params ReadOnlySpan<long> shape)
            where T : unmanaged
        {
            string dtype = SafeTensorsDtype.ForType<T>() ?? throw new ArgumentException($"{typeof(T).Name} has no safetensors dtype.", nameof(data));
            return Add(name, dtype, shape, MemoryMarshal.AsBytes(data));
        }

        /// <summary>Adds a tensor given as raw bytes with an explicit dtype (e.g. the packed <c>F4</c>).</summary>
        /// <param name="name">The tensor's name.</param>
        /// <param name="dtype">A safetensors dtype name.</param>
        /// <param name="shape">Its dimensions, in elements.</param>
        /// <param name="data">The bytes (elements * bits / 8 of them).</param>
        /// <exception cref="ArgumentException">A repeated or empty name, an unknown dtype, or a byte count that does not match the shape.</exception>
        public SafeTensorsWriter Add(string name, string dtype, ReadOnlySpan<long> shape, ReadOnlySpan<byte> data)
        {
            ArgumentException.ThrowIfNullOrEmpty(name);
            ArgumentNullException.ThrowIfNull(dtype);
            if (name == "__metadata__" || _names.Contains(name))
            {
                throw new ArgumentException($"The name '{name}' is reserved or already used.", nameof(name));
            }

            if (!SafeTensorsDtype.TryFind(dtype, out int bits, out _))
            {
                throw new ArgumentException($"Unknown dtype '{dtype}' (known: {SafeTensorsDtype.Names}).", nameof(dtype));
            }

            long elements = 1;
            foreach (long d in shape)
            {
                ArgumentOutOfRangeException.ThrowIfNegative(d, nameof(shape));
                elements = checked(elements * d);
            }

            if (checked(elements * bits) != (long)data.Length * 8)
            {
                throw new ArgumentException($"Tensor '{name}': shape [{string.Join(", ", shape.ToArray())}] of {dtype} needs {elements * bits / 8.0} bytes but the data has {data.Length}.", nameof(data));
            }

            _names.Add(name);
            _tensors.Add((name, dtype, shape.ToArray(), data.ToArray()));
            return this;
        }

        /// <summary>Writes the file.</summary>
        /// <param name="path">Where to write (overwritten).</param>
        public void Save(string path)
        {
            using FileStream stream = File.Create(path);
            WriteTo(stream);
        }

        /// <summary>Writes the file to a stream.</summary>
        /// <param name="stream">The destination.</param>
        public void WriteTo(Stream stream)
        {
            ArgumentNullException.ThrowIfNull(stream);
            using var header = new MemoryStream();
            using (var json = new Utf8JsonWriter(header))
            {
                json.WriteStartObject();
                if (Metadata.Count > 0)
                {
                    json.WriteStartObject("__metadata__");
                    foreach (KeyValuePair<string, string> entry in Metadata)
                    {
                        json.WriteString(entry.Key, entry.Value);
                    }

                    json.WriteEndObject();
                }

                long offset = 0;
                foreach ((string name, string dtype, long[] shape, byte[] data) in _tensors)
                {
                    json.WriteStartObject(name);
                    json.WriteString("dtype", dtype);
                    json.WriteStartArray("shape");
                    foreach (long d in shape)
                    {
                        json.WriteNumberValue(d);
                    }

                    json.WriteEndArray();
                    json.WriteStartArray("data_offsets");
                    json.WriteNumberValue(offset);
                    json.WriteNumberValue(offset + data.Length);
                    json.WriteEndArray();
                    json.WriteEndObject();
                    offset += data.Length;
                }

                json.WriteEndObject();
            }

            while (header.Length % 8 != 0)
            {
                header.WriteByte((byte)' ');
            }

            Span<byte> length = stackalloc byte[8];
            BitConverter.TryWriteBytes(length, (ulong)header.Length);
            stream.Write(length);
            header.Position = 0;
            header.CopyTo(stream);
            foreach ((_, _, _, byte[] data) in _tensors)
            {
                stream.Write(data);
            }
        }
    }
}
