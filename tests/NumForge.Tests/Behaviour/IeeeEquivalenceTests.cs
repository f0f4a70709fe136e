using System;
using System.Collections.Generic;
using NumForge.Tests.Support;
using Xunit;

namespace NumForge.Tests.Behaviour
{
    /// <summary>
    /// [FloatFormat(5, 10)] is System.Half and [FloatFormat(8, 23)] is float, bit for bit, on conversions and on + - * / √
    /// (.NET's Half arithmetic goes through float, which is exact enough: 24 >= 2·11 + 2). [FloatFormat(11, 52)] (hand
    /// traits only) is double, which drives the kernels' BigInteger paths. NaN results: both NaN.
    /// </summary>
    public class IeeeEquivalenceTests
    {
        private static FormatUnderTest Binary16 => Formats.Get("Binary16");

        private static FormatUnderTest Binary32 => Formats.Get("Binary32");

        /// <summary>Every Half value, the midpoints between neighbours, and ±1 double ulp around both.</summary>
        private static IEnumerable<double> HalfBoundaryDoubles()
        {
            for (int bits = 0; bits < 0x7c00; bits++)
            {
                double v = (double)BitConverter.UInt16BitsToHalf((ushort)bits);
                double next = bits == 0x7bff ? 65536.0 : (double)BitConverter.UInt16BitsToHalf((ushort)(bits + 1));
                double mid = (v + next) / 2;
                foreach (double d in new[] { v, Math.BitIncrement(v), Math.BitDecrement(v), mid, Math.BitIncrement(mid), Math.BitDecrement(mid) })
                {
                    yield return d;
                    yield return -d;
                }
            }
        }

        private static IEnumerable<double> RandomDoubles(int count, int minExponent, int maxExponent, int seed)
        {
            var random = new Random(seed);
            for (int i = 0; i < count; i++)
            {
                double d = Math.ScaleB(1.0 + random.NextDouble(), random.Next(minExponent, maxExponent + 1));
                yield return random.Next(2) == 0 ? d : -d;
                // Also uniformly random bit patterns (every exponent, NaNs and infinities included).
                yield return BitConverter.Int64BitsToDouble(random.NextInt64(long.MinValue, long.MaxValue));
            }
        }

        [Fact]
        public void Binary16FromDoubleEqualsHalf()
        {
            var bad = new Mismatches($"{Binary16} from double vs (Half)double");
            foreach (double d in HalfBoundaryDoubles())
            {
                Check(bad, d);
            }

            foreach (double d in RandomDoubles(200_000, -30, 20, 16))
            {
                Check(bad, d);
            }

            bad.AssertNone();

            void Check(Mismatches m, double d)
            {
                ushort expected = BitConverter.HalfToUInt16Bits((Half)d);
                ulong actual = Binary16.FromDouble(d, MidpointRounding.ToEven, saturate: false);
                m.Check(SameHalf(expected, actual), () => $"{Codes.F64(d)}: Half 0x{expected:x4}, got 0x{actual:x4}");
            }
        }

        [Fact]
        public void Binary16FromSingleAndHalfEqualsHalf()
        {
            var bad = new Mismatches($"{Binary16} from float vs (Half)float");
            var floats = new List<float>();
            foreach (double d in HalfBoundaryDoubles())
            {
                float f = (float)d;
                floats.Add(f);
                floats.Add(MathF.BitIncrement(f));
                floats.Add(MathF.BitDecrement(f));
            }

            var random = new Random(17);
            for (int i = 0; i < 200_000; i++)
            {
                floats.Add(BitConverter.Int32BitsToSingle(random.Next(int.MinValue, int.MaxValue)));
                floats.Add(MathF.ScaleB(1f + random.NextSingle(), random.Next(-30, 20)) * (random.Next(2) == 0 ? 1 : -1));
            }

            foreach (float f in floats)
            {
                ushort expected = BitConverter.HalfToUInt16Bits((Half)f);
                ulong actual = Binary16.FromSingle(f, MidpointRounding.ToEven, saturate: false);
                bad.Check(SameHalf(expected, actual), () => $"{Codes.F32(f)}: Half 0x{expected:x4}, got 0x{actual:x4}");
            }

            for (int bits = 0; bits < 65536; bits++)
            {
                Half h = BitConverter.UInt16BitsToHalf((ushort)bits);
                ulong actual = Binary16.FromHalf(h, MidpointRounding.ToEven, saturate: false);
                bad.Check(SameHalf((ushort)bits, actual), () => $"FromHalf 0x{bits:x4} gives 0x{actual:x4}");
                double back = Binary16.ToDouble((ulong)bits);
                bad.Check(double.IsNaN(back) ? Half.IsNaN(h) : back.Equals((double)h) && double.IsNegative(back) == Half.IsNegative(h), () => $"ToDouble 0x{bits:x4} gives {back:R}");
            }

            bad.AssertNone();
        }

