using System;
using System.Collections.Generic;
using System.Globalization;
using NumForge.CompilerServices;
using NumForge.Generators.Emit;

namespace NumForge.Generators.Families.Posit
{
    /// <summary>
    /// The generated part of one posit format (docs/posits.md): the shared frame and plumbing (<see cref="FormatSource"/>),
    /// then the posit sections. The text forwards every member to the runtime kernels (<c>PositCodec</c>,
    /// <c>PositText</c>, <c>PositSpan</c>, <c>QuireCodec</c>); the emitter computes constants with <see cref="PositLayout"/>
    /// and writes declarations, and holds no numeric algorithm.
    /// </summary>
    internal sealed partial class PositSource : FormatSource
    {
        private readonly PositLayout _layout;

        private PositSource(PositFormatModel model, PositLayout layout)
            : base(model.Target, layout.ContainerBits)
        {
            _layout = layout;
        }

        /// <summary>The generated source for one valid posit format.</summary>
        public static string Emit(PositFormatModel model)
        {
            PositLayout? layout = PositLayout.TryCreate(model.Bits, model.ExponentBits, out _);
            return layout is null ? InvalidSpec(model.Target) : new PositSource(model, layout).Write();
        }

        private static string Codec => "global::NumForge.CompilerServices.PositCodec<Traits>";

        private static string Spans => "global::NumForge.CompilerServices.PositSpan<Traits>";

        private static string Quires => "global::NumForge.CompilerServices.QuireCodec<Traits>";

        /// <summary>The format in words, e.g. <c>posit&lt;16,2&gt;</c>.</summary>
        private string Spec => $"posit&lt;{Int(_layout.Bits)},{Int(_layout.ExponentBits)}&gt;";

        /// <inheritdoc/>
        protected override IReadOnlyList<string> Interfaces() => new[]
        {
            $"global::NumForge.INumericFormat<{Self}, {Bits}>",
            $"{Numerics}.INumber<{Self}>",
            $"{Numerics}.ISignedNumber<{Self}>",
            $"{Numerics}.IRootFunctions<{Self}>",
            $"{Numerics}.IMinMaxValue<{Self}>",
            $"global::System.IEquatable<{Self}>",
            $"global::System.IComparable<{Self}>",
            "global::System.IComparable",
        };

        /// <inheritdoc/>
        protected override void WriteMembers()
        {
            WritePlumbing(_layout.Bits, _layout.CodeMask, $"Describes the format: {Spec}, its extreme values and its machine epsilon.", "ForPosit");
            WriteTraits("global::NumForge.CompilerServices.IPositTraits", TraitsOf(_layout));

            // The sections in the order they are written.
            foreach (Action section in new Action[] { EmitConstants, EmitConversions, EmitOperators, EmitArithmetic, EmitClassification, EmitMath, EmitEquality, EmitText, EmitSpans, EmitQuire, EmitGenericMath })
            {
                section();
            }
        }

        /// <summary>The constants of the nested <c>Traits</c> (<c>IPositTraits</c>): widths, codes, scales, quire size and exactness.</summary>
        private static (string Type, string Name, string Value)[] TraitsOf(PositLayout layout) => new[]
        {
            ("int", "Bits", Int(layout.Bits)), ("int", "ExponentBits", Int(layout.ExponentBits)),
            ("ulong", "CodeMask", Hex(layout.CodeMask)), ("ulong", "NaRCode", Hex(layout.NaRCode)), ("ulong", "MaxPosCode", Hex(layout.MaxPosCode)),
            ("int", "MaxScale", Int(layout.MaxScale)), ("int", "MaxFractionBits", Int(layout.MaxFractionBits)),
            ("int", "QuireBits", Int(layout.QuireBits)), ("int", "QuireLimbs", Int(layout.QuireLimbs)),
            ("bool", "IsExactInDouble", Bool(layout.IsExactInDouble)), ("bool", "IsExactInSingle", Bool(layout.IsExactInSingle)), ("bool", "IsExactInHalf", Bool(layout.IsExactInHalf)),
        };

        private void EmitOperators() => WriteOperators(Codec);

        // ================================================================ constants

        private void EmitConstants()
        {
            W.Section("constants");
            ulong one = _layout.Bits == 2 ? 1UL : _layout.NaRCode >> 1;
            Constant("NaR", "Not a Real: the one exception value. It equals itself and is less than every real; NaN and the infinities convert to it.", Hex(_layout.NaRCode));
            Constant("MaxValue", $"The largest value, maxpos = 2^{Int(_layout.MaxScale)}.", Hex(_layout.MaxPosCode));
            Constant("MinValue", $"The most negative value, -maxpos = -2^{Int(_layout.MaxScale)}.", Hex(_layout.NaRCode + 1));
            Constant("Epsilon", $"The smallest positive value, minpos = 2^-{Int(_layout.MaxScale)} (the .NET meaning of Epsilon).", "0x1UL");
            Constant("Zero", "Zero (posits have one zero).", "0x0UL");
            Constant("One", "One.", Hex(one));
            Constant("NegativeOne", "Negative one.", Hex((0UL - one) & _layout.CodeMask));
            Constant("E", "Euler's number e, rounded to the nearest value.", $"{Codec}.FromDouble(global::System.Math.E)");
            Constant("Pi", "The ratio of a circle's circumference to its diameter, rounded to the nearest value.", $"{Codec}.FromDouble(global::System.Math.PI)");
            Constant("Tau", "The ratio of a circle's circumference to its radius, rounded to the nearest value.", $"{Codec}.FromDouble(global::System.Math.Tau)");
        }

