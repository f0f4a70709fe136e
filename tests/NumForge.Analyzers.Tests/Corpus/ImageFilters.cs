// Corpus: image processing on planar images. HDR frames are stored as Half (like OpenEXR), LDR working buffers
// in float; some filters were written directly against the Half planes.
using System;
using NumForge;

namespace Corpus.Imaging;

/// <summary>A single-channel image stored as Half.</summary>
public sealed class HalfImage
{
    public HalfImage(int width, int height)
    {
        Width = width;
        Height = height;
        Pixels = new Half[width * height];
    }

    public int Width { get; }

    public int Height { get; }

    public Half[] Pixels { get; }

    public Half this[int x, int y]
    {
        get => Pixels[y * Width + x];
        set => Pixels[y * Width + x] = value;
    }

    public float[] ToFloat()
    {
        var result = new float[Pixels.Length];
        for (int i = 0; i < Pixels.Length; i++)
        {
            result[i] = (float)Pixels[i];
        }

        return result;
    }

    public static HalfImage FromFloat(float[] data, int width, int height)
    {
        var image = new HalfImage(width, height);
        for (int i = 0; i < data.Length; i++)
        {
            image.Pixels[i] = (Half)data[i];
        }

        return image;
    }
}

/// <summary>Convolution filters in float.</summary>
public static class Convolution
{
    public static float[] GaussianKernel(int radius, float sigma)
    {
        var kernel = new float[2 * radius + 1];
        float sum = 0f;
        for (int i = -radius; i <= radius; i++)
        {
            float v = MathF.Exp(-(i * i) / (2f * sigma * sigma));
            kernel[i + radius] = v;
            sum += v;
        }

        for (int i = 0; i < kernel.Length; i++)
        {
            kernel[i] /= sum;
        }

        return kernel;
    }

    /// <summary>Separable blur: horizontal pass then vertical pass, clamped edges.</summary>
    public static float[] BlurSeparable(float[] src, int width, int height, float[] kernel)
    {
        int radius = kernel.Length / 2;
        var tmp = new float[src.Length];
        var dst = new float[src.Length];
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                float acc = 0f;
                for (int k = -radius; k <= radius; k++)
                {
                    int xx = Math.Clamp(x + k, 0, width - 1);
                    acc += src[y * width + xx] * kernel[k + radius];
                }

                tmp[y * width + x] = acc;
            }
        }

        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                float acc = 0f;
                for (int k = -radius; k <= radius; k++)
                {
                    int yy = Math.Clamp(y + k, 0, height - 1);
                    acc += tmp[yy * width + x] * kernel[k + radius];
                }

                dst[y * width + x] = acc;
            }
        }

        return dst;
    }

    /// <summary>3x3 box blur straight on the Half plane, with the window sum in Half.</summary>
    public static HalfImage BoxBlurHalf(HalfImage src)
    {
        var dst = new HalfImage(src.Width, src.Height);
        Half ninth = (Half)(1f / 9f);
        for (int y = 1; y < src.Height - 1; y++)
        {
            for (int x = 1; x < src.Width - 1; x++)
            {
                Half sum = Half.Zero;
                for (int dy = -1; dy <= 1; dy++)
                {
                    for (int dx = -1; dx <= 1; dx++)
                    {
                        sum += src[x + dx, y + dy];
                    }
                }

                dst[x, y] = sum * ninth;
            }
        }

        return dst;
    }

    /// <summary>Sobel gradient magnitude in float.</summary>
    public static float[] Sobel(float[] src, int width, int height)
    {
        var dst = new float[src.Length];
        for (int y = 1; y < height - 1; y++)
        {
            for (int x = 1; x < width - 1; x++)
            {
                int i = y * width + x;
                float gx = -src[i - width - 1] - 2f * src[i - 1] - src[i + width - 1]
                    + src[i - width + 1] + 2f * src[i + 1] + src[i + width + 1];
                float gy = -src[i - width - 1] - 2f * src[i - width] - src[i - width + 1]
                    + src[i + width - 1] + 2f * src[i + width] + src[i + width + 1];
                dst[i] = MathF.Sqrt(gx * gx + gy * gy);
            }
        }

        return dst;
    }

    /// <summary>Unsharp mask: original + amount * (original - blurred), float.</summary>
    public static void Sharpen(float[] image, float[] blurred, float amount)
    {
        for (int i = 0; i < image.Length; i++)
        {
            image[i] += amount * (image[i] - blurred[i]);
        }
    }
}

/// <summary>Tone mapping and color operations on HDR Half planes.</summary>
public static class ToneMapping
{
    /// <summary>Log-average luminance, in double (Reinhard's key).</summary>
    public static double LogAverage(HalfImage luminance)
    {
        double acc = 0;
        foreach (Half l in luminance.Pixels)
        {
            acc += Math.Log(1e-4 + (double)l);
        }

        return Math.Exp(acc / luminance.Pixels.Length);
    }

