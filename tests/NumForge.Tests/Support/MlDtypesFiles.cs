using System;
using System.Collections.Generic;
using NumForge.CompilerServices;

namespace NumForge.Tests.Support
{
    /// <summary>What the ml_dtypes vector files of a format are and how their expectations compare.</summary>
    public static class MlDtypesFiles
    {
        /// <summary>
        /// The f32 conversion files of a format: .rne (ToEven), .rne.sat (ToEven, saturating; absent for float6/float4,
        /// which always saturate), .rtz.sat (ToZero, saturating).
        /// </summary>
        public static IEnumerable<(string Suffix, MidpointRounding Mode, bool Saturate)> ConversionKinds(string formatName)
        {
            FormatSpec spec = Specs.Get(formatName);
            yield return ("rne", MidpointRounding.ToEven, false);
            if (spec.Specials != SpecialValues.Finite)
            {
                yield return ("rne.sat", MidpointRounding.ToEven, true);
            }

            yield return ("rtz.sat", MidpointRounding.ToZero, true);
        }

        /// <summary>
        /// An expected code matches: where the file expects a NaN of an IEEE-style format, any NaN with the same sign bit
        /// (payloads are not specified); otherwise exactly (FiniteNaN/FNUZ/Finite/E8M0 NaN codes are canonical).
        /// </summary>
        public static bool CodeMatches(ExactFloatReference reference, ulong fileCode, ulong actual)
        {
            if (reference.Specials == SpecialValues.Ieee && reference.IsNaNCode(fileCode))
            {
                return actual < reference.CodeCount && reference.IsNaNCode(actual) && (actual & reference.SignBit) == (fileCode & reference.SignBit);
            }

            return actual == fileCode;
        }
    }
}
