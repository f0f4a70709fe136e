namespace NumForge
{
    /// <summary>FP8 E5M2 FNUZ (ml_dtypes float8_e5m2fnuz): bias 16, no infinities, no negative zero, NaN at 0x80, max 57344.</summary>
    [FloatFormat(5, 2, Bias = 16, Specials = SpecialValues.FiniteNaNUnsignedZero)]
    public readonly partial struct Float8E5M2FNUZ
    {
    }
}
