
namespace NumForge.Generators.Families.Posit
{
    // Text (formatting and parsing), span converters, the quire and the generic-math plumbing.
    internal sealed partial class PositSource
    {
        private void EmitText() => WriteText(
            "global::NumForge.CompilerServices.Posits.PositTextCodec<Traits>",
            " (NaR prints as <c>NaR</c>)",
            "correctly rounded from its exact decimal value (NaR, NaN and the infinity symbols give NaR)");

        // ================================================================ spans

        private void EmitSpans()
        {
            W.Section("span converters");
            foreach (var (type, suffix) in new[] { ("float", "Single"), ("double", "Double"), ("global::System.Half", "Half") })
            {
                Member($$"""
                    /// <summary>Converts each <c>{{Short(type)}}</c> to the nearest value, as the explicit conversion does (NaN and ±infinity give NaR).</summary>
                    /// <param name="source">The values to convert.</param>
                    /// <param name="destination">Where the results go; at least as long as <paramref name="source"/>, else <c>ArgumentException</c>.</param>
                    public static void ConvertFrom(global::System.ReadOnlySpan<{{type}}> source, global::System.Span<{{Self}}> destination)
                        => {{Spans}}.ConvertFrom{{suffix}}<{{Bits}}>(source, global::System.Runtime.InteropServices.MemoryMarshal.Cast<{{Self}}, {{Bits}}>(destination));
                    """);
            }

            foreach (var (type, suffix, exact) in new[]
            {
                ("float", "Single", _layout.IsExactInSingle),
                ("double", "Double", _layout.IsExactInDouble),
                ("global::System.Half", "Half", _layout.IsExactInHalf),
            })
            {
                string exactness = exact ? "exactly" : "rounding to nearest even where needed";
                Member($$"""
                    /// <summary>Converts each value to <c>{{Short(type)}}</c>, {{exactness}}; NaR gives NaN.</summary>
                    /// <param name="source">The values to convert.</param>
                    /// <param name="destination">Where the results go; at least as long as <paramref name="source"/>, else <c>ArgumentException</c>.</param>
                    public static void ConvertTo(global::System.ReadOnlySpan<{{Self}}> source, global::System.Span<{{type}}> destination)
                        => {{Spans}}.ConvertTo{{suffix}}<{{Bits}}>(global::System.Runtime.InteropServices.MemoryMarshal.Cast<{{Self}}, {{Bits}}>(source), destination);
                    """);
            }

            EmitSpanArithmetic();
        }

        private void EmitSpanArithmetic()
        {
            const string Codes = "global::System.Runtime.InteropServices.MemoryMarshal.Cast";
            const string SameLength = "as long as <paramref name=\"x\"/>, else <c>ArgumentException</c>";
            foreach (var (name, verb) in new[] { ("Add", "x[i] + y[i]"), ("Multiply", "x[i] * y[i]") })
            {
                Member($$"""
                    /// <summary>Computes <c>destination[i] = {{verb}}</c>, each result correctly rounded, as the operator does.</summary>
                    /// <param name="x">The first operands.</param>
                    /// <param name="y">The second operands; {{SameLength}}.</param>
                    /// <param name="destination">Where the results go; at least {{SameLength}}. It may be <paramref name="x"/> or <paramref name="y"/> itself, but must not overlap them otherwise.</param>
                    public static void {{name}}(global::System.ReadOnlySpan<{{Self}}> x, global::System.ReadOnlySpan<{{Self}}> y, global::System.Span<{{Self}}> destination)
                        => {{Spans}}.{{name}}<{{Bits}}>({{Codes}}<{{Self}}, {{Bits}}>(x), {{Codes}}<{{Self}}, {{Bits}}>(y), {{Codes}}<{{Self}}, {{Bits}}>(destination));
                    """);
            }

            Member($$"""
                /// <summary>Computes <c>destination[i] = x[i] * y[i] + addend[i]</c>, each rounded once, as <c>FusedMultiplyAdd</c> does.</summary>
                /// <param name="x">The first factors.</param>
                /// <param name="y">The second factors; {{SameLength}}.</param>
                /// <param name="addend">The addends; {{SameLength}}.</param>
                /// <param name="destination">Where the results go; at least {{SameLength}}. It may be one of the inputs itself, but must not overlap them otherwise.</param>
                public static void FusedMultiplyAdd(global::System.ReadOnlySpan<{{Self}}> x, global::System.ReadOnlySpan<{{Self}}> y, global::System.ReadOnlySpan<{{Self}}> addend, global::System.Span<{{Self}}> destination)
                    => {{Spans}}.FusedMultiplyAdd<{{Bits}}>({{Codes}}<{{Self}}, {{Bits}}>(x), {{Codes}}<{{Self}}, {{Bits}}>(y), {{Codes}}<{{Self}}, {{Bits}}>(addend), {{Codes}}<{{Self}}, {{Bits}}>(destination));
                """);
        }

        // ================================================================ quire

