namespace NumForge
{
    /// <summary>IEEE-style FP8 E4M3 (ml_dtypes float8_e4m3) with infinities and NaNs, max 240.</summary>
    [FloatFormat(4, 3)]
    public readonly partial struct Float8E4M3
    {
    }
}
