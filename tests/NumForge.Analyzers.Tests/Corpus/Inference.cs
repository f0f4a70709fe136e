// Corpus: a CPU executor for a small transformer with Half weights and activations, written the way a port of a
// GPU kernel library tends to look. Some kernels accumulate in float, some were ported literally.
using System;
using System.Numerics.Tensors;
using NumForge;

namespace Corpus.Inference;

/// <summary>Normalization kernels.</summary>
public static class Norms
{
    /// <summary>RMSNorm as ported: sum of squares in Half.</summary>
    public static void RmsNormHalf(ReadOnlySpan<Half> x, ReadOnlySpan<Half> weight, Span<Half> y, Half epsilon)
    {
        Half ss = Half.Zero;
        for (int i = 0; i < x.Length; i++)
        {
            ss += x[i] * x[i];
        }

        ss = ss / (Half)x.Length + epsilon;
        Half scale = Half.One / Half.Sqrt(ss);
        for (int i = 0; i < x.Length; i++)
        {
            y[i] = weight[i] * (scale * x[i]);
        }
    }

    /// <summary>RMSNorm with float accumulation.</summary>
    public static void RmsNorm(ReadOnlySpan<Half> x, ReadOnlySpan<Half> weight, Span<Half> y, float epsilon)
    {
        float ss = 0f;
        for (int i = 0; i < x.Length; i++)
        {
            float v = (float)x[i];
            ss += v * v;
        }

        float scale = 1f / MathF.Sqrt(ss / x.Length + epsilon);
        for (int i = 0; i < x.Length; i++)
        {
            y[i] = (Half)((float)weight[i] * scale * (float)x[i]);
        }
    }

    /// <summary>LayerNorm in float over float activations.</summary>
    public static void LayerNorm(Span<float> x, ReadOnlySpan<float> gamma, ReadOnlySpan<float> beta, float epsilon)
    {
        float mean = 0f;
        for (int i = 0; i < x.Length; i++)
        {
            mean += x[i];
        }

        mean /= x.Length;
        float variance = 0f;
        for (int i = 0; i < x.Length; i++)
        {
            float d = x[i] - mean;
            variance += d * d;
        }

        variance /= x.Length;
        float inv = 1f / MathF.Sqrt(variance + epsilon);
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = (x[i] - mean) * inv * gamma[i] + beta[i];
        }
    }
}

/// <summary>Softmax and friends.</summary>
public static class Activations
{
    /// <summary>Softmax as ported: exponentials stored in the output, denominator in float.</summary>
    public static void SoftmaxHalf(Span<Half> x)
    {
        Half max = Half.NegativeInfinity;
        for (int i = 0; i < x.Length; i++)
        {
            max = Half.Max(max, x[i]);
        }

        for (int i = 0; i < x.Length; i++)
        {
            x[i] = Half.Exp(x[i] - max);
        }

        float sum = 0f;
        for (int i = 0; i < x.Length; i++)
        {
            sum += (float)x[i];
        }

        float inverse = 1f / sum;
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = (Half)((float)x[i] * inverse);
        }
    }

    /// <summary>Softmax computed in float on a float scratch buffer.</summary>
    public static void Softmax(ReadOnlySpan<Half> logits, Span<float> probabilities)
    {
        float max = float.NegativeInfinity;
        for (int i = 0; i < logits.Length; i++)
        {
            max = MathF.Max(max, (float)logits[i]);
        }

        float sum = 0f;
        for (int i = 0; i < logits.Length; i++)
        {
            float e = MathF.Exp((float)logits[i] - max);
            probabilities[i] = e;
            sum += e;
        }

        for (int i = 0; i < logits.Length; i++)
        {
            probabilities[i] /= sum;
        }
    }

    /// <summary>Library softmax over Half.</summary>
    public static void SoftmaxLibrary(Half[] logits, Half[] probabilities)
    {
        TensorPrimitives.SoftMax<Half>(logits, probabilities);
    }

    /// <summary>SiLU gate, element-wise in Half.</summary>
    public static void SwiGlu(Span<Half> gate, ReadOnlySpan<Half> up)
    {
        for (int i = 0; i < gate.Length; i++)
        {
            Half g = gate[i];
            gate[i] = g / (Half.One + Half.Exp(-g)) * up[i];
        }
    }

    /// <summary>GELU (tanh approximation) computed in float per element.</summary>
    public static void Gelu(Span<Half> x)
    {
        for (int i = 0; i < x.Length; i++)
        {
            float v = (float)x[i];
            float t = MathF.Tanh(0.7978845608f * (v + 0.044715f * v * v * v));
            x[i] = (Half)(0.5f * v * (1f + t));
        }
    }

    /// <summary>Log-softmax for the loss, with a Half log-sum-exp.</summary>
    public static Half CrossEntropy(Half[] logits, int target)
    {
        Half max = Half.NegativeInfinity;
        foreach (Half l in logits)
        {
            max = Half.Max(max, l);
        }

        Half sum = Half.Zero;
        foreach (Half l in logits)
        {
            Half e = Half.Exp(l - max);
            sum += e;
        }

        return Half.Log(sum) + max - logits[target];
    }
}

/// <summary>Attention over a Half KV cache.</summary>
public sealed class Attention
{
    private readonly Half[] _keys;
    private readonly Half[] _values;
    private readonly int _headSize;
    private int _length;

