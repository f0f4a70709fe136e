using System;
using System.Collections.Generic;
using System.Globalization;
using NumForge.CompilerServices;
using NumForge.Generators.Emit;

namespace NumForge.Generators.Families.Float
{
    /// <summary>
    /// The generated part of one float format, exactly as docs/design/float-surface.md specifies: the shared frame and
    /// plumbing (<see cref="FormatSource"/>), then the float sections. The text forwards every member to the runtime
    /// kernels (<c>FloatCodec</c>, <c>FloatText</c>, <c>FloatSpan</c>); the emitter computes constants and writes
    /// declarations, and holds no numeric algorithm.
    /// </summary>
    internal sealed partial class FloatSource : FormatSource
    {
        private readonly FloatFormatModel _model;
        private readonly FloatLayout _layout;

        private FloatSource(FloatFormatModel model, FloatLayout layout)
            : base(model.Target, layout.ContainerBits)
        {
            _model = model;
            _layout = layout;
        }

        /// <summary>The generated source for one valid float format.</summary>
        public static string Emit(FloatFormatModel model)
        {
            FloatLayout? layout = FloatLayout.TryCreate(model.ExponentBits, model.MantissaBits, model.Bias, model.Signed, model.Subnormals, model.Specials, model.Overflow, out _);
            return layout is null ? InvalidSpec(model.Target) : new FloatSource(model, layout).Write();
        }

        private static string Codec => "global::NumForge.CompilerServices.FloatCodec<Traits>";

        private static string Rounded => "global::NumForge.CompilerServices.Floats.FloatRounded<Traits>";

        private static string Converter => "global::NumForge.CompilerServices.Floats.FloatConverter<Traits>";

        private static string Spans => "global::NumForge.CompilerServices.FloatSpan<Traits>";


        private int M => _layout.MantissaBits;

        /// <summary>Mask of every bit of an encoding.</summary>
        private ulong CodeMask => _layout.SignMask | _layout.MagnitudeMask;

        /// <inheritdoc/>
        protected override IReadOnlyList<string> Interfaces() => new[]
        {
            $"global::NumForge.INumericFormat<{Self}, {Bits}>",
            $"{Numerics}.IBinaryFloatingPointIeee754<{Self}>",
            $"{Numerics}.IMinMaxValue<{Self}>",
            $"global::System.IEquatable<{Self}>",
            $"global::System.IComparable<{Self}>",
            "global::System.IComparable",
        };

        /// <inheritdoc/>
        protected override void WriteMembers()
        {
            WritePlumbing(_layout.TotalBits, CodeMask, "Describes the format: widths, bias, special values and extreme values.", "ForFloat");
            WriteTraits("global::NumForge.CompilerServices.IFloatTraits", TraitsOf(_layout));

            // The sections in the order they are written.
            foreach (Action section in new Action[] { EmitConstants, EmitConversions, EmitOperators, EmitArithmetic, EmitClassification, EmitMath, EmitTranscendentals, EmitEquality, EmitText, EmitSpans, EmitGenericMath })
            {
                section();
            }
        }

        /// <summary>The constants of the nested <c>Traits</c> (<c>IFloatTraits</c>): the layout, its masks and its special codes.</summary>
        private static (string Type, string Name, string Value)[] TraitsOf(FloatLayout layout) => new[]
        {
            ("int", "ExponentBits", Int(layout.ExponentBits)), ("int", "MantissaBits", Int(layout.MantissaBits)), ("int", "Bias", Int(layout.Bias)),
            ("bool", "Signed", Bool(layout.Signed)), ("bool", "Subnormals", Bool(layout.Subnormals)),
            ("global::NumForge.SpecialValues", "Specials", "global::NumForge.SpecialValues." + layout.Specials),
            ("global::NumForge.OverflowBehavior", "Overflow", "global::NumForge.OverflowBehavior." + layout.Overflow),
            ("ulong", "SignMask", Hex(layout.SignMask)), ("ulong", "MagnitudeMask", Hex(layout.MagnitudeMask)), ("ulong", "MaxFiniteMagnitude", Hex(layout.MaxFiniteMagnitude)),
            ("ulong", "NaNCode", Hex(layout.NaNCode)), ("ulong", "PositiveInfinityCode", Hex(layout.PositiveInfinityCode)), ("ulong", "NegativeInfinityCode", Hex(layout.NegativeInfinityCode)),
            ("int", "MinNormalExponent", Int(layout.MinNormalExponent)), ("int", "MaxExponent", Int(layout.MaxExponent)),
        };

        private void EmitClassification() => WriteClassification("global::NumForge.CompilerServices.Floats.FloatClassification<Traits>");

        private void EmitText() => WriteText("global::NumForge.CompilerServices.Floats.FloatTextCodec<Traits>", "", "correctly rounded from its exact decimal value");

        // ================================================================ constants

