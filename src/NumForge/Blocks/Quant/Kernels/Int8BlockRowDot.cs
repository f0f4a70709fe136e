using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NumForge.Blocks.Quant.Kernels
{
    /// <summary>
    /// One output row of MXINT8 (blocks of 32 signed int8 codes, a power-of-two scale): per block the codes are
    /// sign-extended, converted and multiplied with x in 16 lanes (<c>p = c[16..31] x[16..31] + c[0..15] x[0..15]</c>, one
    /// multiply and one FMA), then <c>p</c> times the block's multiplier <c>2^e / 64</c> is added into one of two row
    /// accumulators (even and odd blocks, so consecutive blocks do not wait on each other's FMA), and the row is reduced
    /// in a fixed tree. Every width computes these same 16 lanes in this same order — AVX-512 as one vector, AVX2 as two
    /// halves, scalar lane by lane with <see cref="MathF.FusedMultiplyAdd"/> — so the result is bit for bit the same at
    /// 512, 256 and scalar width.
    /// </summary>
    internal readonly struct Int8BlockRowDot : IRowDot
    {
        /// <summary>Elements per MX block.</summary>
        public const int BlockSize = 32;

        /// <summary>The MXINT8 element value is code / 64 (two's complement, six fraction bits); folded into the block multiplier.</summary>
        private const float ElementUnit = 1f / 64;

        /// <summary>How far ahead (bytes) the codes are prefetched: as <see cref="ByteDot"/>.</summary>
        private const int PrefetchDistance = 2048;

        private readonly byte[] _codes;
        private readonly int _codeStart;
        private readonly int _rowBytes;
        private readonly int _blocks;
        private readonly float[] _scales;
        private readonly float[] _x;
        private readonly int _xStart;
        private readonly int _width;

        /// <param name="matrix">An MXINT8 matrix.</param>
        /// <param name="x">x in stored order from <paramref name="xStart"/> (64-byte aligned for the vector loads).</param>
        /// <param name="xStart">Where x starts in <paramref name="x"/>.</param>
        /// <param name="width">512, 256 or 0 (scalar).</param>
        public Int8BlockRowDot(QuantizedMatrix matrix, float[] x, int xStart, int width)
        {
            _codes = matrix.CodeArray;
            _codeStart = matrix.CodeStart;
            _rowBytes = matrix.RowBytes;
            _blocks = matrix.GroupsPerRow;
            _scales = matrix.ScaleValues;
            _x = x;
            _xStart = xStart;
            _width = width;
        }

        /// <summary>True for the MXINT8 scheme (blocks of 32 one-byte two's complement codes).</summary>
        public static bool Fits(QuantizedMatrix matrix)
            => matrix.Scheme.Kind == QuantSchemeKind.Mx && matrix.Scheme.MxElement == MxElement.Int8 && matrix.GroupSize == BlockSize;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public float Row(int row)
        {
            ref sbyte codes = ref Unsafe.As<byte, sbyte>(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_codes), _codeStart + ((nint)row * _rowBytes)));
            ref float x = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_x), _xStart);
            ref float scale = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_scales), (nint)row * _blocks);
            return _width == 512 ? Row512(ref codes, ref x, ref scale, _blocks)
                : _width == 256 ? Row256(ref codes, ref x, ref scale, _blocks)
                : RowScalar(ref codes, ref x, ref scale, _blocks);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static unsafe float Row512(ref sbyte codes, ref float x, ref float scale, int blocks)
        {
            Vector512<float> even = Vector512<float>.Zero;
            Vector512<float> odd = Vector512<float>.Zero;
            int g = 0;
            for (; g + 2 <= blocks; g += 2)
            {
                // One prefetch per 64-byte line (two blocks; rows start on a line: QuantizedMatrix.CodeStart).
                ref sbyte block = ref Unsafe.Add(ref codes, (nint)g * BlockSize);
                Sse.Prefetch0((byte*)Unsafe.AsPointer(ref block) + PrefetchDistance);
                even = Vector512.FusedMultiplyAdd(Block512(ref block, ref Unsafe.Add(ref x, (nint)g * BlockSize)), Multiplier512(ref scale, g), even);
                odd = Vector512.FusedMultiplyAdd(Block512(ref Unsafe.Add(ref block, BlockSize), ref Unsafe.Add(ref x, (nint)(g + 1) * BlockSize)), Multiplier512(ref scale, g + 1), odd);
            }

            if (g < blocks)
            {
                even = Vector512.FusedMultiplyAdd(Block512(ref Unsafe.Add(ref codes, (nint)g * BlockSize), ref Unsafe.Add(ref x, (nint)g * BlockSize)), Multiplier512(ref scale, g), even);
            }

            Vector512<float> lanes = even + odd;
            Vector256<float> eight = lanes.GetLower() + lanes.GetUpper();
            return Reduce(eight.GetLower() + eight.GetUpper());
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector512<float> Block512(ref sbyte codes, ref float x)
        {
            Vector512<float> low = Avx512F.ConvertToVector512Single(Avx512F.ConvertToVector512Int32(Vector128.LoadUnsafe(ref codes)));
            Vector512<float> high = Avx512F.ConvertToVector512Single(Avx512F.ConvertToVector512Int32(Vector128.LoadUnsafe(ref codes, 16)));
            return Vector512.FusedMultiplyAdd(high, Vector512.LoadUnsafe(ref x, 16), low * Vector512.LoadUnsafe(ref x));
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector512<float> Multiplier512(ref float scale, int g) => Vector512.Create(Unsafe.Add(ref scale, g) * ElementUnit);

        /// <summary>The same 16 lanes as <see cref="Row512"/>, held as two 8-lane halves (lanes 0-7 and 8-15).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static unsafe float Row256(ref sbyte codes, ref float x, ref float scale, int blocks)
        {
            Vector256<float> evenLow = Vector256<float>.Zero, evenHigh = Vector256<float>.Zero;
            Vector256<float> oddLow = Vector256<float>.Zero, oddHigh = Vector256<float>.Zero;
            for (int g = 0; g < blocks; g++)
            {
                ref sbyte block = ref Unsafe.Add(ref codes, (nint)g * BlockSize);
                ref float xs = ref Unsafe.Add(ref x, (nint)g * BlockSize);
                if ((g & 1) == 0)
                {
                    Sse.Prefetch0((byte*)Unsafe.AsPointer(ref block) + PrefetchDistance);
                }

                Vector256<float> m = Vector256.Create(Unsafe.Add(ref scale, g) * ElementUnit);

                // Lanes 0-7 pair elements 0-7 with 16-23; lanes 8-15 pair 8-15 with 24-31.
                Vector256<float> low = Vector256.FusedMultiplyAdd(Widen256(ref block, 16), Vector256.LoadUnsafe(ref xs, 16), Widen256(ref block, 0) * Vector256.LoadUnsafe(ref xs));
                Vector256<float> high = Vector256.FusedMultiplyAdd(Widen256(ref block, 24), Vector256.LoadUnsafe(ref xs, 24), Widen256(ref block, 8) * Vector256.LoadUnsafe(ref xs, 8));
                if ((g & 1) == 0)
                {
                    evenLow = Vector256.FusedMultiplyAdd(low, m, evenLow);
                    evenHigh = Vector256.FusedMultiplyAdd(high, m, evenHigh);
                }
                else
                {
                    oddLow = Vector256.FusedMultiplyAdd(low, m, oddLow);
                    oddHigh = Vector256.FusedMultiplyAdd(high, m, oddHigh);
                }
            }

            Vector256<float> eight = (evenLow + oddLow) + (evenHigh + oddHigh);
            return Reduce(eight.GetLower() + eight.GetUpper());
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector256<float> Widen256(ref sbyte codes, int offset)
            => Avx.ConvertToVector256Single(Avx2.ConvertToVector256Int32(Vector128.CreateScalar(Unsafe.ReadUnaligned<long>(ref Unsafe.As<sbyte, byte>(ref Unsafe.Add(ref codes, offset)))).AsSByte()));

        /// <summary>The same 16 lanes one at a time: the reference order the vector paths reproduce.</summary>
        private static float RowScalar(ref sbyte codes, ref float x, ref float scale, int blocks)
        {
            Span<float> even = stackalloc float[16];
            Span<float> odd = stackalloc float[16];
            even.Clear();
            odd.Clear();
            for (int g = 0; g < blocks; g++)
            {
                ref sbyte block = ref Unsafe.Add(ref codes, (nint)g * BlockSize);
                ref float xs = ref Unsafe.Add(ref x, (nint)g * BlockSize);
                float m = Unsafe.Add(ref scale, g) * ElementUnit;
                Span<float> acc = (g & 1) == 0 ? even : odd;
                for (int l = 0; l < 16; l++)
                {
                    float p = MathF.FusedMultiplyAdd(Unsafe.Add(ref block, l + 16), Unsafe.Add(ref xs, l + 16), Unsafe.Add(ref block, l) * Unsafe.Add(ref xs, l));
                    acc[l] = MathF.FusedMultiplyAdd(p, m, acc[l]);
                }
            }

            Span<float> four = stackalloc float[4];
            for (int l = 0; l < 4; l++)
            {
                four[l] = ((even[l] + odd[l]) + (even[l + 8] + odd[l + 8])) + ((even[l + 4] + odd[l + 4]) + (even[l + 12] + odd[l + 12]));
            }

            return (four[0] + four[2]) + (four[1] + four[3]);
        }

        /// <summary>The last four lanes in a fixed order (shared by every width).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static float Reduce(Vector128<float> four)
            => (four.GetElement(0) + four.GetElement(2)) + (four.GetElement(1) + four.GetElement(3));
    }
}