        private void EmitQuire()
        {
            if (Filter.DeclaresName("Quire"))
            {
                return;
            }

            W.Section("quire");
            W.Open($$"""
                /// <summary>
                /// The quire of {{Name}}: an exact fixed-point accumulator of {{Int(_layout.QuireBits)}} bits whose lowest bit is minpos²,
                /// so sums of posits and of their products are exact until <see cref="ToPosit"/> rounds once. Adding NaR, or a sum that
                /// overflows the carry guard, makes the quire NaR until it is cleared. A quire is a mutable accumulator: it is not
                /// thread-safe.
                /// </summary>
                public sealed class Quire
                """);
            W.Member("""
                private readonly ulong[] _limbs = new ulong[Traits.QuireLimbs];
                """);
            W.Member($$"""
                /// <summary>Creates a quire holding 0.</summary>
                public Quire()
                {
                }

                /// <summary>Creates a quire holding the exact value of <paramref name="value"/>.</summary>
                /// <param name="value">The initial value.</param>
                public Quire({{Self}} value) => {{Quires}}.AddPosit(_limbs, value.Code);
                """);
            W.Member($$"""
                /// <summary>Whether the quire is NaR.</summary>
                public bool IsNaR => {{Quires}}.IsNaR(_limbs);

                /// <summary>Whether the quire holds 0.</summary>
                public bool IsZero => {{Quires}}.IsZero(_limbs);

                /// <summary>The accumulator's 64-bit limbs, least significant first (two's complement).</summary>
                public global::System.ReadOnlySpan<ulong> Limbs => _limbs;
                """);
            W.Member($$"""
                /// <summary>Sets the quire to 0 (this also clears NaR).</summary>
                public void Clear() => {{Quires}}.Clear(_limbs);

                /// <summary>Adds a posit exactly.</summary>
                /// <param name="value">The value to add.</param>
                public void Add({{Self}} value) => {{Quires}}.AddPosit(_limbs, value.Code);

                /// <summary>Subtracts a posit exactly.</summary>
                /// <param name="value">The value to subtract.</param>
                public void Subtract({{Self}} value) => {{Quires}}.SubtractPosit(_limbs, value.Code);

                /// <summary>Adds the exact product <paramref name="x"/> × <paramref name="y"/> (fused: nothing is rounded).</summary>
                /// <param name="x">The first factor.</param>
                /// <param name="y">The second factor.</param>
                public void AddProduct({{Self}} x, {{Self}} y) => {{Quires}}.AddProduct(_limbs, x.Code, y.Code);

                /// <summary>Subtracts the exact product <paramref name="x"/> × <paramref name="y"/>.</summary>
                /// <param name="x">The first factor.</param>
                /// <param name="y">The second factor.</param>
                public void SubtractProduct({{Self}} x, {{Self}} y) => {{Quires}}.SubtractProduct(_limbs, x.Code, y.Code);

                /// <summary>Adds another quire of the same format exactly.</summary>
                /// <param name="other">The quire to add.</param>
                public void Add(Quire other)
                {
                    global::System.ArgumentNullException.ThrowIfNull(other);
                    {{Quires}}.Add(_limbs, other._limbs);
                }

                /// <summary>Subtracts another quire of the same format exactly.</summary>
                /// <param name="other">The quire to subtract.</param>
                public void Subtract(Quire other)
                {
                    global::System.ArgumentNullException.ThrowIfNull(other);
                    {{Quires}}.Subtract(_limbs, other._limbs);
                }

                /// <summary>Negates the quire (NaR stays NaR).</summary>
                public void Negate() => {{Quires}}.Negate(_limbs);

                /// <summary>Rounds the quire's exact value once to the nearest posit (ties to even on the bit string); NaR gives NaR.</summary>
                /// <returns>The rounded value.</returns>
                public {{Self}} ToPosit() => FromCode({{Quires}}.ToPosit(_limbs));

                /// <summary>An independent copy of this quire.</summary>
                /// <returns>The copy.</returns>
                public Quire Clone()
                {
                    var copy = new Quire();
                    global::System.Array.Copy(_limbs, copy._limbs, _limbs.Length);
                    return copy;
                }

                /// <summary>The rounded value, as <see cref="ToPosit"/> gives, as text.</summary>
                /// <returns>The text.</returns>
                public override string ToString() => ToPosit().ToString();
                """);
            W.Close();
        }

        // ================================================================ generic math

        private void EmitGenericMath()
        {
            W.Section("generic-math plumbing");
            string numberBase = $"{Numerics}.INumberBase<{Self}>";

            Member($"static int {numberBase}.Radix => 2;");
            Member($"static {Self} {Numerics}.IAdditiveIdentity<{Self}, {Self}>.AdditiveIdentity => Zero;");
            Member($"static {Self} {Numerics}.IMultiplicativeIdentity<{Self}, {Self}>.MultiplicativeIdentity => One;");

            WriteNumberConversions("global::NumForge.CompilerServices.Posits.PositConverter<Traits>");
        }
    }
}
