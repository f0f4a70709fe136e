using System;
using System.Collections.Generic;
using System.Numerics;
using NumForge.CompilerServices;

namespace NumForge.Tests.Support
{
    /// <summary>What an exact value is: a finite number, an infinity or a NaN.</summary>
    public enum ValueKind
    {
        Finite,
        Infinity,
        NaN,
    }

    /// <summary>An exact value: kind, sign and (for finite values) the exact magnitude.</summary>
    public readonly record struct ExactValue(ValueKind Kind, bool Negative, Rational Magnitude)
    {
        public static ExactValue NaN(bool negative = false) => new(ValueKind.NaN, negative, Rational.Zero);

        public static ExactValue Infinity(bool negative) => new(ValueKind.Infinity, negative, Rational.Zero);

        public static ExactValue Zero(bool negative) => new(ValueKind.Finite, negative, Rational.Zero);

        /// <summary>A finite value from a signed rational (a zero result is +0).</summary>
        public static ExactValue Of(Rational value) => new(ValueKind.Finite, value.Sign < 0, Rational.Abs(value));

        public static ExactValue FromDouble(double value)
        {
            bool negative = double.IsNegative(value);
            if (double.IsNaN(value))
            {
                return NaN(negative);
            }

            if (double.IsInfinity(value))
            {
                return Infinity(negative);
            }

            return new(ValueKind.Finite, negative, Rational.Abs(Rational.FromDouble(value)));
        }

        public bool IsNaN => Kind == ValueKind.NaN;

        public bool IsInfinity => Kind == ValueKind.Infinity;

        public bool IsFinite => Kind == ValueKind.Finite;

        public bool IsZero => Kind == ValueKind.Finite && Magnitude.IsZero;

        /// <summary>The signed value of a finite number.</summary>
        public Rational Value => Negative ? -Magnitude : Magnitude;

        public override string ToString() => Kind switch
        {
            ValueKind.NaN => Negative ? "-NaN" : "NaN",
            ValueKind.Infinity => Negative ? "-Inf" : "+Inf",
            _ => (Negative ? "-" : "+") + Magnitude + (Magnitude.Den.IsOne || Magnitude.IsZero ? string.Empty : $" (~{(double)Magnitude.Num / (double)Magnitude.Den:R})"),
        };
    }

    /// <summary>
    /// The exact reference for a float format, written plainly from the spec (E, M, bias, signed, subnormals,
    /// specials, overflow) and DESIGN.md section 4. It decodes codes exactly, lists every finite value, and rounds an
    /// exact value to the format by looking up its two neighbours in the sorted list of the format's magnitudes (plus
    /// one "virtual" magnitude just past the largest finite one, which stands for overflow), then applying the
    /// rounding mode. It shares no code with <see cref="FloatCodec{TTraits}"/>; it reads only the spec fields of
    /// <see cref="FloatLayout"/> (which the traits tests check against hand-written values).
    /// </summary>
    public sealed class ExactFloatReference
    {
        private readonly double[] _magnitudes;   // sorted distinct nonnegative finite values, then the virtual overflow magnitude
        private readonly ulong[] _magnitudeCodes; // the code of each finite entry (sign bit clear)
        private readonly double[] _midpoints;    // _midpoints[i] = (_magnitudes[i] + _magnitudes[i + 1]) / 2, exact

