using System;
using System.Numerics;
using NumForge.CompilerServices.Integers;
using Xunit;

namespace NumForge.Tests.Integers
{
    /// <summary>At 8 bits the kernels are sbyte and byte: every pair and every value against the BCL's own generic math.</summary>
    public class SbyteConformanceTests
    {
        [Fact]
        public void Signed_8_bit_is_sbyte_on_every_pair() => EveryPair<S8, sbyte>();

        [Fact]
        public void Unsigned_8_bit_is_byte_on_every_pair() => EveryPair<U8, byte>();

        private static void EveryPair<T, TBcl>()
            where T : struct, IIntTraits
            where TBcl : IBinaryInteger<TBcl>, IMinMaxValue<TBcl>
        {
            static byte C(TBcl value) => byte.CreateTruncating(value);
            for (int i = T.MinValue; i <= T.MaxValue; i++)
            {
                TBcl a = TBcl.CreateChecked(i);
                byte ca = C(a);
                Assert.Equal(C(-a), IntCodec<T>.Negate(ca));
                Assert.Equal(C(~a), IntCodec<T>.OnesComplement(ca));
                Assert.Equal(C(TBcl.PopCount(a)), IntCodec<T>.PopCount(ca));
                Assert.Equal(C(TBcl.LeadingZeroCount(a)), IntCodec<T>.LeadingZeroCount(ca));
                Assert.Equal(C(TBcl.TrailingZeroCount(a)), IntCodec<T>.TrailingZeroCount(ca));
                Assert.Equal(TBcl.IsPow2(a), IntCodec<T>.IsPow2(ca));
                Assert.Equal(a.GetShortestBitLength(), IntCodec<T>.GetShortestBitLength(ca));
                Assert.Equal(TBcl.Sign(a), IntCodec<T>.Sign(ca));
                if (i >= 0)
                {
                    Assert.Equal(C(TBcl.Log2(a)), IntCodec<T>.Log2(ca));
                }

                for (int s = -20; s <= 20; s++)
                {
                    Assert.Equal(C(a << s), IntCodec<T>.ShiftLeft(ca, s));
                    Assert.Equal(C(a >> s), IntCodec<T>.ShiftRight(ca, s));
                    Assert.Equal(C(a >>> s), IntCodec<T>.ShiftRightLogical(ca, s));
                    Assert.Equal(C(TBcl.RotateLeft(a, s)), IntCodec<T>.RotateLeft(ca, s));
                    Assert.Equal(C(TBcl.RotateRight(a, s)), IntCodec<T>.RotateRight(ca, s));
                }

                for (int j = T.MinValue; j <= T.MaxValue; j++)
                {
                    TBcl b = TBcl.CreateChecked(j);
                    byte cb = C(b);
                    Assert.Equal(C(a + b), IntCodec<T>.Add(ca, cb));
                    Assert.Equal(C(a - b), IntCodec<T>.Subtract(ca, cb));
                    Assert.Equal(C(a * b), IntCodec<T>.Multiply(ca, cb));
                    Assert.Equal(C(a & b), IntCodec<T>.And(ca, cb));
                    Assert.Equal(C(a | b), IntCodec<T>.Or(ca, cb));
                    Assert.Equal(C(a ^ b), IntCodec<T>.Xor(ca, cb));
                    Assert.Equal(C(TBcl.MaxMagnitude(a, b)), IntCodec<T>.MaxMagnitude(ca, cb));
                    Assert.Equal(C(TBcl.MinMagnitude(a, b)), IntCodec<T>.MinMagnitude(ca, cb));
                    Assert.Equal(C(TBcl.Max(a, b)), IntCodec<T>.Max(ca, cb));
                    Assert.Equal(C(TBcl.Min(a, b)), IntCodec<T>.Min(ca, cb));
                    Assert.Equal(Math.Sign(a.CompareTo(b)), IntCodec<T>.Compare(ca, cb)); // sbyte returns the difference; only the sign is the contract
                    if (j != 0)
                    {
                        Assert.Equal(C(a / b), IntCodec<T>.Divide(ca, cb));
                        Assert.Equal(C(a % b), IntCodec<T>.Remainder(ca, cb));
                    }
                }
            }
        }
    }
}
