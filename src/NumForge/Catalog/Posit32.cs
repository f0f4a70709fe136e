namespace NumForge
{
    /// <summary>A 32-bit posit of the Posit Standard 2022 (posit&lt;32,2&gt;, es = 2): maxpos 2^120, minpos 2^-120, with a 512-bit quire.</summary>
    [PositFormat(32)]
    public readonly partial struct Posit32
    {
    }
}
