namespace NumForge
{
    /// <summary>IEEE-style FP8 E3M4 (ml_dtypes float8_e3m4) with infinities and NaNs, max 15.5.</summary>
    [FloatFormat(3, 4)]
    public readonly partial struct Float8E3M4
    {
    }
}
