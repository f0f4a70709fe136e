namespace NumForge
{
    /// <summary>A 64-bit posit of the Posit Standard 2022 (posit&lt;64,2&gt;, es = 2): maxpos 2^248, minpos 2^-248, with a 1024-bit quire. Not every value is exact in double.</summary>
    [PositFormat(64)]
    public readonly partial struct Posit64
    {
    }
}
