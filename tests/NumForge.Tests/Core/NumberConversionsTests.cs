using System;
using System.Collections.Generic;
using System.Numerics;
using NumForge.CompilerServices.Core;
using NumForge.CompilerServices.Floats;
using NumForge.CompilerServices.Posits;
using Xunit;

namespace NumForge.Tests.Core
{
    /// <summary>
    /// The <c>typeof(TOther)</c> ladders of <see cref="NumberConversions{TSelf, TConverter}"/> against every BCL number
    /// type, for a float and a posit format: each type must reach the kernel its explicit conversion uses (with the
    /// right sign extension), integers that are exact doubles must convert as that double does, and conversions out
    /// must equal the explicit and checked casts on every encoding.
    /// </summary>
    public class NumberConversionsTests
    {
        private static readonly long[] Integers = { 0, 1, -1, 2, 3, 7, 15, 16, 17, 100, 127, -128, 255, 448, 449, 464, 480, 1000, 32767, -32768, 65535, 1 << 20, -(1 << 20), int.MaxValue, int.MinValue, long.MaxValue, long.MinValue };

        [Fact]
        public void FloatConvertsFromEveryBclType() => ConvertsFromEveryBclType<Float8E4M3FN, FloatConverter<Float8E4M3FN.Traits>>(
            d => (Float8E4M3FN)d, f => (Float8E4M3FN)f, h => (Float8E4M3FN)h, m => (Float8E4M3FN)m);

        [Fact]
        public void PositConvertsFromEveryBclType() => ConvertsFromEveryBclType<Posit16, PositConverter<Posit16.Traits>>(
            d => (Posit16)d, f => (Posit16)f, h => (Posit16)h, m => (Posit16)m);

        [Fact]
        public void FloatConvertsToEveryBclTypeAsTheCastsDo()
        {
            for (int code = 0; code < 256; code++)
            {
                var value = Float8E4M3FN.FromBits((byte)code);
                ConvertsTo<Float8E4M3FN, FloatConverter<Float8E4M3FN.Traits>>(value);
            }
        }

        [Fact]
        public void PositConvertsToEveryBclTypeAsTheCastsDo()
        {
            for (int code = 0; code < 65536; code += 7)
            {
                ConvertsTo<Posit16, PositConverter<Posit16.Traits>>(Posit16.FromBits((ushort)code));
            }

            ConvertsTo<Posit16, PositConverter<Posit16.Traits>>(Posit16.NaR);
            ConvertsTo<Posit16, PositConverter<Posit16.Traits>>(Posit16.MaxValue);
            ConvertsTo<Posit16, PositConverter<Posit16.Traits>>(Posit16.MinValue);
            foreach (var value in new[] { Posit16.One, Posit16.Pi, Posit16.Epsilon, Posit16.MaxValue, Posit16.MinValue })
            {
                Assert.Equal((decimal)value, To<Posit16, PositConverter<Posit16.Traits>, decimal>(value, true));
                Assert.Equal((decimal)value, To<Posit16, PositConverter<Posit16.Traits>, decimal>(value, false));
            }

            Assert.Equal(0m, To<Posit16, PositConverter<Posit16.Traits>, decimal>(Posit16.NaR, false));
            Assert.Throws<OverflowException>(() => To<Posit16, PositConverter<Posit16.Traits>, decimal>(Posit16.NaR, true));
        }

        [Fact]
        public void OtherTypesAreNotConverted()
        {
            Assert.False(NumberConversions<Float8E4M3FN, FloatConverter<Float8E4M3FN.Traits>>.TryConvertFrom(new Complex(1, 0), out var result));
            Assert.Equal(0, result.ToBits());
            Assert.False(NumberConversions<Float8E4M3FN, FloatConverter<Float8E4M3FN.Traits>>.TryConvertTo(Float8E4M3FN.One, true, out Complex _));
            var error = Assert.Throws<NotSupportedException>(() => Float8E4M3FN.CreateChecked(new Complex(1, 0)));
            Assert.Equal("Conversion from Complex to Float8E4M3FN is not supported.", error.Message);
            Assert.True(NumberConversions<Posit16, PositConverter<Posit16.Traits>>.TryCreate(Posit16.Pi, out var same));
            Assert.Equal(Posit16.Pi, same);
        }

