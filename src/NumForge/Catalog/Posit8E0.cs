namespace NumForge
{
    /// <summary>SoftPosit's classic 8-bit posit (posit&lt;8,0&gt;, es = 0): maxpos 64, minpos 1/64, with SoftPosit's 32-bit quire8. Bit-exact with SoftPosit's posit8_t.</summary>
    [PositFormat(8, exponentBits: 0)]
    public readonly partial struct Posit8E0
    {
    }
}
