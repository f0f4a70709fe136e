using System;
using System.ComponentModel;
using System.Numerics;

namespace NumForge.CompilerServices.Core
{
    /// <summary>
    /// C#'s casts of a <see cref="double"/> to the BCL's integer types, <see cref="decimal"/> and <see cref="BigInteger"/>,
    /// generic over the target: checked as <c>checked((T)d)</c> (NaN and out-of-range throw <see cref="OverflowException"/>),
    /// saturating as <c>(T)d</c> on .NET 9 and later (truncate toward zero, clamp to the range, NaN gives 0). A format
    /// whose every value is an exact double converts through these.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class DoubleCasts
    {
        /// <summary>Converts <paramref name="value"/> to <typeparamref name="TInteger"/>, truncating toward zero.</summary>
        /// <typeparam name="TInteger">sbyte, byte, short, ushort, int, uint, long, ulong, Int128, UInt128, nint, nuint or char.</typeparam>
        /// <param name="value">The value.</param>
        /// <param name="isChecked">Whether NaN and out-of-range values throw (else they saturate, NaN giving 0).</param>
        /// <returns>The integer.</returns>
        public static TInteger ToInteger<TInteger>(double value, bool isChecked)
            where TInteger : IBinaryInteger<TInteger>, IMinMaxValue<TInteger>
        {
            if (isChecked)
            {
                return Checked<TInteger>(value);
            }

            // The runtime's casts saturate from 32 bits up; narrower types (and char) go through int and would wrap, so
            // they are clamped first (NaN passes the clamp and gives 0).
            if (typeof(TInteger) == typeof(sbyte))
            {
                return (TInteger)(object)unchecked((sbyte)Math.Clamp(value, sbyte.MinValue, sbyte.MaxValue));
            }

            if (typeof(TInteger) == typeof(byte))
            {
                return (TInteger)(object)unchecked((byte)Math.Clamp(value, byte.MinValue, byte.MaxValue));
            }

            if (typeof(TInteger) == typeof(short))
            {
                return (TInteger)(object)unchecked((short)Math.Clamp(value, short.MinValue, short.MaxValue));
            }

            if (typeof(TInteger) == typeof(ushort))
            {
                return (TInteger)(object)unchecked((ushort)Math.Clamp(value, ushort.MinValue, ushort.MaxValue));
            }

            if (typeof(TInteger) == typeof(char))
            {
                return (TInteger)(object)unchecked((char)Math.Clamp(value, char.MinValue, char.MaxValue));
            }

            if (typeof(TInteger) == typeof(int))
            {
                return (TInteger)(object)unchecked((int)value);
            }

            if (typeof(TInteger) == typeof(uint))
            {
                return (TInteger)(object)unchecked((uint)value);
            }

            if (typeof(TInteger) == typeof(long))
            {
                return (TInteger)(object)unchecked((long)value);
            }

            if (typeof(TInteger) == typeof(ulong))
            {
                return (TInteger)(object)unchecked((ulong)value);
            }

            if (typeof(TInteger) == typeof(Int128))
            {
                return (TInteger)(object)unchecked((Int128)value);
            }

            if (typeof(TInteger) == typeof(UInt128))
            {
                return (TInteger)(object)unchecked((UInt128)value);
            }

            if (typeof(TInteger) == typeof(nint))
            {
                return (TInteger)(object)unchecked((nint)value);
            }

            if (typeof(TInteger) == typeof(nuint))
            {
                return (TInteger)(object)unchecked((nuint)value);
            }

            return TInteger.CreateSaturating(double.IsNaN(value) ? 0 : value);
        }

        /// <summary>Converts to <see cref="decimal"/>: checked as <c>(decimal)d</c> (NaN, infinities and values outside decimal's range throw), else saturating with NaN giving 0.</summary>
        /// <param name="value">The value.</param>
        /// <param name="isChecked">Whether overflow and NaN throw.</param>
        /// <returns>The decimal.</returns>
        public static decimal ToDecimal(double value, bool isChecked)
        {
            if (isChecked)
            {
                return (decimal)value;
            }

            return value >= 79228162514264337593543950335.0 ? decimal.MaxValue
                : value <= -79228162514264337593543950335.0 ? decimal.MinValue
                : double.IsNaN(value) ? 0.0m
                : (decimal)value;
        }

        /// <summary>Converts to <see cref="BigInteger"/>, truncating toward zero; infinities throw <see cref="OverflowException"/>, and NaN too when checked (else 0).</summary>
        /// <param name="value">The value.</param>
        /// <param name="isChecked">Whether NaN throws.</param>
        /// <returns>The integer.</returns>
        public static BigInteger ToBigInteger(double value, bool isChecked) => !isChecked && double.IsNaN(value) ? BigInteger.Zero : (BigInteger)value;

        private static TInteger Checked<TInteger>(double value)
            where TInteger : IBinaryInteger<TInteger>, IMinMaxValue<TInteger>
        {
            if (typeof(TInteger) == typeof(sbyte))
            {
                return (TInteger)(object)checked((sbyte)value);
            }

            if (typeof(TInteger) == typeof(byte))
            {
                return (TInteger)(object)checked((byte)value);
            }

            if (typeof(TInteger) == typeof(short))
            {
                return (TInteger)(object)checked((short)value);
            }

            if (typeof(TInteger) == typeof(ushort))
            {
                return (TInteger)(object)checked((ushort)value);
            }

            if (typeof(TInteger) == typeof(char))
            {
                return (TInteger)(object)checked((char)value);
            }

            if (typeof(TInteger) == typeof(int))
            {
                return (TInteger)(object)checked((int)value);
            }

            if (typeof(TInteger) == typeof(uint))
            {
                return (TInteger)(object)checked((uint)value);
            }

            if (typeof(TInteger) == typeof(long))
            {
                return (TInteger)(object)checked((long)value);
            }

            if (typeof(TInteger) == typeof(ulong))
            {
                return (TInteger)(object)checked((ulong)value);
            }

            if (typeof(TInteger) == typeof(Int128))
            {
                return (TInteger)(object)checked((Int128)value);
            }

            if (typeof(TInteger) == typeof(UInt128))
            {
                return (TInteger)(object)checked((UInt128)value);
            }

            if (typeof(TInteger) == typeof(nint))
            {
                return (TInteger)(object)checked((nint)value);
            }

            if (typeof(TInteger) == typeof(nuint))
            {
                return (TInteger)(object)checked((nuint)value);
            }

            return TInteger.CreateChecked(value);
        }
    }
}
