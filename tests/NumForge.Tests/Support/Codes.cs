using System;

namespace NumForge.Tests.Support
{
    /// <summary>Small helpers shared by the sweeps.</summary>
    public static class Codes
    {
        public static string Hex(ulong code, FormatUnderTest format) => "0x" + code.ToString("x" + Math.Max(1, (format.Spec.TotalBits + 3) / 4));

        public static string F32(float value) => $"{value:R} (0x{BitConverter.SingleToUInt32Bits(value):x8})";

        public static string F64(double value) => $"{value:R} (0x{BitConverter.DoubleToUInt64Bits(value):x16})";

        /// <summary>
        /// Whether <paramref name="actual"/> is the result the reference expects for an arithmetic result. A NaN result
        /// is checked as "is NaN" (its sign and payload come from the platform's double arithmetic); a format without NaN
        /// maps NaN to a zero code of either sign, so any zero is accepted there.
        /// </summary>
        public static bool ArithmeticMatches(ExactFloatReference reference, ExactValue exact, ulong expected, ulong actual)
        {
            if (exact.IsNaN)
            {
                if (reference.HasNaN)
                {
                    return actual < reference.CodeCount && reference.IsNaNCode(actual);
                }

                return actual == 0 || actual == reference.SignBit;
            }

            return actual == expected;
        }

        public static string Describe(FormatUnderTest format, ulong code)
        {
            ExactValue v = format.Reference.Decode(code);
            return $"{Hex(code, format)} ({v})";
        }
    }
}
