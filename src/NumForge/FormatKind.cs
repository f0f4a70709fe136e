namespace NumForge
{
    /// <summary>The family a number format belongs to.</summary>
    public enum FormatKind
    {
        /// <summary>A binary floating-point format (sign, exponent, mantissa).</summary>
        Float = 0,

        /// <summary>A posit (type III unum) format.</summary>
        Posit = 1,

        /// <summary>A narrow two's-complement or unsigned integer.</summary>
        Integer = 2,

        /// <summary>A block (group-quantized) format.</summary>
        Block = 3,
    }
}
