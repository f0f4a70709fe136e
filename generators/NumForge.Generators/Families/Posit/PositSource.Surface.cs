using System;
using System.Text;

namespace NumForge.Generators.Families.Posit
{
    // Text (formatting and parsing), span converters, the quire and the generic-math plumbing.
    internal sealed partial class PositSource
    {
        private const string Styles = "global::System.Globalization.NumberStyles";
        private const string DefaultStyle = Styles + ".Float | " + Styles + ".AllowThousands";
        private const string Provider = "global::System.IFormatProvider?";
        private const string CharSpan = "global::System.ReadOnlySpan<char>";
        private const string Utf8Span = "global::System.ReadOnlySpan<byte>";
        private const string NotNullWhenTrue = "[global::System.Diagnostics.CodeAnalysis.NotNullWhen(true)] ";
        private const string NumericFormat = "[global::System.Diagnostics.CodeAnalysis.StringSyntax(global::System.Diagnostics.CodeAnalysis.StringSyntaxAttribute.NumericFormat)] ";

        // ================================================================ text

        private void EmitText()
        {
            W.Section("text");
            Member($$"""
                /// <summary>The shortest string that parses back to this value, in the current culture (NaR prints as <c>NaR</c>).</summary>
                /// <returns>The text.</returns>
                public {{ReadOnly}}override string ToString() => {{Text}}.Format(Code, null, null);

                /// <summary>Formats with a numeric format string, in the current culture; "G" and "R" (and null) give the shortest round-trip string, others format the value as a double.</summary>
                /// <param name="format">The format string.</param>
                /// <returns>The text.</returns>
                public {{ReadOnly}}string ToString({{NumericFormat}}string? format) => {{Text}}.Format(Code, format, null);

                /// <summary>The shortest string that parses back to this value, with the culture of <paramref name="provider"/>.</summary>
                /// <param name="provider">The culture; null for the current culture.</param>
                /// <returns>The text.</returns>
                public {{ReadOnly}}string ToString({{Provider}} provider) => {{Text}}.Format(Code, null, provider);

                /// <summary>Formats with a numeric format string and the culture of <paramref name="provider"/>.</summary>
                /// <param name="format">The format string; null or empty gives the shortest round-trip string.</param>
                /// <param name="provider">The culture; null for the current culture.</param>
                /// <returns>The text.</returns>
                public {{ReadOnly}}string ToString({{NumericFormat}}string? format, {{Provider}} provider) => {{Text}}.Format(Code, format, provider);
                """);

            Member($$"""
                /// <summary>Formats into a span of characters.</summary>
                /// <param name="destination">Where the text goes.</param>
                /// <param name="charsWritten">How many characters were written.</param>
                /// <param name="format">The format string; empty gives the shortest round-trip string.</param>
                /// <param name="provider">The culture; null for the current culture.</param>
                /// <returns><see langword="false"/> when <paramref name="destination"/> is too short.</returns>
                public {{ReadOnly}}bool TryFormat(global::System.Span<char> destination, out int charsWritten, {{NumericFormat}}{{CharSpan}} format = default, {{Provider}} provider = null)
                    => {{Text}}.TryFormat(Code, destination, out charsWritten, format, provider);

                /// <summary>Formats into a span of UTF-8 bytes.</summary>
                /// <param name="utf8Destination">Where the text goes.</param>
                /// <param name="bytesWritten">How many bytes were written.</param>
                /// <param name="format">The format string; empty gives the shortest round-trip string.</param>
                /// <param name="provider">The culture; null for the current culture.</param>
                /// <returns><see langword="false"/> when <paramref name="utf8Destination"/> is too short.</returns>
                public {{ReadOnly}}bool TryFormat(global::System.Span<byte> utf8Destination, out int bytesWritten, {{NumericFormat}}{{CharSpan}} format = default, {{Provider}} provider = null)
                    => {{Text}}.TryFormat(Code, utf8Destination, out bytesWritten, format, provider);
                """);

            const string correctly = "correctly rounded from its exact decimal value (NaR, NaN and the infinity symbols give NaR)";
            Member($$"""
                /// <summary>Parses a number, {{correctly}}, in the current culture.</summary>
                /// <param name="s">The text.</param>
                /// <returns>The value.</returns>
                public static {{Self}} Parse(string s)
                {
                    global::System.ArgumentNullException.ThrowIfNull(s);
                    return FromCode({{Text}}.Parse(global::System.MemoryExtensions.AsSpan(s), {{DefaultStyle}}, null));
                }

                /// <summary>Parses a number in the given style, {{correctly}}, in the current culture.</summary>
                /// <param name="s">The text.</param>
                /// <param name="style">The permitted number style.</param>
                /// <returns>The value.</returns>
                public static {{Self}} Parse(string s, {{Styles}} style)
                {
                    global::System.ArgumentNullException.ThrowIfNull(s);
                    return FromCode({{Text}}.Parse(global::System.MemoryExtensions.AsSpan(s), style, null));
                }

                /// <summary>Parses a number, {{correctly}}, with the culture of <paramref name="provider"/>.</summary>
                /// <param name="s">The text.</param>
                /// <param name="provider">The culture; null for the current culture.</param>
                /// <returns>The value.</returns>
                public static {{Self}} Parse(string s, {{Provider}} provider)
                {
                    global::System.ArgumentNullException.ThrowIfNull(s);
                    return FromCode({{Text}}.Parse(global::System.MemoryExtensions.AsSpan(s), {{DefaultStyle}}, provider));
                }

                /// <summary>Parses a number in the given style, {{correctly}}, with the culture of <paramref name="provider"/>.</summary>
                /// <param name="s">The text.</param>
                /// <param name="style">The permitted number style.</param>
                /// <param name="provider">The culture; null for the current culture.</param>
                /// <returns>The value.</returns>
                public static {{Self}} Parse(string s, {{Styles}} style = {{DefaultStyle}}, {{Provider}} provider = null)
                {
                    global::System.ArgumentNullException.ThrowIfNull(s);
                    return FromCode({{Text}}.Parse(global::System.MemoryExtensions.AsSpan(s), style, provider));
                }

                /// <summary>Parses a span of characters, {{correctly}}, with the culture of <paramref name="provider"/>.</summary>
                /// <param name="s">The text.</param>
                /// <param name="provider">The culture; null for the current culture.</param>
                /// <returns>The value.</returns>
                public static {{Self}} Parse({{CharSpan}} s, {{Provider}} provider) => FromCode({{Text}}.Parse(s, {{DefaultStyle}}, provider));

                /// <summary>Parses a span of characters in the given style, {{correctly}}.</summary>
                /// <param name="s">The text.</param>
                /// <param name="style">The permitted number style.</param>
                /// <param name="provider">The culture; null for the current culture.</param>
                /// <returns>The value.</returns>
                public static {{Self}} Parse({{CharSpan}} s, {{Styles}} style = {{DefaultStyle}}, {{Provider}} provider = null) => FromCode({{Text}}.Parse(s, style, provider));

                /// <summary>Parses UTF-8 text, {{correctly}}, with the culture of <paramref name="provider"/>.</summary>
                /// <param name="utf8Text">The UTF-8 text.</param>
                /// <param name="provider">The culture; null for the current culture.</param>
                /// <returns>The value.</returns>
                public static {{Self}} Parse({{Utf8Span}} utf8Text, {{Provider}} provider) => Parse(utf8Text, {{DefaultStyle}}, provider);

                /// <summary>Parses UTF-8 text in the given style, {{correctly}}.</summary>
                /// <param name="utf8Text">The UTF-8 text.</param>
                /// <param name="style">The permitted number style.</param>
                /// <param name="provider">The culture; null for the current culture.</param>
                /// <returns>The value.</returns>
                public static {{Self}} Parse({{Utf8Span}} utf8Text, {{Styles}} style = {{DefaultStyle}}, {{Provider}} provider = null)
                    => {{Text}}.TryParse(utf8Text, style, provider, out ulong code)
                        ? FromCode(code)
                        : throw new global::System.FormatException("The UTF-8 text is not a valid {{Name}} value.");
                """);

            Member(string.Join("\n\n", new[]
            {
                TryParseOverload("string? s", null, null),
                TryParseOverload("string? s", Styles + " style", Provider + " provider"),
                TryParseOverload("string? s", null, Provider + " provider"),
                TryParseOverload(CharSpan + " s", null, null),
                TryParseOverload(CharSpan + " s", Styles + " style", Provider + " provider"),
                TryParseOverload(CharSpan + " s", null, Provider + " provider"),
                TryParseOverload(Utf8Span + " utf8Text", null, null),
                TryParseOverload(Utf8Span + " utf8Text", Styles + " style", Provider + " provider"),
                TryParseOverload(Utf8Span + " utf8Text", null, Provider + " provider"),
            }));
        }

