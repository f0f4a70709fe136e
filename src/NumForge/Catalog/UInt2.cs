namespace NumForge
{
    /// <summary>An unsigned 2-bit integer (0 to 3), packed four per byte; ml_dtypes' uint2.</summary>
    [IntFormat(2, Signed = false)]
    public readonly partial struct UInt2
    {
    }
}
