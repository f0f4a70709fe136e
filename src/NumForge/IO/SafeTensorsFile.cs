using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.IO;
using System.IO.MemoryMappedFiles;
using System.Text.Json;
using NumForge.IO;

namespace NumForge
{
    /// <summary>
    /// A memory-mapped safetensors file: an 8-byte little-endian header length, a JSON header naming each tensor's dtype,
    /// shape and data offsets, then the data. <see cref="GetSpan{T}(string)"/> reads a tensor in place (zero copy). Every
    /// header is checked before anything is read: a lie (a length past the file, bad JSON, an unknown dtype, a shape that
    /// does not match the byte count, offsets out of range, overlapping or leaving holes) is an
    /// <see cref="InvalidDataException"/> that says what is wrong, and nothing reads outside the file.
    /// </summary>
    public sealed unsafe class SafeTensorsFile : IDisposable
    {
        /// <summary>The reference implementation's limit on the header (100 MB).</summary>
        private const long MaxHeaderBytes = 100_000_000;

        private readonly MemoryMappedFile _file;
        private readonly MemoryMappedViewAccessor _view;
        private readonly long _dataStart;
        private byte* _pointer;

        private SafeTensorsFile(MemoryMappedFile file, MemoryMappedViewAccessor view, byte* pointer, long dataStart, Dictionary<string, SafeTensorInfo> tensors, Dictionary<string, string> metadata)
        {
            _file = file;
            _view = view;
            _pointer = pointer;
            _dataStart = dataStart;
            Tensors = new ReadOnlyDictionary<string, SafeTensorInfo>(tensors);
            Metadata = new ReadOnlyDictionary<string, string>(metadata);
        }

        /// <summary>The tensors by name.</summary>
        public IReadOnlyDictionary<string, SafeTensorInfo> Tensors { get; }

        /// <summary>The header's <c>__metadata__</c> strings (empty when it has none).</summary>
        public IReadOnlyDictionary<string, string> Metadata { get; }

        /// <summary>Opens and checks a safetensors file, mapping it into memory (read-only).</summary>
        /// <param name="path">The file.</param>
        /// <exception cref="InvalidDataException">The file is not a well-formed safetensors file; the message says why.</exception>
        /// <exception cref="IOException">The file cannot be read.</exception>
        public static SafeTensorsFile Open(string path)
        {
            ArgumentNullException.ThrowIfNull(path);
            long length = new FileInfo(path).Length;
            if (length < 8)
            {
                throw new InvalidDataException($"{path} is {length} bytes; a safetensors file starts with an 8-byte header length.");
            }

            MemoryMappedFile file = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
            MemoryMappedViewAccessor? view = null;
            byte* pointer = null;
            try
            {
                view = file.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
                view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
                pointer += view.PointerOffset;
                var bytes = new ReadOnlySpan<byte>(pointer, checked((int)Math.Min(length, int.MaxValue)));
                ulong headerLength = BitConverter.ToUInt64(bytes[..8]);
                if (headerLength > (ulong)(length - 8))
                {
                    throw new InvalidDataException($"The header length {headerLength} runs past the end of the file ({length} bytes, {length - 8} after the length).");
                }

                if (headerLength > MaxHeaderBytes)
                {
                    throw new InvalidDataException($"The header length {headerLength} is above the 100 MB limit of the safetensors format.");
                }

                long dataStart = 8 + (long)headerLength;
                (Dictionary<string, SafeTensorInfo> tensors, Dictionary<string, string> metadata) = ParseHeader(bytes.Slice(8, (int)headerLength), length - dataStart);
                return new SafeTensorsFile(file, view, pointer, dataStart, tensors, metadata);
            }
            catch
            {
                if (pointer != null)
                {
                    view!.SafeMemoryMappedViewHandle.ReleasePointer();
                }

                view?.Dispose();
                file.Dispose();
                throw;
            }
        }