        /// <summary>One TryParse overload: over a string (which may be null), a char span or a UTF-8 span.</summary>
        private string TryParseOverload(string textParameter, string? styleParameter, string? providerParameter)
        {
            string textName = textParameter.Substring(textParameter.LastIndexOf(' ') + 1);
            bool isString = textParameter.StartsWith("string", StringComparison.Ordinal);
            string what = isString ? "a number" : textName == "s" ? "a span of characters" : "UTF-8 text";

            var docs = new StringBuilder()
                .Append("/// <summary>Tries to parse ").Append(what).Append(", correctly rounded from its exact decimal value")
                .Append(providerParameter is null ? ", in the current culture" : "").Append(".</summary>\n")
                .Append("/// <param name=\"").Append(textName).Append("\">The text.</param>\n");
            if (styleParameter is not null)
            {
                docs.Append("/// <param name=\"style\">The permitted number style.</param>\n");
            }

            if (providerParameter is not null)
            {
                docs.Append("/// <param name=\"provider\">The culture; null for the current culture.</param>\n");
            }

            docs.Append("/// <param name=\"result\">The value, or zero when the text is not a number.</param>\n")
                .Append("/// <returns><see langword=\"true\"/> when the text is a number.</returns>");

            string parameters = (isString ? NotNullWhenTrue : "") + textParameter
                + (styleParameter is null ? "" : ", " + styleParameter)
                + (providerParameter is null ? "" : ", " + providerParameter)
                + $", out {Self} result";
            string span = isString ? $"global::System.MemoryExtensions.AsSpan({textName})" : textName;
            string parse = $"bool parsed = {Text}.TryParse({span}, {(styleParameter is null ? DefaultStyle : "style")}, {(providerParameter is null ? "null" : "provider")}, out ulong code);";
            string nullCheck = !isString ? "" : $$"""
                    if ({{textName}} is null)
                    {
                        result = default;
                        return false;
                    }


                """;

            return $$"""
                {{docs}}
                public static bool TryParse({{parameters}})
                {
                {{nullCheck}}    {{parse}}
                    result = parsed ? FromCode(code) : default;
                    return parsed;
                }
                """;
        }

