namespace NumForge
{
    /// <summary>OCP MX FP6 E2M3 (ml_dtypes float6_e2m3fn): every encoding finite, max 7.5.</summary>
    [FloatFormat(2, 3, Specials = SpecialValues.Finite)]
    public readonly partial struct Float6E2M3FN
    {
    }
}
