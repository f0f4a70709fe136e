using System;
using System.Text;

namespace NumForge.Generators.Families.Float
{
    // Text (formatting and parsing), span converters and the generic-math plumbing.
    internal sealed partial class FloatSource
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
                /// <summary>The shortest string that parses back to this value, in the current culture.</summary>
                /// <returns>The text.</returns>
                public {{ReadOnly}}override string ToString() => {{Text}}.Format(Code, null, null);

                /// <summary>Formats with a standard or custom numeric format string, in the current culture.</summary>
                /// <param name="format">The format string; null or empty gives the shortest round-trip string.</param>
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

            const string correctly = "correctly rounded from its exact decimal value";
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
                public static {{Self}} Parse({{Utf8Span}} utf8Text, {{Provider}} provider) => FromCode({{Text}}.Parse(utf8Text, {{DefaultStyle}}, provider));

                /// <summary>Parses UTF-8 text in the given style, {{correctly}}.</summary>
                /// <param name="utf8Text">The UTF-8 text.</param>
                /// <param name="style">The permitted number style.</param>
                /// <param name="provider">The culture; null for the current culture.</param>
                /// <returns>The value.</returns>
                public static {{Self}} Parse({{Utf8Span}} utf8Text, {{Styles}} style = {{DefaultStyle}}, {{Provider}} provider = null) => FromCode({{Text}}.Parse(utf8Text, style, provider));
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
                    result = FromCode(code);
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
                    /// <summary>Converts each <c>{{Short(type)}}</c> to the nearest value (ties to even), as the explicit conversion does.</summary>
                    /// <param name="source">The values to convert.</param>
                    /// <param name="destination">Where the results go; at least as long as <paramref name="source"/>, else <c>ArgumentException</c>.</param>
                    public static void ConvertFrom(global::System.ReadOnlySpan<{{type}}> source, global::System.Span<{{Self}}> destination)
                        => {{Spans}}.ConvertFrom{{suffix}}<{{Bits}}>(source, global::System.Runtime.InteropServices.MemoryMarshal.Cast<{{Self}}, {{Bits}}>(destination), {{ToEven}}, false);

                    /// <summary>Converts each <c>{{Short(type)}}</c>, rounded once in the direction <paramref name="rounding"/> asks.</summary>
                    /// <param name="source">The values to convert.</param>
                    /// <param name="destination">Where the results go; at least as long as <paramref name="source"/>, else <c>ArgumentException</c>.</param>
                    /// <param name="rounding">The rounding direction; <c>MidpointRounding.ToEven</c> is round to nearest, ties to even.</param>
                    /// <param name="saturate">Whether a finite value past the largest finite value gives ±MaxValue.</param>
                    public static void ConvertFrom(global::System.ReadOnlySpan<{{type}}> source, global::System.Span<{{Self}}> destination, {{Rounding}} rounding, bool saturate = false)
                    {
                        {{Codec}}.ValidateMode(rounding);
                        {{Spans}}.ConvertFrom{{suffix}}<{{Bits}}>(source, global::System.Runtime.InteropServices.MemoryMarshal.Cast<{{Self}}, {{Bits}}>(destination), rounding, saturate);
                    }
                    """);
            }

            foreach (var (type, suffix) in new[] { ("float", "Single"), ("double", "Double"), ("global::System.Half", "Half") })
            {
                string exactness = suffix == "Double" || (suffix == "Single" && FitsInSingle) ? "exactly" : "rounding to nearest even where needed";
                Member($$"""
                    /// <summary>Converts each value to <c>{{Short(type)}}</c>, {{exactness}}.</summary>
                    /// <param name="source">The values to convert.</param>
                    /// <param name="destination">Where the results go; at least as long as <paramref name="source"/>, else <c>ArgumentException</c>.</param>
                    public static void ConvertTo(global::System.ReadOnlySpan<{{Self}}> source, global::System.Span<{{type}}> destination)
                        => {{Spans}}.ConvertTo{{suffix}}<{{Bits}}>(global::System.Runtime.InteropServices.MemoryMarshal.Cast<{{Self}}, {{Bits}}>(source), destination);
                    """);
            }

            Member($$"""
                /// <summary>
                /// Converts each <c>float</c> with stochastic rounding: it rounds up with probability equal to its distance
                /// from the value below, so the mean of many conversions is the input. Deterministic for a given seed: the
                /// random bits of element i come from a hash of (<paramref name="seed"/>, i).
                /// </summary>
                /// <param name="source">The values to convert.</param>
                /// <param name="destination">Where the results go; at least as long as <paramref name="source"/>, else <c>ArgumentException</c>.</param>
                /// <param name="seed">The seed of the random bits.</param>
                /// <param name="saturate">Whether a finite value rounding past the largest finite value gives ±MaxValue.</param>
                public static void ConvertFromStochastic(global::System.ReadOnlySpan<float> source, global::System.Span<{{Self}}> destination, ulong seed, bool saturate = false)
                    => {{Spans}}.ConvertFromSingleStochastic<{{Bits}}>(source, global::System.Runtime.InteropServices.MemoryMarshal.Cast<{{Self}}, {{Bits}}>(destination), seed, saturate);

