namespace NumForge
{
    /// <summary>FP8 E4M3 FNUZ (ml_dtypes float8_e4m3fnuz, AMD/Graphcore): bias 8, no infinities, no negative zero, NaN at 0x80, max 240.</summary>
    [FloatFormat(4, 3, Bias = 8, Specials = SpecialValues.FiniteNaNUnsignedZero)]
    public readonly partial struct Float8E4M3FNUZ
    {
    }
}
