namespace NumForge
{
    /// <summary>An unsigned 4-bit integer (0 to 15), packed two per byte; ml_dtypes' uint4 and ONNX UINT4.</summary>
    [IntFormat(4, Signed = false)]
    public readonly partial struct UInt4
    {
    }
}
