namespace NumForge
{
    /// <summary>FP8 E4M3 with bias 11, FNUZ (ml_dtypes float8_e4m3b11fnuz, TPU): no infinities, no negative zero, NaN at 0x80, max 30.</summary>
    [FloatFormat(4, 3, Bias = 11, Specials = SpecialValues.FiniteNaNUnsignedZero)]
    public readonly partial struct Float8E4M3B11FNUZ
    {
    }
}
