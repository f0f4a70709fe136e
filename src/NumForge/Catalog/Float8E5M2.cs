namespace NumForge
{
    /// <summary>OCP FP8 E5M2 (ml_dtypes float8_e5m2): IEEE-style with infinities and NaNs, max 57344.</summary>
    [FloatFormat(5, 2)]
    public readonly partial struct Float8E5M2
    {
    }
}
