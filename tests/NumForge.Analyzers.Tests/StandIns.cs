using System.Text;

namespace NumForge.Analyzers.Tests
{
    /// <summary>
    /// Small stand-ins for the NumForge attributes and formats (and for TensorPrimitives, which is not in the shared
    /// framework), so the analyzer tests do not depend on the generator or the runtime.
    /// </summary>
    internal static class StandIns
    {
        public static readonly string Source = Build();

        private static string Build()
        {
            var text = new StringBuilder();
            text.AppendLine("""
                using System;

                namespace NumForge
                {
                    public enum SpecialValues { Ieee, FiniteNaN, FiniteNaNUnsignedZero, Finite }
                    public enum OverflowBehavior { Default, Infinity, NaN, Saturate }

                    [AttributeUsage(AttributeTargets.Struct)]
                    public sealed class FloatFormatAttribute : Attribute
                    {
                        public FloatFormatAttribute(int exponentBits, int mantissaBits) { }
                        public int Bias { get; set; }
                        public bool Signed { get; set; } = true;
                        public bool Subnormals { get; set; } = true;
                        public SpecialValues Specials { get; set; }
                        public OverflowBehavior Overflow { get; set; }
                    }

                    [AttributeUsage(AttributeTargets.Struct)]
                    public sealed class PositFormatAttribute : Attribute
                    {
                        public PositFormatAttribute(int bits, int exponentBits = 2) { }
                    }

                    [AttributeUsage(AttributeTargets.Struct)]
                    public sealed class IntFormatAttribute : Attribute
                    {
                        public IntFormatAttribute(int bits) { }
                        public bool Signed { get; set; } = true;
                    }
                """);
            IntFormat(text, "Int4", "[IntFormat(4)]");
            IntFormat(text, "UInt2", "[IntFormat(2, Signed = false)]");
            Format(text, "BFloat16", "[FloatFormat(8, 7)]");
            Format(text, "Float8E4M3FN", "[FloatFormat(4, 3, Specials = SpecialValues.FiniteNaN)]");
            Format(text, "Float8E5M2", "[FloatFormat(5, 2)]");
            Format(text, "Float8E4M3FNUZ", "[FloatFormat(4, 3, Bias = 8, Specials = SpecialValues.FiniteNaNUnsignedZero)]");
            Format(text, "Float4E2M1FN", "[FloatFormat(2, 1, Specials = SpecialValues.Finite)]");
            Format(text, "Float8E8M0FNU", "[FloatFormat(8, 0, Signed = false, Subnormals = false, Specials = SpecialValues.FiniteNaN)]");
            Format(text, "SaturatingE5M2", "[FloatFormat(5, 2, Overflow = OverflowBehavior.Saturate)]");
            Format(text, "MyFloat32", "[FloatFormat(8, 23)]");
            Format(text, "Posit16", "[PositFormat(16)]");
            Format(text, "Posit32", "[PositFormat(32)]");
            text.AppendLine("}");
            text.AppendLine("""

                namespace My
                {
                    /// <summary>A low-precision type that only the options know about.</summary>
                    public readonly struct Fp8
                    {
                        public static Fp8 operator +(Fp8 a, Fp8 b) => a;
                        public static explicit operator Fp8(float value) => default;
                        public static explicit operator float(Fp8 value) => 0;
                    }
                }

                namespace System.Numerics.Tensors
                {
                    public static class TensorPrimitives
                    {
                        public static float Sum(ReadOnlySpan<float> x) => 0;
                        public static T Sum<T>(ReadOnlySpan<T> x) => default!;
                        public static float Dot(ReadOnlySpan<float> x, ReadOnlySpan<float> y) => 0;
                        public static T Dot<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y) => default!;
                        public static T SumOfSquares<T>(ReadOnlySpan<T> x) => default!;
                        public static T Norm<T>(ReadOnlySpan<T> x) => default!;
                        public static void SoftMax(ReadOnlySpan<float> x, Span<float> destination) { }
                        public static void SoftMax<T>(ReadOnlySpan<T> x, Span<T> destination) { }
                        public static T Max<T>(ReadOnlySpan<T> x) => default!;
                        public static float SumOfSquares(ReadOnlySpan<float> x) => 0;
                        public static float Norm(ReadOnlySpan<float> x) => 0;
                        public static void ConvertToSingle(ReadOnlySpan<Half> source, Span<float> destination) { }
                        public static void ConvertToHalf(ReadOnlySpan<float> source, Span<Half> destination) { }
                    }
                }
                """);
            return text.ToString();
        }

