namespace NumForge
{
    /// <summary>Brain floating point (bfloat16): the top 16 bits of a binary32, with 8 exponent and 7 mantissa bits. Matches ml_dtypes' bfloat16 (NaN keeps its sign).</summary>
    [FloatFormat(8, 7)]
    public readonly partial struct BFloat16
    {
    }
}
