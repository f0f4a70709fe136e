namespace NumForge.Generators.Emit
{
    // The equality-and-order section every family shares: the typed members forward to the family's kernels, the
    // object overloads are the same for every format (CompareTo(object) forwards to Core.FormatComparison).
    internal abstract partial class FormatSource
    {
        /// <summary>Writes Equals, GetHashCode and CompareTo.</summary>
        /// <param name="equals">Summary and body of <c>Equals(TSelf other)</c>.</param>
        /// <param name="hash">Summary and body of <c>GetHashCode()</c>.</param>
        /// <param name="compare">Summary and body of <c>CompareTo(TSelf other)</c>.</param>
        protected void WriteEquality((string Summary, string Body) equals, (string Summary, string Body) hash, (string Summary, string Body) compare)
        {
            W.Section("equality and order");
            Member($$"""
                /// <summary>{{equals.Summary}}</summary>
                public {{ReadOnly}}bool Equals({{Self}} other) => {{equals.Body}};
                /// <summary>Whether <paramref name="obj"/> is a {{Name}} equal to this value.</summary>
                public {{ReadOnly}}override bool Equals([global::System.Diagnostics.CodeAnalysis.NotNullWhen(true)] object? obj) => obj is {{Self}} other && Equals(other);
                /// <summary>{{hash.Summary}}</summary>
                public {{ReadOnly}}override int GetHashCode() => {{hash.Body}};
                /// <summary>{{compare.Summary}}</summary>
                public {{ReadOnly}}int CompareTo({{Self}} other) => {{compare.Body}};
                /// <summary>Compares with <paramref name="obj"/>, which must be null (less than every value) or a {{Name}}.</summary>
                public {{ReadOnly}}int CompareTo(object? obj) => global::NumForge.CompilerServices.Core.FormatComparison.CompareTo(this, obj);
                """);
        }
    }
}