        /// <summary>A few hundred interesting Half codes: all pairs of them are checked, and random pairs besides.</summary>
        private static ushort[] HalfSubset()
        {
            var set = new SortedSet<ushort> { 0x0000, 0x8000, 0x0001, 0x8001, 0x03ff, 0x83ff, 0x0400, 0x8400, 0x3c00, 0xbc00, 0x3c01, 0x3bff, 0x7bff, 0xfbff, 0x7bfe, 0x7c00, 0xfc00, 0x7e00, 0xfe00, 0x7c01, 0x4000, 0x3800, 0x5640, 0x1400 };
            var random = new Random(99);
            while (set.Count < 400)
            {
                set.Add((ushort)random.Next(65536));
            }

            return [.. set];
        }

        public static TheoryData<string> Operations => new() { "+", "-", "*", "/" };

        [Theory]
        [MemberData(nameof(Operations))]
        public void Binary16ArithmeticEqualsHalf(string op)
        {
            var bad = new Mismatches($"{Binary16} {op} vs Half");
            ushort[] subset = HalfSubset();
            foreach (ushort a in subset)
            {
                foreach (ushort b in subset)
                {
                    CheckPair(a, b);
                }
            }

            var random = new Random(op[0]);
            for (int i = 0; i < 200_000; i++)
            {
                CheckPair((ushort)random.Next(65536), (ushort)random.Next(65536));
            }

            bad.AssertNone();

            void CheckPair(ushort a, ushort b)
            {
                Half x = BitConverter.UInt16BitsToHalf(a);
                Half y = BitConverter.UInt16BitsToHalf(b);
                (Half r, ulong actual) = op switch
                {
                    "+" => (x + y, Binary16.Add(a, b, MidpointRounding.ToEven)),
                    "-" => (x - y, Binary16.Subtract(a, b, MidpointRounding.ToEven)),
                    "*" => (x * y, Binary16.Multiply(a, b, MidpointRounding.ToEven)),
                    _ => (x / y, Binary16.Divide(a, b, MidpointRounding.ToEven)),
                };
                ushort expected = BitConverter.HalfToUInt16Bits(r);
                bad.Check(SameHalf(expected, actual), () => $"0x{a:x4} {op} 0x{b:x4}: Half 0x{expected:x4}, got 0x{actual:x4}");
            }
        }

        [Fact]
        public void Binary16SqrtEqualsHalfForEveryCode()
        {
            var bad = new Mismatches($"{Binary16} sqrt vs Half.Sqrt");
            for (int bits = 0; bits < 65536; bits++)
            {
                ushort expected = BitConverter.HalfToUInt16Bits(Half.Sqrt(BitConverter.UInt16BitsToHalf((ushort)bits)));
                ulong actual = Binary16.Sqrt((ulong)bits, MidpointRounding.ToEven);
                bad.Check(SameHalf(expected, actual), () => $"sqrt 0x{bits:x4}: Half 0x{expected:x4}, got 0x{actual:x4}");
            }

            bad.AssertNone();
        }

        [Fact]
        public void Binary32FromDoubleEqualsFloat()
        {
            var bad = new Mismatches($"{Binary32} from double vs (float)double");
            var random = new Random(32);
            var inputs = new List<double>();
            foreach (double d in RandomDoubles(300_000, -160, 130, 32))
            {
                inputs.Add(d);
            }

            for (int i = 0; i < 100_000; i++)
            {
                // Float midpoints (exact doubles) and their double neighbours, across the whole float range incl. subnormals.
                float f = BitConverter.Int32BitsToSingle(random.Next(0, 0x7f800000));
                double mid = ((double)f + (double)MathF.BitIncrement(f)) / 2;
                inputs.Add(mid);
                inputs.Add(-Math.BitIncrement(mid));
                inputs.Add(Math.BitDecrement(mid));
            }

            foreach (double d in inputs)
            {
                uint expected = BitConverter.SingleToUInt32Bits((float)d);
                ulong actual = Binary32.FromDouble(d, MidpointRounding.ToEven, saturate: false);
                bad.Check(SameSingle(expected, actual), () => $"{Codes.F64(d)}: float 0x{expected:x8}, got 0x{actual:x8}");
            }

            bad.AssertNone();
        }