        public ExactFloatReference(string name, int exponentBits, int mantissaBits, int bias, bool signed, bool subnormals, SpecialValues specials, OverflowBehavior overflow)
        {
            if (overflow == OverflowBehavior.Default)
            {
                overflow = specials switch
                {
                    SpecialValues.Ieee => OverflowBehavior.Infinity,
                    SpecialValues.Finite => OverflowBehavior.Saturate,
                    _ => OverflowBehavior.NaN,
                };
            }

            Name = name;
            E = exponentBits;
            M = mantissaBits;
            Bias = bias;
            Signed = signed;
            Subnormals = subnormals;
            Specials = specials;
            Overflow = overflow;
            TotalBits = E + M + (signed ? 1 : 0);
            if (TotalBits > 20)
            {
                throw new NotSupportedException("The reference enumerates every code; it is meant for formats of at most 20 bits.");
            }

            SignBit = signed ? 1UL << (E + M) : 0;

            // Every finite nonnegative value, in code order (which is value order within one sign).
            var mags = new List<double>();
            var codes = new List<ulong>();
            for (ulong code = 0; code < 1UL << (E + M); code++)
            {
                ExactValue v = Decode(code);
                if (v.IsFinite)
                {
                    double d = v.Magnitude.ToExactDouble();
                    if (mags.Count > 0 && !(d > mags[^1]))
                    {
                        throw new InvalidOperationException($"{name}: code 0x{code:x} does not increase the value.");
                    }

                    mags.Add(d);
                    codes.Add(code);
                }
            }

            MaxCode = codes[^1];
            MaxValue = mags[^1];
            // The next value past the largest, as if the exponent range went on: max + one unit in its last place.
            mags.Add(MaxValue + Math.ScaleB(1.0, Math.ILogB(MaxValue) - M));
            _magnitudes = mags.ToArray();
            _magnitudeCodes = codes.ToArray();
            _midpoints = new double[_magnitudeCodes.Length];
            for (int i = 0; i < _midpoints.Length; i++)
            {
                double lo = _magnitudes[i];
                double hi = _magnitudes[i + 1];
                double mid = (lo + hi) / 2;
                if (mid - lo != hi - mid || mid * 2 - lo != hi)
                {
                    throw new InvalidOperationException($"{name}: midpoint of {lo:R} and {hi:R} is not an exact double.");
                }

                _midpoints[i] = mid;
            }
        }

        public static ExactFloatReference FromLayout(string name, FloatLayout layout) =>
            new(name, layout.ExponentBits, layout.MantissaBits, layout.Bias, layout.Signed, layout.Subnormals, layout.Specials, layout.Overflow);

        public string Name { get; }

        public int E { get; }

        public int M { get; }

        public int Bias { get; }

        public bool Signed { get; }

        public bool Subnormals { get; }

        public SpecialValues Specials { get; }

        public OverflowBehavior Overflow { get; }

        public int TotalBits { get; }

        public ulong CodeCount => 1UL << TotalBits;

        public ulong SignBit { get; }

        /// <summary>Code of the largest finite value.</summary>
        public ulong MaxCode { get; }

        public double MaxValue { get; }

        /// <summary>The sorted nonnegative finite magnitudes (without the virtual overflow entry).</summary>
        public ReadOnlySpan<double> Magnitudes => _magnitudes.AsSpan(0, _magnitudeCodes.Length);

        public bool HasNegativeZero => Signed && Subnormals && Specials != SpecialValues.FiniteNaNUnsignedZero;

        public bool HasNaN => Specials != SpecialValues.Finite;

        private ulong ExponentAllOnes => (1UL << E) - 1;

        private ulong MagnitudeAllOnes => (1UL << (E + M)) - 1;

        // ------------------------------------------------------------------ decoding

        /// <summary>The exact value of a code, read from the spec.</summary>
        public ExactValue Decode(ulong code)
        {
            if (code >= CodeCount)
            {
                throw new ArgumentOutOfRangeException(nameof(code), $"0x{code:x} is not a {Name} code.");
            }

            bool negative = Signed && ((code >> (E + M)) & 1) != 0;
            ulong field = (code >> M) & ExponentAllOnes;
            ulong mantissa = code & ((1UL << M) - 1);
            switch (Specials)
            {
                case SpecialValues.Ieee when field == ExponentAllOnes:
                    return mantissa == 0 ? ExactValue.Infinity(negative) : ExactValue.NaN(negative);
                case SpecialValues.FiniteNaN when field == ExponentAllOnes && mantissa == (1UL << M) - 1:
                    return ExactValue.NaN(negative);
                case SpecialValues.FiniteNaNUnsignedZero when negative && field == 0 && mantissa == 0:
                    return ExactValue.NaN(true);
            }

            Rational magnitude = Subnormals && field == 0
                ? new Rational(mantissa, 1) * Rational.Pow2(1 - Bias - M)
                : new Rational((1UL << M) + mantissa, 1) * Rational.Pow2((int)field - Bias - M);
            return new ExactValue(ValueKind.Finite, negative, magnitude);
        }

