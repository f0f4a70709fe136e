using System;
using System.Collections.Generic;
using System.Linq;

namespace NumForge.Tests.BlockFormats
{
    /// <summary>What a reference block is: the element, the scale, the rule, the size and the nibble order.</summary>
    internal sealed record BlockSpecRef(int BlockSize, BlockScaleRule Rule, ElementRef Element, ScaleRef Scale, bool HighNibbleFirst = false)
    {
        public int ZeroBytes => Rule == BlockScaleRule.MinMax ? 1 : 0;

        public int BlockBytes => Scale.Bytes + ZeroBytes + (BlockSize * Element.Bits / 8);
    }

    /// <summary>
    /// An element as a plain table: integers by their range, floats and codebooks by the value of every code (from the
    /// catalog type's own decoder), searched for the nearest value.
    /// </summary>
    internal sealed record ElementRef(string Kind, int Bits, bool Signed, double[] Values)
    {
        public static ElementRef Int(int bits, bool signed) => new("int", bits, signed, Array.Empty<double>());

        public static ElementRef Float(int bits, Func<byte, float> decode) => new("float", bits, true, Enumerable.Range(0, 1 << bits).Select(c => (double)decode((byte)c)).ToArray());

        public static ElementRef Codebook(float[] values) => new("codebook", 4, true, values.Select(v => (double)v).ToArray());

        /// <summary>A signed integer read as fixed point with bits - 2 fraction bits (OCP MX's INT8 for 8 bits: int8 / 64).</summary>
        public static ElementRef Fixed(int bits) => new("fixed", bits, true, Enumerable.Range(0, 1 << bits)
            .Select(c => (c >= 1 << (bits - 1) ? c - (1 << bits) : c) / Math.Pow(2, bits - 2)).ToArray());

        /// <summary>The largest magnitude a code stands for.</summary>
        public double MaxMagnitude => Kind switch
        {
            "int" => Signed ? (1 << (Bits - 1)) - 1 : (1 << Bits) - 1,
            "fixed" => ((1 << (Bits - 1)) - 1) / Math.Pow(2, Bits - 2),
            _ => Values.Where(double.IsFinite).Max(Math.Abs),
        };
    }

    /// <summary>A scale type as a plain table of its non-negative finite values and codes, plus its NaN code.</summary>
    internal sealed record ScaleRef(int Bytes, (double Value, ulong Code)[] Positive, ulong NaNCode, bool Exact)
    {
        public static ScaleRef Single { get; } = new(4, Array.Empty<(double, ulong)>(), 0x7FC0_0000, true);

        public static ScaleRef FromCodes(int bits, Func<ulong, double> decode, ulong nanCode)
        {
            var positive = new List<(double, ulong)>();
            for (ulong code = 0; code < (1UL << bits); code++)
            {
                double v = decode(code);
                if (double.IsFinite(v) && v >= 0 && !(v == 0 && double.IsNegative(v)))
                {
                    positive.Add((v, code));
                }
            }

            return new ScaleRef(bits / 8, positive.OrderBy(p => p.Item1).ToArray(), nanCode, false);
        }

        /// <summary>Nearest value to v (>= 0), ties to the even code, saturating at the largest.</summary>
        public (double Value, ulong Code) Round(float v)
        {
            if (float.IsNaN(v))
            {
                return (double.NaN, NaNCode);
            }

            if (Exact)
            {
                return (v, BitConverter.SingleToUInt32Bits(v));
            }

            var best = Positive[0];
            foreach (var p in Positive)
            {
                double d = Math.Abs(p.Value - v), bestD = Math.Abs(best.Value - v);
                if (d < bestD || (d == bestD && (p.Code & 1) == 0 && (best.Code & 1) == 1))
                {
                    best = p;
                }
            }

            return best;
        }

        public double Decode(ulong code) => Exact ? BitConverter.UInt32BitsToSingle((uint)code)
            : code == NaNCode ? double.NaN : Positive.First(p => p.Code == code).Value;

