namespace NumForge.Generators.Emit
{
    // The text section every family shares: formatting and parsing, each member a one-line forwarder into
    // NumForge.CompilerServices.Core.FormatText over the family's text codec. Members that implement a BCL interface
    // member inherit its documentation (as System.Half does); the others say what they do in one line.
    internal abstract partial class FormatSource
    {
        protected const string Styles = "global::System.Globalization.NumberStyles";
        protected const string DefaultStyle = Styles + ".Float | " + Styles + ".AllowThousands";
        protected const string Provider = "global::System.IFormatProvider?";
        protected const string CharSpan = "global::System.ReadOnlySpan<char>";
        protected const string Utf8Span = "global::System.ReadOnlySpan<byte>";
        private const string NotNullWhenTrue = "[global::System.Diagnostics.CodeAnalysis.NotNullWhen(true)] ";
        private const string NumericFormat = "[global::System.Diagnostics.CodeAnalysis.StringSyntax(global::System.Diagnostics.CodeAnalysis.StringSyntaxAttribute.NumericFormat)] ";

        /// <summary>Writes ToString, TryFormat, Parse and TryParse.</summary>
        /// <param name="textCodec">The family's <c>ITextCodec</c> for this format, e.g. <c>global::NumForge.CompilerServices.Floats.FloatTextCodec&lt;Traits&gt;</c>.</param>
        /// <param name="toStringNote">Appended to ToString's summary, e.g. " (NaR prints as <c>NaR</c>)".</param>
        /// <param name="parseNote">How parsing rounds, e.g. "correctly rounded from its exact decimal value".</param>
        /// <param name="defaultStyle">The <c>NumberStyles</c> of the overloads that take none (as <c>double</c> and <c>sbyte</c> differ).</param>
        protected void WriteText(string textCodec, string toStringNote, string parseNote, string defaultStyle = DefaultStyle)
        {
            string text = $"global::NumForge.CompilerServices.Core.FormatText<{Self}, {textCodec}>";
            string implicitStyle = defaultStyle;
            W.Section("text");
            Member($$"""
                /// <summary>The shortest string that parses back to this value, in the current culture{{toStringNote}}.</summary>
                public {{ReadOnly}}override string ToString() => {{text}}.Format(this, null, null);
                /// <summary>Formats with a numeric format string, in the current culture.</summary>
                public {{ReadOnly}}string ToString({{NumericFormat}}string? format) => {{text}}.Format(this, format, null);
                /// <summary>The shortest string that parses back to this value, with the culture of <paramref name="provider"/>.</summary>
                public {{ReadOnly}}string ToString({{Provider}} provider) => {{text}}.Format(this, null, provider);
                /// <inheritdoc/>
                public {{ReadOnly}}string ToString({{NumericFormat}}string? format, {{Provider}} provider) => {{text}}.Format(this, format, provider);
                /// <inheritdoc/>
                public {{ReadOnly}}bool TryFormat(global::System.Span<char> destination, out int charsWritten, {{NumericFormat}}{{CharSpan}} format = default, {{Provider}} provider = null) => {{text}}.TryFormat(this, destination, out charsWritten, format, provider);
                /// <inheritdoc/>
                public {{ReadOnly}}bool TryFormat(global::System.Span<byte> utf8Destination, out int bytesWritten, {{NumericFormat}}{{CharSpan}} format = default, {{Provider}} provider = null) => {{text}}.TryFormat(this, utf8Destination, out bytesWritten, format, provider);
                """);

            Member($$"""
                /// <summary>Parses a number, {{parseNote}}, in the current culture.</summary>
                public static {{Self}} Parse(string s) => {{text}}.Parse(s, {{implicitStyle}}, null);
                /// <summary>Parses a number in the given style, {{parseNote}}, in the current culture.</summary>
                public static {{Self}} Parse(string s, {{Styles}} style) => {{text}}.Parse(s, style, null);
                /// <inheritdoc/>
                public static {{Self}} Parse(string s, {{Provider}} provider) => {{text}}.Parse(s, {{implicitStyle}}, provider);
                /// <inheritdoc/>
                public static {{Self}} Parse(string s, {{Styles}} style = {{implicitStyle}}, {{Provider}} provider = null) => {{text}}.Parse(s, style, provider);
                /// <inheritdoc/>
                public static {{Self}} Parse({{CharSpan}} s, {{Provider}} provider) => {{text}}.Parse(s, {{implicitStyle}}, provider);
                /// <inheritdoc/>
                public static {{Self}} Parse({{CharSpan}} s, {{Styles}} style = {{implicitStyle}}, {{Provider}} provider = null) => {{text}}.Parse(s, style, provider);
                /// <inheritdoc/>
                public static {{Self}} Parse({{Utf8Span}} utf8Text, {{Provider}} provider) => {{text}}.Parse(utf8Text, {{implicitStyle}}, provider);
                /// <inheritdoc/>
                public static {{Self}} Parse({{Utf8Span}} utf8Text, {{Styles}} style = {{implicitStyle}}, {{Provider}} provider = null) => {{text}}.Parse(utf8Text, style, provider);
                """);

            Member($$"""
                /// <summary>Tries to parse a number, {{parseNote}}, in the current culture.</summary>
                public static bool TryParse({{NotNullWhenTrue}}string? s, out {{Self}} result) => {{text}}.TryParse(s, {{implicitStyle}}, null, out result);
                /// <inheritdoc/>
                public static bool TryParse({{NotNullWhenTrue}}string? s, {{Styles}} style, {{Provider}} provider, out {{Self}} result) => {{text}}.TryParse(s, style, provider, out result);
                /// <inheritdoc/>
                public static bool TryParse({{NotNullWhenTrue}}string? s, {{Provider}} provider, out {{Self}} result) => {{text}}.TryParse(s, {{implicitStyle}}, provider, out result);
                /// <summary>Tries to parse a span of characters, {{parseNote}}, in the current culture.</summary>
                public static bool TryParse({{CharSpan}} s, out {{Self}} result) => {{text}}.TryParse(s, {{implicitStyle}}, null, out result);
                /// <inheritdoc/>
                public static bool TryParse({{CharSpan}} s, {{Styles}} style, {{Provider}} provider, out {{Self}} result) => {{text}}.TryParse(s, style, provider, out result);
                /// <inheritdoc/>
                public static bool TryParse({{CharSpan}} s, {{Provider}} provider, out {{Self}} result) => {{text}}.TryParse(s, {{implicitStyle}}, provider, out result);
                /// <summary>Tries to parse UTF-8 text, {{parseNote}}, in the current culture.</summary>
                public static bool TryParse({{Utf8Span}} utf8Text, out {{Self}} result) => {{text}}.TryParse(utf8Text, {{implicitStyle}}, null, out result);
                /// <inheritdoc/>
                public static bool TryParse({{Utf8Span}} utf8Text, {{Styles}} style, {{Provider}} provider, out {{Self}} result) => {{text}}.TryParse(utf8Text, style, provider, out result);
                /// <inheritdoc/>
                public static bool TryParse({{Utf8Span}} utf8Text, {{Provider}} provider, out {{Self}} result) => {{text}}.TryParse(utf8Text, {{implicitStyle}}, provider, out result);
                """);
        }
    }
}
