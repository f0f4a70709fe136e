using System;
using System.Numerics;
using System.Runtime.InteropServices;
using NumForge.CompilerServices;
using NumForge.CompilerServices.Spans;

namespace NumForge.Tests.Spans
{
    /// <summary>One format under test, non-generic so theories can list them.</summary>
    internal interface ISpanFormat
    {
        string Name { get; }

        int TotalBits { get; }

        /// <summary>Returns null when the given width's span path agrees with the scalar codec on every input, else a description of the first mismatch.</summary>
        string? CheckFromSingle(float[] inputs, SimdWidth width, MidpointRounding mode, bool saturate);

        string? CheckFromDouble(double[] inputs, SimdWidth width, MidpointRounding mode, bool saturate);

        string? CheckFromHalf(Half[] inputs, SimdWidth width, MidpointRounding mode, bool saturate);

        /// <summary>Checks ConvertToSingle/Double/Half over every code (or, for 32-bit containers, codes derived from <paramref name="seeds"/>).</summary>
        string? CheckDecode(uint[] seeds, SimdWidth width);

        /// <summary>Every entry point at every length 0..maxLength and source/destination offsets 0..3; also that nothing outside the destination range is written.</summary>
        string? CheckLengths(int maxLength, SimdWidth width);

        string? CheckStochastic(float[] inputs, SimdWidth width, ulong seed);
    }