    public Attention(int capacity, int headSize)
    {
        _keys = new Half[capacity * headSize];
        _values = new Half[capacity * headSize];
        _headSize = headSize;
    }

    public void Append(ReadOnlySpan<Half> key, ReadOnlySpan<Half> value)
    {
        key.CopyTo(_keys.AsSpan(_length * _headSize, _headSize));
        value.CopyTo(_values.AsSpan(_length * _headSize, _headSize));
        _length++;
    }

    /// <summary>Scores with float dot products, softmax in float, weighted sum of values in float.</summary>
    public void Attend(ReadOnlySpan<Half> query, Span<Half> output)
    {
        var scores = new float[_length];
        float scale = 1f / MathF.Sqrt(_headSize);
        for (int t = 0; t < _length; t++)
        {
            float dot = 0f;
            for (int d = 0; d < _headSize; d++)
            {
                dot += (float)query[d] * (float)_keys[t * _headSize + d];
            }

            scores[t] = dot * scale;
        }

        float max = TensorPrimitives.Max<float>(scores);
        float sum = 0f;
        for (int t = 0; t < _length; t++)
        {
            scores[t] = MathF.Exp(scores[t] - max);
            sum += scores[t];
        }

        var acc = new float[_headSize];
        for (int t = 0; t < _length; t++)
        {
            float w = scores[t] / sum;
            for (int d = 0; d < _headSize; d++)
            {
                acc[d] += w * (float)_values[t * _headSize + d];
            }
        }

        for (int d = 0; d < _headSize; d++)
        {
            output[d] = (Half)acc[d];
        }
    }

    /// <summary>The ported version: output accumulated in Half across timesteps.</summary>
    public void AttendHalf(ReadOnlySpan<Half> weights, Span<Half> output)
    {
        output.Clear();
        for (int t = 0; t < _length; t++)
        {
            for (int d = 0; d < _headSize; d++)
            {
                output[d] += weights[t] * _values[t * _headSize + d];
            }
        }
    }
}

/// <summary>Rotary position embedding, float math on Half storage.</summary>
public static class Rope
{
    public static void Apply(Span<Half> q, int position, float theta)
    {
        for (int i = 0; i < q.Length; i += 2)
        {
            float frequency = 1f / MathF.Pow(theta, (float)i / q.Length);
            float angle = position * frequency;
            float c = MathF.Cos(angle);
            float s = MathF.Sin(angle);
            float x0 = (float)q[i];
            float x1 = (float)q[i + 1];
            q[i] = (Half)(x0 * c - x1 * s);
            q[i + 1] = (Half)(x0 * s + x1 * c);
        }
    }
}

/// <summary>Sampling from logits.</summary>
public static class Sampling
{
    public static int ArgMax(ReadOnlySpan<Half> logits)
    {
        int best = 0;
        for (int i = 1; i < logits.Length; i++)
        {
            if (logits[i] > logits[best])
            {
                best = i;
            }
        }

        return best;
    }

    /// <summary>Temperature applied in Half, then the CDF walked in float.</summary>
    public static int Sample(Half[] logits, Half temperature, float coin)
    {
        for (int i = 0; i < logits.Length; i++)
        {
            logits[i] /= temperature;
        }

        var probabilities = new float[logits.Length];
        Activations.Softmax(logits, probabilities);
        float cdf = 0f;
        for (int i = 0; i < probabilities.Length; i++)
        {
            cdf += probabilities[i];
            if (coin < cdf)
            {
                return i;
            }
        }

        return probabilities.Length - 1;
    }

    /// <summary>Top-p filter: sorts indices by probability and keeps the nucleus.</summary>
    public static int NucleusSize(float[] probabilities, float topP)
    {
        var sorted = (float[])probabilities.Clone();
        Array.Sort(sorted);
        Array.Reverse(sorted);
        float mass = 0f;
        int count = 0;
        while (count < sorted.Length && mass < topP)
        {
            mass += sorted[count];
            count++;
        }

        return count;
    }

    /// <summary>Repetition penalty on Half logits for tokens seen so far.</summary>
    public static void PenalizeRepeats(Half[] logits, int[] history, Half penalty)
    {
        foreach (int token in history)
        {
            logits[token] = logits[token] > Half.Zero ? logits[token] / penalty : logits[token] * penalty;
        }
    }

    /// <summary>A logit bias of exactly 0.1 is treated as "unset" by the config loader.</summary>
    public static bool IsDefaultBias(Half bias) => (float)bias == 0.1f;
}

/// <summary>Int4 weight dequantization with a float scale per group.</summary>
public static class Int4Weights
{
    public static void Dequantize(Int4[] quantized, float[] scales, int groupSize, Span<float> output)
    {
        for (int i = 0; i < quantized.Length; i++)
        {
            output[i] = (int)quantized[i] * scales[i / groupSize];
        }
    }

    public static Int4 Clamp(int value) => (Int4)Math.Clamp(value, -8, 7);

    public static Int4 Offset => (Int4)(-8);

    /// <summary>Initial zero point from a config constant that does not fit.</summary>
    public static Int4 DefaultZeroPoint => (Int4)8;

    /// <summary>Sum of quantized codes per group, kept in Int4.</summary>
    public static Int4 GroupChecksum(Int4[] codes)
    {
        Int4 checksum = default;
        for (int i = 0; i < codes.Length; i++)
        {
            checksum += codes[i];
        }

        return checksum;
    }
}
