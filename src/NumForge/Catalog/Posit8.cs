namespace NumForge
{
    /// <summary>An 8-bit posit of the Posit Standard 2022 (posit&lt;8,2&gt;, es = 2): maxpos 2^24, minpos 2^-24, with a 128-bit quire.</summary>
    [PositFormat(8)]
    public readonly partial struct Posit8
    {
    }
}