    /// <summary>The same key computed with Half logs summed into a float.</summary>
    public static float LogAverageHalf(HalfImage luminance)
    {
        float acc = 0f;
        Half delta = (Half)1e-4f;
        for (int i = 0; i < luminance.Pixels.Length; i++)
        {
            acc += (float)Half.Log(delta + luminance.Pixels[i]);
        }

        return MathF.Exp(acc / luminance.Pixels.Length);
    }

    /// <summary>Reinhard operator, computed per pixel in float, written back as Half.</summary>
    public static void Reinhard(HalfImage image, float key, float logAverage)
    {
        float scale = key / logAverage;
        Half[] p = image.Pixels;
        for (int i = 0; i < p.Length; i++)
        {
            float l = (float)p[i] * scale;
            p[i] = (Half)(l / (1f + l));
        }
    }

    /// <summary>Gamma correction directly in Half.</summary>
    public static void Gamma(Half[] plane, Half gamma)
    {
        Half inverse = Half.One / gamma;
        for (int i = 0; i < plane.Length; i++)
        {
            plane[i] = Half.Pow(plane[i], inverse);
        }
    }

    /// <summary>Exposure in stops, multiplying each pixel in Half.</summary>
    public static void Expose(Half[] plane, float stops)
    {
        Half factor = (Half)MathF.Pow(2f, stops);
        foreach (ref Half p in plane.AsSpan())
        {
            p *= factor;
        }
    }

    /// <summary>Bright-pass mask for bloom: float comparisons on widened Half pixels.</summary>
    public static void BrightPass(Half[] plane, float threshold, Half[] mask)
    {
        for (int i = 0; i < plane.Length; i++)
        {
            mask[i] = (float)plane[i] > threshold ? plane[i] : Half.Zero;
        }
    }

    /// <summary>Marks pixels clipped at the sensor's white point, written against a 16-bit camera value.</summary>
    public static int CountClipped(Half[] plane)
    {
        int clipped = 0;
        foreach (Half p in plane)
        {
            if ((float)p >= 65535f)
            {
                clipped++;
            }
        }

        return clipped;
    }

    /// <summary>Middle grey test against an exact Half value.</summary>
    public static bool IsMiddleGrey(Half p) => (float)p == 0.18f;

    public static bool IsHalfGrey(Half p) => (float)p == 0.5f;
}

/// <summary>Histogram equalization for 8-bit images with float CDF.</summary>
public static class Equalization
{
    public static byte[] Equalize(byte[] pixels)
    {
        var histogram = new int[256];
        foreach (byte p in pixels)
        {
            histogram[p]++;
        }

        var cdf = new float[256];
        float running = 0f;
        for (int i = 0; i < 256; i++)
        {
            running += histogram[i];
            cdf[i] = running / pixels.Length;
        }

        var result = new byte[pixels.Length];
        for (int i = 0; i < pixels.Length; i++)
        {
            result[i] = (byte)Math.Clamp((int)MathF.Round(cdf[pixels[i]] * 255f), 0, 255);
        }

        return result;
    }

    /// <summary>Luminance histogram of an HDR plane, in Half bins.</summary>
    public static Half[] LuminanceHistogram(HalfImage image, int bins, float maxLuminance)
    {
        var histogram = new Half[bins];
        Half one = Half.One;
        foreach (Half l in image.Pixels)
        {
            int bin = Math.Min(bins - 1, (int)((float)l / maxLuminance * bins));
            histogram[bin] += one;
        }

        return histogram;
    }
}

/// <summary>Downsampling and pyramids.</summary>
public static class Pyramids
{
    /// <summary>2x2 average downsample of a BFloat16 feature map, computed in float per output pixel.</summary>
    public static BFloat16[] Downsample(BFloat16[] src, int width, int height)
    {
        int w = width / 2;
        int h = height / 2;
        var dst = new BFloat16[w * h];
        for (int y = 0; y < h; y++)
        {
            for (int x = 0; x < w; x++)
            {
                int i = 2 * y * width + 2 * x;
                float s = (float)src[i] + (float)src[i + 1] + (float)src[i + width] + (float)src[i + width + 1];
                dst[y * w + x] = (BFloat16)(0.25f * s);
            }
        }

        return dst;
    }

    /// <summary>Average pooling over channels with the pool sum in BFloat16.</summary>
    public static BFloat16[] GlobalAveragePool(BFloat16[,] features)
    {
        int channels = features.GetLength(0);
        int size = features.GetLength(1);
        var pooled = new BFloat16[channels];
        for (int c = 0; c < channels; c++)
        {
            BFloat16 sum = BFloat16.Zero;
            for (int i = 0; i < size; i++)
            {
                sum += features[c, i];
            }

            pooled[c] = sum / (BFloat16)(float)size;
        }

        return pooled;
    }

    /// <summary>Integral image in double.</summary>
    public static double[] IntegralImage(float[] src, int width, int height)
    {
        var integral = new double[(width + 1) * (height + 1)];
        for (int y = 1; y <= height; y++)
        {
            double row = 0;
            for (int x = 1; x <= width; x++)
            {
                row += src[(y - 1) * width + (x - 1)];
                integral[y * (width + 1) + x] = integral[(y - 1) * (width + 1) + x] + row;
            }
        }

        return integral;
    }
}
