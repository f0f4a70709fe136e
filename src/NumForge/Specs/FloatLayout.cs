// Compiled into both the runtime and the source generator: the single place where a float spec is validated and
// its derived constants (masks, special codes, extreme values) are computed. Written for netstandard2.0 so the
// generator can use it; the runtime links the same file.
using System;
using System.Collections.Generic;

namespace NumForge.CompilerServices
{
    /// <summary>A problem found in a format spec: a diagnostic ID (NF0xxx) and a message that says what would be valid.</summary>
    public readonly struct SpecProblem : IEquatable<SpecProblem>
    {
        /// <summary>Creates a problem.</summary>
        public SpecProblem(string id, string message)
        {
            Id = id;
            Message = message;
        }

        /// <summary>The diagnostic ID, e.g. <c>NF0010</c>.</summary>
        public string Id { get; }

        /// <summary>What is wrong and what would be valid.</summary>
        public string Message { get; }

        /// <inheritdoc/>
        public bool Equals(SpecProblem other) => Id == other.Id && Message == other.Message;

        /// <inheritdoc/>
        public override bool Equals(object? obj) => obj is SpecProblem other && Equals(other);

        /// <inheritdoc/>
        public override int GetHashCode() => (Id?.GetHashCode() ?? 0) * 31 + (Message?.GetHashCode() ?? 0);

        /// <inheritdoc/>
        public override string ToString() => Id + ": " + Message;
    }

    /// <summary>
    /// The bit layout and derived constants of a float format spec. Codes are unsigned integers holding the format's
    /// bits in their low bits; a "magnitude" is a code without its sign bit. Every finite value of a valid format is an
    /// exact <see cref="double"/>, so extreme values are given as doubles.
    /// </summary>
    public sealed class FloatLayout
    {
        /// <summary>Largest supported exponent field width.</summary>
        public const int MaxExponentBits = 11;

        /// <summary>Largest supported mantissa field width.</summary>
        public const int MaxMantissaBits = 52;

        private FloatLayout(int exponentBits, int mantissaBits, int bias, bool signed, bool subnormals, SpecialValues specials, OverflowBehavior overflow)
        {
            ExponentBits = exponentBits;
            MantissaBits = mantissaBits;
            Bias = bias;
            Signed = signed;
            Subnormals = subnormals;
            Specials = specials;
            Overflow = overflow;

            TotalBits = exponentBits + mantissaBits + (signed ? 1 : 0);
            ContainerBits = TotalBits <= 8 ? 8 : TotalBits <= 16 ? 16 : TotalBits <= 32 ? 32 : 64;
            MagnitudeMask = (1UL << (exponentBits + mantissaBits)) - 1;
            SignMask = signed ? 1UL << (exponentBits + mantissaBits) : 0;
            MantissaMask = (1UL << mantissaBits) - 1;
            ExponentFieldMax = (1 << exponentBits) - 1;

            // The largest finite magnitude: below the reserved exponent for IEEE, one below the all-ones NaN pattern
            // for FiniteNaN, and the all-ones pattern itself where no magnitude is reserved.
            MaxFiniteMagnitude = specials switch
            {
                SpecialValues.Ieee => ((ulong)(ExponentFieldMax - 1) << mantissaBits) | MantissaMask,
                SpecialValues.FiniteNaN => MagnitudeMask - 1,
                _ => MagnitudeMask,
            };

            MinNormalExponent = subnormals ? 1 - bias : -bias;
            MaxExponent = (int)(MaxFiniteMagnitude >> mantissaBits) - bias;
            // A subnormal-free format's smallest exponent field still holds a normal value, so it has no zero.
            HasZero = subnormals;
        }

        /// <summary>Width of the exponent field.</summary>
        public int ExponentBits { get; }

        /// <summary>Width of the mantissa (trailing significand) field.</summary>
        public int MantissaBits { get; }

        /// <summary>Exponent bias.</summary>
        public int Bias { get; }

        /// <summary>Whether the format has a sign bit.</summary>
        public bool Signed { get; }

        /// <summary>Whether exponent field 0 encodes subnormals (and zero) rather than normal values.</summary>
        public bool Subnormals { get; }

        /// <summary>Which encodings are infinities and NaNs.</summary>
        public SpecialValues Specials { get; }

        /// <summary>The overflow behaviour with <see cref="OverflowBehavior.Default"/> resolved.</summary>
        public OverflowBehavior Overflow { get; }

        /// <summary>Number of bits in an encoding.</summary>
        public int TotalBits { get; }

        /// <summary>Bits of the smallest unsigned integer (8, 16, 32 or 64) that holds an encoding.</summary>
        public int ContainerBits { get; }

        /// <summary>Mask of the exponent and mantissa fields.</summary>
        public ulong MagnitudeMask { get; }

        /// <summary>Mask of the sign bit; 0 for unsigned formats.</summary>
        public ulong SignMask { get; }

        /// <summary>Mask of the mantissa field.</summary>
        public ulong MantissaMask { get; }

        /// <summary>The all-ones exponent field value.</summary>
        public int ExponentFieldMax { get; }

