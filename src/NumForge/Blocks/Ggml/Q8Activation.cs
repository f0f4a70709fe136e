using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NumForge.Blocks.Ggml
{
    /// <summary>
    /// The input vector of an int8 MatVec, quantized as ggml does for its vec_dot kernels: int8 codes in blocks of
    /// <see cref="BlockSize"/> (32 as Q8_0, 256 as Q8_K) with a float32 scale d = amax / 127 per block
    /// (codes round(x / d), half to even), and the code sums of every 16 elements (ggml's bsums) for the kernels'
    /// offset and minimum terms.
    /// </summary>
    internal sealed class Q8Activation
    {
        // This thread's reusable activations, one per block size: a MatVec runs to its end (its row workers included)
        // before the same thread can start another, so reuse is safe and a MatVec allocates nothing after its first call.
        [ThreadStatic]
        private static Q8Activation? t_block32;

        [ThreadStatic]
        private static Q8Activation? t_block256;

        public Q8Activation(int length, int blockSize)
            : this(length, blockSize, aligned: false)
        {
        }

        private unsafe Q8Activation(int length, int blockSize, bool aligned)
        {
            BlockSize = blockSize;
            Length = length;
            if (aligned)
            {
                // Pinned, the codes from a 64-byte boundary: the kernels' 32-byte loads of them never straddle two cache
                // lines, whatever phase the array lands at in this run.
                Codes = GC.AllocateArray<sbyte>(length + 64, pinned: true);
                nint address = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(Codes));
                CodeStart = (int)((64 - (address & 63)) & 63);
            }
            else
            {
                Codes = new sbyte[length];
            }

            Scales = new float[length / blockSize];
            Sums16 = new int[length / 16];
        }

        public int BlockSize { get; }

        /// <summary>
        /// This thread's activation of <paramref name="length"/> values in blocks of <paramref name="blockSize"/>, reused
        /// across calls (valid until the thread asks again): for callers that finish with it before they return.
        /// </summary>
        public static Q8Activation ForThread(int length, int blockSize)
        {
            Q8Activation? cached = blockSize == 32 ? t_block32 : blockSize == 256 ? t_block256 : null;
            if (cached is not null && cached.Length == length)
            {
                return cached;
            }

            cached = new Q8Activation(length, blockSize, aligned: true);
            if (blockSize == 32)
            {
                t_block32 = cached;
            }
            else if (blockSize == 256)
            {
                t_block256 = cached;
            }

            return cached;
        }

        /// <summary>Gets the number of values.</summary>
        public int Length { get; }

        /// <summary>Gets the codes, from <see cref="CodeStart"/> on.</summary>
        public sbyte[] Codes { get; }

        /// <summary>Gets where code 0 is in <see cref="Codes"/>: 0, or the first 64-byte boundary for <see cref="ForThread"/>'s activations.</summary>
        public int CodeStart { get; }

        public float[] Scales { get; }

        public int[] Sums16 { get; }

        /// <summary>Quantizes <paramref name="x"/> (length a multiple of the block size).</summary>
        public void Quantize(ReadOnlySpan<float> x)
        {
            ref sbyte codes = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(Codes), CodeStart);
            for (int b = 0; b < Scales.Length; b++)
            {
                ReadOnlySpan<float> block = x.Slice(b * BlockSize, BlockSize);
                float amax = 0;
                int i = 0;
                if (Vector256.IsHardwareAccelerated)
                {
                    Vector256<float> m = Vector256<float>.Zero;
                    for (; i < BlockSize; i += 8)
                    {
                        m = Vector256.Max(m, Vector256.Abs(Vector256.Create(block.Slice(i, 8))));
                    }

                    amax = Max(m);
                }
                else
                {
                    foreach (float v in block)
                    {
                        amax = MathF.Max(amax, MathF.Abs(v));
                    }
                }

                float d = amax / 127;
                float id = d != 0 ? 1 / d : 0;
                Scales[b] = d;
                ref sbyte blockCodes = ref Unsafe.Add(ref codes, b * BlockSize);
                for (int k = 0; k < BlockSize; k += 16)
                {
                    int sum = 0;
                    if (Vector256.IsHardwareAccelerated)
                    {
                        Vector256<int> q0 = Code(Vector256.Create(block.Slice(k, 8)), id);
                        Vector256<int> q1 = Code(Vector256.Create(block.Slice(k + 8, 8)), id);
                        Vector128<sbyte> packed = Vector128.Narrow(Vector256.Narrow(q0, q1).GetLower(), Vector256.Narrow(q0, q1).GetUpper());
                        packed.StoreUnsafe(ref Unsafe.Add(ref blockCodes, k));
                        sum = Vector256.Sum(q0 + q1);
                    }
                    else
                    {
                        for (int j = 0; j < 16; j++)
                        {
                            int q = (int)Math.Clamp(MathF.Round(block[k + j] * id), -127, 127);
                            Unsafe.Add(ref blockCodes, k + j) = (sbyte)q;
                            sum += q;
                        }
                    }

                    Sums16[((b * BlockSize) + k) / 16] = sum;
                }
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector256<int> Code(Vector256<float> x, float id)
            => Vector256.Clamp(Vector256.ConvertToInt32(Vector256.Round(x * id)), Vector256.Create(-127), Vector256.Create(127));

        private static float Max(Vector256<float> m)
        {
            float r = 0;
            for (int i = 0; i < 8; i++)
            {
                r = MathF.Max(r, m[i]);
            }

            return r;
        }
    }
}