        // ================================================================ spans

        private void EmitSpans()
        {
            W.Section("span converters");
            foreach (var (type, suffix) in new[] { ("float", "Single"), ("double", "Double"), ("global::System.Half", "Half") })
            {
                Member($$"""
                    /// <summary>Converts each <c>{{Short(type)}}</c> to the nearest value, as the explicit conversion does (NaN and ±infinity give NaR).</summary>
                    /// <param name="source">The values to convert.</param>
                    /// <param name="destination">Where the results go; at least as long as <paramref name="source"/>, else <c>ArgumentException</c>.</param>
                    public static void ConvertFrom(global::System.ReadOnlySpan<{{type}}> source, global::System.Span<{{Self}}> destination)
                        => {{Spans}}.ConvertFrom{{suffix}}<{{Bits}}>(source, global::System.Runtime.InteropServices.MemoryMarshal.Cast<{{Self}}, {{Bits}}>(destination));
                    """);
            }

            foreach (var (type, suffix, exact) in new[]
            {
                ("float", "Single", _layout.IsExactInSingle),
                ("double", "Double", _layout.IsExactInDouble),
                ("global::System.Half", "Half", _layout.IsExactInHalf),
            })
            {
                string exactness = exact ? "exactly" : "rounding to nearest even where needed";
                Member($$"""
                    /// <summary>Converts each value to <c>{{Short(type)}}</c>, {{exactness}}; NaR gives NaN.</summary>
                    /// <param name="source">The values to convert.</param>
                    /// <param name="destination">Where the results go; at least as long as <paramref name="source"/>, else <c>ArgumentException</c>.</param>
                    public static void ConvertTo(global::System.ReadOnlySpan<{{Self}}> source, global::System.Span<{{type}}> destination)
                        => {{Spans}}.ConvertTo{{suffix}}<{{Bits}}>(global::System.Runtime.InteropServices.MemoryMarshal.Cast<{{Self}}, {{Bits}}>(source), destination);
                    """);
            }
        }

