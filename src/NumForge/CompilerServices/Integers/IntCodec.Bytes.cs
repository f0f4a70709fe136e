using System;
using System.Numerics;

namespace NumForge.CompilerServices.Integers
{
    /// <content>The <c>IBinaryInteger</c> byte representation: one byte, the value sign-extended (signed) or zero-extended.</content>
    public static partial class IntCodec<TTraits>
    {
        /// <summary>Writes the value as one byte (two's complement in 8 bits when signed); false when the destination is empty.</summary>
        public static bool TryWrite(byte code, Span<byte> destination, out int bytesWritten)
        {
            if (destination.IsEmpty)
            {
                bytesWritten = 0;
                return false;
            }

            destination[0] = (byte)ToInt32(code);
            bytesWritten = 1;
            return true;
        }

        /// <summary>
        /// Reads an integer of any length (two's complement unless <paramref name="isUnsigned"/>); false when its value
        /// is out of range. An empty source is 0.
        /// </summary>
        public static bool TryRead<TSelf>(ReadOnlySpan<byte> source, bool isUnsigned, bool isBigEndian, out TSelf value)
            where TSelf : struct, INumericFormat<TSelf, byte>
        {
            var number = new BigInteger(source, isUnsigned, isBigEndian);
            bool fits = number >= TTraits.MinValue && number <= TTraits.MaxValue;
            value = TSelf.FromBits(fits ? Wrap((int)number) : (byte)0);
            return fits;
        }
    }
}
