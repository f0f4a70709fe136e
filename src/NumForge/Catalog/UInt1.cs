namespace NumForge
{
    /// <summary>An unsigned 1-bit integer (0 and 1), packed eight per byte; ml_dtypes' uint1.</summary>
    [IntFormat(1, Signed = false)]
    public readonly partial struct UInt1
    {
    }
}
