// Corpus for the analyzer review (docs/diagnostics/corpus-review.md): dense linear algebra kernels in the style of
// small numeric libraries. Most code computes in float; some stores Half/BFloat16 and a few kernels compute in them.
using System;
using System.Numerics.Tensors;
using NumForge;

namespace Corpus.Linear;

/// <summary>A row-major dense matrix of floats.</summary>
public sealed class DenseMatrix
{
    public DenseMatrix(int rows, int columns)
    {
        Rows = rows;
        Columns = columns;
        Data = new float[rows * columns];
    }

    public int Rows { get; }

    public int Columns { get; }

    public float[] Data { get; }

    public float this[int r, int c]
    {
        get => Data[r * Columns + c];
        set => Data[r * Columns + c] = value;
    }

    public static DenseMatrix Identity(int n)
    {
        var m = new DenseMatrix(n, n);
        for (int i = 0; i < n; i++)
        {
            m[i, i] = 1f;
        }

        return m;
    }

    public DenseMatrix Transpose()
    {
        var t = new DenseMatrix(Columns, Rows);
        for (int r = 0; r < Rows; r++)
        {
            for (int c = 0; c < Columns; c++)
            {
                t[c, r] = this[r, c];
            }
        }

        return t;
    }
}

/// <summary>General matrix products in float, with Half or BFloat16 storage in places.</summary>
public static class Gemm
{
    /// <summary>C = A * B, all float, naive ijk.</summary>
    public static void MultiplyFloat(float[] a, float[] b, float[] c, int m, int n, int k)
    {
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                float sum = 0f;
                for (int p = 0; p < k; p++)
                {
                    sum += a[i * k + p] * b[p * n + j];
                }

                c[i * n + j] = sum;
            }
        }
    }

    /// <summary>Half storage, float accumulation: the mixed-precision way.</summary>
    public static void MultiplyHalfStorage(Half[] a, Half[] b, Half[] c, int m, int n, int k)
    {
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                float sum = 0f;
                for (int p = 0; p < k; p++)
                {
                    sum += (float)a[i * k + p] * (float)b[p * n + j];
                }

                c[i * n + j] = (Half)sum;
            }
        }
    }

    /// <summary>A naive port that keeps the running sum in Half.</summary>
    public static void MultiplyHalfNaive(Half[] a, Half[] b, Half[] c, int m, int n, int k)
    {
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                Half sum = Half.Zero;
                for (int p = 0; p < k; p++)
                {
                    sum += a[i * k + p] * b[p * n + j];
                }

                c[i * n + j] = sum;
            }
        }
    }

    /// <summary>Cache-friendly ikj order over BFloat16 storage, accumulating into C directly.</summary>
    public static void MultiplyIkj(BFloat16[,] a, BFloat16[,] b, BFloat16[,] c)
    {
        int m = a.GetLength(0);
        int k = a.GetLength(1);
        int n = b.GetLength(1);
        for (int i = 0; i < m; i++)
        {
            for (int p = 0; p < k; p++)
            {
                BFloat16 aip = a[i, p];
                for (int j = 0; j < n; j++)
                {
                    c[i, j] += aip * b[p, j];
                }
            }
        }
    }

    /// <summary>Blocked float product with a tile of 32.</summary>
    public static void MultiplyTiled(float[] a, float[] b, float[] c, int n)
    {
        const int Tile = 32;
        Array.Clear(c);
        for (int ii = 0; ii < n; ii += Tile)
        {
            for (int kk = 0; kk < n; kk += Tile)
            {
                for (int jj = 0; jj < n; jj += Tile)
                {
                    int iMax = Math.Min(ii + Tile, n);
                    int kMax = Math.Min(kk + Tile, n);
                    int jMax = Math.Min(jj + Tile, n);
                    for (int i = ii; i < iMax; i++)
                    {
                        for (int p = kk; p < kMax; p++)
                        {
                            float aip = a[i * n + p];
                            for (int j = jj; j < jMax; j++)
                            {
                                c[i * n + j] += aip * b[p * n + j];
                            }
                        }
                    }
                }
            }
        }
    }

    /// <summary>y = W x with Half weights, float accumulation, Half output.</summary>
    public static void MatVec(ReadOnlySpan<Half> weights, ReadOnlySpan<float> x, Span<Half> y, int rows, int columns)
    {
        for (int r = 0; r < rows; r++)
        {
            ReadOnlySpan<Half> row = weights.Slice(r * columns, columns);
            float acc = 0f;
            for (int c = 0; c < columns; c++)
            {
                acc += (float)row[c] * x[c];
            }

            y[r] = (Half)acc;
        }
    }

    /// <summary>Dot products of many BFloat16 pairs, float accumulators.</summary>
    public static void BatchedDot(BFloat16[][] left, BFloat16[][] right, float[] results)
    {
        for (int b = 0; b < left.Length; b++)
        {
            BFloat16[] x = left[b];
            BFloat16[] y = right[b];
            float acc = 0f;
            for (int i = 0; i < x.Length; i++)
            {
                acc += (float)x[i] * (float)y[i];
            }

            results[b] = acc;
        }
    }
}

/// <summary>Level-1 BLAS-like helpers.</summary>
public static class Blas1
{
    /// <summary>y += alpha * x in float.</summary>
    public static void Axpy(float alpha, ReadOnlySpan<float> x, Span<float> y)
    {
        for (int i = 0; i < x.Length; i++)
        {
            y[i] += alpha * x[i];
        }
    }