        private static void ConvertsFromEveryBclType<TSelf, TConverter>(Func<double, TSelf> fromDouble, Func<float, TSelf> fromSingle, Func<Half, TSelf> fromHalf, Func<decimal, TSelf> fromDecimal)
            where TSelf : unmanaged, INumberBase<TSelf>
            where TConverter : INumberConverter
        {
            foreach (long integer in Integers)
            {
                // Every integer that is an exact double converts as that double does: one rounding either way.
                bool exact = Math.Abs((double)integer) <= 1L << 53;
                TSelf? expected = exact ? fromDouble(integer) : null;
                From<TSelf, TConverter, sbyte>(integer, expected);
                From<TSelf, TConverter, byte>(integer, expected);
                From<TSelf, TConverter, short>(integer, expected);
                From<TSelf, TConverter, ushort>(integer, expected);
                From<TSelf, TConverter, int>(integer, expected);
                From<TSelf, TConverter, uint>(integer, expected);
                From<TSelf, TConverter, long>(integer, expected);
                From<TSelf, TConverter, ulong>(integer, expected);
                From<TSelf, TConverter, Int128>(integer, expected);
                From<TSelf, TConverter, UInt128>(integer, expected);
                From<TSelf, TConverter, nint>(integer, expected);
                From<TSelf, TConverter, nuint>(integer, expected);
                From<TSelf, TConverter, char>(integer, expected);
                if (expected is { } e)
                {
                    Same(e, Via<TSelf, TConverter, BigInteger>(new BigInteger(integer)));
                }
            }

            foreach (double value in DoubleCastsTests.Inputs())
            {
                Same(fromDouble(value), Via<TSelf, TConverter, double>(value));
                Same(fromSingle((float)value), Via<TSelf, TConverter, float>((float)value));
                Same(fromHalf((Half)value), Via<TSelf, TConverter, Half>((Half)value));
                if (Math.Abs(value) < 7.9e28)
                {
                    Same(fromDecimal((decimal)value), Via<TSelf, TConverter, decimal>((decimal)value));
                }
            }
        }

        /// <summary>Converts <paramref name="integer"/> as a <typeparamref name="TOther"/>, when that type holds it.</summary>
        private static void From<TSelf, TConverter, TOther>(long integer, TSelf? expected)
            where TSelf : unmanaged, INumberBase<TSelf>
            where TConverter : INumberConverter
            where TOther : INumberBase<TOther>, IMinMaxValue<TOther>
        {
            var big = new BigInteger(integer);
            if (big < BigInteger.CreateChecked(TOther.MinValue) || big > BigInteger.CreateChecked(TOther.MaxValue))
            {
                return;
            }

            var converted = Via<TSelf, TConverter, TOther>(TOther.CreateChecked(integer));
            if (expected is { } e)
            {
                Same(e, converted);
            }

            // The same value as a wider type converts the same (one kernel per signedness, exact sign extension).
            Same(Via<TSelf, TConverter, Int128>(integer), converted);
        }


        private static TSelf Via<TSelf, TConverter, TOther>(TOther value)
            where TSelf : unmanaged, INumberBase<TSelf>
            where TConverter : INumberConverter
            where TOther : INumberBase<TOther>
        {
            Assert.True(NumberConversions<TSelf, TConverter>.TryConvertFrom(value, out TSelf result), $"{typeof(TOther).Name} is not converted");
            return result;
        }

