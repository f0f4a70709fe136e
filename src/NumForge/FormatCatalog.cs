using System;
using System.Collections.Generic;
using System.Linq;

namespace NumForge
{
    /// <summary>The ready-made formats NumForge ships, for tools and code that pick a format by name at run time.</summary>
    public static class FormatCatalog
    {
        private static readonly FormatInfo[] s_all =
        [
            BFloat16.Info,
            TensorFloat32.Info,
            Float8E5M2.Info,
            Float8E4M3.Info,
            Float8E3M4.Info,
            Float8E4M3FN.Info,
            Float8E4M3FNUZ.Info,
            Float8E5M2FNUZ.Info,
            Float8E4M3B11FNUZ.Info,
            Float8E8M0FNU.Info,
            Float6E2M3FN.Info,
            Float6E3M2FN.Info,
            Float4E2M1FN.Info,
            Posit64.Info,
            Posit32.Info,
            Posit16.Info,
            Posit8.Info,
            Posit16E1.Info,
            Posit8E0.Info,
            Int4.Info,
            UInt4.Info,
            Int3.Info,
            UInt3.Info,
            Int2.Info,
            UInt2.Info,
            Int1.Info,
            UInt1.Info,
        ];

        // Names used by ml_dtypes, ONNX and common shorthand, mapped to catalog names.
        private static readonly Dictionary<string, string> s_aliases = new(StringComparer.OrdinalIgnoreCase)
        {
            ["bf16"] = nameof(BFloat16),
            ["bfloat16"] = nameof(BFloat16),
            ["tf32"] = nameof(TensorFloat32),
            ["e5m2"] = nameof(Float8E5M2),
            ["float8_e5m2"] = nameof(Float8E5M2),
            ["e4m3"] = nameof(Float8E4M3),
            ["float8_e4m3"] = nameof(Float8E4M3),
            ["e3m4"] = nameof(Float8E3M4),
            ["float8_e3m4"] = nameof(Float8E3M4),
            ["e4m3fn"] = nameof(Float8E4M3FN),
            ["float8_e4m3fn"] = nameof(Float8E4M3FN),
            ["e4m3fnuz"] = nameof(Float8E4M3FNUZ),
            ["float8_e4m3fnuz"] = nameof(Float8E4M3FNUZ),
            ["e5m2fnuz"] = nameof(Float8E5M2FNUZ),
            ["float8_e5m2fnuz"] = nameof(Float8E5M2FNUZ),
            ["e4m3b11fnuz"] = nameof(Float8E4M3B11FNUZ),
            ["float8_e4m3b11fnuz"] = nameof(Float8E4M3B11FNUZ),
            ["e8m0"] = nameof(Float8E8M0FNU),
            ["e8m0fnu"] = nameof(Float8E8M0FNU),
            ["float8_e8m0fnu"] = nameof(Float8E8M0FNU),
            ["e2m3"] = nameof(Float6E2M3FN),
            ["float6_e2m3fn"] = nameof(Float6E2M3FN),
            ["e3m2"] = nameof(Float6E3M2FN),
            ["float6_e3m2fn"] = nameof(Float6E3M2FN),
            ["e2m1"] = nameof(Float4E2M1FN),
            ["fp4"] = nameof(Float4E2M1FN),
            ["float4_e2m1fn"] = nameof(Float4E2M1FN),
            ["p8"] = nameof(Posit8),
            ["posit8"] = nameof(Posit8),
            ["p8e2"] = nameof(Posit8),
            ["posit8_es2"] = nameof(Posit8),
            ["p16"] = nameof(Posit16),
            ["posit16"] = nameof(Posit16),
            ["p16e2"] = nameof(Posit16),
            ["posit16_es2"] = nameof(Posit16),
            ["p32"] = nameof(Posit32),
            ["posit32"] = nameof(Posit32),
            ["p32e2"] = nameof(Posit32),
            ["posit32_es2"] = nameof(Posit32),
            ["p64"] = nameof(Posit64),
            ["posit64"] = nameof(Posit64),
            ["p64e2"] = nameof(Posit64),
            ["posit64_es2"] = nameof(Posit64),
            ["p8e0"] = nameof(Posit8E0),
            ["posit8_es0"] = nameof(Posit8E0),
            ["posit8_t"] = nameof(Posit8E0),
            ["p16e1"] = nameof(Posit16E1),
            ["posit16_es1"] = nameof(Posit16E1),
            ["posit16_t"] = nameof(Posit16E1),
            ["int4"] = nameof(Int4),
            ["uint4"] = nameof(UInt4),
            ["int3"] = nameof(Int3),
            ["uint3"] = nameof(UInt3),
            ["int2"] = nameof(Int2),
            ["uint2"] = nameof(UInt2),
            ["int1"] = nameof(Int1),
            ["uint1"] = nameof(UInt1),
        };

        /// <summary>Every catalog format, in catalog order (widest first within each family).</summary>
        public static IReadOnlyList<FormatInfo> All => s_all;

        /// <summary>
        /// Finds a catalog format by its name (<c>Float8E4M3FN</c>) or a common alias (<c>e4m3fn</c>,
        /// <c>float8_e4m3fn</c>, <c>bf16</c>), ignoring case. Returns <see langword="null"/> when there is none.
        /// </summary>
        /// <param name="name">The name or alias.</param>
        public static FormatInfo? Find(string name)
        {
            ArgumentNullException.ThrowIfNull(name);
            string key = s_aliases.TryGetValue(name.Trim(), out string? canonical) ? canonical : name.Trim();
            return s_all.FirstOrDefault(f => string.Equals(f.Name, key, StringComparison.OrdinalIgnoreCase));
        }

        /// <summary>The aliases that <see cref="Find"/> accepts for a catalog format, sorted.</summary>
        /// <param name="format">A catalog format.</param>
        public static IReadOnlyList<string> AliasesOf(FormatInfo format)
        {
            ArgumentNullException.ThrowIfNull(format);
            return s_aliases.Where(a => a.Value == format.Name).Select(a => a.Key).OrderBy(a => a, StringComparer.Ordinal).ToArray();
        }
    }
}
