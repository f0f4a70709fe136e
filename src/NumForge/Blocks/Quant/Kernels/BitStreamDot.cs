using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NumForge.Blocks.Quant.Kernels
{
    /// <summary>
    /// The general dot for any code width (3 and 6 bits, 8-bit table formats): decodes up to 64 codes at a time into a
    /// buffer of values (the code itself, or a table entry), then multiply-adds the buffer with x.
    /// </summary>
    internal readonly struct BitStreamDot : IGroupDot
    {
        private const int Chunk = 64;

        private readonly int _bits;
        private readonly bool _highNibbleFirst;
        private readonly float[]? _values;
        private readonly int _width;

        /// <param name="bits">Bits per code.</param>
        /// <param name="values">Code values, or null when a code is its own value.</param>
        /// <param name="highNibbleFirst">For 4-bit codes: even element in the high nibble.</param>
        /// <param name="width">512, 256 or 0.</param>
        public BitStreamDot(int bits, float[]? values, bool highNibbleFirst, int width)
        {
            _bits = bits;
            _values = values;
            _highNibbleFirst = highNibbleFirst;
            _width = width;
        }

        public float Dot(ref byte codes, ref float x, int count)
        {
            Span<float> buffer = stackalloc float[Chunk];
            int mask = (1 << _bits) - 1;
            float sum = 0;
            for (int start = 0; start < count; start += Chunk)
            {
                int n = Math.Min(Chunk, count - start);
                for (int k = 0; k < n; k++)
                {
                    int index = start + k;
                    int code;
                    if (_bits == 8)
                    {
                        code = Unsafe.Add(ref codes, index);
                    }
                    else if (_bits == 4)
                    {
                        int b = Unsafe.Add(ref codes, index >> 1);
                        code = ((index & 1) == 0) != _highNibbleFirst ? b & 0xF : b >> 4;
                    }
                    else
                    {
                        long bit = (long)index * _bits;
                        int at = (int)(bit >> 3);
                        int shift = (int)(bit & 7);
                        int word = Unsafe.Add(ref codes, at);
                        if (shift + _bits > 8)
                        {
                            word |= Unsafe.Add(ref codes, at + 1) << 8;
                        }

                        code = (word >> shift) & mask;
                    }

                    buffer[k] = _values is null ? code : _values[code];
                }

                sum += Multiply(buffer[..n], ref Unsafe.Add(ref x, start));
            }

            return sum;
        }

        private float Multiply(ReadOnlySpan<float> values, ref float x)
        {
            int i = 0;
            float sum = 0;
            ref float v = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(values);
            if (_width >= 256)
            {
                Vector256<float> acc = Vector256<float>.Zero;
                for (; i + 8 <= values.Length; i += 8)
                {
                    acc = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref v, (nuint)i), Vector256.LoadUnsafe(ref x, (nuint)i), acc);
                }

                sum = Vector256.Sum(acc);
            }

            for (; i < values.Length; i++)
            {
                sum += Unsafe.Add(ref v, i) * Unsafe.Add(ref x, i);
            }

            return sum;
        }
    }
}