        /// <summary>Every code that is a finite number, with its exact value.</summary>
        public IEnumerable<(ulong Code, ExactValue Value)> FiniteCodes()
        {
            for (ulong code = 0; code < CodeCount; code++)
            {
                ExactValue v = Decode(code);
                if (v.IsFinite)
                {
                    yield return (code, v);
                }
            }
        }

        public bool IsNaNCode(ulong code) => Decode(code).IsNaN;

        // ------------------------------------------------------------------ special results (DESIGN section 4)

        /// <summary>What converting a NaN of the given sign gives (ml_dtypes' behaviour).</summary>
        public ulong NaNResult(bool negative)
        {
            ulong sign = negative ? SignBit : 0;
            return Specials switch
            {
                // The quiet NaN: all-ones exponent, top mantissa bit; the sign is kept.
                SpecialValues.Ieee => sign | (ExponentAllOnes << M) | (1UL << (M - 1)),
                SpecialValues.FiniteNaN => sign | MagnitudeAllOnes,
                SpecialValues.FiniteNaNUnsignedZero => SignBit,
                // No NaN: ml_dtypes gives its quiet_NaN(), the -0 code, for NaN and +0 for -NaN.
                _ => negative ? 0 : SignBit,
            };
        }

        /// <summary>What converting ±infinity gives (whatever the mode and saturation: an infinity is not an overflow).</summary>
        public ulong InfinityResult(bool negative)
        {
            ulong sign = negative ? SignBit : 0;
            return Specials switch
            {
                SpecialValues.Ieee => sign | (ExponentAllOnes << M),
                SpecialValues.Finite => sign | MaxCode,
                _ => NaNResult(negative),
            };
        }

        /// <summary>What a finite value past the largest finite one gives after rounding away from zero.</summary>
        public ulong OverflowResult(bool negative, bool saturate)
        {
            ulong sign = negative ? SignBit : 0;
            if (saturate || Overflow == OverflowBehavior.Saturate)
            {
                return sign | MaxCode;
            }

            return Overflow == OverflowBehavior.Infinity ? sign | (ExponentAllOnes << M) : NaNResult(negative);
        }

        private ulong ZeroResult(bool negative, bool saturate)
        {
            if (!Subnormals)
            {
                // No zero (E8M0): NaN, or the smallest value (code 0) when saturating.
                return saturate ? (negative ? SignBit : 0) : NaNResult(false);
            }

            return negative && HasNegativeZero ? SignBit : 0;
        }

        // ------------------------------------------------------------------ rounding

        /// <summary>Rounds an exact value to the format.</summary>
        public ulong Round(ExactValue x, MidpointRounding mode, bool saturate)
        {
            switch (x.Kind)
            {
                case ValueKind.NaN:
                    return NaNResult(x.Negative);
                case ValueKind.Infinity:
                    return InfinityResult(x.Negative);
            }

            if (x.Magnitude.IsZero)
            {
                return ZeroResult(x.Negative, saturate);
            }

            return RoundMagnitude(x.Negative, new RationalMagnitude(x.Magnitude), mode, saturate);
        }

        /// <summary>Rounds a double to the format (the fast path: the double is compared with the table directly).</summary>
        public ulong Round(double x, MidpointRounding mode, bool saturate)
        {
            bool negative = double.IsNegative(x);
            if (double.IsNaN(x))
            {
                return NaNResult(negative);
            }

            if (double.IsInfinity(x))
            {
                return InfinityResult(negative);
            }

            if (x == 0)
            {
                return ZeroResult(negative, saturate);
            }

            return RoundMagnitude(negative, new DoubleMagnitude(Math.Abs(x)), mode, saturate);
        }

