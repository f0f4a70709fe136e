using System;
using Xunit;
using System.Collections.Generic;
using System.Numerics;
using NumForge.CompilerServices.Integers;

namespace NumForge.Tests.Integers
{
    /// <summary>
    /// <see cref="IntCodec{TTraits}"/> against <see cref="IntReference"/> (int arithmetic reduced modulo 2^b), on every
    /// value and every pair of values of one format. One concrete class per width and signedness below.
    /// </summary>
    public abstract class IntCodecTests<T>
        where T : struct, IIntTraits
    {
        private static readonly IntReference R = new(T.Bits, T.Signed);

        private static IEnumerable<int> Values()
        {
            for (int v = R.Min; v <= R.Max; v++)
            {
                yield return v;
            }
        }

        private static byte C(int value) => R.Code(value);

        [Fact]
        public void Codes_decode_to_their_value_and_high_bits_are_ignored()
        {
            Assert.Equal(R.Min, IntCodec<T>.ToInt32(IntCodec<T>.MinValueCode));
            Assert.Equal(R.Max, IntCodec<T>.ToInt32(IntCodec<T>.MaxValueCode));
            for (int code = 0; code < 256; code++)
            {
                Assert.Equal(R.Wrap(code), IntCodec<T>.ToInt32((byte)code));
            }

            foreach (int v in Values())
            {
                Assert.Equal(C(v), IntCodec<T>.Wrap(v));
                Assert.Equal(C(v), IntCodec<T>.WrapChecked(v));
            }

            Assert.Throws<OverflowException>(() => IntCodec<T>.WrapChecked(R.Max + 1));
            Assert.Throws<OverflowException>(() => IntCodec<T>.WrapChecked(R.Min - 1));
        }

        [Fact]
        public void Every_pair_adds_subtracts_and_multiplies_as_int_modulo_2_to_the_b()
        {
            foreach (int a in Values())
            {
                foreach (int b in Values())
                {
                    Check(a + b, IntCodec<T>.Add, IntCodec<T>.AddChecked, a, b);
                    Check(a - b, IntCodec<T>.Subtract, IntCodec<T>.SubtractChecked, a, b);
                    Check(a * b, IntCodec<T>.Multiply, IntCodec<T>.MultiplyChecked, a, b);
                    Assert.Equal(C(a & b), IntCodec<T>.And(C(a), C(b)));
                    Assert.Equal(C(a | b), IntCodec<T>.Or(C(a), C(b)));
                    Assert.Equal(C(a ^ b), IntCodec<T>.Xor(C(a), C(b)));
                    Assert.Equal(a < b, IntCodec<T>.LessThan(C(a), C(b)));
                    Assert.Equal(a <= b, IntCodec<T>.LessThanOrEqual(C(a), C(b)));
                    Assert.Equal(a.CompareTo(b), IntCodec<T>.Compare(C(a), C(b)));
                    Assert.Equal(C(Math.Max(a, b)), IntCodec<T>.Max(C(a), C(b)));
                    Assert.Equal(C(Math.Min(a, b)), IntCodec<T>.Min(C(a), C(b)));
                }
            }
        }

        [Fact]
        public void Every_pair_divides_and_takes_remainders_as_int_truncated_division()
        {
            foreach (int a in Values())
            {
                foreach (int b in Values())
                {
                    if (b == 0)
                    {
                        Assert.Throws<DivideByZeroException>(() => IntCodec<T>.Divide(C(a), 0));
                        Assert.Throws<DivideByZeroException>(() => IntCodec<T>.DivideChecked(C(a), 0));
                        Assert.Throws<DivideByZeroException>(() => IntCodec<T>.Remainder(C(a), 0));
                        continue;
                    }

                    Check(a / b, IntCodec<T>.Divide, IntCodec<T>.DivideChecked, a, b);
                    Assert.Equal(C(R.Wrap(a % b)), IntCodec<T>.Remainder(C(a), C(b)));
                }
            }
        }

        [Fact]
        public void Every_value_shifts_and_rotates_by_every_count_modulo_b()
        {
            foreach (int a in Values())
            {
                for (int s = -3 * T.Bits; s <= 3 * T.Bits; s++)
                {
                    int m = R.ShiftCount(s);
                    int bits = a & R.Mask;
                    Assert.Equal(C(R.Wrap(a << m)), IntCodec<T>.ShiftLeft(C(a), s));
                    Assert.Equal(C(R.Wrap(a >> m)), IntCodec<T>.ShiftRight(C(a), s));
                    Assert.Equal(C(R.Wrap(bits >> m)), IntCodec<T>.ShiftRightLogical(C(a), s));
                    int left = m == 0 ? bits : ((bits << m) | (bits >> (T.Bits - m))) & R.Mask;
                    int right = m == 0 ? bits : ((bits >> m) | (bits << (T.Bits - m))) & R.Mask;
                    Assert.Equal((byte)left, IntCodec<T>.RotateLeft(C(a), s));
                    Assert.Equal((byte)right, IntCodec<T>.RotateRight(C(a), s));
                }
            }
        }

        [Fact]
        public void Every_value_through_the_unary_operations()
        {
            foreach (int a in Values())
            {
                byte c = C(a);
                CheckUnary(-a, IntCodec<T>.Negate, IntCodec<T>.NegateChecked, a);
                CheckUnary(a + 1, IntCodec<T>.Increment, IntCodec<T>.IncrementChecked, a);
                CheckUnary(a - 1, IntCodec<T>.Decrement, IntCodec<T>.DecrementChecked, a);
                Assert.Equal(C(~a), IntCodec<T>.OnesComplement(c));
                int bits = a & R.Mask;
                int popCount = 0;
                int leading = T.Bits;
                int trailing = T.Bits;
                for (int i = 0; i < T.Bits; i++)
                {
                    if ((bits >> i & 1) != 0)
                    {
                        popCount++;
                        leading = T.Bits - 1 - i;
                        trailing = Math.Min(trailing, i);
                    }
                }

                Assert.Equal(C(R.Wrap(popCount)), IntCodec<T>.PopCount(c));
                Assert.Equal(C(R.Wrap(leading)), IntCodec<T>.LeadingZeroCount(c));
                Assert.Equal(C(R.Wrap(trailing)), IntCodec<T>.TrailingZeroCount(c));
                Assert.Equal(a > 0 && (a & (a - 1)) == 0, IntCodec<T>.IsPow2(c));
                Assert.Equal(Math.Sign(a), IntCodec<T>.Sign(c));
                Assert.Equal(a < 0, IntCodec<T>.IsNegative(c));
                Assert.Equal(a >= 0, IntCodec<T>.IsPositive(c));
                Assert.Equal(a % 2 == 0, IntCodec<T>.IsEvenInteger(c));
                if (a < 0)
                {
                    Assert.Throws<ArgumentOutOfRangeException>(() => IntCodec<T>.Log2(c));
                }
                else
                {
                    int log = 0;
                    while ((2 << log) <= a)
                    {
                        log++;
                    }

                    Assert.Equal(C(R.Wrap(log)), IntCodec<T>.Log2(c));
                }

                if (R.InRange(Math.Abs(a)))
                {
                    Assert.Equal(C(Math.Abs(a)), IntCodec<T>.Abs(c));
                }
                else
                {
                    Assert.Throws<OverflowException>(() => IntCodec<T>.Abs(c));
                }

                // The shortest two's complement length as sbyte counts it: magnitude bits for v >= 0, plus a sign bit for v < 0.
                int shortest = 0;
                while (a >= 0 ? (a >> shortest) != 0 : (a >> shortest) != -1)
                {
                    shortest++;
                }

                Assert.Equal(a >= 0 ? shortest : shortest + 1, IntCodec<T>.GetShortestBitLength(c));
            }
        }

        [Fact]
        public void Every_pair_through_magnitude_sign_and_clamp()
        {
            foreach (int a in Values())
            {
                foreach (int b in Values())
                {
                    int ma = Math.Abs(a);
                    int mb = Math.Abs(b);
                    Assert.Equal(C(ma > mb || (ma == mb && a >= b) ? a : b), IntCodec<T>.MaxMagnitude(C(a), C(b)));
                    Assert.Equal(C(ma < mb || (ma == mb && a <= b) ? a : b), IntCodec<T>.MinMagnitude(C(a), C(b)));
                    int copy = b < 0 ? -ma : ma;
                    if (R.InRange(copy))
                    {
                        Assert.Equal(C(copy), IntCodec<T>.CopySign(C(a), C(b)));
                    }
                    else
                    {
                        Assert.Throws<OverflowException>(() => IntCodec<T>.CopySign(C(a), C(b)));
                    }

                    if (a <= b)
                    {
                        foreach (int v in new[] { R.Min, a - 1, a, b, b + 1, R.Max })
                        {
                            if (R.InRange(v))
                            {
                                Assert.Equal(C(Math.Clamp(v, a, b)), IntCodec<T>.Clamp(C(v), C(a), C(b)));
                            }
                        }
                    }
                    else
                    {
                        Assert.Throws<ArgumentException>(() => IntCodec<T>.Clamp(C(a), C(a), C(b)));
                    }
                }
            }
        }

        [Fact]
        public void Integers_wrap_and_checked_integers_throw_out_of_range()
        {
            var values = new List<long> { long.MinValue, long.MaxValue, int.MinValue, int.MaxValue, -70000, 70000 };
            for (long v = -600; v <= 600; v++)
            {
                values.Add(v);
            }

            foreach (long v in values)
            {
                Assert.Equal(C(R.Wrap(v)), IntCodec<T>.FromInteger(v));
                Assert.Equal(C((int)Math.Clamp(v, R.Min, R.Max)), IntCodec<T>.FromIntegerSaturating(v));
                if (R.InRange(v))
                {
                    Assert.Equal(C((int)v), IntCodec<T>.FromIntegerChecked(v));
                }
                else
                {
                    Assert.Throws<OverflowException>(() => IntCodec<T>.FromIntegerChecked(v));
                }
            }

            Assert.Equal(C(R.Wrap(unchecked((long)ulong.MaxValue))), IntCodec<T>.FromInteger(ulong.MaxValue));
            Assert.Throws<OverflowException>(() => IntCodec<T>.FromIntegerChecked(ulong.MaxValue));
            Assert.Equal(C(R.Wrap(-1)), IntCodec<T>.FromInteger(Int128.NegativeOne));
            Assert.Equal(C(R.Wrap(0x41)), IntCodec<T>.FromInteger('A'));
        }

        [Fact]
        public void Values_convert_to_every_integer_type_as_int_does()
        {
            foreach (int v in Values())
            {
                byte c = C(v);
                Assert.Equal(unchecked((byte)v), IntCodec<T>.ToInteger<byte>(c));
                Assert.Equal(unchecked((sbyte)v), IntCodec<T>.ToInteger<sbyte>(c));
                Assert.Equal(unchecked((ulong)v), IntCodec<T>.ToInteger<ulong>(c));
                Assert.Equal((Int128)v, IntCodec<T>.ToInteger<Int128>(c));
                Assert.Equal(v, IntCodec<T>.ToSingle(c));
                Assert.Equal(v, IntCodec<T>.ToDouble(c));
                Assert.Equal((Half)v, IntCodec<T>.ToHalf(c));
                Assert.Equal(v, IntCodec<T>.ToDecimal(c));
                if (v < 0)
                {
                    Assert.Throws<OverflowException>(() => IntCodec<T>.ToIntegerChecked<byte>(c));
                    Assert.Throws<OverflowException>(() => IntCodec<T>.ToIntegerChecked<char>(c));
                }
                else
                {
                    Assert.Equal((byte)v, IntCodec<T>.ToIntegerChecked<byte>(c));
                }

                if (v > sbyte.MaxValue)
                {
                    Assert.Throws<OverflowException>(() => IntCodec<T>.ToIntegerChecked<sbyte>(c));
                }
            }
        }

        /// <summary>Boundary floats: every integer k near the range, k ± 0.5, and one ulp either side of each; specials and huge values.</summary>
        internal static IEnumerable<float> BoundaryFloats()
        {
            var seen = new HashSet<float>();
            IEnumerable<float> All()
            {
                foreach (float special in new[]
                {
                    float.NaN, -float.NaN, float.PositiveInfinity, float.NegativeInfinity, float.MaxValue, float.MinValue,
                    float.Epsilon, -float.Epsilon, 0f, -0f, 1e9f, -1e9f, 2147483648f, -2147483904f, 1e30f, -1e30f,
                    BitConverter.UInt32BitsToSingle(0x7FC00001), BitConverter.UInt32BitsToSingle(0xFF800001),
                })
                {
                    yield return special;
                }

                for (int k = -300; k <= 300; k++)
                {
                    foreach (float x in new[] { (float)k, k + 0.5f, k - 0.5f, k + 0.25f, k - 0.75f })
                    {
                        yield return x;
                        yield return MathF.BitIncrement(x);
                        yield return MathF.BitDecrement(x);
                    }
                }
            }

            foreach (float x in All())
            {
                if (seen.Add(x) || float.IsNaN(x))
                {
                    yield return x;
                }
            }
        }

        [Fact]
        public void Float_casts_truncate_and_saturate_and_checked_casts_throw_out_of_range()
        {
            foreach (float x in BoundaryFloats())
            {
                byte expected = C(R.Cast(x));
                Assert.Equal(expected, IntCodec<T>.FromSingle(x));
                Assert.Equal(expected, IntCodec<T>.FromDouble(x));
                Half h = (Half)x;
                Assert.Equal(C(R.Cast((double)h)), IntCodec<T>.FromHalf(h));
                bool fits = !float.IsNaN(x) && R.InRange(Math.Truncate((double)x));
                if (!fits && float.IsFinite(x) && Math.Abs(x) > 2 * (R.Max + 2) && Math.Abs(x) < 1e9)
                {
                    // Far outside the range: the same branch as the values near it, and each throw costs microseconds.
                    continue;
                }

                if (fits)
                {
                    Assert.Equal(expected, IntCodec<T>.FromSingleChecked(x));
                    Assert.Equal(expected, IntCodec<T>.FromDoubleChecked(x));
                }
                else
                {
                    Assert.Throws<OverflowException>(() => IntCodec<T>.FromSingleChecked(x));
                    Assert.Throws<OverflowException>(() => IntCodec<T>.FromDoubleChecked(x));
                }
            }
        }

        [Fact]
        public void Decimal_casts_truncate_and_throw_out_of_range()
        {
            var values = new List<decimal> { decimal.MaxValue, decimal.MinValue, 1e20m, -1e20m, 300.5m, -300.5m };
            for (decimal d = R.Min - 3.75m; d <= R.Max + 3m; d += 0.25m)
            {
                values.Add(d);
            }

            foreach (decimal d in values)
            {
                decimal t = decimal.Truncate(d);
                if (t >= R.Min && t <= R.Max)
                {
                    Assert.Equal(C((int)t), IntCodec<T>.FromDecimal(d));
                }
                else
                {
                    Assert.Throws<OverflowException>(() => IntCodec<T>.FromDecimal(d));
                }

                Assert.Equal(C((int)Math.Clamp(t, R.Min, R.Max)), IntCodec<T>.FromDecimalSaturating(d));
            }
        }

        [Fact]
        public void The_scalar_quantizer_rounds_in_every_mode_and_saturates()
        {
            foreach (MidpointRounding mode in Enum.GetValues<MidpointRounding>())
            {
                foreach (float x in BoundaryFloats())
                {
                    Assert.Equal(C(R.Quantize(x, mode)), IntSpan<T>.Quantize(x, mode));
                }
            }
        }

        [Fact]
        public void Bytes_write_sign_extended_and_read_back_in_range()
        {
            Span<byte> one = stackalloc byte[1];
            foreach (int v in Values())
            {
                Assert.True(IntCodec<T>.TryWrite(C(v), one, out int written));
                Assert.Equal(1, written);
                Assert.Equal(unchecked((byte)v), one[0]);
            }

            Assert.False(IntCodec<T>.TryWrite(0, Span<byte>.Empty, out _));
        }

        private static void Check(int exact, Func<byte, byte, byte> wrapping, Func<byte, byte, byte> checkedOp, int a, int b)
        {
            Assert.Equal(C(R.Wrap(exact)), wrapping(C(a), C(b)));
            if (R.InRange(exact))
            {
                Assert.Equal(C(exact), checkedOp(C(a), C(b)));
            }
            else
            {
                Assert.Throws<OverflowException>(() => checkedOp(C(a), C(b)));
            }
        }

        private static void CheckUnary(int exact, Func<byte, byte> wrapping, Func<byte, byte> checkedOp, int a)
        {
            Assert.Equal(C(R.Wrap(exact)), wrapping(C(a)));
            if (R.InRange(exact))
            {
                Assert.Equal(C(exact), checkedOp(C(a)));
            }
            else
            {
                Assert.Throws<OverflowException>(() => checkedOp(C(a)));
            }
        }
    }

#pragma warning disable SA1402 // One concrete class per format, next to the cases they run.
    public sealed class IntCodecS1Tests : IntCodecTests<S1> { }
    public sealed class IntCodecU1Tests : IntCodecTests<U1> { }
    public sealed class IntCodecS2Tests : IntCodecTests<S2> { }
    public sealed class IntCodecU2Tests : IntCodecTests<U2> { }
    public sealed class IntCodecS3Tests : IntCodecTests<S3> { }
    public sealed class IntCodecU3Tests : IntCodecTests<U3> { }
    public sealed class IntCodecS4Tests : IntCodecTests<S4> { }
    public sealed class IntCodecU4Tests : IntCodecTests<U4> { }
    public sealed class IntCodecS5Tests : IntCodecTests<S5> { }
    public sealed class IntCodecU5Tests : IntCodecTests<U5> { }
    public sealed class IntCodecS6Tests : IntCodecTests<S6> { }
    public sealed class IntCodecU6Tests : IntCodecTests<U6> { }
    [Trait("Category", "Exhaustive")] // 2^14-2^16 pairs with checked overflow: seconds on a loaded machine.
    public sealed class IntCodecS7Tests : IntCodecTests<S7> { }
    [Trait("Category", "Exhaustive")] // 2^14-2^16 pairs with checked overflow: seconds on a loaded machine.
    public sealed class IntCodecU7Tests : IntCodecTests<U7> { }
    [Trait("Category", "Exhaustive")] // 2^14-2^16 pairs with checked overflow: seconds on a loaded machine.
    public sealed class IntCodecS8Tests : IntCodecTests<S8> { }
    [Trait("Category", "Exhaustive")] // 2^14-2^16 pairs with checked overflow: seconds on a loaded machine.
    public sealed class IntCodecU8Tests : IntCodecTests<U8> { }
#pragma warning restore SA1402
}
