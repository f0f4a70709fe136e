// Corpus: audio and sensor signal processing. Audio buffers are float; a recorder stores Half samples to save space;
// some embedded-style code computes in Half or BFloat16.
using System;
using System.Numerics;
using NumForge;

namespace Corpus.Signals;

/// <summary>FIR and IIR filters.</summary>
public static class Filters
{
    /// <summary>Direct-form FIR in float.</summary>
    public static void Fir(ReadOnlySpan<float> input, ReadOnlySpan<float> taps, Span<float> output)
    {
        for (int n = 0; n < output.Length; n++)
        {
            float acc = 0f;
            for (int k = 0; k < taps.Length && k <= n; k++)
            {
                acc += taps[k] * input[n - k];
            }

            output[n] = acc;
        }
    }

    /// <summary>FIR over Half samples and taps, float accumulator.</summary>
    public static void FirHalf(Half[] input, Half[] taps, Half[] output)
    {
        for (int n = 0; n < output.Length; n++)
        {
            float acc = 0f;
            int kMax = Math.Min(taps.Length - 1, n);
            for (int k = 0; k <= kMax; k++)
            {
                acc += (float)taps[k] * (float)input[n - k];
            }

            output[n] = (Half)acc;
        }
    }

    /// <summary>Biquad (direct form I) with the delay line in Half fields, updated through float each sample.</summary>
    public sealed class HalfBiquad
    {
        private readonly float _b0;
        private readonly float _b1;
        private readonly float _b2;
        private readonly float _a1;
        private readonly float _a2;
        private Half _x1;
        private Half _x2;
        private Half _y1;
        private Half _y2;

        public HalfBiquad(float b0, float b1, float b2, float a1, float a2)
        {
            _b0 = b0;
            _b1 = b1;
            _b2 = b2;
            _a1 = a1;
            _a2 = a2;
        }

        public void Process(Span<float> buffer)
        {
            for (int i = 0; i < buffer.Length; i++)
            {
                float x = buffer[i];
                float y = _b0 * x + _b1 * (float)_x1 + _b2 * (float)_x2 - _a1 * (float)_y1 - _a2 * (float)_y2;
                _x2 = _x1;
                _x1 = (Half)x;
                _y2 = _y1;
                _y1 = (Half)y;
                buffer[i] = y;
            }
        }
    }

    /// <summary>One-pole low-pass with the state in float: the recommended form.</summary>
    public static void OnePole(Span<float> buffer, float coefficient, ref float state)
    {
        float s = state;
        for (int i = 0; i < buffer.Length; i++)
        {
            s += coefficient * (buffer[i] - s);
            buffer[i] = s;
        }

        state = s;
    }

    /// <summary>One-pole low-pass on Half samples with the state kept in Half.</summary>
    public static Half OnePoleHalf(Half[] buffer, float coefficient)
    {
        Half state = Half.Zero;
        for (int i = 0; i < buffer.Length; i++)
        {
            state = (Half)((float)state * (1f - coefficient) + (float)buffer[i] * coefficient);
            buffer[i] = state;
        }

        return state;
    }

    /// <summary>DC blocker: y = x - x1 + R * y1, in float.</summary>
    public static void DcBlock(Span<float> buffer, float r)
    {
        float x1 = 0f;
        float y1 = 0f;
        for (int i = 0; i < buffer.Length; i++)
        {
            float x = buffer[i];
            float y = x - x1 + r * y1;
            x1 = x;
            y1 = y;
            buffer[i] = y;
        }
    }
}

/// <summary>Spectral analysis.</summary>
public static class Spectrum
{
    /// <summary>Iterative radix-2 FFT in place (length a power of two).</summary>
    public static void Fft(Complex[] data)
    {
        int n = data.Length;
        for (int i = 1, j = 0; i < n; i++)
        {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1)
            {
                j ^= bit;
            }

            j ^= bit;
            if (i < j)
            {
                (data[i], data[j]) = (data[j], data[i]);
            }
        }