        // ================================================================ quire

        private void EmitQuire()
        {
            if (Filter.DeclaresName("Quire"))
            {
                return;
            }

            W.Section("quire");
            W.Open($$"""
                /// <summary>
                /// The quire of {{Name}}: an exact fixed-point accumulator of {{Int(_layout.QuireBits)}} bits whose lowest bit is minpos²,
                /// so sums of posits and of their products are exact until <see cref="ToPosit"/> rounds once. Adding NaR, or a sum that
                /// overflows the carry guard, makes the quire NaR until it is cleared. A quire is a mutable accumulator: it is not
                /// thread-safe.
                /// </summary>
                public sealed class Quire
                """);
            W.Member("""
                private readonly ulong[] _limbs = new ulong[Traits.QuireLimbs];
                """);
            W.Member($$"""
                /// <summary>Creates a quire holding 0.</summary>
                public Quire()
                {
                }

                /// <summary>Creates a quire holding the exact value of <paramref name="value"/>.</summary>
                /// <param name="value">The initial value.</param>
                public Quire({{Self}} value) => {{Quires}}.AddPosit(_limbs, value.Code);
                """);
            W.Member($$"""
                /// <summary>Whether the quire is NaR.</summary>
                public bool IsNaR => {{Quires}}.IsNaR(_limbs);

                /// <summary>Whether the quire holds 0.</summary>
                public bool IsZero => {{Quires}}.IsZero(_limbs);

                /// <summary>The accumulator's 64-bit limbs, least significant first (two's complement).</summary>
                public global::System.ReadOnlySpan<ulong> Limbs => _limbs;
                """);
            W.Member($$"""
                /// <summary>Sets the quire to 0 (this also clears NaR).</summary>
                public void Clear() => {{Quires}}.Clear(_limbs);

                /// <summary>Adds a posit exactly.</summary>
                /// <param name="value">The value to add.</param>
                public void Add({{Self}} value) => {{Quires}}.AddPosit(_limbs, value.Code);

                /// <summary>Subtracts a posit exactly.</summary>
                /// <param name="value">The value to subtract.</param>
                public void Subtract({{Self}} value) => {{Quires}}.SubtractPosit(_limbs, value.Code);

                /// <summary>Adds the exact product <paramref name="x"/> × <paramref name="y"/> (fused: nothing is rounded).</summary>
                /// <param name="x">The first factor.</param>
                /// <param name="y">The second factor.</param>
                public void AddProduct({{Self}} x, {{Self}} y) => {{Quires}}.AddProduct(_limbs, x.Code, y.Code);

                /// <summary>Subtracts the exact product <paramref name="x"/> × <paramref name="y"/>.</summary>
                /// <param name="x">The first factor.</param>
                /// <param name="y">The second factor.</param>
                public void SubtractProduct({{Self}} x, {{Self}} y) => {{Quires}}.SubtractProduct(_limbs, x.Code, y.Code);

                /// <summary>Adds another quire of the same format exactly.</summary>
                /// <param name="other">The quire to add.</param>
                public void Add(Quire other)
                {
                    global::System.ArgumentNullException.ThrowIfNull(other);
                    {{Quires}}.Add(_limbs, other._limbs);
                }

                /// <summary>Subtracts another quire of the same format exactly.</summary>
                /// <param name="other">The quire to subtract.</param>
                public void Subtract(Quire other)
                {
                    global::System.ArgumentNullException.ThrowIfNull(other);
                    {{Quires}}.Subtract(_limbs, other._limbs);
                }

                /// <summary>Negates the quire (NaR stays NaR).</summary>
                public void Negate() => {{Quires}}.Negate(_limbs);

                /// <summary>Rounds the quire's exact value once to the nearest posit (ties to even on the bit string); NaR gives NaR.</summary>
                /// <returns>The rounded value.</returns>
                public {{Self}} ToPosit() => FromCode({{Quires}}.ToPosit(_limbs));

                /// <summary>An independent copy of this quire.</summary>
                /// <returns>The copy.</returns>
                public Quire Clone()
                {
                    var copy = new Quire();
                    global::System.Array.Copy(_limbs, copy._limbs, _limbs.Length);
                    return copy;
                }

                /// <summary>The rounded value, as <see cref="ToPosit"/> gives, as text.</summary>
                /// <returns>The text.</returns>
                public override string ToString() => ToPosit().ToString();
                """);
            W.Close();
        }

