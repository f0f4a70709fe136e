namespace NumForge
{
    /// <summary>A signed 3-bit integer (-4 to 3), packed eight per three bytes, for 3-bit weight schemes.</summary>
    [IntFormat(3)]
    public readonly partial struct Int3
    {
    }
}
