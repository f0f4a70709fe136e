namespace NumForge
{
    /// <summary>OCP MX FP6 E3M2 (ml_dtypes float6_e3m2fn): every encoding finite, max 28.</summary>
    [FloatFormat(3, 2, Specials = SpecialValues.Finite)]
    public readonly partial struct Float6E3M2FN
    {
    }
}
