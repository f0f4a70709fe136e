using System;
using System.Collections.Generic;

namespace NumForge.Tests.Ggml
{
    /// <summary>Random test rows of many distributions, block by block (each block one kind), seeded.</summary>
    internal static class GgmlInputs
    {
        /// <summary>The kinds of block the generator makes.</summary>
        public static readonly string[] Kinds =
        [
            "gauss0.02", "gauss1", "gausslogsigma", "uniform", "uniformoffset", "laplace", "cauchy", "zero", "negzero",
            "mixedzero", "const", "outlier", "maxtie", "grid", "gridnudged", "tiny", "huge", "sparse", "powersoftwo",
            "scalespread",
        ];

        /// <summary>Kinds with NaN or infinity, for the formats whose result ggml defines on them.</summary>
        public static readonly string[] NonFiniteKinds = ["nan", "inf", "neginf"];

        /// <summary><paramref name="blocks"/> blocks of <paramref name="blockSize"/> values, cycling through <paramref name="kinds"/>.</summary>
        public static float[] Make(int seed, int blocks, int blockSize, IReadOnlyList<string> kinds)
        {
            var random = new Random(seed);
            float[] values = new float[blocks * blockSize];
            for (int b = 0; b < blocks; b++)
            {
                Fill(random, kinds[b % kinds.Count], values.AsSpan(b * blockSize, blockSize));
            }

            return values;
        }

        private static double Gauss(Random r) => Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());

        private static void Fill(Random r, string kind, Span<float> x)
        {
            switch (kind)
            {
                case "gauss0.02": Each(x, () => (float)(0.02 * Gauss(r))); break;
                case "gauss1": Each(x, () => (float)Gauss(r)); break;
                case "gausslogsigma":
                    {
                        double s = Math.Pow(10, (r.NextDouble() * 10) - 6);
                        Each(x, () => (float)(s * Gauss(r)));
                        break;
                    }

                case "uniform":
                    {
                        double a = Math.Pow(10, (r.NextDouble() * 4) - 3);
                        Each(x, () => (float)(a * ((2 * r.NextDouble()) - 1)));
                        break;
                    }

                case "uniformoffset":
                    {
                        double c = (r.NextDouble() * 8) - 4, w = r.NextDouble();
                        Each(x, () => (float)(c + (w * ((2 * r.NextDouble()) - 1))));
                        break;
                    }

                case "laplace": Each(x, () => (float)(-Math.Log(1 - r.NextDouble()) * (r.Next(2) == 0 ? -0.1 : 0.1))); break;
                case "cauchy": Each(x, () => (float)(0.01 * Math.Tan(Math.PI * (r.NextDouble() - 0.5)))); break;
                case "zero": x.Clear(); break;
                case "negzero": x.Fill(-0.0f); break;
                case "mixedzero": Each(x, () => r.Next(2) == 0 ? 0.0f : -0.0f); break;
                case "const": x.Fill((float)Gauss(r)); break;
                case "outlier":
                    Each(x, () => (float)(0.02 * Gauss(r)));
                    x[r.Next(x.Length)] = (float)((r.Next(2) == 0 ? -1 : 1) * Math.Pow(10, r.NextDouble() * 3));
                    break;
                case "maxtie":
                    {
                        Each(x, () => (float)Gauss(r));
                        x[r.Next(x.Length)] = 4f;
                        x[r.Next(x.Length)] = -4f;
                        break;
                    }

                case "grid":
                case "gridnudged":
                    {
                        // Multiples of a power-of-two half step: products with the inverse scale hit .5 ties.
                        float h = MathF.Pow(2, r.Next(-8, 4));
                        Each(x, () => h * r.Next(-64, 65) / 4f);
                        if (kind == "gridnudged")
                        {
                            for (int i = 0; i < x.Length; i += 2)
                            {
                                x[i] = r.Next(2) == 0 ? MathF.BitIncrement(x[i]) : MathF.BitDecrement(x[i]);
                            }
                        }

                        break;
                    }

                case "tiny": { double s = Math.Pow(2, -r.Next(14, 31)); Each(x, () => (float)(s * Gauss(r))); break; }
                case "huge": { double s = Math.Pow(10, r.Next(3, 12)); Each(x, () => (float)(s * Gauss(r))); break; }
                case "sparse":
                    x.Clear();
                    for (int k = r.Next(1, 5); k > 0; k--)
                    {
                        x[r.Next(x.Length)] = (float)Gauss(r);
                    }

                    break;
                case "powersoftwo":
                    {
                        // Block maxima exactly at, or an ulp either side of, a power of two (MXFP4's exponent edges).
                        Each(x, () => (float)Gauss(r) * 0.25f);
                        float p = MathF.Pow(2, r.Next(-20, 20));
                        x[r.Next(x.Length)] = r.Next(3) switch { 0 => p, 1 => MathF.BitDecrement(p), _ => MathF.BitIncrement(p) };
                        break;
                    }

                case "scalespread":
                    {
                        // Every 16 values (a K-quant sub-block, one vector lane of the scale searches) its own scale,
                        // some all zero, some constant: neighbouring lanes take different branches.
                        for (int at = 0; at < x.Length; at += 16)
                        {
                            Span<float> part = x.Slice(at, Math.Min(16, x.Length - at));
                            double s = Math.Pow(10, (r.NextDouble() * 12) - 8);
                            switch (r.Next(4))
                            {
                                case 0: part.Clear(); break;
                                case 1: part.Fill((float)(s * Gauss(r))); break;
                                default: Each(part, () => (float)(s * Gauss(r))); break;
                            }
                        }

                        break;
                    }

                case "nan": Each(x, () => (float)Gauss(r)); x[r.Next(x.Length)] = float.NaN; break;
                case "inf": Each(x, () => (float)Gauss(r)); x[r.Next(x.Length)] = float.PositiveInfinity; break;
                case "neginf": Each(x, () => (float)Gauss(r)); x[r.Next(x.Length)] = float.NegativeInfinity; break;
                default: throw new ArgumentException(kind, nameof(kind));
            }
        }

        private static void Each(Span<float> x, Func<float> next)
        {
            for (int i = 0; i < x.Length; i++)
            {
                x[i] = next();
            }
        }
    }
}
