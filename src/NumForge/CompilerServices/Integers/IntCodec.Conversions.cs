using System;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.InteropServices;

namespace NumForge.CompilerServices.Integers
{
    /// <content>
    /// Conversions, with .NET's conventions: from integers they wrap (<c>(sbyte)300</c>) or, checked, throw; from
    /// float, double and Half they truncate toward zero and saturate, NaN giving 0 (<c>(sbyte)f</c> since .NET 9), or,
    /// checked, throw for NaN and out-of-range values; from decimal they truncate and throw when out of range (as
    /// <c>(sbyte)decimal</c>). The generic-math ladders (<c>TryConvertFrom*</c>/<c>TryConvertTo*</c>) know the BCL's
    /// number types and leave every other type to its own side of the conversion.
    /// </content>
    public static partial class IntCodec<TTraits>
    {
        // ---------------------------------------------------------------- from other types

        /// <summary>The low b bits of an integer: wraps modulo 2^b, as <c>(sbyte)300</c>.</summary>
        public static byte FromInteger<TOther>(TOther value)
            where TOther : IBinaryInteger<TOther>
            => (byte)(byte.CreateTruncating(value) & Mask);

        /// <summary>An integer in range; <see cref="OverflowException"/> otherwise.</summary>
        public static byte FromIntegerChecked<TOther>(TOther value)
            where TOther : IBinaryInteger<TOther>
            => WrapChecked(int.CreateSaturating(value));

        /// <summary>An integer clamped to the range.</summary>
        public static byte FromIntegerSaturating<TOther>(TOther value)
            where TOther : IBinaryInteger<TOther>
            => Saturate(int.CreateSaturating(value));

        /// <summary>Truncates toward zero and saturates; NaN gives 0.</summary>
        public static byte FromDouble(double value)
        {
            if (double.IsNaN(value))
            {
                return 0;
            }

            return value <= TTraits.MinValue ? MinValueCode : value >= TTraits.MaxValue ? MaxValueCode : Wrap((int)value);
        }

        /// <summary>Truncates toward zero and saturates; NaN gives 0.</summary>
        public static byte FromSingle(float value) => FromDouble(value);

        /// <summary>Truncates toward zero and saturates; NaN gives 0.</summary>
        public static byte FromHalf(Half value) => FromDouble((double)value);

        /// <summary>Truncates toward zero; <see cref="OverflowException"/> for NaN, infinities and values out of range.</summary>
        public static byte FromDoubleChecked(double value)
        {
            double truncated = Math.Truncate(value);
            if (!(truncated >= TTraits.MinValue && truncated <= TTraits.MaxValue))
            {
                ThrowOverflow();
            }

            return Wrap((int)truncated);
        }

        /// <summary>Truncates toward zero; <see cref="OverflowException"/> for NaN, infinities and values out of range.</summary>
        public static byte FromSingleChecked(float value) => FromDoubleChecked(value);

        /// <summary>Truncates toward zero; <see cref="OverflowException"/> for NaN, infinities and values out of range.</summary>
        public static byte FromHalfChecked(Half value) => FromDoubleChecked((double)value);

        /// <summary>Truncates toward zero; <see cref="OverflowException"/> when out of range, as <c>(sbyte)decimal</c> does checked or not.</summary>
        public static byte FromDecimal(decimal value)
        {
            decimal truncated = decimal.Truncate(value);
            if (truncated < TTraits.MinValue || truncated > TTraits.MaxValue)
            {
                ThrowOverflow();
            }

            return Wrap((int)truncated);
        }

        /// <summary>Truncates toward zero and clamps to the range.</summary>
        public static byte FromDecimalSaturating(decimal value) =>
            Wrap((int)Math.Clamp(decimal.Truncate(value), TTraits.MinValue, TTraits.MaxValue));

        // ---------------------------------------------------------------- to other types

        /// <summary>The value as a float (exact).</summary>
        public static float ToSingle(byte code) => ToInt32(code);

        /// <summary>The value as a double (exact).</summary>
        public static double ToDouble(byte code) => ToInt32(code);

        /// <summary>The value as a Half (exact: every value is below 2^11).</summary>
        public static Half ToHalf(byte code) => (Half)ToInt32(code);

        /// <summary>The value as a decimal (exact).</summary>
        public static decimal ToDecimal(byte code) => ToInt32(code);

        /// <summary>The value in <typeparamref name="TOther"/>, wrapping as <c>(byte)(sbyte)-1 == 255</c> does when it does not fit.</summary>
        public static TOther ToInteger<TOther>(byte code)
            where TOther : IBinaryInteger<TOther>
            => TOther.CreateTruncating(ToInt32(code));

        /// <summary>The value in <typeparamref name="TOther"/>; <see cref="OverflowException"/> when it does not fit.</summary>
        public static TOther ToIntegerChecked<TOther>(byte code)
            where TOther : IBinaryInteger<TOther>
            => TOther.CreateChecked(ToInt32(code));

        // ---------------------------------------------------------------- generic-math ladders

        /// <summary>
        /// <c>CreateChecked</c>/<c>TryConvertFromChecked</c>: the value of <paramref name="value"/> when
        /// <typeparamref name="TOther"/> is <typeparamref name="TSelf"/> or a BCL number type (integers in range,
        /// floats truncated); <see cref="OverflowException"/> when out of range or NaN. False for other types.
        /// </summary>
        public static bool TryCreateChecked<TSelf, TOther>(TOther value, out TSelf result)
            where TSelf : struct, INumericFormat<TSelf, byte>
            where TOther : INumberBase<TOther>
        {
            if (typeof(TOther) == typeof(TSelf))
            {
                result = (TSelf)(object)value!;
                return true;
            }

            bool known = TryConvertFrom(value, Conversion.Checked, out byte code);
            result = TSelf.FromBits(code);
            return known;
        }

