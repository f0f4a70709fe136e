namespace NumForge
{
    /// <summary>OCP MX E8M0 scale (ml_dtypes float8_e8m0fnu): unsigned powers of two 2^-127 to 2^127, no zero, NaN at 0xFF.</summary>
    [FloatFormat(8, 0, Signed = false, Subnormals = false, Specials = SpecialValues.FiniteNaN)]
    public readonly partial struct Float8E8M0FNU
    {
    }
}
