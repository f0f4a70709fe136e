using System;
using System.Collections.Generic;
using System.Linq;
using NumForge.CompilerServices.Spans;
using Xunit;

namespace NumForge.Tests.Spans
{
    /// <summary>The vector span converters give exactly the scalar codec's bits, at every vector width.</summary>
    public class SpanConformanceTests
    {
        internal static readonly ISpanFormat[] Formats =
        {
            new SpanFormat<SE4M3FN, byte>("E4M3FN"),
            new SpanFormat<SE4M3, byte>("E4M3"),
            new SpanFormat<SE5M2, byte>("E5M2"),
            new SpanFormat<SE5M2Sat, byte>("E5M2 Overflow=Saturate"),
            new SpanFormat<SE4M3FNUZ, byte>("E4M3FNUZ"),
            new SpanFormat<SE5M2FNUZ, byte>("E5M2FNUZ"),
            new SpanFormat<SE8M0, byte>("E8M0FNU"),
            new SpanFormat<SE2M1, byte>("E2M1"),
            new SpanFormat<SE3M2, byte>("E3M2"),
            new SpanFormat<SE2M3, byte>("E2M3"),
            new SpanFormat<SUE4M4, byte>("unsigned E4M4"),
            new SpanFormat<SE1M1, byte>("E1M1"),
            new SpanFormat<SBF16, ushort>("BF16"),
            new SpanFormat<SBinary16, ushort>("binary16"),
            new SpanFormat<SOdd, ushort>("E6M9 bias 40"),
            new SpanFormat<SDeep, ushort>("E8M3 bias 140"),
            new SpanFormat<SE11M10, uint>("E11M10"),
            new SpanFormat<SBinary32, uint>("binary32"),
            new SpanFormat<STF32, uint>("TF32"),
            new SpanFormat<SE11M30, ulong>("E11M30"),
        };

        internal static readonly SimdWidth[] Widths = { SimdWidth.V128, SimdWidth.V256, SimdWidth.V512 };

        public static IEnumerable<object[]> FormatNames() => Formats.Select(f => new object[] { f.Name });

        public static IEnumerable<object[]> FormatAndWidth() =>
            from f in Formats from w in Widths select new object[] { f.Name, (int)w };

        private static ISpanFormat Get(string name) => Formats.Single(f => f.Name == name);

        /// <summary>Software Vector512 (no AVX-512 here) is slow: check it on a subsample.</summary>
        private static int Stride(SimdWidth width) => width == SimdWidth.V512 && !System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated ? 7 : 1;

        [Theory]
        [MemberData(nameof(FormatAndWidth))]
        public void FromSingle_matches_scalar_on_boundary_patterns(string format, int widthValue)
        {
            var width = (SimdWidth)widthValue;
            float[] inputs = SpanInputs.Every(SpanInputs.Floats, Stride(width));
            foreach (MidpointRounding mode in Enum.GetValues<MidpointRounding>())
            {
                foreach (bool saturate in new[] { false, true })
                {
                    Assert.Null(Get(format).CheckFromSingle(inputs, width, mode, saturate));
                }
            }
        }

        [Theory]
        [MemberData(nameof(FormatAndWidth))]
        public void FromDouble_matches_scalar(string format, int widthValue)
        {
            var width = (SimdWidth)widthValue;
            double[] inputs = SpanInputs.Every(SpanInputs.Doubles, Stride(width));
            foreach (MidpointRounding mode in Enum.GetValues<MidpointRounding>())
            {
                foreach (bool saturate in new[] { false, true })
                {
                    Assert.Null(Get(format).CheckFromDouble(inputs, width, mode, saturate));
                }
            }
        }

        /// <summary>
        /// On AVX-512 doubles go through float rounded to odd (<see cref="OddNarrowedDoubleEncodeBlock{TTraits, TMode, TBits, TSaturate, TClamp}"/>):
        /// exact only because float keeps two more bits than the format everywhere. Held to the scalar codec (which
        /// rounds the double once) on the points where a lost sticky bit or a second rounding would show: every
        /// format's ties and grid points at every float binade, one double unit and a fraction of a float unit off them,
        /// around float's largest value and smallest subnormal, double subnormals, NaN payloads and zeros.
        /// </summary>
        [Theory]
        [MemberData(nameof(FormatAndWidth))]
        public void FromDouble_matches_scalar_on_round_to_odd_adversaries(string format, int widthValue)
        {
            var width = (SimdWidth)widthValue;
            double[] inputs = SpanInputs.Every(SpanInputs.OddNarrowingDoubles(), Stride(width));
            foreach (MidpointRounding mode in Enum.GetValues<MidpointRounding>())
            {
                foreach (bool saturate in new[] { false, true })
                {
                    Assert.Null(Get(format).CheckFromDouble(inputs, width, mode, saturate));
                }
            }
        }

