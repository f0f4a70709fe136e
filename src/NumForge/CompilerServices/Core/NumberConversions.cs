using System;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace NumForge.CompilerServices.Core
{
    /// <summary>
    /// The generic-math conversions of every format (<c>CreateChecked</c>, <c>INumberBase.TryConvertFrom*</c> and
    /// <c>TryConvertTo*</c>), written once: a <c>typeof(TOther)</c> ladder over the BCL's number types that calls the
    /// family's <typeparamref name="TConverter"/>. The JIT specialises each instantiation, so the ladder folds to the
    /// one branch that applies.
    /// </summary>
    /// <typeparam name="TSelf">The format struct.</typeparam>
    /// <typeparam name="TConverter">The family's conversions, specialised for the format.</typeparam>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class NumberConversions<TSelf, TConverter>
        where TSelf : unmanaged, INumberBase<TSelf>
        where TConverter : INumberConverter
    {
        /// <summary>Converts from a BCL number type as the explicit conversions do; false for any other type.</summary>
        /// <typeparam name="TOther">The type of <paramref name="value"/>.</typeparam>
        /// <param name="value">The number.</param>
        /// <param name="result">The nearest value, or default.</param>
        /// <returns>Whether <typeparamref name="TOther"/> is a type this method converts from.</returns>
        public static bool TryConvertFrom<TOther>(TOther value, out TSelf result)
            where TOther : INumberBase<TOther>
        {
            bool converted = TryConvertFromCode(value, out ulong code);
            result = FormatBits.FromCode<TSelf>(code);
            return converted;
        }

        /// <summary>Converts to a BCL number type: checked throws <see cref="OverflowException"/>, else saturates; false for any other type.</summary>
        /// <typeparam name="TOther">The type to convert to.</typeparam>
        /// <param name="value">The value.</param>
        /// <param name="isChecked">Whether overflow (and NaN, for integers and decimal) throws.</param>
        /// <param name="result">The converted number, or default.</param>
        /// <returns>Whether <typeparamref name="TOther"/> is a type this method converts to.</returns>
        public static bool TryConvertTo<TOther>(TSelf value, bool isChecked, [MaybeNullWhen(false)] out TOther result)
            where TOther : INumberBase<TOther>
        {
            ulong code = FormatBits.ToCode(value);
            if (typeof(TOther) == typeof(double))
            {
                return Is(TConverter.ToDouble(code), out result);
            }

            if (typeof(TOther) == typeof(float))
            {
                return Is(TConverter.ToSingle(code), out result);
            }

            if (typeof(TOther) == typeof(Half))
            {
                return Is(TConverter.ToHalf(code), out result);
            }

            if (typeof(TOther) == typeof(decimal))
            {
                return Is(TConverter.ToDecimal(code, isChecked), out result);
            }

            if (typeof(TOther) == typeof(sbyte))
            {
                return Is(TConverter.ToInteger<sbyte>(code, isChecked), out result);
            }

            if (typeof(TOther) == typeof(byte))
            {
                return Is(TConverter.ToInteger<byte>(code, isChecked), out result);
            }

            if (typeof(TOther) == typeof(short))
            {
                return Is(TConverter.ToInteger<short>(code, isChecked), out result);
            }

            if (typeof(TOther) == typeof(ushort))
            {
                return Is(TConverter.ToInteger<ushort>(code, isChecked), out result);
            }

            if (typeof(TOther) == typeof(int))
            {
                return Is(TConverter.ToInteger<int>(code, isChecked), out result);
            }

            if (typeof(TOther) == typeof(uint))
            {
                return Is(TConverter.ToInteger<uint>(code, isChecked), out result);
            }

            if (typeof(TOther) == typeof(long))
            {
                return Is(TConverter.ToInteger<long>(code, isChecked), out result);
            }

            if (typeof(TOther) == typeof(ulong))
            {
                return Is(TConverter.ToInteger<ulong>(code, isChecked), out result);
            }

            if (typeof(TOther) == typeof(Int128))
            {
                return Is(TConverter.ToInteger<Int128>(code, isChecked), out result);
            }

            if (typeof(TOther) == typeof(UInt128))
            {
                return Is(TConverter.ToInteger<UInt128>(code, isChecked), out result);
            }

            if (typeof(TOther) == typeof(nint))
            {
                return Is(TConverter.ToInteger<nint>(code, isChecked), out result);
            }

            if (typeof(TOther) == typeof(nuint))
            {
                return Is(TConverter.ToInteger<nuint>(code, isChecked), out result);
            }

            if (typeof(TOther) == typeof(char))
            {
                return Is(TConverter.ToInteger<char>(code, isChecked), out result);
            }

            if (typeof(TOther) == typeof(BigInteger))
            {
                return Is(TConverter.ToBigInteger(code, isChecked), out result);
            }

            result = default;
            return false;
        }

        /// <summary>
        /// The first steps of <c>CreateChecked</c>, <c>CreateSaturating</c> and <c>CreateTruncating</c>: the value itself
        /// when <typeparamref name="TOther"/> is the format, else a conversion from a BCL type. The caller then asks
        /// <typeparamref name="TOther"/>'s own (protected) <c>TryConvertTo*</c>, and throws <see cref="NotSupported{TOther}"/>.
        /// </summary>
        /// <typeparam name="TOther">The type of <paramref name="value"/>.</typeparam>
        /// <param name="value">The number.</param>
        /// <param name="result">The nearest value, or default.</param>
        /// <returns>Whether this method converted.</returns>
        public static bool TryCreate<TOther>(TOther value, out TSelf result)
            where TOther : INumberBase<TOther>
        {
            if (typeof(TOther) == typeof(TSelf))
            {
                result = (TSelf)(object)value;
                return true;
            }

            return TryConvertFrom(value, out result);
        }

        /// <summary>The exception for a conversion neither the format nor <typeparamref name="TOther"/> makes.</summary>
        /// <typeparam name="TOther">The type converted from.</typeparam>
        /// <returns>A <see cref="NotSupportedException"/> naming both types.</returns>
        public static NotSupportedException NotSupported<TOther>() => new NotSupportedException("Conversion from " + typeof(TOther).Name + " to " + typeof(TSelf).Name + " is not supported.");

        private static bool TryConvertFromCode<TOther>(TOther value, out ulong code)
            where TOther : INumberBase<TOther>
        {
            if (typeof(TOther) == typeof(float))
            {
                code = TConverter.FromSingle((float)(object)value);
            }
            else if (typeof(TOther) == typeof(double))
            {
                code = TConverter.FromDouble((double)(object)value);
            }
            else if (typeof(TOther) == typeof(Half))
            {
                code = TConverter.FromHalf((Half)(object)value);
            }
            else if (typeof(TOther) == typeof(decimal))
            {
                code = TConverter.FromDecimal((decimal)(object)value);
            }
            else if (typeof(TOther) == typeof(sbyte))
            {
                code = TConverter.FromInt64((sbyte)(object)value);
            }
            else if (typeof(TOther) == typeof(byte))
            {
                code = TConverter.FromUInt64((byte)(object)value);
            }
            else if (typeof(TOther) == typeof(short))
            {
                code = TConverter.FromInt64((short)(object)value);
            }
            else if (typeof(TOther) == typeof(ushort))
            {
                code = TConverter.FromUInt64((ushort)(object)value);
            }
            else if (typeof(TOther) == typeof(int))
            {
                code = TConverter.FromInt64((int)(object)value);
            }
            else if (typeof(TOther) == typeof(uint))
            {
                code = TConverter.FromUInt64((uint)(object)value);
            }
            else if (typeof(TOther) == typeof(long))
            {
                code = TConverter.FromInt64((long)(object)value);
            }
            else if (typeof(TOther) == typeof(ulong))
            {
                code = TConverter.FromUInt64((ulong)(object)value);
            }
            else if (typeof(TOther) == typeof(Int128))
            {
                code = TConverter.FromInt128((Int128)(object)value);
            }
            else if (typeof(TOther) == typeof(UInt128))
            {
                code = TConverter.FromUInt128((UInt128)(object)value);
            }
            else if (typeof(TOther) == typeof(nint))
            {
                code = TConverter.FromInt64((nint)(object)value);
            }
            else if (typeof(TOther) == typeof(nuint))
            {
                code = TConverter.FromUInt64((nuint)(object)value);
            }
            else if (typeof(TOther) == typeof(char))
            {
                code = TConverter.FromUInt64((char)(object)value);
            }
            else if (typeof(TOther) == typeof(BigInteger))
            {
                code = TConverter.FromBigInteger((BigInteger)(object)value);
            }
            else
            {
                code = 0;
                return false;
            }

            return true;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static bool Is<TValue, TOther>(TValue value, out TOther result)
        {
            result = (TOther)(object)value!;
            return true;
        }
    }
}
