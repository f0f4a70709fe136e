// Corpus: descriptive statistics over sensor logs stored in Half (half the memory of float), as a telemetry service
// might write them. Summaries are mostly computed in double or float; some helpers were written in Half.
using System;
using System.Collections.Generic;
using System.Linq;
using NumForge;

namespace Corpus.Statistics;

/// <summary>Running summaries of a stream of readings.</summary>
public sealed class RunningStats
{
    private long _count;
    private double _mean;
    private double _m2;
    private Half _lastReading;
    private Half _sumHalf;
    private float _min = float.PositiveInfinity;
    private float _max = float.NegativeInfinity;

    public long Count => _count;

    public double Mean => _mean;

    public double Variance => _count > 1 ? _m2 / (_count - 1) : 0;

    public double StandardDeviation => Math.Sqrt(Variance);

    /// <summary>Welford's update, in double.</summary>
    public void Add(Half reading)
    {
        double x = (double)reading;
        _count++;
        double delta = x - _mean;
        _mean += delta / _count;
        _m2 += delta * (x - _mean);
        _lastReading = reading;
        _min = MathF.Min(_min, (float)reading);
        _max = MathF.Max(_max, (float)reading);
    }

    /// <summary>Adds a batch; also keeps a quick Half total for the dashboard.</summary>
    public void AddRange(ReadOnlySpan<Half> readings)
    {
        foreach (Half reading in readings)
        {
            Add(reading);
            _sumHalf += reading;
        }
    }

    public Half LastReading => _lastReading;

    public Half QuickTotal => _sumHalf;

    public float Range => _max - _min;
}

/// <summary>Whole-array statistics.</summary>
public static class Descriptive
{
    public static double Mean(ReadOnlySpan<Half> x)
    {
        double sum = 0;
        foreach (Half v in x)
        {
            sum += (double)v;
        }

        return x.Length == 0 ? 0 : sum / x.Length;
    }

    /// <summary>A Half mean as first written: the sum stays in Half.</summary>
    public static Half MeanHalf(Half[] x)
    {
        Half sum = Half.Zero;
        for (int i = 0; i < x.Length; i++)
        {
            sum += x[i];
        }

        return sum / (Half)x.Length;
    }

    /// <summary>Two-pass variance in float over Half data.</summary>
    public static float Variance(Half[] x)
    {
        float mean = 0f;
        foreach (Half v in x)
        {
            mean += (float)v;
        }

        mean /= x.Length;
        float acc = 0f;
        foreach (Half v in x)
        {
            float d = (float)v - mean;
            acc += d * d;
        }

        return acc / (x.Length - 1);
    }

    /// <summary>Variance with the deviations squared in Half before summing in float.</summary>
    public static float VarianceHalfSquares(Half[] x, Half mean)
    {
        float acc = 0f;
        for (int i = 0; i < x.Length; i++)
        {
            Half d = x[i] - mean;
            Half square = d * d;
            acc += (float)square;
        }

        return acc / (x.Length - 1);
    }

    /// <summary>Standard deviation of BFloat16 samples, all in BFloat16.</summary>
    public static BFloat16 StdDevBf16(BFloat16[] x, BFloat16 mean)
    {
        BFloat16 acc = BFloat16.Zero;
        foreach (BFloat16 v in x)
        {
            BFloat16 d = v - mean;
            acc = acc + d * d;
        }

        return BFloat16.Sqrt(acc / (BFloat16)(x.Length - 1));
    }

    public static float Median(Half[] x)
    {
        var sorted = new float[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            sorted[i] = (float)x[i];
        }

        Array.Sort(sorted);
        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : 0.5f * (sorted[mid - 1] + sorted[mid]);
    }

    public static float Percentile(float[] sorted, float p)
    {
        if (sorted.Length == 0)
        {
            return float.NaN;
        }

        float rank = p / 100f * (sorted.Length - 1);
        int lower = (int)MathF.Floor(rank);
        int upper = Math.Min(lower + 1, sorted.Length - 1);
        float fraction = rank - lower;
        return sorted[lower] + fraction * (sorted[upper] - sorted[lower]);
    }

    public static double Covariance(ReadOnlySpan<Half> x, ReadOnlySpan<Half> y)
    {
        double mx = Mean(x);
        double my = Mean(y);
        double acc = 0;
        for (int i = 0; i < x.Length; i++)
        {
            acc += ((double)x[i] - mx) * ((double)y[i] - my);
        }

        return acc / (x.Length - 1);
    }

    public static double Correlation(Half[] x, Half[] y)
    {
        double c = Covariance(x, y);
        double sx = Math.Sqrt(Covariance(x, x));
        double sy = Math.Sqrt(Covariance(y, y));
        return c / (sx * sy);
    }

    /// <summary>Z-scores written back into the Half array, computed in float.</summary>
    public static void Standardize(Half[] x)
    {
        float mean = (float)Mean(x);
        float sd = MathF.Sqrt(Variance(x));
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = (Half)(((float)x[i] - mean) / sd);
        }
    }

    /// <summary>Min-max scaling in Half.</summary>
    public static void MinMaxScale(Half[] x)
    {
        Half min = Half.PositiveInfinity;
        Half max = Half.NegativeInfinity;
        foreach (Half v in x)
        {
            min = Half.Min(min, v);
            max = Half.Max(max, v);
        }

        Half range = max - min;
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = (x[i] - min) / range;
        }
    }

    /// <summary>L1-normalizes weights so they sum to one; the total is kept in Half.</summary>
    public static void NormalizeWeights(Half[] weights)
    {
        Half total = Half.Zero;
        foreach (Half w in weights)
        {
            total += w;
        }

        for (int i = 0; i < weights.Length; i++)
        {
            weights[i] = weights[i] / total;
        }
    }
}

