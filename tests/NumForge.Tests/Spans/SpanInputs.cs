using System;
using System.Collections.Generic;
using Xunit;

namespace NumForge.Tests.Spans
{
    /// <summary>Inputs shared by the span tests: boundary bit patterns and seeded random values.</summary>
    internal static class SpanInputs
    {
        /// <summary>Every rounding mode, each without and with saturation: the theory rows of the encoder tests.</summary>
        public static TheoryData<MidpointRounding, bool> ModesAndSaturation()
        {
            var modes = new TheoryData<MidpointRounding, bool>();
            foreach (MidpointRounding mode in Enum.GetValues<MidpointRounding>())
            {
                modes.Add(mode, false);
                modes.Add(mode, true);
            }

            return modes;
        }

        private static readonly ushort[] LowPatterns = { 0, 1, 0x7FFF, 0x8000, 0xFFFF };

        private static float[]? floats;
        private static double[]? doubles;

        /// <summary>Every float whose low 16 bits are 0, 1, 0x7FFF, 0x8000 or 0xFFFF (any high half), then 40,000 random floats.</summary>
        public static float[] Floats => floats ??= BuildFloats();

        /// <summary>Doubles: each boundary float widened and one double ulp either side (subsampled), plus random doubles.</summary>
        public static double[] Doubles => doubles ??= BuildDoubles();

        /// <summary>Every Half.</summary>
        public static Half[] Halves()
        {
            var result = new Half[65536];
            for (int i = 0; i < result.Length; i++)
            {
                result[i] = BitConverter.UInt16BitsToHalf((ushort)i);
            }

            return result;
        }

        /// <summary>
        /// Values that a span encoder treats specially in some format or mode: NaN, infinities, overflow (far beyond
        /// and just beyond the largest finite value of E4M3FN, E5M2, binary16, BFloat16), ties at the normal and the
        /// subnormal step of those formats (where the modes differ), values below half a subnormal unit, and float
        /// subnormals; each with both signs.
        /// </summary>
        public static float[] MixedSpecials()
        {
            float[] positive =
            {
                float.NaN, float.PositiveInfinity, 1e30f, float.MaxValue, BitConverter.UInt32BitsToSingle(0x7F800001), BitConverter.UInt32BitsToSingle(0x7FFFFFFF),
                449f, 464f, 480f, 57345f, 61440f, 65504f, 65519f, 65520f, 3.3961776e38f, 448f * 1.0625f,
                1.0625f, 1.1875f, 1.125f, 1.375f, 1f + (1f / 256), 1f + (3f / 256), 1f + (1f / 2048), 1f + (3f / 2048),
                3 * MathF.Pow(2, -10), 5 * MathF.Pow(2, -10), 3 * MathF.Pow(2, -17), 5 * MathF.Pow(2, -17), 3 * MathF.Pow(2, -25), 3 * MathF.Pow(2, -134),
                MathF.Pow(2, -7) * 1.0625f, MathF.Pow(2, -30), 1e-40f, float.Epsilon, 0f,
            };
            var result = new List<float>();
            foreach (float value in positive)
            {
                result.Add(value);
                result.Add(-value);
            }

            return result.ToArray();
        }

        /// <summary>
        /// Every one of <see cref="MixedSpecials"/> at every position 0..63 of a 64-element block (a whole block of
        /// bytes at Vector512: four vectors of 16 lanes), in blocks of specials only and, at the first and last lanes of
        /// each vector, alone among clean values (weight-like, in every format's range); then a stream with 1% NaN, 1%
        /// infinities and 2% overflow at random positions.
        /// </summary>
        public static float[] Mixed() => mixed ??= BuildMixed();

