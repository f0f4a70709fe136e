using System;
using System.Collections.Generic;
using NumForge.CompilerServices;
using NumForge.Tests.Support;
using Xunit;

namespace NumForge.Tests.Core
{
    /// <summary>
    /// The cast fast path <see cref="FloatCodec{TTraits}.FromSingle(float)"/> (and the Half cast over it) equals the
    /// general routine, nearest even without saturation, which the behaviour sweeps check against the exact reference:
    /// at every value of the format, the midpoints to its neighbours, one float ulp either side of both, past the
    /// largest finite value, and random float patterns; every Half pattern.
    /// </summary>
    public abstract class SingleCastTests<T>
        where T : struct, IFloatTraits
    {
        private static IEnumerable<float> Inputs()
        {
            if (T.MagnitudeMask < (1UL << 20))
            {
                for (ulong magnitude = 0; magnitude <= T.MagnitudeMask; magnitude++)
                {
                    double value = FloatCodec<T>.ToDouble(magnitude);
                    double next = FloatCodec<T>.ToDouble(magnitude + 1);
                    if (double.IsNaN(value))
                    {
                        continue;
                    }

                    var around = new List<double> { value };
                    if (!double.IsNaN(next) && !double.IsInfinity(next) && next > value)
                    {
                        around.Add((value + next) / 2);
                    }
                    else
                    {
                        // Past the largest finite value: half a step above it and beyond.
                        around.Add(value * 1.0625);
                        around.Add(value * 2);
                    }

                    foreach (double d in around)
                    {
                        float f = (float)d;
                        foreach (float g in new[] { f, MathF.BitIncrement(f), MathF.BitDecrement(f) })
                        {
                            yield return g;
                            yield return -g;
                        }
                    }
                }
            }

            foreach (float special in new[] { float.NaN, -float.NaN, float.PositiveInfinity, float.NegativeInfinity, float.MaxValue, float.MinValue, float.Epsilon, -float.Epsilon, 0f, -0f })
            {
                yield return special;
            }

            var random = new Random(20261206 + T.MantissaBits);
            for (int i = 0; i < 200_000; i++)
            {
                yield return BitConverter.UInt32BitsToSingle((uint)random.NextInt64(0, 1L << 32));
            }
        }

        [Fact]
        public void Float_cast_equals_the_general_routine()
        {
            var bad = new Mismatches($"{typeof(T).Name} FromSingle");
            foreach (float f in Inputs())
            {
                ulong expected = FloatCodec<T>.FromDouble(f, MidpointRounding.ToEven, saturate: false);
                ulong actual = FloatCodec<T>.FromSingle(f);
                bad.Check(actual == expected, () => $"{Codes.F32(f)}: fast 0x{actual:x}, general 0x{expected:x}");
            }

            bad.AssertNone();
        }

        /// <summary>
        /// Every float's top 16 bits (every sign, binade and leading mantissa bits, NaN payloads, the overflow clamp's
        /// neighbourhood) with low halves at and around a 16-bit rounding boundary: for formats of at most 7 mantissa
        /// bits every rounding decision (below, at and above each midpoint, in every binade, subnormal or normal).
        /// </summary>
        [Fact]
        public void Float_cast_equals_the_general_routine_for_every_top_half()
        {
            var bad = new Mismatches($"{typeof(T).Name} FromSingle (top halves)");
            ushort[] lows = { 0x0000, 0x0001, 0x7FFF, 0x8000, 0x8001, 0xFFFF, 0x5A5A };
            for (uint high = 0; high < 65536; high++)
            {
                foreach (ushort low in lows)
                {
                    float f = BitConverter.UInt32BitsToSingle((high << 16) | low);
                    ulong expected = FloatCodec<T>.FromDouble(f, MidpointRounding.ToEven, saturate: false);
                    ulong actual = FloatCodec<T>.FromSingle(f);
                    bad.Check(actual == expected, () => $"{Codes.F32(f)}: fast 0x{actual:x}, general 0x{expected:x}");
                }
            }

            bad.AssertNone();
        }

        [Fact]
        public void Float_value_of_every_code_equals_the_double_value_rounded()
        {
            var bad = new Mismatches($"{typeof(T).Name} ToSingle");
            var random = new Random(7);
            ulong mask = T.SignMask | T.MagnitudeMask;
            ulong count = mask < (1UL << 20) ? mask + 1 : 300_000;
            for (ulong i = 0; i < count; i++)
            {
                ulong code = mask < (1UL << 20) ? i : (ulong)random.NextInt64() & mask;
                float expected = (float)FloatCodec<T>.ToDouble(code);
                float actual = FloatCodec<T>.ToSingle(code);
                bad.Check(BitConverter.SingleToUInt32Bits(actual) == BitConverter.SingleToUInt32Bits(expected), () => $"code 0x{code:x}: fast {Codes.F32(actual)}, general {Codes.F32(expected)}");
            }

            bad.AssertNone();
        }

        [Fact]
        public void Half_cast_equals_the_general_routine_for_every_pattern()
        {
            var bad = new Mismatches($"{typeof(T).Name} FromHalf");
            for (int i = 0; i < 65536; i++)
            {
                Half h = BitConverter.UInt16BitsToHalf((ushort)i);
                ulong expected = FloatCodec<T>.FromDouble((double)h, MidpointRounding.ToEven, saturate: false);
                ulong actual = FloatCodec<T>.FromHalf(h);
                bad.Check(actual == expected, () => $"Half 0x{i:x4}: fast 0x{actual:x}, general 0x{expected:x}");
            }

            bad.AssertNone();
        }
    }

#pragma warning disable SA1402 // One concrete class per format.
    public sealed class SingleCastBFloat16Tests : SingleCastTests<HandBFloat16> { }
    public sealed class SingleCastTensorFloat32Tests : SingleCastTests<HandTensorFloat32> { }
    public sealed class SingleCastFloat8E5M2Tests : SingleCastTests<HandFloat8E5M2> { }
    public sealed class SingleCastFloat8E4M3Tests : SingleCastTests<HandFloat8E4M3> { }
    public sealed class SingleCastFloat8E3M4Tests : SingleCastTests<HandFloat8E3M4> { }
    public sealed class SingleCastFloat8E4M3FNTests : SingleCastTests<HandFloat8E4M3FN> { }
    public sealed class SingleCastFloat8E4M3FNUZTests : SingleCastTests<HandFloat8E4M3FNUZ> { }
    public sealed class SingleCastFloat8E5M2FNUZTests : SingleCastTests<HandFloat8E5M2FNUZ> { }
    public sealed class SingleCastFloat8E4M3B11FNUZTests : SingleCastTests<HandFloat8E4M3B11FNUZ> { }
    public sealed class SingleCastFloat8E8M0FNUTests : SingleCastTests<HandFloat8E8M0FNU> { }
    public sealed class SingleCastFloat6E2M3FNTests : SingleCastTests<HandFloat6E2M3FN> { }
    public sealed class SingleCastFloat6E3M2FNTests : SingleCastTests<HandFloat6E3M2FN> { }
    public sealed class SingleCastFloat4E2M1FNTests : SingleCastTests<HandFloat4E2M1FN> { }
    public sealed class SingleCastBinary16Tests : SingleCastTests<HandBinary16> { }
    public sealed class SingleCastBinary32Tests : SingleCastTests<HandBinary32> { }
    public sealed class SingleCastBinary64Tests : SingleCastTests<HandBinary64> { }
    public sealed class SingleCastE5M2SaturatingTests : SingleCastTests<HandE5M2Saturating> { }
    public sealed class SingleCastE4M3OverflowNaNTests : SingleCastTests<HandE4M3OverflowNaN> { }
    public sealed class SingleCastE4M3FNSaturatingTests : SingleCastTests<HandE4M3FNSaturating> { }
    public sealed class SingleCastE3M3Bias1Tests : SingleCastTests<HandE3M3Bias1> { }
    public sealed class SingleCastE7M8Bias0Tests : SingleCastTests<HandE7M8Bias0> { }
#pragma warning restore SA1402
}
