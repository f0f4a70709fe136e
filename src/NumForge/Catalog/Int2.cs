namespace NumForge
{
    /// <summary>A signed 2-bit integer (-2 to 1), packed four per byte; ml_dtypes' int2.</summary>
    [IntFormat(2)]
    public readonly partial struct Int2
    {
    }
}