        private void EmitConstants()
        {
            W.Section("constants");
            FloatLayout l = _layout;
            bool finite = l.Specials == SpecialValues.Finite;
            string noInfinity = finite ? "the largest finite value" : "NaN";

            Constant("PositiveInfinity",
                l.HasInfinity ? "Positive infinity." : $"What converting <c>double.PositiveInfinity</c> gives: this format has no infinities, so {noInfinity}.",
                l.PositiveInfinityCode, "double.PositiveInfinity");
            Constant("NegativeInfinity",
                l.HasInfinity ? "Negative infinity." : $"What converting <c>double.NegativeInfinity</c> gives: this format has no {(l.Signed ? "infinities" : "negative values")}, so {NegativeInfinityWords()}.",
                l.NegativeInfinityCode, "double.NegativeInfinity");
            Constant("NaN",
                l.HasNaN ? "Not a number: what converting <c>double.NaN</c> gives." : "What converting <c>double.NaN</c> gives: this format has no NaN, so this is a number (as in ml_dtypes).",
                l.NaNCode, "double.NaN");
            Constant("MaxValue", $"The largest finite value, {Describe(l.MaxValue)}.", l.MaxFiniteMagnitude, null);
            Constant("MinValue",
                l.Signed ? $"The most negative finite value, -{Describe(l.MaxValue)}." : $"The smallest value, {Describe(l.Subnormals ? 0 : l.MinNormal)}: the format is unsigned.",
                l.Signed ? l.SignMask | l.MaxFiniteMagnitude : 0, null);
            Constant("Epsilon", $"The smallest positive value, {Describe(l.Epsilon)} (the .NET meaning of Epsilon).", l.Subnormals ? 1UL : 0UL, null);
            Constant("MinNormal", $"The smallest positive normal value, {Describe(l.MinNormal)}.", l.Subnormals ? 1UL << M : 0UL, null);
            Constant("MachineEpsilon", $"The distance from 1 to the next larger value, 2^-{Int(M)}.", PowerOfTwoCode(-M), "global::System.Math.Pow(2, -" + Int(M) + ")");
            Constant("Zero", l.HasZero ? "Zero." : "What converting 0 gives: this format has no zero.", l.HasZero ? 0UL : null, "0.0");
            Constant("NegativeZero",
                l.HasNegativeZero ? "Negative zero." : "What converting <c>-0.0</c> gives: this format has no negative zero.",
                l.HasNegativeZero ? l.SignMask : null, "-0.0");
            ulong? one = PowerOfTwoCode(0);
            Constant("One", "One.", one, "1.0");
            Constant("NegativeOne", l.Signed ? "Negative one." : "What converting -1 gives: this format is unsigned.", l.Signed && one.HasValue ? l.SignMask | one.Value : null, "-1.0");
            Constant("E", "Euler's number e, rounded to the nearest value.", null, "global::System.Math.E");
            Constant("Pi", "The ratio of a circle's circumference to its diameter, rounded to the nearest value.", null, "global::System.Math.PI");
            Constant("Tau", "The ratio of a circle's circumference to its radius, rounded to the nearest value.", null, "global::System.Math.Tau");
        }

        private string NegativeInfinityWords()
        {
            if (!_layout.HasNaN)
            {
                return _layout.Signed ? "the most negative finite value" : "its smallest value";
            }

            return "NaN";
        }

        /// <summary>
        /// A constant property: from its code when the generator knows it, else what converting <paramref name="value"/>
        /// gives (constants the format cannot hold, and irrational ones).
        /// </summary>
        private void Constant(string name, string summary, ulong? code, string? value)
        {
            string expression = code.HasValue ? $"FromCode({Hex(code.Value)})" : $"FromCode({Codec}.FromDouble({value}))";
            Member($$"""
                /// <summary>{{summary}}</summary>
                public static {{Self}} {{name}} => {{expression}};
                """);
        }

        /// <summary>The code of 2^<paramref name="k"/>, or null when the format cannot hold it exactly.</summary>
        private ulong? PowerOfTwoCode(int k)
        {
            if (k > _layout.MaxExponent)
            {
                return null;
            }

            if (k >= _layout.MinNormalExponent)
            {
                // A normal power of two: its exponent field, mantissa 0 (MinNormalExponent is field 0 without subnormals).
                return (ulong)(k + _layout.Bias) << M;
            }

            int bit = k - (_layout.MinNormalExponent - M);
            return _layout.Subnormals && bit >= 0 ? 1UL << bit : null;
        }

        // ================================================================ conversions

        /// <summary>The expression that rounds <paramref name="value"/> of <paramref name="type"/> to this format (ties to even).</summary>
        private static string FromExpression(string type, string value) => "FromCode(" + Codec + "." + type switch
        {
            "float" => $"FromSingle({value}, {ToEven}, false)",
            "global::System.Half" => $"FromHalf({value}, {ToEven}, false)",
            "double" => $"FromDouble({value})",
            "decimal" => $"FromDecimal({value})",
            _ => $"{IntegerKernel(type)}({value})",
        } + ")";

        /// <summary>Whether every value of the format is exactly a float (then the conversion to float is implicit).</summary>
        private bool FitsInSingle => M <= 23 && _layout.MinNormalExponent - M >= -149 && _layout.MaxExponent <= 127;

        private static string AsDouble(string value) => $"{Codec}.ToDouble({value}.Code)";

