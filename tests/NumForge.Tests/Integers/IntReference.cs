using System;

namespace NumForge.Tests.Integers
{
    /// <summary>The plain reference for a b-bit integer: int arithmetic, then the result reduced modulo 2^b into the range.</summary>
    internal readonly record struct IntReference(int Bits, bool Signed)
    {
        public int Min => Signed ? -(1 << (Bits - 1)) : 0;

        public int Max => Signed ? (1 << (Bits - 1)) - 1 : (1 << Bits) - 1;

        public int Mask => (1 << Bits) - 1;

        /// <summary>value modulo 2^b, in the range.</summary>
        public int Wrap(long value)
        {
            long low = value & Mask;
            return (int)(Signed && low > Max ? low - (1L << Bits) : low);
        }

        public bool InRange(double value) => value >= Min && value <= Max;

        public byte Code(int value) => (byte)(value & Mask);

        public int ShiftCount(int amount) => ((amount % Bits) + Bits) % Bits;

        /// <summary>Rounds an exact double to an integer in the mode, written out case by case from floor and fraction.</summary>
        public static double Round(double x, MidpointRounding mode)
        {
            double floor = Math.Floor(x);
            double fraction = x - floor;
            return mode switch
            {
                MidpointRounding.ToNegativeInfinity => floor,
                MidpointRounding.ToPositiveInfinity => fraction > 0 ? floor + 1 : floor,
                MidpointRounding.ToZero => x < 0 && fraction > 0 ? floor + 1 : floor,
                MidpointRounding.AwayFromZero => fraction > 0.5 || (fraction == 0.5 && x > 0) ? floor + 1 : floor,
                _ => fraction > 0.5 || (fraction == 0.5 && Math.Abs(floor % 2) == 1) ? floor + 1 : floor,
            };
        }

        /// <summary>The quantizer: NaN to 0, round in the mode, clamp.</summary>
        public int Quantize(double x, MidpointRounding mode) =>
            double.IsNaN(x) ? 0 : (int)Math.Clamp(Round(Math.Clamp(x, -1e9, 1e9), mode), Min, Max);

        /// <summary>The cast: NaN to 0, truncate, clamp.</summary>
        public int Cast(double x) => double.IsNaN(x) ? 0 : (int)Math.Clamp(Math.Truncate(Math.Clamp(x, -1e9, 1e9)), Min, Max);
    }
}
