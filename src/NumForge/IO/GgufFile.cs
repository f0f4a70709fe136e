using System;
using System.Collections.Generic;
using System.IO;
using System.IO.MemoryMappedFiles;
using System.Runtime.InteropServices;
using NumForge.IO;

namespace NumForge
{
    /// <summary>
    /// A GGUF (v2/v3) file, memory-mapped: its metadata (every value type, arrays), its tensor infos (dimensions
    /// innermost first, ggml type ids, aligned offsets, <c>general.alignment</c>) and each tensor's data as a span of
    /// bytes, values or NumForge blocks, without copying. A header that lies is an <see cref="InvalidDataException"/>
    /// naming the problem; nothing reads outside the file.
    /// </summary>
    public sealed unsafe class GgufFile : IDisposable
    {
        /// <summary>The alignment of tensor data when the file does not say (GGUF_DEFAULT_ALIGNMENT).</summary>
        public const int DefaultAlignment = 32;

        private const uint Magic = 0x46554747; // "GGUF" little-endian
        private const int MaxDimensions = 4; // GGML_MAX_DIMS

        private readonly MemoryMappedFile? _map;
        private readonly MemoryMappedViewAccessor? _view;
        private readonly byte* _pointer;
        private readonly long _length;
        private readonly Dictionary<string, GgufTensorInfo> _byName = new(StringComparer.Ordinal);
        private bool _disposed;

        private GgufFile(MemoryMappedFile? map, MemoryMappedViewAccessor? view, byte* pointer, long length)
        {
            _map = map;
            _view = view;
            _pointer = pointer;
            _length = length;
        }

        /// <summary>Gets the GGUF version (2 or 3).</summary>
        public uint Version { get; private set; }

        /// <summary>Gets the metadata in file order.</summary>
        public IReadOnlyList<KeyValuePair<string, GgufValue>> Metadata { get; private set; } = [];

        /// <summary>Gets the tensors in file order.</summary>
        public IReadOnlyList<GgufTensorInfo> Tensors { get; private set; } = [];

        /// <summary>Gets the data alignment (<c>general.alignment</c>, or 32).</summary>
        public int Alignment { get; private set; } = DefaultAlignment;

        /// <summary>Gets the file offset of the data section (the header's end, aligned).</summary>
        public long DataOffset { get; private set; }

        /// <summary>Opens and validates a GGUF file.</summary>
        /// <exception cref="InvalidDataException">The file is not valid GGUF (the message names the problem).</exception>
        public static GgufFile Open(string path)
        {
            ArgumentNullException.ThrowIfNull(path);
            long length = new FileInfo(path).Length;
            if (length == 0)
            {
                throw new InvalidDataException($"GGUF: {path} is empty.");
            }

            var map = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
            MemoryMappedViewAccessor? view = null;
            bool acquired = false;
            try
            {
                view = map.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
                byte* pointer = null;
                view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
                acquired = true;
                var file = new GgufFile(map, view, pointer + view.PointerOffset, length);
                file.Parse();
                return file;
            }
            catch
            {
                if (acquired)
                {
                    view!.SafeMemoryMappedViewHandle.ReleasePointer();
                }

                view?.Dispose();
                map.Dispose();
                throw;
            }
        }

        /// <summary>Gets a metadata value by key.</summary>
        /// <exception cref="KeyNotFoundException">No such key.</exception>
        public GgufValue GetMetadata(string key)
        {
            foreach (KeyValuePair<string, GgufValue> kv in Metadata)
            {
                if (kv.Key == key)
                {
                    return kv.Value;
                }
            }

            throw new KeyNotFoundException($"The GGUF file has no metadata key '{key}'.");
        }

        /// <summary>Gets a tensor's info by name.</summary>
        /// <exception cref="KeyNotFoundException">No such tensor.</exception>
        public GgufTensorInfo GetTensor(string name)
            => _byName.TryGetValue(name, out GgufTensorInfo? info) ? info : throw new KeyNotFoundException($"The GGUF file has no tensor '{name}'.");

        /// <summary>Gets a tensor's raw bytes (valid until the file is disposed).</summary>
        public ReadOnlySpan<byte> GetTensorBytes(string name)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            GgufTensorInfo info = GetTensor(name);
            if (info.ByteCount > int.MaxValue)
            {
                throw new NotSupportedException($"Tensor '{name}' is {info.ByteCount} bytes, more than one span can hold.");
            }

            return new ReadOnlySpan<byte>(_pointer + DataOffset + info.Offset, (int)info.ByteCount);
        }

        /// <summary>
        /// Gets a tensor's data as <typeparamref name="T"/>: a NumForge block type matching its ggml type
        /// (<see cref="BlockQ4_K"/> for Q4_K, ...), or float/Half/double/sbyte/short/int/long for F32/F16/F64/I8..I64.
        /// </summary>
        /// <exception cref="InvalidOperationException">The tensor is of another type.</exception>
        public ReadOnlySpan<T> GetSpan<T>(string name)
            where T : unmanaged
        {
            GgufTensorInfo info = GetTensor(name);
            GgmlType? expected = GgmlTypeInfo.Of<T>();
            if (expected != info.Type)
            {
                throw new InvalidOperationException($"Tensor '{name}' is {info.Type}; {typeof(T).Name} is {(expected is null ? "no ggml type" : expected.ToString())}.");
            }

            return MemoryMarshal.Cast<byte, T>(GetTensorBytes(name));
        }