    /// <summary>y += alpha * x over Half storage, computed element by element in Half.</summary>
    public static void AxpyHalf(Half alpha, Half[] x, Half[] y)
    {
        for (int i = 0; i < x.Length; i++)
        {
            y[i] += alpha * x[i];
        }
    }

    /// <summary>Scale a Half vector through float.</summary>
    public static void ScaleHalf(Half[] x, float alpha)
    {
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = (Half)((float)x[i] * alpha);
        }
    }

    /// <summary>Copy with conversion: quiet, it only moves values.</summary>
    public static void Widen(Half[] source, float[] destination)
    {
        for (int i = 0; i < source.Length; i++)
        {
            destination[i] = (float)source[i];
        }
    }

    /// <summary>Largest magnitude in Half: comparisons only.</summary>
    public static int ArgMaxAbs(Half[] x)
    {
        int best = 0;
        Half bestValue = Half.Abs(x[0]);
        for (int i = 1; i < x.Length; i++)
        {
            Half v = Half.Abs(x[i]);
            if (v > bestValue)
            {
                bestValue = v;
                best = i;
            }
        }

        return best;
    }

    /// <summary>Euclidean norm of a Half vector with the sum of squares in Half.</summary>
    public static Half NormHalf(Half[] x)
    {
        Half sumSquares = Half.Zero;
        for (int i = 0; i < x.Length; i++)
        {
            sumSquares += x[i] * x[i];
        }

        return Half.Sqrt(sumSquares);
    }

    /// <summary>Euclidean norm with float accumulation: the right way.</summary>
    public static float Norm(ReadOnlySpan<Half> x)
    {
        float sumSquares = 0f;
        foreach (Half h in x)
        {
            float f = (float)h;
            sumSquares += f * f;
        }

        return MathF.Sqrt(sumSquares);
    }

    /// <summary>Library reductions over Half spans.</summary>
    public static Half SumWithLibrary(Half[] x) => TensorPrimitives.Sum<Half>(x);

    /// <summary>Library reduction over float data.</summary>
    public static float DotWithLibrary(float[] x, float[] y) => TensorPrimitives.Dot(x, y);
}

/// <summary>Factorizations in float.</summary>
public static class Factorizations
{
    /// <summary>In-place Cholesky of a symmetric positive definite matrix (lower triangle).</summary>
    public static bool Cholesky(float[,] a)
    {
        int n = a.GetLength(0);
        for (int j = 0; j < n; j++)
        {
            float diagonal = a[j, j];
            for (int k = 0; k < j; k++)
            {
                diagonal -= a[j, k] * a[j, k];
            }

            if (diagonal <= 0f)
            {
                return false;
            }

            float root = MathF.Sqrt(diagonal);
            a[j, j] = root;
            for (int i = j + 1; i < n; i++)
            {
                float s = a[i, j];
                for (int k = 0; k < j; k++)
                {
                    s -= a[i, k] * a[j, k];
                }

                a[i, j] = s / root;
            }
        }

        return true;
    }

    /// <summary>Doolittle LU with partial pivoting; returns the permutation.</summary>
    public static int[] LuDecompose(float[,] a)
    {
        int n = a.GetLength(0);
        var permutation = new int[n];
        for (int i = 0; i < n; i++)
        {
            permutation[i] = i;
        }

        for (int k = 0; k < n; k++)
        {
            int pivot = k;
            float best = MathF.Abs(a[k, k]);
            for (int i = k + 1; i < n; i++)
            {
                float v = MathF.Abs(a[i, k]);
                if (v > best)
                {
                    best = v;
                    pivot = i;
                }
            }

            if (pivot != k)
            {
                for (int j = 0; j < n; j++)
                {
                    (a[k, j], a[pivot, j]) = (a[pivot, j], a[k, j]);
                }

                (permutation[k], permutation[pivot]) = (permutation[pivot], permutation[k]);
            }

            for (int i = k + 1; i < n; i++)
            {
                a[i, k] /= a[k, k];
                for (int j = k + 1; j < n; j++)
                {
                    a[i, j] -= a[i, k] * a[k, j];
                }
            }
        }

        return permutation;
    }

    /// <summary>Forward and back substitution after <see cref="LuDecompose"/>.</summary>
    public static float[] Solve(float[,] lu, int[] permutation, float[] b)
    {
        int n = b.Length;
        var y = new float[n];
        for (int i = 0; i < n; i++)
        {
            float s = b[permutation[i]];
            for (int j = 0; j < i; j++)
            {
                s -= lu[i, j] * y[j];
            }

            y[i] = s;
        }

        var x = new float[n];
        for (int i = n - 1; i >= 0; i--)
        {
            float s = y[i];
            for (int j = i + 1; j < n; j++)
            {
                s -= lu[i, j] * x[j];
            }

            x[i] = s / lu[i, i];
        }

        return x;
    }

    /// <summary>Power iteration for the dominant eigenvalue, state kept in float.</summary>
    public static float PowerIteration(float[,] a, int iterations)
    {
        int n = a.GetLength(0);
        var v = new float[n];
        var w = new float[n];
        Array.Fill(v, 1f / MathF.Sqrt(n));
        float lambda = 0f;
        for (int it = 0; it < iterations; it++)
        {
            for (int i = 0; i < n; i++)
            {
                float s = 0f;
                for (int j = 0; j < n; j++)
                {
                    s += a[i, j] * v[j];
                }

                w[i] = s;
            }

            float norm = MathF.Sqrt(TensorPrimitives.SumOfSquares(w));
            lambda = TensorPrimitives.Dot(v, w);
            for (int i = 0; i < n; i++)
            {
                v[i] = w[i] / norm;
            }
        }

        return lambda;
    }
}
