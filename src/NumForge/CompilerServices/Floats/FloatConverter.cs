using System;
using System.ComponentModel;
using System.Numerics;
using NumForge.CompilerServices.Core;

namespace NumForge.CompilerServices.Floats
{
    /// <summary>
    /// The float family's conversions to and from the BCL's number types (<see cref="INumberConverter"/>): from them
    /// rounding to nearest, ties to even, with the format's default overflow; to them through the exact double value,
    /// as C#'s casts of a double do (<see cref="DoubleCasts"/>).
    /// </summary>
    /// <typeparam name="TTraits">The format's constants.</typeparam>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public readonly struct FloatConverter<TTraits> : INumberConverter
        where TTraits : struct, IFloatTraits
    {
        /// <inheritdoc/>
        public static ulong FromSingle(float value) => FloatCodec<TTraits>.FromSingle(value, MidpointRounding.ToEven, false);

        /// <inheritdoc/>
        public static ulong FromDouble(double value) => FloatCodec<TTraits>.FromDouble(value);

        /// <inheritdoc/>
        public static ulong FromHalf(Half value) => FloatCodec<TTraits>.FromHalf(value, MidpointRounding.ToEven, false);

        /// <inheritdoc/>
        public static ulong FromDecimal(decimal value) => FloatCodec<TTraits>.FromDecimal(value);

        /// <inheritdoc/>
        public static ulong FromInt64(long value) => FloatCodec<TTraits>.FromInt64(value);

        /// <inheritdoc/>
        public static ulong FromUInt64(ulong value) => FloatCodec<TTraits>.FromUInt64(value);

        /// <inheritdoc/>
        public static ulong FromInt128(Int128 value) => FloatCodec<TTraits>.FromInt128(value);

        /// <inheritdoc/>
        public static ulong FromUInt128(UInt128 value) => FloatCodec<TTraits>.FromUInt128(value);

        /// <inheritdoc/>
        public static ulong FromBigInteger(BigInteger value)
            => FloatCodec<TTraits>.FromBigInteger(value.Sign < 0, BigInteger.Abs(value), 0, false, MidpointRounding.ToEven, false);

        /// <inheritdoc/>
        public static double ToDouble(ulong code) => FloatCodec<TTraits>.ToDouble(code);

        /// <inheritdoc/>
        public static float ToSingle(ulong code) => FloatCodec<TTraits>.ToSingle(code);

        /// <inheritdoc/>
        public static Half ToHalf(ulong code) => FloatCodec<TTraits>.ToHalf(code);

        /// <inheritdoc/>
        public static decimal ToDecimal(ulong code, bool isChecked) => DoubleCasts.ToDecimal(FloatCodec<TTraits>.ToDouble(code), isChecked);

        /// <inheritdoc/>
        public static TInteger ToInteger<TInteger>(ulong code, bool isChecked)
            where TInteger : IBinaryInteger<TInteger>, IMinMaxValue<TInteger>
            => DoubleCasts.ToInteger<TInteger>(FloatCodec<TTraits>.ToDouble(code), isChecked);

        /// <inheritdoc/>
        public static BigInteger ToBigInteger(ulong code, bool isChecked) => DoubleCasts.ToBigInteger(FloatCodec<TTraits>.ToDouble(code), isChecked);
    }
}
