using System;
using System.Collections.Generic;
using NumForge.CompilerServices;

namespace NumForge.Tests.Spans
{
    /// <summary>A format spec for the span tests; <see cref="SpanTraits{TSpec}"/> turns it into traits.</summary>
    public interface ISpanSpec
    {
        static abstract FloatLayout Layout { get; }
    }

    /// <summary>Traits whose constants come from <see cref="FloatLayout"/> (static readonly, so the JIT folds them at tier 1).</summary>
    public readonly struct SpanTraits<TSpec> : IFloatTraits
        where TSpec : struct, ISpanSpec
    {
        private static readonly FloatLayout L = TSpec.Layout;

        public static int ExponentBits => L.ExponentBits;

        public static int MantissaBits => L.MantissaBits;

        public static int Bias => L.Bias;

        public static bool Signed => L.Signed;

        public static bool Subnormals => L.Subnormals;

        public static SpecialValues Specials => L.Specials;

        public static OverflowBehavior Overflow => L.Overflow;

        public static ulong SignMask => L.SignMask;

        public static ulong MagnitudeMask => L.MagnitudeMask;

        public static ulong MaxFiniteMagnitude => L.MaxFiniteMagnitude;

        public static ulong NaNCode => L.NaNCode;

        public static ulong PositiveInfinityCode => L.PositiveInfinityCode;

        public static ulong NegativeInfinityCode => L.NegativeInfinityCode;

        public static int MinNormalExponent => L.MinNormalExponent;

        public static int MaxExponent => L.MaxExponent;
    }

    internal static class SpecLayout
    {
        public static FloatLayout Create(int e, int m, int? bias = null, bool signed = true, bool subnormals = true, SpecialValues specials = SpecialValues.Ieee, OverflowBehavior overflow = OverflowBehavior.Default)
            => FloatLayout.TryCreate(e, m, bias, signed, subnormals, specials, overflow, out IReadOnlyList<SpecProblem> problems)
                ?? throw new InvalidOperationException(string.Join("; ", problems));
    }

#pragma warning disable SA1649, SA1402 // small spec structs live together
    public readonly struct SE4M3FN : ISpanSpec { public static FloatLayout Layout { get; } = SpecLayout.Create(4, 3, specials: SpecialValues.FiniteNaN); }

    public readonly struct SE4M3 : ISpanSpec { public static FloatLayout Layout { get; } = SpecLayout.Create(4, 3); }

    public readonly struct SE5M2 : ISpanSpec { public static FloatLayout Layout { get; } = SpecLayout.Create(5, 2); }

    public readonly struct SE5M2Sat : ISpanSpec { public static FloatLayout Layout { get; } = SpecLayout.Create(5, 2, overflow: OverflowBehavior.Saturate); }

    public readonly struct SE4M3FNUZ : ISpanSpec { public static FloatLayout Layout { get; } = SpecLayout.Create(4, 3, 8, specials: SpecialValues.FiniteNaNUnsignedZero); }

    public readonly struct SE5M2FNUZ : ISpanSpec { public static FloatLayout Layout { get; } = SpecLayout.Create(5, 2, 16, specials: SpecialValues.FiniteNaNUnsignedZero); }

    public readonly struct SE8M0 : ISpanSpec { public static FloatLayout Layout { get; } = SpecLayout.Create(8, 0, 127, signed: false, subnormals: false, specials: SpecialValues.FiniteNaN); }

    public readonly struct SE2M1 : ISpanSpec { public static FloatLayout Layout { get; } = SpecLayout.Create(2, 1, specials: SpecialValues.Finite); }

    public readonly struct SE3M2 : ISpanSpec { public static FloatLayout Layout { get; } = SpecLayout.Create(3, 2, specials: SpecialValues.Finite); }

    public readonly struct SE2M3 : ISpanSpec { public static FloatLayout Layout { get; } = SpecLayout.Create(2, 3, specials: SpecialValues.Finite); }

    public readonly struct SBF16 : ISpanSpec { public static FloatLayout Layout { get; } = SpecLayout.Create(8, 7); }

    public readonly struct SBinary16 : ISpanSpec { public static FloatLayout Layout { get; } = SpecLayout.Create(5, 10); }

    public readonly struct SBinary32 : ISpanSpec { public static FloatLayout Layout { get; } = SpecLayout.Create(8, 23); }

    public readonly struct STF32 : ISpanSpec { public static FloatLayout Layout { get; } = SpecLayout.Create(8, 10); }

    public readonly struct SOdd : ISpanSpec { public static FloatLayout Layout { get; } = SpecLayout.Create(6, 9, 40); }

    /// <summary>Normal range reaching below float's: float subnormals are normal here (the kernels' scalar fallback).</summary>
    public readonly struct SDeep : ISpanSpec { public static FloatLayout Layout { get; } = SpecLayout.Create(8, 3, 140); }

    /// <summary>Double's exponent range: values are not all floats (scalar decode, vector double encode).</summary>
    public readonly struct SE11M10 : ISpanSpec { public static FloatLayout Layout { get; } = SpecLayout.Create(11, 10); }

    /// <summary>Unsigned with subnormals.</summary>
    public readonly struct SUE4M4 : ISpanSpec { public static FloatLayout Layout { get; } = SpecLayout.Create(4, 4, signed: false, specials: SpecialValues.FiniteNaN); }

    /// <summary>Three bits (packed two per byte, value mask 0x7).</summary>
    public readonly struct SE1M1 : ISpanSpec { public static FloatLayout Layout { get; } = SpecLayout.Create(1, 1, specials: SpecialValues.Finite); }

    /// <summary>A 64-bit container (scalar throughout).</summary>
    public readonly struct SE11M30 : ISpanSpec { public static FloatLayout Layout { get; } = SpecLayout.Create(11, 30); }
#pragma warning restore SA1649, SA1402
}