                /// <summary>Converts each <c>float</c> with stochastic rounding, using the caller's random bits (one <c>uint</c> per element).</summary>
                /// <param name="source">The values to convert.</param>
                /// <param name="destination">Where the results go; at least as long as <paramref name="source"/>, else <c>ArgumentException</c>.</param>
                /// <param name="randomBits">Uniform random bits, at least as many as <paramref name="source"/> has elements.</param>
                /// <param name="saturate">Whether a finite value rounding past the largest finite value gives ±MaxValue.</param>
                public static void ConvertFromStochastic(global::System.ReadOnlySpan<float> source, global::System.Span<{{Self}}> destination, global::System.ReadOnlySpan<uint> randomBits, bool saturate = false)
                    => {{Spans}}.ConvertFromSingleStochastic<{{Bits}}>(source, global::System.Runtime.InteropServices.MemoryMarshal.Cast<{{Self}}, {{Bits}}>(destination), randomBits, saturate);

                /// <summary>Converts one <c>float</c> with stochastic rounding driven by <paramref name="randomBits"/>.</summary>
                /// <param name="value">The value to convert.</param>
                /// <param name="randomBits">Uniform random bits.</param>
                /// <param name="saturate">Whether a finite value rounding past the largest finite value gives ±MaxValue.</param>
                /// <returns>The value below or above <paramref name="value"/>, chosen with the probabilities that make the rounding unbiased.</returns>
                public static {{Self}} FromSingleStochastic(float value, uint randomBits, bool saturate = false)
                    => FromCode({{Spans}}.FromSingleStochastic(value, randomBits, saturate));
                """);

            if (_layout.TotalBits >= 8)
            {
                return;
            }

            string layout = _layout.TotalBits <= 4
                ? "two values per byte, low nibble first"
                : $"the {Int(_layout.TotalBits)}-bit encodings laid end to end, little-endian";
            Member($$"""
                /// <summary>The number of bytes that <paramref name="count"/> packed values take ({{layout}}).</summary>
                /// <param name="count">The number of values.</param>
                /// <returns>The packed length in bytes.</returns>
                public static int PackedLength(int count) => {{Spans}}.PackedLength(count);
                """);

            Member($$"""
                /// <summary>Packs values densely: {{layout}}.</summary>
                /// <param name="source">The values.</param>
                /// <param name="destination">Where the bytes go; at least <c>PackedLength(source.Length)</c> long, else <c>ArgumentException</c>.</param>
                public static void Pack(global::System.ReadOnlySpan<{{Self}}> source, global::System.Span<byte> destination)
                    => {{Spans}}.Pack<{{Bits}}>(global::System.Runtime.InteropServices.MemoryMarshal.Cast<{{Self}}, {{Bits}}>(source), destination);
                """);

            Member($$"""
                /// <summary>Converts <c>float</c> values (ties to even) straight into the packed layout ({{layout}}).</summary>
                /// <param name="source">The values to convert.</param>
                /// <param name="destination">Where the bytes go; at least <c>PackedLength(source.Length)</c> long, else <c>ArgumentException</c>.</param>
                public static void PackFrom(global::System.ReadOnlySpan<float> source, global::System.Span<byte> destination)
                    => {{Spans}}.ConvertFromSingleToPacked(source, destination, {{ToEven}}, false);

                /// <summary>Converts <c>float</c> values, rounded once in the direction <paramref name="rounding"/> asks, straight into the packed layout ({{layout}}).</summary>
                /// <param name="source">The values to convert.</param>
                /// <param name="destination">Where the bytes go; at least <c>PackedLength(source.Length)</c> long, else <c>ArgumentException</c>.</param>
                /// <param name="rounding">The rounding direction; <c>MidpointRounding.ToEven</c> is round to nearest, ties to even.</param>
                /// <param name="saturate">Whether a finite value past the largest finite value gives ±MaxValue.</param>
                public static void PackFrom(global::System.ReadOnlySpan<float> source, global::System.Span<byte> destination, {{Rounding}} rounding, bool saturate = false)
                {
                    {{Codec}}.ValidateMode(rounding);
                    {{Spans}}.ConvertFromSingleToPacked(source, destination, rounding, saturate);
                }

                /// <summary>Converts packed values ({{layout}}) straight to <c>float</c>, exactly.</summary>
                /// <param name="source">The packed bytes.</param>
                /// <param name="destination">Where the values go; its length is the number of values to unpack.</param>
                public static void UnpackTo(global::System.ReadOnlySpan<byte> source, global::System.Span<float> destination)
                    => {{Spans}}.ConvertPackedToSingle(source, destination);
                """);

            Member($$"""
                /// <summary>Unpacks values that <c>Pack</c> wrote ({{layout}}).</summary>
                /// <param name="source">The packed bytes.</param>
                /// <param name="destination">Where the values go; its length is the number of values to unpack.</param>
                public static void Unpack(global::System.ReadOnlySpan<byte> source, global::System.Span<{{Self}}> destination)
                    => {{Spans}}.Unpack<{{Bits}}>(source, global::System.Runtime.InteropServices.MemoryMarshal.Cast<{{Self}}, {{Bits}}>(destination));
                """);
        }
    }
}
