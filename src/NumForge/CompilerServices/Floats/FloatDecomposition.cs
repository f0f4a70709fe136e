using System;
using System.Buffers.Binary;
using System.ComponentModel;

namespace NumForge.CompilerServices.Floats
{
    /// <summary>
    /// <c>IFloatingPoint</c>'s exponent and significand for a float format, as <see cref="Half"/> defines them: the
    /// exponent is the biased field minus the bias (so zero and subnormals report -bias), the significand is the mantissa
    /// with the implicit bit where the field is nonzero (always, in a format without subnormals), and each is written in
    /// the smallest integer that holds every finite value's (exponent: sbyte or short; significand: byte to ulong).
    /// </summary>
    /// <typeparam name="TTraits">The format's constants.</typeparam>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class FloatDecomposition<TTraits>
        where TTraits : struct, IFloatTraits
    {
        /// <summary>Whether every finite value's exponent fits in an sbyte (else a short).</summary>
        private static bool ByteExponent
            => -TTraits.Bias >= sbyte.MinValue && (int)(TTraits.MaxFiniteMagnitude >> TTraits.MantissaBits) - TTraits.Bias <= sbyte.MaxValue;

        /// <summary>The size of the exponent: 1 (sbyte) or 2 (short).</summary>
        public static int ExponentByteCount => ByteExponent ? 1 : 2;

        /// <summary>The significand's width, M + 1.</summary>
        public static int SignificandBitLength => TTraits.MantissaBits + 1;

        /// <summary>The size of the significand: 1, 2, 4 or 8 bytes.</summary>
        public static int SignificandByteCount => SignificandBitLength <= 8 ? 1 : SignificandBitLength <= 16 ? 2 : SignificandBitLength <= 32 ? 4 : 8;

        /// <summary>The unbiased exponent of <paramref name="code"/>'s field.</summary>
        /// <param name="code">The encoding.</param>
        /// <returns>The field minus the bias.</returns>
        public static int Exponent(ulong code) => (int)((code >> TTraits.MantissaBits) & ((1UL << TTraits.ExponentBits) - 1)) - TTraits.Bias;

        /// <summary>The significand of <paramref name="code"/>, with the implicit bit.</summary>
        /// <param name="code">The encoding.</param>
        /// <returns>The significand.</returns>
        public static ulong Significand(ulong code)
        {
            int m = TTraits.MantissaBits;
            ulong implicitBit = 1UL << m;
            ulong exponentField = ((1UL << TTraits.ExponentBits) - 1) << m;
            return (code & (implicitBit - 1)) | (!TTraits.Subnormals || (code & exponentField) != 0 ? implicitBit : 0UL);
        }

        /// <summary>The two's-complement length of the exponent in its type, as <c>IFloatingPoint.GetExponentShortestBitLength</c>.</summary>
        /// <param name="code">The encoding.</param>
        /// <returns>The bit length.</returns>
        public static int GetExponentShortestBitLength(ulong code)
        {
            int exponent = Exponent(code);
            if (ByteExponent)
            {
                sbyte e = unchecked((sbyte)exponent);
                return e >= 0 ? 8 - sbyte.LeadingZeroCount(e) : 9 - sbyte.LeadingZeroCount(unchecked((sbyte)~e));
            }

            short s = unchecked((short)exponent);
            return s >= 0 ? 16 - short.LeadingZeroCount(s) : 17 - short.LeadingZeroCount(unchecked((short)~s));
        }

        /// <summary>Writes the exponent in its type and byte order.</summary>
        /// <param name="code">The encoding.</param>
        /// <param name="destination">Where the bytes go.</param>
        /// <param name="bytesWritten">How many bytes were written.</param>
        /// <param name="bigEndian">Whether the most significant byte goes first.</param>
        /// <returns>False when <paramref name="destination"/> is too short.</returns>
        public static bool TryWriteExponent(ulong code, Span<byte> destination, out int bytesWritten, bool bigEndian)
        {
            int exponent = Exponent(code);
            bool written = ByteExponent
                ? TryWriteByte(unchecked((byte)(sbyte)exponent), destination)
                : bigEndian ? BinaryPrimitives.TryWriteInt16BigEndian(destination, unchecked((short)exponent)) : BinaryPrimitives.TryWriteInt16LittleEndian(destination, unchecked((short)exponent));
            bytesWritten = written ? ExponentByteCount : 0;
            return written;
        }

        /// <summary>Writes the significand in its type and byte order.</summary>
        /// <param name="code">The encoding.</param>
        /// <param name="destination">Where the bytes go.</param>
        /// <param name="bytesWritten">How many bytes were written.</param>
        /// <param name="bigEndian">Whether the most significant byte goes first.</param>
        /// <returns>False when <paramref name="destination"/> is too short.</returns>
        public static bool TryWriteSignificand(ulong code, Span<byte> destination, out int bytesWritten, bool bigEndian)
        {
            ulong significand = Significand(code);
            bool written = SignificandByteCount switch
            {
                1 => TryWriteByte(unchecked((byte)significand), destination),
                2 => bigEndian ? BinaryPrimitives.TryWriteUInt16BigEndian(destination, unchecked((ushort)significand)) : BinaryPrimitives.TryWriteUInt16LittleEndian(destination, unchecked((ushort)significand)),
                4 => bigEndian ? BinaryPrimitives.TryWriteUInt32BigEndian(destination, unchecked((uint)significand)) : BinaryPrimitives.TryWriteUInt32LittleEndian(destination, unchecked((uint)significand)),
                _ => bigEndian ? BinaryPrimitives.TryWriteUInt64BigEndian(destination, significand) : BinaryPrimitives.TryWriteUInt64LittleEndian(destination, significand),
            };
            bytesWritten = written ? SignificandByteCount : 0;
            return written;
        }

        private static bool TryWriteByte(byte value, Span<byte> destination)
        {
            if (destination.Length < 1)
            {
                return false;
            }

            destination[0] = value;
            return true;
        }
    }
}
