namespace NumForge
{
    /// <summary>A signed 4-bit integer (-8 to 7), packed two per byte; ml_dtypes' int4 and ONNX INT4.</summary>
    [IntFormat(4)]
    public readonly partial struct Int4
    {
    }
}
