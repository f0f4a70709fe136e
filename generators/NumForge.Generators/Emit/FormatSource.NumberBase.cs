namespace NumForge.Generators.Emit
{
    // The number-base conversions every family shares: CreateChecked/Saturating/Truncating and INumberBase's
    // TryConvertFrom*/TryConvertTo*, one-line forwarders into NumForge.CompilerServices.Core.NumberConversions, where the
    // typeof(TOther) ladders are compiled and tested once.
    internal abstract partial class FormatSource
    {
        private static readonly string[] ConversionKinds = { "Checked", "Saturating", "Truncating" };

        /// <summary>Writes the generic-math conversions over the family's <c>INumberConverter</c>.</summary>
        /// <param name="converter">The family's converter for this format, e.g. <c>global::NumForge.CompilerServices.Floats.FloatConverter&lt;Traits&gt;</c>.</param>
        protected void WriteNumberConversions(string converter)
        {
            string conversions = $"global::NumForge.CompilerServices.Core.NumberConversions<{Self}, {converter}>";
            string numberBase = $"{Numerics}.INumberBase<{Self}>";
            foreach (string kind in ConversionKinds)
            {
                Member($$"""
                    /// <inheritdoc/>
                    public static {{Self}} Create{{kind}}<TOther>(TOther value)
                        where TOther : {{Numerics}}.INumberBase<TOther> => {{conversions}}.TryCreate(value, out {{Self}} result) || TOther.TryConvertTo{{kind}}(value, out result) ? result : throw {{conversions}}.NotSupported<TOther>();
                    """);
            }

            foreach (string kind in ConversionKinds)
            {
                Member($"static bool {numberBase}.TryConvertFrom{kind}<TOther>(TOther value, out {Self} result) => {conversions}.TryConvertFrom(value, out result);");
            }

            foreach (string kind in ConversionKinds)
            {
                Member($"static bool {numberBase}.TryConvertTo{kind}<TOther>({Self} value, [global::System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out TOther result) => {conversions}.TryConvertTo(value, {Bool(kind == "Checked")}, out result);");
            }
        }
    }
}
