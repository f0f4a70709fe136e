using System;
using System.ComponentModel;
using System.Numerics;

namespace NumForge.CompilerServices.Core
{
    /// <summary>
    /// What a format family's conversions to and from the BCL's number types are made of, as static members of a struct
    /// (one per family, generic over the format's traits), so that <see cref="NumberConversions{TSelf, TConverter}"/> writes the
    /// <c>typeof(TOther)</c> ladders of <c>INumberBase</c> once for every family. Codes are encodings in the low bits.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public interface INumberConverter
    {
        /// <summary>The code nearest to <paramref name="value"/>, as the explicit conversion from float does.</summary>
        static abstract ulong FromSingle(float value);

        /// <summary>The code nearest to <paramref name="value"/>, as the explicit conversion from double does.</summary>
        static abstract ulong FromDouble(double value);

        /// <summary>The code nearest to <paramref name="value"/>, as the explicit conversion from Half does.</summary>
        static abstract ulong FromHalf(Half value);

        /// <summary>The code nearest to <paramref name="value"/>, as the explicit conversion from decimal does.</summary>
        static abstract ulong FromDecimal(decimal value);

        /// <summary>The code nearest to a signed integer of up to 64 bits.</summary>
        static abstract ulong FromInt64(long value);

        /// <summary>The code nearest to an unsigned integer of up to 64 bits.</summary>
        static abstract ulong FromUInt64(ulong value);

        /// <summary>The code nearest to an <see cref="Int128"/>.</summary>
        static abstract ulong FromInt128(Int128 value);

        /// <summary>The code nearest to a <see cref="UInt128"/>.</summary>
        static abstract ulong FromUInt128(UInt128 value);

        /// <summary>The code nearest to a <see cref="BigInteger"/>.</summary>
        static abstract ulong FromBigInteger(BigInteger value);

        /// <summary>The value of <paramref name="code"/> as a double.</summary>
        static abstract double ToDouble(ulong code);

        /// <summary>The value of <paramref name="code"/> as a float.</summary>
        static abstract float ToSingle(ulong code);

        /// <summary>The value of <paramref name="code"/> as a Half.</summary>
        static abstract Half ToHalf(ulong code);

        /// <summary>The value as a decimal: checked throws <see cref="OverflowException"/> where decimal cannot hold it, else saturates (NaN gives 0).</summary>
        static abstract decimal ToDecimal(ulong code, bool isChecked);

        /// <summary>The value truncated toward zero: checked throws <see cref="OverflowException"/> out of range and for NaN, else saturates (NaN gives 0).</summary>
        static abstract TInteger ToInteger<TInteger>(ulong code, bool isChecked)
            where TInteger : IBinaryInteger<TInteger>, IMinMaxValue<TInteger>;

        /// <summary>The value truncated toward zero: checked throws <see cref="OverflowException"/> for NaN and infinities, else gives 0 for NaN.</summary>
        static abstract BigInteger ToBigInteger(ulong code, bool isChecked);
    }
}
