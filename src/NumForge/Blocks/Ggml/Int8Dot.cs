using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NumForge.Blocks.Ggml
{
    /// <summary>
    /// The integer multiply-add every int8 MatVec kernel is built on: 32 byte products summed in groups of four into
    /// eight int32 lanes. AVX-VNNI's vpdpbusd where present, AVX2's vpmaddubsw + vpmaddwd otherwise (callers keep each
    /// pair of products within int16: unsigned side at most 128), and widening Vector128 arithmetic elsewhere.
    /// </summary>
    internal static class Int8Dot
    {
        /// <summary>acc + (per lane of four bytes) sum of u[k] * s[k], u unsigned, s signed.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<int> UnsignedSigned(Vector256<int> acc, Vector256<byte> u, Vector256<sbyte> s)
        {
            if (AvxVnni.IsSupported)
            {
                return AvxVnni.MultiplyWideningAndAdd(acc, u, s);
            }

            if (Avx2.IsSupported)
            {
                Vector256<short> pairs = Avx2.MultiplyAddAdjacent(u, s);
                return Avx2.Add(acc, Avx2.MultiplyAddAdjacent(pairs, Vector256.Create((short)1)));
            }

            return Vector256.Create(Portable(acc.GetLower(), u.GetLower(), s.GetLower()), Portable(acc.GetUpper(), u.GetUpper(), s.GetUpper()));
        }

        /// <summary>
        /// <see cref="UnsignedSigned"/> for any unsigned byte (0..255): without AVX-VNNI the unsigned side is split into
        /// its low seven bits and its top bit, so neither vpmaddubsw pair can saturate. The same lanes on every path.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<int> UnsignedFullSigned(Vector256<int> acc, Vector256<byte> u, Vector256<sbyte> s)
        {
            if (AvxVnni.IsSupported || !Avx2.IsSupported)
            {
                return UnsignedSigned(acc, u, s);
            }

            Vector256<short> low = Avx2.MultiplyAddAdjacent(u & Vector256.Create((byte)0x7f), s);
            Vector256<short> top = Avx2.MultiplyAddAdjacent(u & Vector256.Create((byte)0x80), s);
            Vector256<short> one = Vector256.Create((short)1);
            return Avx2.Add(acc, Avx2.Add(Avx2.MultiplyAddAdjacent(low, one), Avx2.MultiplyAddAdjacent(top, one)));
        }

        /// <summary>acc + (per lane of four bytes) sum of a[k] * b[k], both signed (|a| up to 128).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<int> SignedSigned(Vector256<int> acc, Vector256<sbyte> a, Vector256<sbyte> b)
        {
            if (Avx2.IsSupported)
            {
                // |a| * (b with a's sign): the unsigned operand is at most 128, so vpmaddubsw's pairs stay in int16.
                return UnsignedSigned(acc, Avx2.Abs(a), Avx2.Sign(b, a));
            }

            Vector256<sbyte> sign = Vector256.LessThan(a, Vector256<sbyte>.Zero);
            Vector256<byte> magnitude = Vector256.ConditionalSelect(sign, -a, a).AsByte();
            Vector256<sbyte> signed = Vector256.ConditionalSelect(sign, -b, b) & ~Vector256.Equals(a, Vector256<sbyte>.Zero);
            return Vector256.Create(Portable(acc.GetLower(), magnitude.GetLower(), signed.GetLower()), Portable(acc.GetUpper(), magnitude.GetUpper(), signed.GetUpper()));
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector128<int> Portable(Vector128<int> acc, Vector128<byte> u, Vector128<sbyte> s)
        {
            (Vector128<ushort> uLo, Vector128<ushort> uHi) = Vector128.Widen(u);
            (Vector128<short> sLo, Vector128<short> sHi) = Vector128.Widen(s);

            // Each product fits int16 (255 * 128 = 32640); the sums are taken in int32.
            (Vector128<int> p0, Vector128<int> p1) = Vector128.Widen(uLo.AsInt16() * sLo);
            (Vector128<int> p2, Vector128<int> p3) = Vector128.Widen(uHi.AsInt16() * sHi);

            // Lane i of the result sums bytes 4i..4i+3: products 0-3 are p0's lanes 0-3, and so on.
            Vector128<int> sums = Vector128.Create(
                Vector128.Sum(p0),
                Vector128.Sum(p1),
                Vector128.Sum(p2),
                Vector128.Sum(p3));
            return acc + sums;
        }
    }
}
