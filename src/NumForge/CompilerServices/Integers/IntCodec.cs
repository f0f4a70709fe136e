using System;
using System.ComponentModel;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace NumForge.CompilerServices.Integers
{
    /// <summary>
    /// Every operation of a narrow integer format, on codes (the value's low b bits in a byte): .NET's conventions for
    /// integers, generalised from <see cref="sbyte"/> and <see cref="byte"/> to b bits. Unchecked arithmetic wraps
    /// modulo 2^b; <c>Checked</c> methods throw <see cref="OverflowException"/>; shift counts are taken modulo b (as
    /// <see cref="sbyte"/> takes them modulo 8). Generated integer types forward each member here.
    /// </summary>
    /// <typeparam name="TTraits">The format's constants.</typeparam>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static partial class IntCodec<TTraits>
        where TTraits : struct, IIntTraits
    {
        private static int Bits => TTraits.Bits;

        private static byte Mask => TTraits.CodeMask;

        // ---------------------------------------------------------------- codes and values

        /// <summary>The value of a code (bits above b are ignored): sign-extended when signed.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int ToInt32(byte code) => TTraits.Signed
            ? (int)((uint)code << (32 - Bits)) >> (32 - Bits)
            : code & Mask;

        /// <summary>The code of <paramref name="value"/> modulo 2^b (its low b bits), as <c>(sbyte)300</c> wraps.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static byte Wrap(int value) => (byte)(value & Mask);

        /// <summary>The code of <paramref name="value"/>; <see cref="OverflowException"/> when it is out of range.</summary>
        public static byte WrapChecked(int value)
        {
            if (value < TTraits.MinValue || value > TTraits.MaxValue)
            {
                ThrowOverflow();
            }

            return Wrap(value);
        }

        /// <summary>The code of <paramref name="value"/> clamped to the range.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static byte Saturate(int value) => Wrap(Math.Clamp(value, TTraits.MinValue, TTraits.MaxValue));

        /// <summary>The code of the smallest value.</summary>
        public static byte MinValueCode => Wrap(TTraits.MinValue);

        /// <summary>The code of the largest value.</summary>
        public static byte MaxValueCode => Wrap(TTraits.MaxValue);

        /// <summary>The code of 1 (for a signed 1-bit format, which cannot hold 1, the code 1 means -1).</summary>
        public static byte OneCode => 1;

        /// <summary>The code with all b bits set: -1 when signed, the maximum when unsigned.</summary>
        public static byte AllBitsSetCode => Mask;

        // ---------------------------------------------------------------- comparison and classification

        /// <summary>Whether <paramref name="left"/> is less than <paramref name="right"/>.</summary>
        public static bool LessThan(byte left, byte right) => ToInt32(left) < ToInt32(right);

        /// <summary>Whether <paramref name="left"/> is at most <paramref name="right"/>.</summary>
        public static bool LessThanOrEqual(byte left, byte right) => ToInt32(left) <= ToInt32(right);

        /// <summary>-1, 0 or 1 as <paramref name="left"/> is less than, equal to or greater than <paramref name="right"/>.</summary>
        public static int Compare(byte left, byte right) => ToInt32(left).CompareTo(ToInt32(right));

        /// <summary>
        /// <see cref="IComparable.CompareTo(object)"/>: 1 for null, the comparison for a <typeparamref name="TSelf"/>,
        /// else <see cref="ArgumentException"/>.
        /// </summary>
        public static int CompareTo<TSelf>(byte code, object? other)
            where TSelf : struct, INumericFormat<TSelf, byte>
        {
            if (other is null)
            {
                return 1;
            }

            if (other is TSelf value)
            {
                return Compare(code, value.ToBits());
            }

            throw new ArgumentException($"Object must be of type {typeof(TSelf).Name}.", nameof(other));
        }

        /// <summary>A hash of the value.</summary>
        public static int GetHashCode(byte code) => ToInt32(code).GetHashCode();

        /// <summary>-1, 0 or 1 by the sign of the value.</summary>
        public static int Sign(byte code) => Math.Sign(ToInt32(code));

        /// <summary>Whether the value is negative.</summary>
        public static bool IsNegative(byte code) => ToInt32(code) < 0;

        /// <summary>Whether the value is positive or zero (.NET's <c>IsPositive</c> for integers).</summary>
        public static bool IsPositive(byte code) => ToInt32(code) >= 0;

        /// <summary>Whether the value is even.</summary>
        public static bool IsEvenInteger(byte code) => (code & 1) == 0;

        /// <summary>Whether the value is a power of two (never for zero or negatives).</summary>
        public static bool IsPow2(byte code)
        {
            int value = ToInt32(code);
            return value > 0 && (value & (value - 1)) == 0;
        }

        // ---------------------------------------------------------------- min, max, magnitude

        /// <summary>The larger value.</summary>
        public static byte Max(byte x, byte y) => ToInt32(x) >= ToInt32(y) ? Wrap(x) : Wrap(y);

        /// <summary>The smaller value.</summary>
        public static byte Min(byte x, byte y) => ToInt32(x) <= ToInt32(y) ? Wrap(x) : Wrap(y);

        /// <summary>The value clamped to [<paramref name="min"/>, <paramref name="max"/>]; <see cref="ArgumentException"/> when min &gt; max.</summary>
        public static byte Clamp(byte value, byte min, byte max)
        {
            if (ToInt32(min) > ToInt32(max))
            {
                throw new ArgumentException($"'{ToInt32(min)}' cannot be greater than {ToInt32(max)}.", nameof(min));
            }

            return Wrap(Math.Clamp(ToInt32(value), ToInt32(min), ToInt32(max)));
        }

        /// <summary>The value with the larger magnitude (the larger value on a tie), as <c>sbyte.MaxMagnitude</c>.</summary>
        public static byte MaxMagnitude(byte x, byte y)
        {
            int a = Math.Abs(ToInt32(x));
            int b = Math.Abs(ToInt32(y));
            return a > b || (a == b && ToInt32(x) >= ToInt32(y)) ? Wrap(x) : Wrap(y);
        }

        /// <summary>The value with the smaller magnitude (the smaller value on a tie), as <c>sbyte.MinMagnitude</c>.</summary>
        public static byte MinMagnitude(byte x, byte y)
        {
            int a = Math.Abs(ToInt32(x));
            int b = Math.Abs(ToInt32(y));
            return a < b || (a == b && ToInt32(x) <= ToInt32(y)) ? Wrap(x) : Wrap(y);
        }

        /// <summary>The absolute value; <see cref="OverflowException"/> for the minimum of a signed format, as <c>sbyte.Abs</c>.</summary>
        public static byte Abs(byte code) => WrapChecked(Math.Abs(ToInt32(code)));

        /// <summary>
        /// The magnitude of <paramref name="value"/> with the sign of <paramref name="sign"/>;
        /// <see cref="OverflowException"/> when that is out of range, as <c>sbyte.CopySign</c>.
        /// </summary>
        public static byte CopySign(byte value, byte sign)
        {
            int magnitude = Math.Abs(ToInt32(value));
            return WrapChecked(ToInt32(sign) < 0 ? -magnitude : magnitude);
        }

        [System.Diagnostics.CodeAnalysis.DoesNotReturn]
        internal static void ThrowOverflow() =>
            throw new OverflowException($"Value was either too large or too small for a {(TTraits.Signed ? "signed" : "unsigned")} {Bits}-bit integer ({TTraits.MinValue} to {TTraits.MaxValue}).");
    }
}