        [Theory]
        [MemberData(nameof(Operations))]
        public void Binary32ArithmeticEqualsFloat(string op)
        {
            var bad = new Mismatches($"{Binary32} {op} vs float");
            var random = new Random(op[0] + 100);
            var interesting = new List<uint> { 0, 0x80000000, 1, 0x80000001, 0x007fffff, 0x00800000, 0x3f800000, 0xbf800000, 0x3f800001, 0x7f7fffff, 0xff7fffff, 0x7f800000, 0xff800000, 0x7fc00000, 0x34000000, 0x4b800000 };
            while (interesting.Count < 200)
            {
                interesting.Add((uint)random.Next(int.MinValue, int.MaxValue));
            }

            foreach (uint a in interesting)
            {
                foreach (uint b in interesting)
                {
                    CheckPair(a, b);
                }
            }

            for (int i = 0; i < 200_000; i++)
            {
                // Random bit patterns, and operands of similar magnitude (cancellation, carries, subnormal results).
                uint a = (uint)random.Next(int.MinValue, int.MaxValue);
                uint b = i % 2 == 0 ? (uint)random.Next(int.MinValue, int.MaxValue) : (a & 0xff800000) ^ (uint)random.Next(0, 0x00ffffff) ^ (uint)(random.Next(2) << 31);
                CheckPair(a, b);
            }

            bad.AssertNone();

            void CheckPair(uint a, uint b)
            {
                float x = BitConverter.UInt32BitsToSingle(a);
                float y = BitConverter.UInt32BitsToSingle(b);
                (float r, ulong actual) = op switch
                {
                    "+" => (x + y, Binary32.Add(a, b, MidpointRounding.ToEven)),
                    "-" => (x - y, Binary32.Subtract(a, b, MidpointRounding.ToEven)),
                    "*" => (x * y, Binary32.Multiply(a, b, MidpointRounding.ToEven)),
                    _ => (x / y, Binary32.Divide(a, b, MidpointRounding.ToEven)),
                };
                uint expected = BitConverter.SingleToUInt32Bits(r);
                bad.Check(SameSingle(expected, actual), () => $"0x{a:x8} {op} 0x{b:x8}: float 0x{expected:x8}, got 0x{actual:x8}");
            }
        }

        [Fact]
        public void Binary32SqrtAndFmaEqualFloat()
        {
            var bad = new Mismatches($"{Binary32} sqrt/fma vs MathF");
            var random = new Random(3232);
            for (int i = 0; i < 200_000; i++)
            {
                uint a = (uint)random.Next(int.MinValue, int.MaxValue);
                uint b = (uint)random.Next(int.MinValue, int.MaxValue);
                uint c = i % 2 == 0
                    ? (uint)random.Next(int.MinValue, int.MaxValue)
                    : BitConverter.SingleToUInt32Bits(-(BitConverter.UInt32BitsToSingle(a) * BitConverter.UInt32BitsToSingle(b)));
                float x = BitConverter.UInt32BitsToSingle(a);
                uint sqrtExpected = BitConverter.SingleToUInt32Bits(MathF.Sqrt(x));
                ulong sqrtActual = Binary32.Sqrt(a, MidpointRounding.ToEven);
                bad.Check(SameSingle(sqrtExpected, sqrtActual), () => $"sqrt 0x{a:x8}: 0x{sqrtExpected:x8}, got 0x{sqrtActual:x8}");
                uint fmaExpected = BitConverter.SingleToUInt32Bits(MathF.FusedMultiplyAdd(x, BitConverter.UInt32BitsToSingle(b), BitConverter.UInt32BitsToSingle(c)));
                ulong fmaActual = Binary32.FusedMultiplyAdd(a, b, c, MidpointRounding.ToEven);
                bad.Check(SameSingle(fmaExpected, fmaActual), () => $"fma 0x{a:x8} 0x{b:x8} 0x{c:x8}: 0x{fmaExpected:x8}, got 0x{fmaActual:x8}");
            }

            bad.AssertNone();
        }

