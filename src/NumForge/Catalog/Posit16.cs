namespace NumForge
{
    /// <summary>A 16-bit posit of the Posit Standard 2022 (posit&lt;16,2&gt;, es = 2): maxpos 2^56, minpos 2^-56, with a 256-bit quire.</summary>
    [PositFormat(16)]
    public readonly partial struct Posit16
    {
    }
}
