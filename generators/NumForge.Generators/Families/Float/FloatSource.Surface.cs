
namespace NumForge.Generators.Families.Float
{
    // Text (formatting and parsing), span converters and the generic-math plumbing.
    internal sealed partial class FloatSource
    {
        // ================================================================ spans

        private void EmitSpans()
        {
            W.Section("span converters");
            foreach (var (type, suffix) in new[] { ("float", "Single"), ("double", "Double"), ("global::System.Half", "Half") })
            {
                Member($$"""
                    /// <summary>Converts each <c>{{Short(type)}}</c> to the nearest value (ties to even), as the explicit conversion does.</summary>
                    /// <param name="source">The values to convert.</param>
                    /// <param name="destination">Where the results go; at least as long as <paramref name="source"/>, else <c>ArgumentException</c>.</param>
                    public static void ConvertFrom(global::System.ReadOnlySpan<{{type}}> source, global::System.Span<{{Self}}> destination)
                        => {{Spans}}.ConvertFrom{{suffix}}<{{Bits}}>(source, global::System.Runtime.InteropServices.MemoryMarshal.Cast<{{Self}}, {{Bits}}>(destination), {{ToEven}}, false);

                    /// <summary>Converts each <c>{{Short(type)}}</c>, rounded once in the direction <paramref name="rounding"/> asks.</summary>
                    /// <param name="source">The values to convert.</param>
                    /// <param name="destination">Where the results go; at least as long as <paramref name="source"/>, else <c>ArgumentException</c>.</param>
                    /// <param name="rounding">The rounding direction; <c>MidpointRounding.ToEven</c> is round to nearest, ties to even.</param>
                    /// <param name="saturate">Whether a finite value past the largest finite value gives ±MaxValue.</param>
                    public static void ConvertFrom(global::System.ReadOnlySpan<{{type}}> source, global::System.Span<{{Self}}> destination, {{Rounding}} rounding, bool saturate = false)
                        => {{Rounded}}.ConvertFrom{{suffix}}<{{Bits}}>(source, global::System.Runtime.InteropServices.MemoryMarshal.Cast<{{Self}}, {{Bits}}>(destination), rounding, saturate);
                    """);
            }

            foreach (var (type, suffix) in new[] { ("float", "Single"), ("double", "Double"), ("global::System.Half", "Half") })
            {
                string exactness = suffix == "Double" || (suffix == "Single" && FitsInSingle) ? "exactly" : "rounding to nearest even where needed";
                Member($$"""
                    /// <summary>Converts each value to <c>{{Short(type)}}</c>, {{exactness}}.</summary>
                    /// <param name="source">The values to convert.</param>
                    /// <param name="destination">Where the results go; at least as long as <paramref name="source"/>, else <c>ArgumentException</c>.</param>
                    public static void ConvertTo(global::System.ReadOnlySpan<{{Self}}> source, global::System.Span<{{type}}> destination)
                        => {{Spans}}.ConvertTo{{suffix}}<{{Bits}}>(global::System.Runtime.InteropServices.MemoryMarshal.Cast<{{Self}}, {{Bits}}>(source), destination);
                    """);
            }

            Member($$"""
                /// <summary>
                /// Converts each <c>float</c> with stochastic rounding: it rounds up with probability equal to its distance
                /// from the value below, so the mean of many conversions is the input. Deterministic for a given seed: the
                /// random bits of element i come from a hash of (<paramref name="seed"/>, i).
                /// </summary>
                /// <param name="source">The values to convert.</param>
                /// <param name="destination">Where the results go; at least as long as <paramref name="source"/>, else <c>ArgumentException</c>.</param>
                /// <param name="seed">The seed of the random bits.</param>
                /// <param name="saturate">Whether a finite value rounding past the largest finite value gives ±MaxValue.</param>
                public static void ConvertFromStochastic(global::System.ReadOnlySpan<float> source, global::System.Span<{{Self}}> destination, ulong seed, bool saturate = false)
                    => {{Spans}}.ConvertFromSingleStochastic<{{Bits}}>(source, global::System.Runtime.InteropServices.MemoryMarshal.Cast<{{Self}}, {{Bits}}>(destination), seed, saturate);

                /// <summary>Converts each <c>float</c> with stochastic rounding, using the caller's random bits (one <c>uint</c> per element).</summary>
                /// <param name="source">The values to convert.</param>
                /// <param name="destination">Where the results go; at least as long as <paramref name="source"/>, else <c>ArgumentException</c>.</param>
                /// <param name="randomBits">Uniform random bits, at least as many as <paramref name="source"/> has elements.</param>
                /// <param name="saturate">Whether a finite value rounding past the largest finite value gives ±MaxValue.</param>
                public static void ConvertFromStochastic(global::System.ReadOnlySpan<float> source, global::System.Span<{{Self}}> destination, global::System.ReadOnlySpan<uint> randomBits, bool saturate = false)
                    => {{Spans}}.ConvertFromSingleStochastic<{{Bits}}>(source, global::System.Runtime.InteropServices.MemoryMarshal.Cast<{{Self}}, {{Bits}}>(destination), randomBits, saturate);

                /// <summary>Converts one <c>float</c> with stochastic rounding driven by <paramref name="randomBits"/>.</summary>
                /// <param name="value">The value to convert.</param>
                /// <param name="randomBits">Uniform random bits.</param>
                /// <param name="saturate">Whether a finite value rounding past the largest finite value gives ±MaxValue.</param>
                /// <returns>The value below or above <paramref name="value"/>, chosen with the probabilities that make the rounding unbiased.</returns>
                public static {{Self}} FromSingleStochastic(float value, uint randomBits, bool saturate = false)
                    => FromCode({{Spans}}.FromSingleStochastic(value, randomBits, saturate));
                """);

            if (_layout.TotalBits >= 8)
            {
                return;
            }

            string layout = _layout.TotalBits <= 4
                ? "two values per byte, low nibble first"
                : $"the {Int(_layout.TotalBits)}-bit encodings laid end to end, little-endian";
            Member($$"""
                /// <summary>The number of bytes that <paramref name="count"/> packed values take ({{layout}}).</summary>
                /// <param name="count">The number of values.</param>
                /// <returns>The packed length in bytes.</returns>
                public static int PackedLength(int count) => {{Spans}}.PackedLength(count);
                """);

            Member($$"""
                /// <summary>Packs values densely: {{layout}}.</summary>
                /// <param name="source">The values.</param>
                /// <param name="destination">Where the bytes go; at least <c>PackedLength(source.Length)</c> long, else <c>ArgumentException</c>.</param>
                public static void Pack(global::System.ReadOnlySpan<{{Self}}> source, global::System.Span<byte> destination)
                    => {{Spans}}.Pack<{{Bits}}>(global::System.Runtime.InteropServices.MemoryMarshal.Cast<{{Self}}, {{Bits}}>(source), destination);
                """);

            Member($$"""
                /// <summary>Converts <c>float</c> values (ties to even) straight into the packed layout ({{layout}}).</summary>
                /// <param name="source">The values to convert.</param>
                /// <param name="destination">Where the bytes go; at least <c>PackedLength(source.Length)</c> long, else <c>ArgumentException</c>.</param>
                public static void PackFrom(global::System.ReadOnlySpan<float> source, global::System.Span<byte> destination)
                    => {{Spans}}.ConvertFromSingleToPacked(source, destination, {{ToEven}}, false);

                /// <summary>Converts <c>float</c> values, rounded once in the direction <paramref name="rounding"/> asks, straight into the packed layout ({{layout}}).</summary>
                /// <param name="source">The values to convert.</param>
                /// <param name="destination">Where the bytes go; at least <c>PackedLength(source.Length)</c> long, else <c>ArgumentException</c>.</param>
                /// <param name="rounding">The rounding direction; <c>MidpointRounding.ToEven</c> is round to nearest, ties to even.</param>
                /// <param name="saturate">Whether a finite value past the largest finite value gives ±MaxValue.</param>
                public static void PackFrom(global::System.ReadOnlySpan<float> source, global::System.Span<byte> destination, {{Rounding}} rounding, bool saturate = false)
                    => {{Rounded}}.ConvertFromSingleToPacked(source, destination, rounding, saturate);

                /// <summary>Converts packed values ({{layout}}) straight to <c>float</c>, exactly.</summary>
                /// <param name="source">The packed bytes.</param>
                /// <param name="destination">Where the values go; its length is the number of values to unpack.</param>
                public static void UnpackTo(global::System.ReadOnlySpan<byte> source, global::System.Span<float> destination)
                    => {{Spans}}.ConvertPackedToSingle(source, destination);
                """);

            Member($$"""
                /// <summary>Unpacks values that <c>Pack</c> wrote ({{layout}}).</summary>
                /// <param name="source">The packed bytes.</param>
                /// <param name="destination">Where the values go; its length is the number of values to unpack.</param>
                public static void Unpack(global::System.ReadOnlySpan<byte> source, global::System.Span<{{Self}}> destination)
                    => {{Spans}}.Unpack<{{Bits}}>(source, global::System.Runtime.InteropServices.MemoryMarshal.Cast<{{Self}}, {{Bits}}>(destination));
                """);
        }
    }
}