        private void EmitConversions()
        {
            W.Section("conversions");
            foreach (string source in ConversionSources)
            {
                Member($$"""
                    /// <summary>Converts from <c>{{Short(source)}}</c> to the nearest value (ties to even); past the largest finite value gives {{OverflowWords()}}.</summary>
                    public static explicit operator {{Self}}({{source}} value) => {{FromExpression(source, "value")}};
                    """);
            }

            Member($$"""
                /// <summary>Converts to <c>double</c>; every value is exact in double.</summary>
                public static implicit operator double({{Self}} value) => {{AsDouble("value")}};
                """);

            string singleKind = FitsInSingle ? "implicit" : "explicit";
            Member($$"""
                /// <summary>Converts to <c>float</c>{{(FitsInSingle ? "; every value is exact in float" : ", rounding to nearest even where float cannot hold the value")}}.</summary>
                public static {{singleKind}} operator float({{Self}} value) => {{Codec}}.ToSingle(value.Code);
                """);

            Member($$"""
                /// <summary>Converts to <c>Half</c>, rounding to nearest even where Half cannot hold the value.</summary>
                public static explicit operator global::System.Half({{Self}} value) => {{Codec}}.ToHalf(value.Code);
                """);

            Member($$"""
                /// <summary>Converts to <c>decimal</c> as <c>(decimal)double</c> does; NaN, infinities and values outside decimal's range throw <c>OverflowException</c>.</summary>
                public static explicit operator decimal({{Self}} value) => (decimal){{AsDouble("value")}};
                """);

            foreach (string target in IntegerTargets)
            {
                Member($$"""
                    /// <summary>Converts to <c>{{Short(target)}}</c>, truncating toward zero; out-of-range values saturate and NaN gives 0.</summary>
                    public static explicit operator {{target}}({{Self}} value) => {{Converter}}.ToInteger<{{target}}>(value.Code, false);
                    """);
            }

            foreach (string target in IntegerTargets)
            {
                Member($$"""
                    /// <summary>Converts to <c>{{Short(target)}}</c>, truncating toward zero; NaN and out-of-range values throw <c>OverflowException</c>.</summary>
                    public static explicit operator checked {{target}}({{Self}} value) => {{Converter}}.ToInteger<{{target}}>(value.Code, true);
                    """);
            }

            RoundingConversion("FromSingle", "float");
            RoundingConversion("FromDouble", "double");
            RoundingConversion("FromHalf", "global::System.Half");
        }

        private void RoundingConversion(string name, string type)
        {
            Member($$"""
                /// <summary>
                /// Converts from <c>{{Short(type)}}</c> to this format, rounded once in the direction <paramref name="rounding"/> asks.
                /// A finite value that rounds past the largest finite value gives ±MaxValue when <paramref name="saturate"/> is true,
                /// else {{OverflowWords()}} (a rounding toward zero, or toward the side the value lies beyond, always gives ±MaxValue).
                /// </summary>
                /// <param name="value">The value to convert.</param>
                /// <param name="rounding">The rounding direction; <c>MidpointRounding.ToEven</c> is round to nearest, ties to even.</param>
                /// <param name="saturate">Whether a finite value past the largest finite value gives ±MaxValue.</param>
                /// <returns>The rounded value.</returns>
                public static {{Self}} {{name}}({{type}} value, {{Rounding}} rounding, bool saturate = false) => FromCode({{Rounded}}.{{name}}(value, rounding, saturate));
                """);
        }

        /// <summary>What a conversion past the largest finite value gives by default, in words.</summary>
        private string OverflowWords() => _layout.Overflow switch
        {
            OverflowBehavior.Infinity => "±infinity",
            OverflowBehavior.NaN => "NaN",
            _ => "±MaxValue",
        };

        // ================================================================ operators

        private void EmitOperators()
        {
            WriteOperators(Codec);
            BinaryOperator("&", "FromCode(left.Code & right.Code)");
            BinaryOperator("|", "FromCode(left.Code | right.Code)");
            BinaryOperator("^", "FromCode(left.Code ^ right.Code)");
            UnaryOperator("~", $"FromCode(~value.Code & {Hex(CodeMask)})");
        }

        /// <summary>
        /// A finite double in words that read the same on every runtime: an integer when it is a small one, else
        /// m × 2^e with an odd integer m (or 2^e).
        /// </summary>
        private static string Describe(double value)
        {
            if (value == 0)
            {
                return "0";
            }

            if (value == Math.Floor(value) && value < 1e15)
            {
                return ((long)value).ToString(CultureInfo.InvariantCulture);
            }

            long bits = BitConverter.DoubleToInt64Bits(value);
            int biased = (int)((bits >> 52) & 0x7FF);
            long significand = bits & 0xF_FFFF_FFFF_FFFFL;
            int exponent;
            if (biased == 0)
            {
                exponent = -1074;
            }
            else
            {
                significand |= 1L << 52;
                exponent = biased - 1075;
            }

            while ((significand & 1) == 0)
            {
                significand >>= 1;
                exponent++;
            }

            string power = "2^" + Int(exponent);
            return significand == 1 ? power : significand.ToString(CultureInfo.InvariantCulture) + " × " + power;
        }
    }
}