        /// <summary>An integer format stand-in: wraps on explicit conversion, throws from CreateChecked.</summary>
        private static void IntFormat(StringBuilder text, string name, string attribute)
        {
            text.AppendLine($$"""
                    {{attribute}}
                    public readonly partial struct {{name}}
                    {
                        private readonly int _value;
                        private {{name}}(int value) { _value = value; }
                        public static {{name}} operator +({{name}} a, {{name}} b) => new {{name}}(a._value + b._value);
                        public static {{name}} operator *({{name}} a, {{name}} b) => new {{name}}(a._value * b._value);
                        public static {{name}} operator ++({{name}} a) => new {{name}}(a._value + 1);
                        public static explicit operator {{name}}(int value) => new {{name}}(value);
                        public static explicit operator int({{name}} value) => value._value;
                        public static explicit operator float({{name}} value) => value._value;
                        public static {{name}} CreateChecked<TOther>(TOther value) => default;
                        public static {{name}} CreateSaturating<TOther>(TOther value) => default;
                        public static {{name}} CreateTruncating<TOther>(TOther value) => default;
                    }
                """);
        }

        private static void Format(StringBuilder text, string name, string attribute)
        {
            text.AppendLine($$"""
                    {{attribute}}
                    public readonly partial struct {{name}} : IEquatable<{{name}}>
                    {
                        private readonly float _value;
                        private {{name}}(float value) { _value = value; }
                        public static {{name}} Zero => default;
                        public static {{name}} One => new {{name}}(1f);
                        public static {{name}} operator +({{name}} a, {{name}} b) => new {{name}}(a._value + b._value);
                        public static {{name}} operator -({{name}} a, {{name}} b) => new {{name}}(a._value - b._value);
                        public static {{name}} operator *({{name}} a, {{name}} b) => new {{name}}(a._value * b._value);
                        public static {{name}} operator /({{name}} a, {{name}} b) => new {{name}}(a._value / b._value);
                        public static {{name}} operator ++({{name}} a) => new {{name}}(a._value + 1f);
                        public static {{name}} operator --({{name}} a) => new {{name}}(a._value - 1f);
                        public static bool operator <({{name}} a, {{name}} b) => a._value < b._value;
                        public static bool operator >({{name}} a, {{name}} b) => a._value > b._value;
                        public static bool operator ==({{name}} a, {{name}} b) => a._value == b._value;
                        public static bool operator !=({{name}} a, {{name}} b) => a._value != b._value;
                        public static explicit operator {{name}}(float value) => new {{name}}(value);
                        public static explicit operator {{name}}(double value) => new {{name}}((float)value);
                        public static explicit operator float({{name}} value) => value._value;
                        public static explicit operator double({{name}} value) => value._value;
                        public static {{name}} Exp({{name}} x) => new {{name}}(MathF.Exp(x._value));
                        public static {{name}} Log({{name}} x) => new {{name}}(MathF.Log(x._value));
                        public static {{name}} Sqrt({{name}} x) => new {{name}}(MathF.Sqrt(x._value));
                        public static {{name}} Pow({{name}} x, {{name}} y) => new {{name}}(MathF.Pow(x._value, y._value));
                        public static {{name}} Max({{name}} x, {{name}} y) => x > y ? x : y;
                        public bool Equals({{name}} other) => _value == other._value;
                        public override bool Equals(object? obj) => obj is {{name}} other && Equals(other);
                        public override int GetHashCode() => _value.GetHashCode();
                    }
                """);
        }
    }
}
