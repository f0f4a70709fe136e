namespace NumForge.Generators.Emit
{
    // The operators and predicates every family shares, each a one-line forwarder: the arithmetic and comparison
    // operators to the family's codec (Add, Subtract, Multiply, Divide, Remainder, Negate, Equal, LessThan,
    // LessThanOrEqual over codes), the INumberBase predicates to the family's classification class. All implement BCL
    // interface members and inherit their documentation; the family's kernels document what is specific to it.
    internal abstract partial class FormatSource
    {
        private static readonly string[] Predicates =
        {
            "IsNaN", "IsInfinity", "IsPositiveInfinity", "IsNegativeInfinity", "IsFinite", "IsNormal", "IsSubnormal", "IsZero",
            "IsNegative", "IsPositive", "IsInteger", "IsEvenInteger", "IsOddInteger", "IsPow2", "IsRealNumber", "IsCanonical",
            "IsComplexNumber", "IsImaginaryNumber",
        };

        /// <summary>Writes + - * / % (binary), - + ++ -- (unary) and the six comparisons over <paramref name="codec"/>.</summary>
        protected void WriteOperators(string codec)
        {
            W.Section("operators");
            foreach (var (symbol, kernel) in new[] { ("+", "Add"), ("-", "Subtract"), ("*", "Multiply"), ("/", "Divide"), ("%", "Remainder") })
            {
                BinaryOperator(symbol, $"FromCode({codec}.{kernel}(left.Code, right.Code))");
            }

            UnaryOperator("-", $"FromCode({codec}.Negate(value.Code))");
            UnaryOperator("+", "value");
            UnaryOperator("++", "value + One");
            UnaryOperator("--", "value - One");
            foreach (var (symbol, comparison) in new[]
            {
                ("==", "{0}.Equal(left.Code, right.Code)"), ("!=", "!{0}.Equal(left.Code, right.Code)"),
                ("<", "{0}.LessThan(left.Code, right.Code)"), (">", "{0}.LessThan(right.Code, left.Code)"),
                ("<=", "{0}.LessThanOrEqual(left.Code, right.Code)"), (">=", "{0}.LessThanOrEqual(right.Code, left.Code)"),
            })
            {
                Member($$"""
                    /// <inheritdoc/>
                    public static bool operator {{symbol}}({{Self}} left, {{Self}} right) => {{string.Format(System.Globalization.CultureInfo.InvariantCulture, comparison, codec)}};
                    """);
            }
        }

        /// <summary>Writes INumberBase's predicates, each forwarding to <paramref name="classification"/>'s namesake over the code.</summary>
        protected void WriteClassification(string classification)
        {
            W.Section("classification");
            foreach (string predicate in Predicates)
            {
                Member($$"""
                    /// <inheritdoc/>
                    public static bool {{predicate}}({{Self}} value) => {{classification}}.{{predicate}}(value.Code);
                    """);
            }
        }

        /// <summary>Writes Abs and CopySign over <paramref name="codec"/>'s namesakes.</summary>
        protected void WriteAbsAndCopySign(string codec) => Member($$"""
            /// <inheritdoc/>
            public static {{Self}} Abs({{Self}} value) => FromCode({{codec}}.Abs(value.Code));
            /// <inheritdoc/>
            public static {{Self}} CopySign({{Self}} value, {{Self}} sign) => FromCode({{codec}}.CopySign(value.Code, sign.Code));
            """);

        /// <summary>A binary operator on two values of the format.</summary>
        protected void BinaryOperator(string symbol, string body) => Member($$"""
            /// <inheritdoc/>
            public static {{Self}} operator {{symbol}}({{Self}} left, {{Self}} right) => {{body}};
            """);

        /// <summary>A unary operator on a value of the format.</summary>
        protected void UnaryOperator(string symbol, string body) => Member($$"""
            /// <inheritdoc/>
            public static {{Self}} operator {{symbol}}({{Self}} value) => {{body}};
            """);
    }
}