        /// <summary>The correctly rounded square root of an exact value (no saturation).</summary>
        public ulong RoundSqrt(ExactValue x, MidpointRounding mode)
        {
            if (x.IsNaN || (x.Negative && !x.IsZero))
            {
                return NaNResult(false);
            }

            if (x.IsInfinity || x.IsZero)
            {
                return Round(x, mode, saturate: false);
            }

            // The operand of a format's sqrt is a format value, so usually an exact double: compare in double where exact.
            Rational m = x.Magnitude;
            double d = (double)m.Num / (double)m.Den;
            if (double.IsNormal(d) && Rational.FromDouble(d) == m)
            {
                return RoundMagnitude(false, new DoubleSqrtMagnitude(d), mode, saturate: false);
            }

            return RoundMagnitude(false, new SqrtMagnitude(m), mode, saturate: false);
        }

        /// <summary>Something positive that can be compared exactly with a table entry.</summary>
        private interface IMagnitude
        {
            /// <summary>Sign of (this - table[index]) where table is magnitudes (midpoint false) or midpoints (true).</summary>
            int CompareTo(double entry);
        }

        private readonly struct DoubleMagnitude(double value) : IMagnitude
        {
            public int CompareTo(double entry) => value.CompareTo(entry);
        }

        private readonly struct RationalMagnitude(Rational value) : IMagnitude
        {
            public int CompareTo(double entry) => value.CompareTo(Exact(entry));
        }

        private readonly struct SqrtMagnitude(Rational square) : IMagnitude
        {
            // √square vs t (t >= 0)  <=>  square vs t².
            public int CompareTo(double entry)
            {
                Rational t = Exact(entry);
                return square.CompareTo(t * t);
            }
        }

        /// <summary>√square for a square that is a double: compares square with t² in double when t² is exact, else exactly.</summary>
        private readonly struct DoubleSqrtMagnitude(double square) : IMagnitude
        {
            public int CompareTo(double entry)
            {
                double t2 = entry * entry;
                // t² is exact when the FMA residual is zero and nothing over- or underflowed (t² a normal double).
                if (double.IsNormal(t2) && Math.FusedMultiplyAdd(entry, entry, -t2) == 0)
                {
                    return square.CompareTo(t2);
                }

                return new SqrtMagnitude(Rational.FromDouble(square)).CompareTo(entry);
            }
        }

        private static Rational Exact(double entry) => Rational.FromDouble(entry);

        /// <summary>
        /// Rounds (-1)^negative × x for x &gt; 0 finite. The neighbours of x are found in the sorted magnitude table;
        /// the entry after the largest finite magnitude is the virtual overflow magnitude.
        /// </summary>
        private ulong RoundMagnitude<T>(bool negative, T x, MidpointRounding mode, bool saturate)
            where T : struct, IMagnitude
        {
            if (negative && !Signed)
            {
                // An unsigned format has no negative numbers: NaN, or its smallest value when saturating (E8M0).
                return saturate || !HasNaN ? 0 : NaNResult(false);
            }

            ulong sign = negative ? SignBit : 0;
            int overflowIndex = _magnitudeCodes.Length;
            if (x.CompareTo(_magnitudes[0]) < 0)
            {
                // Only a format without zero has a positive smallest magnitude: everything below goes to it (E8M0).
                return sign | _magnitudeCodes[0];
            }

            // Largest i with table[i] <= x, over the finite magnitudes and the virtual overflow entry.
            int lo = 0;
            int hi = overflowIndex;
            while (lo < hi)
            {
                int probe = (lo + hi + 1) / 2;
                if (x.CompareTo(_magnitudes[probe]) >= 0)
                {
                    lo = probe;
                }
                else
                {
                    hi = probe - 1;
                }
            }

            int i = lo;
            bool towardZero = mode == MidpointRounding.ToZero
                || (mode == MidpointRounding.ToPositiveInfinity && negative)
                || (mode == MidpointRounding.ToNegativeInfinity && !negative);
            if (i == overflowIndex)
            {
                // At or past the virtual next magnitude: only a rounding toward zero stays finite (±max).
                return towardZero ? sign | MaxCode : OverflowResult(negative, saturate);
            }

            if (x.CompareTo(_magnitudes[i]) == 0)
            {
                return Pack(negative, i, saturate);
            }

            int c = x.CompareTo(_midpoints[i]);
            bool up = mode switch
            {
                MidpointRounding.ToZero => false,
                MidpointRounding.AwayFromZero => c >= 0,
                MidpointRounding.ToEven => c > 0 || (c == 0 && TieGoesUp(i)),
                MidpointRounding.ToPositiveInfinity => !negative,
                MidpointRounding.ToNegativeInfinity => negative,
                _ => throw new ArgumentOutOfRangeException(nameof(mode)),
            };
            int j = up ? i + 1 : i;
            return j == overflowIndex ? OverflowResult(negative, saturate) : Pack(negative, j, saturate);
        }