        /// <summary>Exponent of the smallest positive value (a power of two in every format used here).</summary>
        public int MinPowerExponent => Exact ? -149 : (int)Math.Log2(Positive.First(p => p.Value > 0).Value);

        /// <summary>floor(log2(largest value)).</summary>
        public int MaxPowerExponent => Exact ? 127 : (int)Math.Floor(Math.Log2(Positive[^1].Value));
    }

    /// <summary>
    /// The block rules of <c>BlockScaleRule</c>, written plainly from their text: float32 operations as the rule states
    /// them, every rounding by search over a table of values (nearest, ties to the even code), bytes packed bit by bit.
    /// </summary>
    internal static class BlockReference
    {
        public static byte[] Quantize(BlockSpecRef spec, float[] values)
        {
            int blocks = values.Length / spec.BlockSize;
            var bytes = new byte[blocks * spec.BlockBytes];
            for (int b = 0; b < blocks; b++)
            {
                QuantizeBlock(spec, values.AsSpan(b * spec.BlockSize, spec.BlockSize), bytes.AsSpan(b * spec.BlockBytes, spec.BlockBytes));
            }

            return bytes;
        }

        public static float[] Dequantize(BlockSpecRef spec, byte[] bytes)
        {
            int blocks = bytes.Length / spec.BlockBytes;
            var values = new float[blocks * spec.BlockSize];
            for (int b = 0; b < blocks; b++)
            {
                byte[] block = bytes.AsSpan(b * spec.BlockBytes, spec.BlockBytes).ToArray();
                ulong scaleCode = 0;
                for (int i = 0; i < spec.Scale.Bytes; i++)
                {
                    scaleCode |= (ulong)block[i] << (8 * i);
                }

                float scale = (float)spec.Scale.Decode(scaleCode);
                int zero = spec.ZeroBytes == 1 ? block[spec.Scale.Bytes] : 0;
                for (int i = 0; i < spec.BlockSize; i++)
                {
                    int code = GetCode(spec, block, i);
                    double element = spec.Element.Kind == "int"
                        ? (spec.Element.Signed && code >= 1 << (spec.Element.Bits - 1) ? code - (1 << spec.Element.Bits) : code)
                        : spec.Element.Values[code];
                    values[(b * spec.BlockSize) + i] = (float)(element - zero) * scale;
                }
            }

            return values;
        }

        public static int GetCode(BlockSpecRef spec, byte[] block, int index)
        {
            int start = spec.Scale.Bytes + spec.ZeroBytes;
            int bits = spec.Element.Bits;
            int stored = index;
            if (spec.HighNibbleFirst)
            {
                stored = index ^ 1; // the even element sits in the high nibble: swap the two nibbles' positions
            }

            int code = 0;
            for (int k = 0; k < bits; k++)
            {
                int bit = (stored * bits) + k;
                code |= ((block[start + (bit / 8)] >> (bit % 8)) & 1) << k;
            }

            return code;
        }