        /// <summary>
        /// <see cref="Mixed"/> widened, then the same blocks for doubles that are not floats: one double unit either
        /// side of each finite special below 2^17 (a tie moved off by far less than a float unit, where rounding
        /// through float would round twice), and doubles beyond float's range (1e300, 1e-300, the smallest double).
        /// </summary>
        public static double[] MixedDoubles()
        {
            var specials = new List<double>();
            foreach (float f in MixedSpecials())
            {
                // Ties, near-maximum values and subnormals (every finite special below 2^17), moved by one double unit.
                if (float.IsFinite(f) && f != 0 && Math.Abs(f) < 131072f)
                {
                    specials.Add(Math.BitIncrement((double)f));
                    specials.Add(Math.BitDecrement((double)f));
                }
            }

            specials.AddRange(new[] { 1e300, -1e300, 1e-300, -1e-300, double.Epsilon, -double.Epsilon, double.MaxValue, -double.MaxValue, 1.0625 + 1e-12, -(1.0625 - 1e-12) });
            var random = new Random(4343);
            var result = new List<double>(Array.ConvertAll(Mixed(), f => (double)f));
            result.AddRange(Blocks(specials, () => (random.NextDouble() * 2 - 1) * Math.Pow(2, random.Next(-12, 6))));
            return result.ToArray();
        }

        private static float[]? mixed;

        private static double[]? oddNarrowing;

        /// <summary>
        /// Doubles that would break a double -> float -> format path that rounds twice or loses the sticky bit: at every
        /// float binade from 2^-150 to 2^127, every point whose significand ends after t bits (t = 0..23: the grid
        /// points and halfway points of every format with at most 22 significand bits, and float's own), each exactly,
        /// one double unit either side, and a quarter and three quarters of a float unit either side (just above and
        /// below a float midpoint); values around float's largest (up to 2^128 and beyond), double subnormals, NaNs
        /// with payloads in the high, low (lost by the narrowing) and signalling bits, and both zeros; each with both signs.
        /// </summary>
        public static double[] OddNarrowingDoubles() => oddNarrowing ??= BuildOddNarrowing();

        private static double[] BuildOddNarrowing()
        {
            var points = new List<double>();
            for (int e = -150; e <= 127; e++)
            {
                double binade = Math.ScaleB(1.0, e);
                double floatUnit = Math.ScaleB(1.0, Math.Max(e, -126) - 23);
                for (int t = 0; t <= 23; t++)
                {
                    // 1 + 2^-t (t bits, odd last bit) and 2 - 2^-t (all ones): the first and last point of that grid in the binade.
                    foreach (double significand in new[] { 1 + Math.ScaleB(1.0, -t), 2 - Math.ScaleB(1.0, -t) })
                    {
                        double p = binade * significand;
                        points.Add(p);
                        points.Add(Math.BitIncrement(p));
                        points.Add(Math.BitDecrement(p));
                        points.Add(p + floatUnit / 4);
                        points.Add(p - floatUnit / 4);
                        points.Add(p + 3 * floatUnit / 4);
                        points.Add(p - 3 * floatUnit / 4);
                    }
                }
            }

            double floatMax = float.MaxValue;
            points.AddRange(new[]
            {
                floatMax, Math.BitIncrement(floatMax), Math.BitDecrement(floatMax), floatMax + Math.ScaleB(1.0, 103),
                Math.ScaleB(1.0, 128) - Math.ScaleB(1.0, 104), Math.BitDecrement(Math.ScaleB(1.0, 128)), Math.ScaleB(1.0, 128),
                Math.ScaleB(1.0, 200), 1e300, double.MaxValue,
                Math.ScaleB(1.0, -149), Math.ScaleB(1.0, -150), Math.BitIncrement(Math.ScaleB(1.0, -150)), Math.BitDecrement(Math.ScaleB(1.0, -150)),
                Math.ScaleB(3.0, -150), Math.ScaleB(1.0, -160), Math.ScaleB(1.0, -1000), double.Epsilon, Math.ScaleB(1.0, -1022), Math.BitDecrement(Math.ScaleB(1.0, -1022)),
                0.0, double.PositiveInfinity,
                BitConverter.UInt64BitsToDouble(0x7FF8_0000_0000_0000UL), BitConverter.UInt64BitsToDouble(0x7FF8_0000_0000_0001UL),
                BitConverter.UInt64BitsToDouble(0x7FF0_0000_0000_0001UL), BitConverter.UInt64BitsToDouble(0x7FF4_0000_0000_0000UL),
                BitConverter.UInt64BitsToDouble(0x7FFF_FFFF_FFFF_FFFFUL), BitConverter.UInt64BitsToDouble(0x7FF0_0000_2000_0000UL),
            });

            var result = new List<double>(points.Count * 2);
            foreach (double p in points)
            {
                result.Add(p);
                result.Add(BitConverter.UInt64BitsToDouble(BitConverter.DoubleToUInt64Bits(p) ^ (1UL << 63)));
            }

            return result.ToArray();
        }

