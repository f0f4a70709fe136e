using System;

namespace NumForge
{
    /// <summary>
    /// Declares a posit format (Posit Standard 2022, with the classic <c>es</c> parameter) on a <c>partial struct</c>.
    /// The NumForge source generator writes the whole value type: bit-exact conversions, correctly rounded arithmetic
    /// (round to nearest, ties to even on the bit string), generic math, parsing, formatting, span converters and a
    /// quire for exact dot products.
    /// </summary>
    /// <example>
    /// <code>
    /// [PositFormat(bits: 16, exponentBits: 2)]
    /// public readonly partial struct Posit16 { }
    ///
    /// [PositFormat(8, exponentBits: 0)]   // SoftPosit's classic posit8
    /// public readonly partial struct Posit8E0 { }
    /// </code>
    /// </example>
    [AttributeUsage(AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
    public sealed class PositFormatAttribute : Attribute
    {
        /// <summary>Declares a posit format.</summary>
        /// <param name="bits">Total width n of an encoding, 2 to 64.</param>
        /// <param name="exponentBits">
        /// Width es of the exponent field, 0 to 4; the default 2 is the Posit Standard 2022's value for every width.
        /// </param>
        public PositFormatAttribute(int bits, int exponentBits = 2)
        {
            Bits = bits;
            ExponentBits = exponentBits;
        }

        /// <summary>Total width n of an encoding (sign, regime, exponent and fraction).</summary>
        public int Bits { get; }

        /// <summary>Width es of the exponent field; useed = 2^(2^es).</summary>
        public int ExponentBits { get; }
    }
}