        private static void ConvertsTo<TSelf, TConverter>(TSelf value)
            where TSelf : unmanaged, INumberBase<TSelf>
            where TConverter : INumberConverter
        {
            ulong code = FormatBits.ToCode(value);
            double exact = TConverter.ToDouble(code);
            Same(exact, To<TSelf, TConverter, double>(value, false));
            Same((float)exact, To<TSelf, TConverter, float>(value, false));
            Same((Half)exact, To<TSelf, TConverter, Half>(value, false));
            To<TSelf, TConverter, sbyte>(value, exact);
            To<TSelf, TConverter, byte>(value, exact);
            To<TSelf, TConverter, short>(value, exact);
            To<TSelf, TConverter, ushort>(value, exact);
            To<TSelf, TConverter, int>(value, exact);
            To<TSelf, TConverter, uint>(value, exact);
            To<TSelf, TConverter, long>(value, exact);
            To<TSelf, TConverter, ulong>(value, exact);
            To<TSelf, TConverter, Int128>(value, exact);
            To<TSelf, TConverter, UInt128>(value, exact);
            To<TSelf, TConverter, nint>(value, exact);
            To<TSelf, TConverter, nuint>(value, exact);
            To<TSelf, TConverter, char>(value, exact);

            // These formats' values are exact doubles, so truncating the double is the reference.
            BigInteger saturated = To<TSelf, TConverter, BigInteger>(value, false);
            if (double.IsNaN(exact))
            {
                Assert.Equal(BigInteger.Zero, saturated);
                Assert.Throws<OverflowException>(() => To<TSelf, TConverter, BigInteger>(value, true));
            }
            else
            {
                Assert.Equal(new BigInteger(Math.Truncate(exact)), saturated);
                Assert.Equal(saturated, To<TSelf, TConverter, BigInteger>(value, true));
            }

            if (typeof(TConverter) == typeof(FloatConverter<Float8E4M3FN.Traits>))
            {
                // A float format's decimal is the double's; the posit's is its own rounding (PositConversionTests).
                Assert.Equal(double.IsNaN(exact) ? 0m : (decimal)exact, To<TSelf, TConverter, decimal>(value, false));
            }
        }

        /// <summary>An integer conversion: saturating as (T)double does on .NET 9+, checked as checked((T)double).</summary>
        private static void To<TSelf, TConverter, TInteger>(TSelf value, double exact)
            where TSelf : unmanaged, INumberBase<TSelf>
            where TConverter : INumberConverter
            where TInteger : IBinaryInteger<TInteger>, IMinMaxValue<TInteger>
        {
            Assert.Equal(DoubleCasts.ToInteger<TInteger>(exact, false), To<TSelf, TConverter, TInteger>(value, false));
            BigInteger truncated = double.IsNaN(exact) ? BigInteger.MinusOne : new BigInteger(Math.Truncate(exact));
            // A float format casts its double: the BCL's checked UInt128 cast rejects every negative double, even one
            // that truncates to 0 (-0.5). A posit truncates its exact value first.
            bool rejectsNegative = typeof(TInteger) == typeof(UInt128) && exact < 0 && typeof(TConverter) != typeof(PositConverter<Posit16.Traits>);
            if (!double.IsNaN(exact) && !rejectsNegative && truncated >= BigInteger.CreateChecked(TInteger.MinValue) && truncated <= BigInteger.CreateChecked(TInteger.MaxValue))
            {
                Assert.Equal(TInteger.CreateChecked(truncated), To<TSelf, TConverter, TInteger>(value, true));
            }
            else
            {
                Assert.Throws<OverflowException>(() => To<TSelf, TConverter, TInteger>(value, true));
            }
        }

        private static TOther To<TSelf, TConverter, TOther>(TSelf value, bool isChecked)
            where TSelf : unmanaged, INumberBase<TSelf>
            where TConverter : INumberConverter
            where TOther : INumberBase<TOther>
        {
            bool converted = NumberConversions<TSelf, TConverter>.TryConvertTo<TOther>(value, isChecked, out var result);
            Assert.True(converted);
            return result!;
        }

        private static void Same<T>(T expected, T actual)
            where T : unmanaged
            => Assert.True(FormatBits.ToCode(expected) == FormatBits.ToCode(actual), $"expected {expected}, got {actual}");
    }
}