        /// <summary>The round-to-odd path claims exactness for the formats of this test set that it takes, and refuses the others.</summary>
        [Fact]
        public void Round_to_odd_narrowing_is_claimed_only_with_two_spare_bits()
        {
            Assert.True(OddNarrowedDoubleEncodeBlock<SpanTraits<SE4M3FN>, TiesToEven, byte, No, No>.Exact == System.Runtime.Intrinsics.X86.Avx512F.IsSupported);
            Assert.True(OddNarrowedDoubleEncodeBlock<SpanTraits<SBF16>, TiesToEven, ushort, No, No>.Exact == System.Runtime.Intrinsics.X86.Avx512F.IsSupported);
            Assert.True(OddNarrowedDoubleEncodeBlock<SpanTraits<STF32>, TiesToEven, uint, No, No>.Exact == System.Runtime.Intrinsics.X86.Avx512F.IsSupported);
            Assert.False(OddNarrowedDoubleEncodeBlock<SpanTraits<SBinary32>, TiesToEven, uint, No, No>.Exact);
        }

        /// <summary>
        /// The narrowing of doubles to float is the cheapest exact one per mode: truncation toward zero, the same
        /// direction for the directed modes (where infinity and overflow share a code), truncation with the sticky bit
        /// for the nearest modes of formats that round everything below 2^-126 to zero, and the two-conversion round to
        /// odd otherwise (BFloat16's subnormals are float subnormals). The adversarial tests above then run every kind.
        /// </summary>
        [Fact]
        public void Double_narrowing_is_the_cheapest_exact_one_per_mode()
        {
            Assert.Equal(DoubleNarrowing.Sticky, OddNarrowedDoubleEncodeBlock<SpanTraits<SE4M3FN>, TiesToEven, byte, No, No>.Narrowing);
            Assert.Equal(DoubleNarrowing.Sticky, OddNarrowedDoubleEncodeBlock<SpanTraits<SE5M2>, TiesAwayFromZero, byte, Yes, No>.Narrowing);
            Assert.Equal(DoubleNarrowing.Sticky, OddNarrowedDoubleEncodeBlock<SpanTraits<SBinary16>, TiesToEven, ushort, No, No>.Narrowing);
            Assert.Equal(DoubleNarrowing.Odd, OddNarrowedDoubleEncodeBlock<SpanTraits<SBF16>, TiesToEven, ushort, No, No>.Narrowing);
            Assert.Equal(DoubleNarrowing.Odd, OddNarrowedDoubleEncodeBlock<SpanTraits<STF32>, TiesAwayFromZero, uint, No, No>.Narrowing);
            Assert.Equal(DoubleNarrowing.TowardZero, OddNarrowedDoubleEncodeBlock<SpanTraits<SBF16>, TowardZero, ushort, Yes, No>.Narrowing);
            Assert.Equal(DoubleNarrowing.TowardZero, OddNarrowedDoubleEncodeBlock<SpanTraits<SE4M3FN>, TowardZero, byte, No, No>.Narrowing);
            Assert.Equal(DoubleNarrowing.Down, OddNarrowedDoubleEncodeBlock<SpanTraits<SE4M3FN>, TowardNegativeInfinity, byte, No, No>.Narrowing);
            Assert.Equal(DoubleNarrowing.Up, OddNarrowedDoubleEncodeBlock<SpanTraits<SE5M2>, TowardPositiveInfinity, byte, No, No>.Narrowing);
            Assert.Equal(DoubleNarrowing.Down, OddNarrowedDoubleEncodeBlock<SpanTraits<SBF16>, TowardNegativeInfinity, ushort, No, No>.Narrowing);
        }

        /// <summary>
        /// Every float format of the catalog that the round-to-odd path takes (all but E8M0, which no lane encoder
        /// takes) has the two spare bits it needs, and gives the scalar codec's bits on the adversarial doubles at
        /// Vector512, in every mode, saturating or not.
        /// </summary>
        [Fact]
        public void Catalog_formats_from_double_through_round_to_odd_match_scalar()
        {
            CheckCatalog<Float8E4M3FN.Traits, byte>();
            CheckCatalog<Float8E4M3.Traits, byte>();
            CheckCatalog<Float8E3M4.Traits, byte>();
            CheckCatalog<Float8E5M2.Traits, byte>();
            CheckCatalog<Float8E4M3FNUZ.Traits, byte>();
            CheckCatalog<Float8E5M2FNUZ.Traits, byte>();
            CheckCatalog<Float8E4M3B11FNUZ.Traits, byte>();
            CheckCatalog<Float6E2M3FN.Traits, byte>();
            CheckCatalog<Float6E3M2FN.Traits, byte>();
            CheckCatalog<Float4E2M1FN.Traits, byte>();
            CheckCatalog<BFloat16.Traits, ushort>();
            CheckCatalog<TensorFloat32.Traits, uint>();
        }

