namespace NumForge
{
    /// <summary>OCP MX FP4 E2M1 (ml_dtypes float4_e2m1fn): every encoding finite, max 6.</summary>
    [FloatFormat(2, 1, Specials = SpecialValues.Finite)]
    public readonly partial struct Float4E2M1FN
    {
    }
}