        // ================================================================ generic math

        /// <summary>Types the generic conversions convert to: (type, checked expression, saturating expression) of <c>value</c>.</summary>
        private (string Type, string Checked, string Saturating)[] ConversionTargets()
        {
            var targets = new System.Collections.Generic.List<(string, string, string)>
            {
                ("double", $"{Codec}.ToDouble(value.Code)", $"{Codec}.ToDouble(value.Code)"),
                ("float", $"{Codec}.ToSingle(value.Code)", $"{Codec}.ToSingle(value.Code)"),
                ("global::System.Half", $"{Codec}.ToHalf(value.Code)", $"{Codec}.ToHalf(value.Code)"),
                ("decimal", $"{Codec}.ToDecimal(value.Code)",
                    $"{Codec}.IsNaR(value.Code) ? 0.0m : {Codec}.ILogB(value.Code) >= 96 ? ({Codec}.IsNegative(value.Code) ? decimal.MinValue : decimal.MaxValue) : {Codec}.ToDecimal(value.Code)"),
            };
            foreach (string integer in IntegerTargets)
            {
                targets.Add((integer, $"CheckedToInteger<{integer}>(value.Code)", $"{Codec}.ToInteger<{integer}>(value.Code)"));
            }

            targets.Add((BigInteger, "TruncateToBigInteger(value.Code)", $"{Codec}.IsNaR(value.Code) ? {BigInteger}.Zero : TruncateToBigInteger(value.Code)"));
            return targets.ToArray();
        }