        private void Constant(string name, string summary, string code) => Member($$"""
            /// <summary>{{summary}}</summary>
            public static {{Self}} {{name}} => FromCode({{code}});
            """);

        // ================================================================ conversions

        /// <summary>The expression that rounds <paramref name="value"/> of <paramref name="type"/> to this format.</summary>
        private static string FromExpression(string type, string value) => type switch
        {
            "float" => $"FromCode({Codec}.FromSingle({value}))",
            "global::System.Half" => $"FromCode({Codec}.FromHalf({value}))",
            "double" or "decimal" => $"FromCode({Codec}.From{char.ToUpperInvariant(type[0])}{type.Substring(1)}({value}))",
            _ => $"FromCode({Codec}.{IntegerKernel(type)}({value}))",
        };

        private void EmitConversions()
        {
            W.Section("conversions");
            foreach (string source in ConversionSources)
            {
                string what = source is "float" or "double" or "global::System.Half"
                    ? "the nearest value (ties to even on the bit string); NaN and ±infinity give NaR, ±0 gives 0, and nonzero values never round to 0 or NaR (they saturate at ±minpos and ±maxpos)"
                    : "the nearest value by its exact value (ties to even on the bit string), saturating at ±maxpos";
                Member($$"""
                    /// <summary>Converts from <c>{{Short(source)}}</c> to {{what}}.</summary>
                    public static explicit operator {{Self}}({{source}} value) => {{FromExpression(source, "value")}};
                    """);
            }

            string exactDouble = _layout.IsExactInDouble ? "exactly" : "rounding to nearest even where double cannot hold the value";
            Member($$"""
                /// <summary>Converts to <c>double</c>, {{exactDouble}}; NaR gives NaN.</summary>
                public static explicit operator double({{Self}} value) => {{Codec}}.ToDouble(value.Code);
                """);

            string exactSingle = _layout.IsExactInSingle ? "exactly" : "rounding to nearest even where float cannot hold the value";
            Member($$"""
                /// <summary>Converts to <c>float</c>, {{exactSingle}}; NaR gives NaN.</summary>
                public static explicit operator float({{Self}} value) => {{Codec}}.ToSingle(value.Code);
                """);

            string exactHalf = _layout.IsExactInHalf ? "exactly" : "rounding to nearest even where Half cannot hold the value";
            Member($$"""
                /// <summary>Converts to <c>Half</c>, {{exactHalf}}; NaR gives NaN.</summary>
                public static explicit operator global::System.Half({{Self}} value) => {{Codec}}.ToHalf(value.Code);
                """);

            Member($$"""
                /// <summary>Converts to <c>decimal</c>, rounding to decimal's precision; NaR and magnitudes of 2^96 or more throw <c>OverflowException</c>.</summary>
                public static explicit operator decimal({{Self}} value) => {{Codec}}.ToDecimal(value.Code);
                """);

            foreach (string target in IntegerTargets)
            {
                Member($$"""
                    /// <summary>Converts to <c>{{Short(target)}}</c> as <c>({{Short(target)}})someDouble</c> does: truncating toward zero, saturating at the range; NaR gives 0.</summary>
                    public static explicit operator {{target}}({{Self}} value) => {{Codec}}.ToInteger<{{target}}>(value.Code);
                    """);
            }

            // A checked conversion needs an explicit twin: the generated one, or the user's (an implicit one leaves it out).
            foreach (string target in IntegerTargets)
            {
                Member($$"""
                    /// <summary>Converts to <c>{{Short(target)}}</c>, truncating toward zero; NaR and out-of-range values throw <c>OverflowException</c>.</summary>
                    public static explicit operator checked {{target}}({{Self}} value) => global::NumForge.CompilerServices.Posits.PositConverter<Traits>.ToInteger<{{target}}>(value.Code, true);
                    """);
            }

            foreach (var (name, type) in new[] { ("ToInt32", "int"), ("ToInt64", "long") })
            {
                Member($$"""
                    /// <summary>
                    /// Rounds to <c>{{type}}</c> in the direction <paramref name="mode"/> asks, saturating at the range; NaR gives 0.
                    /// With <c>MidpointRounding.ToEven</c> this is SoftPosit's round-to-nearest-even conversion (the Posit Standard 2022
                    /// instead maps NaR to the most negative integer). The explicit cast truncates instead.
                    /// </summary>
                    public {{ReadOnly}}{{type}} {{name}}({{Rounding}} mode) => {{Codec}}.ToInteger<{{type}}>(Code, mode);
                    """);
            }
        }

        // ================================================================ operators

    }
}
