namespace NumForge
{
    /// <summary>OCP FP8 E4M3 (ml_dtypes float8_e4m3fn): no infinities, NaN only at 0x7F/0xFF, max 448.</summary>
    [FloatFormat(4, 3, Specials = SpecialValues.FiniteNaN)]
    public readonly partial struct Float8E4M3FN
    {
    }
}
