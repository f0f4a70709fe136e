namespace NumForge.Generators.Families.Posit
{
    // Arithmetic, classification, the INumber math, functions computed in double, equality and order.
    internal sealed partial class PositSource
    {
        /// <summary>Functions of one argument, computed in double and rounded once: (name, parameter, summary).</summary>
        private static readonly (string Name, string Parameter, string Summary)[] UnaryFunctions =
        {
            ("Cbrt", "x", "The cube root of <paramref name=\"x\"/>"),
            ("Exp", "x", "e raised to <paramref name=\"x\"/>"),
            ("Exp2", "x", "2 raised to <paramref name=\"x\"/>"),
            ("Exp10", "x", "10 raised to <paramref name=\"x\"/>"),
            ("Log", "x", "The natural logarithm of <paramref name=\"x\"/>"),
            ("Log2", "x", "The base-2 logarithm of <paramref name=\"x\"/>"),
            ("Log10", "x", "The base-10 logarithm of <paramref name=\"x\"/>"),
            ("Sin", "x", "The sine of <paramref name=\"x\"/> (radians)"),
            ("Cos", "x", "The cosine of <paramref name=\"x\"/> (radians)"),
            ("Tan", "x", "The tangent of <paramref name=\"x\"/> (radians)"),
            ("Asin", "x", "The arc-sine of <paramref name=\"x\"/>, in radians"),
            ("Acos", "x", "The arc-cosine of <paramref name=\"x\"/>, in radians"),
            ("Atan", "x", "The arc-tangent of <paramref name=\"x\"/>, in radians"),
            ("Sinh", "x", "The hyperbolic sine of <paramref name=\"x\"/>"),
            ("Cosh", "x", "The hyperbolic cosine of <paramref name=\"x\"/>"),
            ("Tanh", "x", "The hyperbolic tangent of <paramref name=\"x\"/>"),
        };

        /// <summary>Functions of two arguments, computed in double and rounded once.</summary>
        private static readonly (string Name, string First, string Second, string Summary)[] BinaryFunctions =
        {
            ("Pow", "x", "y", "<paramref name=\"x\"/> raised to <paramref name=\"y\"/>"),
            ("Hypot", "x", "y", "The square root of <paramref name=\"x\"/>² + <paramref name=\"y\"/>²"),
            ("Atan2", "y", "x", "The arc-tangent of <paramref name=\"y\"/> / <paramref name=\"x\"/>, in radians, in the quadrant of (x, y)"),
        };

        /// <summary>Rounds a double expression once to this format (NaN gives NaR).</summary>
        private static string Round(string doubleExpression) => $"FromCode({Codec}.FromDouble({doubleExpression}))";

        private static string AsDouble(string value) => $"{Codec}.ToDouble({value}.Code)";

        // ================================================================ arithmetic

        private void EmitArithmetic()
        {
            W.Section("arithmetic");
            Member($$"""
                /// <summary>The square root of <paramref name="x"/>, correctly rounded.</summary>
                /// <param name="x">The value.</param>
                /// <returns>√x; NaR for negative x and NaR.</returns>
                public static {{Self}} Sqrt({{Self}} x) => FromCode({{Codec}}.Sqrt(x.Code));
                """);

            Member($$"""
                /// <summary>(<paramref name="left"/> × <paramref name="right"/>) + <paramref name="addend"/>, computed exactly and rounded once.</summary>
                /// <param name="left">The first factor.</param>
                /// <param name="right">The second factor.</param>
                /// <param name="addend">The value added to the product.</param>
                /// <returns>The fused result.</returns>
                public static {{Self}} FusedMultiplyAdd({{Self}} left, {{Self}} right, {{Self}} addend) => FromCode({{Codec}}.FusedMultiplyAdd(left.Code, right.Code, addend.Code));
                """);

            Member($$"""
                /// <summary>(<paramref name="left"/> × <paramref name="right"/>) + <paramref name="addend"/>; this format always fuses (one rounding).</summary>
                /// <param name="left">The first factor.</param>
                /// <param name="right">The second factor.</param>
                /// <param name="addend">The value added to the product.</param>
                /// <returns>The fused result.</returns>
                public static {{Self}} MultiplyAddEstimate({{Self}} left, {{Self}} right, {{Self}} addend) => FromCode({{Codec}}.FusedMultiplyAdd(left.Code, right.Code, addend.Code));
                """);

            Member($$"""
                /// <summary>The IEEE 754 remainder of <paramref name="left"/> / <paramref name="right"/> (quotient rounded to nearest even), computed exactly and rounded once.</summary>
                /// <param name="left">The dividend.</param>
                /// <param name="right">The divisor.</param>
                /// <returns>The remainder; NaR when <paramref name="right"/> is 0 or either is NaR.</returns>
                public static {{Self}} Ieee754Remainder({{Self}} left, {{Self}} right) => FromCode({{Codec}}.Ieee754Remainder(left.Code, right.Code));
                """);

            Member($$"""
                /// <summary>Σ <paramref name="a"/>[i] × <paramref name="b"/>[i], accumulated exactly in the quire and rounded once; NaR if any term is NaR.</summary>
                /// <param name="a">The first vector.</param>
                /// <param name="b">The second vector, as long as <paramref name="a"/>, else <c>ArgumentException</c>.</param>
                /// <returns>The correctly rounded dot product.</returns>
                public static {{Self}} DotProduct(global::System.ReadOnlySpan<{{Self}}> a, global::System.ReadOnlySpan<{{Self}}> b)
                    => FromCode({{Quires}}.DotProduct<{{Bits}}>(global::System.Runtime.InteropServices.MemoryMarshal.Cast<{{Self}}, {{Bits}}>(a), global::System.Runtime.InteropServices.MemoryMarshal.Cast<{{Self}}, {{Bits}}>(b)));
                """);

            Member($$"""
                /// <summary>Σ <paramref name="values"/>[i], accumulated exactly in the quire and rounded once; NaR if any term is NaR.</summary>
                /// <param name="values">The values.</param>
                /// <returns>The correctly rounded sum.</returns>
                public static {{Self}} Sum(global::System.ReadOnlySpan<{{Self}}> values)
                    => FromCode({{Quires}}.Sum<{{Bits}}>(global::System.Runtime.InteropServices.MemoryMarshal.Cast<{{Self}}, {{Bits}}>(values)));
                """);
        }

        // ================================================================ classification

        private void EmitClassification()
        {
            W.Section("classification");
            Predicate("IsNaR", "is NaR (Not a Real)", $"{Codec}.IsNaR(value.Code)");
            Predicate("IsNaN", "is NaR, the posit counterpart of NaN", $"{Codec}.IsNaR(value.Code)");
            Predicate("IsInfinity", "is infinite (always false: posits have no infinities)", "false");
            Predicate("IsPositiveInfinity", "is positive infinity (always false)", "false");
            Predicate("IsNegativeInfinity", "is negative infinity (always false)", "false");
            Predicate("IsFinite", "is a real number (everything but NaR)", $"{Codec}.IsReal(value.Code)");
            Predicate("IsNormal", "is nonzero and real (posits have no subnormals)", $"value.Code != 0 && {Codec}.IsReal(value.Code)");
            Predicate("IsSubnormal", "is subnormal (always false)", "false");
            Predicate("IsZero", "is zero", $"{Codec}.IsZero(value.Code)");
            Predicate("IsNegative", "is less than zero (NaR is not)", $"{Codec}.IsNegative(value.Code)");
            Predicate("IsPositive", "is zero or greater (NaR is not), as <c>int.IsPositive</c>", $"!{Codec}.IsNegative(value.Code) && {Codec}.IsReal(value.Code)");
            Predicate("IsInteger", "is an integer", $"{Codec}.IsInteger(value.Code)");
            Predicate("IsEvenInteger", "is an even integer", $"{Codec}.IsEvenInteger(value.Code)");
            Predicate("IsOddInteger", "is an odd integer", $"{Codec}.IsOddInteger(value.Code)");
            Predicate("IsPow2", "is a positive power of two", $"{Codec}.IsPow2(value.Code)");
            Predicate("IsRealNumber", "is a real number (not NaR)", $"{Codec}.IsReal(value.Code)");
            Predicate("IsCanonical", "is in canonical form (always true: every encoding is canonical)", "true");
            Predicate("IsComplexNumber", "is a complex number with a nonzero imaginary part (always false)", "false");
            Predicate("IsImaginaryNumber", "is a purely imaginary number (always false)", "false");
        }

        private void Predicate(string name, string what, string body) => Member($$"""
            /// <summary>Whether <paramref name="value"/> {{what}}.</summary>
            public static bool {{name}}({{Self}} value) => {{body}};
            """);

        // ================================================================ math

        private void EmitMath()
        {
            W.Section("math");
            Member($$"""
                /// <summary>The absolute value (exact; NaR stays NaR).</summary>
                public static {{Self}} Abs({{Self}} value) => FromCode({{Codec}}.Abs(value.Code));
                """);

            Member($$"""
                /// <summary>A value with the magnitude of <paramref name="value"/> and the sign of <paramref name="sign"/>; NaR if either is NaR.</summary>
                public static {{Self}} CopySign({{Self}} value, {{Self}} sign) => FromCode({{Codec}}.CopySign(value.Code, sign.Code));
                """);

            Member($$"""
                /// <summary>-1, 0 or +1 by the sign of <paramref name="value"/>; NaR throws <c>ArithmeticException</c>, as <c>Math.Sign(double.NaN)</c> does.</summary>
                public static int Sign({{Self}} value) => {{Codec}}.Sign(value.Code);
                """);

            foreach (var (name, summary, body) in new[]
            {
                ("Max", "The greater value; NaR if either is NaR", $"{Codec}.Max(x.Code, y.Code)"),
                ("Min", "The lesser value; NaR if either is NaR", $"{Codec}.Min(x.Code, y.Code)"),
                ("MaxNumber", "The greater value; a real is preferred to NaR", $"{Codec}.MaxNumber(x.Code, y.Code)"),
                ("MinNumber", "The lesser value; a real is preferred to NaR", $"{Codec}.MinNumber(x.Code, y.Code)"),
                ("MaxMagnitude", "The value of greater magnitude; NaR if either is NaR", $"{Codec}.MaxMagnitude(x.Code, y.Code)"),
                ("MinMagnitude", "The value of lesser magnitude; NaR if either is NaR", $"{Codec}.MinMagnitude(x.Code, y.Code)"),
                ("MaxMagnitudeNumber", "The value of greater magnitude; a real is preferred to NaR", $"{Codec}.IsNaR(x.Code) ? y.Code : {Codec}.IsNaR(y.Code) ? x.Code : {Codec}.MaxMagnitude(x.Code, y.Code)"),
                ("MinMagnitudeNumber", "The value of lesser magnitude; a real is preferred to NaR", $"{Codec}.IsNaR(x.Code) ? y.Code : {Codec}.IsNaR(y.Code) ? x.Code : {Codec}.MinMagnitude(x.Code, y.Code)"),
            })
            {
                Member($$"""
                    /// <summary>{{summary}}.</summary>
                    public static {{Self}} {{name}}({{Self}} x, {{Self}} y) => FromCode({{body}});
                    """);
            }

            Member($$"""
                /// <summary><paramref name="value"/> limited to [<paramref name="min"/>, <paramref name="max"/>]; throws <c>ArgumentException</c> when min is greater than max; NaR if any is NaR.</summary>
                public static {{Self}} Clamp({{Self}} value, {{Self}} min, {{Self}} max)
                {
                    if ({{Codec}}.LessThan(max.Code, min.Code))
                    {
                        throw new global::System.ArgumentException("min must be less than or equal to max.", nameof(min));
                    }

                    return FromCode({{Codec}}.Min({{Codec}}.Max(value.Code, min.Code), max.Code));
                }
                """);

            Member($$"""
                /// <summary>Rounds to the nearest integer, ties to even.</summary>
                public static {{Self}} Round({{Self}} x) => FromCode({{Codec}}.RoundToIntegral(x.Code, global::System.MidpointRounding.ToEven));

                /// <summary>Rounds to an integer in the direction <paramref name="mode"/> asks.</summary>
                public static {{Self}} Round({{Self}} x, {{Rounding}} mode) => FromCode({{Codec}}.RoundToIntegral(x.Code, mode));
                """);

            foreach (var (name, what, mode) in new[]
            {
                ("Floor", "down, toward negative infinity", "ToNegativeInfinity"),
                ("Ceiling", "up, toward positive infinity", "ToPositiveInfinity"),
                ("Truncate", "toward zero", "ToZero"),
            })
            {
                Member($$"""
                    /// <summary>Rounds to an integer {{what}}.</summary>
                    public static {{Self}} {{name}}({{Self}} x) => FromCode({{Codec}}.RoundToIntegral(x.Code, global::System.MidpointRounding.{{mode}}));
                    """);
            }

            Member($$"""
                /// <summary>The next posit up (maxpos and NaR stay).</summary>
                public static {{Self}} BitIncrement({{Self}} x) => FromCode({{Codec}}.BitIncrement(x.Code));
                """);

            Member($$"""
                /// <summary>The next posit down (-maxpos and NaR stay).</summary>
                public static {{Self}} BitDecrement({{Self}} x) => FromCode({{Codec}}.BitDecrement(x.Code));
                """);

            Member($$"""
                /// <summary><paramref name="x"/> × 2^<paramref name="n"/>, correctly rounded (saturating).</summary>
                public static {{Self}} ScaleB({{Self}} x, int n) => FromCode({{Codec}}.ScaleB(x.Code, n));
                """);

            Member($$"""
                /// <summary>floor(log2 |<paramref name="x"/>|); int.MinValue for 0 and int.MaxValue for NaR, as <c>double.ILogB</c> does for 0 and NaN.</summary>
                public static int ILogB({{Self}} x) => {{Codec}}.ILogB(x.Code);
                """);

            Member($$"""
                /// <summary>The <paramref name="n"/>-th root of <paramref name="x"/>, computed in double and rounded once.</summary>
                public static {{Self}} RootN({{Self}} x, int n) => {{Round($"double.RootN({AsDouble("x")}, n)")}};
                """);

            foreach (var function in UnaryFunctions)
            {
                Member($$"""
                    /// <summary>{{function.Summary}}, computed in double and rounded once (NaN gives NaR).</summary>
                    public static {{Self}} {{function.Name}}({{Self}} {{function.Parameter}}) => {{Round($"double.{function.Name}({AsDouble(function.Parameter)})")}};
                    """);
            }

            foreach (var function in BinaryFunctions)
            {
                Member($$"""
                    /// <summary>{{function.Summary}}, computed in double and rounded once (NaN gives NaR).</summary>
                    public static {{Self}} {{function.Name}}({{Self}} {{function.First}}, {{Self}} {{function.Second}}) => {{Round($"double.{function.Name}({AsDouble(function.First)}, {AsDouble(function.Second)})")}};
                    """);
            }
        }

        // ================================================================ equality and order

        private void EmitEquality() => WriteEquality(
            ("Whether this value equals <paramref name=\"other\"/> (same encoding; NaR equals NaR).", "_bits == other._bits"),
            ("A hash code; equal values hash equal.", "_bits.GetHashCode()"),
            ("Compares with <paramref name=\"other\"/> in the posit order (two's-complement codes: NaR first).", $"{Codec}.CompareTo(Code, other.Code)"));
    }
}