        private static void CheckCatalog<TTraits, TBits>()
            where TTraits : struct, NumForge.CompilerServices.IFloatTraits
            where TBits : unmanaged, System.Numerics.IBinaryInteger<TBits>
        {
            Assert.True(OddNarrowedDoubleEncodeBlock<TTraits, TiesToEven, TBits, No, No>.Exact == System.Runtime.Intrinsics.X86.Avx512F.IsSupported);
            double[] inputs = SpanInputs.OddNarrowingDoubles();
            var codes = new TBits[inputs.Length];
            foreach (MidpointRounding mode in Enum.GetValues<MidpointRounding>())
            {
                foreach (bool saturate in new[] { false, true })
                {
                    NumForge.CompilerServices.FloatSpan<TTraits>.FromDoubleCore<TBits>(inputs, codes, mode, saturate, SimdWidth.V512);
                    for (int i = 0; i < inputs.Length; i++)
                    {
                        ulong expected = NumForge.CompilerServices.FloatCodec<TTraits>.FromDouble(inputs[i], mode, saturate);
                        if (ulong.CreateTruncating(codes[i]) != expected)
                        {
                            Assert.Fail($"{typeof(TTraits).DeclaringType?.Name} {mode} saturate={saturate}: {inputs[i]:R} (0x{BitConverter.DoubleToUInt64Bits(inputs[i]):X16}) gave 0x{ulong.CreateTruncating(codes[i]):X}, the codec 0x{expected:X}");
                        }
                    }
                }
            }
        }

        [Theory]
        [MemberData(nameof(FormatAndWidth))]
        public void FromHalf_matches_scalar_on_every_half(string format, int widthValue)
        {
            var width = (SimdWidth)widthValue;
            Half[] inputs = SpanInputs.Every(SpanInputs.Halves(), Stride(width));
            foreach (MidpointRounding mode in Enum.GetValues<MidpointRounding>())
            {
                foreach (bool saturate in new[] { false, true })
                {
                    Assert.Null(Get(format).CheckFromHalf(inputs, width, mode, saturate));
                }
            }
        }

        /// <summary>
        /// Specials, ties, overflow and subnormals at every lane position of a block among clean values, from float,
        /// double (also ties moved by one double unit: rounding through float would round twice) and Half sources, in
        /// every mode, saturating or not.
        /// </summary>
        [Theory]
        [MemberData(nameof(FormatAndWidth))]
        public void Mixed_inputs_match_scalar_in_every_mode_from_every_source(string format, int widthValue)
        {
            var width = (SimdWidth)widthValue;
            float[] floats = SpanInputs.Mixed();
            double[] doubles = SpanInputs.MixedDoubles();
            Half[] halves = Array.ConvertAll(floats, f => (Half)f);
            foreach (MidpointRounding mode in Enum.GetValues<MidpointRounding>())
            {
                foreach (bool saturate in new[] { false, true })
                {
                    Assert.Null(Get(format).CheckFromSingle(floats, width, mode, saturate));
                    Assert.Null(Get(format).CheckFromDouble(doubles, width, mode, saturate));
                    Assert.Null(Get(format).CheckFromHalf(halves, width, mode, saturate));
                }
            }
        }

        [Theory]
        [MemberData(nameof(FormatAndWidth))]
        public void Decode_matches_scalar_on_every_code(string format, int widthValue)
        {
            var width = (SimdWidth)widthValue;
            uint[] seeds = SpanInputs.Every(SpanInputs.Floats, 2 * Stride(width)).Select(BitConverter.SingleToUInt32Bits).ToArray();
            Assert.Null(Get(format).CheckDecode(seeds, width));
        }

        [Theory]
        [MemberData(nameof(FormatAndWidth))]
        public void Stochastic_matches_scalar_definition(string format, int widthValue)
        {
            var width = (SimdWidth)widthValue;
            float[] inputs = SpanInputs.Every(SpanInputs.Floats, 3 * Stride(width));
            Assert.Null(Get(format).CheckStochastic(inputs, width, 0x1234_5678_9ABC_DEF0UL));
        }

        [Theory]
        [MemberData(nameof(FormatAndWidth))]
        public void Every_length_to_300_at_unaligned_offsets(string format, int widthValue)
        {
            var width = (SimdWidth)widthValue;
            ISpanFormat f = Get(format);
            int max = width == SimdWidth.V512 && !System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated ? 140 : 300;
            Assert.Null(f.CheckLengths(max, width));
        }

        [Theory]
        [InlineData((int)SimdWidth.Auto)]
        [InlineData((int)SimdWidth.Scalar)]
        public void Auto_and_scalar_widths_match_scalar(int widthValue)
        {
            var width = (SimdWidth)widthValue;
            float[] inputs = SpanInputs.Every(SpanInputs.Floats, 5);
            double[] doubles = SpanInputs.Every(SpanInputs.Doubles, 5);
            foreach (ISpanFormat f in Formats)
            {
                Assert.Null(f.CheckFromSingle(inputs, width, MidpointRounding.ToEven, false));
                Assert.Null(f.CheckFromSingle(inputs, width, MidpointRounding.ToNegativeInfinity, true));
                Assert.Null(f.CheckFromDouble(doubles, width, MidpointRounding.AwayFromZero, false));
                Assert.Null(f.CheckDecode(inputs.Select(BitConverter.SingleToUInt32Bits).ToArray(), width));
                Assert.Null(f.CheckLengths(40, width));
            }
        }
    }
}
