using System;
using System.ComponentModel;
using System.Globalization;

namespace NumForge.CompilerServices
{
    /// <summary>Formatting and parsing of one float format's values. (Interim version: being replaced.)</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class FloatText<TTraits>
        where TTraits : struct, IFloatTraits
    {
        /// <summary>Formats a code; a null or empty format gives the shortest round-trip string.</summary>
        public static string Format(ulong code, string? format, IFormatProvider? provider)
        {
            double value = FloatCodec<TTraits>.ToDouble(code);
            if (string.IsNullOrEmpty(format) && double.IsFinite(value))
            {
                for (int digits = 1; digits <= 17; digits++)
                {
                    string candidate = value.ToString("G" + digits.ToString(CultureInfo.InvariantCulture), provider);
                    if (FloatCodec<TTraits>.FromDouble(double.Parse(candidate, provider)) == code)
                    {
                        return candidate;
                    }
                }
            }

            return value.ToString(format, provider);
        }

        /// <summary>Parses text to a code.</summary>
        public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider? provider, out ulong code)
        {
            if (double.TryParse(s, style, provider, out double value))
            {
                code = FloatCodec<TTraits>.FromDouble(value);
                return true;
            }

            code = 0;
            return false;
        }
    }
}