        [Fact]
        public void Binary64EqualsDouble()
        {
            // Hand traits only: E11M52 takes the kernels' exact BigInteger paths for products, quotients, roots and FMA.
            FormatUnderTest f64 = Formats.Kernel("Binary64");
            var bad = new Mismatches($"{f64} vs double");
            var random = new Random(6464);
            for (int i = 0; i < 100_000; i++)
            {
                ulong a = (ulong)random.NextInt64(long.MinValue, long.MaxValue);
                ulong b = i % 3 == 0 ? a ^ (ulong)random.NextInt64(0, 1L << 52) : (ulong)random.NextInt64(long.MinValue, long.MaxValue);
                ulong c = (ulong)random.NextInt64(long.MinValue, long.MaxValue);
                if (i % 4 == 1)
                {
                    // Small exponents: subnormal results and cancellations.
                    a &= 0x801fffffffffffffUL;
                    b &= 0x801fffffffffffffUL;
                }

                double x = BitConverter.UInt64BitsToDouble(a);
                double y = BitConverter.UInt64BitsToDouble(b);
                // z = -(x*y) where that is finite (cancellation); infinite addends are FusedMultiplyAddWithInfiniteAddend's.
                double z = i % 2 == 0 || !double.IsFinite(x * y) ? BitConverter.UInt64BitsToDouble(c) : -(x * y);
                if (double.IsInfinity(z))
                {
                    z = 1.0;
                }

                ulong zc = BitConverter.DoubleToUInt64Bits(z);
                Check("from", x, f64.FromDouble(x, MidpointRounding.ToEven, false), a);
                Check("+", x + y, f64.Add(a, b, MidpointRounding.ToEven), a, b);
                Check("-", x - y, f64.Subtract(a, b, MidpointRounding.ToEven), a, b);
                Check("*", x * y, f64.Multiply(a, b, MidpointRounding.ToEven), a, b);
                Check("/", x / y, f64.Divide(a, b, MidpointRounding.ToEven), a, b);
                Check("sqrt", Math.Sqrt(x), f64.Sqrt(a, MidpointRounding.ToEven), a);
                Check("fma", Math.FusedMultiplyAdd(x, y, z), f64.FusedMultiplyAdd(a, b, zc, MidpointRounding.ToEven), a, b, zc);
            }

            bad.AssertNone();

            void Check(string what, double expected, ulong actual, params ulong[] operands)
            {
                ulong e = BitConverter.DoubleToUInt64Bits(expected);
                bool ok = double.IsNaN(expected) ? double.IsNaN(BitConverter.UInt64BitsToDouble(actual)) : e == actual;
                bad.Check(ok, () => $"{what} {string.Join(" ", Array.ConvertAll(operands, o => o.ToString("x16")))}: double 0x{e:x16}, got 0x{actual:x16}");
            }
        }

        /// <summary>
        /// x·y + (±inf) with finite x, y is ±inf even when x·y exceeds double's range (the exact product is finite).
        /// Only formats whose products can pass 2^1024 (exponent field of 11 bits) can meet this.
        /// </summary>
        [Theory]
        [InlineData(0x7fe0000000000000UL, 0x4000000000000000UL, 0xfff0000000000000UL)] // 2^1023 · 2 + (-inf) = -inf
        [InlineData(0x7fe0000000000000UL, 0xc000000000000000UL, 0x7ff0000000000000UL)] // 2^1023 · -2 + (+inf) = +inf
        [InlineData(0x7fe0000000000000UL, 0x4000000000000000UL, 0x7ff0000000000000UL)] // 2^1023 · 2 + (+inf) = +inf
        public void FusedMultiplyAddWithInfiniteAddend(ulong x, ulong y, ulong z)
        {
            FormatUnderTest f64 = Formats.Kernel("Binary64");
            foreach (MidpointRounding mode in Formats.AllModes)
            {
                Assert.Equal(z, f64.FusedMultiplyAdd(x, y, z, mode));
            }
        }

        private static bool SameHalf(ushort expected, ulong actual) =>
            Half.IsNaN(BitConverter.UInt16BitsToHalf(expected))
                ? actual <= 0xffff && Half.IsNaN(BitConverter.UInt16BitsToHalf((ushort)actual))
                : expected == actual;

        private static bool SameSingle(uint expected, ulong actual) =>
            float.IsNaN(BitConverter.UInt32BitsToSingle(expected))
                ? actual <= uint.MaxValue && float.IsNaN(BitConverter.UInt32BitsToSingle((uint)actual))
                : expected == actual;
    }
}