        /// <summary>
        /// The tensor's data in place (valid until the file is disposed). <typeparamref name="T"/> is the dtype's type
        /// (<c>BF16</c> → <see cref="BFloat16"/>, <c>F16</c> → <see cref="Half"/>, <c>F8_E4M3</c> → <see cref="Float8E4M3FN"/>,
        /// <c>F8_E5M2</c> → <see cref="Float8E5M2"/>, <c>F8_E8M0</c> → <see cref="Float8E8M0FNU"/>, <c>I32</c> → int, ...), or
        /// byte for the raw bytes of any tensor (and for the packed <c>F4</c>, <c>F6_E2M3</c>, <c>F6_E3M2</c>).
        /// </summary>
        /// <exception cref="KeyNotFoundException">No tensor has that name.</exception>
        /// <exception cref="InvalidOperationException"><typeparamref name="T"/> is not the tensor's element type.</exception>
        /// <exception cref="ObjectDisposedException">The file was disposed.</exception>
        public ReadOnlySpan<T> GetSpan<T>(string name)
            where T : unmanaged
        {
            SafeTensorInfo info = Find(name);
            SafeTensorsDtype.TryFind(info.Dtype, out _, out Type type);
            if (typeof(T) != typeof(byte) && typeof(T) != type)
            {
                throw new InvalidOperationException($"Tensor '{name}' is {info.Dtype} ({type.Name} elements), not {typeof(T).Name}.");
            }

            ObjectDisposedException.ThrowIf(_pointer == null, this);
            long count = info.ByteLength / sizeof(T);
            return new ReadOnlySpan<T>(_pointer + _dataStart + info.Offset, checked((int)count));
        }

        private SafeTensorInfo Find(string name)
        {
            ArgumentNullException.ThrowIfNull(name);
            return Tensors.TryGetValue(name, out SafeTensorInfo? info) ? info : throw new KeyNotFoundException($"The file has no tensor '{name}'.");
        }

        /// <summary>Unmaps the file; spans obtained from it must no longer be used.</summary>
        public void Dispose()
        {
            if (_pointer != null)
            {
                _pointer = null;
                _view.SafeMemoryMappedViewHandle.ReleasePointer();
                _view.Dispose();
                _file.Dispose();
            }
        }

        private static (Dictionary<string, SafeTensorInfo> Tensors, Dictionary<string, string> Metadata) ParseHeader(ReadOnlySpan<byte> header, long dataLength)
        {
            if (!System.Text.Unicode.Utf8.IsValid(header))
            {
                throw new InvalidDataException("The header is not valid UTF-8.");
            }

            JsonDocument document;
            try
            {
                var reader = new Utf8JsonReader(header, new JsonReaderOptions { MaxDepth = 8 });
                document = JsonDocument.ParseValue(ref reader);
                if (!header[(int)reader.BytesConsumed..].Trim(" \t\r\n"u8).IsEmpty)
                {
                    throw new InvalidDataException("The header has text after its JSON object.");
                }
            }
            catch (JsonException problem)
            {
                throw new InvalidDataException($"The header is not valid JSON: {problem.Message}", problem);
            }

            using (document)
            {
                JsonElement root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    throw new InvalidDataException($"The header is a JSON {root.ValueKind}, not an object.");
                }

                var tensors = new Dictionary<string, SafeTensorInfo>(StringComparer.Ordinal);
                var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
                bool sawMetadata = false;
                foreach (JsonProperty property in root.EnumerateObject())
                {
                    if (property.Name == "__metadata__")
                    {
                        if (sawMetadata || property.Value.ValueKind != JsonValueKind.Object)
                        {
                            throw new InvalidDataException("__metadata__ must appear once, as an object of strings.");
                        }

                        sawMetadata = true;
                        foreach (JsonProperty entry in property.Value.EnumerateObject())
                        {
                            if (entry.Value.ValueKind != JsonValueKind.String || !metadata.TryAdd(entry.Name, entry.Value.GetString()!))
                            {
                                throw new InvalidDataException($"__metadata__ entry '{entry.Name}' must be a string and appear once.");
                            }
                        }

                        continue;
                    }

                    SafeTensorInfo info = ParseTensor(property.Name, property.Value, dataLength);
                    if (!tensors.TryAdd(info.Name, info))
                    {
                        throw new InvalidDataException($"Tensor '{info.Name}' appears twice in the header.");
                    }
                }

                CheckTiling(tensors, dataLength);
                return (tensors, metadata);
            }
        }