        for (int length = 2; length <= n; length <<= 1)
        {
            double angle = -2 * Math.PI / length;
            var wLength = new Complex(Math.Cos(angle), Math.Sin(angle));
            for (int i = 0; i < n; i += length)
            {
                Complex w = Complex.One;
                for (int k = 0; k < length / 2; k++)
                {
                    Complex u = data[i + k];
                    Complex v = data[i + k + length / 2] * w;
                    data[i + k] = u + v;
                    data[i + k + length / 2] = u - v;
                    w *= wLength;
                }
            }
        }
    }

    /// <summary>Hann window applied to Half samples, in Half.</summary>
    public static void HannHalf(Half[] samples)
    {
        int n = samples.Length;
        for (int i = 0; i < n; i++)
        {
            Half w = (Half)(0.5f - 0.5f * MathF.Cos(2f * MathF.PI * i / (n - 1)));
            samples[i] = samples[i] * w;
        }
    }

    /// <summary>Power spectrum in dB from an FFT result.</summary>
    public static float[] PowerDb(Complex[] spectrum)
    {
        var db = new float[spectrum.Length / 2];
        for (int i = 0; i < db.Length; i++)
        {
            double power = spectrum[i].Real * spectrum[i].Real + spectrum[i].Imaginary * spectrum[i].Imaginary;
            db[i] = (float)(10 * Math.Log10(power + 1e-20));
        }

        return db;
    }

    /// <summary>Spectral centroid of BFloat16 magnitudes; both sums in BFloat16.</summary>
    public static BFloat16 CentroidBf16(BFloat16[] magnitude, BFloat16 binWidth)
    {
        BFloat16 weighted = BFloat16.Zero;
        BFloat16 total = BFloat16.Zero;
        BFloat16 frequency = BFloat16.Zero;
        for (int i = 0; i < magnitude.Length; i++)
        {
            weighted += frequency * magnitude[i];
            total += magnitude[i];
            frequency += binWidth;
        }

        return weighted / total;
    }
}

/// <summary>Level metering.</summary>
public static class Meters
{
    /// <summary>RMS level of a block in float.</summary>
    public static float Rms(ReadOnlySpan<float> block)
    {
        float ss = 0f;
        foreach (float s in block)
        {
            ss += s * s;
        }

        return MathF.Sqrt(ss / block.Length);
    }

    /// <summary>RMS level of a recorded Half block, sum of squares in Half.</summary>
    public static float RmsHalf(ReadOnlySpan<Half> block)
    {
        Half ss = Half.Zero;
        foreach (Half s in block)
        {
            ss += s * s;
        }

        return MathF.Sqrt((float)ss / block.Length);
    }

    /// <summary>Peak level: exact in any format.</summary>
    public static Half Peak(ReadOnlySpan<Half> block)
    {
        Half peak = Half.Zero;
        foreach (Half s in block)
        {
            peak = Half.Max(peak, Half.Abs(s));
        }

        return peak;
    }

    /// <summary>Zero crossings counted in a Half counter.</summary>
    public static Half ZeroCrossings(Half[] block)
    {
        Half crossings = Half.Zero;
        for (int i = 1; i < block.Length; i++)
        {
            if ((block[i - 1] < Half.Zero) != (block[i] < Half.Zero))
            {
                crossings++;
            }
        }

        return crossings;
    }

    /// <summary>A clip detector written against the 16-bit PCM full scale.</summary>
    public static bool IsClipped(Half sample) => (float)sample >= 32767f;

    /// <summary>Loudness integration over a gated block list, in double.</summary>
    public static double IntegratedLoudness(float[] blockPowers, float gate)
    {
        double sum = 0;
        int count = 0;
        foreach (float p in blockPowers)
        {
            if (p > gate)
            {
                sum += p;
                count++;
            }
        }

        return count == 0 ? double.NegativeInfinity : -0.691 + 10 * Math.Log10(sum / count);
    }
}

/// <summary>Resampling and conversion between buffer formats.</summary>
public static class Resampling
{
    /// <summary>Linear interpolation resampler in float.</summary>
    public static float[] Linear(float[] input, double ratio)
    {
        int outputLength = (int)(input.Length * ratio);
        var output = new float[outputLength];
        for (int i = 0; i < outputLength; i++)
        {
            double position = i / ratio;
            int index = (int)position;
            float fraction = (float)(position - index);
            float a = input[Math.Min(index, input.Length - 1)];
            float b = input[Math.Min(index + 1, input.Length - 1)];
            output[i] = a + (b - a) * fraction;
        }

        return output;
    }

    /// <summary>Interleaved stereo float to planar Half: moves and converts only.</summary>
    public static void Deinterleave(ReadOnlySpan<float> interleaved, Span<Half> left, Span<Half> right)
    {
        for (int i = 0; i < left.Length; i++)
        {
            left[i] = (Half)interleaved[2 * i];
            right[i] = (Half)interleaved[2 * i + 1];
        }
    }

    /// <summary>Mixes several Half tracks into a Half bus.</summary>
    public static void Mix(Half[][] tracks, Half[] gains, Half[] bus)
    {
        Array.Clear(bus);
        for (int t = 0; t < tracks.Length; t++)
        {
            Half[] track = tracks[t];
            Half gain = gains[t];
            for (int i = 0; i < bus.Length; i++)
            {
                bus[i] += gain * track[i];
            }
        }
    }

    /// <summary>Mixes into a float bus, converting once at the end.</summary>
    public static void MixInFloat(Half[][] tracks, float[] gains, Half[] bus)
    {
        var acc = new float[bus.Length];
        for (int t = 0; t < tracks.Length; t++)
        {
            for (int i = 0; i < bus.Length; i++)
            {
                acc[i] += gains[t] * (float)tracks[t][i];
            }
        }

        for (int i = 0; i < bus.Length; i++)
        {
            bus[i] = (Half)acc[i];
        }
    }
}
