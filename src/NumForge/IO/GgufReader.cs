using System;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;

namespace NumForge.IO
{
    /// <summary>
    /// A bounds-checked cursor over the mapped bytes of a GGUF file: every read checks what is left first, every count
    /// is checked against the bytes that could hold it before anything is allocated, and every failure is an
    /// <see cref="InvalidDataException"/> that says what lied and where.
    /// </summary>
    internal unsafe struct GgufReader
    {
        private readonly byte* _start;
        private readonly long _length;

        public GgufReader(byte* start, long length)
        {
            _start = start;
            _length = length;
            Position = 0;
        }

        public long Position { get; private set; }

        public readonly long Remaining => _length - Position;

        public T Read<T>(string what)
            where T : unmanaged
        {
            Need(sizeof(T), what);
            T value = Unsafe.ReadUnaligned<T>(_start + Position);
            Position += sizeof(T);
            return value;
        }

        public string ReadString(string what)
        {
            ulong length = Read<ulong>(what + " length");
            if (length > (ulong)Remaining)
            {
                throw Fail($"{what} claims {length} bytes but only {Remaining} remain in the file (truncated string)");
            }

            if (length > int.MaxValue)
            {
                throw Fail($"{what} is {length} bytes long, more than a string can hold");
            }

            string s = Encoding.UTF8.GetString(_start + Position, (int)length);
            Position += (long)length;
            return s;
        }

        /// <summary>A count of items of at least <paramref name="minimumBytes"/> each, checked against the bytes left.</summary>
        public int ReadCount(string what, int minimumBytes)
        {
            ulong count = Read<ulong>(what);
            if (count > (ulong)(Remaining / minimumBytes) || count > int.MaxValue)
            {
                throw Fail($"{what} is {count}, more than the {Remaining} bytes left in the file could hold");
            }

            return (int)count;
        }

        public void Skip(long bytes, string what)
        {
            Need(bytes, what);
            Position += bytes;
        }

        public readonly InvalidDataException Fail(string message) => new($"GGUF: {message} (at byte {Position}).");

        private readonly void Need(long bytes, string what)
        {
            if (bytes > Remaining)
            {
                throw Fail($"the file ends inside {what} (needs {bytes} bytes, {Remaining} remain)");
            }
        }
    }
}
