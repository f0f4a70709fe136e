using System;
using System.Collections.Generic;
using System.Numerics;
using NumForge.CompilerServices.Core;
using Xunit;

namespace NumForge.Tests.Core
{
    /// <summary>
    /// <see cref="DoubleCasts"/> against a plain BigInteger reference: truncate toward zero, then either throw
    /// (checked: NaN, infinities, out of range) or clamp to the type's range with NaN giving 0.
    /// </summary>
    public class DoubleCastsTests
    {
        /// <summary>Specials, the edges of every integer type (and one ulp either side), and random doubles of every magnitude.</summary>
        public static IEnumerable<double> Inputs()
        {
            var values = new List<double> { double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0.0, -0.0, 0.5, -0.5, 1.0, -1.0, 1.5, -1.5, double.Epsilon, double.MaxValue, double.MinValue };
            foreach (BigInteger edge in Edges())
            {
                double d = (double)edge;
                values.AddRange(new[] { d, Math.BitIncrement(d), Math.BitDecrement(d), d + 0.5, d - 0.5 });
            }

            var random = new Random(20261206);
            for (int i = 0; i < 2000; i++)
            {
                double magnitude = Math.ScaleB(random.NextDouble(), random.Next(-4, 140));
                values.Add(random.Next(2) == 0 ? magnitude : -magnitude);
            }

            return values;
        }

        private static IEnumerable<BigInteger> Edges()
        {
            foreach (int bits in new[] { 8, 16, 32, 64, 128 })
            {
                BigInteger power = BigInteger.One << bits;
                yield return power;
                yield return power / 2;
                yield return -(power / 2);
                yield return power - 1;
            }
        }

        [Fact]
        public void ToIntegerMatchesTheReferenceForEveryIntegerType()
        {
            foreach (double value in Inputs())
            {
                Check<sbyte>(value);
                Check<byte>(value);
                Check<short>(value);
                Check<ushort>(value);
                Check<int>(value);
                Check<uint>(value);
                Check<long>(value);
                Check<ulong>(value);
                Check<Int128>(value);
                Check<UInt128>(value);
                Check<nint>(value);
                Check<nuint>(value);
                Check<char>(value);
            }
        }

        [Fact]
        public void ToDecimalSaturatesAndChecks()
        {
            foreach (double value in Inputs())
            {
                decimal saturated = DoubleCasts.ToDecimal(value, isChecked: false);
                if (double.IsNaN(value))
                {
                    Assert.Equal(0m, saturated);
                    Assert.Throws<OverflowException>(() => DoubleCasts.ToDecimal(value, isChecked: true));
                }
                else if (Math.Abs(value) >= 79228162514264337593543950335.0)
                {
                    Assert.Equal(value > 0 ? decimal.MaxValue : decimal.MinValue, saturated);
                    Assert.Throws<OverflowException>(() => DoubleCasts.ToDecimal(value, isChecked: true));
                }
                else
                {
                    Assert.Equal((decimal)value, saturated);
                    Assert.Equal((decimal)value, DoubleCasts.ToDecimal(value, isChecked: true));
                }
            }
        }

        [Fact]
        public void ToBigIntegerTruncatesTowardZero()
        {
            foreach (double value in Inputs())
            {
                if (double.IsInfinity(value))
                {
                    Assert.Throws<OverflowException>(() => DoubleCasts.ToBigInteger(value, isChecked: false));
                    Assert.Throws<OverflowException>(() => DoubleCasts.ToBigInteger(value, isChecked: true));
                }
                else if (double.IsNaN(value))
                {
                    Assert.Equal(BigInteger.Zero, DoubleCasts.ToBigInteger(value, isChecked: false));
                    Assert.Throws<OverflowException>(() => DoubleCasts.ToBigInteger(value, isChecked: true));
                }
                else
                {
                    Assert.Equal(Truncate(value), DoubleCasts.ToBigInteger(value, isChecked: false));
                    Assert.Equal(Truncate(value), DoubleCasts.ToBigInteger(value, isChecked: true));
                }
            }
        }

        private static void Check<T>(double value)
            where T : IBinaryInteger<T>, IMinMaxValue<T>
        {
            BigInteger min = BigInteger.CreateChecked(T.MinValue);
            BigInteger max = BigInteger.CreateChecked(T.MaxValue);
            bool nan = double.IsNaN(value);
            BigInteger? exact = nan || double.IsInfinity(value) ? null : Truncate(value);
            BigInteger saturated = nan ? BigInteger.Zero
                : double.IsPositiveInfinity(value) ? max
                : double.IsNegativeInfinity(value) ? min
                : BigInteger.Clamp(exact!.Value, min, max);

            T actual = DoubleCasts.ToInteger<T>(value, isChecked: false);
            Assert.True(BigInteger.CreateChecked(actual) == saturated, $"{typeof(T).Name} saturating of {value:R}: {actual}, expected {saturated}");

            // The BCL's checked UInt128 cast rejects every negative double, even one that truncates to 0 (-0.5).
            bool rejectsNegative = typeof(T) == typeof(UInt128) && value < 0;
            if (exact is { } e && e >= min && e <= max && !rejectsNegative)
            {
                Assert.Equal(e, BigInteger.CreateChecked(DoubleCasts.ToInteger<T>(value, isChecked: true)));
            }
            else
            {
                Assert.Throws<OverflowException>(() => DoubleCasts.ToInteger<T>(value, isChecked: true));
            }
        }

        /// <summary>The integer part of a finite double, exactly (BigInteger's conversion from double truncates).</summary>
        private static BigInteger Truncate(double value) => new BigInteger(Math.Truncate(value));
    }
}
