using System;
using System.Numerics;

namespace NumForge.CompilerServices.Integers
{
    /// <content>Arithmetic, bitwise operations and shifts: wrapping modulo 2^b, or checked.</content>
    public static partial class IntCodec<TTraits>
    {
        /// <summary>The sum modulo 2^b.</summary>
        public static byte Add(byte left, byte right) => Wrap(left + right);

        /// <summary>The sum; <see cref="OverflowException"/> when out of range.</summary>
        public static byte AddChecked(byte left, byte right) => WrapChecked(ToInt32(left) + ToInt32(right));

        /// <summary>The difference modulo 2^b.</summary>
        public static byte Subtract(byte left, byte right) => Wrap(left - right);

        /// <summary>The difference; <see cref="OverflowException"/> when out of range.</summary>
        public static byte SubtractChecked(byte left, byte right) => WrapChecked(ToInt32(left) - ToInt32(right));

        /// <summary>The product modulo 2^b.</summary>
        public static byte Multiply(byte left, byte right) => Wrap(left * right);

        /// <summary>The product; <see cref="OverflowException"/> when out of range.</summary>
        public static byte MultiplyChecked(byte left, byte right) => WrapChecked(ToInt32(left) * ToInt32(right));

        /// <summary>
        /// The quotient truncated toward zero, modulo 2^b (the minimum of a signed format divided by -1 wraps to itself,
        /// as <c>(sbyte)(-128 / -1)</c>); <see cref="DivideByZeroException"/> for a zero divisor.
        /// </summary>
        public static byte Divide(byte left, byte right) => Wrap(ToInt32(left) / NonZero(right));

        /// <summary>The quotient truncated toward zero; <see cref="OverflowException"/> for the minimum divided by -1.</summary>
        public static byte DivideChecked(byte left, byte right) => WrapChecked(ToInt32(left) / NonZero(right));

        /// <summary>The remainder of truncated division (sign of the dividend); <see cref="DivideByZeroException"/> for zero.</summary>
        public static byte Remainder(byte left, byte right) => Wrap(ToInt32(left) % NonZero(right));

        /// <summary>The negation modulo 2^b.</summary>
        public static byte Negate(byte code) => Wrap(-code);

        /// <summary>The negation; <see cref="OverflowException"/> when out of range (the signed minimum, any nonzero unsigned value).</summary>
        public static byte NegateChecked(byte code) => WrapChecked(-ToInt32(code));

        /// <summary>The value plus one, modulo 2^b.</summary>
        public static byte Increment(byte code) => Wrap(code + 1);

        /// <summary>The value plus one; <see cref="OverflowException"/> at the maximum.</summary>
        public static byte IncrementChecked(byte code) => WrapChecked(ToInt32(code) + 1);

        /// <summary>The value minus one, modulo 2^b.</summary>
        public static byte Decrement(byte code) => Wrap(code - 1);

        /// <summary>The value minus one; <see cref="OverflowException"/> at the minimum.</summary>
        public static byte DecrementChecked(byte code) => WrapChecked(ToInt32(code) - 1);

        /// <summary>Bitwise and.</summary>
        public static byte And(byte left, byte right) => Wrap(left & right);

        /// <summary>Bitwise or.</summary>
        public static byte Or(byte left, byte right) => Wrap(left | right);

        /// <summary>Bitwise exclusive or.</summary>
        public static byte Xor(byte left, byte right) => Wrap(left ^ right);

        /// <summary>Bitwise complement of the b bits.</summary>
        public static byte OnesComplement(byte code) => Wrap(~code);

        /// <summary>A shift count taken modulo b (0 to b-1), as C# takes an 8-bit shift count modulo 8.</summary>
        public static int ShiftCount(int shiftAmount)
        {
            int count = shiftAmount % Bits;
            return count < 0 ? count + Bits : count;
        }

        /// <summary>Shifts left by the count modulo b; bits past b are dropped.</summary>
        public static byte ShiftLeft(byte code, int shiftAmount) => Wrap(code << ShiftCount(shiftAmount));

        /// <summary>Shifts right by the count modulo b, copying the sign bit when signed (arithmetic shift).</summary>
        public static byte ShiftRight(byte code, int shiftAmount) => Wrap(ToInt32(code) >> ShiftCount(shiftAmount));

        /// <summary>Shifts right by the count modulo b, filling with zeros (logical shift).</summary>
        public static byte ShiftRightLogical(byte code, int shiftAmount) => Wrap((code & Mask) >> ShiftCount(shiftAmount));

        /// <summary>Rotates the b bits left by the count modulo b.</summary>
        public static byte RotateLeft(byte code, int rotateAmount)
        {
            int count = ShiftCount(rotateAmount);
            int bits = code & Mask;
            return Wrap((bits << count) | (bits >> ((Bits - count) % Bits)));
        }

        /// <summary>Rotates the b bits right by the count modulo b.</summary>
        public static byte RotateRight(byte code, int rotateAmount) => RotateLeft(code, Bits - ShiftCount(rotateAmount));

        /// <summary>The number of set bits among the b bits (a signed -1 has b), as a code.</summary>
        public static byte PopCount(byte code) => Wrap(BitOperations.PopCount((uint)(code & Mask)));

        /// <summary>The number of zero bits above the highest set bit among the b bits (b for zero), as a code.</summary>
        public static byte LeadingZeroCount(byte code) => Wrap(BitOperations.LeadingZeroCount((uint)(code & Mask)) - (32 - Bits));

        /// <summary>The number of zero bits below the lowest set bit (b for zero), as a code.</summary>
        public static byte TrailingZeroCount(byte code) => Wrap((code & Mask) == 0 ? Bits : BitOperations.TrailingZeroCount(code));

        /// <summary>
        /// The integer base-2 logarithm (0 for 0), as a code; <see cref="ArgumentOutOfRangeException"/> for a negative
        /// value, as <c>sbyte.Log2</c>.
        /// </summary>
        public static byte Log2(byte code)
        {
            int value = ToInt32(code);
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            return Wrap(BitOperations.Log2((uint)value));
        }

        /// <summary>The fewest bits that hold the value in two's complement (signed) or binary (unsigned), as <c>sbyte</c> counts.</summary>
        public static int GetShortestBitLength(byte code)
        {
            int value = ToInt32(code);
            return value >= 0
                ? 32 - BitOperations.LeadingZeroCount((uint)value)
                : 33 - BitOperations.LeadingZeroCount((uint)~value);
        }

        private static int NonZero(byte divisor)
        {
            int value = ToInt32(divisor);
            if (value == 0)
            {
                throw new DivideByZeroException();
            }

            return value;
        }
    }
}