        /// <summary>Ties to even: the neighbour whose mantissa ends in 0. Without mantissa bits (E8M0) ties go up, as ml_dtypes does.</summary>
        private bool TieGoesUp(int lowerIndex)
        {
            if (M == 0)
            {
                return true;
            }

            int upper = lowerIndex + 1;
            ulong upperCode = upper == _magnitudeCodes.Length ? MaxCode + 1 : _magnitudeCodes[upper];
            return (upperCode & 1) == 0;
        }

        private ulong Pack(bool negative, int index, bool saturate)
        {
            if (_magnitudes[index] == 0)
            {
                return ZeroResult(negative, saturate);
            }

            return (negative ? SignBit : 0) | _magnitudeCodes[index];
        }

        // ------------------------------------------------------------------ exact arithmetic (IEEE 754 rules)

        /// <summary>The exact sum, with IEEE's signs of zero (an exact zero sum of nonzero or mixed-sign operands is +0, or -0 rounding toward -inf).</summary>
        public static ExactValue Add(ExactValue a, ExactValue b, MidpointRounding mode)
        {
            if (a.IsNaN || b.IsNaN)
            {
                return ExactValue.NaN();
            }

            if (a.IsInfinity || b.IsInfinity)
            {
                if (a.IsInfinity && b.IsInfinity && a.Negative != b.Negative)
                {
                    return ExactValue.NaN(true);
                }

                return ExactValue.Infinity(a.IsInfinity ? a.Negative : b.Negative);
            }

            Rational sum = a.Value + b.Value;
            if (sum.IsZero)
            {
                if (a.IsZero && b.IsZero && a.Negative == b.Negative)
                {
                    return ExactValue.Zero(a.Negative);
                }

                return ExactValue.Zero(mode == MidpointRounding.ToNegativeInfinity);
            }

            return ExactValue.Of(sum);
        }

        public static ExactValue Negate(ExactValue a) => a with { Negative = !a.Negative };

        public static ExactValue Multiply(ExactValue a, ExactValue b)
        {
            bool negative = a.Negative != b.Negative;
            if (a.IsNaN || b.IsNaN || (a.IsInfinity && b.IsZero) || (a.IsZero && b.IsInfinity))
            {
                return ExactValue.NaN(true);
            }

            if (a.IsInfinity || b.IsInfinity)
            {
                return ExactValue.Infinity(negative);
            }

            return new ExactValue(ValueKind.Finite, negative, a.Magnitude * b.Magnitude);
        }

        public static ExactValue Divide(ExactValue a, ExactValue b)
        {
            bool negative = a.Negative != b.Negative;
            if (a.IsNaN || b.IsNaN || (a.IsInfinity && b.IsInfinity) || (a.IsZero && b.IsZero))
            {
                return ExactValue.NaN(true);
            }

            if (a.IsInfinity || b.IsZero)
            {
                return ExactValue.Infinity(negative);
            }

            if (b.IsInfinity)
            {
                return ExactValue.Zero(negative);
            }

            return new ExactValue(ValueKind.Finite, negative, a.Magnitude / b.Magnitude);
        }

        /// <summary>a × b + c exactly (one rounding later).</summary>
        public static ExactValue FusedMultiplyAdd(ExactValue a, ExactValue b, ExactValue c, MidpointRounding mode)
        {
            if (c.IsNaN)
            {
                return ExactValue.NaN();
            }

            ExactValue product = Multiply(a, b);
            return Add(product, c, mode);
        }
    }
}
