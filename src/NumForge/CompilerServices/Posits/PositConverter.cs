using System;
using System.ComponentModel;
using System.Numerics;
using NumForge.CompilerServices.Core;

namespace NumForge.CompilerServices.Posits
{
    /// <summary>
    /// The posit family's conversions to and from the BCL's number types (<see cref="INumberConverter"/>): from them to
    /// the nearest posit; to them from the exact value (NaR: checked throws <see cref="OverflowException"/>, else 0).
    /// </summary>
    /// <typeparam name="TTraits">The format's constants.</typeparam>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public readonly struct PositConverter<TTraits> : INumberConverter
        where TTraits : struct, IPositTraits
    {
        /// <inheritdoc/>
        public static ulong FromSingle(float value) => PositCodec<TTraits>.FromSingle(value);

        /// <inheritdoc/>
        public static ulong FromDouble(double value) => PositCodec<TTraits>.FromDouble(value);

        /// <inheritdoc/>
        public static ulong FromHalf(Half value) => PositCodec<TTraits>.FromHalf(value);

        /// <inheritdoc/>
        public static ulong FromDecimal(decimal value) => PositCodec<TTraits>.FromDecimal(value);

        /// <inheritdoc/>
        public static ulong FromInt64(long value) => PositCodec<TTraits>.FromInt64(value);

        /// <inheritdoc/>
        public static ulong FromUInt64(ulong value) => PositCodec<TTraits>.FromUInt64(value);

        /// <inheritdoc/>
        public static ulong FromInt128(Int128 value) => PositCodec<TTraits>.FromInt128(value);

        /// <inheritdoc/>
        public static ulong FromUInt128(UInt128 value) => PositCodec<TTraits>.FromUInt128(value);

        /// <inheritdoc/>
        public static ulong FromBigInteger(BigInteger value) => PositCodec<TTraits>.FromBigInteger(value.Sign < 0, BigInteger.Abs(value), 0, false);

        /// <inheritdoc/>
        public static double ToDouble(ulong code) => PositCodec<TTraits>.ToDouble(code);

        /// <inheritdoc/>
        public static float ToSingle(ulong code) => PositCodec<TTraits>.ToSingle(code);

        /// <inheritdoc/>
        public static Half ToHalf(ulong code) => PositCodec<TTraits>.ToHalf(code);

        /// <inheritdoc/>
        public static decimal ToDecimal(ulong code, bool isChecked)
        {
            if (isChecked)
            {
                return PositCodec<TTraits>.ToDecimal(code);
            }

            return PositCodec<TTraits>.IsNaR(code) ? 0.0m
                : PositCodec<TTraits>.ILogB(code) >= 96 ? (PositCodec<TTraits>.IsNegative(code) ? decimal.MinValue : decimal.MaxValue)
                : PositCodec<TTraits>.ToDecimal(code);
        }

        /// <inheritdoc/>
        public static TInteger ToInteger<TInteger>(ulong code, bool isChecked)
            where TInteger : IBinaryInteger<TInteger>, IMinMaxValue<TInteger>
            => isChecked ? TInteger.CreateChecked(Truncate(code)) : PositCodec<TTraits>.ToInteger<TInteger>(code);

        /// <inheritdoc/>
        public static BigInteger ToBigInteger(ulong code, bool isChecked) => !isChecked && PositCodec<TTraits>.IsNaR(code) ? BigInteger.Zero : Truncate(code);

        /// <summary>The value truncated toward zero as a big integer; NaR throws <see cref="OverflowException"/>.</summary>
        /// <param name="code">The encoding.</param>
        /// <returns>The integer part.</returns>
        public static BigInteger Truncate(ulong code)
        {
            if (PositCodec<TTraits>.IsNaR(code))
            {
                throw new OverflowException("NaR cannot be converted to an integer.");
            }

            PositCodec<TTraits>.ToRational(code, out BigInteger numerator, out int exponent);
            return BigIntegerScaling.Truncate(numerator, exponent);
        }
    }
}
