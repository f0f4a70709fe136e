using System;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using NumForge.CompilerServices;
using NumForge.CompilerServices.Spans;
using Xunit;

namespace NumForge.Tests.Spans
{
    /// <summary>
    /// The double encoders prefetch from a source of <see cref="DoubleNarrowings.PrefetchBytes"/> on (far smaller than
    /// the float encoders' threshold), so spans that large take the block loop's prefetching path: here, in every
    /// rounding mode, saturating or not, at every width the machine has, against the scalar codec on every element of
    /// a span that repeats the round-to-odd adversaries (<see cref="SpanInputs.OddNarrowingDoubles"/>: rounding
    /// boundaries of every format and of float, one double unit and a fraction of a float unit either side, NaN
    /// payloads, values beyond float's range) and the mixed doubles (specials at every lane position), each copy
    /// shifted by one element so that every value meets every lane.
    /// </summary>
    public class DoubleSourcePrefetchTests
    {
        [Fact]
        public void The_test_span_is_above_the_prefetch_threshold()
        {
            Assert.True((long)Input().Length * sizeof(double) >= DoubleNarrowings.PrefetchBytes);
            Assert.True(DoubleNarrowings.PrefetchBytes < BlockLoop.PrefetchBytes);
        }

        [Theory]
        [MemberData(nameof(SpanInputs.ModesAndSaturation), MemberType = typeof(SpanInputs))]
        public void E4M3FN_from_a_prefetched_double_span_matches_the_scalar_codec(MidpointRounding mode, bool saturate)
            => Check<SpanTraits<SE4M3FN>, byte>(mode, saturate);

        [Theory]
        [MemberData(nameof(SpanInputs.ModesAndSaturation), MemberType = typeof(SpanInputs))]
        public void BFloat16_from_a_prefetched_double_span_matches_the_scalar_codec(MidpointRounding mode, bool saturate)
            => Check<SpanTraits<SBF16>, ushort>(mode, saturate);

        private static void Check<TTraits, TBits>(MidpointRounding mode, bool saturate)
            where TTraits : struct, IFloatTraits
            where TBits : unmanaged, System.Numerics.IBinaryInteger<TBits>
        {
            double[] input = Input();
            var expected = new ulong[input.Length];
            for (int i = 0; i < input.Length; i++)
            {
                expected[i] = FloatCodec<TTraits>.FromDouble(input[i], mode, saturate);
            }

            foreach (SimdWidth width in Widths())
            {
                var codes = new TBits[input.Length];
                FloatSpan<TTraits>.FromDoubleCore<TBits>(input, codes, mode, saturate, width);
                for (int i = 0; i < input.Length; i++)
                {
                    ulong got = ulong.CreateTruncating(codes[i]);
                    if (got != expected[i])
                    {
                        Assert.Fail($"{typeof(TTraits).Name} {mode} saturate={saturate} {width} [{i}]: {input[i]:R} (0x{BitConverter.DoubleToUInt64Bits(input[i]):X16}) gave 0x{got:X}, the codec 0x{expected[i]:X}");
                    }
                }
            }
        }

        /// <summary>Scalar and every vector width this process has (the 512-bit one is the double encoders' own path).</summary>
        private static SimdWidth[] Widths()
        {
            var widths = new System.Collections.Generic.List<SimdWidth> { SimdWidth.Scalar };
            if (Vector128.IsHardwareAccelerated)
            {
                widths.Add(SimdWidth.V128);
            }

            if (Vector256.IsHardwareAccelerated)
            {
                widths.Add(SimdWidth.V256);
            }

            if (Vector512.IsHardwareAccelerated && Avx512F.IsSupported)
            {
                widths.Add(SimdWidth.V512);
            }

            return widths.ToArray();
        }

        private static double[]? input;

        /// <summary>At least the prefetch threshold of doubles, plus an odd tail (the loop's last block ends at the end).</summary>
        private static double[] Input()
        {
            if (input is not null)
            {
                return input;
            }

            double[] adversaries = SpanInputs.OddNarrowingDoubles();
            double[] mixed = SpanInputs.MixedDoubles();
            int count = (int)(DoubleNarrowings.PrefetchBytes / sizeof(double)) + 37;
            var result = new double[count];
            int at = 0;
            for (int copy = 0; at < count; copy++)
            {
                double[] source = copy % 2 == 0 ? adversaries : mixed;
                for (int i = 0; i < source.Length && at < count; i++)
                {
                    result[at++] = source[(i + copy) % source.Length];
                }
            }

            return input = result;
        }
    }
}
