namespace NumForge
{
    /// <summary>SoftPosit's classic 16-bit posit (posit&lt;16,1&gt;, es = 1): maxpos 2^28, minpos 2^-28, with SoftPosit's 128-bit quire16. Bit-exact with SoftPosit's posit16_t.</summary>
    [PositFormat(16, exponentBits: 1)]
    public readonly partial struct Posit16E1
    {
    }
}