        private void EmitGenericMath()
        {
            W.Section("generic-math plumbing");
            string numberBase = $"{Numerics}.INumberBase<{Self}>";

            Member($"static int {numberBase}.Radix => 2;");
            Member($"static {Self} {Numerics}.IAdditiveIdentity<{Self}, {Self}>.AdditiveIdentity => Zero;");
            Member($"static {Self} {Numerics}.IMultiplicativeIdentity<{Self}, {Self}>.MultiplicativeIdentity => One;");

            foreach (string name in new[] { "Checked", "Saturating", "Truncating" })
            {
                Member($$"""
                    /// <summary>Creates a value from any number, as the explicit conversions do; a conversion this type cannot make throws <c>NotSupportedException</c>.</summary>
                    /// <typeparam name="TOther">The type of <paramref name="value"/>.</typeparam>
                    /// <param name="value">The number to convert.</param>
                    /// <returns>The nearest value.</returns>
                    public static {{Self}} Create{{name}}<TOther>(TOther value)
                        where TOther : {{Numerics}}.INumberBase<TOther>
                    {
                        if (typeof(TOther) == typeof({{Self}}))
                        {
                            return ({{Self}})(object)value;
                        }

                        if (TryConvertFromCore(value, out {{Self}} result) || TOther.TryConvertTo{{name}}(value, out result))
                        {
                            return result;
                        }

                        throw new global::System.NotSupportedException("Conversion from " + typeof(TOther).Name + " to {{Name}} is not supported.");
                    }
                    """);
            }

            foreach (string name in new[] { "Checked", "Saturating", "Truncating" })
            {
                Member($"static bool {numberBase}.TryConvertFrom{name}<TOther>(TOther value, out {Self} result) => TryConvertFromCore(value, out result);");
            }

            foreach (string name in new[] { "Checked", "Saturating", "Truncating" })
            {
                Member($"static bool {numberBase}.TryConvertTo{name}<TOther>({Self} value, [global::System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out TOther result) => TryConvertToCore(value, {Bool(name == "Checked")}, out result);");
            }

            EmitTryConvertFromCore();
            EmitTryConvertToCore();
        }

        private void EmitTryConvertFromCore()
        {
            var body = new StringBuilder();
            foreach (var source in Sources)
            {
                AppendTypeCase(body, source.Type, $"result = {FromExpression(source.Type, $"({source.Type})(object)value")};");
            }

            AppendTypeCase(body, BigInteger, $$"""
                {{BigInteger}} integer = ({{BigInteger}})(object)value;
                result = FromCode({{Codec}}.FromBigInteger(integer.Sign < 0, {{BigInteger}}.Abs(integer), 0, false));
                """);

            W.Member($$"""
                /// <summary>Converts a number of a BCL type to this format, as the explicit conversions do; false for other types.</summary>
                private static bool TryConvertFromCore<TOther>(TOther value, out {{Self}} result)
                    where TOther : {{Numerics}}.INumberBase<TOther>
                {
                {{Indent(body.ToString())}}
                    result = default;
                    return false;
                }
                """);
        }

        private void EmitTryConvertToCore()
        {
            var body = new StringBuilder();
            foreach (var (type, isChecked, saturating) in ConversionTargets())
            {
                string expression = isChecked == saturating ? isChecked : $"isChecked ? {isChecked} : {saturating}";
                AppendTypeCase(body, type, $$"""
                    {{type}} converted = {{expression}};
                    result = (TOther)(object)converted;
                    """);
            }

            W.Member($$"""
                /// <summary>Converts to a number of a BCL type (checked: NaR and overflow throw; else saturating, NaR gives 0); false for other types.</summary>
                private static bool TryConvertToCore<TOther>({{Self}} value, bool isChecked, [global::System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out TOther result)
                    where TOther : {{Numerics}}.INumberBase<TOther>
                {
                {{Indent(body.ToString())}}
                    result = default;
                    return false;
                }
                """);
        }

        private static void AppendTypeCase(StringBuilder body, string type, string statements)
        {
            body.Append("if (typeof(TOther) == typeof(").Append(type).Append("))\n{\n")
                .Append(Indent(statements)).Append('\n')
                .Append("    return true;\n}\n\n");
        }
    }
}