        /// <summary>Magnitude code of the largest finite value.</summary>
        public ulong MaxFiniteMagnitude { get; }

        /// <summary>Unbiased exponent of the smallest normal value.</summary>
        public int MinNormalExponent { get; }

        /// <summary>Unbiased exponent of the largest finite value.</summary>
        public int MaxExponent { get; }

        /// <summary>Whether the format can represent zero (formats without subnormals cannot).</summary>
        public bool HasZero { get; }

        /// <summary>Whether any encoding is NaN.</summary>
        public bool HasNaN => Specials != SpecialValues.Finite;

        /// <summary>Whether the format has infinities.</summary>
        public bool HasInfinity => Specials == SpecialValues.Ieee;

        /// <summary>Whether the format has a negative zero.</summary>
        public bool HasNegativeZero => Signed && HasZero && Specials != SpecialValues.FiniteNaNUnsignedZero;

        /// <summary>
        /// The code that converting <see cref="double.NaN"/> gives (as ml_dtypes does): the positive quiet NaN for IEEE
        /// formats, the positive all-ones pattern for FiniteNaN, the negative-zero pattern for FNUZ, and for Finite
        /// formats (which have no NaN) the negative-zero code (ml_dtypes' <c>quiet_NaN()</c>), or 0 if unsigned.
        /// </summary>
        public ulong NaNCode => Specials switch
        {
            SpecialValues.Ieee => ((ulong)ExponentFieldMax << MantissaBits) | (1UL << (MantissaBits - 1)),
            SpecialValues.FiniteNaN => MagnitudeMask,
            SpecialValues.FiniteNaNUnsignedZero => SignMask,
            _ => SignMask,
        };

        /// <summary>The code that converting <see cref="double.PositiveInfinity"/> gives.</summary>
        public ulong PositiveInfinityCode => Specials switch
        {
            SpecialValues.Ieee => (ulong)ExponentFieldMax << MantissaBits,
            SpecialValues.Finite => MaxFiniteMagnitude,
            _ => NaNCode,
        };

        /// <summary>The code that converting <see cref="double.NegativeInfinity"/> gives.</summary>
        public ulong NegativeInfinityCode => !Signed
            ? (HasNaN ? NaNCode : 0)
            : Specials switch
            {
                SpecialValues.Ieee => SignMask | ((ulong)ExponentFieldMax << MantissaBits),
                SpecialValues.FiniteNaN => SignMask | MagnitudeMask,
                SpecialValues.FiniteNaNUnsignedZero => SignMask,
                _ => SignMask | MaxFiniteMagnitude,
            };

        /// <summary>The largest finite value.</summary>
        public double MaxValue => MagnitudeToDouble(MaxFiniteMagnitude);

        /// <summary>The smallest positive normal value.</summary>
        public double MinNormal => Pow2(MinNormalExponent);

        /// <summary>The smallest positive value (the .NET meaning of <c>Epsilon</c>): the smallest subnormal, or the smallest normal without subnormals.</summary>
        public double Epsilon => Subnormals ? Pow2(MinNormalExponent - MantissaBits) : MinNormal;

        /// <summary>The distance from 1 to the next larger value, 2^-M.</summary>
        public double MachineEpsilon => Pow2(-MantissaBits);

        /// <summary>Decodes a finite magnitude code to its exact value.</summary>
        public double MagnitudeToDouble(ulong magnitude)
        {
            long field = (long)(magnitude >> MantissaBits);
            ulong mantissa = magnitude & MantissaMask;
            if (field == 0 && Subnormals)
            {
                return mantissa * Pow2(MinNormalExponent - MantissaBits);
            }

            // Split the scaling so neither factor leaves the double range for extreme (but valid) formats.
            double significand = (double)((1UL << MantissaBits) | mantissa) * Pow2(-MantissaBits);
            return significand * Pow2((int)field - Bias);
        }

        /// <summary>2^e as a double, exact for -1074 &lt;= e &lt;= 1023.</summary>
        public static double Pow2(int e)
        {
            if (e >= -1022)
            {
                return BitConverter.Int64BitsToDouble((long)(e + 1023) << 52);
            }

            return BitConverter.Int64BitsToDouble(1L << (e + 1074));
        }

        /// <summary>The default bias of an exponent field: 2^(exponentBits-1) - 1.</summary>
        public static int DefaultBias(int exponentBits) => exponentBits <= 0 ? 0 : (1 << (exponentBits - 1)) - 1;

        /// <summary>The overflow behaviour that <see cref="OverflowBehavior.Default"/> stands for under <paramref name="specials"/>.</summary>
        public static OverflowBehavior ResolveOverflow(SpecialValues specials, OverflowBehavior overflow)
        {
            if (overflow != OverflowBehavior.Default)
            {
                return overflow;
            }

            return specials switch
            {
                SpecialValues.Ieee => OverflowBehavior.Infinity,
                SpecialValues.Finite => OverflowBehavior.Saturate,
                _ => OverflowBehavior.NaN,
            };
        }

