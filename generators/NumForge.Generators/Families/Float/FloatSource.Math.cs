namespace NumForge.Generators.Families.Float
{
    // Arithmetic with a rounding mode, classification, the INumber / IFloatingPoint math, the transcendental
    // functions, equality and order.
    internal sealed partial class FloatSource
    {
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

        // ================================================================ math

        private void EmitMath()
        {
            W.Section("math");
            WriteAbsAndCopySign(Codec);
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
            WriteDoubleFunctions(Codec, "");

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
