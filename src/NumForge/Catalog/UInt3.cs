namespace NumForge
{
    /// <summary>An unsigned 3-bit integer (0 to 7), packed eight per three bytes, for 3-bit weight schemes.</summary>
    [IntFormat(3, Signed = false)]
    public readonly partial struct UInt3
    {
    }
}
