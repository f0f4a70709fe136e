using System.Linq;

namespace NumForge.Generators.Families.Posit
{
    // Arithmetic, classification, the INumber math, functions computed in double, equality and order.
    internal sealed partial class PositSource
    {
        /// <summary>The functions of one argument a posit computes in double (a subset of the shared table).</summary>
        private static readonly string[] DoubleFunctionsOfOne = { "Cbrt", "Exp", "Exp2", "Exp10", "Log", "Log2", "Log10", "Sin", "Cos", "Tan", "Asin", "Acos", "Atan", "Sinh", "Cosh", "Tanh" };

        /// <summary>The functions of two arguments a posit computes in double.</summary>
        private static readonly string[] DoubleFunctionsOfTwo = { "Pow", "Hypot", "Atan2" };

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
            WriteClassification("global::NumForge.CompilerServices.Posits.PositClassification<Traits>");
            Member($$"""
                /// <summary>Whether <paramref name="value"/> is NaR (Not a Real), the one exception value.</summary>
                public static bool IsNaR({{Self}} value) => {{Codec}}.IsNaR(value.Code);
                """);
        }

        // ================================================================ math

        private void EmitMath()
        {
            W.Section("math");
            WriteAbsAndCopySign(Codec);
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

            WriteDoubleFunctions(Codec, " (NaN gives NaR)", (name, arity) => arity == 1 ? DoubleFunctionsOfOne.Contains(name) : DoubleFunctionsOfTwo.Contains(name));
        }

        // ================================================================ equality and order

        private void EmitEquality() => WriteEquality(
            ("Whether this value equals <paramref name=\"other\"/> (same encoding; NaR equals NaR).", "_bits == other._bits"),
            ("A hash code; equal values hash equal.", "_bits.GetHashCode()"),
            ("Compares with <paramref name=\"other\"/> in the posit order (two's-complement codes: NaR first).", $"{Codec}.CompareTo(Code, other.Code)"));
    }
}
