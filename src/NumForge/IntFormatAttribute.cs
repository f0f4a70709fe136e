using System;

namespace NumForge
{
    /// <summary>
    /// Declares a narrow integer format of 1 to 8 bits on a <c>partial struct</c>: two's complement when
    /// <see cref="Signed"/> (the default), else unsigned. The NumForge source generator writes the whole value type:
    /// <c>IBinaryInteger</c> generic math with .NET's wrap, <c>checked</c> and saturate conventions, conversions,
    /// parsing and formatting like <see cref="sbyte"/>, rounding span converters and packed storage.
    /// </summary>
    /// <example>
    /// <code>
    /// [IntFormat(4)]                      // -8..7, like ml_dtypes' int4
    /// public readonly partial struct Int4 { }
    ///
    /// [IntFormat(6, Signed = false)]      // 0..63
    /// public readonly partial struct UInt6 { }
    /// </code>
    /// </example>
    [AttributeUsage(AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
    public sealed class IntFormatAttribute : Attribute
    {
        /// <summary>Declares an integer format.</summary>
        /// <param name="bits">Width of the integer, 1 to 8. The value sits in the low bits of a byte.</param>
        public IntFormatAttribute(int bits)
        {
            Bits = bits;
        }

        /// <summary>Width of the integer in bits, 1 to 8.</summary>
        public int Bits { get; }

        /// <summary>
        /// Whether the integer is two's complement (range -2^(bits-1) to 2^(bits-1)-1; a 1-bit signed integer holds -1
        /// and 0) rather than unsigned (0 to 2^bits-1). Defaults to <see langword="true"/>.
        /// </summary>
        public bool Signed { get; set; } = true;
    }
}