/// <summary>Histograms and counting.</summary>
public static class Histograms
{
    /// <summary>Counts in int: exact.</summary>
    public static int[] Count(ReadOnlySpan<Half> x, float lo, float hi, int bins)
    {
        var counts = new int[bins];
        float width = (hi - lo) / bins;
        foreach (Half v in x)
        {
            int b = (int)(((float)v - lo) / width);
            if (b >= 0 && b < bins)
            {
                counts[b]++;
            }
        }

        return counts;
    }

    /// <summary>Weighted histogram with Half weights summed into Half bins.</summary>
    public static Half[] Weighted(float[] values, Half[] weights, float lo, float width, int bins)
    {
        var sums = new Half[bins];
        for (int i = 0; i < values.Length; i++)
        {
            int b = Math.Clamp((int)((values[i] - lo) / width), 0, bins - 1);
            sums[b] += weights[i];
        }

        return sums;
    }

    /// <summary>Weighted histogram accumulated in float, stored as Half at the end.</summary>
    public static Half[] WeightedInFloat(float[] values, Half[] weights, float lo, float width, int bins)
    {
        var sums = new float[bins];
        for (int i = 0; i < values.Length; i++)
        {
            int b = Math.Clamp((int)((values[i] - lo) / width), 0, bins - 1);
            sums[b] += (float)weights[i];
        }

        var result = new Half[bins];
        for (int b = 0; b < bins; b++)
        {
            result[b] = (Half)sums[b];
        }

        return result;
    }

    /// <summary>Group totals by a category index.</summary>
    public static BFloat16[] GroupTotals(int[] category, BFloat16[] amount, int groups)
    {
        var totals = new BFloat16[groups];
        for (int i = 0; i < amount.Length; i++)
        {
            totals[category[i]] += amount[i];
        }

        return totals;
    }

    /// <summary>Counts readings above a threshold, with the counter in Half.</summary>
    public static Half CountAbove(Half[] readings, Half threshold)
    {
        Half count = Half.Zero;
        foreach (Half r in readings)
        {
            if (r > threshold)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The fraction of saturated samples in a fixed 256-sample frame.</summary>
    public static float SaturatedFraction(Half[] frame)
    {
        Half saturated = Half.Zero;
        for (int i = 0; i < 256; i++)
        {
            if (Half.IsInfinity(frame[i]) || (float)frame[i] == 65504f)
            {
                saturated++;
            }
        }

        return (float)saturated / 256f;
    }

    /// <summary>Sensor sentinel check written against a float constant.</summary>
    public static bool IsCalibrationValue(Half reading) => (float)reading == 0.3f;

    /// <summary>Overload detection that can never fire for a finite Half.</summary>
    public static bool IsOverloaded(Half reading) => (float)reading > 100000f;

    public static bool IsHigh(Half reading) => (float)reading > 0.3f;
}

/// <summary>Smoothing of time series.</summary>
public static class Smoothing
{
    /// <summary>Exponential moving average with the state stored in Half between samples.</summary>
    public static Half Ema(ReadOnlySpan<float> samples, float alpha)
    {
        Half state = Half.Zero;
        foreach (float s in samples)
        {
            state = (Half)(alpha * s + (1f - alpha) * (float)state);
        }

        return state;
    }

    /// <summary>EMA kept in float, only the output stored as Half.</summary>
    public static void EmaSeries(ReadOnlySpan<float> samples, Span<Half> output, float alpha)
    {
        float state = 0f;
        for (int i = 0; i < samples.Length; i++)
        {
            state = alpha * samples[i] + (1f - alpha) * state;
            output[i] = (Half)state;
        }
    }

    /// <summary>Simple moving average with a float window sum.</summary>
    public static float[] MovingAverage(float[] x, int window)
    {
        var result = new float[x.Length - window + 1];
        float sum = 0f;
        for (int i = 0; i < window; i++)
        {
            sum += x[i];
        }

        result[0] = sum / window;
        for (int i = window; i < x.Length; i++)
        {
            sum += x[i] - x[i - window];
            result[i - window + 1] = sum / window;
        }

        return result;
    }

    /// <summary>Geometric mean via logs, in double.</summary>
    public static double GeometricMean(IEnumerable<Half> values)
    {
        double logSum = 0;
        int n = 0;
        foreach (Half v in values)
        {
            logSum += Math.Log((double)v);
            n++;
        }

        return Math.Exp(logSum / n);
    }

    /// <summary>Log-likelihood of Half probabilities, product kept in Half.</summary>
    public static Half Likelihood(Half[] probabilities)
    {
        Half product = Half.One;
        for (int i = 0; i < probabilities.Length; i++)
        {
            product *= probabilities[i];
        }

        return product;
    }

    public static float MaxDrawdown(IReadOnlyList<float> equity)
    {
        float peak = float.NegativeInfinity;
        float worst = 0f;
        foreach (float e in equity)
        {
            peak = MathF.Max(peak, e);
            worst = MathF.Max(worst, (peak - e) / peak);
        }

        return worst;
    }

    public static float TotalWithLinq(IEnumerable<Half> values) => values.Select(v => (float)v).Sum();
}
