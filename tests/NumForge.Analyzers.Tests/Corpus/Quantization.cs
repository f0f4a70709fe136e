// Corpus: weight quantization utilities (per-tensor FP8 scaling, Int4 groups, 2-bit codes), in the style of a model
// conversion script ported to C#. Scales and statistics are float; codes are the NumForge formats.
using System;
using NumForge;

namespace Corpus.Quantization;

/// <summary>Per-tensor FP8 (E4M3) scaling.</summary>
public static class Fp8Scaling
{
    private const float E4M3Max = 448f;

    /// <summary>absmax in float, then scale so the largest value maps to 448.</summary>
    public static float ComputeScale(ReadOnlySpan<float> weights)
    {
        float absMax = 0f;
        foreach (float w in weights)
        {
            absMax = MathF.Max(absMax, MathF.Abs(w));
        }

        return absMax == 0f ? 1f : E4M3Max / absMax;
    }

    public static void Quantize(ReadOnlySpan<float> weights, float scale, Span<Float8E4M3FN> codes)
    {
        for (int i = 0; i < weights.Length; i++)
        {
            codes[i] = (Float8E4M3FN)(weights[i] * scale);
        }
    }

    public static void Dequantize(ReadOnlySpan<Float8E4M3FN> codes, float scale, Span<float> weights)
    {
        float inverse = 1f / scale;
        for (int i = 0; i < codes.Length; i++)
        {
            weights[i] = (float)codes[i] * inverse;
        }
    }

    /// <summary>Mean squared quantization error in double.</summary>
    public static double Error(ReadOnlySpan<float> weights, ReadOnlySpan<Float8E4M3FN> codes, float scale)
    {
        double acc = 0;
        for (int i = 0; i < weights.Length; i++)
        {
            double d = weights[i] - (float)codes[i] / scale;
            acc += d * d;
        }

        return acc / weights.Length;
    }

    /// <summary>Sum of FP8 codes kept in FP8: a checksum that saturates almost at once.</summary>
    public static Float8E4M3FN CodeSum(Float8E4M3FN[] codes)
    {
        Float8E4M3FN sum = Float8E4M3FN.Zero;
        foreach (Float8E4M3FN c in codes)
        {
            sum += c;
        }

        return sum;
    }

    /// <summary>Default clamp written with the E4M3FNUZ maximum by mistake.</summary>
    public static Float8E4M3FN Ceiling => (Float8E4M3FN)480f;

    public static Float8E4M3FN Unit => (Float8E4M3FN)1f;

    /// <summary>Detects codes at the format maximum.</summary>
    public static bool IsSaturated(Float8E4M3FN code) => (float)code == 448f;

    /// <summary>Detects overflow against the float limit, never true for a finite E4M3 code.</summary>
    public static bool IsOverflowed(Float8E4M3FN code) => (float)code > 1000f;
}

/// <summary>Grouped Int4 quantization (like GPTQ/AWQ exports).</summary>
public static class Int4Groups
{
    public static void Quantize(ReadOnlySpan<float> weights, int groupSize, Span<Int4> codes, Span<float> scales)
    {
        for (int g = 0; g < scales.Length; g++)
        {
            ReadOnlySpan<float> group = weights.Slice(g * groupSize, groupSize);
            float absMax = 0f;
            for (int i = 0; i < group.Length; i++)
            {
                absMax = MathF.Max(absMax, MathF.Abs(group[i]));
            }

            float scale = absMax / 7f;
            scales[g] = scale;
            for (int i = 0; i < group.Length; i++)
            {
                int q = scale == 0f ? 0 : (int)MathF.Round(group[i] / scale);
                codes[g * groupSize + i] = (Int4)Math.Clamp(q, -8, 7);
            }
        }
    }

    /// <summary>Codes from a lookup table of constants.</summary>
    public static Int4[] Table() => new[] { (Int4)(-8), (Int4)(-1), (Int4)0, (Int4)7 };

    /// <summary>A table with a value the format cannot hold.</summary>
    public static Int4[] BadTable() => new[] { (Int4)(-8), (Int4)0, (Int4)15 };

    /// <summary>Histogram of code values in int: exact.</summary>
    public static int[] CodeHistogram(ReadOnlySpan<Int4> codes)
    {
        var histogram = new int[16];
        foreach (Int4 c in codes)
        {
            histogram[(int)c + 8]++;
        }

        return histogram;
    }

    /// <summary>Dot product of Int4 codes with int accumulation.</summary>
    public static int DotCodes(Int4[] a, Int4[] b)
    {
        int acc = 0;
        for (int i = 0; i < a.Length; i++)
        {
            acc += (int)a[i] * (int)b[i];
        }

        return acc;
    }

    /// <summary>The same dot product accumulated in Int4, which wraps.</summary>
    public static Int4 DotCodesInt4(Int4[] a, Int4[] b)
    {
        Int4 acc = default;
        for (int i = 0; i < a.Length; i++)
        {
            acc += a[i] * b[i];
        }

        return acc;
    }
}

/// <summary>2-bit codes (ternary and four-level weights).</summary>
public static class TwoBit
{
    public static UInt2 Encode(int level) => UInt2.CreateChecked(level);

    public static UInt2 Zero => UInt2.CreateChecked(0);

    public static UInt2 Max => UInt2.CreateChecked(3);

    /// <summary>A level table from a config that assumed 3-bit codes.</summary>
    public static UInt2 Reserved => UInt2.CreateChecked(4);

    public static UInt2 Clamped => UInt2.CreateSaturating(9);

    public static UInt2 Wrapped => (UInt2)5;

    /// <summary>Levels counted with a UInt2 counter over a fixed frame of three.</summary>
    public static UInt2 CountNonZero(UInt2[] frame)
    {
        UInt2 count = default;
        for (int i = 0; i < 3; i++)
        {
            if ((int)frame[i] != 0)
            {
                count = count + UInt2.CreateChecked(1);
            }
        }

        return count;
    }
}

/// <summary>BFloat16 checkpoints: conversion and statistics.</summary>
public static class Bf16Checkpoint
{
    public static void FromFloat(ReadOnlySpan<float> source, Span<BFloat16> destination)
    {
        for (int i = 0; i < source.Length; i++)
        {
            destination[i] = (BFloat16)source[i];
        }
    }

    /// <summary>Mean absolute value in float.</summary>
    public static float MeanAbs(ReadOnlySpan<BFloat16> weights)
    {
        float acc = 0f;
        foreach (BFloat16 w in weights)
        {
            acc += MathF.Abs((float)w);
        }

        return acc / weights.Length;
    }

    /// <summary>Parameter norm per layer with squares stored in a BFloat16 scratch buffer first.</summary>
    public static float LayerNorm(BFloat16[] weights, BFloat16[] scratch)
    {
        for (int i = 0; i < weights.Length; i++)
        {
            scratch[i] = weights[i] * weights[i];
        }

        float acc = 0f;
        for (int i = 0; i < scratch.Length; i++)
        {
            acc += (float)scratch[i];
        }

        return MathF.Sqrt(acc);
    }

    /// <summary>Learning-rate warmup factor, a running product in BFloat16.</summary>
    public static BFloat16 Decay(BFloat16 gamma, int steps)
    {
        BFloat16 factor = BFloat16.One;
        for (int s = 0; s < steps; s++)
        {
            factor = factor * gamma;
        }

        return factor;
    }

    /// <summary>Huge constant used as "infinity" by the exporter.</summary>
    public static BFloat16 Sentinel => (BFloat16)1e39;

    public static BFloat16 Epsilon => (BFloat16)1e-3f;
}