        /// <summary>Lane positions of the sparse blocks: first and last lanes of vectors of 8 and 16 lanes, and of the block.</summary>
        private static readonly int[] SparsePositions = { 0, 7, 8, 15, 16, 63 };

        /// <summary>
        /// Blocks of 64 that put every special at every position: dense blocks (block b holds special (b + i) mod n at
        /// position i), then sparse ones (one special among clean values, at the edges of each vector).
        /// </summary>
        private static List<T> Blocks<T>(IReadOnlyList<T> specials, Func<T> clean)
        {
            var result = new List<T>();
            int n = specials.Count;
            for (int block = 0; block < n; block++)
            {
                for (int i = 0; i < 64; i++)
                {
                    result.Add(specials[(block + i) % n]);
                }
            }

            foreach (T special in specials)
            {
                foreach (int position in SparsePositions)
                {
                    for (int i = 0; i < 64; i++)
                    {
                        result.Add(i == position ? special : clean());
                    }
                }
            }

            return result;
        }

        private static float[] BuildMixed()
        {
            var random = new Random(4242);
            float Clean() => (float)((random.NextDouble() * 2 - 1) * Math.Pow(2, random.Next(-12, 6)));
            List<float> result = Blocks(MixedSpecials(), Clean);
            for (int i = 0; i < 20000; i++)
            {
                int roll = random.Next(100);
                result.Add(roll switch
                {
                    0 => random.Next(2) == 0 ? float.NaN : -float.NaN,
                    1 => random.Next(2) == 0 ? float.PositiveInfinity : float.NegativeInfinity,
                    2 or 3 => random.Next(2) == 0 ? 1e30f : -1e30f,
                    _ => Clean(),
                });
            }

            return result.ToArray();
        }

        /// <summary>Every n-th element (n >= 1), for the slow software Vector512 path on machines without AVX-512.</summary>
        public static T[] Every<T>(T[] values, int n)
        {
            var result = new List<T>(values.Length / n + 1);
            for (int i = 0; i < values.Length; i += n)
            {
                result.Add(values[i]);
            }

            return result.ToArray();
        }

        private static float[] BuildFloats()
        {
            var result = new List<float>(65536 * LowPatterns.Length + 40000);
            for (int high = 0; high < 65536; high++)
            {
                foreach (ushort low in LowPatterns)
                {
                    result.Add(BitConverter.UInt32BitsToSingle(((uint)high << 16) | low));
                }
            }

            var random = new Random(12345);
            for (int i = 0; i < 20000; i++)
            {
                result.Add(BitConverter.UInt32BitsToSingle((uint)random.NextInt64(0, 1L << 32)));
                result.Add((float)(random.NextDouble() * 2 - 1) * MathF.Pow(2, random.Next(-30, 20)));
            }

            return result.ToArray();
        }

        private static double[] BuildDoubles()
        {
            var result = new List<double>();
            float[] source = Floats;
            for (int i = 0; i < 65536 * LowPatterns.Length; i += 3)
            {
                double d = source[i];
                result.Add(d);
                result.Add(Math.BitIncrement(d));
                result.Add(Math.BitDecrement(d));
            }

            var random = new Random(54321);
            for (int i = 0; i < 30000; i++)
            {
                result.Add(BitConverter.UInt64BitsToDouble((ulong)random.NextInt64() ^ ((ulong)random.Next(2) << 63)));
                result.Add((random.NextDouble() * 2 - 1) * Math.Pow(2, random.Next(-40, 40)));
            }

            // Directly around the format-independent specials.
            result.AddRange(new[] { 0.0, -0.0, double.PositiveInfinity, double.NegativeInfinity, double.NaN, -double.NaN, double.MaxValue, -double.MaxValue, double.Epsilon, -double.Epsilon, 1e300, -1e300, 1e-300 });
            return result.ToArray();
        }
    }
}
