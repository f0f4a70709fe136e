using System;
using System.Linq;

namespace NumForge.Generators.Emit
{
    // The functions every family computes in double and rounds once (the transcendental and power functions): one
    // table, each member a one-line forwarder through the family codec's ToDouble and FromDouble.
    internal abstract partial class FormatSource
    {
        /// <summary>Every function computed in double: (name, parameters, summary).</summary>
        private static readonly (string Name, string[] Parameters, string Summary)[] DoubleFunctions =
        {
            ("Exp", new[] { "x" }, "e raised to <paramref name=\"x\"/>"),
            ("ExpM1", new[] { "x" }, "e raised to <paramref name=\"x\"/>, minus one"),
            ("Exp2", new[] { "x" }, "2 raised to <paramref name=\"x\"/>"),
            ("Exp2M1", new[] { "x" }, "2 raised to <paramref name=\"x\"/>, minus one"),
            ("Exp10", new[] { "x" }, "10 raised to <paramref name=\"x\"/>"),
            ("Exp10M1", new[] { "x" }, "10 raised to <paramref name=\"x\"/>, minus one"),
            ("Log", new[] { "x" }, "The natural logarithm of <paramref name=\"x\"/>"),
            ("LogP1", new[] { "x" }, "The natural logarithm of <paramref name=\"x\"/> plus one"),
            ("Log2", new[] { "x" }, "The base-2 logarithm of <paramref name=\"x\"/>"),
            ("Log2P1", new[] { "x" }, "The base-2 logarithm of <paramref name=\"x\"/> plus one"),
            ("Log10", new[] { "x" }, "The base-10 logarithm of <paramref name=\"x\"/>"),
            ("Log10P1", new[] { "x" }, "The base-10 logarithm of <paramref name=\"x\"/> plus one"),
            ("Cbrt", new[] { "x" }, "The cube root of <paramref name=\"x\"/>"),
            ("Sin", new[] { "x" }, "The sine of <paramref name=\"x\"/> (radians)"),
            ("Cos", new[] { "x" }, "The cosine of <paramref name=\"x\"/> (radians)"),
            ("Tan", new[] { "x" }, "The tangent of <paramref name=\"x\"/> (radians)"),
            ("SinPi", new[] { "x" }, "The sine of <paramref name=\"x\"/> × π"),
            ("CosPi", new[] { "x" }, "The cosine of <paramref name=\"x\"/> × π"),
            ("TanPi", new[] { "x" }, "The tangent of <paramref name=\"x\"/> × π"),
            ("Asin", new[] { "x" }, "The arc-sine of <paramref name=\"x\"/>, in radians"),
            ("Acos", new[] { "x" }, "The arc-cosine of <paramref name=\"x\"/>, in radians"),
            ("Atan", new[] { "x" }, "The arc-tangent of <paramref name=\"x\"/>, in radians"),
            ("AsinPi", new[] { "x" }, "The arc-sine of <paramref name=\"x\"/>, divided by π"),
            ("AcosPi", new[] { "x" }, "The arc-cosine of <paramref name=\"x\"/>, divided by π"),
            ("AtanPi", new[] { "x" }, "The arc-tangent of <paramref name=\"x\"/>, divided by π"),
            ("Sinh", new[] { "x" }, "The hyperbolic sine of <paramref name=\"x\"/>"),
            ("Cosh", new[] { "x" }, "The hyperbolic cosine of <paramref name=\"x\"/>"),
            ("Tanh", new[] { "x" }, "The hyperbolic tangent of <paramref name=\"x\"/>"),
            ("Asinh", new[] { "x" }, "The hyperbolic arc-sine of <paramref name=\"x\"/>"),
            ("Acosh", new[] { "x" }, "The hyperbolic arc-cosine of <paramref name=\"x\"/>"),
            ("Atanh", new[] { "x" }, "The hyperbolic arc-tangent of <paramref name=\"x\"/>"),
            ("DegreesToRadians", new[] { "degrees" }, "<paramref name=\"degrees\"/> converted to radians"),
            ("RadiansToDegrees", new[] { "radians" }, "<paramref name=\"radians\"/> converted to degrees"),
            ("ReciprocalEstimate", new[] { "x" }, "The reciprocal of <paramref name=\"x\"/>"),
            ("ReciprocalSqrtEstimate", new[] { "x" }, "The reciprocal of the square root of <paramref name=\"x\"/>"),
            ("Pow", new[] { "x", "y" }, "<paramref name=\"x\"/> raised to <paramref name=\"y\"/>"),
            ("Log", new[] { "x", "newBase" }, "The logarithm of <paramref name=\"x\"/> in base <paramref name=\"newBase\"/>"),
            ("Hypot", new[] { "x", "y" }, "The square root of <paramref name=\"x\"/>² + <paramref name=\"y\"/>²"),
            ("Atan2", new[] { "y", "x" }, "The arc-tangent of <paramref name=\"y\"/> / <paramref name=\"x\"/>, in radians, in the quadrant of (x, y)"),
            ("Atan2Pi", new[] { "y", "x" }, "The arc-tangent of <paramref name=\"y\"/> / <paramref name=\"x\"/>, divided by π"),
            ("Ieee754Remainder", new[] { "left", "right" }, "The IEEE 754 remainder of <paramref name=\"left\"/> / <paramref name=\"right\"/> (exact)"),
        };

        /// <summary>
        /// Writes the functions computed in double and rounded once through <paramref name="codec"/> (which has
        /// <c>ToDouble(ulong)</c> and <c>FromDouble(double)</c>).
        /// </summary>
        /// <param name="codec">The family codec for this format.</param>
        /// <param name="note">Appended to each summary, e.g. " (NaN gives NaR)".</param>
        /// <param name="include">Which functions (by name and arity) the family offers; null for all.</param>
        protected void WriteDoubleFunctions(string codec, string note, Func<string, int, bool>? include = null)
        {
            foreach (var (name, parameters, summary) in DoubleFunctions)
            {
                if (include is not null && !include(name, parameters.Length))
                {
                    continue;
                }

                string declared = string.Join(", ", parameters.Select(p => Self + " " + p));
                string arguments = string.Join(", ", parameters.Select(p => $"{codec}.ToDouble({p}.Code)"));
                Member($$"""
                    /// <summary>{{summary}}, computed in double and rounded once{{note}}.</summary>
                    public static {{Self}} {{name}}({{declared}}) => FromCode({{codec}}.FromDouble(double.{{name}}({{arguments}})));
                    """);
            }
        }
    }
}