    internal sealed class SpanFormat<TSpec, TBits> : ISpanFormat
        where TSpec : struct, ISpanSpec
        where TBits : unmanaged, IBinaryInteger<TBits>
    {
        private static readonly MidpointRounding[] Modes = (MidpointRounding[])Enum.GetValues(typeof(MidpointRounding));

        public SpanFormat(string name) => Name = name;

        public string Name { get; }

        public int TotalBits => TSpec.Layout.TotalBits;

        private static ulong Mask => TSpec.Layout.SignMask | TSpec.Layout.MagnitudeMask;

        public override string ToString() => Name;

        public string? CheckFromSingle(float[] inputs, SimdWidth width, MidpointRounding mode, bool saturate)
        {
            var actual = new TBits[inputs.Length];
            FloatSpan<SpanTraits<TSpec>>.FromSingleCore<TBits, NoRandom>(inputs, actual, mode, saturate, 0, default, width);
            for (int i = 0; i < inputs.Length; i++)
            {
                ulong expected = FloatCodec<SpanTraits<TSpec>>.FromSingle(inputs[i], mode, saturate);
                ulong got = ulong.CreateTruncating(actual[i]);
                if (got != expected)
                {
                    return $"{Name} float {inputs[i]:R} (0x{BitConverter.SingleToUInt32Bits(inputs[i]):X8}) {mode} sat={saturate} {width}: span 0x{got:X} scalar 0x{expected:X} (index {i})";
                }
            }

            return null;
        }

        public string? CheckFromDouble(double[] inputs, SimdWidth width, MidpointRounding mode, bool saturate)
        {
            var actual = new TBits[inputs.Length];
            FloatSpan<SpanTraits<TSpec>>.FromDoubleCore(inputs, actual, mode, saturate, width);
            for (int i = 0; i < inputs.Length; i++)
            {
                ulong expected = FloatCodec<SpanTraits<TSpec>>.FromDouble(inputs[i], mode, saturate);
                ulong got = ulong.CreateTruncating(actual[i]);
                if (got != expected)
                {
                    return $"{Name} double {inputs[i]:R} (0x{BitConverter.DoubleToUInt64Bits(inputs[i]):X16}) {mode} sat={saturate} {width}: span 0x{got:X} scalar 0x{expected:X}";
                }
            }

            return null;
        }

        public string? CheckFromHalf(Half[] inputs, SimdWidth width, MidpointRounding mode, bool saturate)
        {
            var actual = new TBits[inputs.Length];
            FloatSpan<SpanTraits<TSpec>>.FromHalfCore(inputs, actual, mode, saturate, width);
            for (int i = 0; i < inputs.Length; i++)
            {
                ulong expected = FloatCodec<SpanTraits<TSpec>>.FromHalf(inputs[i], mode, saturate);
                ulong got = ulong.CreateTruncating(actual[i]);
                if (got != expected)
                {
                    return $"{Name} Half 0x{BitConverter.HalfToUInt16Bits(inputs[i]):X4} {mode} sat={saturate} {width}: span 0x{got:X} scalar 0x{expected:X}";
                }
            }

            return null;
        }

        public string? CheckDecode(uint[] seeds, SimdWidth width)
        {
            TBits[] codes = AllCodes(seeds);
            var singles = new float[codes.Length];
            var doubles = new double[codes.Length];
            var halves = new Half[codes.Length];
            FloatSpan<SpanTraits<TSpec>>.ToSingleCore<TBits>(codes, singles, width);
            FloatSpan<SpanTraits<TSpec>>.ToDoubleCore<TBits>(codes, doubles, width);
            FloatSpan<SpanTraits<TSpec>>.ToHalfCore<TBits>(codes, halves, width);
            for (int i = 0; i < codes.Length; i++)
            {
                ulong code = ulong.CreateTruncating(codes[i]) & Mask;
                float s = FloatCodec<SpanTraits<TSpec>>.ToSingle(code);
                double d = FloatCodec<SpanTraits<TSpec>>.ToDouble(code);
                Half h = FloatCodec<SpanTraits<TSpec>>.ToHalf(code);
                if (BitConverter.SingleToUInt32Bits(s) != BitConverter.SingleToUInt32Bits(singles[i]))
                {
                    return $"{Name} ToSingle code 0x{ulong.CreateTruncating(codes[i]):X} {width}: span 0x{BitConverter.SingleToUInt32Bits(singles[i]):X8} scalar 0x{BitConverter.SingleToUInt32Bits(s):X8}";
                }

                if (BitConverter.DoubleToUInt64Bits(d) != BitConverter.DoubleToUInt64Bits(doubles[i]))
                {
                    return $"{Name} ToDouble code 0x{ulong.CreateTruncating(codes[i]):X} {width}: span 0x{BitConverter.DoubleToUInt64Bits(doubles[i]):X16} scalar 0x{BitConverter.DoubleToUInt64Bits(d):X16}";
                }

                if (BitConverter.HalfToUInt16Bits(h) != BitConverter.HalfToUInt16Bits(halves[i]))
                {
                    return $"{Name} ToHalf code 0x{ulong.CreateTruncating(codes[i]):X} {width}: span 0x{BitConverter.HalfToUInt16Bits(halves[i]):X4} scalar 0x{BitConverter.HalfToUInt16Bits(h):X4}";
                }
            }

            return null;
        }

        /// <summary>Every code for containers up to 16 bits (plus the bits above the format, which must be ignored); else seeded codes.</summary>
        private static TBits[] AllCodes(uint[] seeds)
        {
            int size = Marshal.SizeOf<TBits>();
            if (size <= 2)
            {
                var all = new TBits[1 << (8 * size)];
                for (int i = 0; i < all.Length; i++)
                {
                    all[i] = TBits.CreateTruncating(i);
                }

                return all;
            }

            var codes = new TBits[seeds.Length * 2];
            for (int i = 0; i < seeds.Length; i++)
            {
                codes[2 * i] = TBits.CreateTruncating(seeds[i]);
                codes[2 * i + 1] = TBits.CreateTruncating((ulong)seeds[i] >> (32 - TSpec.Layout.TotalBits));
            }

            return codes;
        }

        public string? CheckStochastic(float[] inputs, SimdWidth width, ulong seed)
        {
            var actual = new TBits[inputs.Length];
            FloatSpan<SpanTraits<TSpec>>.FromSingleCore<TBits, SeededRandom>(inputs, actual, MidpointRounding.ToEven, false, seed, default, width);
            var random = new uint[inputs.Length];
            for (int i = 0; i < inputs.Length; i++)
            {
                random[i] = FloatSpan<SpanTraits<TSpec>>.StochasticRandomBits(seed, i);
            }

            var fromSpan = new TBits[inputs.Length];
            FloatSpan<SpanTraits<TSpec>>.FromSingleCore<TBits, SpanRandom>(inputs, fromSpan, MidpointRounding.ToEven, true, 0, random, width);
            for (int i = 0; i < inputs.Length; i++)
            {
                ulong expected = FloatSpan<SpanTraits<TSpec>>.FromSingleStochastic(inputs[i], random[i], false);
                if (ulong.CreateTruncating(actual[i]) != expected)
                {
                    return $"{Name} stochastic float 0x{BitConverter.SingleToUInt32Bits(inputs[i]):X8} seed {seed} {width}: span 0x{ulong.CreateTruncating(actual[i]):X} scalar 0x{expected:X}";
                }

                ulong expectedSaturating = FloatSpan<SpanTraits<TSpec>>.FromSingleStochastic(inputs[i], random[i], true);
                if (ulong.CreateTruncating(fromSpan[i]) != expectedSaturating)
                {
                    return $"{Name} stochastic (random span, saturating) float 0x{BitConverter.SingleToUInt32Bits(inputs[i]):X8} {width}: span 0x{ulong.CreateTruncating(fromSpan[i]):X} scalar 0x{expectedSaturating:X}";
                }
            }

            return null;
        }

        public string? CheckLengths(int maxLength, SimdWidth width)
        {
            var random = new Random(maxLength + (int)width);
            const int Pad = 8;
            float[] floatPool = SpanInputs.Floats;
            for (int length = 0; length <= maxLength; length++)
            {
                for (int offset = 0; offset < 4; offset++)
                {
                    var floats = new float[length + Pad];
                    var doubles = new double[length + Pad];
                    var halves = new Half[length + Pad];
                    var codes = new TBits[length + Pad];
                    for (int i = 0; i < floats.Length; i++)
                    {
                        floats[i] = floatPool[random.Next(floatPool.Length)];
                        doubles[i] = floats[i] * (1 + random.NextDouble() * 1e-6);
                        halves[i] = BitConverter.UInt16BitsToHalf((ushort)random.Next(65536));
                        codes[i] = TBits.CreateTruncating(random.NextInt64() & (long)Mask);
                    }

                    MidpointRounding mode = Modes[random.Next(Modes.Length)];
                    bool saturate = random.Next(2) == 1;
                    int destinationOffset = (offset + length) % 4;
                    TBits sentinel = TBits.CreateTruncating(0xA5A5A5A5A5A5A5A5UL);

                    var outCodes = new TBits[length + Pad];
                    Array.Fill(outCodes, sentinel);
                    FloatSpan<SpanTraits<TSpec>>.FromSingleCore<TBits, NoRandom>(floats.AsSpan(offset, length), outCodes.AsSpan(destinationOffset, length), mode, saturate, 0, default, width);
                    string? problem = CompareCodes("FromSingle", outCodes, destinationOffset, length, sentinel, i => FloatCodec<SpanTraits<TSpec>>.FromSingle(floats[offset + i], mode, saturate));
                    if (problem != null)
                    {
                        return problem + $" length {length} offset {offset} {mode} sat={saturate} {width}";
                    }

                    Array.Fill(outCodes, sentinel);
                    FloatSpan<SpanTraits<TSpec>>.FromDoubleCore(doubles.AsSpan(offset, length), outCodes.AsSpan(destinationOffset, length), mode, saturate, width);
                    problem = CompareCodes("FromDouble", outCodes, destinationOffset, length, sentinel, i => FloatCodec<SpanTraits<TSpec>>.FromDouble(doubles[offset + i], mode, saturate));
                    if (problem != null)
                    {
                        return problem + $" length {length} offset {offset} {mode} sat={saturate} {width}";
                    }

                    Array.Fill(outCodes, sentinel);
                    FloatSpan<SpanTraits<TSpec>>.FromHalfCore(halves.AsSpan(offset, length), outCodes.AsSpan(destinationOffset, length), mode, saturate, width);
                    problem = CompareCodes("FromHalf", outCodes, destinationOffset, length, sentinel, i => FloatCodec<SpanTraits<TSpec>>.FromHalf(halves[offset + i], mode, saturate));
                    if (problem != null)
                    {
                        return problem + $" length {length} offset {offset} {mode} sat={saturate} {width}";
                    }

                    Array.Fill(outCodes, sentinel);
                    ulong seed = (ulong)random.NextInt64();
                    FloatSpan<SpanTraits<TSpec>>.FromSingleCore<TBits, SeededRandom>(floats.AsSpan(offset, length), outCodes.AsSpan(destinationOffset, length), MidpointRounding.ToEven, saturate, seed, default, width);
                    problem = CompareCodes("FromSingleStochastic", outCodes, destinationOffset, length, sentinel, i => FloatSpan<SpanTraits<TSpec>>.FromSingleStochastic(floats[offset + i], FloatSpan<SpanTraits<TSpec>>.StochasticRandomBits(seed, i), saturate));
                    if (problem != null)
                    {
                        return problem + $" length {length} offset {offset} {width}";
                    }

                    var outFloats = new float[length + Pad];
                    Array.Fill(outFloats, 1234.5f);
                    FloatSpan<SpanTraits<TSpec>>.ToSingleCore<TBits>(codes.AsSpan(offset, length), outFloats.AsSpan(destinationOffset, length), width);
                    problem = CompareValues("ToSingle", outFloats, destinationOffset, length, 1234.5f, i => FloatCodec<SpanTraits<TSpec>>.ToSingle(ulong.CreateTruncating(codes[offset + i])), (a, b) => BitConverter.SingleToUInt32Bits(a) == BitConverter.SingleToUInt32Bits(b));
                    if (problem != null)
                    {
                        return problem + $" length {length} offset {offset} {width}";
                    }

                    var outDoubles = new double[length + Pad];
                    Array.Fill(outDoubles, 1234.5);
                    FloatSpan<SpanTraits<TSpec>>.ToDoubleCore<TBits>(codes.AsSpan(offset, length), outDoubles.AsSpan(destinationOffset, length), width);
                    problem = CompareValues("ToDouble", outDoubles, destinationOffset, length, 1234.5, i => FloatCodec<SpanTraits<TSpec>>.ToDouble(ulong.CreateTruncating(codes[offset + i])), (a, b) => BitConverter.DoubleToUInt64Bits(a) == BitConverter.DoubleToUInt64Bits(b));
                    if (problem != null)
                    {
                        return problem + $" length {length} offset {offset} {width}";
                    }

                    var outHalves = new Half[length + Pad];
                    Array.Fill(outHalves, (Half)1234.5f);
                    FloatSpan<SpanTraits<TSpec>>.ToHalfCore<TBits>(codes.AsSpan(offset, length), outHalves.AsSpan(destinationOffset, length), width);
                    problem = CompareValues("ToHalf", outHalves, destinationOffset, length, (Half)1234.5f, i => FloatCodec<SpanTraits<TSpec>>.ToHalf(ulong.CreateTruncating(codes[offset + i])), (a, b) => BitConverter.HalfToUInt16Bits(a) == BitConverter.HalfToUInt16Bits(b));
                    if (problem != null)
                    {
                        return problem + $" length {length} offset {offset} {width}";
                    }

                    if (TotalBits <= 8)
                    {
                        problem = CheckPacked(floats.AsSpan(offset, length), mode, saturate, width);
                        if (problem != null)
                        {
                            return problem + $" length {length} offset {offset} {width}";
                        }
                    }
                }
            }

            return null;
        }

        /// <summary>Packed converters against encode-then-<see cref="FloatSpan{TTraits}.Pack{TBits}"/> and <see cref="FloatSpan{TTraits}.Unpack{TBits}"/>-then-decode, element by element.</summary>
        public string? CheckPacked(ReadOnlySpan<float> values, MidpointRounding mode, bool saturate, SimdWidth width)
        {
            int packedLength = FloatSpan<SpanTraits<TSpec>>.PackedLength(values.Length);
            var codes = new byte[values.Length];
            for (int i = 0; i < values.Length; i++)
            {
                codes[i] = (byte)FloatCodec<SpanTraits<TSpec>>.FromSingle(values[i], mode, saturate);
            }

            var expected = new byte[packedLength + 3];
            Array.Fill(expected, (byte)0x5A);
            FloatSpan<SpanTraits<TSpec>>.Pack<byte>(codes, expected.AsSpan(1, packedLength));
            var actual = new byte[packedLength + 3];
            Array.Fill(actual, (byte)0x5A);
            FloatSpan<SpanTraits<TSpec>>.FromSingleToPackedCore(values, actual.AsSpan(1, packedLength), mode, saturate, width);
            if (!expected.AsSpan().SequenceEqual(actual))
            {
                return $"{Name} packed encode differs ({mode} sat={saturate})";
            }

            var decoded = new float[values.Length + 2];
            FloatSpan<SpanTraits<TSpec>>.PackedToSingleCore(actual.AsSpan(1, packedLength), decoded.AsSpan(1, values.Length), width);
            for (int i = 0; i < values.Length; i++)
            {
                float want = FloatCodec<SpanTraits<TSpec>>.ToSingle(codes[i]);
                if (BitConverter.SingleToUInt32Bits(want) != BitConverter.SingleToUInt32Bits(decoded[i + 1]))
                {
                    return $"{Name} packed decode of code 0x{codes[i]:X2} at {i}: 0x{BitConverter.SingleToUInt32Bits(decoded[i + 1]):X8} vs 0x{BitConverter.SingleToUInt32Bits(want):X8}";
                }
            }

            if (decoded[0] != 0 || decoded[^1] != 0)
            {
                return $"{Name} packed decode wrote outside its destination";
            }

            return null;
        }

        private string? CompareCodes(string what, TBits[] output, int offset, int length, TBits sentinel, Func<int, ulong> expected)
        {
            for (int i = 0; i < output.Length; i++)
            {
                bool inside = i >= offset && i < offset + length;
                if (!inside && output[i] != sentinel)
                {
                    return $"{Name} {what} wrote outside the destination at {i}";
                }

                if (inside && ulong.CreateTruncating(output[i]) != expected(i - offset))
                {
                    return $"{Name} {what} element {i - offset}: 0x{ulong.CreateTruncating(output[i]):X} vs scalar 0x{expected(i - offset):X}";
                }
            }

            return null;
        }

        private string? CompareValues<T>(string what, T[] output, int offset, int length, T sentinel, Func<int, T> expected, Func<T, T, bool> same)
        {
            for (int i = 0; i < output.Length; i++)
            {
                bool inside = i >= offset && i < offset + length;
                if (!inside && !same(output[i], sentinel))
                {
                    return $"{Name} {what} wrote outside the destination at {i}";
                }

                if (inside && !same(output[i], expected(i - offset)))
                {
                    return $"{Name} {what} element {i - offset}: {output[i]} vs scalar {expected(i - offset)}";
                }
            }

            return null;
        }
    }
}
