namespace NumForge
{
    /// <summary>A signed 1-bit integer (-1 and 0), packed eight per byte; ml_dtypes' int1.</summary>
    [IntFormat(1)]
    public readonly partial struct Int1
    {
    }
}