        /// <inheritdoc/>
        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _view?.SafeMemoryMappedViewHandle.ReleasePointer();
            _view?.Dispose();
            _map?.Dispose();
        }

        private void Parse()
        {
            var r = new GgufReader(_pointer, _length);
            if (r.Read<uint>("the magic") != Magic)
            {
                throw r.Fail("the file does not start with the magic 'GGUF'");
            }

            Version = r.Read<uint>("the version");
            if (Version is not (2 or 3))
            {
                throw r.Fail($"version {Version} is not supported (GGUF 2 and 3 are)");
            }

            // Each tensor info takes at least 8 (name length) + 4 + 4 + 8 bytes; each key-value 8 + 4 + 1.
            ulong tensorCount = r.Read<ulong>("the tensor count");
            ulong kvCount = r.Read<ulong>("the metadata count");
            if (kvCount > (ulong)(r.Remaining / 13))
            {
                throw r.Fail($"the metadata count {kvCount} is more than the {r.Remaining} bytes left could hold");
            }

            var metadata = new List<KeyValuePair<string, GgufValue>>((int)kvCount);
            var keys = new HashSet<string>(StringComparer.Ordinal);
            for (ulong i = 0; i < kvCount; i++)
            {
                string key = r.ReadString($"metadata key {i}");
                if (!keys.Add(key))
                {
                    throw r.Fail($"metadata key '{key}' appears twice");
                }

                var type = (GgufValueType)r.Read<uint>($"the type of '{key}'");
                metadata.Add(new(key, ReadValue(ref r, type, key)));
                if (key == "general.alignment")
                {
                    GgufValue value = metadata[^1].Value;
                    if (value.Type != GgufValueType.UInt32)
                    {
                        throw r.Fail($"general.alignment is {value.Type}, not UInt32");
                    }

                    uint alignment = value.Get<uint>();
                    if (alignment == 0 || (alignment & (alignment - 1)) != 0 || alignment > (1 << 30))
                    {
                        throw r.Fail($"general.alignment {alignment} is not a power of two");
                    }

                    Alignment = (int)alignment;
                }
            }

            Metadata = metadata;
            if (tensorCount > (ulong)(r.Remaining / 24))
            {
                throw r.Fail($"the tensor count {tensorCount} is more than the {r.Remaining} bytes left could hold");
            }

            var tensors = new List<GgufTensorInfo>((int)tensorCount);
            for (ulong i = 0; i < tensorCount; i++)
            {
                string name = r.ReadString($"the name of tensor {i}");
                uint dimensionCount = r.Read<uint>($"the dimension count of '{name}'");
                if (dimensionCount > MaxDimensions)
                {
                    throw r.Fail($"tensor '{name}' has {dimensionCount} dimensions, more than ggml's {MaxDimensions}");
                }

                var dims = new long[dimensionCount];
                long elements = 1;
                for (int d = 0; d < dims.Length; d++)
                {
                    ulong size = r.Read<ulong>($"dimension {d} of '{name}'");
                    if (size > long.MaxValue)
                    {
                        throw r.Fail($"dimension {d} of '{name}' is {size}, negative as ggml's int64");
                    }

                    dims[d] = (long)size;
                    if (dims[d] != 0 && elements > long.MaxValue / dims[d])
                    {
                        throw r.Fail($"the dimensions of '{name}' multiply past 2^63 (overflow)");
                    }

                    elements *= dims[d];
                }

                uint typeId = r.Read<uint>($"the type of '{name}'");
                if (!GgmlTypeInfo.IsKnown(typeId))
                {
                    throw r.Fail($"tensor '{name}' has unknown ggml type id {typeId}");
                }

                var type = (GgmlType)typeId;
                int blockElements = GgmlTypeInfo.BlockElements(type);
                if (dims.Length > 0 && dims[0] % blockElements != 0)
                {
                    throw r.Fail($"tensor '{name}': the innermost dimension {dims[0]} is not a multiple of {type}'s block of {blockElements}");
                }

                ulong offset = r.Read<ulong>($"the offset of '{name}'");
                long blocks = elements / blockElements;
                int blockBytes = GgmlTypeInfo.BytesPerBlock(type);
                if (blocks > long.MaxValue / blockBytes)
                {
                    throw r.Fail($"the byte size of '{name}' overflows");
                }

                if (_byName.ContainsKey(name))
                {
                    throw r.Fail($"tensor '{name}' appears twice");
                }

                var info = new GgufTensorInfo(name, dims, type, offset > long.MaxValue ? -1 : (long)offset, blocks * blockBytes);
                if (info.Offset < 0 || info.Offset % Alignment != 0)
                {
                    throw r.Fail($"tensor '{name}' has offset {offset}, not a multiple of the alignment {Alignment}");
                }

                tensors.Add(info);
                _byName.Add(name, info);
            }

            Tensors = tensors;
            long dataOffset = (r.Position + Alignment - 1) / Alignment * Alignment;
            DataOffset = dataOffset;
            long dataLength = _length - Math.Min(dataOffset, _length);
            foreach (GgufTensorInfo info in tensors)
            {
                if (info.Offset > dataLength || info.ByteCount > dataLength - info.Offset)
                {
                    throw new InvalidDataException($"GGUF: the data of tensor '{info.Name}' ({info.ByteCount} bytes at data offset {info.Offset}) lies past the end of the file ({dataLength} data bytes from byte {dataOffset}).");
                }
            }
        }

        private static GgufValue ReadValue(ref GgufReader r, GgufValueType type, string key)
        {
            if (type == GgufValueType.Array)
            {
                var elementType = (GgufValueType)r.Read<uint>($"the element type of '{key}'");
                if (elementType == GgufValueType.Array)
                {
                    throw r.Fail($"'{key}' is an array of arrays, which GGUF readers do not support");
                }

                int size = ScalarSize(ref r, elementType, key);
                int count = r.ReadCount($"the element count of '{key}'", size == 0 ? 8 : size);
                return GgufValue.Create(GgufValueType.Array, elementType, ReadArray(ref r, elementType, count, key));
            }

            ScalarSize(ref r, type, key);
            return GgufValue.Create(type, type, ReadScalar(ref r, type, key));
        }

        // Bytes of one value of a scalar type (0 for strings); unknown types are lies.
        private static int ScalarSize(ref GgufReader r, GgufValueType type, string key) => type switch
        {
            GgufValueType.UInt8 or GgufValueType.Int8 or GgufValueType.Bool => 1,
            GgufValueType.UInt16 or GgufValueType.Int16 => 2,
            GgufValueType.UInt32 or GgufValueType.Int32 or GgufValueType.Float32 => 4,
            GgufValueType.UInt64 or GgufValueType.Int64 or GgufValueType.Float64 => 8,
            GgufValueType.String => 0,
            _ => throw r.Fail($"'{key}' has unknown value type {(uint)type}"),
        };

        private static object ReadScalar(ref GgufReader r, GgufValueType type, string key) => type switch
        {
            GgufValueType.UInt8 => r.Read<byte>(key),
            GgufValueType.Int8 => r.Read<sbyte>(key),
            GgufValueType.UInt16 => r.Read<ushort>(key),
            GgufValueType.Int16 => r.Read<short>(key),
            GgufValueType.UInt32 => r.Read<uint>(key),
            GgufValueType.Int32 => r.Read<int>(key),
            GgufValueType.Float32 => r.Read<float>(key),
            GgufValueType.Bool => ReadBool(ref r, key),
            GgufValueType.UInt64 => r.Read<ulong>(key),
            GgufValueType.Int64 => r.Read<long>(key),
            GgufValueType.Float64 => r.Read<double>(key),
            _ => r.ReadString(key),
        };

        private static bool ReadBool(ref GgufReader r, string key)
        {
            byte b = r.Read<byte>(key);
            return b <= 1 ? b == 1 : throw r.Fail($"'{key}' holds bool byte {b}, neither 0 nor 1");
        }

        private static Array ReadArray(ref GgufReader r, GgufValueType type, int count, string key)
        {
            switch (type)
            {
                case GgufValueType.String:
                    var strings = new string[count];
                    for (int i = 0; i < count; i++)
                    {
                        strings[i] = r.ReadString($"element {i} of '{key}'");
                    }

                    return strings;
                case GgufValueType.Bool:
                    var bools = new bool[count];
                    for (int i = 0; i < count; i++)
                    {
                        bools[i] = ReadBool(ref r, key);
                    }

                    return bools;
                case GgufValueType.UInt8: return Fill<byte>(ref r, count, key);
                case GgufValueType.Int8: return Fill<sbyte>(ref r, count, key);
                case GgufValueType.UInt16: return Fill<ushort>(ref r, count, key);
                case GgufValueType.Int16: return Fill<short>(ref r, count, key);
                case GgufValueType.UInt32: return Fill<uint>(ref r, count, key);
                case GgufValueType.Int32: return Fill<int>(ref r, count, key);
                case GgufValueType.Float32: return Fill<float>(ref r, count, key);
                case GgufValueType.UInt64: return Fill<ulong>(ref r, count, key);
                case GgufValueType.Int64: return Fill<long>(ref r, count, key);
                default: return Fill<double>(ref r, count, key);
            }
        }

        private static T[] Fill<T>(ref GgufReader r, int count, string key)
            where T : unmanaged
        {
            var values = new T[count];
            for (int i = 0; i < count; i++)
            {
                values[i] = r.Read<T>(key);
            }

            return values;
        }
    }
}
