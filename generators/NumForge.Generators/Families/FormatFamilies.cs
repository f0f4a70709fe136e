using NumForge.Generators.Families.Block;
using NumForge.Generators.Families.Float;
using NumForge.Generators.Families.Integer;
using NumForge.Generators.Families.Posit;
using NumForge.Generators.Pipeline;

namespace NumForge.Generators.Families
{
    /// <summary>
    /// The one place families are registered. Adding a family is a folder under <c>Families/</c> and one line here;
    /// the order is the precedence for a type with several format attributes (NF0003: the first reports the target).
    /// </summary>
    internal static class FormatFamilies
    {
        public static readonly FormatFamily[] All =
        {
            FloatFamily.Instance,
            PositFamily.Instance,
            IntFamily.Instance,
            BlockFamily.Instance,
        };
    }
}