        private static void QuantizeBlock(BlockSpecRef spec, ReadOnlySpan<float> x, Span<byte> block)
        {
            int n = spec.BlockSize;
            var codes = new int[n];
            bool finite = true;
            float amax = 0, min = float.PositiveInfinity, max = float.NegativeInfinity;
            foreach (float v in x)
            {
                finite &= float.IsFinite(v);
                amax = Math.Max(amax, Math.Abs(v));
                min = Math.Min(min, v);
                max = Math.Max(max, v);
            }

            var element = spec.Element;
            float floor = element.Kind == "int" ? 1e-5f : 0f;
            (double Value, ulong Code) scale;
            int zero = 0;
            if (!finite)
            {
                scale = spec.Scale.Round(float.NaN);
            }
            else if (spec.Rule == BlockScaleRule.PowerOfTwo)
            {
                int emaxElem = (int)Math.Floor(Math.Log2(element.MaxMagnitude));
                int e = amax == 0 ? spec.Scale.MinPowerExponent
                    : Math.Clamp(QuantRefLog2(amax) - emaxElem, spec.Scale.MinPowerExponent, spec.Scale.MaxPowerExponent);
                scale = spec.Scale.Round((float)Math.ScaleB(1.0, e));
                if (amax == 0)
                {
                    scale = (0, scale.Code);
                }
            }
            else if (spec.Rule == BlockScaleRule.MinMax)
            {
                float maxq = (1 << element.Bits) - 1;
                scale = spec.Scale.Round(Math.Max(max - min, floor) / maxq);
                float s = (float)scale.Value;
                zero = s > 0 ? (int)Math.Clamp(-MathF.Round(min / s), 0f, maxq) : 0;
            }
            else
            {
                scale = spec.Scale.Round(Math.Max(amax, floor) / (float)element.MaxMagnitude);
            }

            float sf = (float)scale.Value;
            if (sf > 0)
            {
                for (int i = 0; i < n; i++)
                {
                    codes[i] = ElementCode(spec, x[i], sf, zero);
                }
            }

            for (int i = 0; i < spec.Scale.Bytes; i++)
            {
                block[i] = (byte)(scale.Code >> (8 * i));
            }

            if (spec.ZeroBytes == 1)
            {
                block[spec.Scale.Bytes] = (byte)zero;
            }

            int start = spec.Scale.Bytes + spec.ZeroBytes;
            block[start..].Clear();
            for (int i = 0; i < n; i++)
            {
                int stored = spec.HighNibbleFirst ? i ^ 1 : i;
                for (int k = 0; k < element.Bits; k++)
                {
                    int bit = (stored * element.Bits) + k;
                    block[start + (bit / 8)] |= (byte)(((codes[i] >> k) & 1) << (bit % 8));
                }
            }
        }

        internal static int ElementCode(BlockSpecRef spec, float x, float s, int zero)
        {
            var element = spec.Element;
            float q = x / s; // the rule's float32 division
            switch (element.Kind)
            {
                case "int":
                    if (element.Signed)
                    {
                        int half = 1 << (element.Bits - 1);
                        int v = (int)Math.Clamp(Math.Round((double)q, MidpointRounding.ToEven), -half, half - 1);
                        return v & ((1 << element.Bits) - 1);
                    }

                    return (int)Math.Clamp(Math.Round((double)q, MidpointRounding.ToEven) + zero, 0, (1 << element.Bits) - 1);
                case "fixed":
                    {
                        // round half to even on the fixed-point grid, saturating at the symmetric range (OCP MX's reference code)
                        int max = (1 << (element.Bits - 1)) - 1;
                        int v = (int)Math.Clamp(Math.Round((double)q * Math.Pow(2, element.Bits - 2), MidpointRounding.ToEven), -max, max);
                        return v & ((1 << element.Bits) - 1);
                    }

                case "codebook":
                    {
                        int best = 0;
                        for (int c = 1; c < 16; c++)
                        {
                            // strictly closer only: a tie stays with the lower code
                            if (Math.Abs(element.Values[c] - q) < Math.Abs(element.Values[best] - q))
                            {
                                best = c;
                            }
                        }

                        return best;
                    }

                default:
                    {
                        // nearest non-negative code to |q| (ties to the even code), saturating; then the sign bit
                        int signBit = 1 << (element.Bits - 1);
                        double magnitude = Math.Abs((double)q);
                        int best = 0;
                        for (int c = 0; c < signBit; c++)
                        {
                            double v = element.Values[c];
                            if (!double.IsFinite(v))
                            {
                                continue;
                            }

                            double d = Math.Abs(v - magnitude), bestD = Math.Abs(element.Values[best] - magnitude);
                            if (d < bestD || (d == bestD && (c & 1) == 0))
                            {
                                best = c;
                            }
                        }

                        return float.IsNegative(q) ? best | signBit : best;
                    }
            }
        }

        /// <summary>floor(log2(v)) for v > 0, by counting powers of two.</summary>
        private static int QuantRefLog2(double v)
        {
            int e = 0;
            while (Math.ScaleB(1.0, e) > v)
            {
                e--;
            }

            while (Math.ScaleB(1.0, e + 1) <= v)
            {
                e++;
            }

            return e;
        }
    }
}