        /// <summary>
        /// Checks a spec. Returns the layout when the spec is valid (and <paramref name="problems"/> empty), otherwise
        /// <see langword="null"/> with every problem found.
        /// </summary>
        public static FloatLayout? TryCreate(int exponentBits, int mantissaBits, int? bias, bool signed, bool subnormals, SpecialValues specials, OverflowBehavior overflow, out IReadOnlyList<SpecProblem> problems)
        {
            var found = new List<SpecProblem>();
            problems = found;

            if (exponentBits < 1 || exponentBits > MaxExponentBits)
            {
                found.Add(new SpecProblem("NF0010", FormattableString.Invariant($"exponentBits is {exponentBits}; it must be between 1 and {MaxExponentBits} so that every value is an exact double.")));
            }

            if (mantissaBits < 0 || mantissaBits > MaxMantissaBits)
            {
                found.Add(new SpecProblem("NF0011", FormattableString.Invariant($"mantissaBits is {mantissaBits}; it must be between 0 and {MaxMantissaBits} so that every value is an exact double.")));
            }

            if (!IsDefined(specials))
            {
                found.Add(new SpecProblem("NF0014", FormattableString.Invariant($"Specials value {(int)specials} is not a SpecialValues member; use Ieee, FiniteNaN, FiniteNaNUnsignedZero or Finite.")));
            }

            if (!IsDefined(overflow))
            {
                found.Add(new SpecProblem("NF0016", FormattableString.Invariant($"Overflow value {(int)overflow} is not an OverflowBehavior member; use Default, Infinity, NaN or Saturate.")));
            }

            if (found.Count > 0)
            {
                return null;
            }

            int effectiveBias = bias ?? DefaultBias(exponentBits);

            if (!signed && specials == SpecialValues.FiniteNaNUnsignedZero)
            {
                found.Add(new SpecProblem("NF0015", "Signed = false cannot be combined with Specials = FiniteNaNUnsignedZero: that kind's NaN is the negative-zero pattern, which needs a sign bit. Use FiniteNaN for an unsigned format."));
            }

            if (specials == SpecialValues.Ieee && (exponentBits < 2 || mantissaBits < 1))
            {
                found.Add(new SpecProblem("NF0014", FormattableString.Invariant($"Specials = Ieee reserves the top exponent for infinities and NaNs, which needs at least 2 exponent bits and 1 mantissa bit (this spec has E{exponentBits}M{mantissaBits}). Use FiniteNaN or Finite for narrower formats.")));
            }

            if (specials == SpecialValues.FiniteNaN && exponentBits + mantissaBits < 2)
            {
                found.Add(new SpecProblem("NF0014", FormattableString.Invariant($"Specials = FiniteNaN takes the all-ones pattern for NaN, which leaves no finite maximum in E{exponentBits}M{mantissaBits}. Use Finite, or widen the format.")));
            }

            if (!subnormals && specials == SpecialValues.FiniteNaNUnsignedZero)
            {
                found.Add(new SpecProblem("NF0014", "Specials = FiniteNaNUnsignedZero needs a zero, but Subnormals = false leaves the format without one. Use FiniteNaN, or keep subnormals."));
            }

            var resolvedOverflow = ResolveOverflow(specials, overflow);
            if (resolvedOverflow == OverflowBehavior.Infinity && specials != SpecialValues.Ieee)
            {
                found.Add(new SpecProblem("NF0016", FormattableString.Invariant($"Overflow = Infinity needs infinities, which Specials = {specials} does not have. Use NaN or Saturate.")));
            }

            if (resolvedOverflow == OverflowBehavior.NaN && specials == SpecialValues.Finite)
            {
                found.Add(new SpecProblem("NF0016", "Overflow = NaN needs a NaN, which Specials = Finite does not have. Use Saturate."));
            }

            if (found.Count > 0)
            {
                return null;
            }

            var layout = new FloatLayout(exponentBits, mantissaBits, effectiveBias, signed, subnormals, specials, resolvedOverflow);

            // Every value must be an exact double: the largest exponent at most 1023, the smallest bit at least 2^-1074.
            int lowestBitExponent = layout.MinNormalExponent - mantissaBits;
            if (layout.MaxExponent > 1023 || lowestBitExponent < -1074)
            {
                int maxField = (int)(layout.MaxFiniteMagnitude >> mantissaBits);
                int lowestBias = maxField - 1023;
                int highestBias = 1074 - mantissaBits + (subnormals ? 1 : 0);
                found.Add(new SpecProblem("NF0013", FormattableString.Invariant($"Bias = {effectiveBias} gives values from 2^{lowestBitExponent} to 2^{layout.MaxExponent}, which are not all exact doubles (2^-1074 to 2^1023). For E{exponentBits}M{mantissaBits} the bias must be between {lowestBias} and {highestBias}.")));
                return null;
            }

            return layout;
        }

        private static bool IsDefined(SpecialValues value) => value >= SpecialValues.Ieee && value <= SpecialValues.Finite;

        private static bool IsDefined(OverflowBehavior value) => value >= OverflowBehavior.Default && value <= OverflowBehavior.Saturate;
    }
}
