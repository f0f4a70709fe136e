namespace NumForge.Analyzers.Tests.BuildTiming
{
    /// <summary>
    /// The realistic variant of the 100,000-line project: numeric code as a project that uses NumForge is mostly
    /// written (matrix kernels, statistics, image filters and physics steps in float and double; Half and BFloat16
    /// used for storage, widened once and accumulated in float), with findings at a realistic density: a running Half sum in every
    /// 50th file and a softmax denominator summed in Half in every 100th (30 mistakes, 80 diagnostics counting NF1006).
    /// Five file shapes rotate, each over 100 lines.
    /// </summary>
    internal static class RealisticProject
    {
        /// <summary>Files in the project.</summary>
        public const int Files = 1000;

        /// <summary>Running Half sums planted: one in every 50th file.</summary>
        public const int PlantedSums = Files / 50;

        /// <summary>Softmax denominators summed in Half planted: one in every 100th file.</summary>
        public const int PlantedSoftmaxes = Files / 100;

        /// <summary>The source of file <paramref name="n"/>.</summary>
        public static string GenerateFile(int n) => (n % 5) switch
        {
            0 => MatrixKernels(n),
            1 => Statistics(n),
            2 => ImageFilters(n),
            3 => HalfStorage(n, plantAccumulation: n % 50 == 3),
            _ => Physics(n, plantSoftmax: n % 100 == 4),
        };

        private static string Header(int n) => $$"""
            using System;
            using System.Collections.Generic;
            using NumForge;

            namespace Realistic{{n % 23}}
            {

            """;

        private static string MatrixKernels(int n) => Header(n) + $$"""
                internal sealed class Matrices{{n}}
                {
                    private readonly int _tile = {{8 + (n % 8)}};

                    public void Multiply(float[] a, float[] b, float[] c, int rows, int inner, int cols)
                    {
                        for (int i = 0; i < rows; i++)
                        {
                            for (int j = 0; j < cols; j++)
                            {
                                float sum = 0f;
                                for (int k = 0; k < inner; k++)
                                {
                                    sum += a[i * inner + k] * b[k * cols + j];
                                }

                                c[i * cols + j] = sum;
                            }
                        }
                    }

                    public void Transpose(float[] source, float[] destination, int rows, int cols)
                    {
                        for (int i0 = 0; i0 < rows; i0 += _tile)
                        {
                            for (int j0 = 0; j0 < cols; j0 += _tile)
                            {
                                int iEnd = Math.Min(i0 + _tile, rows);
                                int jEnd = Math.Min(j0 + _tile, cols);
                                for (int i = i0; i < iEnd; i++)
                                {
                                    for (int j = j0; j < jEnd; j++)
                                    {
                                        destination[j * rows + i] = source[i * cols + j];
                                    }
                                }
                            }
                        }
                    }

                    public double Trace(double[,] m)
                    {
                        double trace = 0;
                        int size = Math.Min(m.GetLength(0), m.GetLength(1));
                        for (int i = 0; i < size; i++)
                        {
                            trace += m[i, i];
                        }

                        return trace;
                    }

                    public void AddScaled(Span<float> y, ReadOnlySpan<float> x, float alpha)
                    {
                        for (int i = 0; i < y.Length; i++)
                        {
                            y[i] += alpha * x[i];
                        }
                    }

                    public float FrobeniusNorm(float[] m)
                    {
                        double sum = 0;
                        foreach (float v in m)
                        {
                            sum += (double)v * v;
                        }

                        return (float)Math.Sqrt(sum);
                    }

                    public void Identity(float[] m, int size)
                    {
                        Array.Clear(m, 0, m.Length);
                        for (int i = 0; i < size; i++)
                        {
                            m[i * size + i] = 1f;
                        }
                    }

                    public void MatrixVector(float[] m, float[] x, float[] y, int rows, int cols)
                    {
                        for (int i = 0; i < rows; i++)
                        {
                            float sum = 0f;
                            int row = i * cols;
                            for (int j = 0; j < cols; j++)
                            {
                                sum += m[row + j] * x[j];
                            }

                            y[i] = sum;
                        }
                    }
                }
            }

            """;

        private static string Statistics(int n) => Header(n) + $$"""
                internal sealed class Statistics{{n}}
                {
                    private readonly int _bins = {{16 + (n % 16)}};

                    public (double Mean, double Variance) Welford(IReadOnlyList<double> values)
                    {
                        double mean = 0, m2 = 0;
                        for (int i = 0; i < values.Count; i++)
                        {
                            double delta = values[i] - mean;
                            mean += delta / (i + 1);
                            m2 += delta * (values[i] - mean);
                        }

                        return (mean, values.Count > 1 ? m2 / (values.Count - 1) : 0);
                    }

                    public int[] Histogram(float[] values, float min, float max)
                    {
                        var counts = new int[_bins];
                        float width = (max - min) / _bins;
                        foreach (float v in values)
                        {
                            int bin = (int)((v - min) / width);
                            if (bin >= 0 && bin < _bins)
                            {
                                counts[bin]++;
                            }
                        }

                        return counts;
                    }

                    public double Covariance(float[] x, float[] y)
                    {
                        double meanX = 0, meanY = 0;
                        for (int i = 0; i < x.Length; i++)
                        {
                            meanX += x[i];
                            meanY += y[i];
                        }

                        meanX /= x.Length;
                        meanY /= y.Length;
                        double sum = 0;
                        for (int i = 0; i < x.Length; i++)
                        {
                            sum += (x[i] - meanX) * (y[i] - meanY);
                        }

                        return sum / (x.Length - 1);
                    }

                    public float Median(float[] values)
                    {
                        var copy = (float[])values.Clone();
                        Array.Sort(copy);
                        int middle = copy.Length / 2;
                        return copy.Length % 2 == 1 ? copy[middle] : 0.5f * (copy[middle - 1] + copy[middle]);
                    }

                    public float MaxAbs(ReadOnlySpan<float> values)
                    {
                        float max = 0f;
                        foreach (float v in values)
                        {
                            max = Math.Max(max, Math.Abs(v));
                        }

                        return max;
                    }

                    public void Standardize(float[] values)
                    {
                        var (mean, variance) = Welford(Array.ConvertAll(values, v => (double)v));
                        float scale = variance > 0 ? (float)(1 / Math.Sqrt(variance)) : 1f;
                        for (int i = 0; i < values.Length; i++)
                        {
                            values[i] = (float)((values[i] - mean) * scale);
                        }
                    }

                    public (float Min, float Max) Range(float[] values)
                    {
                        float min = float.PositiveInfinity;
                        float max = float.NegativeInfinity;
                        for (int i = 0; i < values.Length; i++)
                        {
                            float v = values[i];
                            if (v < min)
                            {
                                min = v;
                            }

                            max = Math.Max(max, v);
                        }

                        return (min, max);
                    }
                }
            }

            """;

        private static string ImageFilters(int n) => Header(n) + $$"""
                internal sealed class Filters{{n}}
                {
                    private readonly float _gain = {{1 + (n % 7)}}f / 8f;

                    public void BoxBlur(byte[] source, byte[] destination, int width, int height)
                    {
                        for (int y = 1; y < height - 1; y++)
                        {
                            for (int x = 1; x < width - 1; x++)
                            {
                                int sum = 0;
                                for (int dy = -1; dy <= 1; dy++)
                                {
                                    for (int dx = -1; dx <= 1; dx++)
                                    {
                                        sum += source[(y + dy) * width + x + dx];
                                    }
                                }

                                destination[y * width + x] = (byte)(sum / 9);
                            }
                        }
                    }

                    public void Sobel(float[] image, float[] magnitude, int width, int height)
                    {
                        for (int y = 1; y < height - 1; y++)
                        {
                            for (int x = 1; x < width - 1; x++)
                            {
                                int i = y * width + x;
                                float gx = image[i - width + 1] + 2 * image[i + 1] + image[i + width + 1]
                                    - image[i - width - 1] - 2 * image[i - 1] - image[i + width - 1];
                                float gy = image[i + width - 1] + 2 * image[i + width] + image[i + width + 1]
                                    - image[i - width - 1] - 2 * image[i - width] - image[i - width + 1];
                                magnitude[i] = MathF.Sqrt(gx * gx + gy * gy);
                            }
                        }
                    }

                    public void Gamma(float[] pixels, float gamma)
                    {
                        for (int i = 0; i < pixels.Length; i++)
                        {
                            pixels[i] = MathF.Pow(Math.Clamp(pixels[i] * _gain, 0f, 1f), gamma);
                        }
                    }

                    public void ToGray(byte[] rgb, float[] gray)
                    {
                        for (int i = 0, p = 0; i < gray.Length; i++, p += 3)
                        {
                            gray[i] = 0.299f * rgb[p] + 0.587f * rgb[p + 1] + 0.114f * rgb[p + 2];
                        }
                    }

                    public float MeanBrightness(float[] gray)
                    {
                        double sum = 0;
                        for (int i = 0; i < gray.Length; i++)
                        {
                            sum += gray[i];
                        }

                        return gray.Length == 0 ? 0f : (float)(sum / gray.Length);
                    }

                    public void Threshold(float[] gray, byte[] mask, float level)
                    {
                        for (int i = 0; i < gray.Length; i++)
                        {
                            mask[i] = gray[i] >= level ? (byte)255 : (byte)0;
                        }
                    }

                    public void Convolve(float[] signal, float[] kernel, float[] output)
                    {
                        int half = kernel.Length / 2;
                        for (int i = half; i < signal.Length - half; i++)
                        {
                            float acc = 0f;
                            for (int k = 0; k < kernel.Length; k++)
                            {
                                acc += signal[i - half + k] * kernel[k];
                            }

                            output[i] = acc;
                        }
                    }
                }
            }

            """;

        private static string HalfStorage(int n, bool plantAccumulation) => Header(n) + $$"""
                internal sealed class Storage{{n}}
                {
                    private readonly float _scale = {{1 + (n % 5)}}f;

                    public void Widen(Half[] source, float[] destination)
                    {
                        for (int i = 0; i < source.Length; i++)
                        {
                            destination[i] = (float)source[i];
                        }
                    }

                    public void Narrow(float[] source, Half[] destination)
                    {
                        for (int i = 0; i < source.Length; i++)
                        {
                            destination[i] = (Half)(source[i] * _scale);
                        }
                    }

                    public float Dot(Half[] x, Half[] y)
                    {
                        float sum = 0f;
                        for (int i = 0; i < x.Length; i++)
                        {
                            sum += (float)x[i] * (float)y[i];
                        }

                        return sum;
                    }

                    public Half Max(Half[] values)
                    {
                        Half max = Half.NegativeInfinity;
                        foreach (Half v in values)
                        {
                            if (v > max)
                            {
                                max = v;
                            }
                        }

                        return max;
                    }

                    public float Dequantize(BFloat16[] weights, float[] activations)
                    {
                        float acc = 0f;
                        for (int i = 0; i < weights.Length; i++)
                        {
                            acc += (float)weights[i] * activations[i];
                        }

                        return acc;
                    }

                    public {{(plantAccumulation ? "Half" : "float")}} Total(Half[] values)
                    {
                        {{(plantAccumulation ? "Half total = default;" : "float total = 0f;")}}
                        for (int i = 0; i < values.Length; i++)
                        {
                            total += {{(plantAccumulation ? "values[i]" : "(float)values[i]")}};
                        }

                        return total;
                    }

                    public void Scale(Half[] values, float factor)
                    {
                        for (int i = 0; i < values.Length; i++)
                        {
                            values[i] = (Half)((float)values[i] * factor);
                        }
                    }

                    public int CountFinite(Half[] values)
                    {
                        int count = 0;
                        foreach (Half v in values)
                        {
                            if (Half.IsFinite(v))
                            {
                                count++;
                            }
                        }

                        return count;
                    }

                    public double Mean(Half[] values)
                    {
                        if (values.Length == 0)
                        {
                            return 0;
                        }

                        double sum = 0;
                        foreach (Half v in values)
                        {
                            sum += (double)v;
                        }

                        return sum / values.Length;
                    }
                }
            }

            """;

        private static string Physics(int n, bool plantSoftmax) => Header(n) + $$"""
                internal sealed class Physics{{n}}
                {
                    private readonly float _damping = 0.9{{n % 10}}f;

                    public void Step(float[] px, float[] py, float[] vx, float[] vy, float dt)
                    {
                        for (int i = 0; i < px.Length; i++)
                        {
                            vy[i] -= 9.81f * dt;
                            vx[i] *= _damping;
                            px[i] += vx[i] * dt;
                            py[i] += vy[i] * dt;
                            if (py[i] < 0f)
                            {
                                py[i] = -py[i];
                                vy[i] = -vy[i] * _damping;
                            }
                        }
                    }

                    public double KineticEnergy(float[] vx, float[] vy, float mass)
                    {
                        double energy = 0;
                        for (int i = 0; i < vx.Length; i++)
                        {
                            energy += 0.5 * mass * ((double)vx[i] * vx[i] + (double)vy[i] * vy[i]);
                        }

                        return energy;
                    }

                    public void Springs(float[] x, float[] force, float stiffness, float rest)
                    {
                        for (int i = 1; i < x.Length; i++)
                        {
                            float stretch = x[i] - x[i - 1] - rest;
                            force[i] -= stiffness * stretch;
                            force[i - 1] += stiffness * stretch;
                        }
                    }

                    public float Softmax(Half[] logits, float[] probabilities)
                    {
                        float max = float.NegativeInfinity;
                        foreach (Half l in logits)
                        {
                            max = Math.Max(max, (float)l);
                        }

                        {{(plantSoftmax ? "Half denominator = default;" : "float denominator = 0f;")}}
                        for (int i = 0; i < logits.Length; i++)
                        {
                            {{(plantSoftmax ? "denominator += Half.Exp(logits[i] - (Half)max);" : "denominator += MathF.Exp((float)logits[i] - max);")}}
                        }

                        for (int i = 0; i < logits.Length; i++)
                        {
                            probabilities[i] = MathF.Exp((float)logits[i] - max) / (float)denominator;
                        }

                        return max;
                    }

                    public void Integrate(Half[] positions, float[] velocities, float dt)
                    {
                        var p = new float[positions.Length];
                        for (int i = 0; i < p.Length; i++)
                        {
                            p[i] = (float)positions[i];
                        }

                        for (int i = 0; i < p.Length; i++)
                        {
                            p[i] += velocities[i] * dt;
                            positions[i] = (Half)p[i];
                        }
                    }

                    public int Collide(float[] px, float[] py, float radius)
                    {
                        int contacts = 0;
                        float limit = 4f * radius * radius;
                        for (int i = 0; i < px.Length; i++)
                        {
                            for (int j = i + 1; j < px.Length; j++)
                            {
                                float dx = px[i] - px[j], dy = py[i] - py[j];
                                if (dx * dx + dy * dy < limit)
                                {
                                    contacts++;
                                }
                            }
                        }

                        return contacts;
                    }
                }
            }

            """;
    }
}