        /// <summary><c>CreateSaturating</c>/<c>TryConvertFromSaturating</c>: clamps to the range; NaN gives 0. False for unknown types.</summary>
        public static bool TryCreateSaturating<TSelf, TOther>(TOther value, out TSelf result)
            where TSelf : struct, INumericFormat<TSelf, byte>
            where TOther : INumberBase<TOther>
        {
            if (typeof(TOther) == typeof(TSelf))
            {
                result = (TSelf)(object)value!;
                return true;
            }

            bool known = TryConvertFrom(value, Conversion.Saturating, out byte code);
            result = TSelf.FromBits(code);
            return known;
        }

        /// <summary>
        /// <c>CreateTruncating</c>/<c>TryConvertFromTruncating</c>: integers wrap to their low b bits; floating-point
        /// values truncate and saturate (NaN gives 0), as <c>sbyte.CreateTruncating</c> does since .NET 9. False for unknown types.
        /// </summary>
        public static bool TryCreateTruncating<TSelf, TOther>(TOther value, out TSelf result)
            where TSelf : struct, INumericFormat<TSelf, byte>
            where TOther : INumberBase<TOther>
        {
            if (typeof(TOther) == typeof(TSelf))
            {
                result = (TSelf)(object)value!;
                return true;
            }

            bool known = TryConvertFrom(value, Conversion.Truncating, out byte code);
            result = TSelf.FromBits(code);
            return known;
        }

        /// <summary>The <c>Create*</c> failure: neither side knows the conversion.</summary>
        [DoesNotReturn]
        public static TSelf ThrowNotSupported<TSelf, TOther>() =>
            throw new NotSupportedException($"Conversion from {typeof(TOther).Name} to {typeof(TSelf).Name} is not supported.");

        /// <summary>
        /// <c>TryConvertToChecked</c>: the value in <typeparamref name="TOther"/> for the BCL's number types;
        /// <see cref="OverflowException"/> when it does not fit. False for other types (they convert from us themselves).
        /// </summary>
        public static bool TryConvertToChecked<TOther>(byte code, [MaybeNullWhen(false)] out TOther result)
            where TOther : INumberBase<TOther>
        {
            if (IsKnownInteger<TOther>() || IsKnownFloatingPoint<TOther>())
            {
                result = TOther.CreateChecked(ToInt32(code));
                return true;
            }

            result = default;
            return false;
        }

        /// <summary><c>TryConvertToSaturating</c>: the value clamped to <typeparamref name="TOther"/>'s range (BCL number types only).</summary>
        public static bool TryConvertToSaturating<TOther>(byte code, [MaybeNullWhen(false)] out TOther result)
            where TOther : INumberBase<TOther>
        {
            if (IsKnownInteger<TOther>() || IsKnownFloatingPoint<TOther>())
            {
                result = TOther.CreateSaturating(ToInt32(code));
                return true;
            }

            result = default;
            return false;
        }

        /// <summary><c>TryConvertToTruncating</c>: the value wrapped to <typeparamref name="TOther"/>'s width (BCL number types only).</summary>
        public static bool TryConvertToTruncating<TOther>(byte code, [MaybeNullWhen(false)] out TOther result)
            where TOther : INumberBase<TOther>
        {
            if (IsKnownInteger<TOther>() || IsKnownFloatingPoint<TOther>())
            {
                result = TOther.CreateTruncating(ToInt32(code));
                return true;
            }

            result = default;
            return false;
        }

        private enum Conversion
        {
            Checked,
            Saturating,
            Truncating,
        }

        private static bool TryConvertFrom<TOther>(TOther value, Conversion conversion, out byte code)
            where TOther : INumberBase<TOther>
        {
            if (IsKnownInteger<TOther>())
            {
                // int.CreateSaturating keeps an out-of-range value out of range; byte.CreateTruncating keeps the low bits.
                code = conversion switch
                {
                    Conversion.Checked => WrapChecked(int.CreateSaturating(value)),
                    Conversion.Saturating => Saturate(int.CreateSaturating(value)),
                    _ => (byte)(byte.CreateTruncating(value) & Mask),
                };
                return true;
            }

            if (typeof(TOther) == typeof(decimal))
            {
                decimal d = (decimal)(object)value!;
                code = conversion == Conversion.Checked ? FromDecimal(d) : FromDecimalSaturating(d);
                return true;
            }

            if (IsKnownFloatingPoint<TOther>())
            {
                // float, Half and NFloat are exact doubles.
                double d = double.CreateTruncating(value);
                code = conversion == Conversion.Checked ? FromDoubleChecked(d) : FromDouble(d);
                return true;
            }

            code = 0;
            return false;
        }

        private static bool IsKnownInteger<T>() =>
            typeof(T) == typeof(sbyte) || typeof(T) == typeof(byte) || typeof(T) == typeof(short) || typeof(T) == typeof(ushort)
            || typeof(T) == typeof(int) || typeof(T) == typeof(uint) || typeof(T) == typeof(long) || typeof(T) == typeof(ulong)
            || typeof(T) == typeof(Int128) || typeof(T) == typeof(UInt128) || typeof(T) == typeof(nint) || typeof(T) == typeof(nuint)
            || typeof(T) == typeof(char) || typeof(T) == typeof(BigInteger);

        private static bool IsKnownFloatingPoint<T>() =>
            typeof(T) == typeof(float) || typeof(T) == typeof(double) || typeof(T) == typeof(Half)
            || typeof(T) == typeof(decimal) || typeof(T) == typeof(NFloat);
    }
}
