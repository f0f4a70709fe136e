using System;
using System.Collections.Generic;
using System.Linq;
using NumForge.CompilerServices;

namespace NumForge.Tests.Support
{
    /// <summary>A format as declared (the attribute's arguments), with its ml_dtypes vector name where it has one.</summary>
    public sealed record FormatSpec(
        string Name,
        string? VectorName,
        int ExponentBits,
        int MantissaBits,
        int? Bias = null,
        bool Signed = true,
        bool Subnormals = true,
        SpecialValues Specials = SpecialValues.Ieee,
        OverflowBehavior Overflow = OverflowBehavior.Default)
    {
        public FloatLayout Layout
        {
            get
            {
                FloatLayout? layout = FloatLayout.TryCreate(ExponentBits, MantissaBits, Bias, Signed, Subnormals, Specials, Overflow, out IReadOnlyList<SpecProblem> problems);
                return layout ?? throw new InvalidOperationException($"{Name}: " + string.Join("; ", problems));
            }
        }

        public int TotalBits => ExponentBits + MantissaBits + (Signed ? 1 : 0);

        /// <summary>The reference, built from the spec alone (the bias default and overflow resolution are typed in here, not taken from FloatLayout).</summary>
        public ExactFloatReference CreateReference() =>
            new(Name, ExponentBits, MantissaBits, Bias ?? ((1 << (ExponentBits - 1)) - 1), Signed, Subnormals, Specials, Overflow);

        public override string ToString() => Name;
    }

    /// <summary>The specs under test.</summary>
    public static class Specs
    {
        /// <summary>The catalog of DESIGN.md section 3, in its order.</summary>
        public static readonly FormatSpec[] Catalog =
        [
            new("BFloat16", "bf16", 8, 7),
            new("TensorFloat32", null, 8, 10),
            new("Float8E5M2", "e5m2", 5, 2),
            new("Float8E4M3", "e4m3", 4, 3),
            new("Float8E3M4", "e3m4", 3, 4),
            new("Float8E4M3FN", "e4m3fn", 4, 3, Specials: SpecialValues.FiniteNaN),
            new("Float8E4M3FNUZ", "e4m3fnuz", 4, 3, Bias: 8, Specials: SpecialValues.FiniteNaNUnsignedZero),
            new("Float8E5M2FNUZ", "e5m2fnuz", 5, 2, Bias: 16, Specials: SpecialValues.FiniteNaNUnsignedZero),
            new("Float8E4M3B11FNUZ", "e4m3b11fnuz", 4, 3, Bias: 11, Specials: SpecialValues.FiniteNaNUnsignedZero),
            new("Float8E8M0FNU", "e8m0fnu", 8, 0, Signed: false, Subnormals: false, Specials: SpecialValues.FiniteNaN),
            new("Float6E2M3FN", "e2m3fn", 2, 3, Specials: SpecialValues.Finite),
            new("Float6E3M2FN", "e3m2fn", 3, 2, Specials: SpecialValues.Finite),
            new("Float4E2M1FN", "e2m1fn", 2, 1, Specials: SpecialValues.Finite),
        ];

        public static readonly FormatSpec Binary16 = new("Binary16", null, 5, 10);
        public static readonly FormatSpec Binary32 = new("Binary32", null, 8, 23);
        public static readonly FormatSpec Binary64 = new("Binary64", null, 11, 52);

        /// <summary>Formats outside the catalog that exercise other overflow resolutions and biases.</summary>
        public static readonly FormatSpec[] Variants =
        [
            new("E5M2Saturating", null, 5, 2, Overflow: OverflowBehavior.Saturate),
            new("E4M3OverflowNaN", null, 4, 3, Overflow: OverflowBehavior.NaN),
            new("E4M3FNSaturating", null, 4, 3, Specials: SpecialValues.FiniteNaN, Overflow: OverflowBehavior.Saturate),
            new("E3M3Bias1", null, 3, 3, Bias: 1),
            // Range up to 2^126: the top binades of float, which the scalar cast's per-binade magic cannot round.
            new("E7M8Bias0", null, 7, 8, Bias: 0),
        ];

        public static IEnumerable<FormatSpec> All => Catalog.Concat([Binary16, Binary32, Binary64]).Concat(Variants);

        public static FormatSpec Get(string name) =>
            All.FirstOrDefault(s => s.Name == name) ?? throw new ArgumentException($"No spec named {name}.", nameof(name));
    }
}