        private static SafeTensorInfo ParseTensor(string name, JsonElement value, long dataLength)
        {
            if (value.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException($"Tensor '{name}' is described by a JSON {value.ValueKind}, not an object.");
            }

            if (!value.TryGetProperty("dtype", out JsonElement dtypeElement) || dtypeElement.ValueKind != JsonValueKind.String)
            {
                throw new InvalidDataException($"Tensor '{name}' has no dtype string.");
            }

            string dtype = dtypeElement.GetString()!;
            if (!SafeTensorsDtype.TryFind(dtype, out int bits, out _))
            {
                throw new InvalidDataException($"Tensor '{name}' has the unknown dtype '{dtype}' (known: {SafeTensorsDtype.Names}).");
            }

            long[] shape = ReadIntegers(name, value, "shape", -1);
            long[] offsets = ReadIntegers(name, value, "data_offsets", 2);
            long elements = 1;
            foreach (long d in shape)
            {
                if (d < 0)
                {
                    throw new InvalidDataException($"Tensor '{name}' has a negative dimension {d}.");
                }

                if (d != 0 && elements > long.MaxValue / 8 / d)
                {
                    throw new InvalidDataException($"Tensor '{name}' has a shape whose element count overflows.");
                }

                elements *= d;
            }

            if ((elements * bits) % 8 != 0)
            {
                throw new InvalidDataException($"Tensor '{name}': {elements} {dtype} elements do not fill a whole number of bytes.");
            }

            long bytes = elements * bits / 8;
            (long begin, long end) = (offsets[0], offsets[1]);
            if (begin < 0 || end < begin || end > dataLength)
            {
                throw new InvalidDataException($"Tensor '{name}' has data_offsets [{begin}, {end}] outside the {dataLength}-byte data section.");
            }

            if (end - begin != bytes)
            {
                throw new InvalidDataException($"Tensor '{name}': shape [{string.Join(", ", shape)}] of {dtype} needs {bytes} bytes but data_offsets [{begin}, {end}] give {end - begin}.");
            }

            return new SafeTensorInfo(name, dtype, shape, begin, bytes);
        }

        private static long[] ReadIntegers(string tensor, JsonElement value, string field, int count)
        {
            if (!value.TryGetProperty(field, out JsonElement array) || array.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidDataException($"Tensor '{tensor}' has no {field} array.");
            }

            int length = array.GetArrayLength();
            if ((count >= 0 && length != count) || length > 64)
            {
                throw new InvalidDataException($"Tensor '{tensor}' has {length} {field} entries{(count >= 0 ? $"; expected {count}" : "")}.");
            }

            var result = new long[length];
            int i = 0;
            foreach (JsonElement item in array.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt64(out long n) || n < 0)
                {
                    throw new InvalidDataException($"Tensor '{tensor}' has {field}[{i}] = {item.GetRawText()}, not a non-negative integer.");
                }

                result[i++] = n;
            }

            return result;
        }

        /// <summary>The data section must be tiled exactly: sorted by offset, each tensor starts where the previous ends, the last ends at the end.</summary>
        private static void CheckTiling(Dictionary<string, SafeTensorInfo> tensors, long dataLength)
        {
            var sorted = new List<SafeTensorInfo>(tensors.Values);
            sorted.Sort((a, b) => a.Offset != b.Offset ? a.Offset.CompareTo(b.Offset) : a.ByteLength.CompareTo(b.ByteLength));
            long expected = 0;
            foreach (SafeTensorInfo info in sorted)
            {
                if (info.Offset != expected)
                {
                    throw new InvalidDataException(info.Offset < expected
                        ? $"Tensor '{info.Name}' at [{info.Offset}, {info.Offset + info.ByteLength}] overlaps the tensor before it (which ends at {expected})."
                        : $"The data section has a hole: bytes {expected} to {info.Offset} belong to no tensor (before '{info.Name}').");
                }

                expected = info.Offset + info.ByteLength;
            }

            if (expected != dataLength)
            {
                throw new InvalidDataException($"The tensors cover {expected} bytes but the data section has {dataLength}.");
            }
        }
    }
}
