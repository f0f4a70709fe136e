namespace NumForge.Generators.Families.Float
{
    // Arithmetic with a rounding mode, classification, the INumber / IFloatingPoint math, the transcendental
    // functions, equality and order.
    internal sealed partial class FloatSource
    {
        /// <summary>Functions of one argument, computed in double and rounded once: (name, parameter, summary).</summary>
        private static readonly (string Name, string Parameter, string Summary)[] UnaryFunctions =
        {
            ("Exp", "x", "e raised to <paramref name=\"x\"/>"),
            ("ExpM1", "x", "e raised to <paramref name=\"x\"/>, minus one"),
            ("Exp2", "x", "2 raised to <paramref name=\"x\"/>"),
            ("Exp2M1", "x", "2 raised to <paramref name=\"x\"/>, minus one"),
            ("Exp10", "x", "10 raised to <paramref name=\"x\"/>"),
            ("Exp10M1", "x", "10 raised to <paramref name=\"x\"/>, minus one"),
            ("Log", "x", "The natural logarithm of <paramref name=\"x\"/>"),
            ("LogP1", "x", "The natural logarithm of <paramref name=\"x\"/> plus one"),
            ("Log2", "x", "The base-2 logarithm of <paramref name=\"x\"/>"),
            ("Log2P1", "x", "The base-2 logarithm of <paramref name=\"x\"/> plus one"),
            ("Log10", "x", "The base-10 logarithm of <paramref name=\"x\"/>"),
            ("Log10P1", "x", "The base-10 logarithm of <paramref name=\"x\"/> plus one"),
            ("Cbrt", "x", "The cube root of <paramref name=\"x\"/>"),
            ("Sin", "x", "The sine of <paramref name=\"x\"/> (radians)"),
            ("Cos", "x", "The cosine of <paramref name=\"x\"/> (radians)"),
            ("Tan", "x", "The tangent of <paramref name=\"x\"/> (radians)"),
            ("SinPi", "x", "The sine of <paramref name=\"x\"/> × π"),
            ("CosPi", "x", "The cosine of <paramref name=\"x\"/> × π"),
            ("TanPi", "x", "The tangent of <paramref name=\"x\"/> × π"),
            ("Asin", "x", "The arc-sine of <paramref name=\"x\"/>, in radians"),
            ("Acos", "x", "The arc-cosine of <paramref name=\"x\"/>, in radians"),
            ("Atan", "x", "The arc-tangent of <paramref name=\"x\"/>, in radians"),
            ("AsinPi", "x", "The arc-sine of <paramref name=\"x\"/>, divided by π"),
            ("AcosPi", "x", "The arc-cosine of <paramref name=\"x\"/>, divided by π"),
            ("AtanPi", "x", "The arc-tangent of <paramref name=\"x\"/>, divided by π"),
            ("Sinh", "x", "The hyperbolic sine of <paramref name=\"x\"/>"),
            ("Cosh", "x", "The hyperbolic cosine of <paramref name=\"x\"/>"),
            ("Tanh", "x", "The hyperbolic tangent of <paramref name=\"x\"/>"),
            ("Asinh", "x", "The hyperbolic arc-sine of <paramref name=\"x\"/>"),
            ("Acosh", "x", "The hyperbolic arc-cosine of <paramref name=\"x\"/>"),
            ("Atanh", "x", "The hyperbolic arc-tangent of <paramref name=\"x\"/>"),
            ("DegreesToRadians", "degrees", "<paramref name=\"degrees\"/> converted to radians"),
            ("RadiansToDegrees", "radians", "<paramref name=\"radians\"/> converted to degrees"),
            ("ReciprocalEstimate", "x", "The reciprocal of <paramref name=\"x\"/>"),
            ("ReciprocalSqrtEstimate", "x", "The reciprocal of the square root of <paramref name=\"x\"/>"),
        };

        /// <summary>Functions of two arguments of this type, computed in double and rounded once.</summary>
        private static readonly (string Name, string First, string Second, string Summary)[] BinaryFunctions =
        {
            ("Pow", "x", "y", "<paramref name=\"x\"/> raised to <paramref name=\"y\"/>"),
            ("Log", "x", "newBase", "The logarithm of <paramref name=\"x\"/> in base <paramref name=\"newBase\"/>"),
            ("Hypot", "x", "y", "The square root of <paramref name=\"x\"/>² + <paramref name=\"y\"/>²"),
            ("Atan2", "y", "x", "The arc-tangent of <paramref name=\"y\"/> / <paramref name=\"x\"/>, in radians, in the quadrant of (x, y)"),
            ("Atan2Pi", "y", "x", "The arc-tangent of <paramref name=\"y\"/> / <paramref name=\"x\"/>, divided by π"),
            ("Ieee754Remainder", "left", "right", "The IEEE 754 remainder of <paramref name=\"left\"/> / <paramref name=\"right\"/> (exact)"),
        };

        /// <summary>Selections between two values, evaluated on the exact values as double does.</summary>
        private static readonly (string Name, string Summary)[] Selections =
        {
            ("Max", "The greater value; NaN if either is NaN; +0 is greater than -0"),
            ("Min", "The lesser value; NaN if either is NaN; -0 is less than +0"),
            ("MaxNumber", "The greater value; a number is preferred to NaN"),
            ("MinNumber", "The lesser value; a number is preferred to NaN"),
            ("MaxMagnitude", "The value of greater magnitude; NaN if either is NaN"),
            ("MinMagnitude", "The value of lesser magnitude; NaN if either is NaN"),
            ("MaxMagnitudeNumber", "The value of greater magnitude; a number is preferred to NaN"),
            ("MinMagnitudeNumber", "The value of lesser magnitude; a number is preferred to NaN"),
        };

        /// <summary>Rounds a double expression once to this format.</summary>
        private static string Round(string doubleExpression) => $"FromCode({Codec}.FromDouble({doubleExpression}))";

        // ================================================================ arithmetic with a rounding mode

        private void EmitArithmetic()
        {
            W.Section("arithmetic with a rounding mode");
            RoundedBinary("Add", "The sum", "Add");
            RoundedBinary("Subtract", "The difference", "Subtract");
            RoundedBinary("Multiply", "The product", "Multiply");
            RoundedBinary("Divide", "The quotient", "Divide");

            Member($$"""
                /// <summary>The square root of <paramref name="x"/>, correctly rounded (to nearest, ties to even).</summary>
                /// <param name="x">The value.</param>
                /// <returns>√x; NaN for negative x.</returns>
                public static {{Self}} Sqrt({{Self}} x) => FromCode({{Codec}}.Sqrt(x.Code));

                /// <summary>The square root of <paramref name="x"/>, rounded once in the direction <paramref name="rounding"/> asks.</summary>
                /// <param name="x">The value.</param>
                /// <param name="rounding">The rounding direction.</param>
                /// <returns>√x; NaN for negative x.</returns>
                public static {{Self}} Sqrt({{Self}} x, {{Rounding}} rounding) => FromCode({{Rounded}}.Sqrt(x.Code, rounding));
                """);

            Member($$"""
                /// <summary>(<paramref name="left"/> × <paramref name="right"/>) + <paramref name="addend"/>, rounded once (to nearest, ties to even).</summary>
                /// <param name="left">The first factor.</param>
                /// <param name="right">The second factor.</param>
                /// <param name="addend">The value added to the product.</param>
                /// <returns>The fused result.</returns>
                public static {{Self}} FusedMultiplyAdd({{Self}} left, {{Self}} right, {{Self}} addend) => FromCode({{Codec}}.FusedMultiplyAdd(left.Code, right.Code, addend.Code));

                /// <summary>(<paramref name="left"/> × <paramref name="right"/>) + <paramref name="addend"/>, rounded once in the direction <paramref name="rounding"/> asks.</summary>
                /// <param name="left">The first factor.</param>
                /// <param name="right">The second factor.</param>
                /// <param name="addend">The value added to the product.</param>
                /// <param name="rounding">The rounding direction.</param>
                /// <returns>The fused result.</returns>
                public static {{Self}} FusedMultiplyAdd({{Self}} left, {{Self}} right, {{Self}} addend, {{Rounding}} rounding) => FromCode({{Rounded}}.FusedMultiplyAdd(left.Code, right.Code, addend.Code, rounding));
                """);

            Member($$"""
                /// <summary>(<paramref name="left"/> × <paramref name="right"/>) + <paramref name="addend"/>; this format always fuses (one rounding).</summary>
                /// <param name="left">The first factor.</param>
                /// <param name="right">The second factor.</param>
                /// <param name="addend">The value added to the product.</param>
                /// <returns>The fused result.</returns>
                public static {{Self}} MultiplyAddEstimate({{Self}} left, {{Self}} right, {{Self}} addend) => FromCode({{Codec}}.FusedMultiplyAdd(left.Code, right.Code, addend.Code));
                """);
        }

        private void RoundedBinary(string name, string what, string kernel) => Member($$"""
            /// <summary>{{what}} of <paramref name="left"/> and <paramref name="right"/>, rounded once in the direction <paramref name="rounding"/> asks.</summary>
            /// <param name="left">The left operand.</param>
            /// <param name="right">The right operand.</param>
            /// <param name="rounding">The rounding direction; <c>MidpointRounding.ToEven</c> is what the operator does.</param>
            /// <returns>The rounded result.</returns>
            public static {{Self}} {{name}}({{Self}} left, {{Self}} right, {{Rounding}} rounding) => FromCode({{Rounded}}.{{kernel}}(left.Code, right.Code, rounding));
            """);

        // ================================================================ classification

        private void EmitClassification()
        {
            W.Section("classification");
            Predicate("IsNaN", "is NaN", $"{Codec}.IsNaN(value.Code)");
            Predicate("IsInfinity", "is positive or negative infinity", $"{Codec}.IsInfinity(value.Code)");
            Predicate("IsPositiveInfinity", "is positive infinity", $"{Codec}.IsPositiveInfinity(value.Code)");
            Predicate("IsNegativeInfinity", "is negative infinity", $"{Codec}.IsNegativeInfinity(value.Code)");
            Predicate("IsFinite", "is finite (not NaN, not infinite)", $"{Codec}.IsFinite(value.Code)");
            Predicate("IsNormal", "is normal (finite, nonzero, not subnormal)", $"{Codec}.IsNormal(value.Code)");
            Predicate("IsSubnormal", "is subnormal", $"{Codec}.IsSubnormal(value.Code)");
            Predicate("IsZero", "is zero (+0 or -0)", $"{Codec}.IsZero(value.Code)");
            Predicate("IsNegative", "has its sign bit set (true for -0 and negative NaNs, as double.IsNegative)", $"{Codec}.IsNegative(value.Code)");
            Predicate("IsPositive", "has its sign bit clear (true for +0 and positive NaNs, as double.IsPositive)", $"!{Codec}.IsNegative(value.Code)");
            Predicate("IsInteger", "is an integer", $"{Codec}.IsInteger(value.Code)");
            Predicate("IsEvenInteger", "is an even integer", $"double.IsEvenInteger({AsDouble("value")})");
            Predicate("IsOddInteger", "is an odd integer", $"double.IsOddInteger({AsDouble("value")})");
            Predicate("IsPow2", "is a positive power of two", $"double.IsPow2({AsDouble("value")})");
            Predicate("IsRealNumber", "is a real number (not NaN)", $"!{Codec}.IsNaN(value.Code)");
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
                /// <summary>The absolute value (NaN stays NaN).</summary>
                public static {{Self}} Abs({{Self}} value) => FromCode({{Codec}}.Abs(value.Code));
                """);

            Member($$"""
                /// <summary>A value with the magnitude of <paramref name="value"/> and the sign of <paramref name="sign"/>.</summary>
                public static {{Self}} CopySign({{Self}} value, {{Self}} sign) => FromCode({{Codec}}.CopySign(value.Code, sign.Code));
                """);

            Member($$"""
                /// <summary>-1, 0 or +1 by the sign of <paramref name="value"/>; NaN throws <c>ArithmeticException</c>, as <c>Math.Sign(double)</c>.</summary>
                public static int Sign({{Self}} value) => global::System.Math.Sign({{AsDouble("value")}});
                """);

            foreach (var selection in Selections)
            {
                Member($$"""
                    /// <summary>{{selection.Summary}}.</summary>
                    public static {{Self}} {{selection.Name}}({{Self}} x, {{Self}} y) => {{Round($"double.{selection.Name}({AsDouble("x")}, {AsDouble("y")})")}};
                    """);
            }

            Member($$"""
                /// <summary><paramref name="value"/> limited to [<paramref name="min"/>, <paramref name="max"/>]; throws <c>ArgumentException</c> when min is greater than max.</summary>
                public static {{Self}} Clamp({{Self}} value, {{Self}} min, {{Self}} max) => {{Round($"double.Clamp({AsDouble("value")}, {AsDouble("min")}, {AsDouble("max")})")}};
                """);

            foreach (var (name, plain) in new[] { ("MaxNative", "Max"), ("MinNative", "Min") })
            {
                Member($$"""
                    /// <summary>As <c>{{plain}}</c>: this type has no faster platform-specific behaviour to offer.</summary>
                    public static {{Self}} {{name}}({{Self}} x, {{Self}} y) => {{plain}}(x, y);
                    """);
            }

            Member($$"""
                /// <summary>As <c>Clamp</c>: this type has no faster platform-specific behaviour to offer.</summary>
                public static {{Self}} ClampNative({{Self}} value, {{Self}} min, {{Self}} max) => Clamp(value, min, max);
                """);

            foreach (string name in new[] { "ConvertToInteger", "ConvertToIntegerNative" })
            {
                Member($$"""
                    /// <summary>Converts to an integer type, truncating toward zero and saturating; NaN gives 0.</summary>
                    public static TInteger {{name}}<TInteger>({{Self}} value)
                        where TInteger : {{Numerics}}.IBinaryInteger<TInteger> => TInteger.CreateSaturating(value);
                    """);
            }

            Member($$"""
                /// <summary>Rounds to the nearest integer, ties to even.</summary>
                public static {{Self}} Round({{Self}} x) => {{Round($"double.Round({AsDouble("x")})")}};

                /// <summary>Rounds to <paramref name="digits"/> fractional decimal digits, ties to even (as <c>double.Round</c>, then to this format).</summary>
                public static {{Self}} Round({{Self}} x, int digits) => {{Round($"double.Round({AsDouble("x")}, digits)")}};

                /// <summary>Rounds to an integer in the direction <paramref name="mode"/> asks.</summary>
                public static {{Self}} Round({{Self}} x, {{Rounding}} mode) => {{Round($"double.Round({AsDouble("x")}, mode)")}};

                /// <summary>Rounds to <paramref name="digits"/> fractional decimal digits in the direction <paramref name="mode"/> asks (as <c>double.Round</c>, then to this format).</summary>
                public static {{Self}} Round({{Self}} x, int digits, {{Rounding}} mode) => {{Round($"double.Round({AsDouble("x")}, digits, mode)")}};
                """);

            foreach (var (name, what) in new[] { ("Floor", "down, toward negative infinity"), ("Ceiling", "up, toward positive infinity"), ("Truncate", "toward zero") })
            {
                Member($$"""
                    /// <summary>Rounds to an integer {{what}}.</summary>
                    public static {{Self}} {{name}}({{Self}} x) => {{Round($"double.{name}({AsDouble("x")})")}};
                    """);
            }

            Member($$"""
                /// <summary>The smallest value greater than <paramref name="x"/> (NaN and +infinity stay).</summary>
                public static {{Self}} BitIncrement({{Self}} x) => FromCode({{Codec}}.BitIncrement(x.Code));
                """);

            Member($$"""
                /// <summary>The largest value less than <paramref name="x"/> (NaN and -infinity stay).</summary>
                public static {{Self}} BitDecrement({{Self}} x) => FromCode({{Codec}}.BitDecrement(x.Code));
                """);

            Member($$"""
                /// <summary><paramref name="x"/> × 2^<paramref name="n"/>, rounded once.</summary>
                public static {{Self}} ScaleB({{Self}} x, int n) => {{Round($"double.ScaleB({AsDouble("x")}, n)")}};
                """);

            Member($$"""
                /// <summary>The unbiased base-2 exponent of <paramref name="x"/>, as <c>double.ILogB</c>.</summary>
                public static int ILogB({{Self}} x) => double.ILogB({{AsDouble("x")}});
                """);

            Member($$"""
                /// <summary>The linear interpolation between <paramref name="value1"/> and <paramref name="value2"/>, computed in double and rounded once.</summary>
                public static {{Self}} Lerp({{Self}} value1, {{Self}} value2, {{Self}} amount) => {{Round($"double.Lerp({AsDouble("value1")}, {AsDouble("value2")}, {AsDouble("amount")})")}};
                """);
        }

        // ================================================================ transcendental functions

        private void EmitTranscendentals()
        {
            W.Section("transcendental functions: computed in double, rounded once to this format");
            foreach (var function in UnaryFunctions)
            {
                Member($$"""
                    /// <summary>{{function.Summary}}, computed in double and rounded once.</summary>
                    public static {{Self}} {{function.Name}}({{Self}} {{function.Parameter}}) => {{Round($"double.{function.Name}({AsDouble(function.Parameter)})")}};
                    """);
            }

            foreach (var function in BinaryFunctions)
            {
                Member($$"""
                    /// <summary>{{function.Summary}}, computed in double and rounded once.</summary>
                    public static {{Self}} {{function.Name}}({{Self}} {{function.First}}, {{Self}} {{function.Second}}) => {{Round($"double.{function.Name}({AsDouble(function.First)}, {AsDouble(function.Second)})")}};
                    """);
            }

            Member($$"""
                /// <summary>The <paramref name="n"/>-th root of <paramref name="x"/>, computed in double and rounded once.</summary>
                public static {{Self}} RootN({{Self}} x, int n) => {{Round($"double.RootN({AsDouble("x")}, n)")}};
                """);

            foreach (var (name, what, pi) in new[] { ("SinCos", "<paramref name=\"x\"/> (radians)", ""), ("SinCosPi", "<paramref name=\"x\"/> × π", "Pi") })
            {
                Member($$"""
                    /// <summary>The sine and cosine of {{what}}, each computed in double and rounded once.</summary>
                    public static ({{Self}} Sin{{pi}}, {{Self}} Cos{{pi}}) {{name}}({{Self}} x) => global::NumForge.CompilerServices.Floats.FloatFunctions<{{Self}}, Traits>.{{name}}(x);
                    """);
            }
        }

        // ================================================================ equality and order

        private void EmitEquality() => WriteEquality(
            ("Whether this value equals <paramref name=\"other\"/>, as <c>double.Equals</c>: NaN equals NaN and +0 equals -0.", $"{Codec}.ToDouble(Code).Equals({AsDouble("other")})"),
            ("A hash code; equal values (including +0 and -0, and all NaNs) hash equal.", $"{Codec}.ToDouble(Code).GetHashCode()"),
            ("Compares with <paramref name=\"other\"/> in the total order of <c>double.CompareTo</c>: NaN first, -0 equal to +0.", $"{Codec}.CompareTo(Code, other.Code)"));
    }
}
