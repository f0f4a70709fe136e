using System;
using System.Collections.Generic;

namespace NumForge.Tests.Spans
{
    /// <summary>Inputs shared by the span tests: boundary bit patterns and seeded random values.</summary>
    internal static class SpanInputs
    {
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
        /// Clean values (weight-like, in every format's range) with specials among them: for each of ±NaN, ±infinity and
        /// ±1e30 (beyond every narrow format) and each position 0..63 of a 64-element block (a whole block of bytes at
        /// Vector512: four vectors of 16 lanes), one block with that special at that position; then a stream with 1%
        /// NaN, 1% infinities and 2% overflow at random positions.
        /// </summary>
        public static float[] Mixed()
        {
            float[] specials = { float.NaN, -float.NaN, float.PositiveInfinity, float.NegativeInfinity, 1e30f, -1e30f, BitConverter.UInt32BitsToSingle(0x7F800001), 65520f, -448f * 1.0625f };
            var random = new Random(4242);
            float Clean() => (float)((random.NextDouble() * 2 - 1) * Math.Pow(2, random.Next(-12, 6)));
            var result = new List<float>();
            foreach (float special in specials)
            {
                for (int position = 0; position < 64; position++)
                {
                    for (int i = 0; i < 64; i++)
                    {
                        result.Add(i == position ? special : Clean());
                    }
                }
            }

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
